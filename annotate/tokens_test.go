package annotate

import (
	"testing"
	"unicode/utf8"

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
		// Words longer than the eight bytes read at once, joined or ended
		// past them, and non-ASCII letters, marks and apostrophes.
		{"extraordinarily-long Administration’s naïve café Zürich.", []string{"extraordinarily-long", "Administration", "’s", "naïve", "café", "Zürich", "."}},
		{"Representatives' O'Donoghue-Smithsonian e.g. ok", []string{"Representatives", "'", "O'Donoghue-Smithsonian", "e.g.", "ok"}},
		{"end", []string{"end"}},
		{"", nil},
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
		{"It passed, said Coun. Rita Osei. Cllr. Ann Hale agreed.", []string{"It passed, said Coun. Rita Osei.", "Cllr. Ann Hale agreed."}},
	}
	for _, c := range cases {
		var got []string
		for _, s := range splitSentences(c.text, Tokenize(c.text)) {
			got = append(got, c.text[s.Start:s.End])
		}
		assert.Equal(t, c.want, got, c.text)
	}
}

// Tokenize takes the ASCII bytes of byteClasses by fast paths; each must cut
// and classify the token as scanToken, the general path, does.
func TestByteClassesAgreeWithScanToken(t *testing.T) {
	for c := range byte(utf8.RuneSelf) {
		class := byteClasses[c]
		if class == ruleByte || class == blankByte || class == lineBreakByte {
			continue
		}
		for _, after := range []string{"", " ", "a", "7", "-b", ".", "'s", "\u0301", "é"} {
			text := string(c) + after
			end, kind := scanToken(text, 0, rune(c), 1)
			want := Token{Start: 0, End: extendCluster(text, 0, end), Kind: kind, SpaceBefore: true, NewlineBefore: true}
			assert.Equal(t, want, Tokenize(text)[0], "%q", text)
		}
	}
}

func TestByteClassesOfSpaces(t *testing.T) {
	for c := range byte(utf8.RuneSelf) {
		switch class := byteClasses[c]; {
		case isSpace(rune(c)) && isLineBreak(rune(c)):
			assert.Equal(t, lineBreakByte, class, "%q", c)
		case isSpace(rune(c)):
			assert.Equal(t, blankByte, class, "%q", c)
		default:
			assert.NotContains(t, []byteClass{blankByte, lineBreakByte}, class, "%q", c)
		}
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		assert.Equal(t, ruleByte, byteClasses[c], "non-ASCII byte %#x", c)
	}
}

func TestASCIIWordEnd(t *testing.T) {
	tests := []struct {
		text    string
		start   int
		wantEnd int
	}{
		{"", 0, 0},
		{"a", 0, 1},
		{"abc def", 0, 3},
		{"abc def", 4, 7},
		{"abcdefg", 0, 7},
		{"abcdefgh", 0, 8},
		{"abcdefghi", 0, 9},
		{"abcdefgh ijk", 0, 8},
		{"abcdefghijklmnop-q", 0, 16},
		{"Covid19x,", 0, 8},
		{"AZaz09@[`{/:", 0, 6},
		{"élan", 0, 0},
		{"Zürich", 0, 1},
		{"ab\xffcdefghij", 0, 2},
		{"O'Brien", 0, 1},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.wantEnd, asciiWordEnd(tt.text, tt.start), "%q from %d", tt.text, tt.start)
	}
}

func TestIsTitleAbbreviation(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"Mr", true},
		{"MR", true}, // title case of capitals
		{"mr", false},
		{"St", true},
		{"ST", true},
		{"Sept", true},
		{"SEPT", true},
		{"vs", true},
		{"VS", false}, // "Vs" is not one
		{"etc", true},
		{"No", true},
		{"NO", true},
		{"", false},
		{"M", false},
		{"Mrss", false},
		{"Governor", false},
		{"ABCDEFGHIJ", false},
		{"Dé", false},
		{"É", false},
		{"\xff\xfe", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, isTitleAbbreviation(tt.word), "%q", tt.word)
	}
}
