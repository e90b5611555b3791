// Package swar reads and tests text eight bytes at a time, in one uint64
// (SIMD within a register). The lookups of the gazetteers and the topics
// lexicon hash every word they are given; in WebAssembly, where a loop over
// bytes costs several times what it does natively, reading words whole is
// what keeps them cheap.
package swar

const (
	low  = 0x0101010101010101
	high = 0x8080808080808080
)

// Load64 reads the first eight bytes of s, little-endian, which the
// compiler turns into one load.
func Load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Load32 reads the first four bytes of s, little-endian, in one load.
func Load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// Bytes returns the n ≤ 8 bytes of s from i as a little-endian word.
func Bytes(s string, i, n int) uint64 {
	if i+8 <= len(s) {
		return Load64(s[i:]) & (^uint64(0) >> uint(64-8*n))
	}
	var w uint64
	for k := i + n - 1; k >= i; k-- {
		w = w<<8 | uint64(s[k])
	}
	return w
}

// Flag sets the top bit of each byte of w that is c, and perhaps of some
// bytes after the first one, never before it (x - 1 borrows only upwards
// from a zero byte of x = w ^ c), so that the lowest flag is exact.
func Flag(w uint64, c byte) uint64 {
	x := w ^ uint64(c)*low
	return (x - low) &^ x & high
}

// LowerASCII lowers the capital ASCII letters among the bytes of w and
// leaves every other byte as it is.
func LowerASCII(w uint64) uint64 {
	const seven = 0x7f7f7f7f7f7f7f7f
	b := w & seven // adding at most 0x7f to each byte never carries into the next
	atLeastA := b + (0x80-'A')*low
	pastZ := b + (0x80-'Z'-1)*low
	capitals := atLeastA &^ pastZ &^ w & high // top bit: a byte in A-Z
	return w | capitals>>2                    // 0x80 >> 2 is the case bit
}
