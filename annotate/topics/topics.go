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

// Entry is what a token n-gram means: its senses (none when it is only the
// start of longer terms or a context word), the context bits it sets, and
// whether longer terms start with it.
type Entry struct {
	Senses  []Sense
	Context Mask
	Prefix  bool
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
	entries   []entry
	senses    []Sense // every entry's senses, each a run of this array
	// exactFirst marks the first bytes of the case-exact keys, so that
	// most tokens need no exact lookup.
	exactFirst [256]bool
}

// slot holds a key and 1 + the position of its entry in entries; 0 marks
// an empty slot. Keeping the two together costs one cache miss per probe.
type slot struct {
	key   uint64
	entry int32
}

// entry is an Entry stored compactly: its senses are senses[first:end].
type entry struct {
	first, end int32
	context    Mask
	prefix     bool
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

// Lookup returns the entry for an n-gram key built with Key, Fold and Exact,
// and whether the lexicon has it.
func (l *Lexicon) Lookup(key uint64) (Entry, bool) {
	for i := l.slot(key); ; i = (i + 1) & (len(l.slots) - 1) {
		switch s := l.slots[i]; {
		case s.entry == 0:
			return Entry{}, false
		case s.key == key:
			e := &l.entries[s.entry-1]
			return Entry{Senses: l.senses[e.first:e.end:e.end], Context: e.context, Prefix: e.prefix}, true
		}
	}
}

// LookupExact returns the key and entry of a single token matched with its
// case ("WHO", "Labour"), and whether the lexicon has it.
func (l *Lexicon) LookupExact(token string) (uint64, Entry, bool) {
	if token == "" || !l.exactFirst[token[0]] {
		return 0, Entry{}, false
	}
	key := Exact(token)
	e, ok := l.Lookup(key)
	return key, e, ok
}

// slot is where key's probe starts: Fibonacci hashing spreads the FNV
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
// Keys are written folded (lower case, straight apostrophes), so a key's
// hash is the FNV-1a of its line and loading reads each key byte once.
func parse(src string) *Lexicon {
	keys := len(src) / bytesPerKey
	l := &Lexicon{entries: make([]entry, 0, keys)}
	l.resize(keys)
	var group entry // the senses and context of the keys that follow
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
			group.context = parseMask(context)
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
func (l *Lexicon) add(src string, group entry) string {
	h, exact := Key(), src[0] == '='
	if exact {
		h = (h ^ exactMark) * fnvPrime
		src = src[1:]
		if src != "" {
			l.exactFirst[src[0]] = true
		}
	}
	words := 1
	for len(src) > 0 {
		c := src[0]
		src = src[1:]
		if c == '\n' {
			break
		}
		if c == ' ' && !exact {
			l.entry(h).prefix = true
			words++
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	if !exact {
		l.MaxTerm = max(l.MaxTerm, words)
	}
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
	e.context.Or(group.context)
	return src
}

// entry returns the entry of key h, adding an empty one if it is new.
func (l *Lexicon) entry(h uint64) *entry {
	i := l.slot(h)
	for l.slots[i].entry != 0 && l.slots[i].key != h {
		i = (i + 1) & (len(l.slots) - 1)
	}
	if l.slots[i].entry == 0 {
		if (len(l.entries)+1)*5 > len(l.slots)*4 {
			l.resize(2 * len(l.entries))
			return l.entry(h)
		}
		l.entries = append(l.entries, entry{})
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

// Keys are 64-bit FNV-1a hashes of the lower-cased tokens joined by spaces,
// computed incrementally so that the matcher extends an n-gram by one token
// without building a string.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	// exactMark starts exact-case keys; it never occurs in UTF-8 text.
	exactMark = 0xff
)

// Key is the key of the empty n-gram.
func Key() uint64 { return fnvOffset }

// Fold extends key h by one token, lower-cased, with curly apostrophes read
// as straight ones; join adds the space that separates it from the token before.
func Fold(h uint64, token string, join bool) uint64 {
	if join {
		h = (h ^ ' ') * fnvPrime
	}
	for i := 0; i < len(token); {
		c := token[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(token[i:])
		i += size
		if r == '’' {
			h = (h ^ '\'') * fnvPrime
			continue
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for _, b := range buf[:n] {
			h = (h ^ uint64(b)) * fnvPrime
		}
	}
	return h
}

// Exact is the key of a single token matched with its case ("WHO", "Labour").
func Exact(token string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ exactMark) * fnvPrime
	for i := 0; i < len(token); i++ {
		h = (h ^ uint64(token[i])) * fnvPrime
	}
	return h
}
