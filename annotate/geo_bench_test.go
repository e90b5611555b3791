package annotate

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// BenchmarkLinkPlaces measures place linking alone on the seed article,
// against BenchmarkAnnotateSeed, the whole pipeline on it.
func BenchmarkLinkPlaces(b *testing.B) {
	text := readSeed(b)
	a := analyse(text, AllLayers, nil)
	b.ReportAllocs()
	for b.Loop() {
		linkPlaces(a)
	}
}

func BenchmarkAnnotateSeed(b *testing.B) {
	text := readSeed(b)
	b.ReportAllocs()
	for b.Loop() {
		Annotate(text)
	}
}

// TestLinkingIsNegligible times linking against the whole annotation of the
// seed article, interleaved so that a busy machine slows both alike: about
// 2.5% natively. The bound leaves room for noise.
func TestLinkingIsNegligible(t *testing.T) {
	skipUnderWasm(t)
	text := readSeed(t)
	var whole, link []time.Duration
	for range 200 {
		t0 := time.Now()
		a := analyse(text, AllLayers, nil)
		a.report().document(config{offsets: UTF16, layers: AllLayers})
		t1 := time.Now()
		linkPlaces(a)
		whole, link = append(whole, t1.Sub(t0)), append(link, time.Since(t1))
	}
	slices.Sort(whole)
	slices.Sort(link)
	share := float64(link[len(link)/2]) / float64(whole[len(whole)/2])
	t.Logf("annotation %v, linking %v: %.1f%%", whole[len(whole)/2], link[len(link)/2], 100*share)
	assert.Less(t, share, 0.06)
}
