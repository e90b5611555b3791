//go:build browser

package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
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

func embedBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	require.NoError(t, chromedp.Do(ctx), "starting Chromium")
	return ctx
}

// wantDoc is the document the Go library gives for text: what every
// embedding must return unchanged.
func wantDoc(text string, opts ...annotate.Option) string {
	return string(annotate.Annotate(text, opts...).AppendJSON(nil))
}

// componentState is what the test reads back from the example page.
type componentState struct {
	Source  string   `json:"source"`
	Shown   string   `json:"shown"`
	Marks   []string `json:"marks"`
	Kinds   []string `json:"kinds"`
	Doc     string   `json:"doc"`
	Summary string   `json:"summary"`
}

const readComponent = `(() => {
  const el = document.querySelector("lede-annotator");
  const marks = [...el.shadowRoot.querySelectorAll("mark")];
  return {
    source: document.getElementById("body").value,
    shown: el.shadowRoot.querySelector(".text").textContent,
    marks: marks.map((m) => m.textContent),
    kinds: [...new Set(marks.flatMap((m) => [...m.classList]))].sort(),
    doc: el.result ? JSON.stringify(el.result) : "",
    summary: document.getElementById("lede-summary").textContent,
  };
})()`

func TestEmbedExamplePageHighlightsTheArticle(t *testing.T) {
	lede := ledeServer(t, server.Config{})
	ctx := embedBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(lede.URL+"/examples/")))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!document.querySelector("lede-annotator")?.result`,
		chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the component never annotated the example article")
	state, err := chromedp.Run(ctx, chromedp.Evaluate[componentState](readComponent))
	require.NoError(t, err)

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
			assert.Contains(t, state.Marks, m.Text, "mention %q of %s is highlighted", m.Text, e.Name)
		}
	}
	assert.Contains(t, state.Summary, "quotes", "the page got the lede-annotated event")

	// An edit in the CMS field is annotated again, without a reload.
	const added = "\n\nLater, Governor Miriam Okafor visited Port Alys."
	_, err = chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`(() => {
      const body = document.getElementById("body");
      body.value += `+jsonQuote(added)+`;
      body.dispatchEvent(new Event("input", {bubbles: true}));
    })()`))
	require.NoError(t, err)
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("lede-annotator").shadowRoot.querySelector(".text").textContent.endsWith("Port Alys.")`,
		chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "the component did not follow the edit")
	edited, err := chromedp.Run(ctx, chromedp.Evaluate[componentState](readComponent))
	require.NoError(t, err)
	assert.Equal(t, edited.Source, edited.Shown)
	assert.JSONEq(t, wantDoc(edited.Source), edited.Doc)
}

func jsonQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// moduleResult is what the module API returned for embedTexts.
type moduleResult struct {
	Docs      []json.RawMessage `json:"docs"`
	TypeError string            `json:"typeError"`
}

func TestEmbedModuleAPI(t *testing.T) {
	lede := ledeServer(t, server.Config{})
	cms := cmsServer(t)
	ctx := embedBrowser(t)
	texts, err := json.Marshal(embedTexts)
	require.NoError(t, err)
	// Three overlapping calls with different options must each get their own answer.
	call := `(async () => {
      const { annotate } = await import(` + "`${LEDE}/lede.js`" + `);
      const texts = ` + string(texts) + `;
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
			tab, cancel := chromedp.NewContext(ctx)
			defer cancel()
			require.NoError(t, chromedp.Do(tab, chromedp.Navigate(tt.page)))
			got, err := chromedp.Run(tab, chromedp.Evaluate[moduleResult](
				"const LEDE = "+jsonQuote(lede.URL)+";"+call, chromedp.EvalAwaitPromise))
			require.NoError(t, err)
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
// three seconds for an answer.
const askFrame = `(async () => {
  const frame = document.createElement("iframe");
  frame.src = LEDE + "/";
  await new Promise((resolve) => { frame.onload = resolve; document.body.append(frame); });
  const answer = new Promise((resolve) => {
    window.addEventListener("message", (e) => {
      if (e.source === frame.contentWindow) resolve({ replied: true, origin: e.origin, type: e.data.type, id: e.data.id, doc: e.data.doc });
    });
    setTimeout(() => resolve({ replied: false }), 3000);
  });
  frame.contentWindow.postMessage({ type: "lede:annotate", id: "a1", text: TEXT, options: { layers: ["entities", "quotes"] } }, LEDE);
  return answer;
})()`

func TestEmbedIframeAnswersOnlyAllowedOrigins(t *testing.T) {
	cms := cmsServer(t)
	ctx := embedBrowser(t)
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
			tab, cancel := chromedp.NewContext(ctx)
			defer cancel()
			require.NoError(t, chromedp.Do(tab, chromedp.Navigate(cms.URL+"/")))
			got, err := chromedp.Run(tab, chromedp.Evaluate[iframeReply](
				"const LEDE = "+jsonQuote(lede.URL)+", TEXT = "+jsonQuote(embedTexts[0])+";"+askFrame, chromedp.EvalAwaitPromise))
			require.NoError(t, err)
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
