//go:build browser

package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An editor's session as a user drives it: these cases are defects found by
// doing so. They use correctionsArticle (corrections_test.go): Maria Chen
// and Tom Reyes are each quoted once.

// quoteMenu opens the Fix menu of the quote card whose group is speaker and
// returns the expression of that menu.
func quoteMenu(speaker string) string {
	return `(() => {
		const group = [...document.querySelectorAll("#list-quote .group")].find((g) => g.querySelector(".group-head span").textContent === ` + JS(speaker) + `);
		const toggle = group.querySelector(".fix-toggle");
		if (toggle.getAttribute("aria-expanded") !== "true") toggle.click();
		return toggle.nextElementSibling;
	})()`
}

// openArticle opens the page in a new browser and pastes text.
func openArticle(t *testing.T, text string) context.Context {
	tab := NewTab(t)
	OpenApp(t, tab, ServeDist(t).URL)
	PasteArticle(t, tab, text)
	return tab
}

// correctAndWait runs a correction's click and waits for the new result.
func correctAndWait(t *testing.T, tab context.Context, click string) {
	t.Helper()
	Eval[chromedp.Void](t, tab, click)
	WaitAnnotated(t, tab)
}

// describeSpeaker credits the quote of speaker to a described source.
func describeSpeaker(speaker, description string) string {
	return `(() => {
		const menu = ` + quoteMenu(speaker) + `;
		const who = menu.querySelector(".fix-speaker");
		who.value = "other";
		who.dispatchEvent(new Event("change"));
		menu.querySelector(".fix-speaker-name").value = ` + JS(description) + `;
		menu.querySelector(".fix-set-speaker").click();
	})()`
}

const quoteHeads = `[...document.querySelectorAll("#list-quote .group-head span:first-child")].map((s) => s.textContent)`

func TestSpeakerMenuOpensOnTheCurrentSpeaker(t *testing.T) {
	tab := openArticle(t, correctionsArticle)
	require.Subset(t, Eval[[]string](t, tab, quoteHeads), []string{"Maria Chen", "Tom Reyes"}, "the test needs both speakers")

	// A described source: the menu shows it, and Set unchanged keeps it.
	correctAndWait(t, tab, describeSpeaker("Tom Reyes", "a housing advocate"))
	require.Contains(t, Eval[[]string](t, tab, quoteHeads), "a housing advocate")
	menu := quoteMenu("a housing advocate")
	assert.Equal(t, "other", Eval[string](t, tab, menu+`.querySelector(".fix-speaker").value`))
	assert.Equal(t, "a housing advocate", Eval[string](t, tab, menu+`.querySelector(".fix-speaker-name").value`))
	correctAndWait(t, tab, menu+`.querySelector(".fix-set-speaker").click()`)
	assert.Contains(t, Eval[[]string](t, tab, quoteHeads), "a housing advocate", "Set unchanged keeps the described source")

	// A speaker who is not a person (made an organization): the menu offers it.
	correctAndWait(t, tab, fixMenu("Maria Chen", ".fix-type-organization"))
	menu = quoteMenu("Maria Chen")
	assert.Equal(t, "Maria Chen", Eval[string](t, tab, `(() => { const s = `+menu+`.querySelector(".fix-speaker"); return s.selectedOptions[0] ? s.selectedOptions[0].text : ""; })()`))
	correctAndWait(t, tab, menu+`.querySelector(".fix-set-speaker").click()`)
	assert.Contains(t, Eval[[]string](t, tab, quoteHeads), "Maria Chen", "Set unchanged keeps the speaker")
	assert.NotContains(t, Eval[[]string](t, tab, quoteHeads), "Unattributed")
}

func TestPastingOverTheWholeTextForgetsTheCorrections(t *testing.T) {
	tab := openArticle(t, correctionsArticle)
	correctAndWait(t, tab, fixMenu("Tom Reyes", ".fix-reject"))
	require.False(t, Eval[bool](t, tab, `document.getElementById("fix-undo").disabled`))

	Do(t, tab, chromedp.Click(chromedp.ID("mode-edit")))
	Eval[chromedp.Void](t, tab, `document.getElementById("editor").select()`)
	PasteArticle(t, tab, "Tom Reyes, the director of Homes Now, said rents in Flagstaff rose again in May.\n")
	assert.True(t, Eval[bool](t, tab, `document.getElementById("fix-undo").disabled`), "a new article starts with no corrections")
	assert.Contains(t, Eval[string](t, tab, `localStorage.getItem("lede.corrections") || "[]"`), "[]")
	assert.Contains(t, Eval[[]string](t, tab, `(`+cardNames+`)("person")`), "Tom Reyes", "the last article's rejection does not apply")
}

func TestPhoneTapOnAHighlightStaysOnTheText(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	Do(t, tab, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	OpenApp(t, tab, srv.URL)
	// Paragraphs with no names put the panel well below the first name.
	PasteArticle(t, tab, correctionsArticle+strings.Repeat("\nThe report added that the trend was expected to continue for several more years, and that prices would follow.\n", 8))
	onScreen := `((e) => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })`
	first := `document.querySelector("#article .hl-person")`
	Eval[chromedp.Void](t, tab, first+`.click()`)
	time.Sleep(1500 * time.Millisecond) // the smooth scroll to the mention
	assert.True(t, Eval[bool](t, tab, onScreen+`(`+first+`)`), "the tapped name stays on screen")
	assert.Equal(t, "true", Eval[string](t, tab, `document.getElementById("tab-person").getAttribute("aria-selected")`), "its card's tab opens")
	viewShot(t, tab, "phone-tap")
}

func TestPanelSearchKeepsTheQuoteFilterAndFindsTheTab(t *testing.T) {
	tab := openArticle(t, correctionsArticle)
	search := func(q string) {
		Eval[chromedp.Void](t, tab, `(() => { const s = document.getElementById("panel-search"); s.value = `+JS(q)+`; s.dispatchEvent(new Event("input")); })()`)
	}
	shownQuotes := `[...document.querySelectorAll("#list-quote .item-quote")].filter((e) => e.offsetParent !== null || !e.hidden).length`
	Do(t, tab, chromedp.Click(chromedp.ID("tab-quote")))
	Eval[chromedp.Void](t, tab, `(() => { const s = document.querySelector("#list-quote .quote-filter"); s.value = "female"; s.dispatchEvent(new Event("change")); })()`)
	filtered := Eval[int](t, tab, shownQuotes)
	require.Less(t, filtered, Eval[int](t, tab, `document.querySelectorAll("#list-quote .item-quote").length`), "the filter hides a man's quote")
	assert.Zero(t, Eval[int](t, tab, `[...document.querySelectorAll("#list-quote .item-quote[hidden] + .fix-toggle")].filter((b) => b.offsetParent !== null).length`), "no Fix button without its card")
	search("zzz")
	search("")
	assert.Equal(t, filtered, Eval[int](t, tab, shownQuotes), "clearing the search keeps the quote filter")

	Do(t, tab, chromedp.Click(chromedp.ID("tab-place")))
	search("Reyes")
	assert.Equal(t, "true", Eval[string](t, tab, `document.getElementById("tab-person").getAttribute("aria-selected")`), "the search opens a tab with a match")
}

func TestEditingTheTextKeepsTheSpeakerCorrections(t *testing.T) {
	tab := openArticle(t, correctionsArticle)
	correctAndWait(t, tab, describeSpeaker("Tom Reyes", "a housing advocate"))
	require.Contains(t, Eval[[]string](t, tab, quoteHeads), "a housing advocate")

	// The editor fixes the first line, typing and pasting before the quote.
	Do(t, tab, chromedp.Click(chromedp.ID("mode-edit")))
	Eval[chromedp.Void](t, tab, `(() => {
		const ed = document.getElementById("editor");
		ed.setSelectionRange(0, 0);
		ed.setRangeText("FLAGSTAFF, Ariz. — ", 0, 0, "end");
		ed.dispatchEvent(new Event("input"));
	})()`)
	Eval[chromedp.Void](t, tab, `document.getElementById("editor").setSelectionRange(0, 9)`)
	Paste(t, tab, "#editor", "Flagstaff", "")
	time.Sleep(time.Second)
	WaitAnnotated(t, tab)
	assert.True(t, Eval[bool](t, tab, `document.getElementById("editor").value.startsWith("Flagstaff, Ariz. — Astronomers")`))
	assert.Contains(t, Eval[[]string](t, tab, quoteHeads), "a housing advocate", "the speaker stays with its quote")
	assert.NotContains(t, Eval[[]string](t, tab, quoteHeads), "Tom Reyes")
}

func TestACorrectionSaysWhatItDid(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	Do(t, tab, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	OpenApp(t, tab, srv.URL)
	PasteArticle(t, tab, correctionsArticle)
	// On a phone the card leaves the open tab (people) for places: a toast says so.
	correctAndWait(t, tab, fixMenu("Tom Reyes", ".fix-type-place"))
	assert.False(t, Eval[bool](t, tab, `document.getElementById("toast").hidden`))
	assert.Equal(t, "“Tom Reyes” is now a place.", Eval[string](t, tab, `document.getElementById("toast").textContent`))
}

func TestTooltipLeavesWithItsName(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	OpenApp(t, tab, srv.URL)
	PasteArticle(t, tab, correctionsArticle+strings.Repeat("\nThe report added that the trend was expected to continue for several more years, and that prices would follow.\n", 12))
	Do(t, tab, chromedp.Click(`#article .hl-person`))
	WaitFor(t, tab, `!document.getElementById("tooltip").hidden`, 5*time.Second)
	time.Sleep(time.Second) // the smooth scroll to the name
	Eval[chromedp.Void](t, tab, `window.scrollTo(0, document.body.scrollHeight)`)
	WaitFor(t, tab, `document.querySelector("#article .hl-person").getBoundingClientRect().bottom < 0`, 5*time.Second)
	time.Sleep(300 * time.Millisecond)
	assert.True(t, Eval[bool](t, tab, `document.getElementById("tooltip").hidden`), "no tooltip for a name scrolled away")
}

func TestUndoTakesBackALexiconChange(t *testing.T) {
	tab := openArticle(t, correctionsArticle)
	names := `[...document.querySelectorAll(".item-name")].map((e) => e.textContent)`
	correctAndWait(t, tab, fixMenu("Tom Reyes", ".fix-reject"))
	correctAndWait(t, tab, fixMenu("Homes Now", ".fix-ignore"))
	require.NotContains(t, Eval[[]string](t, tab, names), "Homes Now")
	assert.Equal(t, "Undo (2)", Eval[string](t, tab, `document.getElementById("fix-undo").textContent`))

	// The last thing done was the lexicon's: Undo takes that back, not the rejection.
	correctAndWait(t, tab, `document.getElementById("fix-undo").click()`)
	assert.Contains(t, Eval[[]string](t, tab, names), "Homes Now")
	assert.NotContains(t, Eval[[]string](t, tab, names), "Tom Reyes")
	assert.Equal(t, "Lexicon (0)", Eval[string](t, tab, `document.getElementById("lexicon-toggle").textContent`))
	correctAndWait(t, tab, `document.getElementById("fix-undo").click()`)
	assert.Contains(t, Eval[[]string](t, tab, names), "Tom Reyes")
	assert.True(t, Eval[bool](t, tab, `document.getElementById("fix-undo").disabled`))
}

func TestLexiconManagerAddsAnAliasWithEnter(t *testing.T) {
	tab := openArticle(t, correctionsArticle)
	Do(t, tab, chromedp.Click(chromedp.ID("lexicon-toggle")))
	require.True(t, Eval[bool](t, tab, `document.querySelector("#lexicon-manager .lexicon-new-canonical") !== null`), "the manager takes a canonical name")
	Do(t, tab,
		chromedp.SetValue(`#lexicon-manager .lexicon-new-kind`, "organization"),
		chromedp.SendKeys(`#lexicon-manager .lexicon-new-canonical`, "Homes Now Trust"),
		chromedp.SendKeys(`#lexicon-manager .lexicon-new-name`, "Homes Now\r"),
	)
	WaitFor(t, tab, `(`+cardNames+`)("organization").includes("Homes Now Trust")`, 10*time.Second)
	assert.Equal(t, `{"entities":[{"name":"Homes Now","type":"organization","canonical":"Homes Now Trust"}],"ignore":[]}`, Eval[string](t, tab, `localStorage.getItem("lede.lexicon")`))
}

func TestAQuoteMarkedAnonymousGroupsApart(t *testing.T) {
	tab := openArticle(t, layoutArticles[1])
	const speaker = "Bartholomew Kensington-Whitaker"
	group := `[...document.querySelectorAll("#list-quote .group")].filter((g) => g.querySelector(".group-head span").textContent === ` + JS(speaker) + `)`
	require.Equal(t, 2, Eval[int](t, tab, group+`[0].querySelectorAll(".item-quote").length`), "the test needs a speaker quoted twice")
	correctAndWait(t, tab, `(() => { const t = `+group+`[0].querySelectorAll(".fix-toggle")[1]; t.click(); t.nextElementSibling.querySelector(".fix-anonymous").click(); })()`)
	badges := Eval[[]bool](t, tab, group+`.map((g) => g.querySelector(".badge-anon") !== null)`)
	assert.ElementsMatch(t, []bool{false, true}, badges, "one group named, one anonymous")
	assert.Equal(t, []int{1, 1}, Eval[[]int](t, tab, group+`.map((g) => g.querySelectorAll(".item-quote").length)`))
}
