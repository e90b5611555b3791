package topics

import (
	"bytes"
	"encoding/binary"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClassifierLoads(t *testing.T) {
	l := mustLoad(t)
	c := l.Classifier
	require.NotNil(t, c)
	require.GreaterOrEqual(t, len(c.Classes), 10, "the classifier scores most top levels")
	for _, topic := range c.Classes {
		assert.True(t, l.IsTop(topic), l.Topics[topic].Label)
	}
	require.Greater(t, c.Features(), 1000)
	concepts := 0
	for r := range int32(c.Features()) {
		assert.Equal(t, r, c.Row(c.ShortKey(r)<<(64-KeyBits)), "feature %d is found by its short key", r)
	}
	for topic := range l.Topics {
		if r := c.Concept(topic); r >= 0 {
			concepts++
			assert.Equal(t, r, c.Row(KeyOf("@"+l.Topics[topic].ID)), l.Topics[topic].ID)
		}
	}
	assert.Positive(t, concepts, "the lexicon's concepts are features")
	assert.GreaterOrEqual(t, c.Row(KeyOf("tariff")), int32(0), "a word of trade stories is a feature")
	assert.Equal(t, int32(-1), c.Row(KeyOf("zzqx unseen")))
}

func TestProbabilities(t *testing.T) {
	c := mustLoad(t).Classifier
	acc := make([]int32, len(c.Classes))
	out := make([]float64, len(c.Classes))
	for _, words := range []int{0, 10, 1000} {
		for k := range acc {
			acc[k] = int32(k * 50)
		}
		c.Probabilities(acc, words, out)
		var sum float64
		for _, p := range out {
			assert.True(t, p >= 0 && p <= 1 && !math.IsNaN(p))
			sum += p
		}
		assert.InDelta(t, 1, sum, 1e-9)
	}
}

func TestParseClassifierRejectsBrokenFiles(t *testing.T) {
	l := mustLoad(t)
	c, err := parseClassifier("", l)
	require.NoError(t, err, "an empty file is a classifier with no classes")
	assert.Empty(t, c.Classes)
	assert.Equal(t, int32(-1), c.Concept(0))
	film := ShortKey(KeyOf("film"))
	good := classifierFile(l, []string{"@" + l.Topics[0].ID}, []uint64{film}, 5, 7)
	c, err = parseClassifier(string(good), l)
	require.NoError(t, err)
	assert.Equal(t, int32(1), c.Row(KeyOf("film")))
	assert.Equal(t, int32(0), c.Concept(0))
	assert.Equal(t, int32(-1), c.Row(KeyOf("films")))
	for name, src := range map[string]string{
		"bad magic":            "LTC0" + string(good[4:]),
		"truncated weights":    string(good[:len(good)-1]),
		"truncated keys":       string(classifierFile(l, []string{"@" + l.Topics[0].ID}, nil, 5, 7)),
		"trailing bytes":       string(good) + "x",
		"only the magic":       ClassifierMagic,
		"not a top level":      string(replaceID(good, l.Topics[0].ID, l.Topics[20].ID)),
		"two equal features":   string(classifierFile(l, nil, []uint64{film, film}, 1, 2)),
		"a key too long":       string(classifierFile(l, nil, []uint64{1 << KeyBits}, 1)),
		"no short-text factor": string(noShortFactor(good, l)),
		"a concept unended":    string(good[:bytes.IndexByte(good, '\n')]),
	} {
		_, err := parseClassifier(src, l)
		assert.Error(t, err, name)
	}
}

func replaceID(b []byte, from, to string) []byte {
	s := string(b)
	i := len(ClassifierMagic) + 2
	return []byte(s[:i] + to + s[i+len(from):])
}

// noShortFactor sets the short-text factor of a classifier file to 0.
func noShortFactor(b []byte, l *Lexicon) []byte {
	b = bytes.Clone(b)
	i := len(ClassifierMagic) + 2 + len(l.Topics[0].ID) + 4
	binary.LittleEndian.PutUint32(b[i:], 0)
	return b
}

// classifierFile writes a classifier of one class (the first topic) with
// the named concepts and the words of the short keys given (ascending),
// then the weights as given.
func classifierFile(l *Lexicon, concepts []string, keys []uint64, weights ...byte) []byte {
	b := []byte(ClassifierMagic)
	b = binary.AppendUvarint(b, 1)
	b = binary.AppendUvarint(b, uint64(len(l.Topics[0].ID)))
	b = append(b, l.Topics[0].ID...)
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(0.1)) // scale
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(0.8)) // short texts
	b = binary.LittleEndian.AppendUint32(b, 0)                     // bias
	b = binary.AppendUvarint(b, uint64(len(concepts)))
	for _, n := range concepts {
		b = append(b, n+"\n"...)
	}
	b = binary.AppendUvarint(b, uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		b = binary.AppendUvarint(b, k-prev)
		prev = k
	}
	return append(b, weights...)
}
