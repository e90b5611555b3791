package gazetteer

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"lede/annotate/internal/swar"
)

func TestCountry(t *testing.T) {
	tests := []struct {
		name      string
		canonical string
		ok        bool
	}{
		{"US", "United States", true},
		{"U.S.", "United States", true},
		{"USA", "United States", true},
		{"America", "United States", true},
		{"United States", "United States", true},
		{"United States of America", "United States", true},
		{"UK", "United Kingdom", true},
		{"Britain", "United Kingdom", true},
		{"China", "China", true},
		{"CHINA", "China", true},
		{"People's Republic of China", "China", true},
		{"Turkey", "Turkey", true},
		{"Russian Federation", "Russia", true},
		{"us", "", false},
		{"IN", "", false},
		{"Beijing", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Country(tt.name)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.canonical, got)
		})
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct {
		word, place string
		ok          bool
	}{
		{"Chinese", "China", true},
		{"American", "United States", true},
		{"Americans", "United States", true},
		{"Israelis", "Israel", true},
		{"British", "United Kingdom", true},
		{"European", "Europe", true},
		{"chinese", "", false},
		{"Monday", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got, ok := Demonym(tt.word)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.place, got)
		})
	}
}

func TestPlace(t *testing.T) {
	tests := []struct {
		name string
		kind PlaceKind
		ok   bool
	}{
		{"United States", CountryPlace, true},
		{"Georgia", CountryPlace, true},
		{"Chicago", City, true},
		{"Beijing", Region, true},
		{"Bali", Region, true},
		{"California", Region, true},
		{"Ontario", Region, true},
		{"Calif.", Region, true},
		{"NEW YORK", Region, true},
		{"Middle East", Area, true},
		{"Europe", Continent, true},
		{"Western", 0, false},
		{"Blinken", 0, false},
		{"State Department", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Place(tt.name)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.kind, got)
		})
	}
}

func TestGivenName(t *testing.T) {
	tests := []struct {
		name string
		sex  Sex
		ok   bool
	}{
		{"Mary", Female, true},
		{"Matthew", Male, true},
		{"Antony", Male, true},
		{"Jordan", Either, true},
		{"JOHN", Male, true},
		{"Blinken", 0, false},
		{"mary", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := GivenName(tt.name)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.sex, got)
		})
	}
}

func TestWordLists(t *testing.T) {
	tests := []struct {
		word                     string
		title, honorific, suffix bool
		sex                      Sex
	}{
		{word: "Mr.", title: true, honorific: true, sex: Male},
		{word: "Mrs", title: true, honorific: true, sex: Female},
		{word: "Dr.", title: true, honorific: true},
		{word: "President", title: true},
		{word: "president", title: true},
		{word: "Gov.", title: true},
		{word: "spokeswoman", title: true, sex: Female},
		{word: "SPOKESMAN", title: true, sex: Male},
		{word: "Congresswoman.", title: true, sex: Female},
		{word: "Sir", title: true, honorific: true, sex: Male},
		{word: "Coun.", title: true},
		{word: "Cllr", title: true},
		{word: "Inc.", suffix: true},
		{word: "Corp", suffix: true},
		{word: "Ministry", suffix: true},
		{word: "University", suffix: true},
		{word: "Blinken"},
		{word: "the"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			assert.Equal(t, tt.title, IsPersonTitle(tt.word), "IsPersonTitle")
			assert.Equal(t, tt.honorific, IsHonorific(tt.word), "IsHonorific")
			assert.Equal(t, tt.suffix, IsOrgSuffix(tt.word), "IsOrgSuffix")
			sex, ok := TitleSex(tt.word)
			assert.Equal(t, tt.sex, sex, "TitleSex")
			assert.Equal(t, tt.sex != 0, ok, "TitleSex ok")
			title, ok := PersonTitle(tt.word)
			assert.Equal(t, tt.title, ok, "PersonTitle ok")
			assert.Equal(t, Title{Honorific: tt.honorific, Sex: tt.sex}, title, "PersonTitle")
		})
	}
}

// TestTablesSearchable checks that every key of the embedded tables is
// found with its own value, and that no key is listed twice (a second line
// would never be found).
func TestTablesSearchable(t *testing.T) {
	for name, tab := range map[string]*table{
		"countries": countries, "demonyms": demonyms, "places": places,
		"given": givenNames, "titles": personTitles, "suffixes": orgSuffixes,
	} {
		t.Run(name, func(t *testing.T) {
			lines := strings.Split(strings.TrimSuffix(tab.text, "\n"), "\n")
			assert.NotEmpty(t, lines)
			seen := map[string]bool{}
			for _, line := range lines {
				key, value, _ := strings.Cut(line, "\t")
				if !assert.False(t, seen[key], "%q listed twice", key) {
					return
				}
				seen[key] = true
				got, ok := tab.lookup(key)
				if !assert.True(t, ok, key) || !assert.Equal(t, value, got, key) {
					return
				}
			}
		})
	}
}

// TestIndexEdges checks the hash index where reading a table a word at a
// time could go wrong: keys of 7, 8, 9, 16 and more than 31 bytes, a tab or
// a line break at a word's edge, bare keys and empty values, bytes beyond
// ASCII, and a last line with or without its line break, against a plain
// map.
func TestIndexEdges(t *testing.T) {
	texts := []string{
		"",
		"a",
		"a\tb",
		"abcdefg\tx\nabcdefgh\ty\nabcdefghi\tz\nabcdefghijklmnop\tw\n",
		"abcdefghijklmnopq\nabcdefgh\nab\n\tlone value\nkey\t\n",
		"Zürich\tt\nSão Paulo\tt\nMunicipality of Dobrovnik\tr\nMunicipality of Dobrovnak\tr",
		"one\ttwo\tthree\n1234567\t8\n12345678\t9\n",
		"a key of more than thirty-one bytes\tlong\nashort\n",
	}
	for _, text := range texts {
		want := map[string]string{}
		if text != "" {
			for line := range strings.Lines(text) {
				key, value, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
				want[key] = value
			}
		}
		tab := newTable(text)
		for key, value := range want {
			got, ok := tab.lookup(key)
			assert.True(t, ok, "%q in %q", key, text)
			assert.Equal(t, value, got, "%q in %q", key, text)
		}
		for _, absent := range []string{"", "abcdefgh\ty", "abcdefgh\n", "abcdefg", "abcdefghijklmno", "Municipality of Dobrovnek", "one\ttwo", "12345678\t", "a key of more than thirty-one bytez", "a key of more than thirty-one", "ashorT"} {
			if _, listed := want[absent]; !listed {
				_, ok := tab.lookup(absent)
				assert.False(t, ok, "%q in %q", absent, text)
			}
		}
	}
}

// TestCaseFoldedSearch checks that reading a key in lower or title case
// while searching finds what looking up the converted key finds.
func TestCaseFoldedSearch(t *testing.T) {
	for name, tab := range map[string]*table{"countries": countries, "places": places, "titles": personTitles} {
		t.Run(name, func(t *testing.T) {
			for _, line := range strings.Split(strings.TrimSuffix(tab.text, "\n"), "\n") {
				key, _, _ := strings.Cut(line, "\t")
				for _, written := range []string{key, strings.ToUpper(key), strings.ToLower(key)} {
					want, wantOK := tab.lookup(strings.ToLower(written))
					got, ok := tab.lookupWord(written + ".")
					if !assert.Equal(t, wantOK, ok, written) || !assert.Equal(t, want, got, written) {
						return
					}
					want, wantOK = tab.lookup(written)
					if !wantOK && isAllCaps(written) {
						want, wantOK = tab.lookup(titleCase(written))
					}
					got, ok = tab.lookupName(written)
					if !assert.Equal(t, wantOK, ok, written) || !assert.Equal(t, want, got, written) {
						return
					}
				}
			}
		})
	}
}

// TestShortWord checks the overlapping loads of a key shorter than eight
// bytes against reading it a byte at a time.
func TestShortWord(t *testing.T) {
	for n := 0; n < 8; n++ {
		key := "ABCDEFG"[:n]
		assert.Equal(t, swar.Bytes(key+"\x00\x00\x00\x00\x00\x00\x00\x00", 0, n), shortWord(key), key)
		assert.Equal(t, swar.Bytes(key, 0, n), shortWord(key), key)
	}
}

// BenchmarkLookups measures the per-word cost the recognizer pays for its
// gazetteer features: one lookup in every table.
func BenchmarkLookups(b *testing.B) {
	words := strings.Fields("US Secretary of State Antony Blinken met Foreign Minister Qin Gang in BEIJING on Sunday")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Country(w)
			Demonym(w)
			Place(w)
			GivenName(w)
			IsPersonTitle(w)
			IsOrgSuffix(w)
		}
	}
}

// BenchmarkFirstLookup measures what the first lookup in every table costs:
// indexing its lines, which a WebAssembly page pays at start-up.
func BenchmarkFirstLookup(b *testing.B) {
	texts := []string{countriesText, demonymsText, placesText, givenNamesText, personTitlesText, orgSuffixesText}
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			newTable(text).lookup("Beijing")
		}
	}
}
