package annotate

import (
	"cmp"
	"slices"
	"sync"

	"lede/annotate/topics"
)

// Issues: finds the IPTC Media Topics an article raises and ranks them.
//
// One pass over the tokens looks up every token n-gram in the compiled
// lexicon (package topics), keeping the longest term at each place. A term
// whose meaning depends on its surroundings ("drills", a "trade" in a
// football story) is then kept or dropped by the context words of its
// sentence and the sentences either side. A name that is itself the issue
// ("the Taiwan issue", "from trade to technology to Taiwan") is added to
// international relations while it stays a place. Last, each topic is scored
// from how often, how early and how widely it is raised (a term the article
// lists as an issue counts more), and every top-level topic aggregates its
// children, weighed by a prior fitted on BBC News (topics.Ranking), so the
// article can be ranked at both levels.

type issue struct {
	id, label, parent, parentLabel string
	score                          float64
	mentions                       [][2]int
}

// issueMatch is one use of a term (its lexicon key; word is the key of its
// first word alone): tokens [first, last) in a sentence.
type issueMatch struct {
	first, last, sentence int
	term, word            uint64
	sense                 *topics.Sense // shared, never written
	stated                bool          // listed by the article as an issue
}

const (
	// internationalRelations is the topic of a place that is itself the
	// issue: its status between states (Taiwan, Kashmir, Crimea).
	internationalRelations = "medtop:20000638"
	// The weights of the headline, the lede and the spread across
	// paragraphs, and the priors of the top levels, are topics.Ranking.

	// scoreHalf is the weighted mention count that scores 0.5.
	scoreHalf = 4
	// statedWeight counts a term the article itself lists as an issue
	// ("issues ranging from trade to technology") as much as the lede.
	statedWeight = 2
	// minNarrowWeight drops narrow topics raised only in passing.
	minNarrowWeight = 1
	// frameDiscount ranks the roles and institutions that carry a story
	// (topics.Topic.Frame) below what it is about; their top levels still
	// count them in full.
	frameDiscount = 0.5
)

// findIssues lists the topics the article raises, narrow topics first.
func findIssues(a *analysis) []issue {
	lex := topics.Load()
	matches, cues := matchTerms(a.text, a.tokens, a.sentences, lex)
	matches = outsidePeople(keepInContext(matches, cues, len(a.sentences)), a.names)
	if ir := internationalRelationsTopic(); ir >= 0 {
		matches = append(matches, namedIssues(a, matches, ir)...)
	}
	markStated(a, matches)
	return rankIssues(a, lex, matches)
}

// internationalRelationsTopic is the lexicon's index of internationalRelations.
var internationalRelationsTopic = sync.OnceValue(func() int { return topics.Load().Find(internationalRelations) })

// contextCue is the context a token sets: the groups of the context words
// that start at it and the top level of an unconditional term.
type contextCue struct {
	tok, sentence int
	word          uint64 // the key of the token alone
	mask          topics.Mask
}

// matchTerms finds the leftmost longest term at each token, and the context
// cues of the text in order.
func matchTerms(text string, toks []Token, sents []Sentence, lex *topics.Lexicon) ([]issueMatch, []contextCue) {
	var matches []issueMatch
	var cues []contextCue
	for si, s := range sents {
		covered := s.First
		for i := s.First; i < s.Last; i++ {
			var best []topics.Sense
			var cue topics.Mask
			var bestKey, word uint64
			bestEnd := 0
			key := topics.Key()
			for j := i; j < s.Last && j-i < lex.MaxTerm; j++ {
				key = topics.Fold(key, toks[j].Text(text), j > i)
				if j == i {
					word = key
				}
				e, ok := lex.Lookup(key)
				if !ok {
					break
				}
				cue.Or(e.Context)
				if len(e.Senses) > 0 {
					best, bestEnd, bestKey = e.Senses, j+1, key
				}
				if !e.Prefix {
					break
				}
			}
			// A case-exact term ("WHO", "Labour") overrides the same word
			// read case-blind, but not a longer phrase.
			if exact, e, ok := lex.LookupExact(toks[i].Text(text)); ok {
				cue.Or(e.Context)
				if len(e.Senses) > 0 && (best == nil || bestEnd == i+1) {
					best, bestEnd, bestKey = e.Senses, i+1, exact
				}
			}
			inside := i < covered
			if best != nil && !inside {
				for k, sense := range best {
					matches = append(matches, issueMatch{first: i, last: bestEnd, sentence: si, term: bestKey, word: word, sense: &best[k]})
					if !sense.Conditional() {
						cue.Set(lex.TopBit(sense.Topic))
					}
				}
				covered = bestEnd
			}
			// Inside a longer term a word has only the term's meaning
			// ("virus" in "computer virus" is no health cue).
			if !cue.Empty() && !inside {
				cues = append(cues, contextCue{tok: i, sentence: si, word: word, mask: cue})
			}
		}
	}
	return matches, cues
}

// keepInContext drops the conditional matches whose context, the cues of
// their sentence and its neighbours outside the term itself, lacks what they
// need or has what they forbid. A word is no context for itself: a second
// "favourite" does not make the first one a racing term.
func keepInContext(matches []issueMatch, cues []contextCue, sentences int) []issueMatch {
	// firstCue[s] is the index of the first cue of sentence s or later.
	firstCue := make([]int, sentences+1)
	for s, c := 0, 0; s <= sentences; s++ {
		for c < len(cues) && cues[c].sentence < s {
			c++
		}
		firstCue[s] = c
	}
	kept := matches[:0]
	for _, m := range matches {
		if !m.sense.Conditional() {
			kept = append(kept, m)
			continue
		}
		var window topics.Mask
		for _, c := range cues[firstCue[max(m.sentence-1, 0)]:firstCue[min(m.sentence+2, sentences)]] {
			if (c.tok < m.first || c.tok >= m.last) && c.word != m.word {
				window.Or(c.mask)
			}
		}
		if m.sense.Counts(window) {
			kept = append(kept, m)
		}
	}
	return kept
}

// outsidePeople drops the terms inside a person's name ("Gang" in "Qin Gang").
func outsidePeople(matches []issueMatch, names []Name) []issueMatch {
	kept := matches[:0]
	n := 0
	for _, m := range matches {
		for n < len(names) && names[n].Last <= m.first {
			n++
		}
		inside := n < len(names) && names[n].Type == Person && names[n].First <= m.first && m.last <= names[n].Last && m.last-m.first < names[n].Last-names[n].First
		if !inside {
			kept = append(kept, m)
		}
	}
	return kept
}

// namedIssues finds the places and groups named as an issue: followed by
// "issue" or "question", a place listed next to an issue ("from trade to
// technology to Taiwan"), or, once so named, again after "on" or "over"
// ("a warning on Taiwan").
func namedIssues(a *analysis, matches []issueMatch, topic int) []issueMatch {
	// endsAt[i] and startsAt[i] tell whether a term ends before token i or
	// starts at it (i may be one past the last token).
	endsAt := make([]bool, len(a.tokens)+2)
	startsAt := make([]bool, len(a.tokens)+2)
	for _, m := range matches {
		endsAt[m.last] = true
		startsAt[m.first] = true
	}
	word := func(i int) string {
		if i < 0 || i >= len(a.tokens) {
			return ""
		}
		return toLowerASCII(a.tokens[i].Text(a.text))
	}
	isIssue := map[string]bool{}
	sense := &topics.Sense{Topic: topic, Weight: 1}
	var out []issueMatch
	for pass := 0; pass < 2; pass++ {
		for _, n := range a.names {
			if n.Type == Person {
				continue
			}
			name := a.text[n.Start:n.End]
			before, after := word(n.First-1), word(n.Last)
			var found bool
			if pass == 0 {
				found = issueNouns[after] || n.Type == Place &&
					(listLinks[before] && n.First > 0 && endsAt[n.First-1] || listLinks[after] && startsAt[n.Last+1])
			} else {
				found = isIssue[name] && (before == "on" || before == "over")
			}
			if found {
				isIssue[name] = true
				out = append(out, issueMatch{first: n.First, last: n.Last, sentence: sentenceOf(a.sentences, n.First), term: topics.Fold(topics.Key(), name, false), sense: sense})
			}
		}
	}
	return out
}

// markStated marks the terms listed after "issues" or "topics", read back
// over list words and other terms ("issues ranging from trade to technology
// to Taiwan", "topics such as pensions and tax").
func markStated(a *analysis, matches []issueMatch) {
	matched := make([]bool, len(a.tokens))
	for _, m := range matches {
		for i := m.first; i < m.last; i++ {
			matched[i] = true
		}
	}
	for k := range matches {
		m := &matches[k]
		start := a.sentences[m.sentence].First
		for i, steps := m.first-1, 0; i >= start && steps < maxListReach; i, steps = i-1, steps+1 {
			w := toLowerASCII(a.tokens[i].Text(a.text))
			if issueLists[w] {
				m.stated = true
				break
			}
			if !matched[i] && !listWords[w] {
				break
			}
		}
	}
}

// maxListReach is how many tokens back a listed term looks for "issues".
const maxListReach = 12

var (
	issueNouns = map[string]bool{"issue": true, "issues": true, "question": true, "dispute": true, "status": true}
	listLinks  = map[string]bool{"to": true, "and": true, "or": true, ",": true}
	issueLists = map[string]bool{"issue": true, "issues": true, "topics": true, "subjects": true, "matters": true, "questions": true}
	listWords  = map[string]bool{"ranging": true, "range": true, "from": true, "to": true, "such": true, "as": true, "including": true,
		"like": true, "and": true, "or": true, ",": true, "of": true, "the": true}
)

func sentenceOf(sents []Sentence, tok int) int {
	i, _ := slices.BinarySearchFunc(sents, tok, func(s Sentence, t int) int {
		if s.Last <= t {
			return -1
		}
		if s.First > t {
			return 1
		}
		return 0
	})
	return i
}

// topicTally accumulates one topic's evidence. The n-th use of the same term
// counts 1/n²: a topic is raised more surely by many words than by one word
// repeated ("Star Wars" throughout a games review is not about war).
type topicTally struct {
	weight     float64
	paragraphs int
	lastPara   int
	mentions   [][2]int
}

// add counts the use-th use of a term.
func (t *topicTally) add(use int, weight float64, para int, span [2]int) {
	if t.paragraphs == 0 || para != t.lastPara {
		t.paragraphs++
		t.lastPara = para
	}
	t.weight += weight / float64(use*use)
	t.mentions = append(t.mentions, span)
}

// topicTerm is a term raising a topic; one map of them for all the topics
// of a document costs less than one map per topic.
type topicTerm struct {
	topic int
	term  uint64
}

func (t *topicTally) raw(r *topics.Ranking) float64 {
	return t.weight + r.Spread*float64(t.paragraphs-1)
}

// rankIssues scores each topic and lists the narrow topics, best first, then
// the top-level topics, each scoring all the evidence of its children.
func rankIssues(a *analysis, lex *topics.Lexicon, matches []issueMatch) []issue {
	if len(matches) == 0 {
		return nil
	}
	slices.SortStableFunc(matches, func(x, y issueMatch) int { return cmp.Compare(x.first, y.first) })
	r := &lex.Ranking
	weights, paragraphs := sentenceWeights(a.text, a.sentences, r)
	narrow := map[int]*topicTally{}
	top := map[int]*topicTally{}
	tally := func(m map[int]*topicTally, topic int) *topicTally {
		if m[topic] == nil {
			m[topic] = &topicTally{}
		}
		return m[topic]
	}
	// Narrow and top-level topics are apart, so they can share the map.
	uses := make(map[topicTerm]int, len(matches))
	use := func(topic int, term uint64) int {
		k := topicTerm{topic, term}
		uses[k]++
		return uses[k]
	}
	for _, m := range matches {
		w := m.sense.Weight * weights[m.sentence]
		if m.stated {
			w *= statedWeight
		}
		span := [2]int{a.tokens[m.first].Start, a.tokens[m.last-1].End}
		para := paragraphs[m.sentence]
		t := lex.Topics[m.sense.Topic]
		if !lex.IsTop(m.sense.Topic) {
			tally(narrow, m.sense.Topic).add(use(m.sense.Topic, m.term), w, para, span)
		}
		parent := tally(top, t.Top)
		if n := len(parent.mentions); n > 0 && parent.mentions[n-1] == span {
			continue // one word read two ways counts once for its top level
		}
		parent.add(use(t.Top, m.term), w, para, span)
	}
	var out []issue
	for topic, t := range narrow {
		if t.weight >= minNarrowWeight {
			is := newIssue(lex, topic, t)
			if lex.Topics[topic].Frame {
				is.score = saturate(t.raw(r) * frameDiscount)
			}
			out = append(out, is)
		}
	}
	byRank := func(x, y issue) int {
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		if c := cmp.Compare(x.mentions[0][0], y.mentions[0][0]); c != 0 {
			return c
		}
		return cmp.Compare(x.id, y.id)
	}
	slices.SortFunc(out, byRank)
	nNarrow := len(out)
	for topic, t := range top {
		out = append(out, newIssue(lex, topic, t))
	}
	slices.SortFunc(out[nNarrow:], byRank)
	return out
}

// newIssue scores a topic's tally, a top level's with its prior.
func newIssue(lex *topics.Lexicon, topic int, t *topicTally) issue {
	score := saturate(t.raw(&lex.Ranking) * lex.Ranking.Prior[topic])
	is := issue{id: lex.Topics[topic].ID, label: lex.Topics[topic].Label, score: score, mentions: t.mentions}
	if p := lex.Topics[topic].Top; p != topic {
		is.parent, is.parentLabel = lex.Topics[p].ID, lex.Topics[p].Label
	}
	return is
}

// saturate maps a weighted mention count to a score in 0..1.
func saturate(raw float64) float64 { return raw / (raw + scoreHalf) }

// sentenceWeights gives each sentence its position weight and paragraph
// number. A headline is a first line that does not end like a sentence; the
// lede is the first sentence after it.
func sentenceWeights(text string, sents []Sentence, r *topics.Ranking) ([]float64, []int) {
	weights := make([]float64, len(sents))
	paragraphs := make([]int, len(sents))
	lede := 0
	para := 0
	for i, s := range sents {
		if i > 0 && s.ParagraphStart {
			para++
		}
		paragraphs[i] = para
		weights[i] = 1
	}
	if len(sents) > 1 && sents[1].ParagraphStart && !endsLikeSentence(text[sents[0].Start:sents[0].End]) {
		weights[0] = r.Headline
		lede = 1
	}
	if lede < len(sents) {
		weights[lede] = r.Lede
	}
	return weights, paragraphs
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
