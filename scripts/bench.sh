#!/usr/bin/env bash
# make bench: measures Lede's speed and size and prints ONE Markdown table
# (native Go, the wasm build under node, headless Chromium and compromise side
# by side, with ratios and issue 8's targets) on stdout; progress goes to
# stderr. The texts are built from $SHARED/data into a scratch folder that is
# removed at the end: no corpus text is ever written into the repository.
#   COUNT=5     runs of each Go benchmark (medians are reported)
#   SHARED=../shared
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
COUNT=${COUNT:-5}
if [ ! -d "$SHARED/data" ]; then
  echo "bench: $SHARED/data is absent; the benchmarks run on its news corpora" >&2
  exit 1
fi
out=$(mktemp -d "${TMPDIR:-/tmp}/lede-bench.XXXXXX")
trap 'rm -rf "$out"' EXIT
step() { printf '\n== %s\n' "$*" >&2; }

step "building dist/ (sizes per asset)"
make -s dist >&2

step "writing the bench texts"
go run ./bench/texts -shared "$SHARED" -out "$out/texts" -sizes 10KB,100KB,1MB,10MB

step "Go benchmarks, -count $COUNT"
nice go test -run '^$' -bench . -benchmem -count "$COUNT" -timeout 30m ./annotate/... | tee "$out/go-bench.txt" >&2

step "native peak memory on 10 MB (lede annotate)"
go build -o "$out/lede" ./cmd/lede
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%M' -o "$out/native-rss.txt" "$out/lede" annotate "$out/texts/text-10MB.txt" >/dev/null
else
  echo "bench: /usr/bin/time is missing; native peak memory is not measured" >&2
fi

step "wasm under node and compromise, same process, same texts"
(cd bench && npm ci --no-audit --no-fund --loglevel=error >&2)
nice node bench/sidebyside.mjs --texts "$out/texts" --dist dist \
  --sizes 10KB,100KB,1MB,10MB --compromise-sizes 10KB,100KB,1MB >"$out/node.json"

step "headless Chromium: ready time, bytes, worker round trips; brotli budget"
make -s chromium >&2
LEDE_BENCH_OUT="$out" go test -tags browser -count=1 -v \
  -run 'TestPerfReadyAndAnnotate|TestDownloadFitsTheBrotliBudget' ./e2e/ >&2 ||
  echo "bench: a browser check failed (above); the table shows what was measured" >&2

step "table"
node bench/report.mjs --go "$out/go-bench.txt" --node "$out/node.json" \
  --browser "$out/browser.json" --dist "$out/dist.json" --rss "$out/native-rss.txt"
echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(go version | cut -d' ' -f3), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end of the run"
