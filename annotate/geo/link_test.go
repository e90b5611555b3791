package geo

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// entities makes the entities of text: each spec is a name, with "P:" for a
// person or "O:" for an organization (a place otherwise) and "|role" after
// it; every occurrence of the name in the text is a mention.
func entities(text string, specs ...string) []Entity {
	ents := make([]Entity, 0, len(specs))
	for _, spec := range specs {
		e := Entity{Type: PlaceEntity}
		if t, rest, ok := strings.Cut(spec, ":"); ok && (t == "P" || t == "O") {
			e.Type, spec = map[string]EntityType{"P": Person, "O": Organization}[t], rest
		}
		e.Name, e.Role, _ = strings.Cut(spec, "|")
		for at := 0; ; {
			i := strings.Index(text[at:], e.Name)
			if i < 0 {
				break
			}
			e.Mentions = append(e.Mentions, [2]int{at + i, at + i + len(e.Name)})
			at += i + len(e.Name)
		}
		ents = append(ents, e)
	}
	return ents
}

func TestLinkPlaces(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		entities []string
		want     map[string]int // place name -> GeoNames id, 0 to abstain
	}{
		{"the capital of a country by default", "Talks resumed in Paris on Monday.", []string{"Paris"}, map[string]int{"Paris": 2988507}},
		{"a state named right after", "The fair in Paris, Texas, drew crowds.", []string{"Paris", "Texas"}, map[string]int{"Paris": 4717560, "Texas": 4736286}},
		{"a state abbreviation after", "He grew up in Paris, Tex., near the border.", []string{"Paris"}, map[string]int{"Paris": 4717560}},
		{"a country named right after", "Tourists crowd Lagos, Portugal, each summer.", []string{"Lagos", "Portugal"}, map[string]int{"Lagos": 2267226}},
		{"the biggest namesake with its country", "Traffic in Lagos is the worst in Nigeria.", []string{"Lagos", "Nigeria"}, map[string]int{"Lagos": 2332459, "Nigeria": 2328926}},
		{"a city beats the division of its name", "Flights to Beijing resumed.", []string{"Beijing"}, map[string]int{"Beijing": 1816670}},
		{"the country by default", "Georgia held elections.", []string{"Georgia"}, map[string]int{"Georgia": 614540}},
		{"the state among its cities", "Georgia's governor spoke in Atlanta and Savannah after Atlanta's mayor.", []string{"Georgia", "Atlanta"}, map[string]int{"Georgia": 4197000, "Atlanta": 4180439}},
		{"the country among its neighbours", "Georgia, Armenia and Azerbaijan met in Baku.", []string{"Georgia", "Armenia", "Azerbaijan", "Baku"}, map[string]int{"Georgia": 614540, "Armenia": 174982}},
		{"a cue word: state", "Fires burn in Washington state.", []string{"Washington"}, map[string]int{"Washington": 5815135}},
		{"a cue word: state of", "Fires burn in the state of Washington.", []string{"Washington"}, map[string]int{"Washington": 5815135}},
		{"a district named after", "Crowds gathered in Washington, D.C., on Sunday.", []string{"Washington"}, map[string]int{"Washington": 4140963}},
		{"the capital in national news", "The United States and China met; officials in Washington said so.", []string{"United States", "China", "Washington"}, map[string]int{"Washington": 4140963, "United States": 6252001, "China": 1814991}},
		{"a country's alias", "U.S. troops left.", []string{"U.S."}, map[string]int{"U.S.": 6252001}},
		{"demonyms", "Georgian wine is sold in Georgia, the Georgian minister said.", []string{"Georgia"}, map[string]int{"Georgia": 614540}},
		{"a person's role", "Georgia's economy grew, said Ms. Smith.", []string{"Georgia", "P:Ms. Smith|Governor of Georgia in Atlanta"}, map[string]int{"Georgia": 614540}},
		{"an unknown place", "They sailed to Atlantis.", []string{"Atlantis"}, map[string]int{"Atlantis": 0}},
		{"no place at all", "Ms. Smith spoke.", []string{"P:Ms. Smith"}, map[string]int{}},
		{"namesakes without evidence abstain", "The mayor of Victoria spoke.", []string{"Victoria"}, map[string]int{"Victoria": 0}},
		{"a county", "Rain flooded roads in Cook County.", []string{"Cook County"}, map[string]int{"Cook County": -1}},
		{"a namesake Lede does not know", "She studied in Cambridge, Massachusetts.", []string{"Cambridge"}, map[string]int{"Cambridge": 0}},
		{"a namesake Lede does not know, in the name", "She studied in Cambridge, Massachusetts.", []string{"Cambridge, Massachusetts"}, map[string]int{"Cambridge, Massachusetts": 0}},
		{"the only namesake, qualified", "She studied in Cambridge, England.", []string{"Cambridge"}, map[string]int{"Cambridge": 2653941}},
		{"a list is no qualifier", "Leaders met in Tokyo, Beijing and Seoul.", []string{"Tokyo", "Beijing", "Seoul"}, map[string]int{"Tokyo": 1850147, "Beijing": 1816670}},
		{"a list of states is no qualifier", "Storms hit Georgia, Alabama and Florida.", []string{"Georgia", "Alabama", "Florida"}, map[string]int{"Alabama": 4829764, "Florida": 4155751}},
		{"the head of a name with its state", "They live in Paris, Texas.", []string{"Paris, Texas"}, map[string]int{"Paris, Texas": 4717560}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents := entities(tt.text, tt.entities...)
			out := make([]*Link, len(ents))
			LinkPlaces(tt.text, ents, out)
			for i, e := range ents {
				want, ok := tt.want[e.Name]
				if !ok {
					if e.Type != PlaceEntity {
						assert.Nil(t, out[i], "%s is not a place", e.Name)
					}
					continue
				}
				switch want {
				case 0:
					assert.Nil(t, out[i], "%s: want no link", e.Name)
				case -1:
					require.NotNil(t, out[i], e.Name)
					assert.Equal(t, County, out[i].Kind, e.Name)
				default:
					require.NotNil(t, out[i], e.Name)
					assert.Equal(t, want, out[i].ID, "%s: got %s, %s", e.Name, out[i].Name, out[i].Country)
					assert.GreaterOrEqual(t, out[i].Confidence, 0.5)
					assert.LessOrEqual(t, out[i].Confidence, 1.0)
				}
			}
		})
	}
}

// TestLinkPlacesHostile checks that bad offsets and odd names never panic.
func TestLinkPlacesHostile(t *testing.T) {
	ents := []Entity{
		{Type: PlaceEntity, Name: "Paris", Mentions: [][2]int{{-5, 2}, {3, 1}, {0, 99}}},
		{Type: PlaceEntity, Name: "", Mentions: nil},
		{Type: PlaceEntity, Name: ", ", Mentions: [][2]int{{0, 0}}},
		{Type: 99, Name: "Georgia"},
	}
	assert.NotPanics(t, func() {
		LinkPlaces("Paris, ", ents, make([]*Link, len(ents)))
		LinkPlaces("", ents, make([]*Link, 1)) // too short: ignored
		LinkPlaces("", nil, nil)
	})
}

func TestTable(t *testing.T) {
	tab := loadTable()
	require.NotEmpty(t, tab.places)
	kinds := map[Kind]int{}
	for _, p := range tab.places {
		kinds[p.Kind]++
		require.NotEmpty(t, p.Name)
		require.Len(t, p.Country, 2)
		if p.HasCoord {
			require.True(t, p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180, "%v", p)
		}
		if p.Kind != County {
			require.NotZero(t, p.ID, p.Name)
		}
		if p.Region >= 0 {
			require.Equal(t, Region, tab.places[p.Region].Kind, p.Name)
			require.Equal(t, p.Country, tab.places[p.Region].Country, p.Name)
		}
	}
	assert.Greater(t, kinds[Country], 240)
	assert.Greater(t, kinds[Region], 1000)
	assert.Greater(t, kinds[City], 2500)
	assert.Greater(t, kinds[County], 300)
	b, ok := ByID(1816670)
	require.True(t, ok)
	assert.Equal(t, "Beijing", b.Name)
	assert.InDelta(t, 39.91, b.Lat, 0.01)
	assert.InDelta(t, 116.40, b.Lon, 0.01)
	assert.Equal(t, City, b.Kind)
	assert.True(t, b.Capital)
	// Corrupt data decodes to an empty table, not a panic.
	for _, bad := range []string{"", "GEO1", "GEO1\xff\xff\xff", placesBin[:len(placesBin)/2], "XXXX" + placesBin[4:]} {
		assert.NotPanics(t, func() { decode(bad) })
	}
}

// BenchmarkDecode measures the first use's cost: decoding the places and
// sorting their names.
func BenchmarkDecode(b *testing.B) {
	for b.Loop() {
		decode(placesBin)
	}
}
