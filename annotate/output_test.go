package annotate

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNumberedIDs(t *testing.T) {
	assert.Empty(t, numberedIDs('e', 0))
	assert.Equal(t, []string{"e1"}, numberedIDs('e', 1))
	ids := numberedIDs('q', 1000)
	for i, id := range ids {
		assert.Equal(t, "q"+strconv.Itoa(i+1), id)
	}
}

func TestSortMentions(t *testing.T) {
	tests := []struct {
		name   string
		spans  [][2]int
		sorted [][2]int
	}{
		{"empty", nil, nil},
		{"in order", [][2]int{{0, 3}, {5, 9}, {5, 12}}, [][2]int{{0, 3}, {5, 9}, {5, 12}}},
		{"out of order", [][2]int{{40, 45}, {0, 3}, {12, 20}}, [][2]int{{0, 3}, {12, 20}, {40, 45}}},
		{"same start", [][2]int{{5, 12}, {5, 9}}, [][2]int{{5, 9}, {5, 12}}},
	}
	for _, tt := range tests {
		ms := make([]Mention, len(tt.spans))
		for i, s := range tt.spans {
			ms[i] = Mention{Start: s[0], End: s[1]}
		}
		sortMentions(ms)
		var got [][2]int
		for _, m := range ms {
			got = append(got, [2]int{m.Start, m.End})
		}
		assert.Equal(t, tt.sorted, got, tt.name)
	}
}

// BenchmarkDocument is turning an analysis into its report and a Document with UTF-16
// offsets: the offset index, the ids, the mention lists. A long text is
// annotated block by block, so it benchmarks its first block.
func BenchmarkDocument(b *testing.B) {
	benchmarkTexts(b, func(text string) func() {
		a := analyse(text[:nextBlockEnd(text, 0)], AllLayers, nil)
		cfg := config{offsets: UTF16, layers: AllLayers}
		return func() { a.report().document(cfg) }
	})
}
