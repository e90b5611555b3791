package annotate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func tokenTexts(text string) []string {
	var out []string
	for _, t := range Tokenize(text) {
		out = append(out, t.Text(text))
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"China's top envoy", []string{"China", "'s", "top", "envoy"}},
		{"Xi’s speech", []string{"Xi", "’s", "speech"}},
		{"England 's one-day", []string{"England", "'s", "one-day"}},
		{"Okafor-Lindqvist and O'Brien don't", []string{"Okafor-Lindqvist", "and", "O'Brien", "don't"}},
		{"the U.S. and Mr. Wang", []string{"the", "U.S.", "and", "Mr.", "Wang"}},
		{"Covid-19 in the 1990s, 3.5% and 1,000", []string{"Covid-19", "in", "the", "1990s", ",", "3.5", "%", "and", "1,000"}},
		{"``Hi,'' he said...", []string{"``", "Hi", ",", "''", "he", "said", "..."}},
		{"«Oui» „Ja“", []string{"«", "Oui", "»", "„", "Ja", "“"}},
		{"AT&T and S&P", []string{"AT&T", "and", "S&P"}},
		{"BEIJING — The", []string{"BEIJING", "—", "The"}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, tokenTexts(c.text), c.text)
	}
}

func TestSentences(t *testing.T) {
	text := "Mr. Wang met the U.S. envoy. He left. \"Fine,\" she said! Next\nNew line."
	var got []string
	for _, s := range splitSentences(text, Tokenize(text)) {
		got = append(got, text[s.Start:s.End])
	}
	assert.Equal(t, []string{"Mr. Wang met the U.S. envoy.", "He left.", "\"Fine,\" she said!", "Next", "New line."}, got)
}
