package annotate

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestJoinNames checks which pieces of names the recognizer gave are one
// name, on marked fixtures, so it runs without the recognizer.
func TestJoinNames(t *testing.T) {
	tests := []struct {
		name   string
		marked string
		want   []string // "type text" of each joined name
	}{
		{"pieces that touch", "[P:Ferdinand Marcos] [P:Jr.] spoke.", []string{"person Ferdinand Marcos Jr."}},
		{"touching pieces of two types stay apart", "In [L:Kenya] [O:Safaricom] fell.", []string{"place Kenya", "organization Safaricom"}},
		{"a name particle", "In [L:Rio] de [L:Janeiro] and [P:Pieter] van der [P:Walt].", []string{"place Rio de Janeiro", "person Pieter van der Walt"}},
		{"of after an institution's head", "The [O:Bank] of [L:England] and the [O:University] of [O:Cape Town].", []string{"organization Bank of England", "organization University of Cape Town"}},
		{"of after a company's legal form", "The [O:Dow Chemical Co] of the [L:United States] said.", []string{"organization Dow Chemical Co", "place United States"}},
		{"a person of a place stays two", "[P:Amos Kibet] of [L:Kenya] won.", []string{"person Amos Kibet", "place Kenya"}},
		{"and, or in, outside a complement stays two", "[L:Paris] and [L:London] and [O:Barclays] in [L:London].", []string{"place Paris", "place London", "organization Barclays", "place London"}},
		{"a complement goes on with and, then in", "The [O:Coalition] on [O:Homelessness] and [O:Housing] in [L:Ohio] met.", []string{"organization Coalition on Homelessness and Housing in Ohio"}},
		{"and after a complement the recognizer took in stays apart", "The [O:Ministry of Health] and [O:Oxfam] met.", []string{"organization Ministry of Health", "organization Oxfam"}},
		{"a plural head", "The [O:Africa Centres] for [O:Disease Control and Prevention] said.", []string{"organization Africa Centres for Disease Control and Prevention"}},
		{"in needs a longer complement", "The [O:Ministry] of [O:Health] in [L:Uganda] said.", []string{"organization Ministry of Health", "place Uganda"}},
		{"a place's head", "The [L:Gulf] of [L:Mexico] and [L:Sharm] el-Sheikh.", []string{"place Gulf of Mexico", "place Sharm el-Sheikh"}},
		{"capitalised words before an organization", "according to the Nigerian Export [O:Promotion Council] today", []string{"organization Nigerian Export Promotion Council"}},
		{"after an article that starts a sentence", "The South African Heritage [O:Resources Agency] has declared the site protected.", []string{"organization South African Heritage Resources Agency"}},
		{"a hyphenated particle word only", "[P:Abdel Fattah] el-Sisi met [L:Paris] al-fresco and [L:Rome] el-.", []string{"person Abdel Fattah el-Sisi", "place Paris", "place Rome"}},
		{"a demonym alone stays out", "a Polish [O:SPC] group", []string{"organization SPC"}},
		{"a compound adjective stays out", "the Bergamo-based [O:Atalanta] club", []string{"organization Atalanta"}},
		{"not the first word of a sentence", "Officials met. Export [O:Promotion Council] said.", []string{"organization Promotion Council"}},
		{"of and capitalised words after an institution", "economists at the [O:Kiel Institute] for the World Economy estimated", []string{"organization Kiel Institute for the World Economy"}},
		{"capitalised words after a demonym", "the union, the [O:Federation of Indonesian] Port Workers, wants more", []string{"organization Federation of Indonesian Port Workers"}},
		{"nothing after a plain organization", "he regarded [O:Cofinec] GDRs as cheap", []string{"organization Cofinec"}},
		{"no titles or calendar words", "the [O:Board] of Governors Chairman agreed while the [O:Ministry of Health] Monday statement", []string{"organization Board of Governors", "organization Ministry of Health"}},
		{"not in a headline", "Bank Of England [O:Holds] Rates As Prices Rise\nText.", []string{"organization Holds"}},
		{"not across lines", "[O:Bank]\nof [L:England]", []string{"organization Bank", "place England"}},
		{"a complement inside the name goes on with everyday words", "The [O:Ministry of Water Resources] and [O:Irrigation] said.", []string{"organization Ministry of Water Resources and Irrigation"}},
		{"a complement inside the name, then and, then in", "The [O:Coalition on Homelessness] and [O:Housing] in [L:Ohio] met.", []string{"organization Coalition on Homelessness and Housing in Ohio"}},
		{"and after a complement stays apart from a name of its own", "The [O:Ministry of Transport] and [O:Airbus] signed.", []string{"organization Ministry of Transport", "organization Airbus"}},
		{"a complement goes on with a comma before another and", "The [O:Ministry of Tourism], [O:Arts] and [O:Culture] signed.", []string{"organization Ministry of Tourism, Arts and Culture"}},
		{"a comma with no and after it stays apart", "The [O:Ministry of Tourism], [O:Housing], said.", []string{"organization Ministry of Tourism", "organization Housing"}},
		{"a longer list of a complement", "The [O:Ministry of Sport], [O:Youth], [O:Arts] and [O:Heritage] met.", []string{"organization Ministry of Sport, Youth, Arts and Heritage"}},
		{"and without a complement stays apart", "The [O:Office] and [O:Housing] teams met.", []string{"organization Office", "organization Housing"}},
		{"an ampersand joins names into a firm", "Shares of [P:Procter] & [O:Gamble] rose.", []string{"organization Procter & Gamble"}},
		{"an ampersand takes in the surname after it", "edited at [P:Simon] & Schuster, she said.", []string{"organization Simon & Schuster"}},
		{"an ampersand between full names or acronyms joins nothing", "with [P:Jenny Lind] & [P:Tom Hale] and [O:MTV] & Wild Cherry or [O:BBC] & [O:ITV] today",
			[]string{"person Jenny Lind", "person Tom Hale", "organization MTV", "organization BBC", "organization ITV"}},
		{"everyday words before and, and the place before them", "The [L:Bangladesh] Garment Manufacturers and [O:Exporters Association] rejected it.", []string{"organization Bangladesh Garment Manufacturers and Exporters Association"}},
		{"everyday words before and after a lower-case word", "the textile Manufacturers and [O:Exporters Association] said", []string{"organization Manufacturers and Exporters Association"}},
		{"a name before and is not everyday", "talks between Okonkwo and [O:Farmers Union] ended", []string{"organization Farmers Union"}},
		{"a list of everyday words taken for names before and", "The [L:Textile], [O:Garment] and [O:Allied Workers Union] objected.", []string{"organization Textile, Garment and Allied Workers Union"}},
		{"a list of names of their own before and stays apart", "in [L:Kenya], [L:Uganda] and [O:Farmers Union] talks", []string{"place Kenya", "place Uganda", "organization Farmers Union"}},
		{"an everyday name before and without a list stays apart", "the [O:Housing] and [O:Transit Workers Union] said", []string{"organization Housing", "organization Transit Workers Union"}},
		{"an office in everyday words after a country ending a complement", "a spokesman for the [O:Office of the U.S.] Trade Representative, Ann Lee, said", []string{"organization Office of the U.S. Trade Representative"}},
		{"not into a person's name after the office", "the [O:Ministry of Kenya] Trade Secretary Wanjiku Amolo said", []string{"organization Ministry of Kenya"}},
		{"a plural's possessive inside an organization", "The [O:Harbour Pilots]' [O:Guild] and [O:Lund Motors]' [O:Board] met.", []string{"organization Harbour Pilots' Guild", "organization Lund Motors' Board"}},
		{"a possessive after a singular or a person stays apart", "the [O:Guild]' [O:Board] and [P:Amos]' [O:Guild] met", []string{"organization Guild", "organization Board", "person Amos", "organization Guild"}},
		{"and before an organization without a head word", "The Garment Manufacturers and [O:Airbus] said.", []string{"organization Airbus"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, toks, names := markedNames(t, tt.marked)
			var got []string
			for _, n := range joinNames(text, toks, names) {
				got = append(got, n.Type.String()+" "+text[n.Start:n.End])
				assert.Equal(t, toks[n.First].Start, n.Start)
				assert.Equal(t, toks[n.Last-1].End, n.End)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestJoinNamesLinear feeds joinNames a hostile line: a megabyte of
// capitalised words without a line break, every third one an
// organization's name, so every name tries to extend and asks whether the
// line is a headline. The time must stay linear: well under a second.
func TestJoinNamesLinear(t *testing.T) {
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString("Ab Cd Council ")
	}
	text := b.String()
	toks := Tokenize(text)
	var names []Name
	for i := 2; i < len(toks); i += 3 {
		names = append(names, Name{First: i, Last: i + 1, Start: toks[i].Start, End: toks[i].End, Type: Organization})
	}
	start := time.Now()
	joined := joinNames(text, toks, names)
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.NotEmpty(t, joined)
}
