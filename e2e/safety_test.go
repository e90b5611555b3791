//go:build browser

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPastedMarkupNeverRuns pastes script and event-handler markup, as plain
// text and as rich text, and checks that none of it executes or renders.
func TestPastedMarkupNeverRuns(t *testing.T) {
	_, tab := StartApp(t)
	const payload = `Mayor Ana Ruiz said "<script>window.__pwned = "script"</script> and <img src=x onerror="window.__pwned = 'img'"> are text" in Lisbon.`
	Paste(t, tab, "#editor", payload, "")
	WaitAnnotated(t, tab)
	assert.Equal(t, payload, Eval[string](t, tab, `document.getElementById("article").textContent`), "markup is shown as text")

	Do(t, tab, chromedp.Click(chromedp.ID("clear")))
	html := `<p>First <b>bold</b> paragraph.</p><script>window.__pwned = "rich script"</script><img src="x" onerror="window.__pwned = 'rich img'"><p>Second <a href="javascript:window.__pwned='link'">link</a>.</p>`
	Paste(t, tab, "#editor", "First bold paragraph.", html)
	WaitAnnotated(t, tab)
	time.Sleep(300 * time.Millisecond) // give a failing image load the time to fire
	assert.Equal(t, "First bold paragraph.\n\nSecond link.", Eval[string](t, tab, `document.getElementById("article").textContent`), "rich text keeps its paragraphs, not its markup")
	assert.Equal(t, "undefined", Eval[string](t, tab, `typeof window.__pwned`))
	assert.Zero(t, Eval[int](t, tab, `document.querySelectorAll("#article *:not(.hl, .block)").length`), "no element but highlights in the article")
	assert.Equal(t, 1, Eval[int](t, tab, `document.images.length`), "only the logo")
}

// TestTooLongTextIsRefused pastes more than the size limit: the page says so
// and stays responsive.
func TestTooLongTextIsRefused(t *testing.T) {
	_, tab := StartApp(t)
	Eval[chromedp.Void](t, tab, `(() => {
		const data = new DataTransfer();
		data.setData("text/plain", "Lorem ipsum dolor sit amet. ".repeat(200000));
		document.getElementById("editor").dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
	})()`)
	WaitFor(t, tab, `document.body.dataset.state === "error"`, 10*time.Second)
	status := Eval[string](t, tab, `document.getElementById("status").textContent`)
	assert.True(t, strings.Contains(status, "annotates up to"), status)
	assert.Empty(t, Eval[string](t, tab, `document.getElementById("editor").value`), "the text is refused, not half-loaded")
	assert.Equal(t, 2, Eval[int](t, tab, `1 + 1`), "the page still answers")
}

// TestOpenFileReducesMarkupToText opens an .html file: its paragraphs become
// text, its scripts and images are dropped unrun.
func TestOpenFileReducesMarkupToText(t *testing.T) {
	_, tab := StartApp(t)
	file := filepath.Join(t.TempDir(), "story.html")
	html := `<html><head><title>Not text</title><script>window.__pwned = 1</script></head><body>
<h1>Harbour reopens</h1><p>The mayor, Jo Lind, said the <em>harbour</em> reopens.</p><img src=x onerror="window.__pwned = 2"><p>Ships wait.</p></body></html>`
	require.NoError(t, os.WriteFile(file, []byte(html), 0o644))
	Do(t, tab, chromedp.SetUploadFiles(chromedp.ID("file-input"), []string{file}))
	WaitAnnotated(t, tab)
	assert.Equal(t, "Harbour reopens\n\nThe mayor, Jo Lind, said the harbour reopens.\n\nShips wait.", Eval[string](t, tab, `document.getElementById("article").textContent`))
	assert.Equal(t, "undefined", Eval[string](t, tab, `typeof window.__pwned`))
}
