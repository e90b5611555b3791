//go:build browser

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
	"lede/server"
)

// The iframe mode as a CMS uses it: its page (another origin) frames Lede,
// posts the draft, and hears what the editor selects in the frame.
func TestIframeShowsThePostedArticle(t *testing.T) {
	cms := cmsServer(t)
	lede := ledeServer(t, server.Config{AllowedOrigins: []string{cms.URL}, FrameAncestors: []string{cms.URL}})
	tab := NewTab(t)
	require.NoError(t, chromedp.Do(tab, chromedp.EmulateViewport(1360, 1000)))
	// The reader's own saved article, on Lede's origin: the frame must
	// neither show it to the CMS nor replace it with the CMS's draft.
	const own = "My own draft, kept for my next visit."
	Do(t, tab, chromedp.Navigate(lede.URL+"/"))
	Eval[chromedp.Void](t, tab, `localStorage.setItem("lede.article", `+JS(own)+`)`)
	Do(t, tab, chromedp.Navigate(cms.URL+"/"))
	// Whitfield is quoted twice.
	article := layoutArticles[0] + "\n\n\"It will not reopen before spring,\" Whitfield said."
	Eval[chromedp.Void](t, tab, `(async () => {
		window.heard = [];
		window.addEventListener("message", (e) => window.heard.push({ origin: e.origin, ...e.data }));
		const frame = document.createElement("iframe");
		frame.src = `+JS(lede.URL+"/")+`;
		frame.style.cssText = "width: 1300px; height: 900px; border: 1px solid gray";
		await new Promise((resolve) => { frame.onload = resolve; document.body.append(frame); });
		frame.contentWindow.postMessage({ type: "lede:annotate", id: 7, text: `+JS(article)+` }, `+JS(lede.URL)+`);
	})()`)
	WaitFor(t, tab, `window.heard.some((m) => m.type === "lede:result" && m.id === 7)`, 30*time.Second)

	frame, err := chromedp.Run(tab, chromedp.Nodes("iframe"))
	require.NoError(t, err)
	in := chromedp.FromNode(frame[0])
	Do(t, tab, chromedp.WaitReady(`body[data-state="annotated"]`, in))
	shown, err := chromedp.Run(tab, chromedp.TextContent(`#article`, in))
	require.NoError(t, err)
	assert.Equal(t, article, shown, "the posted article, not an empty editor")
	for _, sel := range []string{`#editor[hidden]`, `#article:not([hidden]) .hl-person`, `#article .hl-quote`, `#list-person .item`, `#list-organization .item`} {
		nodes, err := chromedp.Run(tab, chromedp.Nodes(sel, in, chromedp.AtLeast(0)))
		require.NoError(t, err)
		assert.NotEmpty(t, nodes, "the frame shows %s", sel)
	}
	viewShot(t, tab, "iframe")

	// A click on a name in the frame tells the CMS what was selected.
	Do(t, tab, chromedp.Click(`#list-person .item`, in))
	WaitFor(t, tab, `window.heard.some((m) => m.type === "lede:select" && m.item)`, 10*time.Second)
	type selected struct {
		Origin string `json:"origin"`
		Item   struct {
			ID, Layer, Name string
			Mentions        []struct{ Start, End int }
		} `json:"item"`
	}
	got := Eval[selected](t, tab, `window.heard.find((m) => m.type === "lede:select" && m.item)`)
	assert.Equal(t, lede.URL, got.Origin)
	assert.Equal(t, "person", got.Item.Layer)
	require.NotEmpty(t, got.Item.Mentions)
	for _, m := range got.Item.Mentions {
		assert.Contains(t, got.Item.Name, article[m.Start:m.End], "the offsets index the posted text")
	}
	assert.Zero(t, Eval[int](t, tab, `window.heard.find((m) => m.type === "lede:select" && m.item).item.current`), "the navigator starts on the first mention")
	// Stepping through the quotes of a speaker follows in the CMS: one
	// message per step, each with the mention the navigator is on.
	Do(t, tab, chromedp.Click(`#article .hl-quote[data-label*="Whitfield"]`, in))
	WaitFor(t, tab, `window.heard.some((m) => m.type === "lede:select" && m.item?.layer === "quote")`, 10*time.Second)
	heard := Eval[int](t, tab, `window.heard.length`)
	require.Greater(t, Eval[int](t, tab, `window.heard.findLast((m) => m.type === "lede:select").item.mentions.length`), 1, "both of Whitfield's quotes are in the selection")
	Do(t, tab, chromedp.Click(`#nav-next`, in))
	WaitFor(t, tab, `window.heard.length === `+JS(heard+1)+` && window.heard.at(-1).item?.current === 1`, 10*time.Second)
	Do(t, tab, chromedp.Click(`#nav-close`, in))
	WaitFor(t, tab, `window.heard.some((m) => m.type === "lede:select" && m.item === null)`, 10*time.Second)

	time.Sleep(1500 * time.Millisecond) // past the page's save delay
	Do(t, tab, chromedp.Navigate(lede.URL+"/"))
	assert.Equal(t, own, Eval[string](t, tab, `localStorage.getItem("lede.article")`), "the reader's saved article is untouched")
}

// componentView is what <lede-annotator> shows: its text, legend and speakers.
type componentView struct {
	Shown    string   `json:"shown"`
	Legend   []string `json:"legend"`
	Speakers []string `json:"speakers"`
}

const viewComponent = `((el) => ({
	shown: el.shadowRoot.querySelector(".text").textContent,
	legend: [...el.shadowRoot.querySelectorAll(".legend li")].map((li) => li.textContent),
	speakers: [...el.shadowRoot.querySelectorAll(".speakers li")].map((li) => li.textContent),
}))`

// The component follows what a CMS script does to the text (no input
// events): setting the field's value, the children's text, its own value.
func TestComponentFollowsProgrammaticChanges(t *testing.T) {
	lede := ledeServer(t, server.Config{})
	tab := NewTab(t)
	Do(t, tab, chromedp.Navigate(lede.URL+"/examples/"))
	WaitFor(t, tab, `document.getElementById("lede").result`, 30*time.Second)
	shows := func(sel, text string) string {
		return `(` + viewComponent + `)(document.querySelector(` + JS(sel) + `)).shown === ` + JS(text)
	}

	t.Run("a script sets the textarea's value", func(t *testing.T) {
		Eval[chromedp.Void](t, tab, `document.getElementById("body").value = `+JS(embedTexts[2]))
		WaitFor(t, tab, shows("#lede", embedTexts[2]), 10*time.Second)
		v := Eval[componentView](t, tab, `(`+viewComponent+`)(document.getElementById("lede"))`)
		assert.Equal(t, []string{"Tomas Ferreira (1)"}, v.Speakers)
		assert.Equal(t, []string{"People 1", "Places 1", "Organizations 1", "Quotes 1", "Issues " + JS(len(annotate.Annotate(embedTexts[2]).Issues))}, v.Legend)
		assert.Equal(t, embedTexts[2], Eval[string](t, tab, `document.getElementById("body").value`), "the field keeps its value")
		SaveScreenshot(t, tab, "component-value")
	})

	t.Run("a script replaces the children", func(t *testing.T) {
		Eval[chromedp.Void](t, tab, `(() => {
			const el = document.createElement("lede-annotator");
			el.id = "kids";
			el.textContent = "Nothing yet.";
			document.body.append(el);
		})()`)
		WaitFor(t, tab, shows("#kids", "Nothing yet."), 10*time.Second)
		Eval[chromedp.Void](t, tab, `document.getElementById("kids").textContent = `+JS(embedTexts[0]))
		WaitFor(t, tab, shows("#kids", embedTexts[0]), 10*time.Second)
		assert.Contains(t, Eval[componentView](t, tab, `(`+viewComponent+`)(document.getElementById("kids"))`).Speakers, "Ada Brightwater (1)")
	})

	t.Run("its own value and the for attribute", func(t *testing.T) {
		Eval[chromedp.Void](t, tab, `document.getElementById("kids").value = `+JS(embedTexts[1]))
		WaitFor(t, tab, shows("#kids", embedTexts[1]), 10*time.Second)
		Eval[chromedp.Void](t, tab, `(() => {
			const field = document.createElement("textarea");
			field.id = "other";
			field.value = `+JS(embedTexts[2])+`;
			document.body.append(field);
			const el = document.getElementById("lede");
			el.setAttribute("for", "other");
		})()`)
		WaitFor(t, tab, shows("#lede", embedTexts[2]), 10*time.Second)
		Eval[chromedp.Void](t, tab, `document.getElementById("other").value = `+JS(embedTexts[0]))
		WaitFor(t, tab, shows("#lede", embedTexts[0]), 10*time.Second)
		// The field it left behaves as before.
		Eval[chromedp.Void](t, tab, `document.getElementById("body").value = "Changed."`)
		time.Sleep(600 * time.Millisecond)
		assert.True(t, Eval[bool](t, tab, shows("#lede", embedTexts[0])))
		assert.False(t, Eval[bool](t, tab, `Object.hasOwn(document.getElementById("body"), "value")`))
	})

	t.Run("two components on one field", func(t *testing.T) {
		Eval[chromedp.Void](t, tab, `(() => {
			const el = document.createElement("lede-annotator");
			el.id = "second";
			el.setAttribute("for", "other");
			document.body.append(el);
		})()`)
		WaitFor(t, tab, shows("#second", embedTexts[0]), 10*time.Second)
		Eval[chromedp.Void](t, tab, `document.getElementById("other").value = `+JS(embedTexts[1]))
		WaitFor(t, tab, shows("#lede", embedTexts[1])+` && `+shows("#second", embedTexts[1]), 10*time.Second)
		Eval[chromedp.Void](t, tab, `document.getElementById("second").remove()`)
		Eval[chromedp.Void](t, tab, `document.getElementById("other").value = `+JS(embedTexts[2]))
		WaitFor(t, tab, shows("#lede", embedTexts[2]), 10*time.Second)
	})
}
