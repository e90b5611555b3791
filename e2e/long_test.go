//go:build browser

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestLongTexts pastes a long article and a 100,000-character line: a
// progress bar shows while the worker runs, the page keeps answering, and
// the text is shown exactly.
func TestLongTexts(t *testing.T) {
	seed := SeedArticle(t)
	_, tab := StartApp(t)

	long := strings.Repeat(seed+"\n", 150) // about 500 kB
	Eval[bool](t, tab, `(window.progressSeen = false, new MutationObserver(() => {
		if (!document.getElementById("progress").hidden) window.progressSeen = true;
	}).observe(document.getElementById("progress"), { attributes: true }), true)`)
	Paste(t, tab, "#editor", long, "")
	WaitAnnotated(t, tab)
	assert.True(t, Eval[bool](t, tab, `window.progressSeen`), "a progress bar showed")
	assert.Equal(t, len(long), Eval[int](t, tab, `document.getElementById("article").textContent.length`))

	Eval[bool](t, tab, `(document.getElementById("clear").click(), true)`)
	line := strings.Repeat("Officials in Lisbon met again. ", 100_000/31+1)[:100_000]
	start := time.Now()
	Paste(t, tab, "#editor", line, "")
	WaitAnnotated(t, tab)
	t.Logf("a 100,000-character line: annotated and shown in %v", time.Since(start).Round(time.Millisecond))
	assert.Equal(t, line, Eval[string](t, tab, `document.getElementById("article").textContent`))
}
