package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Articles: where one article ends and the next begins in a text made of
// several (a long paste, a file of wire stories). The recognizer reads each
// article as a document of its own, so that what one article says of a
// word (a name typed as a team, a dateline) never types the same word in
// another, and an article gets the same names alone as among others.
//
// An article begins at the start of the text, at a headline and at a
// dateline. A headline is a paragraph of one short line set off by blank
// lines, beginning with a capital and not ending as a sentence does; a
// dateline is a paragraph that opens with a place in capitals and a dash
// ("NAIROBI, Kenya —", "KOUROU (AFP) —"). A dateline right after a headline
// begins no other article: the two open the same one. Every rule looks only
// at the paragraph and the blank lines around it, so an article's cuts are
// the same whatever stands before or after it.

// headlineMaxBytes is the longest line read as a headline.
const headlineMaxBytes = 200

// articleStarts returns the index of the first sentence of each article
// of sents, beginning with 0 (nil when there are no sentences).
func articleStarts(text string, toks []Token, sents []Sentence) []int {
	if len(sents) == 0 {
		return nil
	}
	starts := []int{0}
	// headlineOpens: the last article began with a headline paragraph
	// that is still the only paragraph read.
	headlineOpens := false
	for i := range sents {
		paragraph := i == 0 || lineBreakBefore(text, sents[i-1], sents[i])
		if !paragraph {
			continue
		}
		blankBefore := i == 0 || blankLineBefore(text, sents[i-1], sents[i])
		if blankBefore && isHeadline(text, sents, i) {
			if i > 0 {
				starts = append(starts, i)
			}
			headlineOpens = true
			continue
		}
		if isDateline(text, toks, sents[i]) && !headlineOpens && i > 0 {
			starts = append(starts, i)
		}
		headlineOpens = false
	}
	return starts
}

// lineBreakBefore reports whether a line break separates two sentences.
func lineBreakBefore(text string, prev, next Sentence) bool {
	return strings.IndexByte(text[prev.End:next.Start], '\n') >= 0
}

// blankLineBefore reports whether a blank line separates two sentences.
func blankLineBefore(text string, prev, next Sentence) bool {
	gap := text[prev.End:next.Start]
	first := strings.IndexByte(gap, '\n')
	return first >= 0 && strings.IndexByte(gap[first+1:], '\n') >= 0
}

// isHeadline reports whether the paragraph that begins at sentence i is a
// headline: one line of at most headlineMaxBytes, followed by a blank line
// and more text, beginning with a capital letter, of at least three words,
// not ending with a sentence's or a quotation's last mark.
func isHeadline(text string, sents []Sentence, i int) bool {
	last := i
	for last+1 < len(sents) && !lineBreakBefore(text, sents[last], sents[last+1]) {
		last++
	}
	if last+1 == len(sents) || !blankLineBefore(text, sents[last], sents[last+1]) {
		return false
	}
	line := text[sents[i].Start:sents[last].End]
	// Two spaces at least: strings.Count would read the whole line a byte
	// at a time in the wasm build, where IndexByte is a word-at-a-time memchr.
	if space := strings.IndexByte(line, ' '); len(line) > headlineMaxBytes || space < 0 || strings.IndexByte(line[space+1:], ' ') < 0 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	end, _ := utf8.DecodeLastRuneInString(line)
	if !unicode.IsUpper(first) {
		return false
	}
	switch end {
	case '.', ',', ';', ':', '"', '\'', '”', '’', '»', '…':
		return false
	}
	return true
}

// isDateline reports whether a sentence opens with a dateline (datelineAt)
// whose dash stands apart ("U.S.-led" is no dateline).
func isDateline(text string, toks []Token, s Sentence) bool {
	_, dash, ok := datelineAt(func(i int) string { return toks[i].Text(text) }, s.First, s.Last)
	return ok && toks[dash].SpaceBefore
}

// datelineAt reports whether the words [first, last) of a sentence, word(i)
// the i-th, open with a dateline: one to four words in capitals (the
// place, which ends at placeEnd), perhaps a comma and a region ("NAIROBI,
// Kenya", "LOVINGTON, N.M."), perhaps an agency in brackets ("(AFP)"),
// then a dash (at dash) and running text, not a headline in capitals
// ("SOCCER - JAPAN WIN").
func datelineAt(word func(int) string, first, last int) (placeEnd, dash int, ok bool) {
	i := first
	for i < last && i-first < 4 && isCapitalsWord(word(i)) {
		i++
	}
	if i == first || i == last {
		return 0, 0, false
	}
	placeEnd = i
	if word(i) == "," {
		for i++; i < last && i-first <= 8 && isDatelineWord(word(i)); i++ {
		}
		if i == last {
			return 0, 0, false
		}
	}
	if word(i) == "(" {
		if i+3 >= last || !isDatelineWord(word(i+1)) || word(i+2) != ")" {
			return 0, 0, false
		}
		i += 3
	}
	if !isDash(word(i)) {
		return 0, 0, false
	}
	for k := i + 1; k < last; k++ {
		if hasLower(word(k)) {
			return placeEnd, i, true
		}
	}
	return 0, 0, false
}

// isDash reports whether w is a dash as datelines write it.
func isDash(w string) bool {
	switch w {
	case "—", "–", "-", "--":
		return true
	}
	return false
}

// isCapitalsWord reports whether w has two or more letters, all capitals
// ("LUSAKA", "N.M." has too few letters in a row but passes: "U.S.").
func isCapitalsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLower(r):
			return false
		}
	}
	return letters >= 2
}

// isDatelineWord reports whether w can stand in a dateline's place name: a
// capitalized word, or a period of an abbreviation ("N.M." may be cut in
// words and periods).
func isDatelineWord(w string) bool { return isCapitalized(w) || w == "." }
