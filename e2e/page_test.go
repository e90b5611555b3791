//go:build browser

package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
)

// highlightTexts lists the text of every highlight of a layer.
func highlightTexts(t *testing.T, tab context.Context, layer string) []string {
	return Eval[[]string](t, tab, `[...document.querySelectorAll("#article .hl-`+layer+`")].map((e) => e.textContent)`)
}

func TestPageHighlightsTheSeedArticle(t *testing.T) {
	seed := SeedArticle(t)
	srv := ServeDist(t)
	tab := NewTab(t)
	ready := OpenApp(t, tab, srv.URL)
	t.Logf("time to ready: %d ms", ready)
	SaveScreenshot(t, tab, "page-empty")
	PasteArticle(t, tab, seed)

	assert.Equal(t, seed, Eval[string](t, tab, `document.getElementById("article").textContent`), "the displayed text is the pasted text")
	assert.Contains(t, highlightTexts(t, tab, "person"), "Antony Blinken")
	assert.Contains(t, highlightTexts(t, tab, "place"), "Beijing")
	assert.NotEmpty(t, highlightTexts(t, tab, "quote"))
	// Every layer the document has is drawn: the legend count comes from the
	// document, the highlights from the DOM.
	for _, layer := range []string{"person", "place", "organization", "quote", "issue"} {
		count := Eval[int](t, tab, `Number(document.querySelector(".layer-`+layer+` .count").textContent)`)
		drawn := len(highlightTexts(t, tab, layer))
		assert.Equal(t, count > 0, drawn > 0, "layer %s: %d items, %d highlights", layer, count, drawn)
	}
	SetColorScheme(t, tab, "light")
	SaveScreenshot(t, tab, "page-light")
	SetColorScheme(t, tab, "dark")
	SaveScreenshot(t, tab, "page-dark")
	Do(t, tab, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	SetColorScheme(t, tab, "light")
	SaveScreenshot(t, tab, "page-phone")
	assert.LessOrEqual(t, Eval[int](t, tab, `document.documentElement.scrollWidth`), 390, "nothing overflows a phone screen")
}
