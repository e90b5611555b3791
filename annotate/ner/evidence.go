package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/annotate/internal/buffers"
)

// Headlines and document evidence: how the recognizer tells a shouted or
// title-case headline and a table from running text, and what a word's other
// occurrences in the document say of its type (the second pass's evidence).

// isShouting reports whether a sentence is a headline written in capitals,
// where capitals say nothing about names: it has at least two words with
// letters and none in lower case.
func isShouting(words []string) bool {
	upper := 0
	for _, w := range words {
		if !stillShouting(casingOf(w), &upper) {
			return false
		}
	}
	return upper >= 2
}

// tokensShouting is isShouting on analyzed tokens, whose casing is known.
func tokensShouting(toks []token) bool {
	upper := 0
	for i := range toks {
		if !stillShouting(toks[i].casing, &upper) {
			return false
		}
	}
	return upper >= 2
}

// stillShouting reports whether a sentence with a word of casing c may be
// shouted, counting the words in capitals in upper.
func stillShouting(c casing, upper *int) bool {
	switch c {
	case lowerCase, titleCase, otherCase:
		return false
	case upperCase:
		*upper++
	}
	return true
}

// isTabular reports whether a sentence is mostly numbers: at least three,
// and at least a third of its words.
func isTabular(words []string) bool {
	numbers := 0
	for _, w := range words {
		if w[0] >= '0' && w[0] <= '9' {
			numbers++
		}
	}
	return numbers >= 3 && 3*numbers >= len(words)
}

// isTitleHeadline reports whether a sentence is a headline in title case,
// where capitals say as little as in capitals: at least four capitalised
// words, in lower case only some of the short words that headlines leave
// small, and among the capitalised words one that the document also writes
// in lower case ("Voters Abandon Party for Clinton" over an article about
// voters). A list of names has no such word.
func isTitleHeadline(toks []token, lowers []lowerFacts) bool {
	capitalised, small, common := 0, 0, false
	for i := range toks {
		t := &toks[i]
		switch t.casing {
		case lowerCase:
			if !t.smallWord {
				return false
			}
			small++
		case titleCase, upperCase, otherCase:
			capitalised++
			common = common || lowers[t.lowerID].casings&(1<<lowerCase) != 0
		}
	}
	return small > 0 && capitalised >= 4 && common
}

// isHeadlineSmallWord reports whether w is one of the words left in lower
// case in title-case headlines.
func isHeadlineSmallWord(w string) bool {
	switch w {
	case "a", "an", "the", "and", "but", "or", "nor", "for", "of", "to", "in", "on", "at", "by", "as", "vs", "via", "per":
		return true
	}
	return false
}

// TitleCaseHeadline rewrites a headline written in capitals in title case
// ("TRUMP WINS IN OHIO" → "Trump Wins in Ohio"), and reports whether words
// was such a headline. Training uses it to show the recognizer both styles.
func TitleCaseHeadline(words []string) ([]string, bool) {
	if !isShouting(words) {
		return nil, false
	}
	out := make([]string, len(words))
	for i, w := range words {
		lower := strings.ToLower(w)
		if isHeadlineSmallWord(lower) && i > 0 {
			out[i] = lower
			continue
		}
		r, size := utf8.DecodeRuneInString(lower)
		out[i] = string(unicode.ToUpper(r)) + lower[size:]
	}
	return out, true
}

// Evidence is how the first pass labelled other occurrences of a word: the
// most frequent type, and whether the word was ever left outside any name.
const evidenceOutsideBit = 0x10

// evidenceCounts counts, per lower-case form, how often the first pass put
// its capitalised occurrences in a name of each type (index numTypes:
// outside any name). It is scratch space reused between documents.
type evidenceCounts struct {
	byLower [][numTypes + 1]uint16
	// byClass counts the same by word class.
	byClass [noClass + 1][numTypes + 1]uint16
}

// distinctCounts returns how many distinct words and lower-case forms toks
// have: their ids count them from zero.
func distinctCounts(toks []token) (words, lowers int) {
	for i := range toks {
		words = max(words, int(toks[i].wordID)+1)
		lowers = max(lowers, int(toks[i].lowerID)+1)
	}
	return words, lowers
}

// gatherEvidence sets docEvidence from the first pass's labels.
func gatherEvidence(toks []token, labels []Label, ev *evidenceCounts) {
	_, lowers := distinctCounts(toks)
	ev.byLower = buffers.Resize(ev.byLower, lowers)
	clear(ev.byLower)
	clear(ev.byClass[:])
	for i, t := range toks {
		if t.casing == lowerCase || t.casing == noLetters {
			continue
		}
		ev.byClass[t.class][labelSlot(labels[i])]++
		ev.byLower[t.lowerID][labelSlot(labels[i])]++
	}
	for i := range toks {
		t := &toks[i]
		t.docEvidence, t.classEvidence, t.firstPass = 0, 0, labels[i]
		capitalised := t.casing != lowerCase && t.casing != noLetters
		if capitalised && t.class != noClass {
			t.classEvidence = summarizeEvidence(ev.byClass[t.class], labels[i])
		}
		c := ev.byLower[t.lowerID]
		if !capitalised {
			if c == ([numTypes + 1]uint16{}) {
				continue // most words in lower case are never capitalised
			}
			c[labelSlot(labels[i])]++ // not counted, so not to be left out
		}
		t.docEvidence = summarizeEvidence(c, labels[i])
	}
}

// summarizeEvidence returns the most frequent type in counts, leaving out
// one occurrence labelled l (the evidence must come from elsewhere), and
// whether any other occurrence was left outside a name. A type given to
// fewer than one in five of the other occurrences is no evidence: in a long
// paste of many articles, one "Thursday" taken for a person among a
// hundred left out must not make the others people.
func summarizeEvidence(c [numTypes + 1]uint16, l Label) uint8 {
	c[labelSlot(l)]--
	best, bestN := -1, uint16(0)
	for ty := 0; ty < int(numTypes); ty++ {
		if c[ty] > bestN {
			best, bestN = ty, c[ty]
		}
	}
	var ev uint8
	if best >= 0 && 4*int(bestN) >= int(c[numTypes]) {
		ev = uint8(best + 1)
	}
	if c[numTypes] > 0 {
		ev |= evidenceOutsideBit
	}
	return ev
}

// labelSlot is the index of a label's type in the evidence counts, with
// numTypes standing for Outside.
func labelSlot(l Label) int {
	if l == Outside {
		return int(numTypes)
	}
	return int(l.Type())
}
