package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
)

// FuzzAnnotateRequest sends any content type, query and body to POST
// /api/annotate: the answer is never a 5xx, always JSON, an error with a
// message for a 4xx, and for plain text the library's own document.
// scripts/fuzz.sh runs it with the annotate targets.
func FuzzAnnotateRequest(f *testing.F) {
	seeds := []struct{ contentType, query, body string }{
		{"text/plain; charset=utf-8", "", "Mayor Ana Ruiz said \"we agree\" in Lisbon."},
		{"text/plain", "offsets=byte&layers=quotes,entities", "Ana \xff\xfe Ruiz said \"no\xe2\x80\""},
		{"application/json", "", `{"text":"Ana Ruiz said \"yes\"","options":{"offsets":"codepoint","layers":["issues"]}}`},
		{"application/json", "", `{"text":"\ud800 lone \u0000 nul","options":{"layers":[]}}`},
		{"application/json", "offsets=utf16", `{"text":"a"} {"text":"b"}`},
		{"application/json", "", `{"text":` + strings.Repeat("[", 1000)},
		{"application/json; charset=latin-1", "", `{"text":"a"}`},
		{"text/plain; charset=\"utf-8\"; boundary=x", "layers=%00&offsets=%ff", "a"},
		{"multipart/form-data; boundary=x", "", "--x\r\n\r\n--x--"},
		{"", "", ""},
	}
	for _, s := range seeds {
		f.Add(s.contentType, s.query, s.body)
	}
	handler := New(Config{MaxBody: 1 << 16})
	f.Fuzz(func(t *testing.T, contentType, query, body string) {
		r := httptest.NewRequest(http.MethodPost, "/api/annotate", strings.NewReader(body))
		r.URL.RawQuery = query
		r.Header.Set("Content-Type", contentType)
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, r)

		require.Less(t, w.Code, 500, "%s", w.Body)
		assert.Equal(t, "application/json; charset=utf-8", w.Header().Get("Content-Type"))
		require.True(t, json.Valid(w.Body.Bytes()), "not JSON: %.300s", w.Body)
		if w.Code >= 400 {
			var answer struct{ Error string }
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &answer))
			assert.NotEmpty(t, answer.Error, "a %d without a message", w.Code)
			return
		}
		if query == "" && strings.HasPrefix(contentType, "text/plain") {
			want := append(annotate.Annotate(body).AppendJSON(nil), '\n')
			assert.Equal(t, string(want), w.Body.String(), "not the library's document")
		}
	})
}
