package annotate

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"lede/annotate/ner"
)

// spanOf returns the span of the first occurrence of the words of name in
// words, typed typ (the test fails if there is none).
func spanOf(t *testing.T, words []string, name string, typ ner.Type) ner.Span {
	t.Helper()
	parts := strings.Fields(name)
	for i := 0; i+len(parts) <= len(words); i++ {
		if slices.Equal(words[i:i+len(parts)], parts) {
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

// markedSpans reads words separated by spaces in which the recognizer's
// names are marked [P:like this] (P person, L place, O organization, M
// other), and returns the words and the spans.
func markedSpans(t *testing.T, marked string) ([]string, []ner.Span) {
	t.Helper()
	types := map[string]ner.Type{"P": ner.Person, "L": ner.Location, "O": ner.Organization, "M": ner.Misc}
	var words []string
	var spans []ner.Span
	open := -1
	for _, w := range strings.Fields(marked) {
		if typ, rest, ok := strings.Cut(w, ":"); ok && strings.HasPrefix(typ, "[") {
			open, w = len(words), rest
			spans = append(spans, ner.Span{First: open, Type: types[typ[1:]]})
		}
		if strings.HasSuffix(w, "]") && open >= 0 {
			w, open = strings.TrimSuffix(w, "]"), -1
			spans[len(spans)-1].Last = len(words) + 1
		}
		words = append(words, w)
	}
	return words, spans
}

func TestTypeFromContext(t *testing.T) {
	tests := []struct {
		name, marked string
		want         string // the types after, one letter a span
	}{
		{"an apposition types the name's other mentions",
			"[M:Dragonfly] will land on [O:Titan] , the largest moon of [L:Saturn] . [O:Titan] has lakes .", "MLLL"},
		{"a person after a corporate office and of is an organization",
			"said [P:Greta Alvik] , chief financial officer of [P:Hollis Freight] . [P:Hollis Freight] will appeal .", "POO"},
		{"an office written with a capital is a title, not a firm's", "the wife of [P:Bram Oster] , a retired teacher", "P"},
		{"a firm after a post at it, even one taken for a place",
			"said [P:Marta Lind] , an analyst at [L:Corwin Research] , and a lecturer at [L:Leeds]", "POL"},
		{"a city before a possessive and a firm's name, but not before a player's",
			"as did [O:Tacoma] 's [O:Pierhead Marine] . [O:Baltimore] 's [P:Eddie Murray] scored", "LOOP"},
		{"an organization's noun before a name", "the band [P:Killing Joke] , the journal [L:Protein Science] and the aircraft carrier [P:Carl Vinson]", "OOP"},
		{"an institution taken for a place, but not a country", "at the [L:Paxton Public Library] in the [L:Russian Federation]", "OL"},
		{"a place placed in its region, not a person described by one",
			"from [P:Sandy Hook] , [L:Maryland] from where ; [P:Jo Tate] , [L:Ohio] 's attorney general , and [P:Al Ruiz] , [L:Ohio] Democrat", "LLPLPL"},
		{"a place placed in its region only there, and a firm of several words stays",
			"over [O:Lockerbie] , [L:Scotland] . [O:Lockerbie] won . the [O:Mass Transit System] , [L:Greece]", "LLOOL"},
		{"a list takes the type of two names in three", "[P:Ray Houghton] , [L:McAteer] , [P:Harte] and [P:Quinn] ; [O:Telemundo] / [P:Univision] / [O:MUN2]", "PPPPOOO"},
		{"a list keeps its known places and organization's names", "in [L:Paris] , [O:Renault] and [O:Peugeot] ; [L:Manila] , [L:Davao] and [O:Weather Services Administration]", "LOOLLO"},
		{"two names are no list", "[P:Dana Oster] and [L:Marlow]", "PL"},
		{"names before a plural place noun", "voters in [L:King] , [P:Pierce] and [O:Snohomish] counties ; the [M:Baltic] states", "LLLM"},
		{"one name of a list before a plural place noun, the others left out",
			"voters in King , [P:Pierce] and Snohomish counties ; [P:Marlow] and Tebbit districts ; [P:Ames] said counties", "LLP"},
		{"a name and a plural place noun with no list between stay", "[P:Dana Oster] counties ; [P:Lee] , the states", "PP"},
		{"a firm after an office, even one taken for a place, but not a known place",
			"chief executive officer of [L:Petofi] ; the president of [L:Mexico] ; [L:Petofi] is for sale", "OLO"},
		{"a source named by its noun", "[P:Zycie Warszawy] daily said , and [L:Vorta] news agency reported ; [P:Jo Tate] spokesman said ; [P:Jo Tate] 's firm said", "OOPP"},
		{"a kinship noun or a lower-case title before a short name",
			"his wife , [L:Orla] , and Indonesian president [O:Suharto] but not his wife [L:Paris] or President [O:Ford]", "PPLO"},
		{"a sea taken for a firm", "[O:Red Sea] resort hosts talks", "L"},
		{"a team named after a bay stays", "[O:Tampa Bay] beat [O:Boston] 4-2", "OO"},
		{"a planet taken for a firm in an article about space", "The orbiter reached [O:Saturn] after seven years .", "L"},
		{"a moon beside a mission named after it", "[O:NASA] said the [O:Europa Clipper] would reach [O:Europa] in 2030 .", "OOL"},
		{"a firm named like a moon elsewhere", "[O:Titan] said profits rose .", "O"},
		{"a person ending in a firm's head word is the firm, the head word alone no name",
			"[P:Plantation] stocks fell as [P:Kenning Plantation] and [P:Orla Holdings] slipped", "MOO"},
		{"a place ending in a firm's head word is the firm, but not a hotel",
			"sold to [L:Seabreeze Hospitality] and [L:Corvo Group] ; stayed at the [L:Marlow Hotel]", "OOL"},
		{"a person ending in a club's word is the club, a place so ending stays",
			"[P:Corby Town] beat [P:Leeford Rovers] 2-1 in [L:Corby Town]", "OOL"},
		{"a person ending in a thing's head word is no person, nor is one named after it",
			"the [P:James Webb Space Telescope] and the [P:Nobel Prize] ; [P:Edwin Hubble] ; an [O:Act] ; [P:Eric Lander]", "MMPOP"},
		{"an observatory taken for a place is the institution", "of the [L:European Southern Observatory] in [L:Garching]", "OL"},
		{"a person's name without a firm's head word stays", "[P:Ada Groupman] and [P:Ivo Holding] spoke", "PP"},
	}
	letters := map[ner.Type]byte{ner.Person: 'P', ner.Location: 'L', ner.Organization: 'O', ner.Misc: 'M'}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words, spans := markedSpans(t, tt.marked)
			var got []byte
			for _, s := range typeFromContext(words, spans) {
				got = append(got, letters[s.Type])
			}
			assert.Equal(t, tt.want, string(got))
		})
	}
}

func TestRivers(t *testing.T) {
	words := strings.Fields("Boats on the Danube and the Nile , but not Nile Rodgers or the Nile Hilton , said the Rhine Times of the Blue Nile")
	labels := make([]ner.Label, len(words))
	spans := []ner.Span{
		spanOf(t, words, "Danube", ner.Organization), // taken for a firm
		spanOf(t, words, "Nile Rodgers", ner.Person),
		spanOf(t, words, "Nile Hilton", ner.Organization),
		spanOf(t, words, "Rhine Times", ner.Organization),
		spanOf(t, words, "Blue Nile", ner.Organization),
	}
	for _, s := range spans {
		for i := s.First; i < s.Last; i++ {
			labels[i] = ner.MakeLabel(s.Type, ner.Inside)
		}
	}
	labelRivers(words, labels)
	riversAfterThe(words, spans)
	assert.Equal(t, []ner.Type{ner.Location, ner.Person, ner.Organization, ner.Organization, ner.Location},
		[]ner.Type{spans[0].Type, spans[1].Type, spans[2].Type, spans[3].Type, spans[4].Type})
	// The Nile the recognizer missed is labelled; no other word is.
	var labelled []string
	for i, l := range labels {
		if l == ner.MakeLabel(ner.Location, ner.Unit) {
			labelled = append(labelled, words[i])
		}
	}
	assert.Equal(t, []string{"Nile"}, labelled)
}
