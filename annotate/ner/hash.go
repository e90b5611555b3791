package ner

import (
	"unicode"
	"unicode/utf8"
)

// Hashing: every feature is a 32-bit hash of a template and its values, so
// neither training nor tagging builds feature strings. Word hashes are
// computed once per token, lower-casing rune by rune without allocating.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func hashRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		return hashByte(h, byte(r))
	}
	for ; r != 0; r >>= 8 {
		h = hashByte(h, byte(r))
	}
	return h
}

// hashString hashes s, lower-cased when lower is set.
func hashString(s string, lower bool) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if lower && 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = hashByte(h, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if lower {
			r = unicode.ToLower(r)
		}
		h = hashRune(h, r)
		i += size
	}
	return h
}

// mix combines a feature's parts into one well-spread value (the splitmix64
// finalizer), so that similar inputs give unrelated keys.
func mix(a, b uint64) uint64 {
	x := a*0x9e3779b97f4a7c15 ^ b
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// prefixEnd returns the byte length of the first n runes of s, or -1 when s
// has fewer than n+1 runes (an affix as long as the word says nothing new).
func prefixEnd(s string, n int) int {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return -1
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if i >= len(s) {
		return -1
	}
	return i
}

// suffixStart returns the byte offset of the last n runes of s, or -1 when s
// has fewer than n+1 runes.
func suffixStart(s string, n int) int {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return -1
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	if i <= 0 {
		return -1
	}
	return i
}
