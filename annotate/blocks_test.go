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

// A quote split by its attribution is linked to its other half by index,
// shifted with the block it is in: in every block, not only the first.
func TestMergedQuotesKeepTheirLinksAndSpeakers(t *testing.T) {
	unit := `"The first part is done," Sarah Jenkins said, "and the second part starts tomorrow."` + "\n"
	text := repeatTo(unit, 2*blockSize+1)
	doc := Annotate(text)
	require.Greater(t, len(doc.Quotes), 2*blockSize/len(unit))
	byID := map[string]Quote{}
	entities := map[string]string{}
	for _, q := range doc.Quotes {
		byID[q.ID] = q
	}
	for _, e := range doc.Entities {
		entities[e.ID] = e.Name
	}
	linked := 0
	for _, q := range doc.Quotes {
		if q.Linked == "" {
			continue
		}
		linked++
		other, ok := byID[q.Linked]
		require.True(t, ok, "quote %s links to %s, which does not exist", q.ID, q.Linked)
		assert.Equal(t, q.ID, other.Linked, "the link of %s goes both ways", q.ID)
		assert.Less(t, abs(other.Start-q.Start), len(unit), "%s and %s are the two halves of one quote", q.ID, q.Linked)
		require.NotNil(t, q.Speaker)
		assert.Equal(t, "Sarah Jenkins", q.Speaker.Name, "speaker of %s", q.ID)
		if q.Speaker.Entity != "" {
			assert.Equal(t, q.Speaker.Name, entities[q.Speaker.Entity], "entity of the speaker of %s", q.ID)
		}
	}
	assert.Equal(t, len(doc.Quotes), linked, "every quote is half of a split quote")
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Merged issues follow the order of one article's (sortByRank): narrower
// topics first, then by score, then by the first mention, then by id.
func TestRankMergedIssuesUsesTheArticleOrder(t *testing.T) {
	lex := topicLexicon()
	var narrow, top []int
	for i := range lex.Topics {
		if lex.IsTop(i) {
			top = append(top, i)
		} else {
			narrow = append(narrow, i)
		}
	}
	require.GreaterOrEqual(t, len(narrow), 3)
	require.GreaterOrEqual(t, len(top), 2)
	mk := func(topic int, score float64, first int) issue {
		is := newIssue(lex, topic, score, [][2]int{{first, first + 4}})
		return is
	}
	cases := []struct {
		name   string
		issues []issue
		want   []string
	}{
		{"top levels after the narrower topics",
			[]issue{mk(top[0], 0.9, 0), mk(narrow[0], 0.1, 10)},
			[]string{lex.Topics[narrow[0]].ID, lex.Topics[top[0]].ID}},
		{"by score",
			[]issue{mk(narrow[0], 0.2, 0), mk(narrow[1], 0.5, 10)},
			[]string{lex.Topics[narrow[1]].ID, lex.Topics[narrow[0]].ID}},
		{"equal scores: the one raised first",
			[]issue{mk(narrow[0], 0.5, 50), mk(narrow[1], 0.5, 10)},
			[]string{lex.Topics[narrow[1]].ID, lex.Topics[narrow[0]].ID}},
		{"equal scores and first mentions: by id",
			[]issue{mk(narrow[2], 0.5, 10), mk(narrow[0], 0.5, 10)},
			[]string{min(lex.Topics[narrow[0]].ID, lex.Topics[narrow[2]].ID), max(lex.Topics[narrow[0]].ID, lex.Topics[narrow[2]].ID)}},
	}
	for _, c := range cases {
		rankMergedIssues(c.issues)
		var got []string
		for _, is := range c.issues {
			got = append(got, is.id)
		}
		assert.Equal(t, c.want, got, c.name)
	}
}
