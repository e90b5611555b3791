package main

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate/topics"
	"lede/cmd/build-topics/corpus"
)

// TestCentreKeepsProbabilities: centring a feature's weights on their
// median changes no probability, and leaves the median weight at zero.
func TestCentreKeepsProbabilities(t *testing.T) {
	for _, tc := range []struct {
		name    string
		classes int
		w       []float64 // a row of classes per feature
	}{
		{"odd classes", 3, []float64{-1, -1, 2, 0.5, -0.25, 0.75}},
		{"even classes", 4, []float64{-2, -1, -1, 3, 0, 0, 0, 1}},
		{"all negative", 2, []float64{-4, -3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := &model{classes: make([]string, tc.classes), names: make([]string, len(tc.w)/tc.classes), w: slices.Clone(tc.w), bias: make([]float64, tc.classes)}
			e := example{Value: 0.5}
			for f := range m.names {
				e.Features = append(e.Features, int32(f))
			}
			before := make([]float64, tc.classes)
			m.logits(&e, before)
			softmax(before)
			m.centre()
			after := make([]float64, tc.classes)
			m.logits(&e, after)
			softmax(after)
			assert.InDeltaSlice(t, before, after, 1e-12)
			for f := range m.names {
				row := slices.Sorted(slices.Values(m.w[f*tc.classes : f*tc.classes+tc.classes]))
				assert.InDelta(t, 0, (row[(tc.classes-1)/2]+row[tc.classes/2])/2, 1e-12, "feature %d", f)
			}
			assert.NotEqual(t, tc.w, m.w, "the weights moved")
		})
	}
}

// TestQuantisedModelReadsAsTrained: the classifier quantise writes is read
// back by package topics with the model's features, and gives the
// probabilities the rounded model gives, for a long text and a short one.
func TestQuantisedModelReadsAsTrained(t *testing.T) {
	lex, err := topics.Load()
	require.NoError(t, err)
	m := &model{
		levels:  7,
		classes: []string{corpus.Economy, corpus.Sport, corpus.Health},
		names:   []string{"@" + corpus.Sport, "tariff", "interest rates", "inning"},
		w: []float64{
			-0.5, 2, -0.1, // @sport
			1.5, -1, 0, // tariff
			0.7, 0, -0.3, // interest rates
			-0.2, 1.8, 0.4, // inning
		},
		bias:  []float64{0.1, -0.2, 0.3},
		short: 0.8,
	}
	m.round()
	c, err := topics.ParseClassifier(string(m.quantise()), lex)
	require.NoError(t, err)
	require.Equal(t, len(m.names), c.Features())
	assert.Equal(t, c.Row(topics.KeyOf("@"+corpus.Sport)), c.Concept(lex.Find(corpus.Sport)))
	assert.Equal(t, int32(-1), c.Row(topics.KeyOf("interest")))
	for _, tc := range []struct {
		name     string
		features []string
		words    int
	}{
		{"a long text", []string{"tariff", "interest rates"}, 200},
		{"a short text", []string{"inning", "@" + corpus.Sport}, 6},
		{"no feature", nil, 50},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := example{Value: float32(1 / math.Sqrt(float64(tc.words+1)))}
			acc := make([]int32, len(c.Classes))
			for _, n := range tc.features {
				e.Features = append(e.Features, int32(slices.Index(m.names, n)))
				r := c.Row(topics.KeyOf(n))
				require.GreaterOrEqual(t, r, int32(0), n)
				c.Accumulate(acc, r)
			}
			want := make([]float64, len(m.classes))
			m.logits(&e, want)
			if tc.words < topics.ShortWords {
				for k := range want {
					want[k] *= m.short
				}
			}
			softmax(want)
			got := make([]float64, len(c.Classes))
			c.Probabilities(acc, tc.words, got)
			assert.InDeltaSlice(t, want, got, 1e-5)
		})
	}
}
