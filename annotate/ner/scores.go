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

// add writes out nine words: a row must have exactly nine.
var _ = [1]struct{}{}[len(scoreRow{})-9]

// addLabel adds v to the score of label l.
func (r *scoreRow) addLabel(l Label, v int32) {
	r[l/2] += uint64(int64(v)) << (32 * (l % 2))
}

// unpack writes out every label's score, written out like add.
func (r *scoreRow) unpack(scores *[numLabels]int32) {
	scores[0], scores[1] = lanes(r[0])
	scores[2], scores[3] = lanes(r[1])
	scores[4], scores[5] = lanes(r[2])
	scores[6], scores[7] = lanes(r[3])
	scores[8], scores[9] = lanes(r[4])
	scores[10], scores[11] = lanes(r[5])
	scores[12], scores[13] = lanes(r[6])
	scores[14], scores[15] = lanes(r[7])
	scores[16] = int32(r[8])
}

// unpack writes out seventeen scores: a row must have exactly seventeen.
var _ = [1]struct{}{}[numLabels-17]

// lanes returns the scores in the low and the high lane of a word: the high
// one once the low lane's value is taken out.
func lanes(word uint64) (lo, hi int32) {
	lo = int32(word)
	return lo, int32((word - uint64(int64(lo))) >> 32)
}
