package main

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFitPriors(t *testing.T) {
	// Top level 1 leads every article by a little; the articles are about
	// top level 0 ten times out of twelve, so 0 needs a higher prior.
	var cases []devCase
	for i := 0; i < 12; i++ {
		want := 0
		if i >= 10 {
			want = 1
		}
		cases = append(cases, devCase{evidence: []float64{1, 1.1, 0}, want: want})
	}
	prior, _, correct := fitPriors(cases, 3)
	assert.Equal(t, 10, correct)
	assert.Greater(t, prior[0], prior[1], "the more often right top level gains")
	assert.Equal(t, 1.0, prior[2], "a top level without evidence keeps its prior")
	for _, p := range prior {
		assert.GreaterOrEqual(t, p, minPrior)
		assert.LessOrEqual(t, p, maxPrior)
	}

	balanced := []devCase{{evidence: []float64{2, 1, 0}, want: 0}, {evidence: []float64{1, 2, 0}, want: 1}}
	prior, _, correct = fitPriors(balanced, 3)
	assert.Equal(t, 2, correct)
	assert.Equal(t, []float64{1, 1, 1}, prior, "nothing to gain: the pull keeps every prior at 1")
}

func TestMargin(t *testing.T) {
	c := devCase{evidence: []float64{2, 1, 0}, want: 0}
	assert.InDelta(t, 0.693, margin(c, []float64{1, 1, 1}), 0.001, "log 2")
	assert.Negative(t, margin(c, []float64{1, 3, 1}))
	assert.True(t, math.IsInf(margin(devCase{evidence: []float64{0, 1, 0}, want: 0}, []float64{1, 1, 1}), -1), "no evidence is never right")
}
