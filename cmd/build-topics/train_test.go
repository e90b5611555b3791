package main

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
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
