package annotate

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"lede/annotate/internal/buffers"
	"lede/annotate/topics"
)

// Issues: finds the IPTC Media Topics an article raises and ranks them.
//
// One pass over the tokens hashes each, and a filter of the compiled lexicon
// (package topics) picks the few where a term or a context word may start;
// the n-grams from those are looked up, keeping the longest term at each
// place. A term whose meaning depends on its surroundings ("drills", a
// "trade" in a football story) is then kept or dropped by the context words
// of its sentence and the sentences either side. Terms inside a name are
// dropped: a name is no evidence ("World Resources Institute" is not about
// energy), unless it is itself the issue ("the Taiwan issue", "from trade to
// technology to Taiwan"), which adds it to international relations.
//
// The article classifier (issueclass.go) then reads the whole article and
// gives each top level a probability; a term that needs a field the lexicon
// did not find ("inning" needs sport) takes it from there. Last, each
// narrow topic is scored from how often, how early and how widely it is
// raised (a term the article lists as an issue counts more), weighed by how
// likely its top level is; the top levels score their probability. The
// issues a reader would name are marked salient.

type issue struct {
	id, label, parent, parentLabel string
	score                          float64
	salient                        bool
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
	s := issueScratchPool.Get().(*issueScratch)
	defer issueScratchPool.Put(s)
	return s.issues(a)
}

// issues is findIssues with the working memory s.
func (s *issueScratch) issues(a *analysis) []issue {
	lex := topics.Load()
	matches := s.evidence(a, lex)
	s.classify(a, lex, matches)
	if len(s.pending) > 0 {
		matches = s.admitByField(a, matches)
	}
	return s.rankIssues(a, lex, matches)
}

// evidence lists the terms that raise a topic, in token order: those whose
// context allows them, outside every name, and the names that are
// themselves an issue.
func (s *issueScratch) evidence(a *analysis, lex *topics.Lexicon) []issueMatch {
	matches, cues := s.matchTerms(a.text, a.tokens, a.sentences, lex)
	matches = outsideNames(s.keepInContext(matches, cues, len(a.sentences)), a.names)
	if ir := internationalRelationsTopic(); ir >= 0 {
		if named := s.namedIssues(a, matches, ir); len(named) > 0 {
			// The terms are in token order; the names join them there.
			matches = append(matches, named...)
			slices.SortStableFunc(matches, func(x, y issueMatch) int { return cmp.Compare(x.first, y.first) })
			s.matches = matches // grown, to be reused
		}
	}
	s.markStated(a, matches)
	return matches
}

// issueScratch is the stage's working memory, pooled so that once warm it
// allocates little more than the issues it returns: its buffers were a
// quarter of the bytes the pipeline allocated for an article, and
// allocating and collecting them a sixth of the stage's time in
// WebAssembly.
type issueScratch struct {
	hashes  []uint64 // of each token, for Extend
	starts  []int32
	matches []issueMatch
	pending []issueMatch // terms that lack context (keepInContext, admitByField)
	cues    []contextCue
	around  []sentenceCues
	terms   []uint8 // namedIssues' marks of the tokens
	matched []bool  // markStated's
	ranking rankScratch
	// classify's: the summed weights per class, the features seen, and the
	// probability of each top level (by topic index; -1 if not scored).
	acc        []int32
	seen       []uint64
	probs      []float64
	classProbs []float64
}

var issueScratchPool = sync.Pool{New: func() any { return new(issueScratch) }}

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
// cues of the text in order. Only the tokens where the lexicon may find
// something are looked up, about one in six (topics.Lexicon.Starts).
func (s *issueScratch) matchTerms(text string, toks []Token, sents []Sentence, lex *topics.Lexicon) ([]issueMatch, []contextCue) {
	hashes := s.tokenHashes(text, toks)
	s.starts = buffers.Resize(s.starts, len(toks))
	starts := lex.Starts(hashes, s.starts)
	matches, cues := s.matches[:0], s.cues[:0]
	// The sentences cover the tokens in order (checkSentences), and terms
	// never cross them, so covered needs no reset.
	si, covered := 0, 0
	for _, start := range starts {
		i := int(start)
		for sents[si].Last <= i {
			si++
		}
		term := lex.TermAt(text[toks[i].Start:toks[i].End], hashes[i:sents[si].Last])
		word := topics.Extend(topics.Key(), hashes[i])
		inside := i < covered
		if term.Senses != nil && !inside {
			for k := range term.Senses {
				sense := &term.Senses[k]
				matches = append(matches, issueMatch{first: i, last: i + term.Len, sentence: si, term: term.Key, word: word, sense: sense})
				if !sense.Conditional() {
					term.Context = term.Context.With(lex.TopBit(sense.Topic))
				}
			}
			covered = i + term.Len
		}
		// Inside a longer term a word has only the term's meaning
		// ("virus" in "computer virus" is no health cue).
		if !term.Context.Empty() && !inside {
			cues = append(cues, contextCue{tok: i, sentence: si, word: word, mask: term.Context})
		}
	}
	s.matches, s.cues = matches, cues // grown, to be reused
	return matches, cues
}

// tokenHashes hashes each token once, however many n-grams it is in, and
// adds a zero after the last token, its next for topics.Lexicon.Starts.
func (s *issueScratch) tokenHashes(text string, toks []Token) []uint64 {
	s.hashes = buffers.Resize(s.hashes, len(toks)+1)
	hashes := s.hashes
	for i := range toks {
		hashes[i] = topics.TokenHash(text, toks[i].Start, toks[i].End) // a Token is too big to copy cheaply
	}
	hashes[len(toks)] = 0
	return hashes
}

// keepInContext drops the conditional matches whose context, the cues of
// their sentence and its neighbours outside the term itself, lacks what they
// need or has what they forbid. A word is no context for itself: a second
// "favourite" does not make the first one a racing term.
//
// Almost half the conditional matches need a context that no cue of the
// three sentences has, and are dropped without reading the cues one by one.
func (s *issueScratch) keepInContext(matches []issueMatch, cues []contextCue, sentences int) []issueMatch {
	// around[i+1] holds the cues of sentence i; the empty ends spare the
	// first and last sentences a test.
	s.around = buffers.Resize(s.around, sentences+2)
	around := s.around
	around[0] = sentenceCues{}
	around[sentences+1] = sentenceCues{first: len(cues), end: len(cues)}
	for i, c := 0, 0; i < sentences; i++ {
		cs := sentenceCues{first: c}
		for ; c < len(cues) && cues[c].sentence == i; c++ {
			cs.bits = cs.bits.Or(cues[c].mask)
		}
		cs.end = c
		around[i+1] = cs
	}
	kept := matches[:0]
	s.pending = s.pending[:0]
	for i := range matches {
		m := &matches[i]
		if sense := m.sense; sense.Conditional() {
			near := around[m.sentence : m.sentence+3]
			if !sense.Need.Empty() && !near[0].bits.Or(near[1].bits).Or(near[2].bits).Meets(sense.Need) {
				s.pend(m)
				continue
			}
			var window topics.Mask
			for k := near[0].first; k < near[2].end; k++ {
				if c := &cues[k]; (c.tok < m.first || c.tok >= m.last) && c.word != m.word {
					window = window.Or(c.mask)
				}
			}
			if !sense.Counts(window) {
				if !window.Meets(sense.Forbid) {
					s.pend(m)
				}
				continue
			}
		}
		kept = append(kept, *m)
	}
	return kept
}

// pend keeps a term whose context lacks what it needs for admitByField,
// if what it needs includes a top level ("inning" needs sport).
func (s *issueScratch) pend(m *issueMatch) {
	if m.sense.Need.Meets(topics.TopLevelBits) {
		s.pending = append(s.pending, *m)
	}
}

// admitByField adds to matches the pending terms whose needed top level the
// classifier finds likely (fieldNeed): in "Flop in the ninth inning sinks
// Jays" no word says sport, but the article is about sport, so "inning" is
// baseball.
func (s *issueScratch) admitByField(a *analysis, matches []issueMatch) []issueMatch {
	pending := outsideNames(s.pending, a.names)
	best := 0 // the likeliest top level
	for t := range topics.TopLevels {
		if s.probs[t] > s.probs[best] {
			best = t
		}
	}
	added := false
	for k := range pending {
		m := &pending[k]
		for t := range topics.TopLevels {
			if m.sense.Need.Has(t) && (s.probs[t] >= fieldNeed || t == best && s.probs[t] >= bestFieldNeed) {
				matches = append(matches, *m)
				added = true
				break
			}
		}
	}
	if added {
		slices.SortStableFunc(matches, func(x, y issueMatch) int { return cmp.Compare(x.first, y.first) })
		s.matches = matches // grown, to be reused
	}
	return matches
}

// fieldNeed is the probability of a top level from which the classifier
// gives a term the context it needs; bestFieldNeed, if it is the likeliest.
const fieldNeed, bestFieldNeed = 0.5, 0.2

// sentenceCues are the cues of a sentence, cues[first:end], and all their bits.
type sentenceCues struct {
	first, end int
	bits       topics.Mask
}

// outsideNames drops the terms that overlap a name: a proper name is no
// evidence of an issue ("Resources" in "World Resources Institute", "Gang"
// in "Qin Gang", a moon called "Ganymede"), unless the article names it as
// the issue (namedIssues).
func outsideNames(matches []issueMatch, names []Name) []issueMatch {
	kept := matches[:0]
	n := 0
	for k := range matches {
		m := &matches[k]
		for n < len(names) && names[n].Last <= m.first {
			n++
		}
		if n < len(names) && names[n].First < m.last {
			continue
		}
		kept = append(kept, *m)
	}
	return kept
}

// namedIssues finds the places and groups named as an issue: followed by
// "issue" or "question", a place listed next to an issue ("from trade to
// technology to Taiwan"), or, once so named, again after "on" or "over"
// ("a warning on Taiwan").
func (s *issueScratch) namedIssues(a *analysis, matches []issueMatch, topic int) []issueMatch {
	// terms[i] tells whether a term ends before token i or starts at it (i
	// may be one past the last token).
	const endsBefore, startsAt = 1, 2
	s.terms = buffers.Resize(s.terms, len(a.tokens)+2)
	terms := s.terms
	clear(terms)
	for k := range matches {
		terms[matches[k].last] |= endsBefore
		terms[matches[k].first] |= startsAt
	}
	word := func(i int) string {
		if i < 0 || i >= len(a.tokens) {
			return ""
		}
		return a.tokens[i].Text(a.text)
	}
	var isIssue map[string]bool // made when a name is found, in few articles
	sense := &topics.Sense{Topic: topic, Weight: 1}
	var out []issueMatch
	for pass := 0; pass < 2 && (pass == 0 || len(isIssue) > 0); pass++ {
		for k := range a.names {
			n := &a.names[k]
			if n.Type == Person {
				continue
			}
			name := a.text[n.Start:n.End]
			var found bool
			if pass == 0 {
				found = inFolded(issueNouns, word(n.Last)) || n.Type == Place &&
					(n.First > 0 && terms[n.First-1]&endsBefore != 0 && inFolded(listLinks, word(n.First-1)) || terms[n.Last+1]&startsAt != 0 && inFolded(listLinks, word(n.Last)))
			} else {
				found = isIssue[name] && inFolded(issueAbout, word(n.First-1))
			}
			if found {
				if isIssue == nil {
					isIssue = map[string]bool{}
				}
				isIssue[name] = true
				out = append(out, issueMatch{first: n.First, last: n.Last, sentence: sentenceOf(a.sentences, n.First), term: topics.KeyOf(name), sense: sense})
			}
		}
	}
	return out
}

// markStated marks the terms listed after "issues" or "topics", read back
// over list words and other terms ("issues ranging from trade to technology
// to Taiwan", "topics such as pensions and tax").
func (s *issueScratch) markStated(a *analysis, matches []issueMatch) {
	s.matched = buffers.Resize(s.matched, len(a.tokens))
	matched := s.matched
	clear(matched)
	for k := range matches {
		for i := matches[k].first; i < matches[k].last; i++ {
			matched[i] = true
		}
	}
	for k := range matches {
		m := &matches[k]
		start := a.sentences[m.sentence].First
		for i, steps := m.first-1, 0; i >= start && steps < maxListReach; i, steps = i-1, steps+1 {
			w := a.tokens[i].Text(a.text)
			if inFolded(listed, w) { // most words before a term are not
				if inFolded(issueLists, w) {
					m.stated = true
					break
				}
				continue // a list word
			}
			if !matched[i] {
				break
			}
		}
	}
}

// maxListReach is how many tokens back a listed term looks for "issues".
const maxListReach = 12

// The word sets below hold lower-case words, looked up in any case.
var (
	issueNouns = newWordSet(strings.Fields("issue issues question dispute status"))
	issueAbout = newWordSet(strings.Fields("on over"))
	listLinks  = newWordSet(strings.Fields("to and or ,"))
	issueLists = newWordSet(strings.Fields(issueListWords))
	// listed holds issueLists and the words a list is read back over.
	listed = newWordSet(strings.Fields(issueListWords + " ranging range from to such as including like and or , of the"))
)

const issueListWords = "issue issues topics subjects matters questions"

// inFolded reports whether w, in ASCII lower case, is in set, comparing it
// letter by letter rather than lowering it into a new string: the sets are
// looked up for the words around every term and name.
func inFolded(set wordSet, w string) bool {
	if w == "" {
		return false
	}
	for i := set.slot(len(w), lowerASCII(w[0]), lowerASCII(w[len(w)-1])); ; i = (i + 1) & (len(set.slots) - 1) {
		switch s := set.slots[i]; {
		case s == "":
			return false
		case len(s) == len(w) && equalLowered(s, w):
			return true
		}
	}
}

// equalLowered reports whether w in ASCII lower case is lower, as long.
func equalLowered(lower, w string) bool {
	for i := 0; i < len(w); i++ {
		if lowerASCII(w[i]) != lower[i] {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

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
	shift uint // 64 - log2(len(slots))
}

type termUse struct {
	term  uint64
	topic int32 // 1 + the topic, 0 for an empty slot
	uses  int32
}

// reset empties the table and makes room for n (topic, term) pairs. News
// repeats its terms, so the table is seldom half full.
func (u *termUses) reset(n int) {
	size := uint(bits.Len(uint(n)))
	u.slots, u.shift = buffers.Resize(u.slots, 1<<size), 64-size
	clear(u.slots)
}

// add counts one more use of term for topic and returns how many there are.
func (u *termUses) add(topic int, term uint64) int {
	h := (term ^ uint64(topic)) * 0x9e3779b97f4a7c15
	for i := int(h >> (u.shift & 63)); ; i = (i + 1) & (len(u.slots) - 1) {
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
