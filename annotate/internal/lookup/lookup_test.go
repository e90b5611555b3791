package lookup

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestForIsTheFirstPowerOfTwoFromN(t *testing.T) {
	tests := []struct{ n, slots int }{
		{-3, 2}, {0, 2}, {1, 2}, {2, 2}, {3, 4}, {4, 4}, {5, 8}, {1000, 1024}, {1024, 1024}, {1025, 2048},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			assert.Equal(t, tt.slots, For(tt.n).Len())
		})
	}
}

func TestStartAndNextStayInTheTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 5, 64, 4096} {
		s := For(n)
		for range 1000 {
			i := s.Start(rng.Uint64())
			require.True(t, 0 <= i && i < s.Len(), "start %d of %d slots", i, s.Len())
			require.True(t, 0 <= s.Next(i) && s.Next(i) < s.Len())
		}
		assert.Equal(t, 0, s.Next(s.Len()-1), "the probe wraps")
		assert.Equal(t, 1, s.Distance(s.Len()-1, 0), "the distance wraps")
	}
}

// insert places keys in a table of s's shape by linear probing and returns
// the slots and the longest probe.
func insert(s Slots, keys []uint64) (slots []uint64, longest int) {
	slots = make([]uint64, s.Len())
	for _, k := range keys {
		i, steps := s.Start(k), 1
		for slots[i] != 0 {
			i, steps = s.Next(i), steps+1
		}
		slots[i] = k
		longest = max(longest, steps)
	}
	return slots, longest
}

// Keys that cluster in their low or high bits, as counters and hashes of
// short strings do, still spread over a half-full table.
func TestStartSpreadsClusteredKeys(t *testing.T) {
	tests := []struct {
		name string
		key  func(i int) uint64
	}{
		{"counter", func(i int) uint64 { return uint64(i + 1) }},
		{"stride 2^20", func(i int) uint64 { return uint64(i+1) << 20 }},
		{"high bits", func(i int) uint64 { return uint64(i+1) << 48 }},
		{"short words", func(i int) uint64 {
			w := fmt.Sprintf("w%d", i)
			var b [8]byte
			copy(b[:], w)
			x := binary.LittleEndian.Uint64(b[:])
			return Pair(x, x, len(w))
		}},
	}
	const n = 4096
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keys := make([]uint64, n)
			for i := range keys {
				keys[i] = tt.key(i)
			}
			_, longest := insert(For(2*n), keys)
			assert.Less(t, longest, 40, "the longest probe")
		})
	}
}

func TestPairTellsKeysApart(t *testing.T) {
	base := Pair(0x1122334455667788, 0x99aabbccddeeff00, 16)
	tests := []struct {
		name        string
		first, last uint64
		n           int
	}{
		{"first word", 0x1122334455667789, 0x99aabbccddeeff00, 16},
		{"top byte of first", 0x2122334455667788, 0x99aabbccddeeff00, 16},
		{"last word", 0x1122334455667788, 0x99aabbccddeeff01, 16},
		{"length", 0x1122334455667788, 0x99aabbccddeeff00, 15},
		{"words swapped", 0x99aabbccddeeff00, 0x1122334455667788, 16},
	}
	s := For(1 << 20)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Pair(tt.first, tt.last, tt.n)
			assert.NotEqual(t, base, h)
			assert.NotEqual(t, s.Start(base), s.Start(h), "the same probe")
		})
	}
}

// BenchmarkProbe looks up keys in a half-full table, half of them absent,
// against a Go map of the same keys: what a table built on Slots saves.
func BenchmarkProbe(b *testing.B) {
	const n = 1 << 12
	rng := rand.New(rand.NewPCG(3, 4))
	keys := make([]uint64, 2*n)
	for i := range keys {
		keys[i] = rng.Uint64() | 1
	}
	s := For(2 * n)
	slots, _ := insert(s, keys[:n])
	m := make(map[uint64]bool, n)
	for _, k := range keys[:n] {
		m[k] = true
	}
	b.Run("slots", func(b *testing.B) {
		found := 0
		for i := 0; b.Loop(); i++ {
			k := keys[i%len(keys)]
			for j := s.Start(k); slots[j] != 0; j = s.Next(j) {
				if slots[j] == k {
					found++
					break
				}
			}
		}
		_ = found
	})
	b.Run("map", func(b *testing.B) {
		found := 0
		for i := 0; b.Loop(); i++ {
			if m[keys[i%len(keys)]] {
				found++
			}
		}
		_ = found
	})
}
