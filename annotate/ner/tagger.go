package ner

import (
	_ "embed"
	"sync"
)

// Tagging: two greedy left-to-right passes over each sentence. Each word gets
// the best-scoring label that may follow the previous one (BILOU rules), so
// every result is a well-formed set of names. The second pass adds the
// document evidence gathered from the first. Last, a person's name takes in
// the capitalised word that follows it unless that word is seldom a name.

//go:embed model.bin
var embeddedModel []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, loaded on first use and then shared.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = Load(embeddedModel) })
	return defaultModel, defaultErr
}

// scratch is the per-call working memory, pooled so that tagging allocates
// nothing per word once warm.
type scratch struct {
	toks   []token
	static []scoreRow
	// wordScores holds the scores of each distinct word's wordFeatures,
	// by word id.
	wordScores []scoreRow
	// labelScores holds each word's label-feature scores from the last pass.
	labelScores []scoreRow
	// aggregates holds, by lower-case form, the aggregate scores shared by
	// its later occurrences, once aggregated says they are computed.
	aggregates []scoreRow
	aggregated []bool
	// transitions holds the scores of the transitionFeatures of each pair
	// of labels (prev*numLabels + prev2), once transitionScored says they
	// are computed: a document uses few pairs, but over and over.
	transitions      [numLabels * numLabels]scoreRow
	transitionScored [numLabels * numLabels]bool
	feats            []uint32
	maps             docMaps
	evidence         evidenceCounts
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Tag labels every word of doc, writing into labels (len(doc.Words) long).
func (m *Model) Tag(doc Document, labels []Label) {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.toks = resize(s.toks, len(doc.Words))
	analyze(doc, s.toks, &s.maps, m.classes)
	s.tag(m, doc, labels)
	extendPersons(s.toks, doc, labels, m.classes)
}

// tag runs both passes over an analyzed document.
func (s *scratch) tag(sc scorer, doc Document, labels []Label) {
	clear(s.transitionScored[:])
	s.scoreStatic(sc, doc)
	s.decode(sc, doc, labels, false)
	gatherEvidence(s.toks, labels, &s.evidence)
	s.decode(sc, doc, labels, true)
}

// extendPersons takes into a person's name the capitalised word right after
// it unless that word's class is plain (like "Monday", capitalised but
// seldom a name). The evidence that "Xi" stands alone elsewhere must not cut
// "Jinping" off "Xi Jinping".
func extendPersons(toks []token, doc Document, labels []Label, classes *WordClasses) {
	for _, sent := range doc.Sentences {
		for i := sent.First + 1; i < sent.Last; i++ {
			prev, t := labels[i-1], &toks[i]
			if labels[i] != Outside || prev == Outside || prev.Type() != Person || prev.Part() != Unit && prev.Part() != Last ||
				t.casing != titleCase || classes.isPlain(t.class) {
				continue
			}
			if prev.Part() == Unit {
				labels[i-1] = MakeLabel(Person, Begin)
			} else {
				labels[i-1] = MakeLabel(Person, Inside)
			}
			labels[i] = MakeLabel(Person, Last)
		}
	}
}

// scoreStatic scores every word's label-independent features.
func (s *scratch) scoreStatic(sc scorer, doc Document) {
	s.static = resize(s.static, len(doc.Words))
	lowers := 0
	for i := range s.toks {
		lowers = max(lowers, int(s.toks[i].lowerID)+1)
	}
	s.aggregates = resize(s.aggregates, lowers)
	s.aggregated = resize(s.aggregated, lowers)
	clear(s.aggregated)
	s.wordScores = s.wordScores[:0]
	for _, sent := range doc.Sentences {
		for i := sent.First; i < sent.Last; i++ {
			scores := &s.static[i]
			*scores = s.scoreWord(sc, doc.Words[i], &s.toks[i])
			s.feats = localContextFeatures(s.feats[:0], s.toks, sent, i)
			sc.addScores(s.feats, scores)
			s.addAggregateScores(sc, i, scores)
		}
	}
}

// addAggregateScores adds the scores of word i's aggregateFeatures,
// computed once per word for its later occurrences, which share them.
func (s *scratch) addAggregateScores(sc scorer, i int, scores *scoreRow) {
	t := &s.toks[i]
	if t.firstSame < 0 {
		return
	}
	if t.sameRank < maxAggregated {
		s.feats = aggregateFeatures(s.feats[:0], s.toks, i)
		sc.addScores(s.feats, scores)
		return
	}
	shared := &s.aggregates[t.lowerID]
	if !s.aggregated[t.lowerID] {
		s.aggregated[t.lowerID] = true
		*shared = scoreRow{}
		s.feats = aggregateFeatures(s.feats[:0], s.toks, i)
		sc.addScores(s.feats, shared)
	}
	scores.add(shared)
}

// scoreWord returns the scores of a word's own features, computed at its
// first occurrence (word ids count distinct words in order).
func (s *scratch) scoreWord(sc scorer, w string, t *token) scoreRow {
	if int(t.wordID) < len(s.wordScores) {
		return s.wordScores[t.wordID]
	}
	var scores scoreRow
	s.feats = wordFeatures(s.feats[:0], w, t)
	sc.addScores(s.feats, &scores)
	s.wordScores = append(s.wordScores, scores)
	return scores
}

// decode runs one greedy pass over every sentence, adding the label and
// evidence features to each word's static scores. (A beam search over the
// same scores did worse on CoNLL dev: the perceptron is trained word by word,
// so its scores do not add up across a sentence.) The second pass reuses the
// first pass's label-feature scores wherever the two labels before a word
// are unchanged, which is almost everywhere.
func (s *scratch) decode(sc scorer, doc Document, labels []Label, useEvidence bool) {
	s.labelScores = resize(s.labelScores, len(doc.Words))
	var scores scoreRow // out of the loop: it escapes through sc
	for _, sent := range doc.Sentences {
		prev, prev2 := Outside, Outside
		firstPrev, firstPrev2 := Outside, Outside
		for i := sent.First; i < sent.Last; i++ {
			cached := &s.labelScores[i]
			if !useEvidence || prev != firstPrev || prev2 != firstPrev2 {
				// Starting from the pair's scores adds the labelFeatures
				// in the same order as scoring them all at once, so the
				// sums are the same to the last bit.
				*cached = *s.transitionScores(sc, prev, prev2)
				s.feats = wordLabelFeatures(s.feats[:0], &s.toks[i], prev)
				sc.addScores(s.feats, cached)
			}
			scores = s.static[i]
			scores.add(cached)
			if useEvidence {
				s.feats = evidenceFeatures(s.feats[:0], s.toks, sent, i)
				sc.addScores(s.feats, &scores)
				firstPrev, firstPrev2 = s.toks[i].firstPass, firstPrev
			}
			labels[i] = bestLabel(&scores, prev, i == sent.Last-1)
			prev, prev2 = labels[i], prev
		}
	}
}

// transitionScores returns the scores of the transitionFeatures of the
// labels prev and prev2, computing them at their first use in a document.
func (s *scratch) transitionScores(sc scorer, prev, prev2 Label) *scoreRow {
	k := int(prev)*numLabels + int(prev2)
	scores := &s.transitions[k]
	if !s.transitionScored[k] {
		s.transitionScored[k] = true
		*scores = scoreRow{}
		s.feats = transitionFeatures(s.feats[:0], prev, prev2)
		sc.addScores(s.feats, scores)
	}
	return scores
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// bestLabel picks the highest-scoring label that may follow prev; at the end
// of a sentence it must also close any name.
func bestLabel(scores *scoreRow, prev Label, last bool) Label {
	candidates := successors[prev][boolIndex(last)]
	best := candidates[0]
	for _, l := range candidates[1:] {
		if scores.label(l) > scores.label(best) {
			best = l
		}
	}
	return best
}

// successors lists, for each label, the labels that may follow it inside a
// sentence ([0]) and at its end ([1]); neither list is ever empty.
var successors = func() (table [numLabels][2][]Label) {
	for prev := range Label(numLabels) {
		for next := range Label(numLabels) {
			if follows(prev, next) {
				table[prev][0] = append(table[prev][0], next)
				if !next.opensName() {
					table[prev][1] = append(table[prev][1], next)
				}
			}
		}
	}
	return table
}()

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}
