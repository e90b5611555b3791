#!/usr/bin/env bash
# Direct-quote F1 and speaker accuracy on PolNeAR dev.
set -euo pipefail
shared=${1:-../shared}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$shared/tools/score-quotes" && go build -o "$tmp/score-quotes" .)
go build -o "$tmp/lede" ./cmd/lede
"$tmp/score-quotes" -polnear "$shared/data/quotes/polnear" -split dev -emit > "$tmp/docs.jsonl"
"$tmp/lede" annotate -jsonl -offsets byte -format quotes-eval < "$tmp/docs.jsonl" > "$tmp/pred.jsonl"
"$tmp/score-quotes" -polnear "$shared/data/quotes/polnear" -split dev < "$tmp/pred.jsonl"
