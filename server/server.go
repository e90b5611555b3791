// Package server is Lede's one HTTP handler: it serves the built app from
// dist/ and the JSON API (POST /api/annotate, GET /api/health, GET
// /api/config), with security headers on every response.
//
// The same handler runs under `lede serve` (net/http) and on Cloudflare
// Workers (cloudflare/main.go), so it depends on nothing but the standard library
// and package annotate.
package server

import (
	"io/fs"
	"net/http"
	"runtime"
	"strings"

	"lede/annotate"
)

// DefaultMaxBody is the documented limit of an /api/annotate request body.
const DefaultMaxBody = 1 << 20

// Config configures the handler. The zero value serves the API only, to the
// same origin, in a page that only the app itself may frame.
type Config struct {
	// Dist is the built app (dist/). When nil, only /api/ is served: on
	// Workers the static assets are served by Cloudflare, not by Go.
	Dist fs.FS
	// AllowedOrigins may call the API from a browser (CORS) and talk to the
	// app page in iframe mode ("https://cms.example.com", or "*" for any).
	AllowedOrigins []string
	// FrameAncestors may frame the app page (CSP frame-ancestors), besides
	// the app's own origin. Use origins or CSP source expressions.
	FrameAncestors []string
	// MaxBody bounds an /api/annotate request body in bytes; 0 means
	// DefaultMaxBody.
	MaxBody int64
	// MaxConcurrent bounds how many annotations run at once, which bounds
	// memory under load; 0 means twice the number of CPUs.
	MaxConcurrent int
	// Version is reported by /api/health.
	Version string
}

// New returns the handler for cfg.
func New(cfg Config) http.Handler {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MaxConcurrent <= 0 {
		cfg.MaxConcurrent = 2 * runtime.GOMAXPROCS(0)
	}
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	origins := newOriginList(cfg.AllowedOrigins)
	var api http.Handler = newAPI(cfg, origins)
	if err := annotate.CheckEmbedded(); err != nil {
		// A build with broken embedded data says so on every API call
		// rather than annotating without names or issues.
		api = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			writeError(w, http.StatusServiceUnavailable, err.Error())
		})
	}
	var static http.Handler = http.NotFoundHandler()
	if cfg.Dist != nil {
		static = newStatic(cfg.Dist)
	}
	headers := SecurityHeaders(cfg)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for name, values := range headers {
			w.Header()[name] = values
		}
		if r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/") {
			api.ServeHTTP(w, r)
			return
		}
		static.ServeHTTP(w, r)
	})
}
