package annotate

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// repairUTF8 replaces every invalid byte with U+FFFD, so that offsets are
// exact against the text a browser shows for the same bytes, and says so.
func repairUTF8(text string) (string, []string) {
	if utf8.ValidString(text) {
		return text, nil
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	bad := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString("\uFFFD")
			bad++
		} else {
			b.WriteString(text[i : i+size])
		}
		i += size
	}
	return b.String(), []string{"invalid UTF-8: " + strconv.Itoa(bad) + " bytes replaced with U+FFFD; offsets refer to the repaired text"}
}
