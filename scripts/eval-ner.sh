#!/usr/bin/env bash
# Exact-match NER scores on CoNLL-2003 dev through the whole pipeline:
# score-conll -emit | lede annotate -jsonl -format conll-eval | score-conll
# With ERRS=file set, the false positives and negatives are written there (TSV).
set -euo pipefail
shared=${1:-../shared}
gold=$shared/data/ner/conll2003/dev.txt
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$shared/tools/score-conll" && go build -o "$tmp/score-conll" .)
go build -o "$tmp/lede" ./cmd/lede
"$tmp/score-conll" -emit "$gold" > "$tmp/docs.jsonl"
"$tmp/lede" annotate -jsonl -offsets byte -format conll-eval < "$tmp/docs.jsonl" > "$tmp/pred.jsonl"
"$tmp/score-conll" -label lede ${ERRS:+-errors "$ERRS"} "$gold" < "$tmp/pred.jsonl"
