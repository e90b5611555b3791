package ner

// Scores: a row holds one score per label in fixed point (scoreUnit to 1.0),
// two labels to a uint64, so that adding up rows, which is most of the
// tagger's work, takes half as many additions. Integer sums do not depend on
// the order of their terms, so the tagger may add partial sums it computed
// once and kept, and get the same scores to the last bit.
//
// A word holds the two lanes' sums as lo + hi·2³² modulo 2⁶⁴, so carries
// from the low lane into the high one do no harm: as long as each lane's own
// sum fits an int32, both read back exactly.

// scoreRow holds the scores of every label.
type scoreRow [(numLabels + 1) / 2]uint64

// scoreUnit keeps ample precision (the smallest weights are near 0.016)
// while the largest sums (weights reach ±31; a word has some 40 features)
// stay far inside int32.
const scoreUnit = 1 << 18

// add adds the scores of o. It is the tagger's innermost loop, written out:
// the wasm build runs a loop's counting and branching as instructions too.
func (r *scoreRow) add(o *scoreRow) {
	r[0] += o[0]
	r[1] += o[1]
	r[2] += o[2]
	r[3] += o[3]
	r[4] += o[4]
	r[5] += o[5]
	r[6] += o[6]
	r[7] += o[7]
	r[8] += o[8]
}

// sub takes the scores of o out, written out like add.
func (r *scoreRow) sub(o *scoreRow) {
	r[0] -= o[0]
	r[1] -= o[1]
	r[2] -= o[2]
	r[3] -= o[3]
	r[4] -= o[4]
	r[5] -= o[5]
	r[6] -= o[6]
	r[7] -= o[7]
	r[8] -= o[8]
}

// add writes out nine words: a row must have exactly nine.
var _ = [1]struct{}{}[len(scoreRow{})-9]

// setSum4 sets r to a+b+c+d and setSum6 to a+b+c+d+e+f, written out like
// add: in the wasm build copying a row and adding to it would cost a call
// (a copy longer than 16 bytes is a memory.copy) and a store per addition.
func (r *scoreRow) setSum4(a, b, c, d *scoreRow) {
	r[0] = a[0] + b[0] + c[0] + d[0]
	r[1] = a[1] + b[1] + c[1] + d[1]
	r[2] = a[2] + b[2] + c[2] + d[2]
	r[3] = a[3] + b[3] + c[3] + d[3]
	r[4] = a[4] + b[4] + c[4] + d[4]
	r[5] = a[5] + b[5] + c[5] + d[5]
	r[6] = a[6] + b[6] + c[6] + d[6]
	r[7] = a[7] + b[7] + c[7] + d[7]
	r[8] = a[8] + b[8] + c[8] + d[8]
}

func (r *scoreRow) setSum6(a, b, c, d, e, f *scoreRow) {
	r[0] = a[0] + b[0] + c[0] + d[0] + e[0] + f[0]
	r[1] = a[1] + b[1] + c[1] + d[1] + e[1] + f[1]
	r[2] = a[2] + b[2] + c[2] + d[2] + e[2] + f[2]
	r[3] = a[3] + b[3] + c[3] + d[3] + e[3] + f[3]
	r[4] = a[4] + b[4] + c[4] + d[4] + e[4] + f[4]
	r[5] = a[5] + b[5] + c[5] + d[5] + e[5] + f[5]
	r[6] = a[6] + b[6] + c[6] + d[6] + e[6] + f[6]
	r[7] = a[7] + b[7] + c[7] + d[7] + e[7] + f[7]
	r[8] = a[8] + b[8] + c[8] + d[8] + e[8] + f[8]
}

// addLabel adds v to the score of label l.
func (r *scoreRow) addLabel(l Label, v int32) {
	r[l/2] += uint64(int64(v)) << (32 * (l % 2))
}

// label returns the score of label l (l < numLabels).
func (r *scoreRow) label(l Label) int32 {
	lo, hi := lanes(r[l/2])
	if l%2 == 0 {
		return lo
	}
	return hi
}

// lanes returns the scores in the low and the high lane of a word: the high
// one once the low lane's value is taken out.
func lanes(word uint64) (lo, hi int32) {
	lo = int32(word)
	return lo, int32((word - uint64(int64(lo))) >> 32)
}
