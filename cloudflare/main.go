//go:build js && wasm

// Command worker runs Lede's HTTP handler (package server) on Cloudflare
// Workers. Cloudflare serves the app's static files itself (wrangler.jsonc,
// assets); only /api/* reaches this program. Build and run it with
// `npm run build` and `npx wrangler dev` in this folder; see docs/embedding.md.
package main

import (
	"github.com/syumai/workers"

	"lede/server"
)

// Set at build time from the LEDE_ALLOWED_ORIGINS and LEDE_FRAME_ANCESTORS
// environment variables (build.sh), which also shape the assets' _headers,
// so the API and the static files follow one configuration.
var allowedOrigins, frameAncestors, version string

func main() {
	// build.sh validated both lists with the same parser before compiling.
	origins, _ := server.ParseOrigins(allowedOrigins)
	ancestors, _ := server.ParseOrigins(frameAncestors)
	workers.ServeNonBlock(server.New(server.Config{
		AllowedOrigins: origins,
		FrameAncestors: ancestors,
		Version:        version,
	}))
	workers.Ready()
	// Keep running: entry.mjs hands this one program every request.
	select {}
}
