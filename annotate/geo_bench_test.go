package annotate

import (
	"os"
	"testing"
)

// BenchmarkLinkPlaces measures place linking alone on the seed article,
// against BenchmarkAnnotateSeed, the whole pipeline on it.
func BenchmarkLinkPlaces(b *testing.B) {
	text := seedText(b)
	a := analyse(text, AllLayers)
	doc := a.document(config{offsets: UTF16, layers: AllLayers})
	b.ReportAllocs()
	for b.Loop() {
		linkPlaces(a, doc.Entities)
	}
}

func BenchmarkAnnotateSeed(b *testing.B) {
	text := seedText(b)
	b.ReportAllocs()
	for b.Loop() {
		Annotate(text)
	}
}

func seedText(b *testing.B) string {
	t, err := os.ReadFile("../../shared/data/seed/blinken-beijing.txt")
	if err != nil {
		b.Skip("../shared is absent")
	}
	return string(t)
}
