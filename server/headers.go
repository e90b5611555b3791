package server

import (
	"maps"
	"net/http"
	"slices"
	"strings"
)

// Security headers: the policy every response carries, written once here so
// that `lede serve` and the Workers static assets (through the _headers file
// that HeadersFile writes) send exactly the same thing.

// SecurityHeaders returns the headers sent with every response. The content
// security policy allows scripts only from the app's origin, plus
// 'wasm-unsafe-eval' so the annotator's WebAssembly can be compiled; nothing
// inline runs, so markup pasted into the page can never execute.
func SecurityHeaders(cfg Config) http.Header {
	return http.Header{
		"Content-Security-Policy": {contentSecurityPolicy(cfg.FrameAncestors)},
		"X-Content-Type-Options":  {"nosniff"},
		"Referrer-Policy":         {"no-referrer"},
		"Permissions-Policy":      {"camera=(), microphone=(), geolocation=(), payment=()"},
	}
}

func contentSecurityPolicy(frameAncestors []string) string {
	ancestors := append([]string{"'self'"}, frameAncestors...)
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self'",
		"img-src 'self' data: blob:",
		"connect-src 'self'",
		"worker-src 'self'",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors " + strings.Join(ancestors, " "),
	}, "; ")
}

// HeadersFile is the _headers file of Workers static assets: the security
// headers and the public-asset headers for every file, and no caching of the
// service worker. (Cloudflare revalidates every other asset by default.)
func HeadersFile(cfg Config) []byte {
	var b strings.Builder
	b.WriteString("/*\n")
	writeHeaderLines(&b, SecurityHeaders(cfg))
	writeHeaderLines(&b, publicAssetHeaders)
	b.WriteString("/" + serviceWorker + "\n")
	writeHeaderLines(&b, http.Header{"Cache-Control": {cacheNever}})
	return []byte(b.String())
}

func writeHeaderLines(b *strings.Builder, h http.Header) {
	for _, name := range slices.Sorted(maps.Keys(h)) {
		for _, v := range h[name] {
			b.WriteString("  " + name + ": " + v + "\n")
		}
	}
}
