// Types shared by the lexicon's table, matcher and parser: context masks,
// senses, entries and terms.

package topics

import "strings"

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

// Has reports whether bit i is set.
func (m Mask) Has(i int) bool { return m.Meets(Mask{}.With(i)) }

// TopLevelBits are the context bits of the top levels (TopBit).
var TopLevelBits = Mask{low: 1<<TopLevels - 1}

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

// Term is what starts at a token: the longest term there, and the context
// set by the n-grams it starts, the term and the shorter ones.
type Term struct {
	Senses  []Sense // the term's, none if no term starts there (shared: never write)
	Key     uint64  // the term's key
	Len     int     // the term's length in tokens
	Context Mask
}
