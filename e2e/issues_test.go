//go:build browser

package e2e

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSeedUnderlinesFewIssueWords: only the salient issues are underlined by
// default (issue 16: at most 15 words on the seed article, "trade",
// "technology" and "Taiwan" among them); "more issues" shows the rest.
func TestSeedUnderlinesFewIssueWords(t *testing.T) {
	seed := SeedArticle(t)
	_, tab := StartApp(t)
	PasteArticle(t, tab, seed)
	underlined := Eval[[]string](t, tab, `[...document.querySelectorAll("#article .hl-issue")]
		.filter((e) => getComputedStyle(e).textDecorationLine.includes("underline"))
		.map((e) => e.textContent)`)
	words := strings.Fields(strings.Join(underlined, " "))
	assert.LessOrEqual(t, len(words), 15, "words underlined as issues: %v", words)
	for _, w := range []string{"trade", "technology", "Taiwan"} {
		assert.Contains(t, words, w)
	}
	more := Eval[int](t, tab, `document.querySelectorAll("#article .hl-more").length`)
	assert.Positive(t, more, "the other issues' words are in the text, not underlined")
	Eval[bool](t, tab, `(() => { const d = document.querySelector(".more-issues"); d.open = true; d.dispatchEvent(new Event("toggle")); return true; })()`)
	shown := Eval[int](t, tab, `[...document.querySelectorAll("#article .hl-more")].filter((e) => getComputedStyle(e).textDecorationLine.includes("underline")).length`)
	assert.Equal(t, more, shown, "more issues underlines the rest")
}
