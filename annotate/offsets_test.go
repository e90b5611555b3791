package annotate

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestOffsetIndex converts every rune boundary of texts whose multi-byte
// characters fall on and around the index's 8- and 256-byte steps.
func TestOffsetIndex(t *testing.T) {
	texts := []string{
		"",
		"plain ASCII",
		"é",
		"1234567é",
		"12345678é",
		"日本語のテキスト",
		"🇨🇭 flag, 👨‍💻 coder",
		strings.Repeat("é", 200) + "x" + strings.Repeat("🙂", 70),
		strings.Repeat("a", 255) + "€" + strings.Repeat("b", 300) + "𝄞",
	}
	for _, text := range texts {
		views := unitViews(text)
		for _, unit := range allUnits {
			idx := newOffsetIndex(text, unit)
			for b, want := range views[unit].fromByte {
				if want >= 0 {
					assert.Equal(t, want, idx.at(b), "unit %d, byte %d of %q", unit, b, text)
				}
			}
		}
	}
}

// An index over ASCII, or for byte offsets, converts nothing; any other
// byte in any of the eight positions of a word makes the text non-ASCII.
func TestOffsetIndexSkipsASCII(t *testing.T) {
	cases := []struct {
		text  string
		ascii bool
	}{
		{"", true},
		{"short", true},
		{strings.Repeat("eight by", 5) + "tail", true},
		{"\x7f\x00 control bytes", true},
		{"é", false},
		{"1234567é", false},
		{strings.Repeat("a", 17) + "€", false},
		{"\x80", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.ascii, isASCII(c.text), "%q", c.text)
		assert.Equal(t, c.ascii, newOffsetIndex(c.text, UTF16).same, "UTF-16 index of %q", c.text)
		assert.True(t, newOffsetIndex(c.text, Bytes).same, "byte index of %q", c.text)
	}
}
