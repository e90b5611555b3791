package annotate

import (
	"math/bits"
	"unicode/utf8"

	"lede/annotate/internal/swar"
)

// Offsets: the project's counterpart of go/token.File. Every stage works on
// byte offsets into the repaired text; an offsetIndex, built once per text,
// converts them to the unit the caller asked for (UTF-16 code units, code
// points, or bytes unchanged) at the edge, when the document is assembled
// (output.go).

// offsetIndex converts byte offsets to UTF-16 or code-point offsets in a
// few straight-line steps, with no loop. In valid UTF-8 the code points
// before a byte offset are the bytes that are not continuation bytes
// (10xxxxxx), and UTF-16 adds a unit for each 4-byte sequence (11110xxx):
// counting them needs no decoding, and takes eight bytes at once. The index
// holds the count at every 256th byte, in an int, and from there to every
// 8th, in a byte: about a sixth of the text's size in all.
type offsetIndex struct {
	text string
	unit OffsetUnit
	// same is set when offsets need no conversion: byte offsets, or ASCII.
	same bool
	// blocks[b>>8] counts the units of text[:b&^255]; groups[b>>3] counts
	// those of text[b&^255 : b&^7], at most 248.
	blocks []int
	groups []uint8
}

func newOffsetIndex(text string, unit OffsetUnit) *offsetIndex {
	idx := &offsetIndex{text: text, unit: unit, same: unit == Bytes || isASCII(text)}
	if idx.same {
		return idx
	}
	idx.blocks = make([]int, len(text)>>8+1)
	idx.groups = make([]uint8, len(text)>>3+1)
	total, inBlock := 0, 0
	for g := range idx.groups {
		if g&31 == 0 {
			total += inBlock
			idx.blocks[g>>5] = total
			inBlock = 0
		}
		idx.groups[g] = uint8(inBlock)
		if n := len(text) - g<<3; n >= 8 {
			inBlock += idx.units(swar.Load64(text[g<<3:]), 8)
		} else {
			inBlock += idx.units(swar.Bytes(text, g<<3, n), n)
		}
	}
	return idx
}

// at converts a byte offset that lies on a rune boundary. The test for
// no conversion is inlined: documents are mostly ASCII.
func (x *offsetIndex) at(b int) int {
	if x.same {
		return b
	}
	return x.convert(b)
}

// convert adds to the counts of the index those of the few bytes between
// the 8th byte before b and b.
func (x *offsetIndex) convert(b int) int {
	group := b &^ 7
	return x.blocks[b>>8] + int(x.groups[b>>3]) + x.units(swar.Bytes(x.text, group, b-group), b-group)
}

// units counts the units of the runes that start in w, n ≤ 8 bytes of the
// text.
func (x *offsetIndex) units(w uint64, n int) int {
	const high = 0x8080808080808080
	// Top bit of each byte: set in the byte and not in the next lower bit
	// (a continuation byte); set in all of its four top bits (the lead of
	// a 4-byte sequence).
	n -= bits.OnesCount64(w &^ (w << 1) & high)
	if x.unit == UTF16 {
		n += bits.OnesCount64(w & (w << 1) & (w << 2) & (w << 3) & high)
	}
	return n
}

// isASCII reports whether s is all ASCII, reading it eight bytes at a time.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if swar.Load64(s[i:])&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
