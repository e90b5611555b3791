package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzAPI sends arbitrary requests to the API: whatever arrives, the answer
// is a 2xx or 4xx status, never a 5xx or a panic, and JSON unless an export
// format was asked for.
func FuzzAPI(f *testing.F) {
	f.Add("POST", "text/plain", "", fixture)
	f.Add("POST", "application/json", "offsets=byte", `{"text":"Ada said \"yes\".","options":{"layers":["quotes"]}}`)
	f.Add("POST", "application/json", "", `{"text":"a","options":{"offsets":7}}`)
	f.Add("POST", "application/json; charset=latin1", "", `[1,2,3]`)
	f.Add("POST", "text/plain", "layers=,,", "\xff\xfe\x00 \u2028 \"\"\"")
	f.Add("GET", "", "", "")
	f.Add("OPTIONS", "text/plain", "", "")
	f.Add("POST", "text/plain", "format=html", "Ada said \"<b>yes</b>\".")
	f.Add("POST", "application/json", "format=brat", `{"text":"a\r\nb","options":{"layer":["x"]}}`)
	h := New(Config{MaxBody: 4 << 10, AllowedOrigins: []string{cmsOrigin}})
	f.Fuzz(func(t *testing.T, method, contentType, query, body string) {
		if !validMethod(method) {
			return
		}
		r := httptest.NewRequest(method, "/api/annotate", strings.NewReader(body))
		r.URL.RawQuery = query
		r.Header.Set("Content-Type", contentType)
		r.Header.Set("Origin", cmsOrigin)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code >= 500 || w.Code < 200 || w.Code >= 300 && w.Code < 400 {
			t.Fatalf("status %d for %s %q %q: %s", w.Code, method, contentType, query, w.Body)
		}
		if w.Code == http.StatusNoContent {
			return
		}
		if strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") && !json.Valid(w.Body.Bytes()) {
			t.Fatalf("not JSON (status %d): %q", w.Code, w.Body)
		}
	})
}

// validMethod filters out strings that are not HTTP tokens, which
// httptest.NewRequest refuses and no client can send.
func validMethod(m string) bool {
	if m == "" {
		return false
	}
	for _, c := range m {
		if c <= ' ' || c >= 0x7f || strings.ContainsRune(`()<>@,;:\"/[]?={}`, c) {
			return false
		}
	}
	return true
}
