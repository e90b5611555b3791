package ner

import (
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

// hashRunes is hashString one rune at a time, as it was before it took four
// ASCII bytes a turn: the model's feature keys depend on the same values.
func hashRunes(s string, lower bool) uint64 {
	h := uint64(fnvOffset)
	for _, r := range s {
		if lower {
			r = unicode.ToLower(r)
		}
		h = hashRune(h, r)
	}
	return h
}

func TestHashStringTakesFourBytesATurnWithTheSameHash(t *testing.T) {
	words := []string{"", "a", "ab", "abc", "abcd", "abcde", "Reuters", "Wetang'ula", "2-1",
		"Zürich", "abcZürich", "São", "Ōsaka-fu", "东京", "naïveté", "ABCDEFGHIJKLM", "abc\xff", "\xffabcd"} // invalid bytes hash as U+FFFD both ways
	for _, w := range words {
		for _, lower := range []bool{false, true} {
			assert.Equal(t, hashRunes(w, lower), hashString(w, lower), "%q lower=%v", w, lower)
		}
	}
}
