// Package lookup is the one hashing-and-probing scheme of Lede's
// open-addressing tables (the word sets, the entities' key table, the
// issues' term counts, the recognizer's id table, the topic lexicon and
// classifier).
//
// Each of those tables keeps its own slots, because what a slot holds and
// how a key is compared differ from one to the next; what they share is
// here, written once: a power-of-two number of slots, the slot where the
// probe for a hash starts (Fibonacci hashing: the hash times 2^64/φ, of
// which the high bits are the well-mixed ones) and linear probing from
// there. A Go map would hash its keys again, which in the wasm build costs
// more than the lookup: the tables here take keys that are hashes already,
// or make one cheaply with Pair, and look most of them up per token.
//
// A table's load, the fraction of its slots in use, is its own choice:
// For takes how many slots it wants, not how many keys it holds.
package lookup

import "math/bits"

// golden is 2^64 divided by the golden ratio, made odd: multiplying by it
// spreads keys that differ in any bit over the high bits of the product.
const golden = 0x9e3779b97f4a7c15

// Slots is the shape of a table of 2^k slots (k ≥ 1): where the probe for
// a hash starts and which slot comes after each. The zero Slots is no
// table; make one with For.
type Slots struct {
	mask  int  // the number of slots - 1
	shift uint // 64 - k
}

// For returns the shape of a table of at least n slots: the smallest power
// of two that is not less than n, and at least two. A table for up to m
// keys at most half full asks For(2*m).
func For(n int) Slots {
	k := uint(max(bits.Len(uint(max(n, 1)-1)), 1))
	return Slots{mask: 1<<k - 1, shift: 64 - k}
}

// Len is the number of slots.
func (s Slots) Len() int { return s.mask + 1 }

// Start is the slot where the probe for hash h starts. (The mask on the
// shift, always below 64, spares the compiler's check for a longer one.)
func (s Slots) Start(h uint64) int { return int(h * golden >> (s.shift & 63)) }

// Next is the slot after slot i, the first after the last.
func (s Slots) Next(i int) int { return (i + 1) & s.mask }

// Distance is how many steps the probe for a key whose probe starts at
// home takes to reach slot i: what deleting from a linearly probed table
// compares to know which keys may move back into a hole.
func (s Slots) Distance(home, i int) int { return (i - home) & s.mask }

// Pair is a hash of a key read as two words and its length, such as the
// first and last eight bytes of a string, for Start. Keys that differ in
// either word or in length get unrelated probes.
func Pair(first, last uint64, n int) uint64 {
	return bits.RotateLeft64(first*golden, 29) ^ last ^ uint64(n)
}
