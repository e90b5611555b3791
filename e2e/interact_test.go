//go:build browser

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPageInteractions covers what an editor does after pasting: hover a
// highlight, hide a layer, pick a person and walk through their mentions.
func TestPageInteractions(t *testing.T) {
	seed := SeedArticle(t)
	_, tab := StartApp(t)
	PasteArticle(t, tab, seed)

	t.Run("tooltip", func(t *testing.T) {
		Eval[chromedp.Void](t, tab, `document.querySelector("#article mark.hl-person").dispatchEvent(new MouseEvent("mouseover", {bubbles: true}))`)
		assert.False(t, Eval[bool](t, tab, `document.getElementById("tooltip").hidden`))
		assert.Contains(t, Eval[string](t, tab, `document.getElementById("tooltip").textContent`), "Person · ")
	})

	t.Run("toggle a layer", func(t *testing.T) {
		const background = `getComputedStyle(document.querySelector("#article .hl-person")).backgroundColor`
		shown := Eval[string](t, tab, background)
		Do(t, tab, chromedp.Click(chromedp.CSS(`#legend .layer-person`)))
		assert.Equal(t, "false", Eval[string](t, tab, `document.querySelector("#legend .layer-person").getAttribute("aria-pressed")`))
		assert.Equal(t, "rgba(0, 0, 0, 0)", Eval[string](t, tab, background), "hidden people have no highlight")
		Do(t, tab, chromedp.Click(chromedp.CSS(`#legend .layer-person`)))
		assert.Equal(t, shown, Eval[string](t, tab, background))
	})

	t.Run("select a person", func(t *testing.T) {
		Do(t, tab, chromedp.Click(chromedp.CSS(`#tab-person`)))
		// The first person listed has the most mentions.
		name := Eval[string](t, tab, `document.querySelector("#list-person .item .item-name").textContent`)
		Do(t, tab, chromedp.Click(chromedp.CSS(`#list-person .item`)))
		ref := Eval[string](t, tab, `document.querySelector("#article .hl.selected").dataset.ref`)
		highlighted := Eval[int](t, tab, `document.querySelectorAll(`+JS(`#article .hl-person[data-ref="`+ref+`"]`)+`).length`)
		selected := Eval[int](t, tab, `document.querySelectorAll("#article .hl.selected").length`)
		assert.Equal(t, highlighted, selected, "every mention of %s is selected", name)
		mentions := Eval[int](t, tab, `parseInt(document.querySelector("#list-person .item .item-meta:last-child").textContent)`)
		assert.Contains(t, Eval[string](t, tab, `document.getElementById("nav-label").textContent`), fmt.Sprintf("mention 1 of %d", mentions))
		if mentions > 1 {
			Do(t, tab, chromedp.Click(chromedp.ID("nav-next")))
			assert.Contains(t, Eval[string](t, tab, `document.getElementById("nav-label").textContent`), "mention 2 of")
			Do(t, tab, chromedp.KeyEvent("p"))
			assert.Contains(t, Eval[string](t, tab, `document.getElementById("nav-label").textContent`), "mention 1 of")
		}
		assert.Equal(t, Eval[string](t, tab, `document.querySelector("#article .hl.current").textContent`),
			Eval[string](t, tab, `document.activeElement.textContent`), "focus follows the current mention")
		time.Sleep(500 * time.Millisecond) // the scroll to the mention
		assert.False(t, Eval[bool](t, tab, `document.getElementById("tooltip").hidden`), "the focused mention shows its tooltip")
		assert.Contains(t, Eval[string](t, tab, `document.getElementById("tooltip").textContent`), name)
		SaveScreenshot(t, tab, "page-selected")
		Do(t, tab, chromedp.KeyEvent("\x1b"))
		assert.Zero(t, Eval[int](t, tab, `document.querySelectorAll("#article .hl.selected").length`))
	})

	t.Run("quotes by speaker", func(t *testing.T) {
		Do(t, tab, chromedp.Click(chromedp.ID("tab-quote")))
		assert.Equal(t, "true", Eval[string](t, tab, `document.getElementById("tab-quote").getAttribute("aria-selected")`))
		groups := Eval[int](t, tab, `document.querySelectorAll("#list-quote .group").length`)
		quotes := Eval[int](t, tab, `document.querySelectorAll("#list-quote .item").length`)
		assert.Positive(t, groups)
		assert.Equal(t, Eval[int](t, tab, `document.querySelectorAll("#article .hl-quote[data-label]").length`), quotes, "every quote is listed once")
		if Eval[int](t, tab, `Number(document.querySelectorAll("#summary .stat dd")[3].textContent)`) > 0 {
			assert.Positive(t, Eval[int](t, tab, `document.querySelectorAll("#list-quote .badge-anon").length`), "anonymous sources are flagged")
		}
		Do(t, tab, chromedp.KeyEvent(kb.ArrowRight))
		assert.Equal(t, "true", Eval[string](t, tab, `document.getElementById("tab-issue").getAttribute("aria-selected")`), "arrow keys move between tabs")
		Do(t, tab, chromedp.Click(chromedp.ID("tab-quote")))
		SaveScreenshot(t, tab, "page-quotes")
	})

	t.Run("summary", func(t *testing.T) {
		require.False(t, Eval[bool](t, tab, `document.getElementById("summary").hidden`))
		people := Eval[int](t, tab, `Number(document.querySelector("#summary .stat dd").textContent)`)
		assert.Equal(t, Eval[int](t, tab, `document.querySelectorAll("#list-person .item").length`), people)
		assert.Equal(t, Eval[int](t, tab, `new Set(Array.from(document.querySelectorAll("#list-quote .group-head > span:first-child"), (e) => e.textContent)).size`),
			Eval[int](t, tab, `document.querySelectorAll("#summary .chart .bar").length`), "one bar per speaker")
	})
}

// TestExampleArticle loads the built-in example from the empty page: it is
// highlighted, and the button goes away once there is text.
func TestExampleArticle(t *testing.T) {
	_, tab := StartApp(t)
	Do(t, tab, chromedp.Click(chromedp.ID("sample")))
	WaitAnnotated(t, tab)
	assert.True(t, Eval[bool](t, tab, `document.getElementById("sample").hidden`))
	for _, layer := range []string{"person", "place", "quote"} {
		assert.NotEmpty(t, highlightTexts(t, tab, layer), layer)
	}
	SaveScreenshot(t, tab, "page-example")
}
