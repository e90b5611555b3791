package main

import (
	"fmt"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
)

// mediaTypes maps the extensions the build minifies to the minifier's media
// type; any other file (wasm, images, type declarations) is copied as is.
var mediaTypes = map[string]string{
	".html":        "text/html",
	".css":         "text/css",
	".js":          "application/javascript",
	".mjs":         "application/javascript",
	".svg":         "image/svg+xml",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
}

func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("application/manifest+json", json.Minify)
	return m
}

// minifyAll minifies every asset whose type the minifier knows, in place.
func minifyAll(assets []*asset) error {
	m := newMinifier()
	for _, a := range assets {
		a.source = len(a.data)
		mediaType, ok := mediaTypes[extension(a.path)]
		if !ok {
			continue
		}
		out, err := m.Bytes(mediaType, a.data)
		if err != nil {
			return fmt.Errorf("minifying %s: %w", a.path, err)
		}
		a.data = out
	}
	return nil
}
