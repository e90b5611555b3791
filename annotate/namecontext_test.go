package annotate

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"lede/annotate/ner"
)

// spanOf returns the span of the words of name in words, typed typ: the
// first occurrence that overlaps none of taken (the test fails if there is
// none).
func spanOf(t *testing.T, words []string, name string, typ ner.Type, taken ...ner.Span) ner.Span {
	t.Helper()
	parts := strings.Fields(name)
	for i := 0; i+len(parts) <= len(words); i++ {
		free := !slices.ContainsFunc(taken, func(s ner.Span) bool { return s.First < i+len(parts) && i < s.Last })
		if free && slices.Equal(words[i:i+len(parts)], parts) {
			return ner.Span{First: i, Last: i + len(parts), Type: typ}
		}
	}
	t.Fatalf("%q not in %q", name, words)
	return ner.Span{}
}

func TestAppositionType(t *testing.T) {
	tests := []struct {
		name, text, span string
		want             ner.Type // 0: the context says nothing
	}{
		{"a moon in apposition", "The probe will pass Titan , the largest moon of Saturn , in 2034", "Titan", ner.Location},
		{"one of a possessor's moons", "Europa , one of Jupiter 's icy moons , hides an ocean", "Europa", ner.Location},
		{"a firm in apposition", "Hollis Freight , a logistics company based in Tacoma , cut jobs", "Hollis Freight", ner.Organization},
		{"a copula opening a sentence", "Orrin Vale is a folk band from Cork .", "Orrin Vale", ner.Organization},
		{"a village", ". Kembaru was a small village until the mine opened", "Kembaru", ner.Location},
		{"a source, not an apposition", "a plant outside Tianjin , the newspaper said .", "Tianjin", 0},
		{"the subject of a clause", "the battle of Redmoor , the regiment was sent home", "Redmoor", 0},
		{"a clause without a determiner", "armed forces , Major-General Ilya Torrin , took a group of reporters", "Ilya Torrin", 0},
		{"a possessive is no head", "Leona Marsh , the club 's captain , scored", "Leona Marsh", 0},
		{"a person's noun is the recognizer's business", "Dana Whit , a city councilwoman , voted no", "Dana Whit", 0},
		{"a copula inside a sentence", "he said Orrin Vale is a band to watch", "Orrin Vale", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(tt.text)
			got, ok := appositionType(words, spanOf(t, words, tt.span, ner.Person))
			assert.Equal(t, tt.want != 0, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestTypeFromContext(t *testing.T) {
	tests := []struct {
		name, text string
		spans      map[string]ner.Type // as the recognizer gave them
		want       map[string]ner.Type
	}{
		{
			name:  "an apposition types the name's other mentions",
			text:  "Dragonfly will land on Titan , the largest moon of Saturn . Titan has lakes .",
			spans: map[string]ner.Type{"Dragonfly": ner.Misc, "Titan": ner.Organization, "Saturn": ner.Location},
			want:  map[string]ner.Type{"Titan": ner.Location, "Saturn": ner.Location},
		},
		{
			name:  "a person after a corporate office and of is an organization",
			text:  "said Greta Alvik , chief financial officer of Hollis Freight . Hollis Freight will appeal .",
			spans: map[string]ner.Type{"Greta Alvik": ner.Person, "Hollis Freight": ner.Person},
			want:  map[string]ner.Type{"Greta Alvik": ner.Person, "Hollis Freight": ner.Organization},
		},
		{
			name:  "an office written with a capital is a title, not a firm's",
			text:  "the wife of Bram Oster , a retired teacher",
			spans: map[string]ner.Type{"Bram Oster": ner.Person},
			want:  map[string]ner.Type{"Bram Oster": ner.Person},
		},
		{
			name:  "a firm after a post at it, even one taken for a place",
			text:  "said Marta Lind , an analyst at Corwin Research , and a lecturer at Leeds",
			spans: map[string]ner.Type{"Marta Lind": ner.Person, "Corwin Research": ner.Location, "Leeds": ner.Location},
			want:  map[string]ner.Type{"Marta Lind": ner.Person, "Corwin Research": ner.Organization, "Leeds": ner.Location},
		},
		{
			name:  "a city before a possessive and a firm's name, but not before a player's",
			text:  "as did Tacoma 's Pierhead Marine . Baltimore 's Eddie Murray scored",
			spans: map[string]ner.Type{"Tacoma": ner.Organization, "Pierhead Marine": ner.Organization, "Baltimore": ner.Organization, "Eddie Murray": ner.Person},
			want:  map[string]ner.Type{"Tacoma": ner.Location, "Pierhead Marine": ner.Organization, "Baltimore": ner.Organization, "Eddie Murray": ner.Person},
		},
		{
			name:  "a sea taken for a firm",
			text:  "Red Sea resort hosts talks",
			spans: map[string]ner.Type{"Red Sea": ner.Organization},
			want:  map[string]ner.Type{"Red Sea": ner.Location},
		},
		{
			name:  "a team named after a bay stays",
			text:  "Tampa Bay beat Boston 4-2",
			spans: map[string]ner.Type{"Tampa Bay": ner.Organization, "Boston": ner.Organization},
			want:  map[string]ner.Type{"Tampa Bay": ner.Organization, "Boston": ner.Organization},
		},
		{
			name:  "a planet taken for a firm in an article about space",
			text:  "The orbiter reached Saturn after seven years .",
			spans: map[string]ner.Type{"Saturn": ner.Organization},
			want:  map[string]ner.Type{"Saturn": ner.Location},
		},
		{
			name:  "a moon beside a mission named after it",
			text:  "NASA said the Europa Clipper would reach Europa in 2030 .",
			spans: map[string]ner.Type{"NASA": ner.Organization, "Europa Clipper": ner.Organization, "Europa": ner.Organization},
			want:  map[string]ner.Type{"NASA": ner.Organization, "Europa Clipper": ner.Organization, "Europa": ner.Location},
		},
		{
			name:  "a firm named like a moon elsewhere",
			text:  "Titan said profits rose .",
			spans: map[string]ner.Type{"Titan": ner.Organization},
			want:  map[string]ner.Type{"Titan": ner.Organization},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(tt.text)
			// The longer names first, so that a short one is found on its own.
			names := slices.Collect(maps.Keys(tt.spans))
			slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
			var spans []ner.Span
			for _, name := range names {
				spans = append(spans, spanOf(t, words, name, tt.spans[name], spans...))
			}
			slices.SortFunc(spans, func(a, b ner.Span) int { return a.First - b.First })
			got := map[string]ner.Type{}
			for _, s := range typeFromContext(words, spans) {
				if s.Type != ner.Misc {
					got[strings.Join(words[s.First:s.Last], " ")] = s.Type
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRiversAfterThe(t *testing.T) {
	words := strings.Fields("Boats on the Danube and the Nile , but not Nile Rodgers or the Nile Hilton , said the Rhine Times of the Blue Nile")
	spans := []ner.Span{
		spanOf(t, words, "Danube", ner.Organization), // taken for a firm
		spanOf(t, words, "Nile Rodgers", ner.Person),
		spanOf(t, words, "Nile Hilton", ner.Organization),
		spanOf(t, words, "Rhine Times", ner.Organization),
		spanOf(t, words, "Blue Nile", ner.Organization),
	}
	want := []ner.Span{
		{First: 3, Last: 4, Type: ner.Location},
		{First: 6, Last: 7, Type: ner.Location}, // missed by the recognizer
		spans[1], spans[2], spans[3],
		{First: spans[4].First, Last: spans[4].Last, Type: ner.Location},
	}
	assert.Equal(t, want, riversAfterThe(words, slices.Clone(spans)))
}
