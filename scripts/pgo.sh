#!/usr/bin/env bash
# make pgo: refreshes wasm/default.pgo, the CPU profile that `go build ./wasm`
# optimises the browser build with (profile-guided optimisation: the hot calls
# of the name recognizer are inlined, which a wasm call needs more than a
# native one). The profile comes from the pipeline benchmarks on news built
# from $SHARED/data; re-run it after changing annotate/ in depth.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-pgo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
go test -o "$tmp/annotate.test" -run '^$' -bench 'PipelineJSON$/(article|1MB)' -benchtime 3s \
  -cpuprofile "$tmp/cpu.pprof" ./annotate/ >&2
cp "$tmp/cpu.pprof" wasm/default.pgo
echo "wrote wasm/default.pgo ($(wc -c <wasm/default.pgo) bytes)" >&2
