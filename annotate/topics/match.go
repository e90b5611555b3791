// The matcher: what starts at a token, and which tokens may start anything.

package topics

// TermAt finds what starts at token, given the TokenHashes of the tokens
// from it to where a term may end (the end of its sentence). A case-exact
// term ("WHO", "Labour") overrides the same word read case-blind, but not a
// longer phrase.
//
// The filter of Starts spares most one- and two-word n-grams that are not in
// the table a probe. The only words in the table that it leaves out, those
// that only start longer terms ("the"), need no lookup at all: their pair
// says whether to go on.
func (l *Lexicon) TermAt(token string, hashes []uint64) Term {
	// The term is built in locals, not in a Term, which is too big for the
	// compiler to keep in registers.
	var senses []Sense
	var context Mask
	var termKey uint64
	termLen := 0
	key := Key()
	for n := 1; n <= min(len(hashes), l.MaxTerm); n++ {
		key = Extend(key, hashes[n-1])
		if n <= 2 && l.starts.lacks(key) == 1 {
			if n == 1 {
				continue
			}
			break
		}
		e := l.Lookup(key)
		if e == nil {
			break
		}
		context = context.Or(l.Context(e))
		if s := l.Senses(e); len(s) > 0 {
			senses, termKey, termLen = s, key, n
		}
		if !e.Prefix {
			break
		}
	}
	if l.MayBeExact(token) { // most tokens: no call to LookupExact
		if exact, e := l.LookupExact(token); e != nil {
			context = context.Or(l.Context(e))
			if s := l.Senses(e); len(s) > 0 && termLen <= 1 {
				senses, termKey, termLen = s, exact, 1
			}
		}
	}
	return Term{Senses: senses, Key: termKey, Len: termLen, Context: context}
}

// LookupExact returns the key and entry of a single token matched with its
// case ("WHO", "Labour"); the entry is nil if the lexicon has none.
func (l *Lexicon) LookupExact(token string) (uint64, *Entry) {
	if !l.MayBeExact(token) {
		return 0, nil
	}
	key := Exact(token)
	return key, l.Lookup(key)
}

// MayBeExact reports whether LookupExact may find token: whether a
// case-exact key has its first byte and its length. It rules out most
// tokens more cheaply than a call to LookupExact.
func (l *Lexicon) MayBeExact(token string) bool {
	return token != "" && l.exactShapes[token[0]]&shapeBit(len(token)) != 0
}

// Starts lists the tokens where a term, a context word or a case-exact word
// may start, given the TokenHash of each token and one more value after the
// last. It writes the list to starts, which needs room for every token, and
// returns it. Lookups from the tokens it leaves out find nothing, and about
// one token in a hundred passes by chance.
//
// Most tokens of a text start nothing, and the common words that only
// start longer terms ("the", "in") are ruled out by the pair they begin,
// so the matcher looks up about one token in six. Each test is two loads
// and no branch: a token is written to the list whatever the result, and
// kept by counting it.
func (l *Lexicon) Starts(hashes []uint64, starts []int32) []int32 {
	n := 0
	for i := 0; i+1 < len(hashes); i++ {
		word := Extend(Key(), hashes[i])
		starts[n] = int32(i)
		n += int(l.starts.lacks(word)&l.starts.lacks(Extend(word, hashes[i+1])) ^ 1)
	}
	return starts[:n]
}
