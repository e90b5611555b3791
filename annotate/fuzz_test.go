package annotate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/internal/testshared"
)

// Fuzz targets: one for the whole pipeline and one per stage, each reached
// through an entry point that stays stable while the stages are rewritten
// (Tokenize, splitSentences, the offset index, the JSON string writer, and
// Annotate restricted to one layer). `make fuzz-short` runs each for a few
// seconds, `make fuzz` for minutes (scripts/fuzz.sh). Every target takes one
// string, so every corpus file in testdata/fuzz seeds every target: a crasher
// that one target finds stays a regression case for all of them.

func FuzzAnnotate(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkAnnotate(t, text)
	})
}

// The stage targets check each input twice: as it is, and read as a
// sentence of news words (newsFromBytes), which random bytes would almost
// never spell but which reach deep into the names, quotes and issues logic.

func FuzzNames(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, text := range []string{text, newsFromBytes(text)} {
			doc := checkAnnotate(t, text, WithLayers(Layers{Entities: true}))
			assert.Empty(t, doc.Quotes, "quotes layer is off")
			assert.Empty(t, doc.Issues, "issues layer is off")
		}
	})
}

func FuzzQuotes(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, text := range []string{text, newsFromBytes(text)} {
			doc := checkAnnotate(t, text, WithLayers(Layers{Entities: true, Quotes: true}))
			assert.Empty(t, doc.Issues, "issues layer is off")
		}
	})
}

func FuzzIssues(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, text := range []string{text, newsFromBytes(text)} {
			doc := checkAnnotate(t, text, WithLayers(Layers{Issues: true}))
			assert.Empty(t, doc.Entities, "entities layer is off")
			assert.Empty(t, doc.Quotes, "quotes layer is off")
		}
	})
}

// newsWords are the pieces newsFromBytes builds text from: quote marks,
// names, titles, cues, pronouns, topic words and punctuation.
var newsWords = []string{
	`"`, "“", "”", "‘", "’", "'", "«", "»", "``", "''",
	" said", " says", " told reporters", " added", " according to", " asked", " wrote", " insisted",
	" he", " she", " they", " it", " his", " her", " who", " which", " the", " a", " and", " but", " not",
	" Ana Ruiz", " Ruiz", " Ana", " Tomás Silva", " Silva", " Mr.", " Ms.", " Dr.", " President", " Foreign Minister",
	" a senior official", " a spokeswoman", " officials", " the ministry", " the United Nations", " the UN",
	" World Health Organization", " (WHO)", " WHO", " Lisbon", " Portugal", " Portuguese", " U.S.", " Brazil",
	" economy", " inflation", " election", " vaccine", " football", " war", " climate", " trade", " court",
	" 's", " 2024", " 1,000", " (", ")", ",", ".", ":", ";", "?", "!", " —", " -", "...", "\n", "\n\n", "\r\n", " ",
}

// newsFromBytes reads each byte of b as one of the newsWords.
func newsFromBytes(b string) string {
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		out.WriteString(newsWords[int(b[i])%len(newsWords)])
	}
	return out.String()
}

// FuzzTokenize feeds the raw input, invalid UTF-8 included: Tokenize is
// public and must cope without the repair Annotate does first.
func FuzzTokenize(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text, Tokenize(text))
	})
}

func FuzzSentences(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		text, _, _ = repairUTF8(text)
		toks := Tokenize(text)
		checkSentences(t, toks, splitSentences(text, toks))
	})
}

func FuzzRepair(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		repaired, warnings, _ := repairUTF8(text)
		require.True(t, utf8.ValidString(repaired))
		assert.Equal(t, utf8.ValidString(text), len(warnings) == 0)
		assert.Equal(t, browserDecode(text), repaired, "differs from how a browser decodes the bytes")
	})
}

func FuzzOffsetIndex(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		text, _, _ = repairUTF8(text)
		views := unitViews(text)
		for _, unit := range allUnits {
			idx := newOffsetIndex(text, unit)
			for b, want := range views[unit].fromByte {
				if want >= 0 && idx.at(b) != want {
					t.Fatalf("unit %d: byte %d converts to %d, want %d", unit, b, idx.at(b), want)
				}
			}
		}
	})
}

// FuzzJSONString checks the hand-written JSON string writer against
// encoding/json: same decoded value, never a raw character that is unsafe
// inside HTML or a JS string.
func FuzzJSONString(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		b := appendString(nil, s)
		var got, want string
		require.NoError(t, json.Unmarshal(b, &got), "%s", truncate(b))
		reference, err := json.Marshal(s)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(reference, &want))
		assert.Equal(t, want, got)
		for i := 1; i < len(b)-1; i++ {
			require.False(t, b[i] < 0x20 || strings.IndexByte("<>&", b[i]) >= 0, "raw byte %#x in %s", b[i], truncate(b))
		}
		assert.NotContains(t, string(b), "\u2028")
		assert.NotContains(t, string(b), "\u2029")
	})
}

// checkTokens: tokens are non-empty, in order, never overlap, and only
// whitespace lies between them, so no text is lost; the space and newline
// flags describe that whitespace.
func checkTokens(t *testing.T, text string, toks []Token) {
	prevEnd := 0
	for i, tok := range toks {
		require.True(t, prevEnd <= tok.Start && tok.Start < tok.End && tok.End <= len(text), "token %d [%d,%d) after %d", i, tok.Start, tok.End, prevEnd)
		gap := text[prevEnd:tok.Start]
		require.True(t, allSpace(gap), "token %d: non-space %q dropped before it", i, gap)
		assert.Equal(t, i == 0 || gap != "", tok.SpaceBefore, "token %d SpaceBefore", i)
		assert.Equal(t, i == 0 || strings.ContainsAny(gap, "\n\r\u2028\u2029"), tok.NewlineBefore, "token %d NewlineBefore", i)
		assert.NotEqual(t, "unknown", tok.Kind.String(), "token %d kind", i)
		r, _ := utf8.DecodeRuneInString(text[tok.Start:])
		assert.False(t, isSpace(r), "token %d starts with a space", i)
		if utf8.ValidString(text) {
			assert.True(t, utf8.RuneStart(text[tok.Start]) && (tok.End == len(text) || utf8.RuneStart(text[tok.End])), "token %d splits a rune", i)
		}
		prevEnd = tok.End
	}
	require.True(t, allSpace(text[prevEnd:]), "non-space %q dropped at the end", text[prevEnd:])
}

func allSpace(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// checkSentences: the sentences cover every token exactly once, in order,
// and a line break always starts a new sentence.
func checkSentences(t *testing.T, toks []Token, sents []Sentence) {
	next := 0
	for i, s := range sents {
		require.True(t, s.First == next && s.First < s.Last && s.Last <= len(toks), "sentence %d tokens [%d,%d), want start %d of %d", i, s.First, s.Last, next, len(toks))
		assert.Equal(t, toks[s.First].Start, s.Start, "sentence %d start", i)
		assert.Equal(t, toks[s.Last-1].End, s.End, "sentence %d end", i)
		assert.Equal(t, toks[s.First].NewlineBefore, s.ParagraphStart, "sentence %d ParagraphStart", i)
		for j := s.First + 1; j < s.Last; j++ {
			require.False(t, toks[j].NewlineBefore, "sentence %d runs over the line break before token %d", i, j)
		}
		next = s.Last
	}
	assert.Equal(t, len(toks), next, "tokens after the last sentence")
}

// addSeeds adds the hard inputs, the seed article when ../shared is present,
// and every string in every target's corpus under testdata/fuzz.
func addSeeds(f *testing.F) {
	for _, in := range hardInputs() {
		if len(in.text) <= maxSeedLen {
			f.Add(in.text)
		}
	}
	if dir, ok := testshared.Dir(); ok {
		b, err := os.ReadFile(filepath.Join(dir, testshared.SeedArticle))
		require.NoError(f, err)
		f.Add(string(b))
	}
	files, err := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "*"))
	require.NoError(f, err)
	for _, name := range files {
		if text, ok := readCorpusString(f, name); ok {
			f.Add(text)
		}
	}
}

// maxSeedLen keeps the long hard inputs out of the fuzzer's corpus, where
// every mutation would pay for their size; TestHardInputs covers them.
const maxSeedLen = 4 << 10

// readCorpusString reads a corpus file holding one string value, in the
// format `go test -fuzz` writes: a version line, then string("...").
func readCorpusString(f *testing.F, name string) (string, bool) {
	b, err := os.ReadFile(name)
	require.NoError(f, err)
	lines := strings.SplitN(strings.TrimSpace(string(b)), "\n", 2)
	if len(lines) != 2 || lines[0] != "go test fuzz v1" {
		f.Fatalf("%s is not a fuzz corpus file", name)
	}
	value, ok := strings.CutPrefix(lines[1], "string(")
	if !ok {
		return "", false
	}
	text, err := strconv.Unquote(strings.TrimSuffix(value, ")"))
	require.NoError(f, err, name)
	return text, true
}
