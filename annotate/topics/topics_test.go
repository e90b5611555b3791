package topics

import (
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLexiconLoads(t *testing.T) {
	l := mustLoad(t)
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
	assert.Same(t, l, mustLoad(t), "loaded once")
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
	l := mustLoad(t)
	for _, line := range strings.Split(compiled, "\n") {
		if line == "" || line[0] == '#' || strings.HasPrefix(line, "T\t") || strings.HasPrefix(line, "S\t") || line[0] == '=' {
			continue
		}
		assert.NotNil(t, l.Lookup(key(line)), "%q is found when matched from text", line)
	}
}

func TestLookup(t *testing.T) {
	l := mustLoad(t)
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
	assert.Equal(t, uintptr(16), unsafe.Sizeof(Entry{}), "an entry is a slot of sixteen bytes")
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
	m = m.With(3).With(100)
	assert.True(t, m.Meets(parseMask("100")))
	assert.False(t, m.Meets(parseMask("4+99")))
	s := Sense{Need: parseMask("3"), Forbid: parseMask("7")}
	assert.True(t, s.Conditional())
	assert.True(t, s.Counts(m))
	m = m.With(7)
	assert.False(t, s.Counts(m), "a forbidden context vetoes")
	assert.True(t, Sense{}.Counts(Mask{}), "an unconditional sense always counts")
}

// TestMaskWith checks that With sets the one bit it is given, in either
// word and at their edges, and no other.
func TestMaskWith(t *testing.T) {
	for _, bit := range []int{0, 1, 16, 63, 64, 65, 100, 127} {
		t.Run(strconv.Itoa(bit), func(t *testing.T) {
			m := Mask{}.With(bit)
			for other := range MaskBits {
				assert.Equal(t, other == bit, m.Meets(Mask{}.With(other)), "bit %d", other)
			}
			assert.Equal(t, m, m.With(bit), "setting a bit twice")
			assert.Equal(t, m.Or(Mask{}.With(5)), Mask{}.With(5).With(bit))
		})
	}
}

func TestBloom(t *testing.T) {
	b := newBloom(1000)
	tests := []struct {
		name string
		keys []uint64
	}{
		{"zero", []uint64{0}},
		{"extremes", []uint64{1, 1 << 63, ^uint64(0)}},
		{"one word, other bits", []uint64{0x0400_0000_0000_0007, 0x0800_0000_0000_0007, 0xfc00_0000_0000_0007}},
		{"mixed", []uint64{Extend(Key(), 1), Extend(Key(), 2), Extend(Extend(Key(), 1), 2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range tt.keys {
				b.add(k)
			}
			for _, k := range tt.keys {
				assert.Zero(t, b.lacks(k), "%#x was added", k)
			}
		})
	}
	empty := newBloom(1000)
	passed := 0
	for i := range uint64(10000) {
		lacks := empty.lacks(Extend(Key(), i))
		assert.Equal(t, uint64(1), lacks, "an empty filter holds nothing")
		passed += int(b.lacks(Extend(Key(), i+1000)) ^ 1)
	}
	assert.Less(t, passed, 100, "a filter of few keys passes few others")
}

// hashesOf hashes the words of a phrase as the matcher does, with the value
// Starts wants after the last.
func hashesOf(phrase string) []uint64 {
	var out []uint64
	for _, w := range strings.Fields(phrase) {
		out = append(out, TokenHash(w, 0, len(w)))
	}
	return append(out, 0)
}

func TestTermAt(t *testing.T) {
	l := mustLoad(t)
	tests := []struct {
		name, phrase string
		within       int // tokens a term may span, 0 for all
		key          uint64
		len          int
		context      bool
	}{
		{"a pair", "trade war began", 0, key("trade war"), 2, false},
		{"a word", "tariffs rose", 0, key("tariffs"), 1, false},
		{"the longest", "World Trade Organization rules", 0, key("World Trade Organization"), 3, false},
		{"cut by the sentence", "trade war", 1, key("trade"), 1, false},
		{"only starts terms", "the zxqv", 0, 0, 0, false},
		{"a term and a context word", "troops", 0, key("troops"), 1, true},
		{"case-exact", "WHO said", 0, Exact("WHO"), 1, false},
		{"not that case", "who said", 0, 0, 0, false},
		{"unknown", "zxqv", 0, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hashes := hashesOf(tt.phrase)
			hashes = hashes[:len(hashes)-1]
			if tt.within > 0 {
				hashes = hashes[:tt.within]
			}
			term := l.TermAt(strings.Fields(tt.phrase)[0], hashes)
			assert.Equal(t, tt.len, term.Len)
			assert.Equal(t, tt.len > 0, len(term.Senses) > 0, "senses")
			if tt.len > 0 {
				assert.Equal(t, tt.key, term.Key)
			}
			if tt.context {
				assert.False(t, term.Context.Empty(), "context")
			}
		})
	}
}

// TestTermAtEveryWord checks TermAt against Lookup for every one-word key of
// the lexicon, alone.
func TestTermAtEveryWord(t *testing.T) {
	l := mustLoad(t)
	for _, line := range strings.Split(compiled, "\n") {
		if line == "" || strings.ContainsAny(line, " \t#=") {
			continue
		}
		e := l.Lookup(key(line))
		if _, exact := l.LookupExact(line); exact != nil || e == nil {
			continue
		}
		term := l.TermAt(line, hashesOf(line)[:1])
		if len(l.Senses(e)) > 0 {
			assert.Equal(t, 1, term.Len, line)
		} else {
			assert.Zero(t, term.Len, line)
		}
		assert.Equal(t, l.Context(e), term.Context, line)
	}
}

// TestStarts checks that Starts lists every token where TermAt finds
// something, and few others.
func TestStarts(t *testing.T) {
	l := mustLoad(t)
	tests := []struct{ name, text string }{
		{"empty", ""},
		{"one word", "tariffs"},
		{"news", "The navy staged drills near the island as warships gathered , and the WHO said the trade war over tariffs hit the World Trade Organization"},
		{"case-exact at the end", "a statement from the WHO"},
		{"nothing", "zxqv qqqq wwww"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(tt.text)
			hashes := hashesOf(tt.text)
			starts := l.Starts(hashes, make([]int32, len(words)))
			for i, w := range words {
				term := l.TermAt(w, hashes[i:len(words)])
				if term.Len > 0 || !term.Context.Empty() {
					assert.Contains(t, starts, int32(i), "%q starts something", w)
				}
			}
		})
	}
	// Common words that only start longer terms need the next word too.
	the := l.Starts(hashesOf("the zxqv the qqqq the wwww"), make([]int32, 6))
	assert.Empty(t, the, `"the" before words that start nothing`)
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
	l := mustLoad(t)
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
	for _, s := range []string{"1", "0.5", "0.3", "0.42", "0.7", "2", "1.25", "0.1", "12.345", ".5", "5.", "0.000000001", "123456789.012345", ""} {
		want, _ := strconv.ParseFloat(s, 64)
		assert.Equal(t, want, parseWeight(s), s)
	}
	// The compiled lexicon writes short plain decimals only: anything else
	// (an exponent, more than 15 digits) is no weight.
	for _, s := range []string{"1e-3", "123456789.012345678", "lots"} {
		assert.Zero(t, parseWeight(s), s)
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
			want = want.With(b)
		}
		assert.Equal(t, want, parseMask(tt.in), tt.in)
	}
}

// mustLoad is the embedded lexicon, failing the test if it is broken.
func mustLoad(t *testing.T) *Lexicon {
	t.Helper()
	lex, err := Load()
	require.NoError(t, err)
	return lex
}
