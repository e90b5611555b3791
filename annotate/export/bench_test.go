package export

import (
	"io"
	"testing"
)

// BenchmarkWrite writes about 1 MB of news in each format, the annotation
// included (Write annotates), so the numbers compare with annotate's own
// Pipeline benchmarks.
func BenchmarkWrite(b *testing.B) {
	text := longText()
	for _, f := range Formats() {
		b.Run(f.Name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if err := Write(io.Discard, f, text, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
