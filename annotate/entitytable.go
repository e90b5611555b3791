package annotate

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode/utf8"

	"lede/annotate/gazetteer"
	"lede/annotate/internal/lookup"
	"lede/annotate/internal/swar"
)

// The data structures of the entities stage: a chain (a linked list of
// indices threaded through one slice), a keyTable (an open-addressing table
// giving each distinct short byte string an id), appendLower (the lower-case
// form keys are built from) and tokenFacts (what the gazetteer says of each
// token, looked up at most once per kind). Grouping (entities.go) and roles
// (roles.go) use them; none of them knows about entities.

// chain is a linked list of items of a slice (index + 1, 0 for none) and
// how many there are; next holds the link after each item.
type chain struct{ head, tail, count int32 }

// link appends item (an index + 1) to the chain.
func (c *chain) link(item int32, next []int32) {
	if c.tail == 0 {
		c.head = item
	} else {
		next[c.tail-1] = item
	}
	c.tail = item
	c.count++
}

// splice moves the items of d to the end of c.
func (c *chain) splice(d *chain, next []int32) {
	if d.count == 0 {
		return
	}
	if c.tail == 0 {
		c.head = d.head
	} else {
		next[c.tail-1] = d.head
	}
	c.tail = d.tail
	c.count += d.count
	*d = chain{}
}

// appendLower appends s in lower case as strings.ToLower writes it, eight
// bytes at a time while they are ASCII.
func appendLower(dst []byte, s string) []byte {
	const high = 0x8080808080808080
	n := len(dst)
	dst = slices.Grow(dst, len(s))[:n+len(s)]
	lower := dst[n:]
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := swar.Load64(s[i:])
		if w&high != 0 {
			return append(dst[:n], strings.ToLower(s)...)
		}
		binary.LittleEndian.PutUint64(lower[i:], swar.LowerASCII(w))
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(dst[:n], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return dst
}

// tokenFacts is what the gazetteer says of the tokens of a text: each kind
// of fact is looked up the first time a stage asks for it, since the stages
// ask about the words in and around each name several times (is it a title?
// a country?).
type tokenFacts struct {
	text  string
	toks  []Token
	facts []listFacts
}

func newTokenFacts(text string, toks []Token) *tokenFacts {
	return &tokenFacts{text: text, toks: toks, facts: make([]listFacts, len(toks))}
}

func (f *tokenFacts) word(i int) string { return f.toks[i].Text(f.text) }

// listFacts is what the gazetteer's lists say of a token, each kind of fact looked
// up the first time the stage asks for it: it asks about the words in and
// around each name several times (is it a title? a country?). The facts of
// a token fit in 16 bits.
type listFacts uint16

// The kinds of fact, one gazetteer lookup each, and the bits that say
// they have been looked up.
const (
	titleFacts listFacts = 1 << iota
	countryFacts
	demonymFacts
	placeFacts
	givenNameFacts
)

// The facts.
const (
	titleFact listFacts = 1 << (iota + 5)
	honorificFact
	countryFact
	demonymFact
	placeFact
	givenNameFact
	titleSexShift  = 11 // two bits of gazetteer.Sex
	placeKindShift = 13 // three bits of gazetteer.PlaceKind
)

// factsAt returns the facts of token i, with those of kind looked up.
func (g *tokenFacts) factsAt(i int, kind listFacts) listFacts {
	if f := g.facts[i]; f&kind != 0 {
		return f
	}
	return g.lookUpFacts(i, kind)
}

// lookUpFacts adds the facts of kind to those of token i.
func (g *tokenFacts) lookUpFacts(i int, kind listFacts) listFacts {
	w := g.word(i)
	f := g.facts[i] | kind
	switch kind {
	case titleFacts:
		title, ok := gazetteer.PersonTitle(w)
		f |= factIf(ok, titleFact) | factIf(title.Honorific, honorificFact) | listFacts(title.Sex)<<titleSexShift
	case countryFacts:
		_, ok := gazetteer.Country(w)
		f |= factIf(ok, countryFact)
	case demonymFacts:
		_, ok := gazetteer.Demonym(w)
		f |= factIf(ok, demonymFact)
	case placeFacts:
		// A place is a country first, so this looks countries up too.
		place, ok := gazetteer.Place(w)
		f |= countryFacts | factIf(ok, placeFact) | factIf(place == gazetteer.CountryPlace, countryFact) | listFacts(place)<<placeKindShift
	case givenNameFacts:
		_, ok := gazetteer.GivenName(w)
		f |= factIf(ok, givenNameFact)
	}
	g.facts[i] = f
	return f
}

func factIf(ok bool, fact listFacts) listFacts {
	if ok {
		return fact
	}
	return 0
}

func (g *tokenFacts) titleAt(i int) (sex gazetteer.Sex, ok bool) {
	f := g.factsAt(i, titleFacts)
	return gazetteer.Sex(f >> titleSexShift & 3), f&titleFact != 0
}

func (g *tokenFacts) isTitleAt(i int) bool { return g.factsAt(i, titleFacts)&titleFact != 0 }

func (g *tokenFacts) isHonorificAt(i int) bool {
	return g.factsAt(i, titleFacts)&honorificFact != 0
}

func (g *tokenFacts) isCountryAt(i int) bool { return g.factsAt(i, countryFacts)&countryFact != 0 }

// isPlaceQualifierAt: token i is a country or a demonym ("US", "Chinese").
func (g *tokenFacts) isPlaceQualifierAt(i int) bool {
	return g.isCountryAt(i) || g.factsAt(i, demonymFacts)&demonymFact != 0
}

func (g *tokenFacts) placeAt(i int) (gazetteer.PlaceKind, bool) {
	f := g.factsAt(i, placeFacts)
	return gazetteer.PlaceKind(f >> placeKindShift & 7), f&placeFact != 0
}

func (g *tokenFacts) isGivenNameAt(i int) bool {
	return g.factsAt(i, givenNameFacts)&givenNameFact != 0
}

func isPlaceQualifier(word string) bool {
	if _, ok := gazetteer.Country(word); ok {
		return true
	}
	_, ok := gazetteer.Demonym(word)
	return ok
}

func isPossessiveClitic(w string) bool {
	return w == "'s" || w == "’s" || w == "'S" || w == "’S"
}

// keyTable gives each distinct key (a short byte string) a small id, the
// order in which it was added. It is open addressing sized once for at most
// maxKeys keys.
type keyTable struct {
	bytes []byte  // the keys, one after another
	ends  []int32 // where each key ends in bytes; the next one starts there
	slots []int32 // the id + 1 of a key, 0 for an empty slot
	shape lookup.Slots
}

func newKeyTable(maxKeys, keyBytes int) keyTable {
	shape := lookup.For(maxKeys + maxKeys/2) // at most two thirds full
	return keyTable{bytes: make([]byte, 0, keyBytes), ends: make([]int32, 0, maxKeys),
		slots: make([]int32, shape.Len()), shape: shape}
}

// add returns the id of key, adding it (a copy) if it is new.
func (t *keyTable) add(key []byte) (id int, added bool) {
	slot, id := t.probe(key)
	if id >= 0 {
		return id, false
	}
	t.bytes = append(t.bytes, key...)
	t.ends = append(t.ends, int32(len(t.bytes)))
	t.slots[slot] = int32(len(t.ends))
	return len(t.ends) - 1, true
}

// find returns the id of key if the table has it.
func (t *keyTable) find(key []byte) (int, bool) {
	_, id := t.probe(key)
	return id, id >= 0
}

// probe returns the id of key, or -1 and the empty slot where it belongs.
func (t *keyTable) probe(key []byte) (slot, id int) {
	for slot = t.shape.Start(hashKey(key)); t.slots[slot] != 0; slot = t.shape.Next(slot) {
		id = int(t.slots[slot]) - 1
		start := int32(0)
		if id > 0 {
			start = t.ends[id-1]
		}
		if string(t.bytes[start:t.ends[id]]) == string(key) {
			return slot, id
		}
	}
	return slot, -1
}

// hashKey hashes key by its length and every one of its bytes, read eight
// at a time: names are short, so that is a few loads, and keys that share
// their ends (a hostile text's "Aaaaaaaa 0001 Zzzzzzzz", "… 0002 …") still
// probe from unrelated slots.
func hashKey(key []byte) uint64 {
	var first, last uint64
	switch n := len(key); {
	case n >= 8:
		first, last = binary.LittleEndian.Uint64(key), binary.LittleEndian.Uint64(key[n-8:])
		for i := 8; i < n-8; i += 8 { // the middle, its last word overlapping last
			first = (first ^ binary.LittleEndian.Uint64(key[i:])) * 0x100000001b3
		}
	case n >= 4: // two loads that overlap
		first, last = uint64(binary.LittleEndian.Uint32(key)), uint64(binary.LittleEndian.Uint32(key[n-4:]))
	case n > 0:
		first, last = uint64(key[0]), uint64(key[n-1])<<8|uint64(key[n/2])
	}
	return lookup.Pair(first, last, len(key))
}
