// The start filter: a Bloom filter of the keys a match may start with.

package topics

import "math/bits"

// bloom is a Bloom filter of keys that sets two bits of one word for each,
// so that a test is one load and no loop or branch.
type bloom []uint64

// newBloom makes a filter for about n keys.
func newBloom(n int) bloom { return make(bloom, 1<<bits.Len(uint(n*bloomBitsPerKey/64))) }

// bloomBitsPerKey sizes the filter: the lexicon holds about 26,000 keys
// that start matches but parse estimates over 35,000, so the filter has
// about twenty bits per key, and a key never added passes about one time
// in a hundred.
const bloomBitsPerKey = 8

func (b bloom) add(key uint64) { b[key&uint64(len(b)-1)] |= bloomBits(key) }

// lacks is 1 if key was never added, 0 if it may have been.
func (b bloom) lacks(key uint64) uint64 {
	missing := bloomBits(key) &^ b[key&uint64(len(b)-1)]
	return (missing | -missing) >> 63 // 1 unless missing is 0, without a branch
}

// bloomBits are a key's two bits, from its top bits; its low bits pick the word.
func bloomBits(key uint64) uint64 { return 1<<(key>>58) | 1<<(key>>52&63) }
