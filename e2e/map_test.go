//go:build browser

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
)

// linkedPlaces returns the entities of text that the map should show: the
// places linked to a gazetteer record, by id, with their mention counts.
func linkedPlaces(text string) map[string]int {
	doc := annotate.Annotate(text)
	out := map[string]int{}
	for _, e := range doc.Entities {
		if e.Type == annotate.Place && e.Geo != nil {
			out[e.ID] = len(e.Mentions)
		}
	}
	return out
}

// TestMapShowsADotPerLinkedPlace checks the map of the seed article: one dot
// per linked place, named on hover, and a click selects the place's
// mentions in the text and the next click steps to the next one.
func TestMapShowsADotPerLinkedPlace(t *testing.T) {
	seed := SeedArticle(t)
	want := linkedPlaces(seed)
	require.NotEmpty(t, want, "the seed article has linked places")
	_, tab := StartApp(t)
	assert.True(t, Eval[bool](t, tab, `document.getElementById("map").hidden`), "no map before an article")
	PasteArticle(t, tab, seed)
	WaitFor(t, tab, `!document.getElementById("map").hidden`, 5*time.Second)

	refs := Eval[[]string](t, tab, `[...document.querySelectorAll("#map .map-dot")].map((d) => d.dataset.ref)`)
	assert.Len(t, refs, len(want), "one dot per linked place")
	for _, ref := range refs {
		assert.Contains(t, want, ref)
	}
	assert.Equal(t, 1, Eval[int](t, tab, `document.querySelectorAll("#map path.map-land").length`), "the land is drawn")
	titles := Eval[[]string](t, tab, `[...document.querySelectorAll("#map .map-dot title")].map((d) => d.textContent)`)
	assert.Len(t, titles, len(want))
	assert.Contains(t, fmt.Sprint(titles), "Beijing", "hovering a dot names the place")
	// Dots are sized by mentions: a place named more has a dot no smaller.
	radii := Eval[map[string]float64](t, tab, `Object.fromEntries([...document.querySelectorAll("#map .map-dot")].map((d) => [d.dataset.ref, d.r.baseVal.value]))`)
	for a, ma := range want {
		for b, mb := range want {
			if ma > mb {
				assert.GreaterOrEqual(t, radii[a], radii[b], "%s (%d mentions) vs %s (%d)", a, ma, b, mb)
			}
		}
	}
	SaveScreenshot(t, tab, "map")

	// The place with the most mentions.
	ref, most := "", 0
	for r, n := range want {
		if n > most || n == most && r < ref {
			ref, most = r, n
		}
	}
	click := `document.querySelector(` + JS(`#map .map-dot[data-ref="`+ref+`"]`) + `).dispatchEvent(new MouseEvent("click", {bubbles: true}))`
	Eval[bool](t, tab, click)
	selected := Eval[[]string](t, tab, `[...document.querySelectorAll("#article .hl.selected")].map((e) => e.dataset.ref)`)
	require.NotEmpty(t, selected, "clicking a dot selects its mentions")
	for _, r := range selected {
		assert.Equal(t, ref, r)
	}
	assert.Contains(t, Eval[string](t, tab, `document.getElementById("nav-label").textContent`), fmt.Sprintf("mention 1 of %d", most))
	assert.True(t, Eval[bool](t, tab, `document.querySelector(`+JS(`#map .map-dot[data-ref="`+ref+`"]`)+`).classList.contains("map-dot-selected")`))
	if most > 1 {
		Eval[bool](t, tab, click)
		assert.Contains(t, Eval[string](t, tab, `document.getElementById("nav-label").textContent`), fmt.Sprintf("mention 2 of %d", most), "a second click steps on")
	}
	Do(t, tab, chromedp.KeyEvent("\x1b"))
	assert.False(t, Eval[bool](t, tab, `document.querySelector("#map .map-dot-selected") !== null`))
}

// TestMapWorksOffline draws the map from the service worker's cache with the
// network and the server gone.
func TestMapWorksOffline(t *testing.T) {
	seed := SeedArticle(t)
	srv, tab := StartApp(t)
	WaitFor(t, tab, `navigator.serviceWorker.controller !== null`, 20*time.Second)
	goOffline(t, tab)
	srv.Close()
	OpenApp(t, tab, srv.URL)
	PasteArticle(t, tab, seed)
	WaitFor(t, tab, `!document.getElementById("map").hidden`, 5*time.Second)
	assert.Equal(t, len(linkedPlaces(seed)), Eval[int](t, tab, `document.querySelectorAll("#map .map-dot").length`))
	assert.NotEmpty(t, Eval[string](t, tab, `document.querySelector("#map path.map-land").getAttribute("d")`))
}
