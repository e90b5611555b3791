//go:build browser

package e2e

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
	"lede/server"
)

// The lexicon attribute of <lede-annotator> and the lexicon option of the JS
// module give the library's WithNewsroom document.
func TestEmbedLexicon(t *testing.T) {
	lede := ledeServer(t, server.Config{})
	tab := NewTab(t)
	Do(t, tab, chromedp.Navigate(lede.URL+"/examples/"))
	WaitFor(t, tab, `document.querySelector("lede-annotator")?.result`, 30*time.Second)
	before := Eval[componentState](t, tab, readComponent)
	var doc annotate.Document
	require.NoError(t, json.Unmarshal([]byte(before.Doc), &doc))
	require.NotEmpty(t, doc.Entities)
	first := doc.Entities[0]
	other := map[annotate.EntityType]string{annotate.Person: "place", annotate.Place: "organization", annotate.Organization: "person"}[first.Type]
	lex := annotate.NewsroomLexicon{Entities: []annotate.NewsroomEntry{{Name: first.Mentions[0].Text, Type: other}}}
	if len(doc.Entities) > 1 {
		lex.Ignore = []string{doc.Entities[1].Mentions[0].Text}
	}
	news, err := annotate.NewNewsroom(lex)
	require.NoError(t, err)
	lexJSON, err := json.Marshal(lex)
	require.NoError(t, err)

	Eval[chromedp.Void](t, tab, `document.querySelector("lede-annotator").setAttribute("lexicon", `+JS(string(lexJSON))+`)`)
	WaitFor(t, tab, `document.querySelector("lede-annotator").result.entities.some((e) => e.type === `+JS(other)+` && e.mentions.some((m) => m.text === `+JS(first.Mentions[0].Text)+`))`, 20*time.Second)
	after := Eval[componentState](t, tab, readComponent)
	assert.JSONEq(t, wantDoc(after.Source, annotate.WithNewsroom(news)), after.Doc)
	assert.NotEqual(t, before.Doc, after.Doc)

	viaModule := Eval[string](t, tab, `import("/lede.js").then(async (m) => JSON.stringify(await m.annotate(`+JS(after.Source)+`, {lexicon: `+string(lexJSON)+`})))`)
	assert.JSONEq(t, after.Doc, viaModule)

	// A bad lexicon is reported, not thrown.
	Eval[chromedp.Void](t, tab, `document.querySelector("lede-annotator").setAttribute("lexicon", "{")`)
	WaitFor(t, tab, `document.querySelector("lede-annotator").shadowRoot.querySelector(".status").textContent.includes("lexicon")`, 20*time.Second)
}
