package annotate

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
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
	// News has about one term and one cue every ten tokens.
	matches := make([]issueMatch, 0, len(toks)/6)
	cues := make([]contextCue, 0, len(toks)/6)
	// Each token is hashed once, however many n-grams it is in.
	hashes := make([]uint64, len(toks))
	for i, t := range toks {
		hashes[i] = topics.TokenHash(text, t.Start, t.End)
	}
	for si, s := range sents {
		covered := s.First
		for i := s.First; i < s.Last; i++ {
			var best []topics.Sense
			var cue topics.Mask
			var bestKey, word uint64
			bestEnd := 0
			key := topics.Key()
			for j, last := i, min(s.Last, i+lex.MaxTerm); j < last; j++ {
				key = topics.Extend(key, hashes[j])
				if j == i {
					word = key
				}
				e := lex.Lookup(key)
				if e == nil {
					break
				}
				cue.Or(e.Context)
				if senses := lex.Senses(e); len(senses) > 0 {
					best, bestEnd, bestKey = senses, j+1, key
				}
				if !e.Prefix {
					break
				}
			}
			// A case-exact term ("WHO", "Labour") overrides the same word
			// read case-blind, but not a longer phrase.
			if tok := toks[i].Text(text); lex.MayBeExact(tok) {
				if exact, e := lex.LookupExact(tok); e != nil {
					cue.Or(e.Context)
					if senses := lex.Senses(e); len(senses) > 0 && (best == nil || bestEnd == i+1) {
						best, bestEnd, bestKey = senses, i+1, exact
					}
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
		return a.tokens[i].Text(a.text)
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
				found = inFolded(issueNouns, after) || n.Type == Place &&
					(inFolded(listLinks, before) && n.First > 0 && endsAt[n.First-1] || inFolded(listLinks, after) && startsAt[n.Last+1])
			} else {
				found = isIssue[name] && inFolded(issueAbout, before)
			}
			if found {
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
			w := a.tokens[i].Text(a.text)
			if inFolded(issueLists, w) {
				m.stated = true
				break
			}
			if !matched[i] && !inFolded(listWords, w) {
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
	issueLists = newWordSet(strings.Fields("issue issues topics subjects matters questions"))
	listWords  = newWordSet(strings.Fields("ranging range from to such as including like and or , of the"))
)

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

// newTermUses makes room for n (topic, term) pairs, at most half full.
func newTermUses(n int) *termUses {
	size := uint(bits.Len(uint(2 * n)))
	return &termUses{slots: make([]termUse, 1<<size), shift: 64 - size}
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

// rankIssues scores each topic and lists the narrow topics, best first, then
// the top-level topics, each scoring all the evidence of its children.
func rankIssues(a *analysis, lex *topics.Lexicon, matches []issueMatch) []issue {
	if len(matches) == 0 {
		return nil
	}
	slices.SortStableFunc(matches, func(x, y issueMatch) int { return cmp.Compare(x.first, y.first) })
	r := &lex.Ranking
	weights, paragraphs := sentenceWeights(a.text, a.sentences, r)
	// Each topic raised gets a tally, in the order first raised; a slice
	// indexed by topic finds it. Narrow and top-level topics are apart, so
	// they share both.
	var tallies []topicTally
	tallyOf := make([]int32, len(lex.Topics)) // 1 + the tally's index, 0 for none
	tally := func(topic int) *topicTally {
		if tallyOf[topic] == 0 {
			tallies = append(tallies, topicTally{topic: topic})
			tallyOf[topic] = int32(len(tallies))
		}
		return &tallies[tallyOf[topic]-1]
	}
	uses := newTermUses(2 * len(matches)) // a narrow topic and its top level each
	for _, m := range matches {
		w := m.sense.Weight * weights[m.sentence]
		if m.stated {
			w *= statedWeight
		}
		span := [2]int{a.tokens[m.first].Start, a.tokens[m.last-1].End}
		para := paragraphs[m.sentence]
		t := lex.Topics[m.sense.Topic]
		if !lex.IsTop(m.sense.Topic) {
			n := uses.add(m.sense.Topic, m.term)
			tally(m.sense.Topic).add(n, w, para, span)
		}
		parent := tally(t.Top)
		if n := len(parent.mentions); n > 0 && parent.mentions[n-1] == span {
			continue // one word read two ways counts once for its top level
		}
		parent.add(uses.add(t.Top, m.term), w, para, span)
	}
	var out []issue
	for i := range tallies {
		t := &tallies[i]
		if !lex.IsTop(t.topic) && t.weight >= minNarrowWeight {
			is := newIssue(lex, t)
			if lex.Topics[t.topic].Frame {
				is.score = saturate(t.raw(r) * frameDiscount)
			}
			out = append(out, is)
		}
	}
	// The order is total (ids are unique), so the tallies' order does not show.
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
	for i := range tallies {
		if t := &tallies[i]; lex.IsTop(t.topic) {
			out = append(out, newIssue(lex, t))
		}
	}
	slices.SortFunc(out[nNarrow:], byRank)
	return out
}

// newIssue scores a topic's tally, a top level's with its prior.
func newIssue(lex *topics.Lexicon, t *topicTally) issue {
	topic := t.topic
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
