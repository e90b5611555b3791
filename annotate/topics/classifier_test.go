package topics

import (
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
		assert.Equal(t, r, c.Row(KeyOf(c.Name(r))), "feature %q is found by its key", c.Name(r))
		if c.Name(r)[0] == '@' {
			concepts++
			assert.Equal(t, r, c.Concept(l.Find(c.Name(r)[1:])), c.Name(r))
		}
	}
	assert.Positive(t, concepts, "the lexicon's concepts are features")
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
	good := []byte(ClassifierMagic)
	good = binary.AppendUvarint(good, 1)
	good = binary.AppendUvarint(good, uint64(len(l.Topics[0].ID)))
	good = append(good, l.Topics[0].ID...)
	good = binary.LittleEndian.AppendUint32(good, math.Float32bits(0.1)) // scale
	good = binary.LittleEndian.AppendUint32(good, math.Float32bits(0))   // bias
	good = binary.AppendUvarint(good, 2)
	good = append(good, "film\n@"+l.Topics[0].ID+"\n"...)
	good = append(good, 5, 7)
	c, err = parseClassifier(string(good), l)
	require.NoError(t, err)
	assert.Equal(t, int32(0), c.Row(KeyOf("film")))
	assert.Equal(t, int32(1), c.Concept(0))
	for name, src := range map[string]string{
		"bad magic":          "LTC0" + string(good[4:]),
		"truncated weights":  string(good[:len(good)-1]),
		"truncated names":    string(good[:len(good)-6]),
		"trailing bytes":     string(good) + "x",
		"only the magic":     ClassifierMagic,
		"not a top level":    string(replaceID(good, l.Topics[0].ID, l.Topics[20].ID)),
		"two equal features": string(twice(l, "film")),
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

func twice(l *Lexicon, name string) []byte {
	b := []byte(ClassifierMagic)
	b = binary.AppendUvarint(b, 1)
	b = binary.AppendUvarint(b, uint64(len(l.Topics[0].ID)))
	b = append(b, l.Topics[0].ID...)
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(0.1))
	b = binary.LittleEndian.AppendUint32(b, 0)
	b = binary.AppendUvarint(b, 2)
	b = append(b, name+"\n"+name+"\n"...)
	return append(b, 1, 2)
}
