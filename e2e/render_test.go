//go:build browser

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNestedHighlights renders overlapping spans through the page's own
// module and checks that every span shows, nested quote → issue → name.
func TestNestedHighlights(t *testing.T) {
	_, tab := StartApp(t)
	const text = "“Trade with Paris helps,” said Marie Curie of Unesco."
	// Offsets are UTF-16 units: “ is one unit.
	doc := map[string]any{
		"entities": []map[string]any{
			{"id": "e1", "type": "place", "name": "Paris", "mentions": []map[string]any{{"start": 12, "end": 17}}},
			{"id": "e2", "type": "person", "name": "Marie Curie", "mentions": []map[string]any{{"start": 31, "end": 42}}},
			{"id": "e3", "type": "organization", "name": "Unesco", "mentions": []map[string]any{{"start": 46, "end": 52}}},
		},
		"quotes": []map[string]any{{"id": "q1", "start": 0, "end": 25, "speaker": map[string]any{"entity": "e2", "name": "Marie Curie"}}},
		// An issue span that crosses the end of the quote.
		"issues": []map[string]any{{"id": "medtop:1", "label": "trade", "score": 0.5, "mentions": []map[string]any{{"start": 1, "end": 6}, {"start": 18, "end": 30}}}},
	}
	type segment struct {
		Text   string   `json:"text"`
		Layers []string `json:"layers"`
	}
	segments := Eval[[]segment](t, tab, `import("./render.js").then(({ renderHighlights }) => import("./layers.js").then(({ spans }) => {
		const text = `+JS(text)+`;
		const box = document.createElement("div");
		box.append(renderHighlights(text, spans(`+JS(doc)+`, text.length)).fragment);
		if (box.textContent !== text) throw new Error("text changed: " + box.textContent);
		const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
		const out = [];
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const layers = [];
			for (let e = n.parentElement; e !== box; e = e.parentElement) if (e.dataset.ref) layers.unshift(e.className.match(/hl-(\w+)/)[1]);
			out.push({ text: n.data, layers });
		}
		return out;
	}))`)
	assert.Equal(t, []segment{
		{"“", []string{"quote"}},
		{"Trade", []string{"quote", "issue"}},
		{" with ", []string{"quote"}},
		{"Paris", []string{"quote", "place"}},
		{" ", []string{"quote"}},
		{"helps,”", []string{"quote", "issue"}},
		{" said", []string{"issue"}},
		{" ", []string{}},
		{"Marie Curie", []string{"person"}},
		{" of ", []string{}},
		{"Unesco", []string{"organization"}},
		{".", []string{}},
	}, segments)
}
