package annotate

import "strings"

// Quotes: finds the quoted passages of the text; speakers.go then decides who
// said each one.
//
// Marks are paired paragraph by paragraph, so an unbalanced or stray mark
// costs at most its own paragraph, never the rest of the article. The one
// exception is the newspaper convention for long quotes: a paragraph that
// ends inside a quote and a next paragraph that reopens it with the same
// mark make one quote. Single marks double as apostrophes (don't,
// ’90s, rock ’n’ roll, the students’ union), so they count as quote marks
// only where their surroundings say so. Each mark is looked at a constant
// number of times: the scan is linear however unbalanced the marks are. The
// marks are found in one pass over the tokens, which also finds the words
// that may be attribution cues for speakers.go (scanTokens).

type quote struct {
	start, end  int // bytes, marks included
	open, close int // token indices of the opening and closing marks
	speaker     *entity
	// speakerDesc names a source that is not a recognised name ("a senior
	// US official"); anonymous says it does not identify anyone.
	speakerDesc string
	anonymous   bool
	cue         int // token index of the attribution cue, or -1
	cueEnd      int // byte end of the cue ("according to" is two tokens)
	// partial: a fragment inside the reporter's own sentence; continuation:
	// the speaker is carried over from the quote before; linked: the index
	// of the other half of a quote split by its attribution, or -1.
	partial, continuation bool
	linked                int
	// basis is how the speaker was found (speakerconfidence.go).
	basis speakerBasis
}

// findQuotes returns the quotes of the text, in order, with their speakers.
func findQuotes(a *analysis) []quote {
	// Quote marks and the words that may be cues are few, so they start on
	// the stack.
	var marks [64]quoteMark
	var cueStarts [64]int32
	info := make([]tokenInfo, len(a.tokens))
	s := scanTokens(a.text, a.tokens, a.sentences, info, marks[:0], cueStarts[:0])
	return attributeQuotes(a, pairQuoteMarks(a.text, a.tokens, s.marks), info, s.cueStarts)
}

// scanned is what scanTokens finds.
type scanned struct {
	marks     []quoteMark
	cueStarts []int32 // tokens that may start a cue (see mayStartCue)
}

// scanTokens finds the quote marks, each with its paragraph, and the
// tokens that may start a cue, in one pass over the tokens, appending them
// to marks and cueStarts, and notes the sentence of each token in info. A
// line break always ends a sentence, so a paragraph starts with a sentence.
func scanTokens(text string, toks []Token, sents []Sentence, info []tokenInfo, marks []quoteMark, cueStarts []int32) scanned {
	paragraph := int32(-1)
	for si, s := range sents {
		if s.ParagraphStart || s.First == 0 {
			paragraph++
		}
		sentence, sentenceInfo := toks[s.First:s.Last], info[s.First:s.Last]
		sentenceInfo = sentenceInfo[:len(sentence)]
		for k := range sentence {
			t := &sentence[k]
			sentenceInfo[k].sentence = int32(si)
			if t.Kind != QuoteMark && !mayStartCue(text, t) {
				continue // most tokens
			}
			i := s.First + k
			if t.Kind != QuoteMark {
				cueStarts = append(cueStarts, int32(i))
			} else if family, role, weak := classifyMark(text, toks, i); role != 0 {
				marks = append(marks, quoteMark{tok: i, paragraph: paragraph, opensParagraph: i == s.First && (s.ParagraphStart || i == 0),
					family: family, role: role, weak: weak})
			}
		}
	}
	return scanned{marks, cueStarts}
}

type markFamily uint8

const (
	doubleMark markFamily = iota + 1 // " “ ” „ « » `` ''
	singleMark                       // ' ‘ ’ ‚ ‹ › `
)

// markRole is what a mark can do where it stands: open, close or both.
type markRole uint8

const (
	opens markRole = 1 << iota
	closes
)

type quoteMark struct {
	tok int
	// paragraph counts the paragraphs before the mark's; opensParagraph:
	// the mark is the first token of its paragraph.
	paragraph      int32
	opensParagraph bool
	family         markFamily
	role           markRole
	// weak closers (a single mark after a letter, as in "the students’
	// union") close a quote only when no strongCloserLater: no other closer
	// of the family follows before its next opener.
	weak              bool
	strongCloserLater bool
	// singleCloserLater lets a quote opened by a single mark keep the double
	// marks nested inside it: ‘He said “no”,’ she said.
	singleCloserLater bool
}

// pairQuoteMarks pairs the marks that scanTokens found into the quoted
// spans, in text order, with no speaker.
func pairQuoteMarks(text string, toks []Token, marks []quoteMark) []quote {
	if len(marks) < 2 {
		return nil
	}
	out := make([]quote, 0, len(marks)/2) // each quote takes two marks
	carried := -1                         // opening token of a quote carried into the next paragraph
	var carriedFamily markFamily
	for start := 0; start < len(marks); {
		end := start + 1
		for end < len(marks) && marks[end].paragraph == marks[start].paragraph {
			end++
		}
		paragraph := marks[start:end]
		markWhatFollows(paragraph)
		open, family := -1, markFamily(0)
		skip := -1
		if carried >= 0 {
			open, family = carried, carriedFamily
			skip = paragraph[0].tok // the mark that reopens the carried quote
		}
		for k := range paragraph {
			m := &paragraph[k]
			if m.tok == skip {
				continue
			}
			if open < 0 {
				if m.role&opens != 0 {
					open, family = m.tok, m.family
				}
				continue
			}
			if m.family != family {
				// A single quote opened at top level gives way to double
				// marks that are not nested inside it.
				if family == singleMark && !m.singleCloserLater && m.role&opens != 0 {
					open, family = m.tok, m.family
				}
				continue
			}
			switch {
			case m.role&closes != 0 && (!m.weak || !m.strongCloserLater):
				out = append(out, newQuote(toks, open, m.tok))
				open = -1
			case m.role&opens != 0:
				open = m.tok // an unclosed opener before it was stray
			}
		}
		carried = -1
		// A mark that opens the next paragraph may carry the quote on.
		if open >= 0 && end < len(marks) && marks[end].paragraph == paragraph[0].paragraph+1 && marks[end].opensParagraph &&
			reopens(text, toks, marks[end].tok, open) && opensPassage(text, toks, open) {
			carried, carriedFamily = open, family
		}
		start = end
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func newQuote(toks []Token, open, close int) quote {
	return quote{start: toks[open].Start, end: toks[close].End, open: open, close: close, cue: -1, linked: -1}
}

// reopens reports whether the paragraph starting at token i opens with the
// same mark as the one at open, continuing a long quote from the paragraph
// before. (A different mark is a new quote, or a stray left by editing.)
func reopens(text string, toks []Token, i, open int) bool {
	if toks[i].Kind != QuoteMark || toks[i].Text(text) != toks[open].Text(text) {
		return false
	}
	_, role, _ := classifyMark(text, toks, i)
	return role&opens != 0
}

// opensPassage reports whether the mark at i starts a sentence-like passage
// (paragraph start, after a colon or a sentence end), as long quotes do; a
// stray mark mid-sentence must not swallow the next paragraph.
func opensPassage(text string, toks []Token, i int) bool {
	if i == 0 || toks[i].NewlineBefore {
		return true
	}
	switch text[toks[i-1].Start] {
	case ':', '.', '?', '!', ',':
		return true
	}
	return false
}

// markWhatFollows fills in what each mark of a paragraph needs to know about
// the marks after it, in one backward pass.
func markWhatFollows(marks []quoteMark) {
	var strongCloser [3]bool // by family, reset at each opener
	singleCloser := false
	for k := len(marks) - 1; k >= 0; k-- {
		m := &marks[k]
		m.strongCloserLater = strongCloser[m.family]
		m.singleCloserLater = singleCloser
		switch {
		case m.role == opens:
			strongCloser[m.family] = false
		case !m.weak:
			strongCloser[m.family] = true
		}
		if m.family == singleMark && m.role&closes != 0 {
			singleCloser = true
		}
	}
}

// classifyMark says which family the quote mark token i belongs to and
// whether it can open or close a quote there; role 0 means it is not a quote
// mark at all (an apostrophe, or a mark standing alone between spaces).
func classifyMark(text string, toks []Token, i int) (markFamily, markRole, bool) {
	t := toks[i]
	spaceBefore := i == 0 || t.SpaceBefore || isOpeningPunct(text, toks[i-1])
	spaceAfter := i+1 >= len(toks) || toks[i+1].SpaceBefore
	punctAfter := !spaceAfter && isClosingPunct(text, toks[i+1])
	flanking := func() markRole {
		switch {
		case spaceBefore && !spaceAfter && !punctAfter:
			return opens
		case !spaceBefore && (spaceAfter || punctAfter):
			return closes
		case !spaceBefore && !spaceAfter:
			return opens | closes
		}
		return 0
	}
	switch text[t.Start:t.End] {
	case "“":
		// After a word it closes a German „…“.
		if flanking() == closes {
			return doubleMark, opens | closes, false
		}
		return doubleMark, opens, false
	case "„", "«", "``", "‟":
		return doubleMark, opens, false
	case "”", "»":
		return doubleMark, closes, false
	case "\"", "''":
		if role := flanking(); role != 0 {
			return doubleMark, role, false
		}
		// Spaced on both sides ('coalitions, '' said'): closes whatever is
		// open, as a typewriter mark does.
		return doubleMark, opens | closes, false
	case "‘", "‚", "‹", "`", "‛":
		if isElision(text, toks, i) {
			return 0, 0, false // ‘90s, ‘til typed with an opening mark
		}
		return singleMark, opens, false
	case "›":
		return singleMark, closes, false
	case "'", "’":
		if isElision(text, toks, i) {
			return 0, 0, false
		}
		role := flanking()
		if role == opens && text[t.Start] != '\'' {
			return 0, 0, false // ’ never opens: ’em, ’til, ’tis
		}
		if role == opens|closes {
			return 0, 0, false // inside a word
		}
		// After a letter it may be a plural possessive (the students’ union).
		weak := role == closes && toks[i-1].Kind == Word && !punctAfter
		return singleMark, role, weak
	}
	return 0, 0, false
}

// isElision reports apostrophes that stand for missing letters at a word's
// edge: '90s, 'em, 'til, 'cause, rock 'n' roll.
func isElision(text string, toks []Token, i int) bool {
	if i+1 < len(toks) && !toks[i+1].SpaceBefore {
		next := toks[i+1]
		if next.Kind == Number {
			return true
		}
		switch toLowerASCII(next.Text(text)) {
		case "em", "til", "cause", "tis", "twas", "n":
			return true
		}
	}
	// The closing apostrophe of 'n'.
	if i >= 2 && !toks[i].SpaceBefore && toks[i-2].Kind == QuoteMark && !toks[i-1].SpaceBefore {
		w := toks[i-1].Text(text)
		return w == "n" || w == "N"
	}
	return false
}

// isClosingPunct: punctuation that follows a closing mark (",", ")", a full
// stop) rather than begins a quote ("[Trump] said", "… and then").
func isClosingPunct(text string, t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch text[t.Start:t.End] {
	case ",", ".", ";", ":", "!", "?", ")", "]", "}":
		return true
	}
	return false
}

func isOpeningPunct(text string, t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch text[t.Start] {
	case '(', '[', '{':
		return true
	}
	// Dashes open a passage: —“like this”.
	r := text[t.Start:t.End]
	return r == "—" || r == "–" || r == "-" || r == "--"
}

// isTitle: three or more quoted words, all capitalised but for short
// function words, are the title of a book, film or article ("The Art of
// the Deal"), not speech.
func isTitle(text string, toks []Token, q quote) bool {
	words := 0
	for i := q.open + 1; i < q.close; i++ {
		t := toks[i]
		if t.Kind != Word {
			continue
		}
		words++
		if w := t.Text(text); w[0] >= 'a' && w[0] <= 'z' && !titleSmallWords.has(w) {
			return false
		}
	}
	return words >= 3
}

var titleSmallWords = newWordSet(strings.Fields("a an the of in on at to for and or but by with from as"))
