package annotate

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNextBlockEnd(t *testing.T) {
	para := strings.Repeat("word ", blockSize/10) + "\n"
	cases := []struct {
		name string
		text string
		want func(text string, end int) bool
	}{
		{"short text is one block", "a b c", func(text string, end int) bool { return end == len(text) }},
		{"cut after a line break", strings.Repeat(para, 8), func(text string, end int) bool { return text[end-1] == '\n' }},
		{"one long line cut after a space", strings.Repeat("wörd ", blockSize), func(text string, end int) bool { return text[end-1] == ' ' }},
		{"no spaces: cut on a rune boundary", strings.Repeat("ö", blockSize), func(text string, end int) bool { return end > 0 && end < len(text) && text[end]&0xC0 != 0x80 }},
	}
	for _, c := range cases {
		end := nextBlockEnd(c.text, 0)
		assert.LessOrEqual(t, end, blockSize, c.name)
		assert.True(t, c.want(c.text, end), "%s: cut at %d", c.name, end)
	}
}

// A text of several blocks reads as one document: each (type, name) is one
// entity holding the mentions of every block, quotes keep their order and
// speakers, offsets are exact (checkAnnotate checks every invariant).
func TestLongTextsAreAnnotatedInBlocksAndMerged(t *testing.T) {
	text := repeatTo(fixtureArticle+"\n", 3*blockSize)
	doc := checkAnnotate(t, text)

	wantMentions := map[entityKey]int{}
	wantQuotes, blocks := 0, 0
	for start := 0; start < len(text); blocks++ {
		end := nextBlockEnd(text, start)
		block := Annotate(text[start:end])
		for _, e := range block.Entities {
			wantMentions[entityKey{e.Type, e.Name}] += len(e.Mentions)
		}
		wantQuotes += len(block.Quotes)
		start = end
	}
	require.Greater(t, blocks, 2)
	gotMentions := map[entityKey]int{}
	for _, e := range doc.Entities {
		k := entityKey{e.Type, e.Name}
		assert.Zero(t, gotMentions[k], "%v is split into several entities", k)
		gotMentions[k] = len(e.Mentions)
	}
	assert.Equal(t, wantMentions, gotMentions)
	assert.Len(t, doc.Quotes, wantQuotes)
	require.NotEmpty(t, doc.Issues)
	for i := 1; i < len(doc.Issues); i++ {
		prev, cur := doc.Issues[i-1], doc.Issues[i]
		if (prev.Parent == "") == (cur.Parent == "") {
			assert.GreaterOrEqual(t, prev.Score, cur.Score, "issues ranked by score")
		} else {
			assert.NotEmpty(t, prev.Parent, "narrower topics come before the top levels")
		}
	}
}

// The merged document's lists are built at their final length: grown by
// append, they would keep up to twice the memory they use.
func TestMergedListsHaveNoSpareCapacity(t *testing.T) {
	doc := Annotate(repeatTo(fixtureArticle+"\n", 2*blockSize+1))
	require.NotEmpty(t, doc.Quotes)
	assert.Equal(t, len(doc.Quotes), cap(doc.Quotes), "quotes")
	for _, e := range doc.Entities {
		assert.Equal(t, len(e.Mentions), cap(e.Mentions), "mentions of %s", e.Name)
	}
	for _, is := range doc.Issues {
		assert.Equal(t, len(is.Mentions), cap(is.Mentions), "mentions of %s", is.Label)
	}
}
