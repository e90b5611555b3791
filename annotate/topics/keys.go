// Keys: how tokens and n-grams are hashed, the same way from text and from the compiled lexicon.

package topics

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/annotate/internal/swar"
)

// An n-gram's key chains the hashes of its tokens (TokenHash, Extend),
// each token read lower-cased with curly apostrophes as straight ones, so
// that the matcher hashes each token of a text once and extends an n-gram
// by a token without building a string. A token is hashed eight bytes at a
// time, which is also why TokenHash takes the text around it: a token
// shorter than eight bytes is read in one load and masked.
const (
	tokenSeed = 0x2545f4914f6cdd1d
	mixPrime  = 0x9e3779b97f4a7c15
	// Exact keys are FNV-1a hashes of the token as written, after exactMark,
	// which never occurs in UTF-8 text.
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	exactMark = 0xff
)

// Key is the key of the empty n-gram.
func Key() uint64 { return 0 }

// Extend extends the key of an n-gram by a token, given its TokenHash,
// mixing well enough that the keys of different n-grams differ.
func Extend(key, token uint64) uint64 {
	x := (bits.RotateLeft64(key, 23) ^ token) * mixPrime
	return x ^ x>>29
}

// KeyOf is the key of a phrase whose tokens are separated by single spaces,
// as the compiled keys are written.
func KeyOf(phrase string) uint64 {
	h := Key()
	for start := 0; ; {
		end := strings.IndexByte(phrase[start:], ' ')
		if end < 0 {
			return Extend(h, TokenHash(phrase, start, len(phrase)))
		}
		h = Extend(h, TokenHash(phrase, start, start+end))
		start += end + 1
	}
}

// TokenHash hashes the token text[start:end] for Extend.
func TokenHash(text string, start, end int) uint64 {
	const high = 0x8080808080808080
	n := end - start
	if uint(n-1) < 7 && start+8 <= len(text) { // most tokens: one load, masked
		w := swar.Load64(text[start:]) & (1<<(8*n) - 1)
		if w&high == 0 {
			return mixWord(tokenSeed, swar.LowerASCII(w)) ^ uint64(n)
		}
	}
	t := uint64(tokenSeed)
	i := start
	for ; i+8 <= end; i += 8 {
		w := swar.Load64(text[i:])
		if w&high != 0 {
			return foldRunes(text[start:end])
		}
		t = mixWord(t, swar.LowerASCII(w))
	}
	if i < end {
		w := swar.Bytes(text, i, end-i)
		if w&high != 0 {
			return foldRunes(text[start:end])
		}
		t = mixWord(t, swar.LowerASCII(w))
	}
	return t ^ uint64(n)
}

// foldRunes hashes a token beyond ASCII as TokenHash hashes an ASCII one, after
// lowering each rune and straightening curly apostrophes: it streams the
// folded bytes into words.
func foldRunes(token string) uint64 {
	t := uint64(tokenSeed)
	var w uint64
	n := 0
	add := func(b byte) {
		w |= uint64(b) << (8 * (n % 8))
		n++
		if n%8 == 0 {
			t, w = mixWord(t, w), 0
		}
	}
	for _, r := range token {
		if r == '’' {
			r = '\''
		}
		var buf [utf8.UTFMax]byte
		for _, b := range buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))] {
			add(b)
		}
	}
	if n%8 != 0 {
		t = mixWord(t, w)
	}
	return t ^ uint64(n)
}

func mixWord(t, w uint64) uint64 { return bits.RotateLeft64((t^w)*mixPrime, 29) }

// Exact is the key of a single token matched with its case ("WHO", "Labour").
func Exact(token string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ exactMark) * fnvPrime
	for i := 0; i < len(token); i++ {
		h = (h ^ uint64(token[i])) * fnvPrime
	}
	return h
}
