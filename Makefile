# Lede: `make run` to use it, `make test` to check it. See README.md.
GO      ?= go
SHARED  ?= ../shared
ADDR    ?= 127.0.0.1:8080
WASMENV := GOOS=js GOARCH=wasm
# go test for js/wasm runs the test binary under node through go_js_wasm_exec.
WASMPATH := PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH"
# binaryen's wasm-opt (build time only), pinned, installed from npm into bin/.
BINARYEN := 132.0.0
WASM_OPT := bin/binaryen-$(BINARYEN)/node_modules/.bin/wasm-opt

.PHONY: run dist test vet test-go test-js test-wasm test-browser test-worker fuzz-short fuzz \
        model topics-model geo-data eval eval-ner eval-ner-wikigold eval-quotes eval-issues eval-articles eval-geo eval-pronouns eval-confidence calibrate-speakers bench pgo chromium clean

## run: build the app and serve it on http://$(ADDR)
run: dist
	$(GO) run ./cmd/lede serve -addr $(ADDR) -dist dist

## dist: the minified app (wasm, scripts, styles, pre-compressed copies) in dist/
dist: $(WASM_OPT)
	$(GO) run ./cmd/build-web -out dist -wasm-opt $(WASM_OPT)

$(WASM_OPT):
	npm install --prefix bin/binaryen-$(BINARYEN) --no-save --no-audit --no-fund --loglevel=error binaryen@$(BINARYEN)

## test: everything CI runs
test: vet test-go test-js test-wasm fuzz-short test-browser test-worker

vet:
	@test -z "$$(gofmt -l annotate cmd wasm web server cloudflare e2e 2>/dev/null)" || (gofmt -l annotate cmd wasm web server cloudflare e2e; echo "gofmt needed"; exit 1)
	$(GO) vet ./...
	$(WASMENV) $(GO) vet ./wasm/ ./cloudflare/

test-go:
	$(GO) test ./...

## test-js: unit tests of the page's pure functions (tests/js) under node's test runner
test-js:
	node --test tests/js/

test-wasm:
	$(WASMPATH) $(WASMENV) $(GO) test ./annotate/... ./wasm/

test-browser: dist chromium
	$(GO) test -tags browser -count=1 -timeout 15m ./e2e/

test-worker:
	./scripts/test-worker.sh

chromium:
	@./scripts/ensure-chromium.sh

## model: retrain the name recognizer from $(SHARED)/data (writes annotate/ner/model.bin)
model:
	$(GO) run ./cmd/train-ner -shared $(SHARED)

## topics-model: recompile the issue lexicon (pruned on the training corpus) and
## retrain the article classifier from $(SHARED)/data (writes annotate/topics/compiled.txt
## and classifier.bin; deterministic). The classifier is trained on the lexicon just written.
topics-model:
	$(GO) run ./cmd/build-topics -shared $(SHARED)
	$(GO) run ./cmd/build-topics -shared $(SHARED) -train

eval: eval-ner eval-ner-wikigold eval-quotes eval-issues eval-articles eval-geo eval-pronouns


## geo-data: rebuild the place linker's GeoNames table and the map outline from $(SHARED)/data (deterministic)
geo-data:
	$(GO) run ./cmd/build-geo -shared $(SHARED)

## eval-ner: exact-match P/R/F1 on CoNLL-2003 dev, and the confidence's reliability
eval-ner:
	./scripts/eval-ner.sh $(SHARED)

## eval-ner-wikigold: the same on WikiGold (out of domain, never trained on)
eval-ner-wikigold:
	SET=wikigold ./scripts/eval-ner.sh $(SHARED)

## eval-quotes: quote F1 and speaker accuracy on PolNeAR dev
eval-quotes:
	./scripts/eval-quotes.sh $(SHARED)

## eval-confidence: reliability of the entities' confidence (CoNLL dev) and the speakers' (PolNeAR dev)
eval-confidence:
	./scripts/eval-confidence.sh $(SHARED)

## calibrate-speakers: refit annotate/speakertable.go on PolNeAR train, then eval-confidence
calibrate-speakers:
	FIT=1 ./scripts/eval-confidence.sh $(SHARED)

## eval-geo: GeoNames accuracy and abstain rate on the place gold set in annotate/geo/testdata
eval-geo:
	$(GO) test ./annotate/geo -run 'TestGold|TestSeed' -count=1 -v

## eval-pronouns: pronoun cues and gender on the GUM coreference documents
eval-pronouns:
	$(GO) run ./cmd/eval-pronouns -shared $(SHARED)

## eval-issues: top-level issue accuracy on BBC News (held-out half) and MasakhaNEWS dev, Lede's own articles
eval-issues:
	$(GO) run ./cmd/eval-issues -shared $(SHARED)

## eval-articles: entity P/R per type, false people and roles on the project's own test articles
eval-articles:
	$(GO) run ./cmd/eval-articles -dir annotate/testdata/articles

bench:
	./scripts/bench.sh

## pgo: refresh wasm/default.pgo, the profile the wasm build is optimised with
pgo:
	./scripts/pgo.sh

# A count, not a duration: when a duration runs out in the middle of an input,
# go test can fail with "context deadline exceeded" although nothing crashed.
fuzz-short:
	./scripts/fuzz.sh 1000x

fuzz:
	./scripts/fuzz.sh 5m

clean:
	rm -rf dist bin
