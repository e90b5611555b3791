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
// rest the lexicon's context groups.
type Mask [2]uint64

// MaskBits is how many context bits a Mask holds.
const MaskBits = 128

// Set adds bit i.
func (m *Mask) Set(i int) { m[i/64] |= 1 << uint(i%64) }

// Or adds every bit of o.
func (m *Mask) Or(o Mask) { m[0] |= o[0]; m[1] |= o[1] }

// Meets reports whether m and o share a bit.
func (m Mask) Meets(o Mask) bool { return m[0]&o[0] != 0 || m[1]&o[1] != 0 }

// Empty reports whether no bit is set.
func (m Mask) Empty() bool { return m[0]|m[1] == 0 }

// parseMask reads bit numbers separated by "+" ("17+40"); "" is empty.
func parseMask(s string) Mask {
	var m Mask
	for s != "" {
		field, rest, _ := strings.Cut(s, "+")
		if i, ok := parseBit(field); ok {
			m.Set(i)
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
func (s Sense) Conditional() bool { return !s.Need.Empty() || !s.Forbid.Empty() }

// Counts reports whether the sense holds in a text with the context bits window.
func (s Sense) Counts(window Mask) bool {
	return (s.Need.Empty() || window.Meets(s.Need)) && !window.Meets(s.Forbid)
}

// Entry is what a token n-gram means: its senses (Lexicon.Senses; none when
// it is only the start of longer terms or a context word), the context bits
// it sets, and whether longer terms start with it. Lookups hand out
// pointers into the lexicon's flat array of entries: copying entries out,
// a slice each, cost the matcher more than the lookups themselves.
type Entry struct {
	Context    Mask
	Prefix     bool
	first, end int32 // the entry's senses are the lexicon's senses[first:end]
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
	slots     []slot
	slotShift uint // 64 - log2(len(slots))
	entries   []Entry
	senses    []Sense // every entry's senses, each a run of this array
	// exactShapes[b] has bit n set when a case-exact key starts with byte
	// b and is n bytes long (bit 31: longer), so that most tokens need no
	// exact lookup.
	exactShapes [256]uint32
}

// slot holds a key and 1 + the position of its entry in entries; 0 marks
// an empty slot. Keeping the two together costs one cache miss per probe.
type slot struct {
	key   uint64
	entry int32
}

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
	for i := l.slot(key); ; i = (i + 1) & (len(l.slots) - 1) {
		switch s := l.slots[i]; {
		case s.entry == 0:
			return nil
		case s.key == key:
			return &l.entries[s.entry-1]
		}
	}
}

// Senses returns the senses of an entry (shared: never write them).
func (l *Lexicon) Senses(e *Entry) []Sense { return l.senses[e.first:e.end:e.end] }

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
	l := &Lexicon{entries: make([]Entry, 0, keys)}
	l.resize(keys)
	var group Entry // the senses and context of the keys that follow
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
			group.first = int32(len(l.senses))
			l.senses = appendSenses(l.senses, senses)
			group.end = int32(len(l.senses))
			group.Context = parseMask(context)
		}
	}
	return l
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
func (l *Lexicon) add(src string, group Entry) string {
	var h uint64
	end := 0 // of the line
	if src[0] == '=' {
		for end = 1; end < len(src) && src[end] != '\n'; end++ {
		}
		exact := src[1:end]
		h = Exact(exact)
		if exact != "" {
			l.exactShapes[exact[0]] |= shapeBit(len(exact))
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
			if end == len(src) || src[end] == '\n' {
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
	switch {
	case e.first == e.end:
		e.first, e.end = group.first, group.end // shared by every key of the group
	case e.end == group.first:
		e.end = group.end // the key's senses so far end where the group's start
	case group.first < group.end:
		first := int32(len(l.senses))
		l.senses = append(l.senses, l.senses[e.first:e.end]...)
		l.senses = append(l.senses, l.senses[group.first:group.end]...)
		e.first, e.end = first, int32(len(l.senses))
	}
	e.Context.Or(group.Context)
	return rest
}

// entry returns the entry of key h, adding an empty one if it is new.
func (l *Lexicon) entry(h uint64) *Entry {
	i := l.slot(h)
	for l.slots[i].entry != 0 && l.slots[i].key != h {
		i = (i + 1) & (len(l.slots) - 1)
	}
	if l.slots[i].entry == 0 {
		if (len(l.entries)+1)*5 > len(l.slots)*4 {
			l.resize(2 * len(l.entries))
			return l.entry(h)
		}
		l.entries = append(l.entries, Entry{})
		l.slots[i] = slot{key: h, entry: int32(len(l.entries))}
	}
	return &l.entries[l.slots[i].entry-1]
}

// resize makes the table room for n keys, at most four fifths full, and
// places the keys it already holds.
func (l *Lexicon) resize(n int) {
	old := l.slots
	size := uint(bits.Len(uint(n + n/4)))
	l.slots = make([]slot, 1<<size)
	l.slotShift = 64 - size
	for _, s := range old {
		if s.entry != 0 {
			j := l.slot(s.key)
			for l.slots[j].entry != 0 {
				j = (j + 1) & (len(l.slots) - 1)
			}
			l.slots[j] = s
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
	if 0 < n && n < 8 && start+8 <= len(text) { // most tokens: one load
		w := swar.Bytes(text, start, n)
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
