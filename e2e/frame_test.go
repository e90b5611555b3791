//go:build browser

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/server"
)

// The iframe mode as a CMS uses it: its page (another origin) frames Lede,
// posts the draft, and hears what the editor selects in the frame.
func TestIframeShowsThePostedArticle(t *testing.T) {
	cms := cmsServer(t)
	lede := ledeServer(t, server.Config{AllowedOrigins: []string{cms.URL}, FrameAncestors: []string{cms.URL}})
	tab := NewTab(t)
	require.NoError(t, chromedp.Do(tab, chromedp.EmulateViewport(1360, 1000)))
	Do(t, tab, chromedp.Navigate(cms.URL+"/"))
	article := layoutArticles[0]
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
	Do(t, tab, chromedp.Click(`#nav-close`, in))
	WaitFor(t, tab, `window.heard.some((m) => m.type === "lede:select" && m.item === null)`, 10*time.Second)
}
