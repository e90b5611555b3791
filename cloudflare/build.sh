#!/usr/bin/env bash
# Builds the Worker into build/: the JS glue from syumai/workers, the Go
# handler compiled to wasm, and the static assets (dist/ plus _headers).
# LEDE_ALLOWED_ORIGINS and LEDE_FRAME_ANCESTORS configure both the API and the
# assets' headers, e.g.
#   LEDE_ALLOWED_ORIGINS=https://cms.example.org npx wrangler deploy
set -euo pipefail
cd "$(dirname "$0")"
DIST="${LEDE_DIST:-../dist}"
go run ./assets -dist "$DIST" -out build.assets.tmp \
	-allow-origin "${LEDE_ALLOWED_ORIGINS:-}" -frame-ancestors "${LEDE_FRAME_ANCESTORS:-}"
go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o build
mv build.assets.tmp build/assets
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w \
	-X 'main.allowedOrigins=${LEDE_ALLOWED_ORIGINS:-}' \
	-X 'main.frameAncestors=${LEDE_FRAME_ANCESTORS:-}' \
	-X 'main.version=${LEDE_VERSION:-dev}'" -o build/app.wasm .
