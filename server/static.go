package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Static files: the built app, with the right MIME types (application/wasm
// for streaming compilation), the pre-compressed .br/.gz siblings the build
// writes when the client accepts them, and validators so that revalidating
// an unchanged file costs a 304.

const (
	// serviceWorker is never cached, so a new release reaches every reader.
	serviceWorker = "sw.js"
	cacheNever    = "no-store"
	// Files keep their names across releases, so the browser revalidates
	// every one of them (a cheap 304 through the ETag).
	cacheRevalidate = "no-cache"
)

// publicAssetHeaders let pages on other origins load the embedding scripts,
// the worker and the wasm: all of them are public and carry no credentials.
var publicAssetHeaders = http.Header{
	"Access-Control-Allow-Origin":  {"*"},
	"Cross-Origin-Resource-Policy": {"cross-origin"},
}

// contentTypes are the types of the files the build emits; the platform's
// MIME table is only a fallback, as it varies between systems.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
	".ts":          "text/plain; charset=utf-8",
}

// encodings are the pre-compressed siblings, best first.
var encodings = []struct{ name, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

type static struct {
	dist fs.FS
	// etags caches content hashes by file identity, so a large file is
	// hashed once per release rather than once per request.
	etags sync.Map // fileIdentity → string
}

type fileIdentity struct {
	name    string
	size    int64
	modTime time.Time
}

func newStatic(dist fs.FS) *static { return &static{dist: dist} }

func (s *static) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := s.resolve(r.URL.Path)
	if ok && s.isDirWithoutSlash(r.URL.Path) {
		// From the cleaned path: "//host" would leave the site.
		http.Redirect(w, r, path.Clean("/"+r.URL.Path)+"/", http.StatusMovedPermanently)
		return
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	for k, v := range publicAssetHeaders {
		h[k] = v
	}
	h.Set("Content-Type", contentType(name))
	h.Set("Vary", "Accept-Encoding")
	if path.Base(name) == serviceWorker {
		h.Set("Cache-Control", cacheNever)
	} else {
		h.Set("Cache-Control", cacheRevalidate)
	}
	served := name
	for _, enc := range encodings {
		if acceptsEncoding(r.Header.Get("Accept-Encoding"), enc.name) && isFile(s.dist, name+enc.suffix) {
			served = name + enc.suffix
			h.Set("Content-Encoding", enc.name)
			break
		}
	}
	if err := s.serveFile(w, r, served); err != nil {
		h.Del("Content-Encoding")
		http.Error(w, "cannot read "+name, http.StatusNotFound)
	}
}

// resolve maps a URL path to a file in dist: "/" and directories to their
// index.html. Hidden files and anything outside dist do not resolve.
func (s *static) resolve(urlPath string) (string, bool) {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" {
		name = "."
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") && part != "." {
			return "", false
		}
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	info, err := fs.Stat(s.dist, name)
	if err == nil && info.IsDir() {
		name = path.Join(name, "index.html")
		info, err = fs.Stat(s.dist, name)
	}
	return name, err == nil && info.Mode().IsRegular()
}

// isDirWithoutSlash reports whether urlPath names a folder but lacks the
// trailing slash that its page's relative links need.
func (s *static) isDirWithoutSlash(urlPath string) bool {
	if strings.HasSuffix(urlPath, "/") {
		return false
	}
	info, err := fs.Stat(s.dist, strings.TrimPrefix(path.Clean(urlPath), "/"))
	return err == nil && info.IsDir()
}

func (s *static) serveFile(w http.ResponseWriter, r *http.Request, name string) error {
	f, err := s.dist.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	content, ok := f.(io.ReadSeeker)
	if !ok {
		b, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		content = bytes.NewReader(b)
	}
	etag, err := s.etag(fileIdentity{name, info.Size(), info.ModTime()}, content)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag)
	http.ServeContent(w, r, name, info.ModTime(), content)
	return nil
}

func (s *static) etag(id fileIdentity, content io.ReadSeeker) (string, error) {
	if tag, ok := s.etags.Load(id); ok {
		return tag.(string), nil
	}
	sum := sha256.New()
	if _, err := io.Copy(sum, content); err != nil {
		return "", err
	}
	if _, err := content.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	tag := `"` + base64.RawURLEncoding.EncodeToString(sum.Sum(nil)[:12]) + `"`
	s.etags.Store(id, tag)
	return tag, nil
}

func contentType(name string) string {
	ext := path.Ext(name)
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

func isFile(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, name)
	return err == nil && info.Mode().IsRegular()
}

// acceptsEncoding reports whether an Accept-Encoding header admits coding,
// honouring an explicit refusal with q=0.
func acceptsEncoding(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		weight, found := strings.CutPrefix(strings.TrimSpace(params), "q=")
		if !found {
			return true
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(weight), 64)
		return err == nil && q > 0
	}
	return false
}
