//go:build browser

package e2e

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
)

// pressedQuote is the text of the quote card marked as selected.
const pressedQuote = `document.querySelector('#list-quote .item[aria-pressed="true"] .item-name').textContent`

func TestQuoteHighlightStepsThroughItsSpeaker(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	OpenApp(t, tab, srv.URL)
	article := layoutArticles[1]
	PasteArticle(t, tab, article)
	var speaker string
	var said []string // the speaker's quotes, in text order
	for _, q := range annotate.Annotate(article).Quotes {
		if q.Speaker != nil && q.Speaker.Name == "Bartholomew Kensington-Whitaker" {
			speaker = q.Speaker.Name
			said = append(said, article[q.Start:q.End])
		}
	}
	require.Len(t, said, 2, "the test needs a speaker quoted twice")

	Do(t, tab, chromedp.Click(chromedp.CSS(`#tab-person`)))
	Eval[chromedp.Void](t, tab, `[...document.querySelectorAll("#article .hl-quote")].find((q) => q.textContent === `+JS(said[1])+`).click()`)
	assert.Equal(t, "true", Eval[string](t, tab, `document.getElementById("tab-quote").getAttribute("aria-selected")`), "the quotes tab opens")
	assert.Equal(t, said[1], Eval[string](t, tab, pressedQuote), "on the quote's card")
	assert.Equal(t, speaker+": quote 2 of 2", Eval[string](t, tab, `document.getElementById("nav-label").textContent`))
	viewShot(t, tab, "quote-card")

	Do(t, tab, chromedp.Click(chromedp.ID("nav-next")))
	assert.Equal(t, speaker+": quote 1 of 2", Eval[string](t, tab, `document.getElementById("nav-label").textContent`))
	assert.Equal(t, said[0], Eval[string](t, tab, `document.querySelector("#article .hl-quote.current").textContent`))
	assert.Equal(t, said[0], Eval[string](t, tab, pressedQuote), "the card follows")
	assert.Equal(t, 2, Eval[int](t, tab, `document.querySelectorAll("#article .hl-quote.selected").length`), "only the speaker's quotes")
}

// uncertainArticle is written for this test: invented names, one of which
// the recognizer is unsure of.
const uncertainArticle = `Residents of Marrowby met at the Old Tannery on Friday to discuss plans by Fenwick Holt Partners to build flats near the Wyrle Brook.

"We want homes, but not there," said Odile Prasanna-Voss, who runs the Marrowby Allotment Circle. Kettering Quay said it had not been told. Speaking after the meeting, Brannock said the plan would go to Hollins Vale in May.
`

// lowItems counts what the document marks with a confidence under 0.6:
// entities, speakers and issues (the last two when the document says).
func lowItems(t *testing.T, text string) (names map[string]float64, n int) {
	var doc struct {
		Entities []struct {
			Name       string
			Confidence *float64
		}
		Quotes []struct {
			Speaker *struct{ Confidence *float64 }
		}
		Issues []struct {
			Confidence *float64
			Salient    bool
		}
	}
	require.NoError(t, json.Unmarshal([]byte(wantDoc(text)), &doc))
	low := func(c *float64) bool { return c != nil && *c < 0.6 }
	names = map[string]float64{}
	for _, e := range doc.Entities {
		if low(e.Confidence) {
			names[e.Name] = *e.Confidence
		}
	}
	n = len(names)
	for _, q := range doc.Quotes {
		if q.Speaker != nil && low(q.Speaker.Confidence) {
			n++
		}
	}
	for _, is := range doc.Issues {
		if is.Salient && low(is.Confidence) { // the others are not shown at first
			n++
		}
	}
	return names, n
}

func TestUncertainItemsAreMarkedAndCanBeHidden(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	OpenApp(t, tab, srv.URL)
	PasteArticle(t, tab, uncertainArticle)
	names, n := lowItems(t, uncertainArticle)
	require.NotEmpty(t, names, "the test needs a name Lede is unsure of")

	marked := Eval[[]string](t, tab, `[...new Set([...document.querySelectorAll("#article mark.hl.low")].map((m) => m.textContent))]`)
	for _, m := range marked {
		assert.Contains(t, names, m, "only uncertain names are marked")
	}
	for name, c := range names {
		assert.Contains(t, marked, name)
		mark := `[...document.querySelectorAll("#article mark.hl.low")].find((m) => m.textContent === ` + JS(name) + `)`
		assert.Equal(t, "dotted", Eval[string](t, tab, `getComputedStyle(`+mark+`).borderBottomStyle`))
		Eval[chromedp.Void](t, tab, mark+`.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }))`)
		assert.Contains(t, Eval[string](t, tab, `document.getElementById("tooltip").textContent`), fmt.Sprintf("confidence %.2f", c), "the tooltip gives the number")
		assert.True(t, Eval[bool](t, tab, `[...document.querySelectorAll(".item.low")].some((b) => b.textContent.includes(`+JS(name)+`) && b.textContent.includes("confidence"))`), "so does the card")
	}
	viewShot(t, tab, "uncertain")

	toggle := `document.querySelector('#legend [data-layer="low"]')`
	assert.Equal(t, fmt.Sprint(n), Eval[string](t, tab, toggle+`.querySelector(".count").textContent`))
	Eval[chromedp.Void](t, tab, toggle+`.click()`)
	assert.Equal(t, "false", Eval[string](t, tab, toggle+`.getAttribute("aria-pressed")`))
	assert.True(t, Eval[bool](t, tab, `[...document.querySelectorAll("#article .hl.low")].every((m) => getComputedStyle(m).borderBottomStyle === "none")`), "hidden in the text")
	assert.True(t, Eval[bool](t, tab, `[...document.querySelectorAll(".item.low")].every((b) => getComputedStyle(b).display === "none")`), "and in the lists")
	assert.Greater(t, Eval[int](t, tab, `[...document.querySelectorAll("#list-place .item, #list-organization .item")].filter((b) => getComputedStyle(b).display !== "none").length`), 0, "the rest stay")
	Eval[chromedp.Void](t, tab, toggle+`.click()`)
	assert.True(t, Eval[bool](t, tab, `[...document.querySelectorAll(".item.low")].every((b) => getComputedStyle(b).display !== "none")`))

	// Speakers and issues are marked the same way when the document gives
	// their confidence; without one they count as certain.
	got := Eval[[]string](t, tab, `import("./render.js").then(({ renderHighlights }) => {
		const text = "\"Yes,\" she said about the tax.";
		const { fragment } = renderHighlights(text, [
			{ start: 0, end: 6, layer: "quote", ref: "q1", item: { id: "q1", speaker: { name: "Ana", confidence: 0.31 } } },
			{ start: 26, end: 29, layer: "issue", ref: "i1", item: { id: "i1", label: "tax", confidence: 0.45 } },
			{ start: 8, end: 11, layer: "person", ref: "e1", item: { id: "e1", name: "she" } },
		]);
		return [...fragment.querySelectorAll(".hl")].map((e) => e.dataset.ref + (e.classList.contains("low") ? " low" : ""));
	})`)
	assert.Equal(t, []string{"q1 low", "e1", "i1 low"}, got)
}

func TestSplitOffAWayANameIsWritten(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	OpenApp(t, tab, srv.URL)
	PasteArticle(t, tab, layoutArticles[0])
	orgs := `(` + cardNames + `)("organization")`
	require.Contains(t, Eval[[]string](t, tab, orgs), "European Union", "the test needs the union")
	require.NotContains(t, Eval[[]string](t, tab, orgs), "EU")

	// Only a name written more than one way offers a split.
	offers := func(name string) []string {
		return Eval[[]string](t, tab, `(() => {
			const toggle = [...document.querySelectorAll(".fix-toggle")].find((b) => b.getAttribute("aria-label") === `+JS("Correct "+name)+`);
			toggle.click();
			const offered = [...toggle.nextElementSibling.querySelectorAll(".fix-split")].map((b) => b.textContent);
			toggle.click();
			return offered;
		})()`)
	}
	assert.Equal(t, []string{"split off “EU”"}, offers("European Union"))
	assert.Empty(t, offers("Washington Post"))

	Eval[chromedp.Void](t, tab, fixMenu("European Union", ".fix-split"))
	WaitFor(t, tab, orgs+`.includes("EU") && `+orgs+`.includes("European Union")`, 10*time.Second)
	assert.JSONEq(t, `[{"op":"split","entity":"organization:European Union","name":"EU"}]`, Eval[string](t, tab, `localStorage.getItem("lede.corrections")`))
	refs := Eval[[]string](t, tab, `["European Union", "EU"].map((n) => [...document.querySelectorAll("#article .hl-organization")].find((m) => m.textContent === n).dataset.ref)`)
	assert.NotEqual(t, refs[0], refs[1], "two entities in the text")

	OpenApp(t, tab, srv.URL)
	WaitAnnotated(t, tab)
	WaitFor(t, tab, orgs+`.includes("EU")`, 10*time.Second)
	Do(t, tab, chromedp.Click(chromedp.ID("fix-undo")))
	WaitFor(t, tab, `!`+orgs+`.includes("EU") && `+orgs+`.includes("European Union")`, 10*time.Second)
}
