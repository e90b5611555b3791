package annotate

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each repair says where the U+FFFDs that replaced invalid bytes are, in the
// repaired text, and how many bytes they replaced; adjacent ones make one.
func TestRepairsCarryTheirPlace(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []Repair // byte offsets
	}{
		{"valid", "Fine, said Ana Kovač.", nil},
		{"one byte", "ab\xffcd", []Repair{{2, 5, "invalid UTF-8: 1 invalid byte replaced with U+FFFD"}}},
		{"a truncated sequence is one character", "a\xe2\x80 b", []Repair{{1, 4, "invalid UTF-8: 2 invalid bytes replaced with U+FFFD"}}},
		{"adjacent replacements are one repair", "a\xff\xfe\xe2\x80b", []Repair{{1, 10, "invalid UTF-8: 4 invalid bytes replaced with U+FFFD"}}},
		{"apart", "\xffé\xff", []Repair{{0, 3, "invalid UTF-8: 1 invalid byte replaced with U+FFFD"}, {5, 8, "invalid UTF-8: 1 invalid byte replaced with U+FFFD"}}},
	}
	for _, c := range cases {
		text, warnings, repairs := repairUTF8(c.in)
		assert.Equal(t, c.want, repairs, c.name)
		assert.Equal(t, len(c.want) > 0, len(warnings) > 0, c.name)
		for _, r := range repairs {
			assert.Equal(t, strings.Repeat("\uFFFD", (r.End-r.Start)/3), text[r.Start:r.End], c.name)
		}
	}
}

// The document gives the repairs in its own offsets, and lists no more than
// maxRepairs however broken the input; the warning counts every byte.
func TestDocumentRepairs(t *testing.T) {
	doc := Annotate("é\xff said Ana.", WithOffsets(UTF16))
	assert.Equal(t, []Repair{{1, 2, "invalid UTF-8: 1 invalid byte replaced with U+FFFD"}}, doc.Repairs)
	assert.Contains(t, string(doc.AppendJSON(nil)), `"repairs":[{"start":1,"end":2,"message":"invalid UTF-8: 1 invalid byte replaced with U+FFFD"}]`)

	doc = Annotate(strings.Repeat("a\xff", 3*maxRepairs))
	require.Len(t, doc.Repairs, maxRepairs)
	assert.Equal(t, Repair{1, 2, "invalid UTF-8: 1 invalid byte replaced with U+FFFD"}, doc.Repairs[0])
	assert.Equal(t, 2*maxRepairs-1, doc.Repairs[maxRepairs-1].Start)
	require.Len(t, doc.Warnings, 1)
	assert.Contains(t, doc.Warnings[0], "300 invalid bytes")
}
