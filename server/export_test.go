package server

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
	"lede/annotate/export"
)

// exportArticle has names, a named and an unnamed speaker, and issue words.
const exportArticle = "Mayor Ada Brightwater said on Monday: \"The bridge opens in Lisbon next spring.\"\n" +
	"A city official, who asked not to be named, said: \"The budget is already spent.\"\n"

func exportHandler() *api {
	return newAPI(Config{MaxBody: 1 << 20, MaxConcurrent: 2}, newOriginList(nil))
}

// The API writes the bytes export.Write writes, for the format named in the
// query or chosen by the Accept header, with the format's Content-Type.
func TestAnnotateExports(t *testing.T) {
	tests := []struct {
		name, query, accept, contentType, body string
		format                                 string
		settings                               export.Settings
	}{
		{name: "json", query: "?format=json", format: "json"},
		{name: "json without text, byte offsets", query: "?format=json&text=false&offsets=byte", format: "json",
			settings: export.Settings{Settings: annotate.Settings{Offsets: "byte"}, Text: new(false)}},
		{name: "web annotation with a base", query: "?format=webannotation&base=https://cms.example.org/a/1", format: "webannotation",
			settings: export.Settings{Base: "https://cms.example.org/a/1"}},
		{name: "html", query: "?format=html", format: "html"},
		{name: "csv in utf16", query: "?format=csv&offsets=utf16", format: "csv", settings: export.Settings{Settings: annotate.Settings{Offsets: "utf16"}}},
		{name: "entities csv", query: "?format=entities-csv", format: "entities-csv"},
		{name: "brat", query: "?format=brat", format: "brat"},
		{name: "accept ld+json", accept: `application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"`, format: "webannotation"},
		{name: "accept csv over json", accept: "application/json;q=0.5, text/csv", format: "csv"},
		{name: "accept zip", accept: "application/zip", format: "brat"},
		{name: "accept html", accept: "text/html", format: "html"},
		{name: "json body with options", contentType: "application/json",
			body: `{"text":` + jsonString(t, exportArticle) + `,"options":{"layers":["quotes"],"text":false}}`, query: "?format=json", format: "json",
			settings: export.Settings{Settings: annotate.Settings{Layers: []string{"quotes"}}, Text: new(false)}},
	}
	h := exportHandler()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := request{method: "POST", path: "/api/annotate" + tt.query, contentType: "text/plain", body: exportArticle}
			if tt.contentType != "" {
				req.contentType, req.body = tt.contentType, tt.body
			}
			if tt.accept != "" {
				req.header = map[string]string{"Accept": tt.accept}
			}
			w := do(t, h, req)
			require.Equal(t, 200, w.Code, w.Body.String())
			f, _ := export.Lookup(tt.format)
			assert.Equal(t, f.MediaType, w.Header().Get("Content-Type"))
			o, err := tt.settings.Options()
			require.NoError(t, err)
			var want bytes.Buffer
			require.NoError(t, export.Write(&want, f, exportArticle, o))
			assert.Equal(t, want.String(), w.Body.String(), "the same bytes as the library")
		})
	}
}

func TestAnnotateRefusesMistakes(t *testing.T) {
	tests := []struct {
		name, query, accept, contentType, body string
		status                                 int
		want                                   string
	}{
		{name: "offset for offsets", contentType: "application/json", body: `{"text":"a","options":{"offset":"byte"}}`, status: 400, want: `"offset"`},
		{name: "layer for layers", contentType: "application/json", body: `{"text":"a","options":{"layer":["quotes"]}}`, status: 400, want: `"layer"`},
		{name: "option for options", contentType: "application/json", body: `{"text":"a","option":{}}`, status: 400, want: `"option"`},
		{name: "options not an object", contentType: "application/json", body: `{"text":"a","options":[1]}`, status: 400, want: "options"},
		{name: "offset in the query", query: "?offset=byte", status: 400, want: `"offset"`},
		{name: "unknown format", query: "?format=docx", status: 400, want: `"docx"`},
		{name: "text not a bool", query: "?format=json&text=yes", status: 400, want: "text=yes"},
		{name: "relative base", query: "?format=webannotation&base=annotations", status: 400, want: "IRI"},
		{name: "empty layers", contentType: "application/json", body: `{"text":"a","options":{"layers":[]}}`, status: 400, want: "layers"},
		{name: "nothing acceptable", accept: "image/png", status: 406, want: "format="},
	}
	h := exportHandler()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := request{method: "POST", path: "/api/annotate" + tt.query, contentType: "text/plain", body: "a"}
			if tt.contentType != "" {
				req.contentType, req.body = tt.contentType, tt.body
			}
			if tt.accept != "" {
				req.header = map[string]string{"Accept": tt.accept}
			}
			w := do(t, h, req)
			assert.Equal(t, tt.status, w.Code)
			var body struct{ Error string }
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &body), w.Body.String())
			assert.Contains(t, body.Error, tt.want)
		})
	}
}

// Invalid UTF-8 inside a JSON body is repaired as in a text/plain body, and
// the document says so.
func TestAnnotateRepairsJSONBodies(t *testing.T) {
	h := exportHandler()
	text := "Ana Kov\xe1\xff said \"we agree\" in Geneva."
	plain := do(t, h, request{method: "POST", path: "/api/annotate", contentType: "text/plain", body: text})
	body := `{"text":"` + strings.ReplaceAll(text, `"`, `\"`) + `"}`
	fromJSON := do(t, h, request{method: "POST", path: "/api/annotate", contentType: "application/json", body: body})
	require.Equal(t, 200, fromJSON.Code, fromJSON.Body.String())
	// The same document, but for the repairs' offsets: a JSON body is
	// repaired before it is decoded, where offsets into the text do not exist
	// yet, so only a text/plain body's document lists them.
	var fromPlain annotate.Document
	require.NoError(t, json.Unmarshal(plain.Body.Bytes(), &fromPlain))
	require.NotEmpty(t, fromPlain.Repairs)
	fromPlain.Repairs = nil
	var doc annotate.Document
	require.NoError(t, json.Unmarshal(fromJSON.Body.Bytes(), &doc))
	require.Len(t, doc.Warnings, 1)
	assert.Contains(t, doc.Warnings[0], "invalid UTF-8")
	assert.Equal(t, fromPlain, doc)

	exported := do(t, h, request{method: "POST", path: "/api/annotate?format=json", contentType: "application/json", body: body})
	assert.Contains(t, exported.Body.String(), `"warnings":["invalid UTF-8`)
}

// With the quotes layer alone, no speaker points to an entity the document
// leaves out: the speaker keeps the name alone.
func TestQuotesLayerHasNoDanglingSpeakers(t *testing.T) {
	h := exportHandler()
	for _, req := range []request{
		{method: "POST", path: "/api/annotate?layers=quotes", contentType: "text/plain", body: exportArticle},
		{method: "POST", path: "/api/annotate", contentType: "application/json", body: `{"text":` + jsonString(t, exportArticle) + `,"options":{"layers":["quotes","issues"]}}`},
		{method: "POST", path: "/api/annotate?layers=quotes", contentType: "text/plain", body: strings.Repeat(exportArticle, 3000)}, // in blocks
	} {
		w := do(t, h, req)
		require.Equal(t, 200, w.Code, w.Body.String())
		var doc annotate.Document
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &doc))
		require.NotEmpty(t, doc.Quotes)
		ids := map[string]bool{}
		for _, e := range doc.Entities {
			ids[e.ID] = true
		}
		for _, q := range doc.Quotes {
			if q.Speaker != nil && q.Speaker.Entity != "" {
				assert.True(t, ids[q.Speaker.Entity], "speaker %s is in the document", q.Speaker.Entity)
			}
		}
	}
}
