package annotate

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences: groups tokens into sentences. A line break always ends a
// sentence (pasted articles put each paragraph, headline and dateline on its
// own line), except in hard-wrapped text (see unwrapLines); inside a line a sentence ends at . ! ? (plus any closing quote or
// bracket) when the next token starts like a sentence does. A list number
// ("1.") ends nothing, and after "U.S." only a common opening word (The, He)
// or a quote starts a new sentence, since such abbreviations often begin
// names.

// Sentence is the token range [First, Last) and its byte range [Start, End).
type Sentence struct {
	First, Last int
	Start, End  int
	// ParagraphStart is true for the first sentence of a line.
	ParagraphStart bool
}

func splitSentences(text string, toks []Token) []Sentence {
	unwrapLines(text, toks)
	// Articles have 15 or more tokens per sentence: one allocation will do.
	out := make([]Sentence, 0, len(toks)/12+1)
	first := 0
	// openQuote tracks, within the line, whether a straight double quote is
	// open, so that `said . "` closes the quotation even after a space.
	openQuote := false
	for i := range toks {
		t := &toks[i]
		if t.NewlineBefore {
			openQuote = false
			out = appendSentence(out, toks, first, i)
			first = i
		}
		// The quick tests that most tokens fail, before isSentenceEnd.
		switch t.Kind {
		case Word:
			if text[t.End-1] != '.' {
				continue
			}
		case Punct:
			if c := text[t.Start]; c != '.' && c != '!' && c != '?' {
				continue
			}
		case QuoteMark:
			openQuote = quoteStateAfter(text, *t, openQuote)
			continue
		default:
			continue
		}
		if i == first || !isSentenceEnd(text, toks, i) {
			continue // a leading "..." ends nothing
		}
		j, open := i+1, openQuote
		for j < len(toks) && !toks[j].NewlineBefore && isClosing(text, toks, j, open) {
			open = quoteStateAfter(text, toks[j], open)
			j++
		}
		if j >= len(toks) || toks[j].NewlineBefore {
			continue // the line break ends it
		}
		if toks[j].SpaceBefore && startsSentence(text, *t, toks[j]) {
			out = appendSentence(out, toks, first, j)
			first = j
		}
	}
	return appendSentence(out, toks, first, len(toks))
}

// appendSentence appends the sentence of tokens [first, last), if any.
func appendSentence(out []Sentence, toks []Token, first, last int) []Sentence {
	if last == first {
		return out
	}
	return append(out, Sentence{
		First: first, Last: last,
		Start: toks[first].Start, End: toks[last-1].End,
		ParagraphStart: toks[first].NewlineBefore,
	})
}

// quoteStateAfter returns whether a double quotation is open after t: a
// straight quote flips the state, curly ones say which way they go.
func quoteStateAfter(text string, t Token, open bool) bool {
	if t.Kind != QuoteMark {
		return open
	}
	switch text[t.Start:t.End] {
	case `"`:
		return !open
	case "“", "``", "«", "„":
		return true
	case "”", "''", "»":
		return false
	}
	return open
}

// isSentenceEnd reports whether toks[i] can end a sentence.
func isSentenceEnd(text string, toks []Token, i int) bool {
	t := toks[i]
	if t.Kind == Punct {
		c := text[t.Start]
		// "1." opening a line numbers a list item; its dot ends nothing.
		if c == '.' && i > 0 && !t.SpaceBefore && toks[i-1].Kind == Number && toks[i-1].NewlineBefore {
			return false
		}
		return c == '.' || c == '!' || c == '?'
	}
	// "U.S." at the end of a sentence keeps its dot inside the word; only
	// treat it as an end when it is a dotted acronym, not a title like "Mr.".
	if t.Kind == Word && text[t.End-1] == '.' {
		return !isTitleAbbreviation(text[t.Start:t.End-1]) && t.End-t.Start > 2
	}
	return false
}

// isClosing reports whether toks[j], right after a sentence end, still
// belongs to that sentence: a closing bracket, a quote mark touching it, or
// one that closes a quotation open in the line (`said . "` with a space
// before) or ends the line (a quotation opened paragraphs before).
func isClosing(text string, toks []Token, j int, openQuote bool) bool {
	t := toks[j]
	if t.Kind == QuoteMark {
		endsLine := j+1 == len(toks) || toks[j+1].NewlineBefore
		return !t.SpaceBefore || endsLine || openQuote && !quoteStateAfter(text, t, openQuote)
	}
	c := text[t.Start]
	return !t.SpaceBefore && (c == ')' || c == ']')
}

// startsSentence reports whether next can open a sentence after end. After a
// dotted abbreviation ("U.S."), which also ends many names ("the U.S. Open"),
// only a word that is usually lower-case (The, He, But) does.
func startsSentence(text string, end, next Token) bool {
	r, _ := utf8.DecodeRuneInString(text[next.Start:])
	if end.Kind == Word {
		return next.Kind == QuoteMark || unicode.IsUpper(r) && sentenceOpeners[toLowerASCII(next.Text(text))]
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || next.Kind == QuoteMark || r == '(' || r == '['
}

// sentenceOpeners are common words that, capitalised, start a sentence
// rather than continue a name.
var sentenceOpeners = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "you": true, "his": true, "her": true, "its": true, "their": true,
	"our": true, "this": true, "that": true, "these": true, "those": true, "there": true,
	"but": true, "and": true, "or": true, "so": true, "yet": true, "if": true, "when": true,
	"while": true, "as": true, "after": true, "before": true, "in": true, "on": true,
	"at": true, "for": true, "by": true, "with": true, "from": true, "to": true, "of": true,
	"some": true, "many": true, "most": true, "no": true, "not": true, "what": true,
	"who": true, "why": true, "how": true, "where": true, "however": true, "meanwhile": true,
	"also": true, "both": true, "all": true, "one": true, "last": true, "since": true,
	"although": true, "though": true, "because": true, "then": true, "now": true,
}

// Hard-wrapped text (from PDFs, e-mail and wire feeds) breaks the lines of a
// paragraph at a fixed width. It is recognised by its line ends: in pasted
// articles nearly every line ends a sentence, while most wrapped lines end
// in the middle of one. In wrapped text a line break continues the
// paragraph unless a blank line follows, the next line is indented, or the
// line is short of the wrap width (the last line of a paragraph, a
// heading); its tokens then lose NewlineBefore, so that sentences, quotes
// and attributions run across the break. Only the line breaks are read,
// and the tokens are touched only when the text is wrapped.

// The shortest and longest lines, in bytes, taken as wrapped.
const (
	minWrapWidth = 40
	maxWrapWidth = 200
)

// unwrapLines clears NewlineBefore on the tokens after the line breaks that
// only wrap a paragraph.
func unwrapLines(text string, toks []Token) {
	singles, mid, width, paragraphs := 0, 0, 0, 0
	for w := (lineBreaks{text: text}); w.next(); {
		line, rest := w.line, w.rest
		if paragraphBreak(line, rest) {
			paragraphs++
			continue
		}
		singles++
		if n := len(strings.TrimRight(line, " \t\r")); n <= maxWrapWidth && !endsSentenceLine(line) {
			mid++
			width = max(width, n)
		}
	}
	if paragraphs == 0 || width < minWrapWidth || mid < 3 || 2*mid <= singles {
		return
	}
	// Wrapped lines fill the width: most end within a word or two of it
	// (lines of uneven length, as in tables or lists, are not wrapped).
	full := 0
	for w := (lineBreaks{text: text}); w.next(); {
		line, rest := w.line, w.rest
		n := len(strings.TrimRight(line, " \t\r"))
		if !paragraphBreak(line, rest) && n <= maxWrapWidth && 10*n >= 8*width && !endsSentenceLine(line) {
			full++
		}
	}
	if 3*full < 2*mid {
		return
	}
	for w := (lineBreaks{text: text}); w.next(); {
		line, rest := w.line, w.rest
		n := len(strings.TrimRight(line, " \t\r"))
		if paragraphBreak(line, rest) || 10*n < 7*width {
			continue
		}
		// The token that starts the next line.
		start := len(text) - len(rest)
		i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= start })
		if i < len(toks) && toks[i].NewlineBefore {
			toks[i].NewlineBefore = false
		}
	}
}

// lineBreaks walks the line breaks of a text: next moves to the next one,
// setting line (the line it ends, without the break) and rest (the text
// after it).
type lineBreaks struct {
	text, line, rest string
	start            int
}

func (w *lineBreaks) next() bool {
	i := strings.IndexByte(w.text[w.start:], '\n')
	if i < 0 {
		return false
	}
	w.line, w.rest = w.text[w.start:w.start+i], w.text[w.start+i+1:]
	w.start += i + 1
	return true
}

// paragraphBreak: the line break after line, before rest, starts a new
// paragraph on its own: it ends a blank line or comes before one, the
// next line is indented, or the text ends.
func paragraphBreak(line, rest string) bool {
	if rest == "" || strings.TrimSpace(line) == "" {
		return true
	}
	switch rest[0] {
	case ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

// endsSentenceLine: the line ends with . ! ? or :, perhaps followed by
// closing quote marks or brackets.
func endsSentenceLine(line string) bool {
	line = strings.TrimRight(line, " \t\r")
	for {
		switch {
		case strings.HasSuffix(line, "”"), strings.HasSuffix(line, "’"):
			line = line[:len(line)-len("”")]
			continue
		case strings.HasSuffix(line, "»"):
			line = line[:len(line)-len("»")]
			continue
		case line != "" && (line[len(line)-1] == '"' || line[len(line)-1] == '\'' || line[len(line)-1] == ')'):
			line = line[:len(line)-1]
			continue
		}
		break
	}
	if line == "" {
		return true
	}
	switch line[len(line)-1] {
	case '.', '!', '?', ':':
		return true
	}
	return false
}
