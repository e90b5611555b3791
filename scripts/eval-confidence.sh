#!/usr/bin/env bash
# The reliability of the document's confidences: entities on CoNLL-2003 dev,
# speakers on PolNeAR dev (cmd/eval-confidence). With FIT=1 it first fits
# the speaker table (annotate/speakertable.go) on PolNeAR train, then
# measures the refitted table on dev.
set -euo pipefail
shared=${1:-../shared}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$shared/tools/score-conll" && go build -o "$tmp/score-conll" .)
(cd "$shared/tools/score-quotes" && go build -o "$tmp/score-quotes" .)
polnear=("$tmp/score-quotes" -polnear "$shared/data/quotes/polnear")
for split in train dev; do
	"${polnear[@]}" -split "$split" -emit > "$tmp/$split.jsonl"
	"${polnear[@]}" -split "$split" -emit-gold > "$tmp/$split-gold.jsonl"
done
if [ -n "${FIT:-}" ]; then
	echo "PolNeAR train, fitting annotate/speakertable.go:"
	go run ./cmd/eval-confidence -docs "$tmp/train.jsonl" -quotes "$tmp/train-gold.jsonl" -fit annotate/speakertable.go
fi
echo "PolNeAR dev:"
go run ./cmd/eval-confidence -docs "$tmp/dev.jsonl" -quotes "$tmp/dev-gold.jsonl"
conll=$shared/data/ner/conll2003/dev.txt
"$tmp/score-conll" -emit "$conll" > "$tmp/conll.jsonl"
"$tmp/score-conll" -emit-gold "$conll" > "$tmp/conll-gold.jsonl"
echo "CoNLL-2003 dev, through the whole pipeline:"
go run ./cmd/eval-confidence -docs "$tmp/conll.jsonl" -entities "$tmp/conll-gold.jsonl"
