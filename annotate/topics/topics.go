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
	"errors"
	"sync"

	"lede/annotate/internal/lookup"
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

// TopLevels is how many top-level topics there are; they come first.
const TopLevels = 17

// IsTop reports whether t is one of the 17 top-level topics.
func (l *Lexicon) IsTop(topic int) bool { return l.Topics[topic].Top == topic }

// Lexicon is the loaded vocabulary. It is read-only and shared.
//
// The n-gram keys live in an open-addressing hash table of flat,
// pointer-free arrays built in one pass at load time: a Go map of tens of
// thousands of entries, each with its own slice, took about 100 ms to build
// in WebAssembly, where allocation and garbage collection are slow.
type Lexicon struct {
	Topics  []Topic
	MaxTerm int     // the longest term, in tokens
	Ranking Ranking // from ranking.txt
	// Classifier is the article classifier (classifier.bin).
	Classifier *Classifier
	entries    []Entry // the hash table
	used       int     // how many entries are used
	shape      lookup.Slots
	senses     []Sense // every entry's senses, each a run of this array
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

// Load parses the embedded lexicon, its ranking and its classifier the
// first time it is called, and returns the same lexicon, or the same error,
// every time: the embedded files cannot change after the build, so a broken
// one is reported once (annotate.CheckEmbedded) and never half-way through
// an annotation.
var Load = sync.OnceValues(func() (lex *Lexicon, err error) {
	defer func() {
		if r := recover(); r != nil { // parse's checks of the file's limits
			msg, _ := r.(string)
			if msg == "" {
				msg = "topics: broken compiled lexicon"
			}
			lex, err = nil, errors.New(msg)
		}
	}()
	lex = parse(compiled)
	if lex.Ranking, err = lex.ParseRanking(rankingSource); err != nil {
		return nil, err
	}
	if lex.Classifier, err = parseClassifier(classifierData, lex); err != nil {
		return nil, err
	}
	return lex, nil
})
