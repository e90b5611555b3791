package annotate

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/internal/testshared"
)

// readSeed returns the shared example article; tests that need it skip
// only when the shared data folder is absent (CI always has it).
func readSeed(t testing.TB) string { return testshared.Seed(t) }

func TestDocumentJSONRoundTrip(t *testing.T) {
	doc := Annotate("“Hello <there>,” said Jane Doe in Paris.\n\"Second\" line")
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	var back Document
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, doc, &back)
}

func TestOffsetsSliceTheText(t *testing.T) {
	text := "Émile 👩‍👩‍👧 met “Jane Doe” in Zürich 🇨🇭 on Monday. “Fine,” she said."
	units := utf16.Encode([]rune(text))
	doc := Annotate(text)
	require.NotEmpty(t, doc.Quotes)
	for _, q := range doc.Quotes {
		assert.Equal(t, q.Text, string(utf16.Decode(units[q.Start:q.End])))
	}
	runes := []rune(text)
	doc = Annotate(text, WithOffsets(CodePoints))
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			assert.Equal(t, m.Text, string(runes[m.Start:m.End]))
		}
	}
	doc = Annotate(text, WithOffsets(Bytes))
	for _, q := range doc.Quotes {
		assert.Equal(t, q.Text, text[q.Start:q.End])
	}
}

func TestInvalidUTF8IsRepairedAndReported(t *testing.T) {
	doc := Annotate("Paris \xff\xfe is \"big\"")
	require.Len(t, doc.Warnings, 1)
	assert.Contains(t, doc.Warnings[0], "2 invalid bytes")
	require.Len(t, doc.Quotes, 1)
	assert.Equal(t, "\"big\"", doc.Quotes[0].Text)
}

func TestEmptyInputs(t *testing.T) {
	for _, text := range []string{"", " ", "\n\n\t", "\x00"} {
		doc := Annotate(text)
		assert.Empty(t, doc.Entities)
		assert.Empty(t, doc.Quotes)
		b, err := json.Marshal(doc)
		require.NoError(t, err)
		assert.True(t, json.Valid(b))
	}
}

// WriteJSON streams in chunks; the bytes are the same as AppendJSON's.
func TestWriteJSONEqualsAppendJSON(t *testing.T) {
	doc := Annotate(strings.Repeat("“Fine,” said Ana Kovač in Zürich, on trade talks.\n", 2000))
	var out bytes.Buffer
	require.NoError(t, doc.WriteJSON(&out))
	require.Greater(t, out.Len(), 2*jsonChunk, "the document spans several chunks")
	assert.Equal(t, string(doc.AppendJSON(nil)), out.String())
}
