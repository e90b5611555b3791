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
	assert.Equal(t, uint64(0x4847464544434241), Load64("ABCDEFGHIJ"))
	assert.Equal(t, uint32(0x44434241), Load32("ABCDEFGHIJ"))
	// Every run of bytes of every string, near its end too, where Bytes
	// reads with overlapping loads.
	for _, s := range []string{"", "a", "ab", "abc", "ab\xffc", "ABCDEFGHIJ", "é日本語🇨🇭\x80"} {
		for i := range len(s) + 1 {
			for n := 0; n <= min(8, len(s)-i); n++ {
				var want uint64
				for k := n - 1; k >= 0; k-- {
					want = want<<8 | uint64(s[i+k])
				}
				assert.Equal(t, want, Bytes(s, i, n), "%d bytes of %q from %d", n, s, i)
			}
		}
	}
}

// flagged returns which of the eight bytes of w have their top bit set.
func flagged(w uint64) (b [8]bool) {
	for k := range b {
		b[k] = w>>(8*k+7)&1 != 0
	}
	return b
}

// TestExactTests checks the exact tests against a byte-at-a-time reference,
// for every byte value at every position of a word, so that a carry or
// borrow between bytes would show.
func TestExactTests(t *testing.T) {
	tests := []struct {
		name string
		test func(uint64) uint64
		want func(byte) bool
	}{
		{"Alnum", Alnum, func(b byte) bool {
			return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
		}},
		{"NonASCII", NonASCII, func(b byte) bool { return b >= 0x80 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for c := range 256 {
				for pos := range 8 {
					w := wordWith(byte(c), pos)
					var want [8]bool
					for k, b := range bytesOf(w) {
						want[k] = tt.want(b)
					}
					if !assert.Equal(t, want, flagged(tt.test(w)), "byte %#x at %d", c, pos) {
						return
					}
				}
			}
		})
	}
}

func TestAppend64(t *testing.T) {
	assert.Equal(t, "0ABCDEFGH", string(Append64([]byte("0"), Load64("ABCDEFGH"))))
	assert.Equal(t, []byte{1, 0, 0, 0, 0, 0, 0, 0x80}, Append64(nil, 0x8000000000000001))
}

func TestFirst(t *testing.T) {
	tests := []struct {
		flags                 uint64
		first, firstUnflagged int
	}{
		{0, 8, 0},
		{high, 0, 8},
		{0x80, 0, 1},
		{0x8000, 1, 0},
		{0x80_0000_0000_0000, 6, 0},
		{0x8080_8080_8080_0080, 0, 1},
		{0x8000_0000_0000_0000, 7, 0},
		{0x0080_8080_8080_8080, 0, 7},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.first, First(tt.flags), "First(%#x)", tt.flags)
		assert.Equal(t, tt.firstUnflagged, FirstUnflagged(tt.flags), "FirstUnflagged(%#x)", tt.flags)
	}
}
