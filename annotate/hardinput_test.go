package annotate

import (
	"flag"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hard inputs: what a newsroom pastes by accident or an attacker sends on
// purpose. Every one must annotate without panicking, in linear time, with
// every invariant of the Document contract intact (invariants_test.go).

// fixtureArticle is a made-up article in the shape of wire copy: dateline,
// named and anonymous speakers, curly and straight quotes, accented names.
const fixtureArticle = `GENEVA — Foreign Minister Ana Kovač met her counterpart, Tomás Ruiz-Ortega, at the Palais des Nations on Tuesday.
"We have agreed to keep talking," Kovač told reporters after the meeting. "Nothing is settled yet."
Ruiz-Ortega said the United Nations would host a second round in March. A senior official, who asked not to be named, said: “The gap is still wide.”
The talks, backed by the World Health Organization and Médecins Sans Frontières, focus on vaccine supplies for 12,000 clinics in the U.S. and Brazil.
`

type hardInput struct {
	name string
	text string
}

func hardInputs() []hardInput {
	return []hardInput{
		{"empty", ""},
		{"spaces", "    \t  "},
		{"whitespace lines", "\n\n \r\n\t\u00a0\u2029\u3000\u2028\v\f"},
		{"zero-width and BOM", "\ufeff\u200bAna\u200b Kovač said \"we\u200d agree\" \ufeff"},
		{"fixture article", fixtureArticle},

		{"invalid lead bytes", "\xff\xfeAna Kovač said: \"We agree on this,\" in Gen\xe8ve."},
		{"truncated sequences", "Ana \xe2\x80 Kovač said \"\xf0\x9f\x98 fine\" \xc3"},
		{"overlong and surrogates", "\xc0\xaf \xe0\x80\xaf \xed\xa0\x80\xed\xb0\x80 Tomás said \"no\xf4\x90\x80\x80\""},
		{"UTF-16 bytes", "\xff\xfeA\x00n\x00a\x00 \x00s\x00a\x00i\x00d\x00"},
		{"Latin-1 article", "Jos\xe9 M\xfcller told \xabLe Monde\xbb: \"\xc7a va.\""},

		{"NUL bytes", "Ana\x00Kovač said \"\x00we agree\x00\" today.\x00\x00"},
		{"only NULs", strings.Repeat("\x00", 64)},
		{"control characters", "\x01\x02\x1b[31mAna Kovač\x1b[0m said \"\x07ok\x7f\" \x08\x0e"},

		{"CRLF", strings.ReplaceAll(fixtureArticle, "\n", "\r\n")},
		{"lone CR", strings.ReplaceAll(fixtureArticle, "\n", "\r")},
		{"mixed line endings", "First line\rSecond \"quoted\r line\"\r\n\n\rThird \u2028 Fourth\u2029"},

		{"Hebrew", "אמר שר החוץ \"אנחנו נמשיך לדבר\" בירושלים. Ana Kovač agreed."},
		{"Arabic", "قال الوزير «سنواصل الحوار» في القاهرة، وأضاف: \"لا شيء نهائي\"."},
		{"mixed scripts", "Ana Kovač told Al Jazeera: «سنواصل الحوار» before flying to תל אביב, 東京 and Москва. “Да,” сказал Иван Петров."},
		{"bidi controls", "\u202eAna Kovač\u202c said \u2067\"hello there\"\u2069 \u200f\u200e\u2066Tomás\u2069 \u202d“ok”\u202c"},

		{"emoji sequences", "👩‍👩‍👧‍👦 Ana Kovač 👍🏽 said “We 🇨🇭 agree 👨‍💻,” ❤️ 1️⃣ 🏳️‍🌈 Tomás🇪🇸 said."},
		{"combining marks", "Zoe\u0308 Lefe\u0300vre and Jose\u0301 Nun\u0303ez met in Sa\u0303o Paulo. “Ve\u0301rite\u0301,” said Zoe\u0308."},
		{"zalgo", "T\u0334\u0322\u031bh\u0335e\u0336 \u0361A\u0337n\u0338a\u0339 K\u033ao\u033bv\u033ca\u033dč said \"hi\u0303\""},
		{"marks after quote marks", "\"\u0301\u0301Ana\" '\u0300s ‘\u20dd’ «\u0300»"},
		{"astral at checkpoints", strings.Repeat("a", 62) + "😀 Ana " + strings.Repeat("é", 31) + "“𝔸𝕟𝕒 Kovač” " + strings.Repeat("😀", 40) + " Tomás said"},
		{"noncharacters and private use", "\ufffe\uffff\U0010ffff\ue000 Ana \U000e0001\U000e0041 said \"\ufdd0\""},

		{"pasted HTML", `<script>alert("x")</script><img src=x onerror="alert(1)"> Ana Kovač said "<b>bold</b> &amp; <i>free</i>" <a href="javascript:alert(1)">link</a>`},
		{"line separators", "Ana Kovač said \"one\u2028two\" and \u2029\"three\u2029four\""},
		{"abbreviation soup", "U.S.A.B.C. Mr. Mrs. Dr. St. Jr. No. vs. etc. A. B. C. D. e.g. i.e. AT&T&T S&P&Q 'n' 's 're ''"},

		{"100,000-character line", repeatTo("Ana Kovač said the talks, which began in Geneva, would continue \"for a while\" — ", 100_000)},
		{"100,000-letter word", strings.Repeat("a", 100_000)},
		{"10,000 capitals", repeatTo("Ab ", 10_000)},
		{"10,000 dotted letters", repeatTo("A.", 10_000)},
		{"10,000 number separators", repeatTo("1,2.3:4/5-6", 10_000)},
		{"10,000 clitics", repeatTo("'s", 10_000)},
		{"10,000 hyphens", repeatTo("a-", 10_000)},
		{"10,000 sentence ends", repeatTo("!\")", 10_000)},

		{"10,000 nested curly quotes", strings.Repeat("“‘", 5_000) + "deep" + strings.Repeat("’”", 5_000)},
		{"10,000 straight quotes", strings.Repeat("\"", 10_001)},
		{"10,000 opening guillemets", strings.Repeat("« ", 10_000)},
		{"10,000 quoted words", strings.Repeat("\"Ana ", 10_000)},
		{"10,000 LaTeX quotes", strings.Repeat("``", 5_000) + strings.Repeat("''", 5_000)},
		{"10,000 mixed marks", repeatTo("\"“”‘’'«»„‚‹›`‟‛", 10_000*2)},
	}
}

// repeatTo repeats unit until the result is at least n bytes long.
func repeatTo(unit string, n int) string {
	return strings.Repeat(unit, (n+len(unit)-1)/len(unit))
}

func TestHardInputs(t *testing.T) {
	for _, in := range hardInputs() {
		t.Run(in.name, func(t *testing.T) {
			if runtime.GOOS == "js" && len(in.text) > maxSeedLen {
				t.Skip("long inputs are checked natively; under wasm they take seconds")
			}
			checkAnnotate(t, in.text)
		})
	}
}

// hardInputNamed returns the hard input called name.
func hardInputNamed(t *testing.T, name string) string {
	for _, in := range hardInputs() {
		if in.name == name {
			return in.text
		}
	}
	t.Fatalf("no hard input %q", name)
	return ""
}

func TestBlankInputsAnnotateToNothing(t *testing.T) {
	for _, name := range []string{"empty", "spaces", "whitespace lines", "only NULs"} {
		doc := Annotate(hardInputNamed(t, name))
		assert.Equal(t, Document{Entities: []Entity{}, Quotes: []Quote{}, Issues: []Issue{}}, *doc, name)
	}
}

// TestSpansKeepCharactersWhole: in well-formed text no span starts or ends
// inside a user-perceived character (before a combining mark, variation
// selector or skin tone, or next to a zero-width joiner).
func TestSpansKeepCharactersWhole(t *testing.T) {
	for _, name := range []string{"fixture article", "emoji sequences", "combining marks", "zalgo", "mixed scripts", "astral at checkpoints"} {
		text := hardInputNamed(t, name)
		for _, s := range spans(Annotate(text, WithOffsets(Bytes))) {
			for _, b := range s {
				next, _ := utf8.DecodeRuneInString(text[b:])
				prev, _ := utf8.DecodeLastRuneInString(text[:b])
				assert.False(t, b > 0 && b < len(text) && (continuesCluster(next) || prev == '\u200d'),
					"%s: a span boundary at byte %d splits %q", name, b, text[max(0, b-8):min(len(text), b+8)])
			}
		}
	}
}

func TestTokensKeepCharactersWhole(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"1\ufe0f\u20e3 and #\ufe0f\u20e3", []string{"1\ufe0f\u20e3", "and", "#\ufe0f\u20e3"}},
		{"👨\u200d💻 👩\u200d👩\u200d👧", []string{"👨\u200d💻", "👩\u200d👩\u200d👧"}},
		{"👍🏽!", []string{"👍🏽", "!"}},
		{"🇨🇭🇩🇪🇫", []string{"🇨🇭", "🇩🇪", "🇫"}},
		{"\"\u0301Ana\"", []string{"\"\u0301", "Ana", "\""}},
		{"we\u200d agree", []string{"we\u200d", "agree"}},
		{"❤\ufe0f.", []string{"❤\ufe0f", "."}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, tokenTexts(c.text), "%q", c.text)
	}
}

func continuesCluster(r rune) bool {
	return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == '\u200d' ||
		unicode.Is(unicode.Variation_Selector, r) || r >= 0x1f3fb && r <= 0x1f3ff
}

func TestInvalidUTF8OffsetsAreExactAgainstTheRepairedText(t *testing.T) {
	input := "\xff\xfeAna Kovač said: \"We agree on this,\" in Gen\xe8ve."
	repaired := "\ufffd\ufffdAna Kovač said: \"We agree on this,\" in Gen\ufffdve."
	const quote = "\"We agree on this,\""
	byteStart := strings.Index(repaired, quote)
	utf16Start := len(utf16.Encode([]rune(repaired[:byteStart])))

	doc := Annotate(input, WithOffsets(Bytes))
	require.Len(t, doc.Warnings, 1)
	assert.Contains(t, doc.Warnings[0], "3 invalid bytes")
	require.NotEmpty(t, doc.Quotes)
	assert.Equal(t, [2]int{byteStart, byteStart + len(quote)}, [2]int{doc.Quotes[0].Start, doc.Quotes[0].End})

	doc = Annotate(input)
	require.NotEmpty(t, doc.Quotes)
	assert.Equal(t, [2]int{utf16Start, utf16Start + len(quote)}, [2]int{doc.Quotes[0].Start, doc.Quotes[0].End})
}

// TestRepairMatchesBrowsers: one U+FFFD per maximal ill-formed subsequence,
// as TextDecoder and every browser do, so offsets match what the page shows
// for the same bytes.
func TestRepairMatchesBrowsers(t *testing.T) {
	cases := []struct{ in, want string }{
		// The example of the Unicode Standard, chapter 3, table 3-8.
		{"a\xf1\x80\x80\xe1\x80\xc2b\x80c\x80\xbfd", "a\ufffd\ufffd\ufffdb\ufffdc\ufffd\ufffdd"},
		{"\xe2\x80", "\ufffd"},
		{"\xe2\x80x", "\ufffdx"},
		{"\xf0\x9f\x98", "\ufffd"},
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd"},
		{"\xf0\x80\x80", "\ufffd\ufffd\ufffd"},
		{"\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd"},
		{"\xc0\xaf", "\ufffd\ufffd"},
		{"\xe0\xa0", "\ufffd"},
		{"ok \u00e9 \U0001f600", "ok \u00e9 \U0001f600"},
	}
	for _, c := range cases {
		got, _, _ := repairUTF8(c.in)
		assert.Equal(t, c.want, got, "%q", c.in)
		assert.Equal(t, c.want, browserDecode(c.in), "the reference decoder on %q", c.in)
	}
}

// browserDecode is the UTF-8 decoder of the WHATWG Encoding Standard, written
// as its state machine: the reference that repairUTF8 must agree with.
func browserDecode(s string) string {
	var out []rune
	codePoint, seen, needed := rune(0), 0, 0
	lower, upper := byte(0x80), byte(0xbf)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if needed == 0 {
			switch {
			case c <= 0x7f:
				out = append(out, rune(c))
			case c >= 0xc2 && c <= 0xdf:
				needed, codePoint = 1, rune(c&0x1f)
			case c >= 0xe0 && c <= 0xef:
				if c == 0xe0 {
					lower = 0xa0
				} else if c == 0xed {
					upper = 0x9f
				}
				needed, codePoint = 2, rune(c&0xf)
			case c >= 0xf0 && c <= 0xf4:
				if c == 0xf0 {
					lower = 0x90
				} else if c == 0xf4 {
					upper = 0x8f
				}
				needed, codePoint = 3, rune(c&0x7)
			default:
				out = append(out, utf8.RuneError)
			}
			continue
		}
		if c < lower || c > upper {
			codePoint, seen, needed = 0, 0, 0
			lower, upper = 0x80, 0xbf
			out = append(out, utf8.RuneError)
			i-- // the byte starts afresh
			continue
		}
		lower, upper = 0x80, 0xbf
		codePoint = codePoint<<6 | rune(c&0x3f)
		if seen++; seen == needed {
			out = append(out, codePoint)
			codePoint, seen, needed = 0, 0, 0
		}
	}
	if needed != 0 {
		out = append(out, utf8.RuneError)
	}
	return string(out)
}

func TestLoneCarriageReturnEndsASentence(t *testing.T) {
	for _, eol := range []string{"\r", "\r\n", "\n", "\u2028", "\u2029"} {
		text := "First line" + eol + "Second line" + eol + eol + "Third line"
		var got []string
		for _, s := range splitSentences(text, Tokenize(text)) {
			got = append(got, text[s.Start:s.End])
		}
		assert.Equal(t, []string{"First line", "Second line", "Third line"}, got, "%q", eol)
	}
}

// heavy enables the timing tests, which take seconds: scripts/fuzz.sh
// (make fuzz-short, part of make test) runs them.
var heavy = flag.Bool("heavy", false, "also run the linear time and memory tests")

// skipUnlessHeavy skips timing tests unless -heavy is given.
func skipUnlessHeavy(t *testing.T) {
	if !*heavy {
		t.Skip("takes seconds: run with -heavy (scripts/fuzz.sh does)")
	}
	skipUnderWasm(t)
}

// skipUnderWasm skips timing tests under wasm, where they would only repeat
// the native measurement slowly.
func skipUnderWasm(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("timings are measured natively by go test")
	}
}

// TestLinearTime: ten times the input of any pathological shape takes about
// ten times as long. Both sizes are beyond the CPU caches, so that only the
// algorithm makes a difference; the allowance for a busy machine is
// generous, and still catches quadratic behaviour, which turns 10x the input
// into a 100x slowdown.
func TestLinearTime(t *testing.T) {
	skipUnlessHeavy(t)
	shapes := map[string]string{
		"article":        fixtureArticle,
		"straight quote": "\"",
		"nested quotes":  "“‘",
		"capitals":       "Ab ",
		"dotted":         "A.",
		"sentence ends":  "!\")",
		"clitics":        "'s",
		"one line":       "Ana Kovač said \"fine\" — ",
	}
	for name, unit := range shapes {
		t.Run(name, func(t *testing.T) {
			assertLinear(t, func(n int) string { return repeatTo(unit, n) }, 30_000, 300_000)
		})
	}
}

// TestLinearTimeManyPeopleSharingASurname: thousands of different full names
// with one surname, each followed by the surname alone, once made grouping
// compare every lone word with every full name.
func TestLinearTimeManyPeopleSharingASurname(t *testing.T) {
	skipUnlessHeavy(t)
	assertLinear(t, func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString("Mayor " + lettersOf(i) + " Kovač met Kovač. ")
		}
		return b.String()
	}, 30_000, 300_000)
}

// lettersOf spells i as a distinct capitalised word: 0 → Ba, 1 → Ca, ...
func lettersOf(i int) string {
	word := []byte{}
	for {
		word = append(word, byte('b'+i%24))
		i /= 24
		if i == 0 {
			break
		}
	}
	word[0] -= 'a' - 'A'
	return string(word) + "a"
}

func TestTenMegabytesInLinearTimeAndBoundedMemory(t *testing.T) {
	skipUnlessHeavy(t)
	small, large := repeatTo(fixtureArticle, 1<<20), repeatTo(fixtureArticle, 10<<20)
	smallTime := bestOf(2, func() { Annotate(small) })
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	doc := Annotate(large)
	largeTime := time.Since(start)
	runtime.ReadMemStats(&after)
	grown := float64(after.Sys-before.Sys) / float64(len(large))
	allocated := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(large))
	t.Logf("1 MB: %v, 10 MB: %v (%.1fx); memory obtained from the OS: %.1f bytes per input byte, allocated: %.1f",
		smallTime, largeTime, float64(largeTime)/float64(smallTime), grown, allocated)
	assert.NotEmpty(t, doc.Quotes)
	assert.Less(t, float64(largeTime), 30*float64(smallTime), "10x the input took more than 30x the time")
	assert.Less(t, grown, 100.0, "memory is not bounded by the input size")
}

// assertLinear times gen(small) and gen(large) and fails when the larger run
// is more than five times slower per byte (a quadratic stage at 10x the size
// is ten times slower per byte). Runs too short to time reliably pass.
func assertLinear(t *testing.T, gen func(n int) string, small, large int) {
	t.Helper()
	smallText, largeText := gen(small), gen(large)
	smallTime := bestOf(3, func() { Annotate(smallText) })
	largeTime := bestOf(2, func() { Annotate(largeText) })
	t.Logf("%d bytes: %v, %d bytes: %v", len(smallText), smallTime, len(largeText), largeTime)
	if largeTime < 50*time.Millisecond {
		return
	}
	perByte := func(d time.Duration, n int) float64 { return float64(d) / float64(n) }
	assert.Less(t, perByte(largeTime, len(largeText)), 5*perByte(smallTime, len(smallText)),
		"%d bytes took %v, %d bytes took %v", len(smallText), smallTime, len(largeText), largeTime)
}

func bestOf(runs int, f func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range runs {
		start := time.Now()
		f()
		best = min(best, time.Since(start))
	}
	return best
}

func TestWarningCountsReplacedBytes(t *testing.T) {
	for n := 1; n <= 3; n++ {
		doc := Annotate("ok " + strings.Repeat("\xff", n))
		require.Len(t, doc.Warnings, 1)
		want := strconv.Itoa(n) + " invalid bytes "
		if n == 1 {
			want = "1 invalid byte "
		}
		assert.Contains(t, doc.Warnings[0], want)
	}
}
