package annotate

import (
	"cmp"
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
	lex := topicLexicon()
	if lex == nil {
		return nil
	}
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
var internationalRelationsTopic = sync.OnceValue(func() int {
	if lex := topicLexicon(); lex != nil {
		return lex.Find(internationalRelations)
	}
	return -1
})

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
	for i := set.slot(len(w), lowerASCII(w[0]), lowerASCII(w[len(w)-1])); ; i = set.shape.Next(i) {
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
