package annotate

import (
	"testing"

	"lede/bench/corpus"
	"lede/internal/testshared"
)

// Benchmarks of the whole pipeline and of the lead's stages on real news:
// ~1,000-word articles and long texts of 10 KB to 10 MB, built by package
// corpus from ../shared (the same texts the node side-by-side gives the wasm
// build and compromise). Each reports MB/s and allocations; the long texts
// show whether time grows linearly with length. Beside wall time they report
// cpu-ns/op, the process's CPU time per op, which other jobs on a shared
// machine do not stretch. scripts/bench.sh runs them with -count 5 and takes
// medians.

// benchTexts memoizes the corpus texts across benchmarks and -count runs.
var benchTexts = map[string][]string{}

// loadBenchTexts returns the articles ("article") or the long text of a
// corpus size, skipping when ../shared is absent.
func loadBenchTexts(b *testing.B, name string) []string {
	b.Helper()
	if texts, ok := benchTexts[name]; ok {
		return texts
	}
	shared := testshared.Path(b, "", "no news corpus to benchmark on")
	var texts []string
	var err error
	if size, ok := corpus.SizeNamed(name); ok {
		var text string
		text, err = corpus.Text(shared, size.Bytes)
		texts = []string{text}
	} else {
		texts, err = corpus.Articles(shared)
	}
	if err != nil {
		b.Fatal(err)
	}
	benchTexts[name] = texts
	return texts
}

// benchmarkTexts runs one sub-benchmark on the ~1,000-word articles (one
// article per op, cycling through them) and one per long-text size. prepare
// runs untimed and returns the operation to time on that text.
func benchmarkTexts(b *testing.B, prepare func(text string) func()) {
	names := []string{"article"}
	for _, s := range corpus.Sizes {
		names = append(names, s.Name)
	}
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			texts := loadBenchTexts(b, name)
			ops := make([]func(), len(texts))
			total := 0
			for i, text := range texts {
				ops[i] = prepare(text)
				total += len(text)
			}
			b.SetBytes(int64(total / len(texts)))
			b.ReportAllocs()
			b.ResetTimer()
			cpuStart, measured := processCPUNanos()
			for i := 0; b.Loop(); i++ {
				ops[i%len(ops)]()
			}
			if cpuEnd, _ := processCPUNanos(); measured {
				b.ReportMetric(float64(cpuEnd-cpuStart)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

// BenchmarkPipeline is what a caller pays: Annotate with UTF-16 offsets.
func BenchmarkPipeline(b *testing.B) {
	benchmarkTexts(b, func(text string) func() {
		return func() { Annotate(text) }
	})
}

// BenchmarkPipelineJSON adds writing the document as JSON, which is what the
// wasm bridge and the HTTP API hand back.
func BenchmarkPipelineJSON(b *testing.B) {
	var buf []byte
	benchmarkTexts(b, func(text string) func() {
		return func() { buf = Annotate(text).AppendJSON(buf[:0]) }
	})
}

// BenchmarkTokensSentences is the lead's first two stages.
func BenchmarkTokensSentences(b *testing.B) {
	benchmarkTexts(b, func(text string) func() {
		return func() { splitSentences(text, Tokenize(text)) }
	})
}

// BenchmarkJSON is writing an already annotated document.
func BenchmarkJSON(b *testing.B) {
	var buf []byte
	benchmarkTexts(b, func(text string) func() {
		doc := Annotate(text)
		return func() { buf = doc.AppendJSON(buf[:0]) }
	})
}
