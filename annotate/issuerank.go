package annotate

import (
	"math"

	"lede/annotate/internal/buffers"
	"lede/annotate/internal/lookup"
	"lede/annotate/topics"
)

// Issue ranking: how the issues stage (issues.go) tallies each topic's
// evidence, scores the narrow topics and their top levels, orders them
// (sortByRank, which the block merger uses too) and marks the salient ones.

// topicTally accumulates one topic's evidence. The n-th use of the same term
// counts 1/n²: a topic is raised more surely by many words than by one word
// repeated ("Star Wars" throughout a games review is not about war).
type topicTally struct {
	topic      int
	weight     float64
	paragraphs int
	lastPara   int
	score      float64
	// mentions counts the spans the topic is raised at; first and last are
	// the first and the latest, and next is where the next one goes in the
	// array that rankIssues shares out among the tallies.
	mentions, next int
	first, last    [2]int
	terms          int  // distinct terms
	listed         bool // a narrow topic raised enough to be listed
	stated         bool // raised by a term the article lists as an issue
}

// add counts the use-th use of a term.
func (t *topicTally) add(use int, weight float64, para int, span [2]int) {
	if use == 1 {
		t.terms++
	}
	if t.mentions == 0 {
		t.first = span
	}
	if t.mentions == 0 || para != t.lastPara {
		t.paragraphs++
		t.lastPara = para
	}
	t.weight += weight / float64(use*use)
	t.mentions++
	t.last = span
}

// termUses counts the uses of each term for each topic of a document, in
// one open-addressing table: a Go map keyed on (topic, term) pairs cost a
// tenth of the stage.
type termUses struct {
	slots []termUse
	shape lookup.Slots
}

type termUse struct {
	term  uint64
	topic int32 // 1 + the topic, 0 for an empty slot
	uses  int32
}

// reset empties the table and makes room for n (topic, term) pairs. News
// repeats its terms, so the table is seldom half full.
func (u *termUses) reset(n int) {
	u.shape = lookup.For(n + 1)
	u.slots = buffers.Resize(u.slots, u.shape.Len())
	clear(u.slots)
}

// add counts one more use of term for topic and returns how many there are.
func (u *termUses) add(topic int, term uint64) int {
	for i := u.shape.Start(term ^ uint64(topic)); ; i = u.shape.Next(i) {
		s := &u.slots[i]
		if s.topic == 0 {
			s.topic, s.term = int32(topic+1), term
		}
		if s.topic == int32(topic+1) && s.term == term {
			s.uses++
			return int(s.uses)
		}
	}
}

func (t *topicTally) raw(r *topics.Ranking) float64 {
	return t.weight + r.Spread*float64(t.paragraphs-1)
}

// topicMention is a span a tally counts, listed as it is counted.
type topicMention struct {
	tally int32 // -1 once dropped as a duplicate of a child's
	// child is, for a top level's span, the narrow tally counted at the
	// same span, or -1.
	child int32
	span  [2]int
}

// rankScratch is rankIssues' working memory.
type rankScratch struct {
	sentences []sentenceWeight
	tallies   []topicTally
	tallyOf   []int32 // by topic, 1 + the index of its tally, 0 for none
	counted   []topicMention
	uses      termUses
	ranked    []int32
}

// rankIssues scores each topic and lists the narrow topics, best first, then
// the top-level topics. A top level scores the classifier's probability
// (s.probs); a narrow topic scores its own evidence, weighed by how likely
// its top level is. The matches are in token order.
//
// The tallies hold no slices, so that ranking them moves little: their
// mentions are listed as counted, then shared out of one array.
func (s *issueScratch) rankIssues(a *analysis, lex *topics.Lexicon, matches []issueMatch) []issue {
	r := &lex.Ranking
	rs := &s.ranking
	rs.sentences = buffers.Resize(rs.sentences, len(a.sentences))
	sentenceWeights(a.text, a.sentences, r, rs.sentences)
	// Each topic raised gets a tally, in the order first raised; tallyOf
	// finds it. Narrow and top-level topics are apart, so they share both.
	tallies, counted := rs.tallies[:0], rs.counted[:0]
	rs.tallyOf = buffers.Resize(rs.tallyOf, len(lex.Topics))
	tallyOf := rs.tallyOf
	clear(tallyOf)
	count := func(topic, use int, w float64, para int, span [2]int, child int32, decisive bool) int32 {
		if tallyOf[topic] == 0 {
			tallies = append(tallies, topicTally{topic: topic})
			tallyOf[topic] = int32(len(tallies))
		}
		tallies[tallyOf[topic]-1].add(use, w, para, span)
		if decisive {
			counted = append(counted, topicMention{tallyOf[topic] - 1, child, span})
		}
		return tallyOf[topic] - 1
	}
	uses := &rs.uses
	uses.reset(2 * len(matches)) // a narrow topic and its top level each
	for k := range matches {
		m := &matches[k]
		sw := rs.sentences[m.sentence]
		w := m.sense.Weight * sw.weight
		if m.stated {
			w *= statedWeight
		}
		span := [2]int{a.tokens[m.first].Start, a.tokens[m.last-1].End}
		top := lex.Topics[m.sense.Topic].Top
		child := int32(-1)
		// Only the words that name an issue are its mentions: loose words
		// (weighing less than 1) and the roles that carry a story count in
		// its score but are not shown.
		decisive := m.stated || m.sense.Weight >= 1 && !lex.Topics[m.sense.Topic].Frame
		if !lex.IsTop(m.sense.Topic) {
			child = count(m.sense.Topic, uses.add(m.sense.Topic, m.term), w, sw.paragraph, span, -1, decisive)
			tallies[child].stated = tallies[child].stated || m.stated
		}
		if t := tallyOf[top]; t > 0 && tallies[t-1].last == span {
			continue // one word read two ways counts once for its top level
		}
		count(top, uses.add(top, m.term), w, sw.paragraph, span, child, decisive)
	}
	// The top levels the classifier finds likely are listed even where no
	// word raises them: a headline such as "Flop in the ninth inning sinks
	// Jays" is about sport.
	probs := s.probs
	for t := range probs {
		if probs[t] >= minListedProb && tallyOf[t] == 0 {
			tallies = append(tallies, topicTally{topic: t, first: [2]int{len(a.text), len(a.text)}})
			tallyOf[t] = int32(len(tallies))
		}
	}
	rs.tallies, rs.counted = tallies, counted // grown, to be reused
	// The narrow topics raised enough are ranked first, then the top levels.
	ranked := rs.ranked[:0]
	for i := range tallies {
		if t := &tallies[i]; !lex.IsTop(t.topic) && t.weight >= minNarrowWeight {
			t.score = saturate(t.raw(r))
			if lex.Topics[t.topic].Frame {
				t.score = saturate(t.raw(r) * frameDiscount)
			}
			t.score *= topWeight(probs[lex.Topics[t.topic].Top])
			t.listed = true
			ranked = append(ranked, int32(i))
		}
	}
	narrow := len(ranked)
	for i := range tallies {
		if t := &tallies[i]; lex.IsTop(t.topic) {
			if p := probs[t.topic]; p >= 0 {
				t.score = p
			} else {
				t.score = unscoredTop * saturate(t.raw(r)*r.Prior[t.topic])
				if t.terms < 2 {
					t.score /= 2 // "icy", however often, is no weather story
				}
			}
			ranked = append(ranked, int32(i))
		}
	}
	if len(ranked) == 0 {
		return nil
	}
	rs.ranked = ranked
	sortByRank(ranked[:narrow], tallies, lex)
	sortByRank(ranked[narrow:], tallies, lex)
	// A top level lists the spans none of its listed children lists.
	mentions := 0
	for k := range counted {
		c := &counted[k]
		if c.child >= 0 && tallies[c.child].listed {
			c.tally = -1
			continue
		}
		mentions++
	}
	// Each tally's mentions take the next run of one array.
	spans := make([][2]int, mentions)
	next := 0
	for i := range tallies {
		tallies[i].mentions = 0
	}
	for _, c := range counted {
		if c.tally >= 0 {
			tallies[c.tally].mentions++
		}
	}
	for i := range tallies {
		tallies[i].next = next
		next += tallies[i].mentions
	}
	for _, c := range counted {
		if c.tally < 0 {
			continue
		}
		t := &tallies[c.tally]
		spans[t.next] = c.span
		t.next++
	}
	out := make([]issue, len(ranked))
	for k, i := range ranked {
		t := &tallies[i]
		end := t.next // t.next has moved past the tally's spans
		out[k] = newIssue(lex, t.topic, t.score, spans[end-t.mentions:end:end])
	}
	markSalient(out, lex, ranked, tallies, narrow, probs)
	return out
}

const (
	// minListedProb is the probability from which the classifier alone
	// lists a top level.
	minListedProb = 0.15
	// unscoredTop weighs the lexicon's evidence for the top levels the
	// classifier does not score (weather): they rank below a likely field.
	unscoredTop = 0.5
	// unscoredWeight is topWeight for a top level the classifier does not score.
	unscoredWeight = 0.6
)

// topWeight weighs a narrow topic's evidence by the probability p of its
// top level (-1 if the classifier does not score it): a narrow topic
// counts fully in an article of its field and little elsewhere ("books"
// in a bank's story are no literature).
func topWeight(p float64) float64 {
	if p < 0 {
		return unscoredWeight
	}
	return math.Sqrt(p)
}

// Salience: what a reader would name. The first top level always; others
// as likely as salientTopProb. Narrow topics that score salientNarrow, or
// that the article lists as issues, at most maxSalientNarrow of them and
// maxSalient in all.
const (
	salientTopProb   = 0.3
	salientNarrow    = 0.3
	salientInField   = 0.15
	maxSalientNarrow = 4
	maxSalientTops   = 2
)

// markSalient marks the issues a reader would name. out is ranked as
// ranked, whose first narrow entries are the narrow topics. The narrow
// topics the article lists as issues come first; then the best scoring
// narrow topic of each top level that has none yet (a second topic of one
// field is most often a facet of the first: diplomacy beside international
// relations); then the likely top levels.
func markSalient(out []issue, lex *topics.Lexicon, ranked []int32, tallies []topicTally, narrow int, probs []float64) {
	n := 0
	var fields [topics.TopLevels]bool
	for k := 0; k < narrow && n < maxSalientNarrow; k++ {
		if t := &tallies[ranked[k]]; t.stated && t.score > 0 && !lex.Topics[t.topic].Frame {
			out[k].salient = true
			fields[lex.Topics[t.topic].Top] = true
			n++
		}
	}
	for k := 0; k < narrow && n < maxSalientNarrow; k++ {
		t := &tallies[ranked[k]]
		top := lex.Topics[t.topic].Top
		// A field the classifier does not score (weather) needs two words:
		// "icy" alone is no weather story.
		sure := probs[top] >= 0 || t.terms >= 2
		if !out[k].salient && t.score >= salientNarrow && !fields[top] && !lex.Topics[t.topic].Frame && sure {
			out[k].salient = true
			fields[top] = true
			n++
		}
	}
	// The article's field gets its best narrow topic if it has none yet
	// and it is raised clearly enough (salientInField).
	if narrow < len(out) {
		field := tallies[ranked[narrow]].topic
		for k := 0; k < narrow && n < maxSalientNarrow && !fields[field]; k++ {
			t := &tallies[ranked[k]]
			sure := probs[field] >= 0 || t.terms >= 2
			if lex.Topics[t.topic].Top == field && !lex.Topics[t.topic].Frame && t.score >= salientInField && len(out[k].mentions) > 0 && sure {
				out[k].salient = true
				fields[field] = true
				n++
			}
		}
	}
	tops := 0
	for k := narrow; k < len(out) && tops < maxSalientTops; k++ {
		if k == narrow && out[k].score > 0 || probs[tallies[ranked[k]].topic] >= salientTopProb {
			out[k].salient = true
			tops++
		}
	}
}

// sortByRank orders tallies, given by index, best first. An article raises a
// few dozen topics: an insertion sort comparing in line costs less than
// slices.SortFunc, which calls a func value for every comparison.
func sortByRank(ranked []int32, tallies []topicTally, lex *topics.Lexicon) {
	for i := 1; i < len(ranked); i++ {
		x, j := ranked[i], i
		for ; j > 0 && outranks(&tallies[x], &tallies[ranked[j-1]], lex); j-- {
			ranked[j] = ranked[j-1]
		}
		ranked[j] = x
	}
}

// outranks reports whether x ranks before y: it scores higher, or as high and
// is raised first, or both and has the lower IPTC id. The ids are unique, so
// the order is total and the tallies' order does not show.
func outranks(x, y *topicTally, lex *topics.Lexicon) bool {
	if x.score != y.score {
		return x.score > y.score
	}
	if x.first[0] != y.first[0] {
		return x.first[0] < y.first[0]
	}
	return lex.Topics[x.topic].ID < lex.Topics[y.topic].ID
}

// setIssueConfidence gives each issue its confidence. A top level's score is
// the classifier's probability, calibrated by cmd/build-topics on stories
// it did not train on; a narrow topic takes its top level's, as no
// labelled data scores narrow topics. Weather, which the classifier does
// not score, has the lexicon's score: the one confidence not calibrated.
func setIssueConfidence(issues []Issue) {
	var tops [topics.TopLevels]*Issue
	n := 0
	for i := range issues {
		if is := &issues[i]; is.Parent == "" && n < len(tops) {
			tops[n] = is
			n++
		}
	}
	for i := range issues {
		is := &issues[i]
		is.Confidence = is.Score
		for _, t := range tops[:n] {
			if t.ID == is.Parent {
				is.Confidence = t.Score
				break
			}
		}
	}
}

// newIssue lists a topic with its score and mentions.
func newIssue(lex *topics.Lexicon, topic int, score float64, mentions [][2]int) issue {
	is := issue{id: lex.Topics[topic].ID, label: lex.Topics[topic].Label, score: score, mentions: mentions}
	if p := lex.Topics[topic].Top; p != topic {
		is.parent, is.parentLabel = lex.Topics[p].ID, lex.Topics[p].Label
	}
	return is
}

// saturate maps a weighted mention count to a score in 0..1.
func saturate(raw float64) float64 { return raw / (raw + scoreHalf) }

// sentenceWeight is a sentence's position weight and paragraph number.
type sentenceWeight struct {
	weight    float64
	paragraph int
}

// sentenceWeights gives each sentence its position weight and paragraph
// number, in out. A headline is a first line that does not end like a
// sentence; the lede is the first sentence after it.
func sentenceWeights(text string, sents []Sentence, r *topics.Ranking, out []sentenceWeight) {
	lede := 0
	para := 0
	for i, s := range sents {
		if i > 0 && s.ParagraphStart {
			para++
		}
		out[i] = sentenceWeight{weight: 1, paragraph: para}
	}
	if len(sents) > 1 && sents[1].ParagraphStart && !endsLikeSentence(text[sents[0].Start:sents[0].End]) {
		out[0].weight = r.Headline
		lede = 1
	}
	if lede < len(sents) {
		out[lede].weight = r.Lede
	}
}

func endsLikeSentence(s string) bool {
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case '"', '\'', ')', ']':
			continue
		case '.', '!', '?':
			return true
		}
		break
	}
	return false
}
