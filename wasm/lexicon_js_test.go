package main

import (
	"encoding/json"
	"strings"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
)

// The lexicon option crosses the bridge as the library's WithNewsroom, and
// its mistakes come back as the library's messages.
func TestLedeAnnotateWithALexicon(t *testing.T) {
	register()
	lex := annotate.NewsroomLexicon{
		Entities: []annotate.NewsroomEntry{{Name: "Ana Souza", Type: "organization", Canonical: "Souza Group", Role: "a firm"}},
		Ignore:   []string{"São Paulo"},
	}
	news, err := annotate.NewNewsroom(lex)
	require.NoError(t, err)
	var want strings.Builder
	require.NoError(t, annotate.Annotate(sampleText, annotate.WithNewsroom(news)).WriteJSON(&want))
	opts, err := json.Marshal(map[string]any{"lexicon": lex})
	require.NoError(t, err)
	got := js.Global().Call("ledeAnnotate", sampleText, string(opts)).String()
	assert.Equal(t, want.String(), got)
	assert.Contains(t, got, `"name":"Souza Group"`)
	assert.NotContains(t, got, `"name":"São Paulo"`)

	tests := []struct{ name, options, wantErr string }{
		{"bad type", `{"lexicon":{"entities":[{"name":"Ana Souza","type":"firm"}]}}`, `lexicon: entities[0]: unknown type "firm"`},
		{"name not a string", `{"lexicon":{"entities":[{"name":7,"type":"person"}]}}`, "entities[0]: the name is empty"},
		{"entry not an object", `{"lexicon":{"ignore":[null]}}`, "ignore[0]: the name is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc struct{ Error string }
			require.NoError(t, json.Unmarshal([]byte(js.Global().Call("ledeAnnotate", sampleText, tt.options).String()), &doc))
			assert.Contains(t, doc.Error, tt.wantErr)
		})
	}
}

func TestLedeAnnotateWithCorrections(t *testing.T) {
	register()
	plain := annotate.Annotate(sampleText)
	require.NotEmpty(t, plain.Quotes)
	start := plain.Quotes[0].Start
	cs := []annotate.Correction{{Op: "reject", Entity: "place:São Paulo"}, {Op: "speaker", Quote: &start, Name: "a trader", Anonymous: true}}
	opt, err := annotate.WithCorrections(cs)
	require.NoError(t, err)
	var want strings.Builder
	require.NoError(t, annotate.Annotate(sampleText, opt).WriteJSON(&want))
	opts, err := json.Marshal(map[string]any{"corrections": cs})
	require.NoError(t, err)
	got := js.Global().Call("ledeAnnotate", sampleText, string(opts)).String()
	assert.Equal(t, want.String(), got)
	assert.Contains(t, got, `"name":"a trader","anonymous":true,"basis":"editor","confidence":1}`)

	var doc struct{ Error string }
	require.NoError(t, json.Unmarshal([]byte(js.Global().Call("ledeAnnotate", sampleText, `{"corrections":[{"op":"merge","entity":"person:Ana Souza"}]}`).String()), &doc))
	assert.Contains(t, doc.Error, `corrections[0]: merge: into is not "type:name"`)
}
