package annotate

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxRepairs bounds the repairs a Document lists: a binary file pasted by
// mistake would otherwise list one per few bytes.
const maxRepairs = 100

// repairUTF8 replaces invalid UTF-8 with U+FFFD, and says so: once in a
// warning, and at each place in a repair with byte offsets into the
// repaired text (adjacent replacements make one repair). Like browsers
// (the WHATWG decoder behind TextDecoder) it writes one U+FFFD per maximal
// ill-formed subsequence, so "\xe2\x80" (a truncated "…") becomes one
// character, not two: offsets stay exact against the text a browser shows
// for the same bytes.
func repairUTF8(text string) (string, []string, []Repair) {
	if utf8.ValidString(text) {
		return text, nil, nil
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	bad := 0
	var repairs []Repair
	runBytes := 0 // invalid bytes of the last repair
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			size = illFormedPrefix(text[i:])
			at := b.Len()
			b.WriteString("\uFFFD")
			bad += size
			switch n := len(repairs); {
			case n > 0 && repairs[n-1].End == at:
				repairs[n-1].End = b.Len()
				runBytes += size
			case n < maxRepairs:
				if n > 0 {
					repairs[n-1].Message = invalidBytes(runBytes)
				}
				repairs = append(repairs, Repair{Start: at, End: b.Len()})
				runBytes = size
			}
		} else {
			b.WriteString(text[i : i+size])
		}
		i += size
	}
	repairs[len(repairs)-1].Message = invalidBytes(runBytes)
	return b.String(), []string{"invalid UTF-8: " + countBytes(bad) + " replaced with U+FFFD; offsets refer to the repaired text"}, repairs
}

// invalidBytes is the message of a repair of n bytes.
func invalidBytes(n int) string {
	return "invalid UTF-8: " + countBytes(n) + " replaced with U+FFFD"
}

func countBytes(n int) string {
	if n == 1 {
		return "1 invalid byte"
	}
	return strconv.Itoa(n) + " invalid bytes"
}

// illFormedPrefix returns the length of the maximal ill-formed subsequence
// that s starts with: a lead byte and the continuation bytes that could still
// have completed it (Unicode 3.9, table 3-7).
func illFormedPrefix(s string) int {
	lo, hi := byte(0x80), byte(0xbf)
	need := 0
	switch c := s[0]; {
	case c >= 0xc2 && c <= 0xdf:
		need = 1
	case c >= 0xe0 && c <= 0xef:
		need = 2
	case c >= 0xf0 && c <= 0xf4:
		need = 3
	}
	// The four lead bytes whose second byte has a narrower range: no
	// overlong forms, no surrogates, nothing above U+10FFFF.
	switch s[0] {
	case 0xe0:
		lo = 0xa0
	case 0xed:
		hi = 0x9f
	case 0xf0:
		lo = 0x90
	case 0xf4:
		hi = 0x8f
	}
	n := 1
	for n <= need && n < len(s) && s[n] >= lo && s[n] <= hi {
		lo, hi = 0x80, 0xbf
		n++
	}
	return n
}
