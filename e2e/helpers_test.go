//go:build browser

// Package e2e drives the built app (dist/) in headless Chromium. Run it with
// `make test-browser`, which builds dist/ and installs Chromium first.
//
// The helpers in this file are shared by every browser test in the package
// (the page, the JS embedding API, the iframe mode): start a browser, serve
// dist/, paste text, wait for the page's state, save screenshots.
package e2e

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"lede/internal/testshared"
	"lede/server"
)

// ArtifactsDir holds screenshots and other outputs to look at (git-ignored).
const ArtifactsDir = "../testdata-artifacts"

// TabTimeout bounds one test's browser work.
const TabTimeout = 90 * time.Second

// SeedArticle returns the seed article; it skips only when ../shared is absent.
func SeedArticle(t testing.TB) string {
	t.Helper()
	return testshared.Seed(t)
}

// ServeDist serves the built app through the real handler (security headers
// and all) and stops it when the test ends.
func ServeDist(t testing.TB) *httptest.Server {
	t.Helper()
	dist, err := filepath.Abs("../dist")
	require.NoError(t, err)
	if _, err := os.Stat(filepath.Join(dist, "lede.wasm")); err != nil {
		t.Fatalf("dist/ is not built: run `make dist` (or `make test-browser`): %v", err)
	}
	srv := httptest.NewServer(server.New(server.Config{Dist: os.DirFS(dist)}))
	t.Cleanup(srv.Close)
	return srv
}

// chromiumPath finds Chromium. Browser tests never skip under CI=true.
func chromiumPath(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium is missing: run `make chromium`")
	}
	t.Skip("Chromium is missing: run `make chromium` (scripts/ensure-chromium.sh)")
	return ""
}

// NewTab starts a fresh headless Chromium (its own empty profile, so no
// storage or service worker leaks between tests) and returns its tab. The
// tab prefers reduced motion: selections then scroll at once rather than
// smoothly, so a click that follows one lands where the element is, however
// loaded the machine (a smooth scroll still moving made such clicks flaky).
func NewTab(t testing.TB) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.WindowSize(1360, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), TabTimeout)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	tab, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(cancelTab)
	require.NoError(t, chromedp.Do(tab, chromedp.Navigate("about:blank")))
	_, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
	})
	require.NoError(t, err)
	return tab
}

// Do runs browser actions and fails the test on error.
func Do(t testing.TB, tab context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	require.NoError(t, chromedp.Do(tab, steps...))
}

// Eval evaluates a JavaScript expression (awaiting a promise) and decodes
// its value into T.
func Eval[T any](t testing.TB, tab context.Context, expression string) T {
	t.Helper()
	v, err := chromedp.Run(tab, chromedp.Evaluate[T](expression, chromedp.EvalAwaitPromise))
	require.NoError(t, err, expression)
	return v
}

// WaitFor polls a JavaScript expression until it is truthy.
func WaitFor(t testing.TB, tab context.Context, expression string, timeout time.Duration) {
	t.Helper()
	_, err := chromedp.Run(tab, chromedp.Poll[chromedp.Void](expression,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
	if err != nil {
		// What the page says of itself, so a failure in CI explains itself.
		page, _ := chromedp.Run(tab, chromedp.Evaluate[string](`location.href + " state=" + document.body?.dataset.state + " status=" + JSON.stringify(document.getElementById("status")?.textContent ?? null)`))
		require.NoError(t, err, "waiting for %s (page: %s)", expression, page)
	}
}

// WaitForPromise evaluates an expression that returns a promise until the
// promise resolves to true (Poll cannot wait on promises).
func WaitForPromise(t testing.TB, tab context.Context, expression string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !Eval[bool](t, tab, expression) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, expression)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// JS encodes v as a JavaScript literal, to splice values into expressions.
func JS(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// StartApp serves dist/, opens it in a fresh browser and waits until the
// annotator is ready: the start of most page tests.
func StartApp(t testing.TB) (*httptest.Server, context.Context) {
	t.Helper()
	srv := ServeDist(t)
	tab := NewTab(t)
	OpenApp(t, tab, srv.URL)
	return srv, tab
}

// OpenApp loads the page and waits until the annotator is ready; it returns
// the time to ready measured by the page (ms since navigation start).
func OpenApp(t testing.TB, tab context.Context, url string) int {
	t.Helper()
	Do(t, tab, chromedp.Navigate(url))
	WaitFor(t, tab, `document.body.dataset.readyMs`, 30*time.Second)
	return Eval[int](t, tab, `Number(document.body.dataset.readyMs)`)
}

// Paste dispatches a paste of text (and optional HTML) on the element that
// matches selector, as a user's Ctrl+V would.
func Paste(t testing.TB, tab context.Context, selector, text, html string) {
	t.Helper()
	Eval[chromedp.Void](t, tab, `(() => {
		const el = document.querySelector(`+JS(selector)+`);
		el.focus();
		const data = new DataTransfer();
		data.setData("text/plain", `+JS(text)+`);
		if (`+JS(html)+`) data.setData("text/html", `+JS(html)+`);
		el.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
	})()`)
}

// PasteArticle pastes text into the empty editor and waits for the result.
func PasteArticle(t testing.TB, tab context.Context, text string) {
	t.Helper()
	Paste(t, tab, "#editor", text, "")
	WaitAnnotated(t, tab)
}

// WaitAnnotated waits until the page shows an annotation of its current text.
func WaitAnnotated(t testing.TB, tab context.Context) {
	t.Helper()
	WaitFor(t, tab, `document.body.dataset.state === "annotated"`, 30*time.Second)
}

// SetColorScheme switches prefers-color-scheme to "light" or "dark".
func SetColorScheme(t testing.TB, tab context.Context, scheme string) {
	t.Helper()
	_, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	require.NoError(t, err)
}

// SaveScreenshot writes a full-page PNG into ArtifactsDir and returns its path.
func SaveScreenshot(t testing.TB, tab context.Context, name string) string {
	t.Helper()
	return saveShot(t, tab, chromedp.FullScreenshot(100), name)
}

// saveShot runs a screenshot action and writes its PNG into ArtifactsDir.
func saveShot(t testing.TB, tab context.Context, shot chromedp.Action[[]byte], name string) string {
	t.Helper()
	png, err := chromedp.Run(tab, shot)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(ArtifactsDir, 0o755))
	path := filepath.Join(ArtifactsDir, name+".png")
	require.NoError(t, os.WriteFile(path, png, 0o644))
	t.Logf("screenshot: %s", path)
	return path
}
