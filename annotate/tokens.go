package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/annotate/internal/swar"
)

// Tokens: a single pass over the text that cuts it into words, numbers,
// punctuation and quote marks, each a byte range of the original text. The
// cuts follow the CoNLL / Penn Treebank conventions the recognizers were
// trained on ("China's" is "China" + "'s"), but hyphenated words
// ("Okafor-Lindqvist", "Covid-19") and dotted abbreviations ("U.S.") stay whole.
// The pass runs on every byte, so ASCII takes fast paths: a table sorts the
// bytes, and words are read eight bytes at a time.

// TokenKind classifies a token.
type TokenKind uint8

const (
	Word TokenKind = iota + 1
	Number
	Punct
	// QuoteMark is any mark that can open or close a quotation: " “ ” ‘ ’ ' « » „ ‚ ‹ › `` ''.
	QuoteMark
	Symbol
)

var tokenKindNames = [...]string{Word: "word", Number: "number", Punct: "punct", QuoteMark: "quote", Symbol: "symbol"}

func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) && tokenKindNames[k] != "" {
		return tokenKindNames[k]
	}
	return "unknown"
}

// Token is a byte range [Start, End) of the text.
type Token struct {
	Start, End int
	Kind       TokenKind
	// SpaceBefore is true when whitespace separates the token from the one
	// before it; NewlineBefore when that whitespace holds a line break
	// (a paragraph boundary in pasted articles).
	SpaceBefore, NewlineBefore bool
}

// Text returns the token's text.
func (t Token) Text(text string) string { return text[t.Start:t.End] }

// Tokenize cuts text into tokens. It allocates only the result slice.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	space, newline := true, true
	for i := 0; i < len(text); {
		var end int
		var kind TokenKind
		// The cases go from the most frequent byte class to the least.
		switch class := byteClasses[text[i]]; {
		case class == blankByte:
			space = true
			i++
			continue
		case class == letterByte:
			// Most words end at an ASCII byte that joins nothing.
			end, kind = asciiWordEnd(text, i), Word
			if end < len(text) && byteClasses[text[end]] == ruleByte {
				end = scanWord(text, i, end) // it may go on: O'Brien, U.S., café
			}
		case class == punctByte:
			end, kind = i+1, Punct
		case class == digitByte:
			end, kind = scanNumber(text, i), Number
		case class == lineBreakByte:
			space, newline = true, true
			i++
			continue
		case class == symbolByte:
			end, kind = i+1, Symbol
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			if isSpace(r) {
				space = true
				newline = newline || isLineBreak(r)
				i += size
				continue
			}
			end, kind = scanToken(text, i, r, size)
		}
		if end < len(text) && text[end] >= utf8.RuneSelf {
			end = extendCluster(text, i, end)
		}
		toks = append(toks, Token{Start: i, End: end, Kind: kind, SpaceBefore: space, NewlineBefore: newline})
		space, newline = false, false
		i = end
	}
	return toks
}

// byteClass sorts the bytes for Tokenize's fast paths: the ASCII bytes that
// always make, or never are, a token of their own. ruleByte, the zero class,
// is every byte that needs a closer look: one that may join a word to what
// follows (' . - &) or open a quotation (' " `), and the bytes of non-ASCII
// runes. Tokenize decodes a token that starts with one as a rune and hands
// it to scanToken, and a word that reaches one to scanWord.
type byteClass uint8

const (
	ruleByte byteClass = iota
	blankByte
	lineBreakByte
	letterByte
	digitByte
	punctByte
	symbolByte
)

// byteClasses is derived from the rune predicates that scanToken applies,
// in the same order, so that the fast paths cut exactly where it would.
var byteClasses = func() (classes [256]byteClass) {
	for c := range rune(utf8.RuneSelf) {
		switch {
		case isSpace(c) && isLineBreak(c):
			classes[c] = lineBreakByte
		case isSpace(c):
			classes[c] = blankByte
		case isQuoteRune(c) || c == '.' || c == '-' || c == '&':
			classes[c] = ruleByte
		case unicode.IsDigit(c):
			classes[c] = digitByte
		case isWordRune(c):
			classes[c] = letterByte
		case unicode.IsPunct(c):
			classes[c] = punctByte
		default:
			classes[c] = symbolByte
		}
	}
	return classes
}()

// extendCluster moves end past the runes that belong to the character before
// it, so that no token (and no span built from tokens) cuts a user-perceived
// character in two: combining marks and variation selectors ("1️⃣", "é" as
// e + U+0301 after a quote mark), emoji skin tones, a zero-width joiner with
// the emoji it joins ("👨‍💻"), and the second half of a flag ("🇨🇭"). This is
// the gist of the extend rules of UAX #29.
func extendCluster(text string, start, end int) int {
	// No ASCII character extends the one before it.
	for end < len(text) && text[end] >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(text[end:])
		switch {
		case unicode.IsMark(r) || r >= 0x1f3fb && r <= 0x1f3ff:
			end += size
		case r == '\u200d':
			end += size
			if next, nsize := utf8.DecodeRuneInString(text[end:]); unicode.Is(unicode.So, next) {
				end += nsize
			}
		case isRegionalIndicator(r) && end-start == size && isRegionalIndicator(firstRune(text[start:])):
			end += size
		default:
			return end
		}
	}
	return end
}

func isRegionalIndicator(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == 0
}

// isLineBreak reports whether the space r breaks the line.
func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2029' || r == '\u2028'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		// ASCII fast path: most news text is ASCII, and unicode.IsMark has
		// no Latin-1 shortcut.
		lower := r | 0x20
		return 'a' <= lower && lower <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '‘', '’', '\'', '«', '»', '„', '‚', '‹', '›', '`', '‟', '‛':
		return true
	}
	return false
}

// scanToken returns the end of the token that starts at i with rune r.
func scanToken(text string, i int, r rune, size int) (int, TokenKind) {
	switch {
	case isApostrophe(r):
		// 's, 're, 've, 'll, 'd, 'm as clitics; '' and `` as LaTeX quotes.
		if end, ok := scanClitic(text, i+size); ok {
			return end, Word
		}
		if r == '\'' && i+1 < len(text) && text[i+1] == '\'' {
			return i + 2, QuoteMark
		}
		return i + size, QuoteMark
	case r == '`':
		if i+1 < len(text) && text[i+1] == '`' {
			return i + 2, QuoteMark
		}
		return i + 1, QuoteMark
	case isQuoteRune(r):
		return i + size, QuoteMark
	case unicode.IsDigit(r) || r == '.' && startsDecimal(text, i):
		return scanNumber(text, i), Number
	case isWordRune(r):
		return scanWord(text, i, i), Word
	case r == '.' || r == '-' || r == '—' || r == '–':
		// Runs of dots and dashes ("...", "--") are one token.
		end := i + size
		for end < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[end:])
			if r2 != r {
				break
			}
			end += s2
		}
		return end, Punct
	case unicode.IsPunct(r):
		return i + size, Punct
	}
	return i + size, Symbol
}

// scanClitic matches the letters of an English clitic after an apostrophe
// when no letter follows them: 's 're 've 'll 'd 'm.
func scanClitic(text string, j int) (int, bool) {
	n := 0
	for j+n < len(text) && n < 3 {
		c := text[j+n] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		n++
	}
	if n == 0 {
		return 0, false
	}
	switch lower := toLowerASCII(text[j : j+n]); lower {
	case "s", "re", "ve", "ll", "d", "m":
	default:
		return 0, false
	}
	if j+n < len(text) {
		r, _ := utf8.DecodeRuneInString(text[j+n:])
		if isWordRune(r) {
			return 0, false
		}
	}
	return j + n, true
}

func toLowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// scanWord reads the word that starts at i, from end on: letters and
// digits, internal hyphens, internal apostrophes that are not clitics
// (O'Brien, don't) and dotted abbreviations.
func scanWord(text string, i, end int) int {
	for {
		end = asciiWordEnd(text, end)
		if end == len(text) {
			return end
		}
		r, size := utf8.DecodeRuneInString(text[end:])
		if r >= utf8.RuneSelf && isWordRune(r) {
			end += size
			continue
		}
		next := rune(0)
		if end+size < len(text) {
			next = firstRune(text[end+size:])
		}
		switch {
		case (r == '-' || r == '‑') && isWordRune(next):
			end += size
		case r == '&' && unicode.IsUpper(next) && end > i && isAllUpper(text[i:end]):
			end += size // AT&T, S&P
		case isApostrophe(r) && unicode.IsLetter(next):
			if _, ok := scanClitic(text, end+size); ok {
				return end
			}
			end += size
		case r == '.' && isAbbreviation(text, i, end, next):
			end += size
			if !unicode.IsLetter(next) {
				return end
			}
		default:
			return end
		}
	}
}

// asciiWordEnd returns the end of the run of ASCII letters and digits at i,
// read eight bytes at a time: a whole word takes one or two steps.
func asciiWordEnd(text string, i int) int {
	for ; i+8 <= len(text); i += 8 {
		if n := swar.FirstUnflagged(swar.Alnum(swar.Load64(text[i:]))); n < 8 {
			return i + n
		}
	}
	for i < len(text) && (byteClasses[text[i]] == letterByte || byteClasses[text[i]] == digitByte) {
		i++
	}
	return i
}

func isAllUpper(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isAbbreviation reports whether the '.' at end belongs to the word
// text[i:end]: single letters ("U.", "J."), dotted acronyms ("U.S."), and
// titles such as "Mr." keep their dot.
func isAbbreviation(text string, i, end int, next rune) bool {
	word := text[i:end]
	if unicode.IsLetter(next) {
		// U.S. / e.g. : a dot between single letters.
		r, size := utf8.DecodeRuneInString(word)
		return size == len(word) && unicode.IsLetter(r)
	}
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return true // initials and the last letter of U.S.
	}
	// The final letter of a dotted acronym: "U.S" + "."
	if n := len(word); n >= 3 && word[n-2] == '.' {
		return true
	}
	return isTitleAbbreviation(word)
}

// isTitleAbbreviation reports whether word, as written or, in capitals
// ("ST. LOUIS"), in title case, is one of titleAbbreviations.
func isTitleAbbreviation(word string) bool {
	if titleAbbreviations.has(word) {
		return true
	}
	var buf [8]byte
	if len(word) < 2 || len(word) > len(buf) || !isAllUpper(word) {
		return false
	}
	buf[0] = word[0]
	for i := 1; i < len(word); i++ {
		buf[i] = word[i] | 0x20
	}
	return titleAbbreviations.has(string(buf[:len(word)]))
}

// titleAbbreviations end with a dot that never ends a sentence on its own.
// Most words before a dot are looked up here: a wordSet rejects them without
// hashing them, as a map would, at a cost that counts in WebAssembly.
var titleAbbreviations = newWordSet(strings.Fields(`
	Mr Mrs Ms Dr Prof Sen Rep Gov Gen Lt Col Capt Sgt Adm Maj Cpl Rev Fr St Jr Sr
	Mt Ft Supt Insp Det Atty Gens Coun Cllr
	Jan Feb Aug Sept Sep Oct Nov Dec
	Inc Corp Co Ltd Bros vs etc No`))

// startsDecimal reports whether the '.' at i opens a number written without
// its leading zero (".596", a batting average), rather than ending a word.
func startsDecimal(text string, i int) bool {
	return i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' && (i == 0 || isSpace(lastRune(text[:i])))
}

// scanNumber reads digits with internal separators: 1,000  3.5  1996-08-30  10:30  1/2  90s.
func scanNumber(text string, i int) int {
	end := i
	for end < len(text) {
		c := text[end]
		switch {
		case c >= '0' && c <= '9':
			end++
		case (c == ',' || c == '.' || c == ':' || c == '/' || c == '-') && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9':
			end++
		default:
			r, size := utf8.DecodeRuneInString(text[end:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				end += size // 90s, 3rd, 5G, 2x
				continue
			}
			if r == '-' {
				if next, _ := utf8.DecodeRuneInString(text[end+1:]); end+1 < len(text) && unicode.IsLetter(next) {
					end++ // Covid-19 style handled by words; 19-year-old here
					continue
				}
			}
			return end
		}
	}
	return end
}
