# Lede: `make run` to use it, `make test` to check it. See README.md.
GO      ?= go
SHARED  ?= ../shared
ADDR    ?= 127.0.0.1:8080
WASMENV := GOOS=js GOARCH=wasm
# go test for js/wasm runs the test binary under node through go_js_wasm_exec.
WASMPATH := PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH"

.PHONY: run dist test vet test-go test-wasm test-browser test-worker fuzz-short fuzz \
        model eval eval-ner eval-quotes eval-issues eval-articles bench pgo chromium clean

## run: build the app and serve it on http://$(ADDR)
run: dist
	$(GO) run ./cmd/lede serve -addr $(ADDR) -dist dist

## dist: the minified app (wasm, scripts, styles, pre-compressed copies) in dist/
dist:
	$(GO) run ./web/build -out dist

## test: everything CI runs
test: vet test-go test-wasm fuzz-short test-browser test-worker

vet:
	@test -z "$$(gofmt -l annotate cmd wasm web server worker e2e 2>/dev/null)" || (gofmt -l annotate cmd wasm web server worker e2e; echo "gofmt needed"; exit 1)
	$(GO) vet ./...
	$(WASMENV) $(GO) vet ./wasm/ ./worker/

test-go:
	$(GO) test ./...

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

eval: eval-ner eval-quotes eval-issues eval-articles

## eval-ner: exact-match P/R/F1 on CoNLL-2003 dev
eval-ner:
	./scripts/eval-ner.sh $(SHARED)

## eval-quotes: quote F1 and speaker accuracy on PolNeAR dev
eval-quotes:
	./scripts/eval-quotes.sh $(SHARED)

## eval-issues: top-level issue accuracy on BBC News
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
