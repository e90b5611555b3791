//go:build browser

package e2e

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
	"lede/server"
)

// Embedding in a CMS, in real Chromium: the <lede-annotator> example page,
// the module API (same- and cross-origin) and the iframe mode's origin
// checks. Lede is served by the real handler from dist/; the "CMS" is a
// second local server, so it is a different origin.

// embedTexts are fixture articles of our own.
var embedTexts = []string{
	`Mayor Ada Brightwater opened the Kestrel Bridge in Harbourton on Tuesday. "It belongs to everyone who waited," Brightwater said.`,
	`The Northern Transit Authority said ferries between Port Alys and Harbourton would stop in March.`,
	`"We will keep asking questions," said councillor Tomas Ferreira, who wants an inquiry by the Audit Office in Lisbon.`,
}

// cmsPage is the blank page of the embedding site.
const cmsPage = `<!doctype html><meta charset="utf-8"><title>CMS</title><body></body>`

// ledeServer serves dist/ through the real handler with cfg.
func ledeServer(t *testing.T, cfg server.Config) *httptest.Server {
	t.Helper()
	_, err := os.Stat(distDir + "/lede-annotator.js")
	require.NoError(t, err, "run make dist first")
	cfg.Dist = os.DirFS(distDir)
	srv := httptest.NewServer(server.New(cfg))
	t.Cleanup(srv.Close)
	return srv
}

// cmsServer is another origin with one blank page.
func cmsServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(cmsPage))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// wantDoc is the document the Go library gives for text: what every
// embedding must return unchanged.
func wantDoc(text string, opts ...annotate.Option) string {
	return string(annotate.Annotate(text, opts...).AppendJSON(nil))
}

// piece is one text node of the component's text, at UTF-16 offsets, with
// the layers of the highlights around it.
type piece struct {
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Classes []string `json:"classes"`
}

// highlighted reports whether every piece within [start, end) is a mark of class.
func highlighted(pieces []piece, start, end int, class string) bool {
	covered := start
	for _, p := range pieces {
		if p.End <= start || p.Start >= end {
			continue
		}
		if p.Start > covered || !slices.Contains(p.Classes, class) {
			return false
		}
		covered = p.End
	}
	return covered >= end
}

// componentState is what the test reads back from the example page.
type componentState struct {
	Source  string   `json:"source"`
	Shown   string   `json:"shown"`
	Pieces  []piece  `json:"pieces"`
	Kinds   []string `json:"kinds"`
	Doc     string   `json:"doc"`
	Summary string   `json:"summary"`
}

const readComponent = `(() => {
  const el = document.querySelector("lede-annotator");
  const text = el.shadowRoot.querySelector(".text");
  // The layers of a highlight element: its hl-<layer> classes.
  const layersOf = (n) => (n.classList ? [...n.classList].filter((c) => c.startsWith("hl-")).map((c) => c.slice(3)) : []);
  // Each text node is a piece, with the layers of every highlight around it.
  const pieces = [];
  let at = 0;
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const classes = [];
    for (let p = n.parentElement; p && p !== text; p = p.parentElement) classes.push(...layersOf(p));
    pieces.push({ start: at, end: at + n.data.length, classes });
    at += n.data.length;
  }
  return {
    source: document.getElementById("body").value,
    shown: text.textContent,
    pieces,
    kinds: [...new Set([...text.querySelectorAll(".hl")].flatMap(layersOf))].sort(),
    doc: el.result ? JSON.stringify(el.result) : "",
    summary: document.getElementById("lede-summary").textContent,
  };
})()`

func TestEmbedExamplePageHighlightsTheArticle(t *testing.T) {
	lede := ledeServer(t, server.Config{})
	tab := NewTab(t)
	Do(t, tab, chromedp.Navigate(lede.URL+"/examples/"))
	WaitFor(t, tab, `document.querySelector("lede-annotator")?.result`, 30*time.Second)
	state := Eval[componentState](t, tab, readComponent)
	SaveScreenshot(t, tab, "embed-example")

	assert.Equal(t, state.Source, state.Shown, "the component shows the article's text exactly")
	assert.JSONEq(t, wantDoc(state.Source), state.Doc, "the component's document is the library's")
	var doc annotate.Document
	require.NoError(t, json.Unmarshal([]byte(state.Doc), &doc))
	require.NotEmpty(t, doc.Entities)
	require.NotEmpty(t, doc.Quotes)
	assert.Contains(t, state.Kinds, "quote")
	assert.Contains(t, state.Kinds, doc.Entities[0].Type.String())
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			assert.True(t, highlighted(state.Pieces, m.Start, m.End, e.Type.String()), "mention %q of %s is highlighted as a %s", m.Text, e.Name, e.Type)
		}
	}
	assert.Contains(t, state.Summary, "quotes", "the page got the lede-annotated event")

	// An edit in the CMS field is annotated again, without a reload.
	const added = "\n\nLater, Governor Miriam Okafor visited Port Alys."
	Eval[chromedp.Void](t, tab, `(() => {
      const body = document.getElementById("body");
      body.value += `+JS(added)+`;
      body.dispatchEvent(new Event("input", {bubbles: true}));
    })()`)
	WaitFor(t, tab, `document.querySelector("lede-annotator").shadowRoot.querySelector(".text").textContent.endsWith("Port Alys.")`, 20*time.Second)
	edited := Eval[componentState](t, tab, readComponent)
	assert.Equal(t, edited.Source, edited.Shown)
	assert.JSONEq(t, wantDoc(edited.Source), edited.Doc)
}

// moduleResult is what the module API returned for embedTexts.
type moduleResult struct {
	Docs      []json.RawMessage `json:"docs"`
	TypeError string            `json:"typeError"`
}

func TestEmbedModuleAPI(t *testing.T) {
	lede := ledeServer(t, server.Config{})
	cms := cmsServer(t)
	browser := NewTab(t)
	// Three overlapping calls with different options must each get their own answer.
	call := `(async () => {
      const { annotate } = await import(` + "`${LEDE}/lede.js`" + `);
      const texts = ` + JS(embedTexts) + `;
      const docs = await Promise.all([
        annotate(texts[0]),
        annotate(texts[1], { offsets: "byte", layers: ["entities"] }),
        annotate(texts[2], { layers: ["quotes"] }),
      ]);
      let typeError = "";
      try { await annotate(42); } catch (err) { typeError = err.name; }
      return { docs, typeError };
    })()`
	want := []string{
		wantDoc(embedTexts[0]),
		wantDoc(embedTexts[1], annotate.WithOffsets(annotate.Bytes), annotate.WithLayers(annotate.Layers{Entities: true})),
		wantDoc(embedTexts[2], annotate.WithLayers(annotate.Layers{Quotes: true})),
	}
	for _, tt := range []struct{ name, page string }{
		{"same origin", lede.URL + "/examples/"},
		{"cross origin", cms.URL + "/"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tab, cancel := chromedp.NewContext(browser)
			defer cancel()
			Do(t, tab, chromedp.Navigate(tt.page))
			got := Eval[moduleResult](t, tab, "const LEDE = "+JS(lede.URL)+";"+call)
			require.Len(t, got.Docs, len(want))
			for i := range want {
				assert.JSONEq(t, want[i], string(got.Docs[i]), "call %d", i)
			}
			assert.Equal(t, "TypeError", got.TypeError)
		})
	}
}

// iframeReply is what the embedding page received from the framed app.
type iframeReply struct {
	Replied bool            `json:"replied"`
	Origin  string          `json:"origin"`
	Type    string          `json:"type"`
	ID      string          `json:"id"`
	Doc     json.RawMessage `json:"doc"`
}

// askFrame frames the Lede app, sends it the first text and waits up to
// two seconds for an answer.
const askFrame = `(async () => {
  const frame = document.createElement("iframe");
  frame.src = LEDE + "/";
  await new Promise((resolve) => { frame.onload = resolve; document.body.append(frame); });
  const answer = new Promise((resolve) => {
    window.addEventListener("message", (e) => {
      if (e.source === frame.contentWindow) resolve({ replied: true, origin: e.origin, type: e.data.type, id: e.data.id, doc: e.data.doc });
    });
    setTimeout(() => resolve({ replied: false }), 2000);
  });
  frame.contentWindow.postMessage({ type: "lede:annotate", id: "a1", text: TEXT, options: { layers: ["entities", "quotes"] } }, LEDE);
  return answer;
})()`

func TestEmbedIframeAnswersOnlyAllowedOrigins(t *testing.T) {
	cms := cmsServer(t)
	browser := NewTab(t)
	for _, tt := range []struct {
		name    string
		allowed []string
		replies bool
	}{
		{"allowed origin", []string{cms.URL}, true},
		{"any origin", []string{"*"}, true},
		{"origin not in the list", []string{"https://cms.example.org"}, false},
		{"no list", nil, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lede := ledeServer(t, server.Config{AllowedOrigins: tt.allowed, FrameAncestors: []string{cms.URL}})
			tab, cancel := chromedp.NewContext(browser)
			defer cancel()
			Do(t, tab, chromedp.Navigate(cms.URL+"/"))
			got := Eval[iframeReply](t, tab, "const LEDE = "+JS(lede.URL)+", TEXT = "+JS(embedTexts[0])+";"+askFrame)
			require.Equal(t, tt.replies, got.Replied)
			if !tt.replies {
				return
			}
			assert.Equal(t, lede.URL, got.Origin)
			assert.Equal(t, "lede:result", got.Type)
			assert.Equal(t, "a1", got.ID)
			assert.JSONEq(t, wantDoc(embedTexts[0], annotate.WithLayers(annotate.Layers{Entities: true, Quotes: true})), string(got.Doc))
		})
	}
}

// childrenResult is what a component annotating its own children showed.
type childrenResult struct {
	Shown string   `json:"shown"`
	Kinds []string `json:"kinds"`
	Doc   string   `json:"doc"`
}

func TestEmbedComponentOnAnotherOriginAnnotatesItsChildren(t *testing.T) {
	lede := ledeServer(t, server.Config{})
	cms := cmsServer(t)
	tab := NewTab(t)
	Do(t, tab, chromedp.Navigate(cms.URL+"/"))
	// What a CMS template does: one script tag, then the element around the article.
	got := Eval[childrenResult](t, tab, `(async () => {
      const script = document.createElement("script");
      script.type = "module";
      script.src = `+JS(lede.URL+"/lede-annotator.js")+`;
      document.head.append(script);
      const el = document.createElement("lede-annotator");
      el.setAttribute("layers", "quotes");
      el.setAttribute("theme", "dark");
      for (const text of `+JS(embedTexts[:2])+`) {
        const p = document.createElement("p");
        p.textContent = "  " + text + "\n ";
        el.append(p);
      }
      const annotated = new Promise((resolve) => el.addEventListener("lede-annotated", (e) => resolve(e.detail)));
      document.body.append(el);
      const doc = await annotated;
      return {
        shown: el.shadowRoot.querySelector(".text").textContent,
        kinds: [...new Set([...el.shadowRoot.querySelectorAll(".hl")].flatMap((m) => [...m.classList].filter((c) => c.startsWith("hl-")).map((c) => c.slice(3))))].sort(),
        doc: JSON.stringify(doc),
      };
    })()`)
	article := embedTexts[0] + "\n\n" + embedTexts[1]
	assert.Equal(t, article, got.Shown, "paragraphs become blank-line separated text")
	assert.JSONEq(t, wantDoc(article, annotate.WithLayers(annotate.Layers{Quotes: true})), got.Doc)
	assert.Equal(t, []string{"quote"}, got.Kinds, "only the chosen layer is highlighted")
}
