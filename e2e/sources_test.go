//go:build browser

package e2e

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSourceAudit: the summary shows the source audit of the fixture
// article (annotate/testdata/sources-fixture.txt, audited by hand in
// annotate/sources_test.go), and the quotes panel filters by source.
func TestSourceAudit(t *testing.T) {
	b, err := os.ReadFile("../annotate/testdata/sources-fixture.txt")
	require.NoError(t, err)
	_, tab := StartApp(t)
	PasteArticle(t, tab, string(b))

	require.Equal(t, 1, Eval[int](t, tab, `document.querySelectorAll("#summary .audit").length`))
	assert.Equal(t, 3, Eval[int](t, tab, `document.querySelectorAll("#summary .audit-row").length`), "people, quotes and words by gender")
	text := Eval[string](t, tab, `document.querySelector("#summary .audit").textContent`)
	assert.Contains(t, text, "Anonymous: 1 of 5 attributed (20%)")
	assert.Contains(t, text, "3 named · 1 anonymous · 1 organization · 0 document")
	assert.Contains(t, Eval[string](t, tab, `document.querySelector("#summary .audit-row .gbar").getAttribute("aria-label")`), "women 1 (50%)")
	assert.Equal(t, "1", Eval[string](t, tab, `document.querySelectorAll("#summary .stat dd")[3].textContent`), "the anonymous count is the audit's")

	shown := func(filter string) int {
		return Eval[int](t, tab, `(() => {
			const s = document.querySelector("#list-quote .quote-filter");
			s.value = `+JS(filter)+`;
			s.dispatchEvent(new Event("change"));
			return document.querySelectorAll("#list-quote .item-quote:not([hidden])").length;
		})()`)
	}
	assert.Equal(t, 2, shown("female"))
	assert.Equal(t, 1, shown("male"))
	assert.Equal(t, 1, shown("anonymous"))
	assert.Equal(t, 5, shown(""))
}
