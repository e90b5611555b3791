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
	speakers := Eval[[]string](t, tab, `[...document.querySelectorAll("#article .hl-quote[data-label]")].map((e) => e.dataset.label)`)
	assert.Contains(t, speakers, "Qin Gang", "a quote is attributed to Qin Gang")
	// Every layer the document has is drawn: the legend count comes from the
	// document, the highlights from the DOM.
	for _, layer := range []string{"person", "place", "organization", "quote", "issue"} {
		count := Eval[int](t, tab, `Number(document.querySelector(".layer-`+layer+` .count").textContent)`)
		drawn := len(highlightTexts(t, tab, layer))
		assert.Equal(t, count > 0, drawn > 0, "layer %s: %d items, %d highlights", layer, count, drawn)
	}
	for _, scheme := range []string{"light", "dark"} {
		SetColorScheme(t, tab, scheme)
		SaveScreenshot(t, tab, "page-"+scheme)
		for layer, ratio := range Eval[map[string]float64](t, tab, highlightContrast) {
			assert.GreaterOrEqual(t, ratio, 4.5, "%s theme: %s text on its highlight (WCAG AA)", scheme, layer)
		}
	}
	Do(t, tab, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	SetColorScheme(t, tab, "light")
	SaveScreenshot(t, tab, "page-phone")
	assert.LessOrEqual(t, Eval[int](t, tab, `document.documentElement.scrollWidth`), 390, "nothing overflows a phone screen")
}

// highlightContrast computes, per highlighted layer, the WCAG contrast ratio
// of the text colour on the highlight's background.
const highlightContrast = `(() => {
	const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
	const lum = (c) => {
		const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const out = {};
	for (const layer of ["person", "place", "organization", "quote"]) {
		const el = document.querySelector("#article .hl-" + layer);
		if (!el) continue;
		const style = getComputedStyle(el);
		const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
		out[layer] = (a + 0.05) / (b + 0.05);
	}
	return out;
})()`
