#!/usr/bin/env bash
# Direct-quote F1 and speaker accuracy on PolNeAR dev (SPLIT=train for the
# training split). ERRORS=file also writes every false positive, false
# negative and wrong speaker there as TSV.
set -euo pipefail
shared=${1:-../shared}
split=${SPLIT:-dev}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$shared/tools/score-quotes" && go build -o "$tmp/score-quotes" .)
go build -o "$tmp/lede" ./cmd/lede
score=("$tmp/score-quotes" -polnear "$shared/data/quotes/polnear" -split "$split")
"${score[@]}" -emit > "$tmp/docs.jsonl"
"$tmp/lede" annotate -jsonl -offsets byte -format quotes-eval < "$tmp/docs.jsonl" > "$tmp/pred.jsonl"
"${score[@]}" ${ERRORS:+-errors "$ERRORS"} < "$tmp/pred.jsonl"
