package annotate

import (
	mathbits "math/bits"
	"strings"
	"unicode"

	"lede/annotate/internal/buffers"
	"lede/annotate/topics"
)

// The issues stage's view of the whole article: the classifier of package
// topics reads its words, its pairs of adjacent words and the concepts the
// lexicon found, and gives each top level a probability. The lexicon says
// where an issue is raised and names the narrow topic; the classifier says
// which fields the article is about, which the lexicon's single words
// often cannot ("icy" is weather only in a weather story).

// minClassifiedWords is the fewest words the classifier reads an article
// from: "Jays sink" says little.
const minClassifiedWords = 3

// classify sets s.probs, the probability of each top level (by topic index,
// -1 for the top levels the classifier does not score).
func (s *issueScratch) classify(a *analysis, lex *topics.Lexicon, matches []issueMatch) {
	c := lex.Classifier
	s.probs = buffers.Resize(s.probs, len(lex.Topics))
	probs := s.probs
	for i := range probs {
		probs[i] = -1
	}
	if len(c.Classes) == 0 {
		return
	}
	s.acc = buffers.Resize(s.acc, len(c.Classes))
	s.seen = buffers.Resize(s.seen, (c.Features()+63)/64)
	acc, seen := s.acc, s.seen
	clear(acc)
	clear(seen)
	// The rows found are marked in seen first, and their weights summed
	// after: most words are not features, and the loop stays small.
	words := 0
	toks, hashes := a.tokens, s.hashes
	for i := range toks {
		if toks[i].Kind != Word {
			continue
		}
		words++
		w := topics.Extend(topics.Key(), hashes[i])
		if r := c.Row(w); r >= 0 {
			seen[r/64] |= 1 << (r % 64)
		}
		if i+1 < len(toks) && toks[i+1].Kind == Word {
			if r := c.Row(topics.Extend(w, hashes[i+1])); r >= 0 {
				seen[r/64] |= 1 << (r % 64)
			}
		}
	}
	for k := range matches {
		t := matches[k].sense.Topic
		for _, r := range [2]int32{c.Concept(t), c.Concept(lex.Topics[t].Top)} {
			if r >= 0 {
				seen[r/64] |= 1 << (r % 64)
			}
		}
	}
	for k, bits := range seen {
		for bits != 0 {
			c.Accumulate(acc, int32(k*64+mathbits.TrailingZeros64(bits)))
			bits &= bits - 1
		}
	}
	s.classProbs = buffers.Resize(s.classProbs, len(c.Classes))
	out := s.classProbs
	if words < minClassifiedWords {
		return
	}
	c.Probabilities(acc, words, out)
	for k, t := range c.Classes {
		probs[t] = out[k]
	}
}

// IssueFeatures lists the names of the classifier features of text (each
// once, in order) and counts its words, as the issues stage reads them:
// cmd/build-topics trains the classifier on them. A feature's key is
// topics.KeyOf(name).
func IssueFeatures(text string) (names []string, words int) {
	text, _, _ = repairUTF8(text)
	a := analyse(text, Layers{}, nil)
	s := new(issueScratch)
	lex := topicLexicon()
	if lex == nil {
		return nil, 0
	}
	matches := s.evidence(a, lex)
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	for i, t := range a.tokens {
		if t.Kind != Word {
			continue
		}
		words++
		w := foldWord(t.Text(text))
		add(w)
		if i+1 < len(a.tokens) && a.tokens[i+1].Kind == Word {
			add(w + " " + foldWord(a.tokens[i+1].Text(text)))
		}
	}
	for _, m := range matches {
		add("@" + lex.Topics[m.sense.Topic].ID)
		add("@" + lex.Topics[lex.Topics[m.sense.Topic].Top].ID)
	}
	return names, words
}

// foldWord is a word as topics.TokenHash reads it: lower case, with curly
// apostrophes straight.
func foldWord(w string) string {
	return strings.Map(func(r rune) rune {
		if r == '’' {
			return '\''
		}
		return unicode.ToLower(r)
	}, w)
}
