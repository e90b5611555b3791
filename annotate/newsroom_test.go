package annotate

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newsroomArticle is written for these tests: a planet the recognizer takes
// for a person, a charity the newsroom never wants flagged, and an alias.
const newsroomArticle = `Astronomers at the Lowell Observatory said on Tuesday that Jupiter had moved closer to Earth than at any time in the past decade.

"Jupiter is putting on a show this month," said Maria Chen, who leads the observatory's outreach team. She said families could see the planet without a telescope.

Meanwhile the housing charity Homes Now warned that rents in Flagstaff had risen sharply. "Homes Now has never seen so many families priced out of housing," said its director, Tom Reyes. The Fed raised interest rates again last month, and the Federal Reserve said the housing market would cool.
`

func TestNewNewsroomValidates(t *testing.T) {
	long := strings.Repeat("x", maxNewsroomName+1)
	many := make([]string, maxNewsroomEntries+1)
	for i := range many {
		many[i] = "w" + strings.Repeat("y", i%50)
	}
	tests := []struct {
		name string
		lex  NewsroomLexicon
		want string // substring of the error; "" for none
	}{
		{"valid", NewsroomLexicon{Entities: []NewsroomEntry{{Name: "Jupiter", Type: "place"}}, Ignore: []string{"Homes Now"}}, ""},
		{"bad type", NewsroomLexicon{Entities: []NewsroomEntry{{Name: "Jupiter", Type: "planet"}}}, `entities[0]: unknown type "planet"`},
		{"empty name", NewsroomLexicon{Entities: []NewsroomEntry{{Name: "Jupiter", Type: "place"}, {Name: "  ", Type: "person"}}}, "entities[1]: the name is empty"},
		{"empty ignore", NewsroomLexicon{Ignore: []string{""}}, "ignore[0]: the name is empty"},
		{"long name", NewsroomLexicon{Entities: []NewsroomEntry{{Name: long, Type: "person"}}}, "longer than 200 bytes"},
		{"long role", NewsroomLexicon{Entities: []NewsroomEntry{{Name: "Ann Lee", Type: "person", Role: long}}}, "longer than 200 bytes"},
		{"many words", NewsroomLexicon{Ignore: []string{strings.Repeat("a ", maxNewsroomWords+1)}}, "more than 16 words"},
		{"too many", NewsroomLexicon{Ignore: many}, "more than 10000 entries"},
		{"twice", NewsroomLexicon{Entities: []NewsroomEntry{{Name: "the  Fed", Type: "organization"}}, Ignore: []string{"the Fed"}}, `ignore[0]: "the Fed" is already listed (entities[0])`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := NewNewsroom(tt.lex)
			if tt.want == "" {
				require.NoError(t, err)
				assert.NotNil(t, n)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	n, err := NewNewsroom(NewsroomLexicon{})
	require.NoError(t, err)
	assert.Nil(t, n, "an empty lexicon changes nothing")
	_, err = Settings{Lexicon: &NewsroomLexicon{Ignore: []string{" "}}}.Options()
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "lexicon: "), err.Error())
}

// entityView is an entity without its id, which shifts when entities come or go.
type entityView struct {
	Type, Name, Role string
	Mentions         string
}

func viewEntities(d *Document) map[string]entityView {
	out := map[string]entityView{}
	for _, e := range d.Entities {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text+"@"+strconv.Itoa(m.Start))
		}
		out[e.Type.String()+" "+e.Name] = entityView{e.Type.String(), e.Name, e.Role, strings.Join(ms, ",")}
	}
	return out
}

// A lexicon that makes a planet a place, names an alias and silences two
// strings changes exactly those results and nothing else.
func TestNewsroomChangesOnlyWhatItNames(t *testing.T) {
	lex := NewsroomLexicon{
		Entities: []NewsroomEntry{
			{Name: "Jupiter", Type: "place"},
			{Name: "The Fed", Type: "organization", Canonical: "Federal Reserve", Role: "the US central bank"},
		},
		Ignore: []string{"Homes Now", "charity"},
	}
	opts, err := Settings{Lexicon: &lex}.Options()
	require.NoError(t, err)
	before, after := Annotate(newsroomArticle), Annotate(newsroomArticle, opts...)

	want := viewEntities(before)
	require.Contains(t, want, "organization Homes Now", "the test needs the recognizer to find the charity")
	require.Contains(t, want, "organization Federal Reserve")
	delete(want, "organization Homes Now")
	jupiter, ok := want["person Jupiter"]
	if !ok {
		jupiter, ok = want["place Jupiter"]
	}
	require.True(t, ok, "the recognizer finds Jupiter")
	delete(want, "person Jupiter")
	jupiter.Type = "place"
	want["place Jupiter"] = jupiter
	fed := want["organization Federal Reserve"]
	fed.Role = "the US central bank"
	start := strings.Index(newsroomArticle, "The Fed")
	fed.Mentions = "The Fed@" + strconv.Itoa(start) + "," + fed.Mentions
	want["organization Federal Reserve"] = fed
	delete(want, "organization Fed")
	assert.Equal(t, want, viewEntities(after))

	// Quotes keep their passages and speakers' names.
	require.Len(t, after.Quotes, len(before.Quotes))
	for i := range before.Quotes {
		b, a := before.Quotes[i], after.Quotes[i]
		assert.Equal(t, b.Text, a.Text)
		assert.Equal(t, b.Speaker.Name, a.Speaker.Name)
		b.ID, a.ID, b.Speaker, a.Speaker = "", "", nil, nil
		assert.Equal(t, b, a)
	}
	// Issues: those raised only by "charity" go; the others are unchanged.
	var wantIssues []Issue
	for _, is := range before.Issues {
		var ms []Mention
		for _, m := range is.Mentions {
			if m.Text != "charity" {
				ms = append(ms, m)
			}
		}
		if len(ms) == len(is.Mentions) {
			wantIssues = append(wantIssues, is)
		}
	}
	require.Less(t, len(wantIssues), len(before.Issues), "the test needs an issue raised by \"charity\"")
	assert.Equal(t, wantIssues, after.Issues)
}

func TestNewsroomNames(t *testing.T) {
	tests := []struct {
		name, text string
		lex        NewsroomLexicon
		want       []string // type:text of the entities' mentions, in order
	}{
		{"adds a name", "The committee met on Monday.", NewsroomLexicon{Entities: []NewsroomEntry{{Name: "committee", Type: "organization"}}}, []string{"organization:committee"}},
		{"case-sensitive", "The board met on Monday.", NewsroomLexicon{Entities: []NewsroomEntry{{Name: "Board", Type: "organization"}}}, nil},
		{"whole tokens", "The committees met on Monday.", NewsroomLexicon{Entities: []NewsroomEntry{{Name: "committee", Type: "organization"}}}, nil},
		{"not across paragraphs", "He saw Red\nRock in the film.", NewsroomLexicon{Entities: []NewsroomEntry{{Name: "Red Rock", Type: "place"}}}, nil},
		{"inside a longer name", "The nurses at Jupiter Medical Center went on strike.", NewsroomLexicon{Entities: []NewsroomEntry{{Name: "Jupiter", Type: "place"}}}, []string{"organization:Jupiter Medical Center"}},
		{"longest entry", "The nurses at Jupiter Medical went on strike.", NewsroomLexicon{Entities: []NewsroomEntry{{Name: "Jupiter", Type: "place"}, {Name: "Jupiter Medical", Type: "organization"}}}, []string{"organization:Jupiter Medical"}},
		{"ignored", "The nurses at Jupiter Medical Center went on strike.", NewsroomLexicon{Ignore: []string{"Medical"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := NewNewsroom(tt.lex)
			require.NoError(t, err)
			var got []string
			for _, e := range Annotate(tt.text, WithNewsroom(n)).Entities {
				for _, m := range e.Mentions {
					got = append(got, e.Type.String()+":"+m.Text)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestNewsroomNamesAreCertain checks that a name the newsroom lexicon adds
// or retypes carries confidence 1: the newsroom said so, and the page would
// otherwise mark it uncertain.
func TestNewsroomNamesAreCertain(t *testing.T) {
	n, err := NewNewsroom(NewsroomLexicon{Entities: []NewsroomEntry{{Name: "committee", Type: "organization"}, {Name: "Jupiter", Type: "place"}}})
	require.NoError(t, err)
	doc := Annotate("The committee said Jupiter was bright on Monday.", WithNewsroom(n))
	require.Len(t, doc.Entities, 2)
	for _, e := range doc.Entities {
		assert.Equal(t, 1.0, e.Confidence, e.Name)
	}
}

func TestOverlapsAny(t *testing.T) {
	spans := [][2]int{{2, 4}, {10, 12}}
	for _, tt := range []struct {
		m    [2]int
		want bool
	}{{[2]int{0, 2}, false}, {[2]int{0, 3}, true}, {[2]int{3, 5}, true}, {[2]int{4, 10}, false}, {[2]int{11, 20}, true}, {[2]int{12, 13}, false}} {
		assert.Equal(t, tt.want, overlapsAny(spans, tt.m), "%v", tt.m)
	}
}

// BenchmarkPipelineNewsroom is BenchmarkPipeline with a newsroom lexicon of
// a hundred names and ten ignored strings, to compare with it.
func BenchmarkPipelineNewsroom(b *testing.B) {
	lex := NewsroomLexicon{}
	for i := range 100 {
		lex.Entities = append(lex.Entities, NewsroomEntry{Name: "Name" + strconv.Itoa(i) + " Street", Type: "place", Canonical: "Name" + strconv.Itoa(i)})
	}
	lex.Entities = append(lex.Entities, NewsroomEntry{Name: "the Fed", Type: "organization", Canonical: "Federal Reserve"})
	for i := range 10 {
		lex.Ignore = append(lex.Ignore, "Ignored"+strconv.Itoa(i))
	}
	lex.Ignore = append(lex.Ignore, "said")
	news, err := NewNewsroom(lex)
	require.NoError(b, err)
	benchmarkTexts(b, func(text string) func() {
		return func() { Annotate(text, WithNewsroom(news)) }
	})
}
