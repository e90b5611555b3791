//go:build browser

package e2e

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// correctionsArticle is written for this test: people to correct (made a
// place, rejected, taught to the lexicon), a planet and a charity.
const correctionsArticle = `Astronomers at the Lowell Observatory said on Tuesday that Jupiter had moved closer to Earth than at any time in the past decade.

"Jupiter is putting on a show this month," said Maria Chen, who leads the observatory's outreach team. She said families could see the planet without a telescope.

Meanwhile the housing charity Homes Now warned that rents in Flagstaff had risen sharply. "We have never seen so many families priced out," said Tom Reyes, its director.
`

// cardNames lists the names of the cards of one tab.
const cardNames = `(list) => [...document.querySelectorAll("#list-" + list + " .item-name")].map((e) => e.textContent)`

// fixMenu opens the Fix menu of the card named name and clicks its action.
func fixMenu(name, action string) string {
	return `(() => {
		const toggle = [...document.querySelectorAll(".fix-toggle")].find((b) => b.getAttribute("aria-label") === ` + JS("Correct "+name) + `);
		toggle.click();
		toggle.nextElementSibling.querySelector(` + JS(action) + `).click();
	})()`
}

func TestCorrectionsInThePage(t *testing.T) {
	srv, tab := StartApp(t)
	PasteArticle(t, tab, correctionsArticle)
	people := `(` + cardNames + `)("person")`
	require.Contains(t, Eval[[]string](t, tab, people), "Tom Reyes", "the test needs a person to correct")
	hasReyes := `(` + cardNames + `)("person").includes("Tom Reyes")`

	t.Run("reject an entity", func(t *testing.T) {
		Eval[chromedp.Void](t, tab, fixMenu("Tom Reyes", ".fix-reject"))
		WaitFor(t, tab, `!`+hasReyes+` && document.body.dataset.state === "annotated"`, 10*time.Second)
		assert.Zero(t, Eval[int](t, tab, `[...document.querySelectorAll("#article .hl-person")].filter((m) => m.textContent === "Tom Reyes").length`), "no highlight left")
		assert.Equal(t, "Undo (1)", Eval[string](t, tab, `document.getElementById("fix-undo").textContent`))
	})

	t.Run("exports show the correction", func(t *testing.T) {
		dir := AllowDownloads(t, tab)
		var doc struct {
			Entities []struct{ Type, Name string }
		}
		require.NoError(t, json.Unmarshal(Download(t, tab, dir, "json"), &doc))
		for _, e := range doc.Entities {
			assert.NotEqual(t, "Tom Reyes", e.Name)
		}
	})

	t.Run("undo", func(t *testing.T) {
		Do(t, tab, chromedp.Click(chromedp.ID("fix-undo")))
		WaitFor(t, tab, hasReyes, 10*time.Second)
		assert.True(t, Eval[bool](t, tab, `document.getElementById("fix-undo").disabled`))
		assert.Equal(t, "null", Eval[string](t, tab, `String(localStorage.getItem("lede.corrections"))`))
	})

	t.Run("change a type and keep it across a reload", func(t *testing.T) {
		Eval[chromedp.Void](t, tab, fixMenu("Tom Reyes", ".fix-type-place"))
		WaitFor(t, tab, `!`+hasReyes+` && (`+cardNames+`)("place").includes("Tom Reyes")`, 10*time.Second)
		assert.True(t, Eval[bool](t, tab, `[...document.querySelectorAll("#list-place .item")].some((b) => b.classList.contains("corrected") && b.textContent.includes("Tom Reyes"))`), "marked as corrected")
		time.Sleep(time.Second) // past the delayed save of the article
		OpenApp(t, tab, srv.URL)
		WaitAnnotated(t, tab)
		WaitFor(t, tab, `(`+cardNames+`)("place").includes("Tom Reyes")`, 10*time.Second)
		assert.False(t, Eval[bool](t, tab, hasReyes))
		Do(t, tab, chromedp.Click(chromedp.ID("fix-undo")))
		WaitFor(t, tab, hasReyes, 10*time.Second)
	})

	t.Run("lexicon manager", func(t *testing.T) {
		Do(t, tab, chromedp.Click(chromedp.ID("lexicon-toggle")))
		require.False(t, Eval[bool](t, tab, `document.getElementById("lexicon-manager").hidden`))
		Do(t, tab,
			chromedp.SendKeys(`#lexicon-manager .lexicon-new-name`, "Tom Reyes"),
			chromedp.SetValue(`#lexicon-manager .lexicon-new-kind`, "place"),
			chromedp.Click(`#lexicon-manager .lexicon-add`),
		)
		WaitFor(t, tab, `(`+cardNames+`)("place").includes("Tom Reyes")`, 10*time.Second)
		assert.Equal(t, []string{"Tom Reyes"}, Eval[[]string](t, tab, `[...document.querySelectorAll("#lexicon-manager .lexicon-name")].map((e) => e.textContent)`))
		assert.Equal(t, `{"entities":[{"name":"Tom Reyes","type":"place"}],"ignore":[]}`, Eval[string](t, tab, `localStorage.getItem("lede.lexicon")`))
		assert.Equal(t, "Lexicon (1)", Eval[string](t, tab, `document.getElementById("lexicon-toggle").textContent`))

		// "Never flag" from a card's menu adds to the lexicon.
		Eval[chromedp.Void](t, tab, fixMenu("Homes Now", ".fix-ignore"))
		WaitFor(t, tab, `document.querySelectorAll("#lexicon-manager .lexicon-name").length === 2`, 10*time.Second)
		WaitFor(t, tab, `![...document.querySelectorAll(".item-name")].some((e) => e.textContent === "Homes Now")`, 10*time.Second)

		// The lexicon outlives a reload and a new article; Remove takes an entry out.
		OpenApp(t, tab, srv.URL)
		WaitAnnotated(t, tab)
		assert.Equal(t, "Lexicon (2)", Eval[string](t, tab, `document.getElementById("lexicon-toggle").textContent`))
		Do(t, tab, chromedp.Click(chromedp.ID("lexicon-toggle")))
		Eval[chromedp.Void](t, tab, `[...document.querySelectorAll("#lexicon-manager .lexicon-entry")].find((li) => li.querySelector(".lexicon-name").textContent === "Tom Reyes").querySelector(".lexicon-remove").click()`)
		WaitFor(t, tab, hasReyes, 10*time.Second)
		assert.Equal(t, `{"entities":[],"ignore":["Homes Now"]}`, Eval[string](t, tab, `localStorage.getItem("lede.lexicon")`))
	})

	t.Run("click a highlight to open its card", func(t *testing.T) {
		Do(t, tab, chromedp.Click(chromedp.CSS(`#tab-person`)))
		Eval[chromedp.Void](t, tab, `[...document.querySelectorAll("#article .hl-place")].find((m) => m.textContent === "Flagstaff").click()`)
		assert.Equal(t, "true", Eval[string](t, tab, `document.getElementById("tab-place").getAttribute("aria-selected")`))
		assert.False(t, Eval[bool](t, tab, `document.getElementById("list-place").hidden`))
		assert.Equal(t, "Flagstaff", Eval[string](t, tab, `document.querySelector('#list-place .item[aria-pressed="true"] .item-name').textContent`))
	})

	t.Run("search the panel", func(t *testing.T) {
		Do(t, tab, chromedp.SendKeys(`#panel-search`, "flag"))
		WaitFor(t, tab, `document.querySelectorAll("#list-place .item:not([hidden])").length === 1`, 5*time.Second)
		assert.Equal(t, "Flagstaff", Eval[string](t, tab, `document.querySelector("#list-place .item:not([hidden]) .item-name").textContent`))
		assert.Zero(t, Eval[int](t, tab, `document.querySelectorAll("#list-person .item:not([hidden])").length`))
		Eval[chromedp.Void](t, tab, `(() => { const s = document.getElementById("panel-search"); s.value = ""; s.dispatchEvent(new Event("input")); })()`)
		assert.Greater(t, Eval[int](t, tab, `document.querySelectorAll("#list-person .item:not([hidden])").length`), 1)
	})

	t.Run("set a quote's speaker and dismiss an issue", func(t *testing.T) {
		Eval[chromedp.Void](t, tab, `(() => {
			const group = [...document.querySelectorAll("#list-quote .group")].find((g) => g.querySelector(".group-head").textContent.startsWith("Maria Chen"));
			const toggle = group.querySelector(".fix-toggle");
			toggle.click();
			const menu = toggle.nextElementSibling;
			const who = menu.querySelector(".fix-speaker");
			who.value = [...who.options].find((o) => o.textContent === "Tom Reyes").value;
			menu.querySelector(".fix-set-speaker").click();
		})()`)
		WaitFor(t, tab, `[...document.querySelectorAll("#list-quote .group-head")].some((h) => h.textContent.startsWith("Tom Reyes") && h.textContent.includes("2 ·"))`, 10*time.Second)
		const issueLabels = `[...document.querySelectorAll("#list-issue .item-name")].map((e) => e.textContent.replace(/^\d+\. /, ""))`
		labels := Eval[[]string](t, tab, issueLabels)
		require.NotEmpty(t, labels)
		Eval[chromedp.Void](t, tab, `(() => { const t = document.querySelector("#list-issue .fix-toggle"); t.click(); t.nextElementSibling.querySelector(".fix-dismiss").click(); })()`)
		WaitFor(t, tab, issueLabels+`.length === `+JS(len(labels)-1), 10*time.Second)
		assert.Equal(t, labels[1:], Eval[[]string](t, tab, issueLabels))
	})
}
