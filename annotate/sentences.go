package annotate

import (
	"unicode"
	"unicode/utf8"
)

// Sentences: groups tokens into sentences. A line break always ends a
// sentence (pasted articles put each paragraph, headline and dateline on its
// own line); inside a line a sentence ends at . ! ? (plus any closing quote or
// bracket) when the next token starts like a sentence does.

// Sentence is the token range [First, Last) and its byte range [Start, End).
type Sentence struct {
	First, Last int
	Start, End  int
	// ParagraphStart is true for the first sentence of a line.
	ParagraphStart bool
}

func splitSentences(text string, toks []Token) []Sentence {
	var out []Sentence
	first := 0
	emit := func(last int) {
		if last > first {
			out = append(out, Sentence{
				First: first, Last: last,
				Start: toks[first].Start, End: toks[last-1].End,
				ParagraphStart: toks[first].NewlineBefore,
			})
		}
		first = last
	}
	for i := range toks {
		if i > first && toks[i].NewlineBefore {
			emit(i)
		}
		if !isSentenceEnd(text, toks[i]) {
			continue
		}
		j := i + 1
		for j < len(toks) && !toks[j].SpaceBefore && isClosing(text, toks[j]) {
			j++
		}
		if j >= len(toks) || toks[j].NewlineBefore {
			continue // the line break ends it
		}
		if toks[j].SpaceBefore && startsSentence(text, toks[j]) {
			emit(j)
		}
	}
	emit(len(toks))
	return out
}

func isSentenceEnd(text string, t Token) bool {
	if t.Kind == Punct {
		c := text[t.Start]
		return c == '.' || c == '!' || c == '?'
	}
	// "U.S." at the end of a sentence keeps its dot inside the word; only
	// treat it as an end when it is a dotted acronym, not a title like "Mr.".
	if t.Kind == Word && text[t.End-1] == '.' {
		return !titleAbbreviations[text[t.Start:t.End-1]] && t.End-t.Start > 2
	}
	return false
}

func isClosing(text string, t Token) bool {
	if t.Kind == QuoteMark {
		return true
	}
	c := text[t.Start]
	return c == ')' || c == ']'
}

func startsSentence(text string, t Token) bool {
	r, _ := utf8.DecodeRuneInString(text[t.Start:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || t.Kind == QuoteMark || r == '(' || r == '['
}
