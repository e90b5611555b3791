//go:build browser

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/bench/corpus"
	"lede/internal/testshared"
)

// Performance of the built app in headless Chromium, served by the real
// handler from a local server: how soon after navigation the page is ready
// to annotate (its worker has loaded the wasm; the page measures it itself,
// see OpenApp), what the server sent until then, and how long a worker takes
// to annotate the seed article and a 1 MB text, round trip included.
// scripts/bench.sh reads the numbers from LEDE_BENCH_OUT.

// readyBudgetMs is issue 8's target for a local server.
const readyBudgetMs = 500

// coldLoads is how many first visits are timed. Each runs in a fresh
// browser context (its own empty cache, storage and service workers) of a
// browser that is already running, as a reader's browser is: a browser
// launched just before the navigation spends its first second starting up on
// the same two cores, and that is not the page's cost.
const coldLoads = 5

// timeAnnotations starts its own worker with the page's protocol, then times
// round trips (post the text, receive the document) on each bench text.
const timeAnnotations = `(async () => {
  const worker = new Worker("worker.js");
  await new Promise((resolve, reject) => worker.addEventListener("message", (e) => {
    if (e.data?.type === "ready") resolve();
    if (e.data?.type === "error" && e.data.id === undefined) reject(new Error(e.data.message));
  }));
  let lastId = 0;
  const roundTrip = (text) => new Promise((resolve, reject) => {
    const id = ++lastId;
    const start = performance.now();
    const onMessage = (e) => {
      if (e.data?.id !== id) return;
      worker.removeEventListener("message", onMessage);
      if (e.data.type === "result") resolve(performance.now() - start);
      else reject(new Error(e.data.message));
    };
    worker.addEventListener("message", onMessage);
    worker.postMessage({ id, text, options: {} });
  });
  const median = async (text, runs) => {
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await roundTrip(text));
    times.sort((a, b) => a - b);
    return times[runs >> 1];
  };
  const seed = %s;
  const text1MB = %s;
  await roundTrip(seed); // warm-up, as an editor's second paste
  const result = {
    annotateSeedMs: await median(seed, 5),
    annotate1MBMs: await median(text1MB, 3),
    text1MBBytes: new TextEncoder().encode(text1MB).length,
  };
  worker.terminate();
  return result;
})()`

// perfResult is what scripts/bench.sh reads from LEDE_BENCH_OUT/browser.json.
type perfResult struct {
	Browser        string  `json:"browser"`
	ReadyMs        float64 `json:"readyMs"`
	TransferBytes  int64   `json:"transferBytes"`
	AnnotateSeedMs float64 `json:"annotateSeedMs,omitempty"`
	Annotate1MBMs  float64 `json:"annotate1MBMs,omitempty"`
	Text1MBBytes   int64   `json:"text1MBBytes,omitempty"`
}

func TestPerfReadyAndAnnotate(t *testing.T) {
	srv := ServeDist(t)
	transferred := new(atomic.Int64)
	srv.Config.Handler = countBytes(srv.Config.Handler, transferred)

	var result perfResult
	var readies []float64
	var transfers []int64
	browserTab := NewTab(t)
	// One load outside the count lets the browser finish starting up.
	warm, closeWarm := chromedp.NewContext(browserTab, chromedp.WithNewBrowserContext())
	OpenApp(t, warm, srv.URL)
	closeWarm()
	var tab context.Context
	for i := range coldLoads {
		// After "ready" a page keeps working (the worker warms up, the
		// service worker caches the app): each load closes before the next.
		var closeTab context.CancelFunc
		tab, closeTab = chromedp.NewContext(browserTab, chromedp.WithNewBrowserContext())
		transferred.Store(0)
		readies = append(readies, float64(OpenApp(t, tab, srv.URL)))
		transfers = append(transfers, transferred.Load())
		if i < coldLoads-1 {
			closeTab()
		} else {
			t.Cleanup(closeTab)
		}
	}
	result.ReadyMs = median(readies)
	result.TransferBytes = median(transfers)
	version, err := chromedp.CallBrowser(tab, browser.GetVersion, cdp.Empty{})
	require.NoError(t, err)
	result.Browser = version.Product
	t.Logf("ready %.0f ms after navigation (median of %v), %d bytes sent until then", result.ReadyMs, readies, result.TransferBytes)

	if seed, text1MB, ok := perfTexts(t); ok {
		timed := Eval[perfResult](t, tab, fmt.Sprintf(timeAnnotations, JS(seed), JS(text1MB)))
		result.AnnotateSeedMs, result.Annotate1MBMs, result.Text1MBBytes = timed.AnnotateSeedMs, timed.Annotate1MBMs, timed.Text1MBBytes
		t.Logf("worker round trip: seed article %.1f ms, 1 MB %.0f ms", result.AnnotateSeedMs, result.Annotate1MBMs)
	} else {
		t.Log("../shared is absent: annotation times in the browser are not measured")
	}
	writeBenchResult(t, "browser.json", result)
	// The budget is checked on the fastest cold load: other jobs on a shared
	// machine only ever slow a load down, so the fastest one is the page's
	// own cost. The table reports the median.
	assert.LessOrEqual(t, slices.Min(readies), float64(readyBudgetMs), "the page must be ready to annotate within %d ms of navigation", readyBudgetMs)
}

// perfTexts returns the seed article and a 1 MB news text, or ok=false when
// ../shared is absent.
func perfTexts(t *testing.T) (seed, text1MB string, ok bool) {
	t.Helper()
	shared, ok := testshared.Dir()
	if !ok {
		return "", "", false
	}
	text1MB, err := corpus.Text(shared, 1<<20)
	require.NoError(t, err)
	return testshared.Seed(t), text1MB, true
}

// countBytes counts the body bytes the app's server sends.
func countBytes(h http.Handler, n *atomic.Int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(countingWriter{w, n}, r)
	})
}

type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (w countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n.Add(int64(n))
	return n, err
}

func median[T int64 | float64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
