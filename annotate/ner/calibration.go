package ner

import (
	"encoding/binary"
	"math"
	"sort"
)

// Calibration: how often a name the tagger gives is right, as a function of
// its margin (the least margin of its words, see TagMargins). The table is
// fitted by cmd/train-ner on held-out documents: the names sorted by
// margin, cut into bins of equal count, each bin's share of right names,
// pooled where a bin of larger margins did worse than the one before, so
// that confidence never falls as the margin grows (isotonic regression).
// Between the bins' mean margins the confidence is interpolated linearly.

// calibration is the fitted table: the mean margin of each bin, increasing,
// and its share of right names in 255ths.
type calibration struct {
	margins []float32
	shares  []uint8
}

// Confidence returns the probability that a name whose words' least
// margin is margin is right, from the model's calibration table; without
// one, a logistic curve.
func (m *Model) Confidence(margin float32) float64 {
	c := &m.calibration
	n := len(c.margins)
	switch {
	case n == 0:
		return 1 / (1 + math.Exp(-float64(margin)))
	case margin <= c.margins[0]:
		return float64(c.shares[0]) / 255
	case margin >= c.margins[n-1]:
		return float64(c.shares[n-1]) / 255
	}
	j := sort.Search(n, func(j int) bool { return c.margins[j] >= margin })
	lo, hi := float64(c.margins[j-1]), float64(c.margins[j])
	t := (float64(margin) - lo) / max(hi-lo, 1e-9)
	return (float64(c.shares[j-1])*(1-t) + float64(c.shares[j])*t) / 255
}

// Calibrate fits the model's calibration table to names with the given
// margins, right or not, in at most bins bins.
func (m *Model) Calibrate(margins []float32, right []bool, bins int) {
	type point struct {
		margin float32
		right  bool
	}
	points := make([]point, len(margins))
	for i := range margins {
		points[i] = point{margins[i], right[i]}
	}
	sort.SliceStable(points, func(i, j int) bool { return points[i].margin < points[j].margin })
	type bin struct{ margin, right, n float64 }
	var pooled []bin
	for b := range bins {
		lo, hi := b*len(points)/bins, (b+1)*len(points)/bins
		if lo == hi {
			continue
		}
		var cur bin
		for _, p := range points[lo:hi] {
			cur.margin += float64(p.margin)
			cur.n++
			if p.right {
				cur.right++
			}
		}
		// Pool adjacent violators: merge with the bins before while they
		// did better.
		for len(pooled) > 0 && pooled[len(pooled)-1].right/pooled[len(pooled)-1].n >= cur.right/cur.n {
			last := pooled[len(pooled)-1]
			cur = bin{cur.margin + last.margin, cur.right + last.right, cur.n + last.n}
			pooled = pooled[:len(pooled)-1]
		}
		pooled = append(pooled, cur)
	}
	m.calibration = calibration{}
	for _, b := range pooled {
		m.calibration.margins = append(m.calibration.margins, float32(b.margin/b.n))
		m.calibration.shares = append(m.calibration.shares, uint8(math.Round(255*b.right/b.n)))
	}
}

func (c *calibration) appendBinary(out []byte) []byte {
	out = binary.AppendUvarint(out, uint64(len(c.margins)))
	for i, margin := range c.margins {
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(margin))
		out = append(out, c.shares[i])
	}
	return out
}

// maxCalibrationBins bounds the table a model file may hold.
const maxCalibrationBins = 256

func readCalibration(r *reader) calibration {
	n := r.uvarint()
	if n > maxCalibrationBins || uint64(len(r.data)) < 5*n {
		r.err = true
		return calibration{}
	}
	var c calibration
	for range n {
		margin := math.Float32frombits(binary.LittleEndian.Uint32(r.data))
		if math.IsNaN(float64(margin)) || len(c.margins) > 0 && margin < c.margins[len(c.margins)-1] {
			r.err = true
			return calibration{}
		}
		c.margins = append(c.margins, margin)
		c.shares = append(c.shares, r.data[4])
		r.data = r.data[5:]
	}
	return c
}

// SpanMargin is the margin of name s: the least margin of its words.
func SpanMargin(margins []float32, s Span) float32 {
	least := float32(math.Inf(1))
	for _, m := range margins[s.First:s.Last] {
		least = min(least, m)
	}
	return least
}
