// Package topics holds Lede's issue vocabulary: IPTC Media Topics (release
// 2025-10-09, CC-BY 4.0, https://iptc.org/standards/media-topics/) and a
// lexicon written for Lede that maps words and phrases to them.
//
// lexicon.txt is the readable source; cmd/build-topics checks it against the
// IPTC release, expands inflections and writes compiled.txt, which is embedded
// here and loaded once into a hash table keyed on token n-grams, so the issues
// stage can match every term in one pass over the tokens without allocating.
package topics

import (
	_ "embed"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"lede/annotate/internal/swar"
)

//go:generate go run ../../cmd/build-topics -shared ../../../shared -lexicon lexicon.txt -out compiled.txt

//go:embed compiled.txt
var compiled string

// Topic is one IPTC Media Topic.
type Topic struct {
	ID    string // "medtop:20000373"
	Label string // English label, "international trade"
	// Top is the index of the topic's top-level ancestor; a top-level
	// topic is its own Top.
	Top int
	// Frame marks the institutions and roles that carry a story (ministers,
	// courts, companies) rather than what it is about.
	Frame bool
}

// IsTop reports whether t is one of the 17 top-level topics.
func (l *Lexicon) IsTop(topic int) bool { return l.Topics[topic].Top == topic }

// Mask is a set of context bits: bits 0 to 16 are the top-level topics, the
// rest the lexicon's context groups. It is a struct of two words rather
// than an array, and its methods take and return values, so that the
// compiler keeps masks in registers.
type Mask struct{ low, high uint64 }

// MaskBits is how many context bits a Mask holds.
const MaskBits = 128

// With returns m with bit i added. A shift by 64 or more gives 0, so each
// word takes its own bits without a branch.
func (m Mask) With(i int) Mask { return Mask{m.low | 1<<uint(i), m.high | 1<<uint(i-64)} }

// Or returns the bits of m and o.
func (m Mask) Or(o Mask) Mask { return Mask{m.low | o.low, m.high | o.high} }

// Meets reports whether m and o share a bit.
func (m Mask) Meets(o Mask) bool { return m.low&o.low|m.high&o.high != 0 }

// Empty reports whether no bit is set.
func (m Mask) Empty() bool { return m.low|m.high == 0 }

// parseMask reads bit numbers separated by "+" ("17+40"); "" is empty.
func parseMask(s string) Mask {
	var m Mask
	for s != "" {
		field, rest, _ := strings.Cut(s, "+")
		if i, ok := parseBit(field); ok {
			m = m.With(i)
		}
		s = rest
	}
	return m
}

// parseBit reads a bit number: decimal digits below MaskBits.
func parseBit(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || n >= MaskBits {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, s != "" && n < MaskBits
}

// Sense is one reading of a term: the topic it raises, how strongly, and the
// context it needs: the sense counts when the nearby text has any Need bit
// (or Need is empty) and no Forbid bit.
type Sense struct {
	Topic        int
	Weight       float64
	Need, Forbid Mask
}

// Conditional reports whether the sense depends on its context.
func (s Sense) Conditional() bool { return s.Need.low|s.Need.high|s.Forbid.low|s.Forbid.high != 0 }

// Counts reports whether the sense holds in a text with the context bits window.
func (s Sense) Counts(window Mask) bool {
	return (s.Need.Empty() || window.Meets(s.Need)) && !window.Meets(s.Forbid)
}

// Entry is what a token n-gram means: its senses (Lexicon.Senses; none when
// it is only the start of longer terms or a context word), the context bits
// it sets (Lexicon.Context), and whether longer terms start with it.
//
// The entries are the slots of the lexicon's hash table, each with its key,
// in sixteen bytes: the matcher looks up a few n-grams at most tokens of a
// text, and a lookup then reads one slot, often a cache miss, where a slot
// pointing to an entry elsewhere cost two.
type Entry struct {
	key     uint64
	first   uint16 // the entry's senses are the lexicon's senses[first:first+senses]
	senses  uint8
	Prefix  bool
	context uint16 // the entry's context bits are the lexicon's contexts[context]
	used    bool   // false for an empty slot
}

// Lexicon is the loaded vocabulary. It is read-only and shared.
//
// The n-gram keys live in an open-addressing hash table of flat,
// pointer-free arrays built in one pass at load time: a Go map of tens of
// thousands of entries, each with its own slice, took about 100 ms to build
// in WebAssembly, where allocation and garbage collection are slow.
type Lexicon struct {
	Topics    []Topic
	MaxTerm   int     // the longest term, in tokens
	Ranking   Ranking // from ranking.txt
	entries   []Entry // the hash table
	used      int     // how many entries are used
	slotShift uint    // 64 - log2(len(entries))
	senses    []Sense // every entry's senses, each a run of this array
	// contexts holds each distinct context of the entries, the empty one
	// first; contextOf finds them while the lexicon loads.
	contexts  []Mask
	contextOf map[Mask]uint16
	// exactShapes[b] has bit n set when a case-exact key starts with byte
	// b and is n bytes long (bit 31: longer), so that most tokens need no
	// exact lookup.
	exactShapes [256]uint32
	// starts holds the keys a match may start with (Starts): the
	// one-word keys, the folded word of each case-exact key, and the first
	// two words of every longer key.
	starts bloom
}

// bloom is a Bloom filter of keys that sets two bits of one word for each,
// so that a test is one load and no loop or branch.
type bloom []uint64

// newBloom makes a filter for about n keys.
func newBloom(n int) bloom { return make(bloom, 1<<bits.Len(uint(n*bloomBitsPerKey/64))) }

// bloomBitsPerKey sizes the filter: the lexicon holds about 26,000 keys
// that start matches but parse estimates over 35,000, so the filter has
// about twenty bits per key, and a key never added passes about one time
// in a hundred.
const bloomBitsPerKey = 8

func (b bloom) add(key uint64) { b[key&uint64(len(b)-1)] |= bloomBits(key) }

// lacks is 1 if key was never added, 0 if it may have been.
func (b bloom) lacks(key uint64) uint64 {
	missing := bloomBits(key) &^ b[key&uint64(len(b)-1)]
	return (missing | -missing) >> 63 // 1 unless missing is 0, without a branch
}

// bloomBits are a key's two bits, from its top bits; its low bits pick the word.
func bloomBits(key uint64) uint64 { return 1<<(key>>58) | 1<<(key>>52&63) }

// TopBit is the context bit of a topic's top level: the 17 top-level topics
// come first in the compiled lexicon and own context bits 0 to 16, so a
// term can require or forbid a top level in its context ("-#sport").
func (l *Lexicon) TopBit(topic int) int { return l.Topics[topic].Top }

// Find returns the index of the topic with IPTC code id, or -1.
func (l *Lexicon) Find(id string) int {
	for i, t := range l.Topics {
		if t.ID == id {
			return i
		}
	}
	return -1
}

// Lookup returns the entry for an n-gram key built with Key and Extend, or Exact,
// or nil if the lexicon has none. The entry is shared: never write it.
func (l *Lexicon) Lookup(key uint64) *Entry {
	for i := l.slot(key); ; i = (i + 1) & (len(l.entries) - 1) {
		switch e := &l.entries[i]; {
		case !e.used:
			return nil
		case e.key == key:
			return e
		}
	}
}

// Senses returns the senses of an entry (shared: never write them).
func (l *Lexicon) Senses(e *Entry) []Sense {
	end := int(e.first) + int(e.senses)
	return l.senses[e.first:end:end]
}

// Context returns the context bits an entry sets.
func (l *Lexicon) Context(e *Entry) Mask { return l.contexts[e.context] }

// Term is what starts at a token: the longest term there, and the context
// set by the n-grams it starts, the term and the shorter ones.
type Term struct {
	Senses  []Sense // the term's, none if no term starts there (shared: never write)
	Key     uint64  // the term's key
	Len     int     // the term's length in tokens
	Context Mask
}

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

// shapeBit is the bit of exactShapes for a key n bytes long.
func shapeBit(n int) uint32 { return 1 << min(n, 31) }

// slot is where key's probe starts: Fibonacci hashing spreads the exact
// keys, whose low bits alone cluster, over the table.
func (l *Lexicon) slot(key uint64) int {
	return int((key * 0x9e3779b97f4a7c15) >> l.slotShift)
}

var (
	loadOnce sync.Once
	loaded   *Lexicon
)

// Load parses the embedded lexicon the first time it is called.
func Load() *Lexicon {
	loadOnce.Do(func() {
		loaded = parse(compiled)
		r, err := loaded.ParseRanking(rankingSource)
		if err != nil {
			panic(err) // the embedded file is checked by the tests
		}
		loaded.Ranking = r
	})
	return loaded
}

// The compiled format, one record per line (fields separated by tabs):
//
//	T <id> <label> <top index> <kind>  a topic; its index is its order; kind "frame" or empty
//	S <sense>;<sense>… <context>    the senses and context bits of the keys that follow
//	<key>                           a token n-gram ("trade war"); "=WTO" matches case exactly
//
// A sense is topic:weight:need:forbid; a mask is its bit numbers joined by "+". Lines starting with # are comments.
// Keys are written folded (lower case, straight apostrophes), so loading
// hashes each key's bytes as they stand, reading each once.
func parse(src string) *Lexicon {
	keys := len(src) / bytesPerKey
	l := &Lexicon{starts: newBloom(keys), contexts: []Mask{{}}, contextOf: map[Mask]uint16{{}: 0}}
	l.resize(keys)
	var group senseGroup // the senses and context of the keys that follow
	for len(src) > 0 {
		if src[0] != '#' && src[0] != '\n' && !strings.HasPrefix(src, "T\t") && !strings.HasPrefix(src, "S\t") {
			src = l.add(src, group)
			continue
		}
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		switch {
		case strings.HasPrefix(line, "T\t"):
			l.Topics = append(l.Topics, parseTopic(line[2:]))
		case strings.HasPrefix(line, "S\t"):
			senses, context, _ := strings.Cut(line[2:], "\t")
			group.first = len(l.senses)
			l.senses = appendSenses(l.senses, senses)
			group.end = len(l.senses)
			group.context = parseMask(context)
		}
	}
	if len(l.senses) > math.MaxUint16 || len(l.contexts) > math.MaxUint16 {
		panic("topics: the lexicon outgrew the fields of Entry")
	}
	l.contextOf = nil
	return l
}

// senseGroup is the senses of a run of keys, senses[first:end], and the
// context they set.
type senseGroup struct {
	first, end int
	context    Mask
}

// bytesPerKey is about the length of a line of compiled.txt, to size the
// table once for the keys it holds.
const bytesPerKey = 12

// parseTopic reads "<id> <label> <top index> <kind>" separated by tabs.
func parseTopic(line string) Topic {
	id, rest, _ := strings.Cut(line, "\t")
	label, rest, _ := strings.Cut(rest, "\t")
	top, kind, _ := strings.Cut(rest, "\t")
	index, _ := strconv.Atoi(top)
	return Topic{ID: id, Label: label, Top: index, Frame: kind == "frame"}
}

// appendSenses reads "topic:weight:need:forbid" senses separated by ";".
func appendSenses(out []Sense, field string) []Sense {
	for field != "" {
		var sense string
		sense, field, _ = strings.Cut(field, ";")
		topic, rest, _ := strings.Cut(sense, ":")
		weight, rest, _ := strings.Cut(rest, ":")
		need, forbid, _ := strings.Cut(rest, ":")
		t, _ := strconv.Atoi(topic)
		w := parseWeight(weight)
		out = append(out, Sense{Topic: t, Weight: w, Need: parseMask(need), Forbid: parseMask(forbid)})
	}
	return out
}

// parseWeight reads a weight. The lexicon's are short decimals ("0.42"),
// which it reads as digits over a power of ten: both are exact in a float64,
// so the quotient is the correctly rounded value strconv.ParseFloat gives,
// without its generic machinery, which is slow while WebAssembly is
// starting up.
func parseWeight(s string) float64 {
	var digits uint64
	scale, point := 1.0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9' && i < maxWeightDigits:
			digits = digits*10 + uint64(c-'0')
			if point {
				scale *= 10
			}
		case c == '.' && !point:
			point = true
		default:
			w, _ := strconv.ParseFloat(s, 64)
			return w
		}
	}
	return float64(digits) / scale
}

// maxWeightDigits keeps parseWeight's digits and scale exact.
const maxWeightDigits = 15

// add registers the key on the first line of src with the senses and
// context of group, marks each of its proper prefixes, and returns the
// lines after it.
//
// It reads the line in one loop, eight bytes at a time: a call per line or
// word to find its end costs more in WebAssembly, where the lexicon loads
// as the page starts.
func (l *Lexicon) add(src string, group senseGroup) string {
	var h uint64
	end := 0 // of the line
	if src[0] == '=' {
		for end = 1; end < len(src) && src[end] != '\n'; end++ {
		}
		exact := src[1:end]
		h = Exact(exact)
		if exact != "" {
			l.exactShapes[exact[0]] |= shapeBit(len(exact))
			l.starts.add(Extend(Key(), TokenHash(exact, 0, len(exact))))
		}
	} else {
		// The key is folded already, so TokenHash's words are its bytes as
		// they stand (TestCompiledKeysAreFolded checks it), read here eight
		// at a time, looking for the space or line break that ends each
		// token in the same words.
		h = Key()
		words := 1
		t := uint64(tokenSeed) // the token so far
		for start, i := 0, 0; ; {
			var w uint64
			k := 8 // where the token ends in w, 8 if not in it
			if i+8 <= len(src) {
				w = swar.Load64(src[i:])
			} else {
				w, k = swar.Bytes(src, i, len(src)-i), len(src)-i
			}
			if stops := swar.Flag(w, ' ') | swar.Flag(w, '\n'); stops != 0 {
				k = min(k, bits.TrailingZeros64(stops)/8)
			}
			if k == 8 {
				t = mixWord(t, w)
				i += 8
				continue
			}
			if k > 0 {
				t = mixWord(t, w&(1<<(8*k)-1))
			}
			end = i + k
			h = Extend(h, t^uint64(end-start))
			if words == 2 {
				l.starts.add(h)
			}
			if end == len(src) || src[end] == '\n' {
				if words == 1 {
					l.starts.add(h)
				}
				break
			}
			l.entry(h).Prefix = true
			words++
			start, i, t = end+1, end+1, tokenSeed
		}
		l.MaxTerm = max(l.MaxTerm, words)
	}
	rest := src[min(end+1, len(src)):]
	e := l.entry(h)
	first, last := int(e.first), int(e.first)+int(e.senses) // the key's senses so far
	switch {
	case first == last:
		first, last = group.first, group.end // shared by every key of the group
	case last == group.first:
		last = group.end // the group's senses follow the key's
	case group.first < group.end:
		merged := len(l.senses)
		l.senses = append(l.senses, l.senses[first:last]...)
		l.senses = append(l.senses, l.senses[group.first:group.end]...)
		first, last = merged, len(l.senses)
	}
	if last-first > math.MaxUint8 {
		panic("topics: a key has more senses than an Entry holds")
	}
	e.first, e.senses = uint16(first), uint8(last-first)
	if !group.context.Empty() {
		e.context = l.intern(l.contexts[e.context].Or(group.context))
	}
	return rest
}

// intern returns the index of context in contexts, adding it if it is new.
func (l *Lexicon) intern(context Mask) uint16 {
	i, ok := l.contextOf[context]
	if !ok {
		i = uint16(len(l.contexts))
		l.contexts = append(l.contexts, context)
		l.contextOf[context] = i
	}
	return i
}

// entry returns the entry of key h, adding an empty one if it is new.
func (l *Lexicon) entry(h uint64) *Entry {
	i := l.slot(h)
	for l.entries[i].used && l.entries[i].key != h {
		i = (i + 1) & (len(l.entries) - 1)
	}
	if !l.entries[i].used {
		if (l.used+1)*5 > len(l.entries)*4 {
			l.resize(2 * l.used)
			return l.entry(h)
		}
		l.used++
		l.entries[i] = Entry{key: h, used: true}
	}
	return &l.entries[i]
}

// resize makes the table room for n keys, at most four fifths full, and
// places the keys it already holds.
func (l *Lexicon) resize(n int) {
	old := l.entries
	size := uint(bits.Len(uint(n + n/4)))
	l.entries = make([]Entry, 1<<size)
	l.slotShift = 64 - size
	for _, e := range old {
		if e.used {
			j := l.slot(e.key)
			for l.entries[j].used {
				j = (j + 1) & (len(l.entries) - 1)
			}
			l.entries[j] = e
		}
	}
}

// An n-gram's key chains the hashes of its tokens (TokenHash, Extend),
// each token read lower-cased with curly apostrophes as straight ones, so
// that the matcher hashes each token of a text once and extends an n-gram
// by a token without building a string. A token is hashed eight bytes at a
// time, which is also why TokenHash takes the text around it: a token
// shorter than eight bytes is read in one load and masked.
const (
	tokenSeed = 0x2545f4914f6cdd1d
	mixPrime  = 0x9e3779b97f4a7c15
	// Exact keys are FNV-1a hashes of the token as written, after exactMark,
	// which never occurs in UTF-8 text.
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	exactMark = 0xff
)

// Key is the key of the empty n-gram.
func Key() uint64 { return 0 }

// Extend extends the key of an n-gram by a token, given its TokenHash,
// mixing well enough that the keys of different n-grams differ.
func Extend(key, token uint64) uint64 {
	x := (bits.RotateLeft64(key, 23) ^ token) * mixPrime
	return x ^ x>>29
}

// KeyOf is the key of a phrase whose tokens are separated by single spaces,
// as the compiled keys are written.
func KeyOf(phrase string) uint64 {
	h := Key()
	for start := 0; ; {
		end := strings.IndexByte(phrase[start:], ' ')
		if end < 0 {
			return Extend(h, TokenHash(phrase, start, len(phrase)))
		}
		h = Extend(h, TokenHash(phrase, start, start+end))
		start += end + 1
	}
}

// TokenHash hashes the token text[start:end] for Extend.
func TokenHash(text string, start, end int) uint64 {
	const high = 0x8080808080808080
	n := end - start
	if uint(n-1) < 7 && start+8 <= len(text) { // most tokens: one load, masked
		w := swar.Load64(text[start:]) & (1<<(8*n) - 1)
		if w&high == 0 {
			return mixWord(tokenSeed, swar.LowerASCII(w)) ^ uint64(n)
		}
	}
	t := uint64(tokenSeed)
	i := start
	for ; i+8 <= end; i += 8 {
		w := swar.Load64(text[i:])
		if w&high != 0 {
			return foldRunes(text[start:end])
		}
		t = mixWord(t, swar.LowerASCII(w))
	}
	if i < end {
		w := swar.Bytes(text, i, end-i)
		if w&high != 0 {
			return foldRunes(text[start:end])
		}
		t = mixWord(t, swar.LowerASCII(w))
	}
	return t ^ uint64(n)
}

// foldRunes hashes a token beyond ASCII as TokenHash hashes an ASCII one, after
// lowering each rune and straightening curly apostrophes: it streams the
// folded bytes into words.
func foldRunes(token string) uint64 {
	t := uint64(tokenSeed)
	var w uint64
	n := 0
	add := func(b byte) {
		w |= uint64(b) << (8 * (n % 8))
		n++
		if n%8 == 0 {
			t, w = mixWord(t, w), 0
		}
	}
	for _, r := range token {
		if r == '’' {
			r = '\''
		}
		var buf [utf8.UTFMax]byte
		for _, b := range buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))] {
			add(b)
		}
	}
	if n%8 != 0 {
		t = mixWord(t, w)
	}
	return t ^ uint64(n)
}

func mixWord(t, w uint64) uint64 { return bits.RotateLeft64((t^w)*mixPrime, 29) }

// Exact is the key of a single token matched with its case ("WHO", "Labour").
func Exact(token string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ exactMark) * fnvPrime
	for i := 0; i < len(token); i++ {
		h = (h ^ uint64(token[i])) * fnvPrime
	}
	return h
}
