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
		{"hitting .596 in 1996.", []string{"hitting", ".596", "in", "1996", "."}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, tokenTexts(c.text), c.text)
	}
}

func TestSentences(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"Mr. Wang met the U.S. envoy. He left. \"Fine,\" she said! Next\nNew line.",
			[]string{"Mr. Wang met the U.S. envoy.", "He left.", "\"Fine,\" she said!", "Next", "New line."}},
		{"She won the U.S. Open on Sunday. It was her first.",
			[]string{"She won the U.S. Open on Sunday.", "It was her first."}},
		{"He lives in the U.S. The rest stayed.", []string{"He lives in the U.S.", "The rest stayed."}},
		{"\" We lost . \" Then we left .", []string{"\" We lost . \"", "Then we left ."}},
		{"We won . \"\nNext .", []string{"We won . \"", "Next ."}},
		{"ST. LOUIS 2024-05-01\n... The U.S. 30-year bond fell.", []string{"ST. LOUIS 2024-05-01", "... The U.S. 30-year bond fell."}},
		{"1. Ana Silva ( Spain ) 12.71\n2. Tom Ng", []string{"1. Ana Silva ( Spain ) 12.71", "2. Tom Ng"}},
	}
	for _, c := range cases {
		var got []string
		for _, s := range splitSentences(c.text, Tokenize(c.text)) {
			got = append(got, c.text[s.Start:s.End])
		}
		assert.Equal(t, c.want, got, c.text)
	}
}
