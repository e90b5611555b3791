package ner

import (
	"cmp"
	stdmaps "maps"
	"math"
	"math/rand"
	"slices"
	"sort"
)

// Training: an averaged perceptron over the words in order, whose
// previous-label features see the gold labels (learning from its own
// predictions instead cost 2 points of F1 on CoNLL dev).
// For the second pass's document evidence, the training documents are first
// tagged by models trained on the other half of the data (two-fold
// jackknifing), so the evidence is as noisy as it will be on new text. The
// final model learns from every document both with and without evidence, so
// the one model serves both passes.

// Example is a training document with its gold labels.
type Example struct {
	Doc    Text
	Labels []Label
	// NoMisc marks an annotation without the Misc type (GUM, tweets): a
	// word it leaves outside any name may be a Misc name ("Spanish"), so
	// tagging it Misc is not taken for an error.
	NoMisc bool
}

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int
	// MinCount drops features seen fewer times than this in training.
	MinCount int
	// Evidence trains the second pass (document evidence).
	Evidence bool
	Seed     int64
	// Mix is how many perceptrons, trained on different orders of the
	// examples, are averaged into the model (at least one).
	Mix int
	// MinWeight drops the weights smaller than this fraction of the median
	// weight, which keeps the model small.
	MinWeight float64
	// KeyBits is how many bits of each feature's 32-bit hash the model
	// keeps (32 when zero): fewer bits store each key in fewer bytes, at
	// the price of features that share a key (their weights are summed)
	// and of absent features that find a stranger's weights.
	KeyBits uint
	// Levels is how many quantization levels each sign of weight has (at
	// most 127; 127 when zero): fewer levels compress better.
	Levels int
	// Classes, if set, are the word classes the model uses and stores.
	Classes *WordClasses
	// Log, when set, receives progress messages.
	Log func(format string, args ...any)
}

// Train learns a model from examples. The result depends only on the
// examples and options.
func Train(examples []Example, opt TrainOptions) *Model {
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	prepared := make([]preparedExample, len(examples))
	var maps docMaps
	for i, ex := range examples {
		prepared[i] = preparedExample{Example: ex, toks: make([]token, len(ex.Doc.Words)), pred: make([]Label, len(ex.Labels))}
		analyze(ex.Doc, prepared[i].toks, &maps, opt.Classes, nil)
	}
	if opt.Evidence {
		jackknifeEvidence(prepared, opt, logf)
	}
	// Parameter mixing: perceptrons that saw the data in different orders
	// err differently, and the mean of their (linear) weights is one model
	// of the same size that errs less than each.
	mixed := map[uint32]*[numLabels]float64{}
	for k := range max(opt.Mix, 1) {
		mixOpt := opt
		mixOpt.Seed = opt.Seed + int64(k)
		p := trainPerceptron(prepared, mixOpt, opt.Evidence, logf)
		p.addAveraged(mixed, opt.MinCount, 1/float64(max(opt.Mix, 1)))
	}
	keyBits := opt.KeyBits
	if keyBits == 0 || keyBits > 32 {
		keyBits = 32
	}
	if keyBits < 32 {
		folded := make(map[uint32]*[numLabels]float64, len(mixed))
		for _, key := range slices.Sorted(stdmaps.Keys(mixed)) {
			row := mixed[key]
			k := key >> (32 - keyBits)
			if old := folded[k]; old != nil {
				for l := range old {
					old[l] += row[l]
				}
				continue
			}
			folded[k] = row
		}
		mixed = folded
	}
	levels := opt.Levels
	if levels <= 0 || levels > 127 {
		levels = 127
	}
	m := quantizedModel(mixed, opt.MinWeight, levels, keyBits)
	m.classes = opt.Classes.withPlain(prepared)
	return m
}

type preparedExample struct {
	Example
	toks []token
	pred []Label
}

// jackknifeEvidence tags each half of examples with a first-pass model
// trained on the other half, and gathers the document evidence from that.
func jackknifeEvidence(examples []preparedExample, opt TrainOptions, logf func(string, ...any)) {
	var counts evidenceCounts
	for fold := range jackknifeFolds {
		var train, held []preparedExample
		for i, ex := range examples {
			if i%jackknifeFolds == fold {
				held = append(held, ex)
			} else {
				train = append(train, ex)
			}
		}
		logf("fold %d: training on %d documents", fold, len(train))
		p := trainPerceptron(train, opt, false, logf)
		s := &scratch{}
		for _, ex := range held {
			s.toks = ex.toks
			s.scoreWords(p, ex.Doc, nil)
			s.firstPass(p, ex.Doc, ex.pred)
			gatherEvidence(ex.toks, ex.pred, &counts)
		}
	}
}

// perceptron holds the weights during training: a dense row of numLabels
// weights per feature, with the running sums for averaging.
type perceptron struct {
	rows   map[uint32]int32
	keys   []uint32
	w      []int32
	sums   []int64 // sum over updates of step·Δw, for the averaged weights
	counts map[uint32]int32
	step   int64
}

func (p *perceptron) addScores(feats []uint32, scores *scoreRow) {
	for _, f := range feats {
		if r, ok := p.rows[f]; ok {
			row := p.w[int(r)*numLabels : int(r+1)*numLabels]
			for l, w := range row {
				scores.addLabel(Label(l), w)
			}
		}
	}
}

func (p *perceptron) update(feats []uint32, gold, pred Label) {
	for _, f := range feats {
		r, ok := p.rows[f]
		if !ok {
			r = int32(len(p.keys))
			p.rows[f] = r
			p.keys = append(p.keys, f)
			p.w = append(p.w, make([]int32, numLabels)...)
			p.sums = append(p.sums, make([]int64, numLabels)...)
		}
		base := int(r) * numLabels
		p.w[base+int(gold)]++
		p.w[base+int(pred)]--
		p.sums[base+int(gold)] += p.step
		p.sums[base+int(pred)] -= p.step
	}
}

func trainPerceptron(examples []preparedExample, opt TrainOptions, evidence bool, logf func(string, ...any)) *perceptron {
	p := &perceptron{rows: map[uint32]int32{}, counts: map[uint32]int32{}, step: 1}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	var buf []uint32
	for epoch := range opt.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for _, k := range order {
			ex := &examples[k]
			modes := []bool{false}
			if evidence {
				modes = []bool{false, true}
			}
			for _, useEvidence := range modes {
				for _, s := range ex.Doc.Sentences {
					// Count each word's features once: the evidence pass has them all.
					buf, errs = p.learnSentence(ex, s, useEvidence, epoch == 0 && useEvidence == evidence, buf, errs)
					total += s.Last - s.First
				}
			}
		}
		logf("epoch %d: %d features, %.2f%% token errors", epoch+1, len(p.keys), 100*float64(errs)/float64(max(total, 1)))
	}
	return p
}

func (p *perceptron) learnSentence(ex *preparedExample, s WordRange, useEvidence, count bool, buf []uint32, errs int) ([]uint32, int) {
	prev, prev2 := Outside, Outside
	for i := s.First; i < s.Last; i++ {
		buf = wordFeatures(buf[:0], ex.Doc.Words[i], &ex.toks[i])
		buf = contextFeatures(buf, ex.toks, s, i)
		buf = dynamicFeatures(buf, ex.toks, s, i, prev, prev2, useEvidence)
		if count {
			for _, f := range buf {
				p.counts[f]++
			}
		}
		var scores scoreRow
		p.addScores(buf, &scores)
		pred, _ := bestLabel(&scores, prev, i == s.Last-1)
		if gold := ex.Labels[i]; pred != gold && !(ex.NoMisc && gold == Outside && pred.Type() == Misc) {
			p.update(buf, gold, pred)
			errs++
		}
		p.step++
		prev, prev2 = ex.Labels[i], prev
	}
	return buf, errs
}

// addAveraged adds scale times the averaged weights of the features seen at
// least minCount times to sum.
func (p *perceptron) addAveraged(sum map[uint32]*[numLabels]float64, minCount int, scale float64) {
	for r, key := range p.keys {
		if int(p.counts[key]) < minCount {
			continue
		}
		row := sum[key]
		if row == nil {
			row = new([numLabels]float64)
			sum[key] = row
		}
		for l := range numLabels {
			i := r*numLabels + l
			row[l] += scale * (float64(p.w[i]) - float64(p.sums[i])/float64(p.step))
		}
	}
}

// quantizedModel prunes and quantizes weights into a model, dropping those
// below minWeight times the median.
func quantizedModel(weights map[uint32]*[numLabels]float64, minWeight float64, levels int, keyBits uint) *Model {
	var magnitudes []float64
	for _, row := range weights {
		for _, w := range row {
			if w != 0 {
				magnitudes = append(magnitudes, math.Abs(w))
			}
		}
	}
	if len(magnitudes) == 0 {
		return newModel(nil, new(codebook), keyBits)
	}
	sort.Float64s(magnitudes)
	median := magnitudes[len(magnitudes)/2]
	q := newQuantizer(median, magnitudes[len(magnitudes)-1], levels)
	var features []sparseWeights
	for key, row := range weights {
		var f sparseWeights
		for l, w := range row {
			if math.Abs(w) < minWeight*median {
				continue
			}
			if code, ok := q.code(w); ok {
				f.labels = append(f.labels, Label(l))
				f.codes = append(f.codes, code)
			}
		}
		if len(f.labels) > 0 {
			f.key = key
			features = append(features, f)
		}
	}
	slices.SortFunc(features, func(a, b sparseWeights) int { return cmp.Compare(a.key, b.key) })
	return newModel(features, q.codebook(), keyBits)
}

// quantizer maps weights to codes on a logarithmic scale: code 128+k stands
// for unit·(e^(k·step) − 1), and code 128−k for its negative, so that the
// relative error is about the same for small and large weights. Weights too
// small to get a code of their own are dropped.
type quantizer struct {
	unit, step float64
	levels     float64
}

// newQuantizer spreads levels codes per sign between typical (the size of
// a typical weight) and largest.
func newQuantizer(typical, largest float64, levels int) quantizer {
	return quantizer{unit: typical, step: math.Log1p(largest/typical) / float64(levels), levels: float64(levels)}
}

func (q quantizer) code(w float64) (uint8, bool) {
	k := math.Round(math.Log1p(math.Abs(w)/q.unit) / q.step)
	if k == 0 {
		return 0, false
	}
	k = min(k, q.levels)
	if w < 0 {
		k = -k
	}
	return uint8(128 + k), true
}

func (q quantizer) codebook() *codebook {
	book := new(codebook)
	for c := range book {
		k := float64(c - 128)
		if math.Abs(k) > q.levels {
			continue
		}
		book[c] = float32(math.Copysign(q.unit*math.Expm1(math.Abs(k)*q.step), k))
	}
	return book
}

// jackknifeFolds is how many parts the training data is cut into for the
// first-pass labels, each tagged by a model trained on the others (four
// parts did no better on CoNLL dev than two).
const jackknifeFolds = 2
