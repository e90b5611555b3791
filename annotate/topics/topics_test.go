package topics

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLexiconLoads(t *testing.T) {
	l := Load()
	require.Greater(t, len(l.Topics), 300, "hundreds of topics")
	for i := 0; i < 17; i++ {
		assert.True(t, l.IsTop(i), "the 17 top levels come first: %s", l.Topics[i].Label)
	}
	for i, topic := range l.Topics {
		assert.True(t, strings.HasPrefix(topic.ID, "medtop:"), topic.ID)
		assert.NotEmpty(t, topic.Label, topic.ID)
		assert.True(t, l.IsTop(topic.Top), "%s has a top level", topic.Label)
		if i >= 17 {
			assert.False(t, l.IsTop(i), "%s is not a top level", topic.Label)
		}
	}
	frames := 0
	for _, topic := range l.Topics {
		if topic.Frame {
			frames++
			assert.False(t, l.IsTop(l.Find(topic.ID)), "%s: only narrow topics are frames", topic.Label)
		}
	}
	assert.Positive(t, frames, "roles such as ministers are frames")
	assert.Equal(t, -1, l.Find("medtop:00000000"))
	assert.Same(t, l, Load(), "loaded once")
}

// key builds the n-gram key of a phrase the way the matcher does, a token
// at a time.
func key(phrase string) uint64 {
	h := Key()
	for _, w := range strings.Fields(phrase) {
		h = Extend(h, TokenHash(w, 0, len(w)))
	}
	return h
}

func TestCompiledKeysAreFolded(t *testing.T) {
	l := Load()
	for _, line := range strings.Split(compiled, "\n") {
		if line == "" || line[0] == '#' || strings.HasPrefix(line, "T\t") || strings.HasPrefix(line, "S\t") || line[0] == '=' {
			continue
		}
		assert.NotNil(t, l.Lookup(key(line)), "%q is found when matched from text", line)
	}
}

func TestLookup(t *testing.T) {
	l := Load()
	tests := []struct {
		phrase, topic string
		prefix        bool
	}{
		{"trade war", "medtop:20000376", false},
		{"tariffs", "medtop:20000384", false},
		{"Voted", "medtop:20000586", false},
		{"World Trade Organization", "medtop:20000377", false},
		{"climate change", "medtop:20000418", false},
		{"interest", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			e := l.Lookup(key(tt.phrase))
			require.NotNil(t, e)
			if tt.prefix {
				assert.True(t, e.Prefix, "longer terms start with %q", tt.phrase)
			}
			var ids []string
			for _, s := range l.Senses(e) {
				ids = append(ids, l.Topics[s.Topic].ID)
			}
			if tt.topic != "" {
				assert.Contains(t, ids, tt.topic)
			}
		})
	}
	assert.Nil(t, l.Lookup(key("zxqv")))
	assert.NotNil(t, l.Lookup(Exact("WHO")), "WHO matches with its case")
	assert.Nil(t, l.Lookup(Exact("who")))
	_, e := l.LookupExact("WHO")
	assert.NotNil(t, e)
	_, e = l.LookupExact("Who")
	assert.Nil(t, e)
}

func TestFoldIgnoresCaseAndApostrophes(t *testing.T) {
	assert.Equal(t, key("women's rights"), key("Women’s RIGHTS"))
	assert.Equal(t, key("ÉCOLE"), key("école"))
	assert.Equal(t, key("Médecins Sans FRONTIÈRES"), KeyOf("médecins sans frontières"))
	assert.NotEqual(t, key("trade war"), key("tradewar"))
	assert.NotEqual(t, key("trade war"), key("war trade"))
	assert.NotEqual(t, Exact("WHO"), Exact("Who"))
	allocs := testing.AllocsPerRun(100, func() { Extend(Key(), TokenHash("Tariffs", 0, 7)) })
	assert.Zero(t, allocs, "matching allocates nothing per token")
}

// TestTokenHashReadsTokensInText checks that a token is hashed the same
// however much text lies around it (TokenHash may read past its end), at every length
// around the eight bytes it reads at once, in ASCII and beyond.
func TestTokenHashReadsTokensInText(t *testing.T) {
	for _, word := range []string{"a", "tariff", "Tariffs", "TARIFFS!", "embargoes", "international", "sixteen-letters!", "Élysée", "d’état", "naïveté-naïveté"} {
		alone := TokenHash(word, 0, len(word))
		for _, around := range []string{"x", "more text after it", "ÀÉ"} {
			text := around + word + around
			assert.Equal(t, alone, TokenHash(text, len(around), len(around)+len(word)), "%q in %q", word, text)
		}
		assert.Equal(t, Extend(Key(), alone), key(strings.ToLower(strings.ReplaceAll(word, "’", "'"))), "%q read folded", word)
	}
}

func TestMask(t *testing.T) {
	var m Mask
	assert.True(t, m.Empty())
	m.Set(3)
	m.Set(100)
	assert.True(t, m.Meets(parseMask("100")))
	assert.False(t, m.Meets(parseMask("4+99")))
	s := Sense{Need: parseMask("3"), Forbid: parseMask("7")}
	assert.True(t, s.Conditional())
	assert.True(t, s.Counts(m))
	m.Set(7)
	assert.False(t, s.Counts(m), "a forbidden context vetoes")
	assert.True(t, Sense{}.Counts(Mask{}), "an unconditional sense always counts")
}

// BenchmarkParse is the one-off cost of loading the lexicon.
func BenchmarkParse(b *testing.B) {
	b.SetBytes(int64(len(compiled)))
	b.ReportAllocs()
	for b.Loop() {
		parse(compiled)
	}
}

func TestRanking(t *testing.T) {
	l := Load()
	r := l.Ranking
	assert.Positive(t, r.Headline, "the embedded ranking.txt parses")
	require.Len(t, r.Prior, len(l.Topics))
	for i, p := range r.Prior {
		if !l.IsTop(i) {
			assert.Equal(t, 1.0, p, "%s: only top levels have priors", l.Topics[i].Label)
		}
	}
	again, err := l.ParseRanking(l.Format(r, "a header\nof two lines"))
	require.NoError(t, err)
	assert.Equal(t, r, again, "Format writes what ParseRanking reads")

	tests := []struct{ name, src, err string }{
		{"unknown setting", "boost 2", "unknown setting"},
		{"narrow topic prior", "prior medtop:20000373 1.2", "not a top-level topic"},
		{"bad weight", "headline lots", "not a weight"},
		{"negative weight", "spread -1", "not a weight"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := l.ParseRanking("# a comment\n" + tt.src)
			assert.ErrorContains(t, err, tt.err)
		})
	}
}

func TestParseWeight(t *testing.T) {
	for _, s := range []string{"1", "0.5", "0.3", "0.42", "0.7", "2", "1.25", "0.1", "12.345", ".5", "5.", "0.000000001", "123456789.012345678", "1e-3", ""} {
		want, _ := strconv.ParseFloat(s, 64)
		assert.Equal(t, want, parseWeight(s), s)
	}
}

func TestParseMask(t *testing.T) {
	tests := []struct {
		in   string
		want []int
	}{
		{"", nil},
		{"17", []int{17}},
		{"0+17+40+127", []int{0, 17, 40, 127}},
		{"128+3", []int{3}},
		{"x+5+-2+", []int{5}},
	}
	for _, tt := range tests {
		var want Mask
		for _, b := range tt.want {
			want.Set(b)
		}
		assert.Equal(t, want, parseMask(tt.in), tt.in)
	}
}
