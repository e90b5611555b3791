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
	"slices"
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
		if i, err := strconv.Atoi(field); err == nil && i >= 0 && i < MaskBits {
			m.Set(i)
		}
		s = rest
	}
	return m
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
type Lexicon struct {
	Topics  []Topic
	MaxTerm int              // the longest term, in tokens
	Ranking Ranking          // from ranking.txt
	index   map[uint64]int32 // key → position in entries
	entries []Entry
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

// Lookup returns the entry for an n-gram key built with Key, Fold and Exact, or nil.
func (l *Lexicon) Lookup(key uint64) *Entry {
	if i, ok := l.index[key]; ok {
		return &l.entries[i]
	}
	return nil
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
//	<key>                           a lower-cased token n-gram ("trade war"); "=WTO" matches case exactly
//
// A sense is topic:weight:need:forbid; a mask is its bit numbers joined by "+". Lines starting with # are comments.
func parse(src string) *Lexicon {
	lines := strings.Count(src, "\n")
	l := &Lexicon{index: make(map[uint64]int32, lines), entries: make([]Entry, 0, lines)}
	var senses []Sense
	var context Mask
	for len(src) > 0 {
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		switch {
		case line == "" || line[0] == '#':
		case strings.HasPrefix(line, "T\t"):
			f := strings.Split(line, "\t")
			top, _ := strconv.Atoi(f[3])
			l.Topics = append(l.Topics, Topic{ID: f[1], Label: f[2], Top: top, Frame: len(f) > 4 && f[4] == "frame"})
		case strings.HasPrefix(line, "S\t"):
			f := strings.Split(line, "\t")
			senses = parseSenses(f[1])
			context = parseMask(f[2])
		default:
			l.add(line, senses, context)
		}
	}
	return l
}

func parseSenses(field string) []Sense {
	if field == "" {
		return nil
	}
	var out []Sense
	for _, s := range strings.Split(field, ";") {
		f := strings.Split(s, ":")
		topic, _ := strconv.Atoi(f[0])
		weight, _ := strconv.ParseFloat(f[1], 64)
		out = append(out, Sense{Topic: topic, Weight: weight, Need: parseMask(f[2]), Forbid: parseMask(f[3])})
	}
	return out
}

// add registers key and marks each of its proper prefixes.
func (l *Lexicon) add(key string, senses []Sense, context Mask) {
	var h uint64
	if exact, ok := strings.CutPrefix(key, "="); ok {
		h = Exact(exact)
	} else {
		h = Key()
		for n := 1; ; n++ {
			word, rest, more := strings.Cut(key, " ")
			h = Fold(h, word, n > 1)
			if !more {
				l.MaxTerm = max(l.MaxTerm, n)
				break
			}
			l.entry(h).Prefix = true
			key = rest
		}
	}
	e := l.entry(h)
	if e.Senses == nil {
		e.Senses = senses // shared by every key of the group, never written
	} else {
		e.Senses = slices.Concat(e.Senses, senses)
	}
	e.Context.Or(context)
}

func (l *Lexicon) entry(h uint64) *Entry {
	i, ok := l.index[h]
	if !ok {
		i = int32(len(l.entries))
		l.index[h] = i
		l.entries = append(l.entries, Entry{})
	}
	return &l.entries[i]
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
