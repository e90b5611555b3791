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
	i := 0
	if !lower {
		// Four ASCII bytes a turn, the same hash: in the wasm build each
		// turn of a loop costs a jump through the function's dispatch.
		for ; i+4 <= len(s); i += 4 {
			c0, c1, c2, c3 := s[i], s[i+1], s[i+2], s[i+3]
			if c0|c1|c2|c3 >= utf8.RuneSelf {
				break
			}
			h = hashByte(hashByte(hashByte(hashByte(h, c0), c1), c2), c3)
		}
	}
	for i < len(s) {
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

// affixHashes calls emit with the hash of each lower-case prefix of word w
// of one to maxPrefix runes and each suffix of one to maxSuffix runes that is
// shorter than w (an affix as long as the word says nothing new). A prefix
// hash is the hash of the one before carried on by a rune.
func affixHashes(w string, maxPrefix, maxSuffix int, emit func(suffix bool, h uint64)) {
	h := uint64(fnvOffset)
	for n, i := 0, 0; n < maxPrefix && i < len(w); n++ {
		r, size := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(w[i:])
		}
		h = hashRune(h, lowerRune(r))
		if i += size; i < len(w) {
			emit(false, h)
		}
	}
	for n, start := 0, len(w); n < maxSuffix; n++ {
		_, size := utf8.DecodeLastRuneInString(w[:start])
		if start -= size; start <= 0 {
			return
		}
		emit(true, hashString(w[start:], true))
	}
}

// lowerRune lower-cases r as hashString does.
func lowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}
