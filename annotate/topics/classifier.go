// The article classifier: a linear model over words, word pairs and the
// lexicon's concept hits that gives each top level a probability.

package topics

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"strings"

	"lede/annotate/internal/lookup"
)

// classifierData is written by `make topics-model` (cmd/build-topics -train).
//
//go:embed classifier.bin
var classifierData string

// Classifier is a multinomial logistic regression over the top levels. Its
// features are present or absent in an article: a folded word ("tariff"), a
// pair of adjacent words ("interest rates"), or a concept the lexicon found
// ("@medtop:20000373"). Each present feature counts 1/√(words+1), so that a
// headline and a long story score on one scale. It is read-only and shared.
//
// Words and pairs are stored as the top KeyBits bits of their keys, not
// their names: a word outside the model shares them with one of its 5,000
// features once in about 13,000 lookups (a 1,000-word article looks up
// 2,000 words and pairs), and a feature read by mistake weighs little.
type Classifier struct {
	// Classes are the topic indexes (top levels) the classifier scores.
	Classes []int
	bias    []float32
	scale   float32  // of the quantised weights
	short   float32  // the factor of a short text's logits (ShortWords)
	weights []int8   // a row of len(Classes) per feature
	keys    []uint64 // the short key of each feature row
	// The features by short key: open addressing, each slot with its
	// key, so that a lookup reads one cache line.
	slots []featureSlot
	shape lookup.Slots
	// concepts[t] is the row of topic t's concept feature, -1 for none.
	concepts []int32
}

// featureSlot is a slot of the feature table: row is 1 + the feature's row, 0 if empty.
type featureSlot struct {
	key uint64
	row int32
}

// ClassifierMagic starts classifier.bin.
const ClassifierMagic = "LTC2"

// ShortWords: a text of fewer words (a headline, a headline and a line) is
// short, and its logits are multiplied by a factor of their own, fitted
// like the temperature of the rest: its few words weigh much, and would
// otherwise be over-confident.
const ShortWords = 40

// KeyBits is how many bits of a feature's key classifier.bin keeps.
const KeyBits = 26

// ShortKey is the part of a key (KeyOf of a feature's name) that
// classifier.bin keeps.
func ShortKey(key uint64) uint64 { return key >> (64 - KeyBits) }

// Features is how many features the model has.
func (c *Classifier) Features() int { return len(c.keys) }

// ShortKey is the short key of feature row r.
func (c *Classifier) ShortKey(r int32) uint64 { return c.keys[r] }

// Row returns the feature row of key (KeyOf of its name), -1 if none.
func (c *Classifier) Row(key uint64) int32 {
	if len(c.slots) == 0 {
		return -1
	}
	key = ShortKey(key)
	for i := c.shape.Start(key); ; i = c.shape.Next(i) {
		switch s := &c.slots[i]; {
		case s.row == 0:
			return -1
		case s.key == key:
			return s.row - 1
		}
	}
}

// Concept returns the row of a topic's concept feature, -1 if none.
func (c *Classifier) Concept(topic int) int32 { return c.concepts[topic] }

// Accumulate adds the quantised weights of row r to acc, one per class.
func (c *Classifier) Accumulate(acc []int32, r int32) {
	n := len(c.Classes)
	row := c.weights[int(r)*n : int(r)*n+n]
	for k, w := range row {
		acc[k] += int32(w)
	}
}

// Probabilities turns the summed weights of an article's features, read
// from words word tokens, into a probability per class, in out.
func (c *Classifier) Probabilities(acc []int32, words int, out []float64) {
	x := float64(c.scale) / math.Sqrt(float64(words+1))
	t := 1.0
	if words < ShortWords {
		t = float64(c.short)
	}
	most := math.Inf(-1)
	for k := range c.Classes {
		out[k] = t * (float64(c.bias[k]) + x*float64(acc[k]))
		most = max(most, out[k])
	}
	var sum float64
	for k := range c.Classes {
		out[k] = math.Exp(out[k] - most)
		sum += out[k]
	}
	for k := range c.Classes {
		out[k] /= sum
	}
}

// ParseClassifier reads a classifier in the form of classifier.bin for l
// (cmd/build-topics checks what it writes with it).
func ParseClassifier(src string, l *Lexicon) (*Classifier, error) { return parseClassifier(src, l) }

// parseClassifier reads classifier.bin:
//
//	"LTC2", uvarint classes, each a uvarint-prefixed IPTC id,
//	float32 scale, float32 factor of a short text's logits, float32 bias
//	per class (little-endian),
//	uvarint concepts, their names ("@" and an IPTC id) each ended by "\n",
//	uvarint words and pairs, their short keys ascending as uvarint gaps
//	(the first from 0), then the int8 weights class by class (a column
//	of every feature each, the concepts first).
//
// An empty file is a classifier with no classes (before the first training).
func parseClassifier(src string, l *Lexicon) (*Classifier, error) {
	c := &Classifier{concepts: make([]int32, len(l.Topics))}
	for i := range c.concepts {
		c.concepts[i] = -1
	}
	if src == "" {
		return c, nil
	}
	bad := errors.New("topics: classifier.bin is malformed")
	if !strings.HasPrefix(src, ClassifierMagic) {
		return nil, bad
	}
	b := []byte(src[len(ClassifierMagic):])
	uvarint := func(most uint64) int {
		v, n := binary.Uvarint(b)
		if n <= 0 || v > most {
			b = nil
			return -1
		}
		b = b[n:]
		return int(v)
	}
	classes := uvarint(1 << 24)
	for range max(classes, 0) {
		n := uvarint(1 << 24)
		if n < 0 || n > len(b) {
			return nil, bad
		}
		t := l.Find(string(b[:n]))
		if t < 0 || !l.IsTop(t) {
			return nil, errors.New("topics: the classifier scores " + string(b[:n]) + ", not a top level of the lexicon")
		}
		c.Classes = append(c.Classes, t)
		b = b[n:]
	}
	if classes <= 0 || len(b) < 4*(classes+2) {
		return nil, bad
	}
	f32 := func() float32 { v := math.Float32frombits(binary.LittleEndian.Uint32(b)); b = b[4:]; return v }
	c.scale = f32()
	if c.short = f32(); !(c.short > 0 && c.short <= 10) {
		return nil, bad
	}
	for range classes {
		c.bias = append(c.bias, f32())
	}
	concepts := uvarint(1 << 24)
	if concepts < 0 {
		return nil, bad
	}
	for r := range concepts {
		j := 0
		for j < len(b) && b[j] != '\n' {
			j++
		}
		if j == len(b) {
			return nil, bad
		}
		name := string(b[:j])
		b = b[j+1:]
		if id, ok := strings.CutPrefix(name, "@"); ok {
			if t := l.Find(id); t >= 0 {
				c.concepts[t] = int32(r)
			}
		}
		c.keys = append(c.keys, ShortKey(KeyOf(name)))
	}
	words := uvarint(1 << 24)
	if words < 0 {
		return nil, bad
	}
	var key uint64
	for k := range words {
		gap := uvarint(1<<KeyBits - 1)
		if gap < 0 || k > 0 && gap == 0 {
			return nil, bad
		}
		key += uint64(gap)
		c.keys = append(c.keys, key)
	}
	if key >= 1<<KeyBits {
		return nil, bad
	}
	features := len(c.keys)
	if len(b) != features*classes {
		return nil, bad
	}
	c.weights = make([]int8, len(b))
	for k := range classes {
		for r := range features {
			c.weights[r*classes+k] = int8(b[k*features+r])
		}
	}
	c.shape = lookup.For(2*features + 2)
	c.slots = make([]featureSlot, c.shape.Len())
	for r, key := range c.keys {
		i := c.shape.Start(key)
		for c.slots[i].row != 0 {
			if c.slots[i].key == key {
				return nil, errors.New("topics: two classifier features share a key")
			}
			i = c.shape.Next(i)
		}
		c.slots[i] = featureSlot{key, int32(r) + 1}
	}
	return c, nil
}
