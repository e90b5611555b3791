#!/usr/bin/env bash
# Exact-match NER scores through the whole pipeline:
# score-conll -emit | lede annotate -jsonl -format conll-eval | score-conll
# on CoNLL-2003 dev (the default) or, with SET=wikigold, on WikiGold (out of
# domain: never trained on). Then the recognizer alone on the same set, with
# the reliability table of its confidence (train-ner -eval).
# With ERRS=file set, the false positives and negatives are written there (TSV).
set -euo pipefail
shared=${1:-../shared}
case ${SET:-dev} in
dev) gold=$shared/data/ner/conll2003/dev.txt; only=(-eval-wikigold=false) ;;
wikigold) gold=$shared/data/ner/wikigold/wikigold.conll.txt; only=(-dev=false) ;;
*) echo "SET must be dev or wikigold" >&2; exit 2 ;;
esac
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$shared/tools/score-conll" && go build -o "$tmp/score-conll" .)
go build -o "$tmp/lede" ./cmd/lede
"$tmp/score-conll" -emit "$gold" > "$tmp/docs.jsonl"
"$tmp/lede" annotate -jsonl -offsets byte -format conll-eval < "$tmp/docs.jsonl" > "$tmp/pred.jsonl"
"$tmp/score-conll" -label lede ${ERRS:+-errors "$ERRS"} "$gold" < "$tmp/pred.jsonl"
echo
echo "The recognizer alone, and its confidence:"
go run ./cmd/train-ner -shared "$shared" -eval annotate/ner/model.bin "${only[@]}"
