//go:build browser

package e2e

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/server"
)

// A reload right after a paste, before the delayed save, keeps the article.
func TestReloadRightAfterAPasteKeepsTheArticle(t *testing.T) {
	seed := SeedArticle(t)
	srv, tab := StartApp(t)
	Paste(t, tab, "#editor", seed, "")
	OpenApp(t, tab, srv.URL)
	WaitAnnotated(t, tab)
	assert.Equal(t, seed, Eval[string](t, tab, `document.getElementById("article").textContent`))
}

func TestReloadRestoresArticleAndLayers(t *testing.T) {
	seed := SeedArticle(t)
	srv, tab := StartApp(t)
	PasteArticle(t, tab, seed)
	Do(t, tab, chromedp.Click(chromedp.CSS(`#legend .layer-place`)))
	// The article is saved shortly after it changes.
	WaitFor(t, tab, `localStorage.getItem("lede.article") !== null`, 5*time.Second)

	OpenApp(t, tab, srv.URL)
	WaitAnnotated(t, tab)
	assert.Equal(t, seed, Eval[string](t, tab, `document.getElementById("article").textContent`))
	assert.True(t, Eval[bool](t, tab, `document.getElementById("article").classList.contains("hide-place")`), "the hidden layer stays hidden")
	assert.Equal(t, "false", Eval[string](t, tab, `document.querySelector("#legend .layer-place").getAttribute("aria-pressed")`))

	Do(t, tab, chromedp.Click(chromedp.ID("clear")))
	time.Sleep(time.Second) // past the delayed save
	OpenApp(t, tab, srv.URL)
	assert.Empty(t, Eval[string](t, tab, `document.getElementById("editor").value`))
	assert.Equal(t, 0, Eval[int](t, tab, `localStorage.length`))
	assert.False(t, Eval[bool](t, tab, `document.getElementById("editor").hidden`))
}

// goOffline cuts the tab (service worker included) off the network.
func goOffline(t testing.TB, tab context.Context) {
	t.Helper()
	_, err := chromedp.Call(tab, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	_, err = chromedp.Call(tab, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: new(true),
		MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
	})
	require.NoError(t, err)
	_, err = chromedp.Call(tab, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
	require.NoError(t, err)
}

// TestWorksOffline checks the app is installable, then cuts the network and
// the server and annotates from the service worker's cache.
func TestWorksOffline(t *testing.T) {
	seed := SeedArticle(t)
	srv, tab := StartApp(t)
	WaitFor(t, tab, `navigator.serviceWorker.controller !== null`, 20*time.Second)
	cached := Eval[[]string](t, tab, `caches.keys()`)
	require.Len(t, cached, 1)
	assert.Regexp(t, `^lede-[0-9a-f]{12}$`, cached[0], "the cache is versioned by content hash")

	installable, err := chromedp.Call(tab, page.GetInstallabilityErrors, cdp.Empty{})
	require.NoError(t, err)
	for _, e := range installable.InstallabilityErrors {
		t.Errorf("not installable: %s %v", e.ErrorID, e.ErrorArguments)
	}

	goOffline(t, tab)
	srv.Close() // and the server is gone too
	OpenApp(t, tab, srv.URL)
	assert.False(t, Eval[bool](t, tab, `navigator.onLine`))
	PasteArticle(t, tab, seed)
	assert.NotEmpty(t, highlightTexts(t, tab, "person"), "annotated offline")
}

// TestServiceWorkerUpdateReplacesItsCache serves a copy of dist/, then
// changes it as a new build would: the new worker takes over and the old
// cache is deleted.
func TestServiceWorkerUpdateReplacesItsCache(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS("../dist")))
	srv := httptest.NewServer(server.New(server.Config{Dist: os.DirFS(dir)}))
	t.Cleanup(srv.Close)
	tab := NewTab(t)
	OpenApp(t, tab, srv.URL)
	WaitFor(t, tab, `navigator.serviceWorker.controller !== null`, 20*time.Second)
	before := Eval[[]string](t, tab, `caches.keys()`)
	require.Len(t, before, 1)

	sw := filepath.Join(dir, "sw.js")
	for _, name := range []string{sw + ".br", sw + ".gz"} {
		require.NoError(t, os.Remove(name))
	}
	b, err := os.ReadFile(sw)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(sw, []byte(strings.Replace(string(b), before[0], "lede-0123456789ab", 1)), 0o644))
	Eval[chromedp.Void](t, tab, `navigator.serviceWorker.getRegistration().then((r) => r.update())`)
	WaitForPromise(t, tab, `caches.keys().then((keys) => keys.join() === "lede-0123456789ab")`, 20*time.Second)
}
