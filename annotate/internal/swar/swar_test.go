package swar

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// bytesOf spreads w into its eight bytes, lowest first.
func bytesOf(w uint64) (b [8]byte) {
	for k := range b {
		b[k] = byte(w >> (8 * k))
	}
	return b
}

// wordWith returns "  [@azAZ" (the edges of A-Z and a-z) with byte c at pos.
func wordWith(c byte, pos int) uint64 {
	w := uint64(0x5a41_7a61_405b_2020)
	return w&^(0xff<<(8*pos)) | uint64(c)<<(8*pos)
}

// TestLowerASCII checks the eight-bytes-at-once lowering against lowering a
// byte at a time, for every byte value at every position of a word.
func TestLowerASCII(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			w := wordWith(byte(c), pos)
			want := bytesOf(w)
			for k, b := range want {
				if 'A' <= b && b <= 'Z' {
					want[k] = b + 'a' - 'A'
				}
			}
			if !assert.Equal(t, want, bytesOf(LowerASCII(w)), "byte %#x at %d", c, pos) {
				return
			}
		}
	}
}

// TestFlag checks that the lowest flagged byte is the first c, for every
// byte value at every position.
func TestFlag(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			w := wordWith(byte(c), pos)
			first := -1
			for k, b := range bytesOf(w) {
				if b == '\n' {
					first = k
					break
				}
			}
			flags := Flag(w, '\n')
			got := -1
			for k, b := range bytesOf(flags) {
				if b&0x80 != 0 {
					got = k
					break
				}
			}
			if !assert.Equal(t, first, got, "byte %#x at %d", c, pos) {
				return
			}
		}
	}
}

func TestLoadsAndBytes(t *testing.T) {
	s := "ABCDEFGHIJ"
	assert.Equal(t, uint64(0x4847464544434241), Load64(s))
	assert.Equal(t, uint32(0x44434241), Load32(s))
	for i := range len(s) {
		for n := 0; n <= min(8, len(s)-i); n++ {
			var want uint64
			for k := n - 1; k >= 0; k-- {
				want = want<<8 | uint64(s[i+k])
			}
			assert.Equal(t, want, Bytes(s, i, n), "%d bytes from %d", n, i)
		}
	}
}
