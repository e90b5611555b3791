// Package swar reads, tests and writes text eight bytes at a time, in one
// uint64 (SIMD within a register). The tokenizer, the JSON writer and the
// lookups of the gazetteers and the topics lexicon go over every byte of the
// text; in WebAssembly, where a loop over bytes costs several times what it
// does natively, taking the bytes eight at a time is what keeps them cheap.
//
// A test flags each byte it holds for: it sets the byte's top bit (0x80),
// and leaves the other bytes zero. First then finds the first such byte.
package swar

import "math/bits"

const (
	low   = 0x0101010101010101
	high  = 0x8080808080808080
	seven = 0x7f7f7f7f7f7f7f7f
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

// First returns the index of the first flagged byte of flags, 8 if none is.
func First(flags uint64) int { return bits.TrailingZeros64(flags) >> 3 }

// FirstUnflagged returns the index of the first byte of flags that is not
// flagged, 8 if all are.
func FirstUnflagged(flags uint64) int { return First(^flags & high) }

// Append64 appends the eight bytes of w, little-endian, which the compiler
// turns into one store.
func Append64(b []byte, w uint64) []byte {
	return append(b, byte(w), byte(w>>8), byte(w>>16), byte(w>>24), byte(w>>32), byte(w>>40), byte(w>>48), byte(w>>56))
}

// Bytes returns the n ≤ 8 bytes of s from i as a little-endian word. Near
// the end of s it reads them with overlapping loads rather than a loop.
func Bytes(s string, i, n int) uint64 {
	if i+8 <= len(s) {
		return Load64(s[i:]) & (^uint64(0) >> uint(64-8*n))
	}
	s = s[i : i+n]
	switch {
	case n >= 4:
		// The two loads agree on the bytes they share.
		return uint64(Load32(s)) | uint64(Load32(s[n-4:]))<<(8*(n-4))
	case n > 0:
		// Bytes 0, n/2 and n-1 are all of them, for n up to 3.
		return uint64(s[0]) | uint64(s[n/2])<<(8*(n/2)) | uint64(s[n-1])<<(8*(n-1))
	}
	return 0
}

// Flag sets the top bit of each byte of w that is c, and perhaps of some
// bytes after the first one, never before it, so that the lowest flag is
// exact.
func Flag(w uint64, c byte) uint64 { return Zero(w ^ uint64(c)*low) }

// Zero flags the zero bytes of x, and perhaps some bytes after the first
// one, never before it (x - 1 borrows only upwards from a zero byte), so
// that the lowest flag is exact.
func Zero(x uint64) uint64 { return (x - low) &^ x & high }

// NonASCII flags each byte of w from 0x80 up. It is exact.
func NonASCII(w uint64) uint64 { return w & high }

// Alnum flags each byte of w that is an ASCII letter or digit. It is exact.
func Alnum(w uint64) uint64 {
	b := w & seven
	lower := b | 0x20*low // folds A-Z onto a-z, and nothing else onto a-z
	letter := (lower + (0x80-'a')*low) &^ (lower + (0x80-'z'-1)*low)
	digit := (b + (0x80-'0')*low) &^ (b + (0x80-'9'-1)*low)
	return (letter | digit) &^ w & high
}

// LowerASCII lowers the capital ASCII letters among the bytes of w and
// leaves every other byte as it is.
func LowerASCII(w uint64) uint64 {
	b := w & seven // adding at most 0x7f to each byte never carries into the next
	atLeastA := b + (0x80-'A')*low
	pastZ := b + (0x80-'Z'-1)*low
	capitals := atLeastA &^ pastZ &^ w & high // top bit: a byte in A-Z
	return w | capitals>>2                    // 0x80 >> 2 is the case bit
}
