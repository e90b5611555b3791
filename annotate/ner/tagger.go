package ner

import (
	_ "embed"
	"math"
	"sync"

	"lede/annotate/internal/buffers"
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
//
// A word's features mostly depend on the word alone, or on it and one small
// fact (how the word before it was labelled, where it stands), so the scores
// are summed once per distinct word and fact and then reused: a document
// has about half as many distinct words as words, a long text far fewer.
// Integer scores make every such regrouping give exactly the sums of adding
// each feature's weights one by one.
type scratch struct {
	toks []token
	// static holds each word's label-independent scores.
	static []scoreRow
	// words holds what each distinct word contributes, by word id.
	words []wordScores
	// beyond holds what the words beyond the ends of a sentence contribute
	// as each neighbour.
	beyond [len(neighbours)]scoreRow
	// before and after are what the words before and after a sentence
	// contribute as each neighbour, from which beyond is taken (kept here:
	// on the stack they escape to the heap at every document).
	before, after [len(neighbours)]scoreRow
	// aggregates holds, by lower-case form, the sums of the aggregate
	// scores its occurrences lend, once computed.
	aggregates []aggregateSums
	// aggRow is the row one occurrence's aggregate features are scored into:
	// a local row would escape to the heap through the scorer interface,
	// one allocation per word.
	aggRow scoreRow
	// transitions holds the scores of the transitionFeatures of each pair
	// of labels (prev*numLabels + prev2) once computed: a document uses
	// few pairs, but over and over. firstPasses holds the same for
	// firstPassFeatures, by label and next label (label*(numLabels+1) +
	// next).
	transitions [numLabels * numLabels]memo
	firstPasses [numLabels * (numLabels + 1)]memo
	// feats holds the keys of the features being scored: a local slice
	// of this array, which no word's features outgrow, so that no pointer
	// is stored in the hot loops (in the wasm build each store of a pointer
	// into the heap takes the write barrier while the GC marks).
	feats [maxFeatures]uint32
	maps  docMaps
	// margins, when set, receives each word's margin in the pass decoding.
	margins  []float32
	evidence evidenceCounts
}

// maxFeatures bounds the features scored at once: a word has at most 14 of
// its own (wordFeatures) and 2*maxAggregated aggregate ones. More would
// still be scored right, in a slice allocated for them.
const maxFeatures = 48

// wordRows holds the scores of the features of a word alone.
type wordRows struct {
	// own: its wordFeatures. asNeighbour: what it gives the word it is
	// each of the neighbours of.
	own         scoreRow
	asNeighbour [len(neighbours)]scoreRow
}

// wordMemos holds the scores of a word's features that also depend on one
// fact about an occurrence, for the fact of the last occurrence that needed
// them.
type wordMemos struct {
	casing   memo // its casingFeatures, by casingKey
	label    memo // its labelFeatures, by the two labels before it
	evidence memo // its wordEvidenceFeatures, by evidenceKey
}

// wordScores holds the scores of a distinct word's features.
type wordScores struct {
	wordRows
	wordMemos
}

// holdSame reports whether m's memos hold the keys o's do.
func (m *wordMemos) holdSame(o *wordMemos) bool {
	return m.casing.held == o.casing.held && m.label.held == o.label.held && m.evidence.held == o.evidence.held
}

// memo is a row of scores kept for one key.
type memo struct {
	held uint64 // the key the row holds plus one; 0: none (a zero memo is empty)
	row  scoreRow
}

// lookup returns the row for key, and whether it holds key's scores: if not,
// it is emptied and assigned to key, for the caller to fill. Keys are far
// below the largest uint64.
func (m *memo) lookup(key uint64) (*scoreRow, bool) {
	if m.held == key+1 {
		return &m.row, true
	}
	m.held, m.row = key+1, scoreRow{}
	return &m.row, false
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Tag labels every word of doc, writing into labels (len(doc.Words) long).
func (m *Model) Tag(doc Text, labels []Label) {
	m.TagMargins(doc, labels, nil)
}

// TagMargins is Tag that also writes, when margins is not nil (and as long
// as labels), how far each word's label led the best other label it could
// have had, in units of weight: the smaller, the less sure the tagger was.
// Confidence turns the margins of a name's words into a probability.
func (m *Model) TagMargins(doc Text, labels []Label, margins []float32) {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.toks = buffers.Resize(s.toks, len(doc.Words))
	m.cache.mu.RLock()
	analyze(doc, s.toks, &s.maps, m.classes, &m.cache)
	s.scoreWords(m, doc, &m.cache)
	m.cache.mu.RUnlock()
	s.firstPass(m, doc, labels)
	gatherEvidence(s.toks, labels, &s.evidence)
	s.margins = margins
	s.decode(m, doc, labels, true)
	s.margins = nil
	m.cache.learn(s.maps.docWords, s.words)
	extendPersons(s.toks, doc, labels, m.classes)
}

// firstPass labels an analyzed document without the evidence of the
// document's other labels.
func (s *scratch) firstPass(sc scorer, doc Text, labels []Label) {
	clear(s.transitions[:])
	clear(s.firstPasses[:])
	s.scoreStatic(sc, doc)
	s.decode(sc, doc, labels, false)
}

// extendPersons takes into a person's name the capitalised word right after
// it unless that word's class is plain (like "Monday", capitalised but
// seldom a name). The evidence that "Xi" stands alone elsewhere must not cut
// "Jinping" off "Xi Jinping".
func extendPersons(toks []token, doc Text, labels []Label, classes *WordClasses) {
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

// scoreWords scores what each distinct word contributes wherever it stands,
// or takes it from lex (which may be nil), and what the words beyond a
// sentence's ends contribute.
func (s *scratch) scoreWords(sc scorer, doc Text, lex *wordCache) {
	distinct, _ := distinctCounts(s.toks)
	// Each entry is written below, taken from lex or computed.
	s.words = buffers.Resize(s.words, distinct)
	next := int32(0) // word ids number words in order of first occurrence
	for i := range s.toks {
		t := &s.toks[i]
		if t.wordID != next {
			continue
		}
		next++
		w := &s.words[t.wordID]
		if lex != nil {
			if known := s.maps.docWords[t.wordID].lexeme; known >= 0 {
				*w = lex.at(known).scores
				continue
			}
		}
		*w = wordScores{}
		feats := wordFeatures(s.feats[:0], doc.Words[i], t)
		sc.addScores(feats, &w.own)
		s.scoreAsNeighbour(sc, t, &w.asNeighbour)
	}
	s.beyond = [len(neighbours)]scoreRow{}
	s.before, s.after = [len(neighbours)]scoreRow{}, [len(neighbours)]scoreRow{}
	s.scoreAsNeighbour(sc, &beforeSentence, &s.before)
	s.scoreAsNeighbour(sc, &afterSentence, &s.after)
	for k, n := range neighbours {
		if n.offset < 0 {
			s.beyond[k] = s.before[k]
		} else {
			s.beyond[k] = s.after[k]
		}
	}
}

// scoreAsNeighbour scores the features word t gives as each neighbour.
func (s *scratch) scoreAsNeighbour(sc scorer, t *token, rows *[len(neighbours)]scoreRow) {
	for k, n := range neighbours {
		feats := neighbourFeatures(s.feats[:0], n, t)
		sc.addScores(feats, &rows[k])
	}
}

// scoreStatic scores every word's label-independent features. A word's
// static row is the sum of six rows kept per word (its own, what its four
// neighbours lend it, its casing memo) plus its position and aggregate
// features: the six are summed in one pass, without the copies and
// partial sums that cost a call each in the wasm build.
func (s *scratch) scoreStatic(sc scorer, doc Text) {
	s.static = buffers.Resize(s.static, len(doc.Words))
	_, lowers := distinctCounts(s.toks)
	s.aggregates = buffers.Resize(s.aggregates, lowers)
	clear(s.aggregates)
	for _, sent := range doc.Sentences {
		for i := sent.First; i < sent.Last; i++ {
			t := &s.toks[i]
			w := &s.words[t.wordID]
			scores := &s.static[i]
			casing, ok := w.casing.lookup(t.casingKey())
			if !ok {
				s.scoreCasing(sc, t, casing)
			}
			scores.setSum6(&w.own, s.lent(sent, i, 0), s.lent(sent, i, 1), s.lent(sent, i, 2), s.lent(sent, i, 3), casing)
			feats := positionFeatures(s.feats[:0], s.toks, sent, i)
			sc.addScores(feats, scores)
			s.addAggregateScores(sc, i, scores)
		}
	}
}

// lent returns what the word at neighbours[k] of word i lends it: the row
// of the word there, or of the word beyond the sentence's end.
func (s *scratch) lent(sent WordRange, i, k int) *scoreRow {
	if j := i + neighbours[k].offset; j >= sent.First && j < sent.Last {
		return &s.words[s.toks[j].wordID].asNeighbour[k]
	}
	return &s.beyond[k]
}

// scoreCasing fills casing, a memo just emptied, with the scores of token
// t's casingFeatures.
func (s *scratch) scoreCasing(sc scorer, t *token, casing *scoreRow) {
	feats := casingFeatures(s.feats[:0], t)
	sc.addScores(feats, casing)
}

// addAggregateScores adds the scores of word i's aggregateFeatures: what
// the first maxAggregated of its word's other occurrences lend it. Those are
// the first maxAggregated occurrences for a later one, and the first
// maxAggregated+1 but itself for one of them, so the tagger sums what each
// lends once per word, and takes out what word i lends itself: in wrapping
// integer arithmetic the sum is the same to the bit.
func (s *scratch) addAggregateScores(sc scorer, i int, scores *scoreRow) {
	t := &s.toks[i]
	if t.firstSame < 0 {
		return
	}
	sums := &s.aggregates[t.lowerID]
	if !sums.done {
		s.sumAggregates(sc, int(t.firstSame), sums)
	}
	if t.sameRank >= maxAggregated {
		scores.add(&sums.first)
		return
	}
	own := &s.aggRow
	*own = scoreRow{}
	sc.addScores(lentAggregates(s.feats[:0], s.toks, i), own)
	scores.add(&sums.firstAndOne)
	scores.sub(own)
}

// aggregateSums holds what the first maxAggregated occurrences of a word
// lend (first), and the first maxAggregated+1 (firstAndOne).
type aggregateSums struct {
	done               bool
	first, firstAndOne scoreRow
}

// sumAggregates fills sums for the word whose first occurrence is first.
func (s *scratch) sumAggregates(sc scorer, first int, sums *aggregateSums) {
	sums.done = true
	n := 0
	for j := first; j >= 0 && n <= maxAggregated; j = int(s.toks[j].nextSame) {
		lent := &s.aggRow
		*lent = scoreRow{}
		sc.addScores(lentAggregates(s.feats[:0], s.toks, j), lent)
		if n < maxAggregated {
			sums.first.add(lent)
		}
		sums.firstAndOne.add(lent)
		n++
	}
}

// decode runs one greedy pass over every sentence, adding the label and
// evidence features to each word's static scores. (A beam search over the
// same scores did worse on CoNLL dev: the perceptron is trained word by word,
// so its scores do not add up across a sentence.)
func (s *scratch) decode(sc scorer, doc Text, labels []Label, useEvidence bool) {
	var scores scoreRow
	for _, sent := range doc.Sentences {
		prev, prev2 := Outside, Outside
		for i := sent.First; i < sent.Last; i++ {
			s.scores(&scores, sc, sent, i, prev, prev2, useEvidence)
			var margin int32
			labels[i], margin = bestLabel(&scores, prev, i == sent.Last-1)
			if s.margins != nil {
				s.margins[i] = float32(margin) / scoreUnit
			}
			prev, prev2 = labels[i], prev
		}
	}
}

// scores sets scores to the scores of word i after the labels prev and
// prev2: its static row plus the rows its memos keep (filled on a miss).
func (s *scratch) scores(scores *scoreRow, sc scorer, sent WordRange, i int, prev, prev2 Label, useEvidence bool) {
	t := &s.toks[i]
	w := &s.words[t.wordID]
	label, ok := w.label.lookup(uint64(prev) | uint64(prev2)<<8)
	if !ok {
		s.scoreLabel(sc, t, prev, prev2, label)
	}
	if !useEvidence {
		scores.setSum4(&s.static[i], label, &zeroRow, &zeroRow)
		return
	}
	evidence, ok := w.evidence.lookup(t.evidenceKey())
	if !ok {
		feats := wordEvidenceFeatures(s.feats[:0], t)
		sc.addScores(feats, evidence)
	}
	scores.setSum4(&s.static[i], label, evidence, s.firstPassScores(sc, t.firstPass, nextFirstPass(s.toks, sent, i)))
}

// zeroRow adds nothing.
var zeroRow scoreRow

// scoreLabel fills label, a memo just emptied, with the scores of token t's
// labelFeatures after the labels prev and prev2.
func (s *scratch) scoreLabel(sc scorer, t *token, prev, prev2 Label, label *scoreRow) {
	*label = *s.transitionScores(sc, prev, prev2)
	feats := wordLabelFeatures(s.feats[:0], t, prev)
	sc.addScores(feats, label)
}

// transitionScores returns the scores of the transitionFeatures of the
// labels prev and prev2.
func (s *scratch) transitionScores(sc scorer, prev, prev2 Label) *scoreRow {
	scores, ok := s.transitions[int(prev)*numLabels+int(prev2)].lookup(0)
	if !ok {
		feats := transitionFeatures(s.feats[:0], prev, prev2)
		sc.addScores(feats, scores)
	}
	return scores
}

// firstPassScores returns the scores of the firstPassFeatures of label and
// next.
func (s *scratch) firstPassScores(sc scorer, label, next Label) *scoreRow {
	scores, ok := s.firstPasses[int(label)*(numLabels+1)+int(next)].lookup(0)
	if !ok {
		feats := firstPassFeatures(s.feats[:0], label, next)
		sc.addScores(feats, scores)
	}
	return scores
}

// bestLabel picks the highest-scoring label that may follow prev; at the end
// of a sentence it must also close any name. It also returns by how much
// that label's score leads the next best (zero when it is the only one).
func bestLabel(scores *scoreRow, prev Label, last bool) (Label, int32) {
	candidates := successors[prev][boolIndex(last)]
	best := candidates[0]
	bestScore, second := scores.label(best), int32(math.MinInt32)
	for _, l := range candidates[1:] {
		// Without branches (the compiler makes selects of these): a
		// higher score becomes the best, and the runner-up the higher of
		// the old runner-up and the lower of the two.
		score := scores.label(l)
		if score > bestScore {
			best = l
		}
		second = max(second, min(score, bestScore))
		bestScore = max(bestScore, score)
	}
	if second == math.MinInt32 {
		return best, 0
	}
	return best, bestScore - second
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
