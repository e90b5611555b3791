package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
	"lede/server"
)

// apiAnnotate posts text and options to the API's /api/annotate, with
// ?format= when format is set, and returns the body.
func apiAnnotate(t *testing.T, text, format string, options map[string]any) []byte {
	t.Helper()
	body, err := json.Marshal(map[string]any{"text": text, "options": options})
	require.NoError(t, err)
	path := "/api/annotate"
	if format != "" {
		path += "?format=" + format
	}
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	server.New(server.Config{}).ServeHTTP(w, req)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	return w.Body.Bytes()
}

// The CLI's -corrections and the API's option corrections give the same
// bytes, for the document and for an export, and change the document.
func TestAnnotateCorrectionsMatchTheAPI(t *testing.T) {
	plain := annotate.Annotate(lexiconArticle)
	require.NotEmpty(t, plain.Quotes)
	start := plain.Quotes[0].Start
	key := map[string]string{}
	for _, e := range plain.Entities {
		key[e.Name] = e.Type.String() + ":" + e.Name
	}
	require.NotEmpty(t, key["Jupiter"], "the test needs Jupiter as an entity")
	require.NotEmpty(t, key["Earth"], "and Earth")
	cs := []annotate.Correction{
		{Op: "type", Entity: key["Jupiter"], Type: "organization"},
		{Op: "merge", Entity: key["Earth"], Into: "organization:Jupiter"},
		{Op: "split", Entity: "organization:Jupiter", Name: "Earth"},
		{Op: "speaker", Quote: &start, Name: "an observatory guide", Anonymous: true},
	}
	dir := t.TempDir()
	article, file := filepath.Join(dir, "article.txt"), filepath.Join(dir, "corrections.json")
	require.NoError(t, os.WriteFile(article, []byte(lexiconArticle), 0o600))
	b, err := json.Marshal(cs)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, b, 0o600))

	tests := []struct {
		name    string
		args    []string
		format  string
		options map[string]any
	}{
		{"document", nil, "", map[string]any{"corrections": cs}},
		{"byte offsets", []string{"-offsets", "byte"}, "", map[string]any{"corrections": cs, "offsets": "byte"}},
		{"web annotation", []string{"-format", "webannotation", "-editor", "Night desk"}, "webannotation",
			map[string]any{"corrections": cs, "editor": "Night desk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cli, err := runAnnotateCaptured(t, append(append(tt.args, "-corrections", file), article)...)
			require.NoError(t, err)
			api := apiAnnotate(t, lexiconArticle, tt.format, tt.options)
			assert.Equal(t, string(api), string(cli))
			without, err := runAnnotateCaptured(t, append(tt.args, article)...)
			require.NoError(t, err)
			assert.NotEqual(t, string(without), string(cli), "the corrections change the output")
			assert.Contains(t, string(cli), "an observatory guide")
			if tt.format == "" {
				var d annotate.Document
				require.NoError(t, json.Unmarshal(cli, &d))
				assert.Equal(t, "Earth", d.Entities[len(d.Entities)-1].Name, "split off again, last")
				assert.Equal(t, annotate.Organization, d.Entities[len(d.Entities)-1].Type)
			}
		})
	}
}

func TestAnnotateRefusesBadCorrections(t *testing.T) {
	refusesBadFiles(t, "-corrections", []struct{ name, content, want string }{
		{"unknown op", `[{"op": "delete"}]`, `-corrections: corrections[0]: unknown op "delete"`},
		{"bad key", `[{"op": "split", "entity": "Jupiter", "name": "J"}]`, `-corrections: corrections[0]: split: entity is not "type:name"`},
		{"misspelt field", `[{"op": "reject", "entty": "person:Jupiter"}]`, `unknown field "entty"`},
		{"an object", `{"op": "reject"}`, "-corrections: not a list of corrections"},
		{"null", `null`, "-corrections: not a list of corrections: null"},
	})
}
