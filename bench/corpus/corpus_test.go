package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/internal/testshared"
)

// noCorpus is what the tests miss when ../shared is absent.
const noCorpus = "no corpus to build benchmark texts from"

func TestCutEndsAtParagraphOrRuneBoundary(t *testing.T) {
	long := strings.Repeat("é", 40<<10) // 80 KB of two-byte runes, no paragraph break
	tests := []struct {
		name, text string
		size       int
		want       string
	}{
		{"short text stays whole", "One.\n\nTwo.", 100, "One.\n\nTwo."},
		{"cut at the last paragraph break", "One.\n\nTwo.\n\nThree.", 14, "One.\n\nTwo."},
		{"cut never splits a rune", long, 5, "éé"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, cut(tt.text, tt.size))
		})
	}
}

func TestTextHasTheRequestedSize(t *testing.T) {
	for _, size := range []int{10 << 10, 1 << 20} {
		text, err := Text(testshared.Path(t, "", noCorpus), size)
		require.NoError(t, err)
		assert.LessOrEqual(t, len(text), size)
		assert.Greater(t, len(text), size-64<<10)
		assert.True(t, utf8.ValidString(text))
	}
}

func TestArticlesAreAboutAThousandWords(t *testing.T) {
	articles, err := Articles(testshared.Path(t, "", noCorpus))
	require.NoError(t, err)
	require.NotEmpty(t, articles)
	for _, a := range articles {
		n := len(strings.Fields(a))
		assert.True(t, n >= minArticleWords && n <= maxArticleWords, "%d words", n)
	}
}

// The warm-up must not show an engine any of the measured articles, or the
// "first sight" measurement would not be one.
func TestWarmUpSharesNoArticleWithTheMeasuredOnes(t *testing.T) {
	shared := testshared.Path(t, "", noCorpus)
	warmUp, err := WarmUp(shared)
	require.NoError(t, err)
	articles, err := Articles(shared)
	require.NoError(t, err)
	assert.Len(t, warmUp, warmUpArticles)
	for _, w := range warmUp {
		for _, a := range articles {
			assert.NotContains(t, w, a[:200])
		}
	}
}
