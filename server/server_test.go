package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
)

const (
	cmsOrigin   = "https://cms.example.org"
	otherOrigin = "https://evil.example.net"
	fixture     = "Mayor Ada Brightwater said on Monday: \"The bridge opens in Lisbon next spring.\""
)

func testDist() fstest.MapFS {
	return fstest.MapFS{
		"index.html":            {Data: []byte("<!doctype html><title>Lede</title>")},
		"lede.wasm":             {Data: []byte("\x00asm plain")},
		"lede.wasm.br":          {Data: []byte("brotli bytes")},
		"lede.wasm.gz":          {Data: []byte("gzip bytes")},
		"lede.js":               {Data: []byte("export {}")},
		"sw.js":                 {Data: []byte("self.addEventListener('fetch', () => {})")},
		"examples/index.html":   {Data: []byte("<!doctype html><title>CMS</title>")},
		".secret":               {Data: []byte("hidden")},
		"manifest.webmanifest":  {Data: []byte("{}")},
		"icons/lede.svg":        {Data: []byte("<svg/>")},
		"unknown.zzz-extension": {Data: []byte("?")},
	}
}

func testHandler() http.Handler {
	return New(Config{
		Dist:           testDist(),
		AllowedOrigins: []string{cmsOrigin},
		FrameAncestors: []string{cmsOrigin},
		MaxBody:        1 << 10,
	})
}

type request struct {
	method, path, contentType, body string
	header                          map[string]string
}

func do(t *testing.T, h http.Handler, req request) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(req.method, req.path, strings.NewReader(req.body))
	if req.contentType != "" {
		r.Header.Set("Content-Type", req.contentType)
	}
	for k, v := range req.header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestAPIStatus(t *testing.T) {
	tests := []struct {
		name   string
		req    request
		status int
		allow  string
	}{
		{"plain text", request{method: "POST", path: "/api/annotate", contentType: "text/plain; charset=utf-8", body: fixture}, 200, ""},
		{"json", request{method: "POST", path: "/api/annotate", contentType: "application/json", body: `{"text":"Ada Brightwater visited Lisbon."}`}, 200, ""},
		{"json with options", request{method: "POST", path: "/api/annotate", contentType: "application/json", body: `{"text":"x","options":{"offsets":"byte","layers":["entities","quotes"]}}`}, 200, ""},
		{"empty text", request{method: "POST", path: "/api/annotate", contentType: "text/plain", body: ""}, 200, ""},
		{"invalid utf-8 is repaired", request{method: "POST", path: "/api/annotate", contentType: "text/plain", body: "caf\xe9 \xff"}, 200, ""},
		{"health", request{method: "GET", path: "/api/health"}, 200, ""},
		{"health head", request{method: "HEAD", path: "/api/health"}, 200, ""},
		{"config", request{method: "GET", path: "/api/config"}, 200, ""},
		{"malformed json", request{method: "POST", path: "/api/annotate", contentType: "application/json", body: `{"text":`}, 400, ""},
		{"two json values", request{method: "POST", path: "/api/annotate", contentType: "application/json", body: `{"text":"a"} {"text":"b"}`}, 400, ""},
		{"text not a string", request{method: "POST", path: "/api/annotate", contentType: "application/json", body: `{"text":42}`}, 400, ""},
		{"missing text", request{method: "POST", path: "/api/annotate", contentType: "application/json", body: `{"options":{}}`}, 400, ""},
		{"null text", request{method: "POST", path: "/api/annotate", contentType: "application/json", body: `{"text":null}`}, 400, ""},
		{"unknown offsets", request{method: "POST", path: "/api/annotate", contentType: "application/json", body: `{"text":"a","options":{"offsets":"furlongs"}}`}, 400, ""},
		{"unknown layer", request{method: "POST", path: "/api/annotate?layers=gossip", contentType: "text/plain", body: "a"}, 400, ""},
		{"too large", request{method: "POST", path: "/api/annotate", contentType: "text/plain", body: strings.Repeat("a", 1<<10+1)}, 413, ""},
		{"too large json", request{method: "POST", path: "/api/annotate", contentType: "application/json", body: `{"text":"` + strings.Repeat("a", 1<<10) + `"}`}, 413, ""},
		{"form content type", request{method: "POST", path: "/api/annotate", contentType: "application/x-www-form-urlencoded", body: "text=a"}, 415, ""},
		{"no content type", request{method: "POST", path: "/api/annotate", body: "a"}, 415, ""},
		{"latin-1 charset", request{method: "POST", path: "/api/annotate", contentType: "text/plain; charset=iso-8859-1", body: "a"}, 415, ""},
		{"get annotate", request{method: "GET", path: "/api/annotate"}, 405, "POST, OPTIONS"},
		{"put annotate", request{method: "PUT", path: "/api/annotate", contentType: "text/plain", body: "a"}, 405, "POST, OPTIONS"},
		{"post health", request{method: "POST", path: "/api/health", contentType: "text/plain"}, 405, "GET, HEAD, OPTIONS"},
		{"unknown api path", request{method: "GET", path: "/api/nothing"}, 404, ""},
		{"api root", request{method: "GET", path: "/api"}, 404, ""},
	}
	h := testHandler()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := do(t, h, tt.req)
			assert.Equal(t, tt.status, w.Code, w.Body.String())
			assert.Equal(t, "application/json; charset=utf-8", w.Header().Get("Content-Type"))
			assert.Equal(t, tt.allow, w.Header().Get("Allow"))
			if tt.req.method == "HEAD" {
				return
			}
			var body map[string]any
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &body), w.Body.String())
			if tt.status >= 400 {
				assert.NotEmpty(t, body["error"], "an error says what went wrong")
			}
		})
	}
}

func TestAnnotateReturnsTheLibraryDocument(t *testing.T) {
	tests := []struct {
		name string
		req  request
		opts []annotate.Option
	}{
		{"plain text, utf16 by default", request{contentType: "text/plain", body: fixture}, nil},
		{"plain text, options in the query", request{path: "?offsets=byte&layers=quotes", contentType: "text/plain", body: fixture},
			[]annotate.Option{annotate.WithOffsets(annotate.Bytes), annotate.WithLayers(annotate.Layers{Quotes: true})}},
		{"json with options", request{contentType: "application/json", body: `{"text":` + jsonString(t, fixture+" ✓ 😀") + `,"options":{"offsets":"codepoint","layers":["entities"]}}`},
			[]annotate.Option{annotate.WithOffsets(annotate.CodePoints), annotate.WithLayers(annotate.Layers{Entities: true})}},
	}
	h := testHandler()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.method, tt.req.path = "POST", "/api/annotate"+tt.req.path
			w := do(t, h, tt.req)
			require.Equal(t, 200, w.Code, w.Body.String())
			text := tt.req.body
			if tt.req.contentType == "application/json" {
				var in struct{ Text string }
				require.NoError(t, json.Unmarshal([]byte(text), &in))
				text = in.Text
			}
			want := annotate.Annotate(text, tt.opts...).AppendJSON(nil)
			assert.JSONEq(t, string(want), w.Body.String())
		})
	}
}

func jsonString(t *testing.T, s string) string {
	b, err := json.Marshal(s)
	require.NoError(t, err)
	return string(b)
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	h := testHandler()
	for _, req := range []request{
		{method: "GET", path: "/"},
		{method: "GET", path: "/lede.wasm"},
		{method: "GET", path: "/missing.js"},
		{method: "DELETE", path: "/index.html"},
		{method: "GET", path: "/api/health"},
		{method: "POST", path: "/api/annotate", contentType: "text/csv"},
		{method: "OPTIONS", path: "/api/annotate", header: map[string]string{"Origin": otherOrigin, "Access-Control-Request-Method": "POST"}},
	} {
		t.Run(req.method+" "+req.path, func(t *testing.T) {
			w := do(t, h, req)
			csp := w.Header().Get("Content-Security-Policy")
			assert.Contains(t, csp, "script-src 'self' 'wasm-unsafe-eval'")
			assert.NotContains(t, csp, "unsafe-inline")
			assert.Contains(t, csp, "frame-ancestors 'self' "+cmsOrigin)
			assert.Equal(t, "nosniff", w.Header().Get("X-Content-Type-Options"))
			assert.Equal(t, "no-referrer", w.Header().Get("Referrer-Policy"))
		})
	}
}

func TestFrameAncestorsDefaultToSelf(t *testing.T) {
	w := do(t, New(Config{}), request{method: "GET", path: "/api/health"})
	assert.True(t, strings.HasSuffix(w.Header().Get("Content-Security-Policy"), "; frame-ancestors 'self'"))
}

func TestCORS(t *testing.T) {
	tests := []struct {
		name        string
		allowed     []string
		req         request
		status      int
		allowOrigin string
	}{
		{"allowed origin", []string{cmsOrigin}, request{method: "POST", contentType: "text/plain", body: "a", header: map[string]string{"Origin": cmsOrigin}}, 200, cmsOrigin},
		{"allowed origin, written differently", []string{"HTTPS://CMS.example.org/"}, request{method: "POST", contentType: "text/plain", body: "a", header: map[string]string{"Origin": cmsOrigin}}, 200, cmsOrigin},
		{"other origin gets no CORS headers", []string{cmsOrigin}, request{method: "POST", contentType: "text/plain", body: "a", header: map[string]string{"Origin": otherOrigin}}, 200, ""},
		{"no origin configured", nil, request{method: "POST", contentType: "text/plain", body: "a", header: map[string]string{"Origin": cmsOrigin}}, 200, ""},
		{"any origin", []string{"*"}, request{method: "POST", contentType: "text/plain", body: "a", header: map[string]string{"Origin": otherOrigin}}, 200, otherOrigin},
		{"errors carry CORS too", []string{cmsOrigin}, request{method: "POST", contentType: "text/csv", body: "a", header: map[string]string{"Origin": cmsOrigin}}, 415, cmsOrigin},
		{"preflight allowed", []string{cmsOrigin}, request{method: "OPTIONS", header: map[string]string{"Origin": cmsOrigin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}}, 204, cmsOrigin},
		{"preflight denied", []string{cmsOrigin}, request{method: "OPTIONS", header: map[string]string{"Origin": otherOrigin, "Access-Control-Request-Method": "POST"}}, 403, ""},
		{"options without preflight", []string{cmsOrigin}, request{method: "OPTIONS"}, 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.path = "/api/annotate"
			w := do(t, New(Config{AllowedOrigins: tt.allowed}), tt.req)
			assert.Equal(t, tt.status, w.Code, w.Body.String())
			assert.Equal(t, tt.allowOrigin, w.Header().Get("Access-Control-Allow-Origin"))
			assert.Contains(t, w.Header().Values("Vary"), "Origin")
			if tt.status == 204 {
				assert.Contains(t, w.Header().Get("Access-Control-Allow-Methods"), "POST")
				assert.Equal(t, "Content-Type", w.Header().Get("Access-Control-Allow-Headers"))
			}
		})
	}
}

func TestStaticFiles(t *testing.T) {
	tests := []struct {
		name, path, acceptEncoding string
		status                     int
		contentType, encoding      string
		body, cache                string
	}{
		{"index", "/", "", 200, "text/html; charset=utf-8", "", "<!doctype html><title>Lede</title>", "no-cache"},
		{"directory index", "/examples/", "", 200, "text/html; charset=utf-8", "", "<!doctype html><title>CMS</title>", "no-cache"},
		{"wasm", "/lede.wasm", "", 200, "application/wasm", "", "\x00asm plain", "no-cache"},
		{"brotli preferred", "/lede.wasm", "gzip, deflate, br", 200, "application/wasm", "br", "brotli bytes", "no-cache"},
		{"gzip", "/lede.wasm", "gzip", 200, "application/wasm", "gzip", "gzip bytes", "no-cache"},
		{"brotli refused", "/lede.wasm", "br;q=0, gzip;q=0.5", 200, "application/wasm", "gzip", "gzip bytes", "no-cache"},
		{"no compressed sibling", "/lede.js", "br, gzip", 200, "text/javascript; charset=utf-8", "", "export {}", "no-cache"},
		{"service worker uncached", "/sw.js", "", 200, "text/javascript; charset=utf-8", "", "self.addEventListener('fetch', () => {})", "no-store"},
		{"manifest", "/manifest.webmanifest", "", 200, "application/manifest+json", "", "{}", "no-cache"},
		{"svg", "/icons/lede.svg", "", 200, "image/svg+xml", "", "<svg/>", "no-cache"},
		{"unknown extension", "/unknown.zzz-extension", "", 200, "application/octet-stream", "", "?", "no-cache"},
		{"missing", "/nope.js", "", 404, "", "", "", ""},
		{"dotfile", "/.secret", "", 404, "", "", "", ""},
		{"escape attempt", "/../../etc/passwd", "", 404, "", "", "", ""},
	}
	h := testHandler()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := do(t, h, request{method: "GET", path: tt.path, header: map[string]string{"Accept-Encoding": tt.acceptEncoding}})
			require.Equal(t, tt.status, w.Code)
			if tt.status != 200 {
				return
			}
			assert.Equal(t, tt.contentType, w.Header().Get("Content-Type"))
			assert.Equal(t, tt.encoding, w.Header().Get("Content-Encoding"))
			assert.Equal(t, tt.body, w.Body.String())
			assert.Equal(t, tt.cache, w.Header().Get("Cache-Control"))
			assert.Equal(t, "Accept-Encoding", w.Header().Get("Vary"))
			assert.Equal(t, "*", w.Header().Get("Access-Control-Allow-Origin"), "embedding pages load the assets cross-origin")
		})
	}
}

func TestStaticRevalidation(t *testing.T) {
	h := testHandler()
	first := do(t, h, request{method: "GET", path: "/lede.wasm", header: map[string]string{"Accept-Encoding": "br"}})
	plain := do(t, h, request{method: "GET", path: "/lede.wasm"})
	etag := first.Header().Get("ETag")
	require.NotEmpty(t, etag)
	assert.NotEqual(t, etag, plain.Header().Get("ETag"), "each encoding is its own representation")

	again := do(t, h, request{method: "GET", path: "/lede.wasm", header: map[string]string{"Accept-Encoding": "br", "If-None-Match": etag}})
	assert.Equal(t, http.StatusNotModified, again.Code)
	assert.Empty(t, again.Body.String())
}

func TestStaticMethods(t *testing.T) {
	h := testHandler()
	w := do(t, h, request{method: "POST", path: "/index.html"})
	assert.Equal(t, http.StatusMethodNotAllowed, w.Code)
	assert.Equal(t, "GET, HEAD", w.Header().Get("Allow"))

	folder := do(t, h, request{method: "GET", path: "/examples"})
	assert.Equal(t, http.StatusMovedPermanently, folder.Code)
	assert.Equal(t, "/examples/", folder.Header().Get("Location"), "the page's relative links need the slash")
	offsite := do(t, h, request{method: "GET", path: "//examples"})
	assert.Equal(t, "/examples/", offsite.Header().Get("Location"), "never a protocol-relative redirect")

	head := do(t, h, request{method: "HEAD", path: "/lede.js"})
	assert.Equal(t, 200, head.Code)
	assert.Empty(t, head.Body.String())
}

func TestAPIOnlyWithoutDist(t *testing.T) {
	h := New(Config{})
	assert.Equal(t, 404, do(t, h, request{method: "GET", path: "/"}).Code)
	assert.Equal(t, 200, do(t, h, request{method: "GET", path: "/api/health"}).Code)
}

func TestParseOrigins(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr bool
	}{
		{"", []string{}, false},
		{"*", []string{"*"}, false},
		{"https://cms.example.org", []string{"https://cms.example.org"}, false},
		{"https://CMS.example.org/, http://localhost:3000", []string{"https://cms.example.org", "http://localhost:3000"}, false},
		{"https://a.example https://b.example", []string{"https://a.example", "https://b.example"}, false},
		{"https://*.example.org", []string{"https://*.example.org"}, false},
		{"cms.example.org", nil, true},
		{"https://cms.example.org/editor", nil, true},
		{"ftp://cms.example.org", nil, true},
		{"https://cms.example.org?x=1", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseOrigins(tt.in)
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestHeadersFile(t *testing.T) {
	file := string(HeadersFile(Config{FrameAncestors: []string{cmsOrigin}}))
	assert.True(t, strings.HasPrefix(file, "/*\n"))
	for name, values := range SecurityHeaders(Config{FrameAncestors: []string{cmsOrigin}}) {
		assert.Contains(t, file, "\n  "+name+": "+values[0]+"\n")
	}
	assert.Contains(t, file, "\n  Access-Control-Allow-Origin: *\n")
	assert.Contains(t, file, "\n/sw.js\n  Cache-Control: no-store\n")
}

func TestAcceptsEncoding(t *testing.T) {
	tests := []struct {
		header, coding string
		want           bool
	}{
		{"br", "br", true},
		{"gzip, deflate, br", "br", true},
		{"gzip;q=1.0, br; q=0.8", "br", true},
		{"br;q=0", "br", false},
		{"br;q=0.000", "br", false},
		{"br;q=0.05", "br", true},
		{"gzip", "br", false},
		{"", "gzip", false},
		{"GZIP", "gzip", true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, acceptsEncoding(tt.header, tt.coding), "%q accepts %s", tt.header, tt.coding)
	}
}

func TestHealthBody(t *testing.T) {
	w := do(t, New(Config{Version: "1.2.3"}), request{method: "GET", path: "/api/health"})
	body, err := io.ReadAll(w.Body)
	require.NoError(t, err)
	assert.JSONEq(t, `{"ok":true,"version":"1.2.3","maxBytes":1048576}`, string(body))
}
