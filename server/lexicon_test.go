package server

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
)

// The API option lexicon is the library's WithNewsroom, and a bad lexicon is
// the client's mistake, reported as such.
func TestAnnotateWithALexicon(t *testing.T) {
	lex := annotate.NewsroomLexicon{
		Entities: []annotate.NewsroomEntry{{Name: "Brightwater", Type: "place"}},
		Ignore:   []string{"Lisbon"},
	}
	body, err := json.Marshal(map[string]any{"text": fixture, "options": map[string]any{"lexicon": lex}})
	require.NoError(t, err)
	w := do(t, testHandler(), request{method: "POST", path: "/api/annotate", contentType: "application/json", body: string(body)})
	require.Equal(t, 200, w.Code, w.Body.String())
	news, err := annotate.NewNewsroom(lex)
	require.NoError(t, err)
	want := annotate.Annotate(fixture, annotate.WithNewsroom(news)).AppendJSON(nil)
	assert.JSONEq(t, string(want), w.Body.String())
	assert.NotContains(t, w.Body.String(), `"name":"Lisbon"`)
	assert.NotEqual(t, string(annotate.Annotate(fixture).AppendJSON(nil)), string(want), "the lexicon changes the document")

	w = do(t, testHandler(), request{method: "POST", path: "/api/annotate", contentType: "application/json",
		body: `{"text": "Jupiter rose.", "options": {"lexicon": {"entities": [{"name": "Jupiter", "type": "planet"}]}}}`})
	assert.Equal(t, 400, w.Code)
	assert.Contains(t, w.Body.String(), `lexicon: entities[0]: unknown type`)
}

// The API option corrections is the library's WithCorrections.
func TestAnnotateWithCorrections(t *testing.T) {
	plain := annotate.Annotate(fixture)
	require.NotEmpty(t, plain.Entities)
	require.NotEmpty(t, plain.Quotes)
	start := plain.Quotes[0].Start
	cs := []annotate.Correction{{Op: "reject", Entity: plain.Entities[0].Type.String() + ":" + plain.Entities[0].Name}, {Op: "speaker", Quote: &start, Name: "a resident"}}
	body, err := json.Marshal(map[string]any{"text": fixture, "options": map[string]any{"corrections": cs}})
	require.NoError(t, err)
	w := do(t, testHandler(), request{method: "POST", path: "/api/annotate", contentType: "application/json", body: string(body)})
	require.Equal(t, 200, w.Code, w.Body.String())
	opt, err := annotate.WithCorrections(cs)
	require.NoError(t, err)
	assert.JSONEq(t, string(annotate.Annotate(fixture, opt).AppendJSON(nil)), w.Body.String())
	assert.Contains(t, w.Body.String(), `"speaker":{"name":"a resident","basis":"editor","confidence":1},`)

	w = do(t, testHandler(), request{method: "POST", path: "/api/annotate", contentType: "application/json",
		body: `{"text": "x", "options": {"corrections": [{"op": "delete"}]}}`})
	assert.Equal(t, 400, w.Code)
	assert.Contains(t, w.Body.String(), `corrections[0]: unknown op`)
}
