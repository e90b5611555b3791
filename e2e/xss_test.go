//go:build browser

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Pasted markup never runs: a list of XSS payloads is pasted as plain text
// and as rich text, and the exported HTML is opened. A payload that ran would
// set window.__xss, open a dialog or request a host under xss.invalid; the
// watcher below sees all three.

var xssPayloads = []string{
	`<script>window.__xss = "script"; alert("script")</script>`,
	`<img src=x onerror="window.__xss = 'img'; alert('img')">`,
	`<img src="https://xss.invalid/pixel.png">`,
	`<svg onload="window.__xss = 'svg'"><circle r=1 /></svg>`,
	`<svg><script>window.__xss = 'svg script'</script></svg>`,
	`<a href="javascript:window.__xss='link'">click me</a>`,
	`javascript:window.__xss='bare'`,
	`<iframe srcdoc="<script>parent.__xss = 'srcdoc'</script>"></iframe>`,
	`<iframe src="javascript:parent.__xss='iframe'"></iframe>`,
	`<template><img src=x onerror="window.__xss = 'template'"></template>`,
	`<style>@import url("https://xss.invalid/import.css"); body { background: url("https://xss.invalid/bg.png") }</style>`,
	`<div style="background-image: url(https://xss.invalid/inline.png)">styled</div>`,
	`<link rel="stylesheet" href="https://xss.invalid/link.css">`,
	`<details open ontoggle="window.__xss = 'details'">`,
	`<input autofocus onfocus="window.__xss = 'focus'">`,
	`<body onload="window.__xss = 'body'">`,
	`<video><source onerror="window.__xss = 'video'"></video>`,
	`<object data="javascript:window.__xss='object'"></object>`,
	`<embed src="https://xss.invalid/embed.swf">`,
	`<meta http-equiv="refresh" content="0; url=javascript:window.__xss='meta'">`,
	`<base href="https://xss.invalid/">`,
	`<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 'mxss'">`,
	`"><script>window.__xss = 'attribute break'</script>`,
	`</textarea></title><script>window.__xss = 'close tags'</script>`,
	`&lt;script&gt;window.__xss = 'entities'&lt;/script&gt;`,
	`{{constructor.constructor('window.__xss = "template literal"')()}} ${window.__xss = 'interpolation'}`,
	"<scr\u0000ipt>window.__xss = 'nul'</scr\u0000ipt>\u2028\u202e<img src=x onerror=window.__xss='rtl'>",
}

// xssArticle puts each payload in a sentence and in a quote, so that it
// lands inside highlights as well as in plain text.
func xssArticle() string {
	var b strings.Builder
	b.WriteString("Mayor Ana Ruiz of Lisbon spoke on Tuesday.\n")
	for _, p := range xssPayloads {
		b.WriteString("Ana Ruiz said \"" + p + "\" in Lisbon.\n" + p + "\n")
	}
	return b.String()
}

// pageWatch records dialogs and requests that leave the page's origin.
type pageWatch struct {
	origin  string
	mu      sync.Mutex
	dialogs []string
	offsite []string
}

func watchPage(t *testing.T, tab context.Context, origin string) *pageWatch {
	t.Helper()
	w := &pageWatch{origin: origin}
	_, err := chromedp.Call(tab, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	dialogs := chromedp.Events(tab, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			w.record(&w.dialogs, ev.Message)
			// A dialog blocks the page until it is closed.
			chromedp.Call(tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
		}
	}()
	requests := chromedp.Events(tab, network.RequestWillBeSent)
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			if url := ev.Request.URL; !w.local(url) {
				w.record(&w.offsite, url)
			}
		}
	}()
	return w
}

// local reports whether url stays on the page: its origin, or data and blob
// URLs that the page makes itself.
func (w *pageWatch) local(url string) bool {
	return strings.HasPrefix(url, w.origin+"/") || url == w.origin ||
		strings.HasPrefix(url, "data:") || strings.HasPrefix(url, "blob:"+w.origin+"/")
}

func (w *pageWatch) record(list *[]string, s string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	*list = append(*list, s)
}

// assertNothingRan waits for failing loads to fire their handlers, then
// checks that no payload ran or reached the network.
func (w *pageWatch) assertNothingRan(t *testing.T, tab context.Context) {
	t.Helper()
	time.Sleep(500 * time.Millisecond)
	assert.Equal(t, "undefined", Eval[string](t, tab, `typeof window.__xss`), "a payload ran")
	w.mu.Lock()
	defer w.mu.Unlock()
	assert.Empty(t, w.dialogs, "a dialog opened")
	assert.Empty(t, w.offsite, "a request left the page")
}

// articleElements counts the elements in the article other than highlights
// and the blocks the page cuts long texts into.
const articleElements = `document.querySelectorAll("#article *:not(.hl, .block)").length`

func TestXSSPayloadsStayText(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	watch := watchPage(t, tab, srv.URL)
	OpenApp(t, tab, srv.URL)
	article := xssArticle()
	PasteArticle(t, tab, article)
	assert.Equal(t, article, Eval[string](t, tab, `document.getElementById("article").textContent`), "the page shows other text than was pasted")
	assert.Positive(t, Eval[int](t, tab, `document.querySelectorAll("#article .hl").length`), "nothing was highlighted")
	assert.Zero(t, Eval[int](t, tab, articleElements), "markup became elements")
	watch.assertNothingRan(t, tab)
}

func TestXSSPayloadsPastedAsRichText(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	watch := watchPage(t, tab, srv.URL)
	OpenApp(t, tab, srv.URL)
	html := "<p>Mayor Ana Ruiz of Lisbon spoke on Tuesday.</p>" + strings.Join(xssPayloads, "<p>Ana Ruiz said so in Lisbon.</p>")
	Paste(t, tab, "#editor", "Mayor Ana Ruiz of Lisbon spoke on Tuesday.", html)
	WaitAnnotated(t, tab)
	assert.Contains(t, Eval[string](t, tab, `document.getElementById("article").textContent`), "Ana Ruiz said so in Lisbon.")
	assert.Zero(t, Eval[int](t, tab, articleElements), "markup became elements")
	watch.assertNothingRan(t, tab)
}

func TestExportedHTMLEscapesPayloads(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	dir := AllowDownloads(t, tab)
	OpenApp(t, tab, srv.URL)
	article := xssArticle()
	PasteArticle(t, tab, article)
	exported := Download(t, tab, dir, "html")
	for _, p := range xssPayloads {
		if strings.ContainsAny(p, "<>") {
			assert.NotContains(t, string(exported), p, "the payload is in the HTML unescaped")
		}
	}

	file := filepath.Join(dir, "export.html")
	require.NoError(t, os.WriteFile(file, exported, 0o644))
	watch := watchPage(t, tab, "file://"+file)
	Do(t, tab, chromedp.Navigate("file://"+file))
	// HTML cannot hold U+0000: the parser drops it, so the export loses it.
	assert.Equal(t, strings.ReplaceAll(article, "\x00", ""), Eval[string](t, tab, `document.querySelector(".article").textContent`), "the export shows other text than was pasted")
	assert.Zero(t, Eval[int](t, tab, `document.querySelectorAll(".article *:not(.hl, .block)").length`), "markup became elements")
	watch.assertNothingRan(t, tab)
}

// hardTexts are pasted one by one: the page must show each exactly as
// pasted, apart from line endings, which it makes "\n" on purpose
// (input.js normalizeNewlines).
var hardTexts = []string{
	"Ana Ruiz said \"we agree\" in Lisbon.\r\nTomás Silva left.\rThen \u2028 and \u2029 followed.",
	"Ana\x00Ruiz said \"\x00yes\x00\" today.\x00",
	"אמר שר החוץ \"אנחנו נמשיך\" בירושלים. Ana Ruiz told Al Jazeera: «سنواصل الحوار» in تل أبيب.",
	"\u202eAna Ruiz\u202c said \u2067\"hello there\"\u2069 \u200f\u200e",
	"👩‍👩‍👧‍👦 Ana Ruiz 👍🏽 said “We 🇵🇹 agree 👨‍💻,” ❤️ 1️⃣ 🏳️‍🌈.",
	"Zoe\u0308 Lefe\u0300vre and Jose\u0301 Nun\u0303ez met in Sa\u0303o Paulo. “Ve\u0301rite\u0301,” said Zoe\u0308.",
	"\ufeff\u200bAna\u200b Ruiz said \"\ufffd\ufffd\" \U0010ffff\ue000",
	strings.Repeat("“‘", 500) + "deep" + strings.Repeat("’”", 500) + strings.Repeat("\"", 1001),
}

func TestHardTextsAreShownExactly(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	watch := watchPage(t, tab, srv.URL)
	OpenApp(t, tab, srv.URL)
	lineEndings := strings.NewReplacer("\r\n", "\n", "\r", "\n")
	for _, text := range hardTexts {
		Do(t, tab, chromedp.Click(chromedp.ID("clear")))
		PasteArticle(t, tab, text)
		assert.Equal(t, lineEndings.Replace(text), Eval[string](t, tab, `document.getElementById("article").textContent`))
	}
	// A lone surrogate, which only a JS string can hold: the annotator sees
	// U+FFFD (one UTF-16 unit too), and the page still shows what was pasted.
	Do(t, tab, chromedp.Click(chromedp.ID("clear")))
	Eval[chromedp.Void](t, tab, `(() => {
		const data = new DataTransfer();
		data.setData("text/plain", "Ana Ruiz said \"\ud800 lone\" in Lisbon \udc00.");
		document.getElementById("editor").dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
	})()`)
	WaitAnnotated(t, tab)
	assert.True(t, Eval[bool](t, tab, `document.getElementById("article").textContent === "Ana Ruiz said \"\ud800 lone\" in Lisbon \udc00."`))
	watch.assertNothingRan(t, tab)
}
