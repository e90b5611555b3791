package annotate

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"lede/annotate/ner"
)

// namesIn runs the first stages and returns each name's text and type.
func namesIn(text string) map[string]EntityType {
	toks := Tokenize(text)
	found := map[string]EntityType{}
	for _, n := range findNames(text, toks, splitSentences(text, toks)) {
		found[text[n.Start:n.End]] = n.Type
	}
	return found
}

func TestNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]EntityType
		// absent are spans that must not be names of any type.
		absent []string
	}{
		{
			name: "possessives keep the name without 's",
			text: "Officials in Lagos said Nigeria's central bank will cut rates. Adebayo's office declined to comment.",
			want: map[string]EntityType{"Lagos": Place, "Nigeria": Place},
		},
		{
			name: "hyphenated and multi-part surnames stay whole",
			text: "The report was written by Maria Okafor-Lindqvist and Pieter de Groot, who worked with Samir Ait Lahcen.",
			want: map[string]EntityType{"Maria Okafor-Lindqvist": Person, "Pieter de Groot": Person, "Samir Ait Lahcen": Person},
		},
		{
			name: "a name right after a closing quote",
			text: "\"We will not give up on the harbour,\" Belinda Wright told reporters in Sydney on Tuesday.",
			want: map[string]EntityType{"Belinda Wright": Person, "Sydney": Place},
		},
		{
			name:   "titles are not part of a person's name",
			text:   "President Emmanuel Macron met Mr. Olaf Scholz in Berlin.",
			want:   map[string]EntityType{"Emmanuel Macron": Person, "Olaf Scholz": Person, "Berlin": Place},
			absent: []string{"President Emmanuel Macron", "Mr. Olaf Scholz"},
		},
		{
			name:   "capitalised words that are not names",
			text:   "Behind the decision lies a long dispute. Covid-19 cases rose again in March, the President said.",
			absent: []string{"Behind", "Covid-19", "President", "March"},
		},
		{
			name: "an all-caps headline and a dateline",
			text: "FLOODS FORCE THOUSANDS FROM HOMES IN BANGLADESH\nDHAKA (Reuters) - Heavy rain drove thousands of people from their homes in Bangladesh on Monday, officials said.",
			want: map[string]EntityType{"DHAKA": Place, "Reuters": Organization, "Bangladesh": Place},
		},
		{
			name: "organizations, the State Department among them",
			text: "The State Department and the European Commission declined to comment, the United Nations said.",
			want: map[string]EntityType{"State Department": Organization, "European Commission": Organization, "United Nations": Organization},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := namesIn(tt.text)
			for span, typ := range tt.want {
				if assert.Contains(t, got, span, "found %v", got) {
					assert.Equal(t, typ, got[span], span)
				}
			}
			for _, span := range tt.absent {
				assert.NotContains(t, got, span)
			}
		})
	}
}

func TestPlacesNotPeople(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		spans []ner.Span
		want  []ner.Type
	}{
		{"a county", []string{"Lea", "County", "sheriff"}, []ner.Span{{First: 0, Last: 2, Type: ner.Person}}, []ner.Type{ner.Location}},
		{"heights", []string{"in", "Marlow", "Heights"}, []ner.Span{{First: 1, Last: 3, Type: ner.Person}}, []ner.Type{ner.Location}},
		{"heights in capitals", []string{"IN", "MARLOW", "HEIGHTS"}, []ner.Span{{First: 1, Last: 3, Type: ner.Person}}, []ner.Type{ner.Location}},
		{"an arena and a crater; a club named after a county stays", []string{"at", "Rod", "Laver", "Arena", ",", "Jezero", "Crater", "and", "Notts", "County"},
			[]ner.Span{{First: 1, Last: 4, Type: ner.Person}, {First: 5, Last: 7, Type: ner.Person}, {First: 8, Last: 10, Type: ner.Organization}},
			[]ner.Type{ner.Location, ner.Location, ner.Organization}},
		{"a moon", []string{"Ganymede", "orbits"}, []ner.Span{{First: 0, Last: 1, Type: ner.Person}}, []ner.Type{ner.Location}},
		{"a singer named like a planet", []string{"Freddie", "Mercury", "sang", ";", "Mercury", "died"},
			[]ner.Span{{First: 0, Last: 2, Type: ner.Person}, {First: 4, Last: 5, Type: ner.Person}}, []ner.Type{ner.Person, ner.Person}},
		{"a person stays", []string{"Ngozi", "Adebayo-Okonkwo", "said"}, []ner.Span{{First: 0, Last: 2, Type: ner.Person}}, []ner.Type{ner.Person}},
		{"an organization is left alone", []string{"Jupiter", "Networks"}, []ner.Span{{First: 0, Last: 2, Type: ner.Organization}}, []ner.Type{ner.Organization}},
		{"a moon taken for a firm", []string{"to", "Ganymede"}, []ner.Span{{First: 1, Last: 2, Type: ner.Organization}}, []ner.Type{ner.Location}},
		{"a firm named after a planet", []string{"Mercury", "Records"}, []ner.Span{{First: 0, Last: 1, Type: ner.Organization}}, []ner.Type{ner.Organization}},
		{"a port named by its first word, and a club", []string{"off", "Tanjung", "Pelepas", "and", "Port", "Vale", "fans"},
			[]ner.Span{{First: 1, Last: 3, Type: ner.Person}, {First: 4, Last: 6, Type: ner.Organization}}, []ner.Type{ner.Location, ner.Organization}},
		{"a county where it is one, a club and a county's government where they may be", strings.Fields("in Cook County , Lea County officials and Notts County fans ; Cook County said"),
			[]ner.Span{{First: 1, Last: 3, Type: ner.Organization}, {First: 4, Last: 6, Type: ner.Organization}, {First: 8, Last: 10, Type: ner.Organization}, {First: 12, Last: 14, Type: ner.Organization}},
			[]ner.Type{ner.Location, ner.Location, ner.Organization, ner.Organization}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []ner.Type
			for _, s := range placesNotPeople(tt.words, tt.spans) {
				got = append(got, s.Type)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDatelinesArePlaces(t *testing.T) {
	tests := []struct {
		text, dateline string
		want           EntityType
	}{
		{"LEEDS — Hartfield United beat Rotherham 2-1 on Saturday.", "LEEDS", Place},
		{"KOUROU (AFP) — The rocket left on time.", "KOUROU", Place},
		{"BRAMPTON, Ontario — Councillors voted on Monday.", "BRAMPTON", Place},
	}
	for _, tt := range tests {
		t.Run(tt.dateline, func(t *testing.T) {
			got, ok := namesIn(tt.text)[tt.dateline]
			if ok {
				assert.Equal(t, tt.want, got)
			}
		})
	}
	// The dateline's place is a place throughout the article; other names
	// in capitals and longer names beginning with it are left alone.
	words := strings.Fields("LEEDS — Hartfield won . ACME said so . Fans in Leeds and Leeds United cheered .")
	doc := ner.Text{Words: words, Sentences: []ner.WordRange{{First: 0, Last: 5}, {First: 5, Last: 9}, {First: 9, Last: len(words)}}}
	spans := []ner.Span{{First: 0, Last: 1, Type: ner.Organization}, {First: 2, Last: 3, Type: ner.Organization}, {First: 5, Last: 6, Type: ner.Organization},
		{First: 11, Last: 12, Type: ner.Organization}, {First: 13, Last: 15, Type: ner.Organization}}
	var got []ner.Type
	for _, s := range datelinePlaces(doc, spans) {
		got = append(got, s.Type)
	}
	assert.Equal(t, []ner.Type{ner.Location, ner.Organization, ner.Organization, ner.Location, ner.Organization}, got)
}

func TestNamesCarryACalibratedConfidence(t *testing.T) {
	text := "Finance minister Ngozi Adebayo-Okonkwo told the Senate in Abuja on Monday that the Central Bank of Nigeria would act."
	toks := Tokenize(text)
	names := findNames(text, toks, splitSentences(text, toks))
	assert.NotEmpty(t, names)
	for _, n := range names {
		assert.True(t, n.Confidence > 0 && n.Confidence <= 1, "%q: confidence %v", text[n.Start:n.End], n.Confidence)
	}
}

func TestTrimFigures(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		span  ner.Span
		want  int // the span's Last after trimming
	}{
		{"a bowling figure after a surname", []string{"Okonjo", "7-1-31-2", ","}, ner.Span{First: 0, Last: 2, Type: ner.Person}, 1},
		{"a date after a dateline place", []string{"LEEDS", "2025-03-14"}, ner.Span{First: 0, Last: 2, Type: ner.Location}, 1},
		{"odds and a time", []string{"Blue", "Harrier", "9-2", "14:05"}, ner.Span{First: 0, Last: 4, Type: ner.Person}, 2},
		{"a plain number stays in a club's name", []string{"Hertha", "03"}, ner.Span{First: 0, Last: 2, Type: ner.Organization}, 2},
		{"a one-word span is kept whole", []string{"1-0"}, ner.Span{First: 0, Last: 1, Type: ner.Misc}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := trimFigures(tt.words, []ner.Span{tt.span})
			assert.Equal(t, tt.want, got[0].Last)
		})
	}
}

func TestCutAtApposition(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		want  int // the span's Last after cutting
	}{
		{"an apposition read into the name", strings.Fields("Nurses Guild , the staff union , said"), 2},
		{"a comma before capitalised words stays", strings.Fields("Ministry of Sport , Youth and Heritage"), 7},
		{"a comma at the name's end stays for others to judge", strings.Fields("Orla Group ,"), 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cutAtApposition(tt.words, []ner.Span{{First: 0, Last: min(len(tt.words), 7), Type: ner.Organization}})
			assert.Equal(t, tt.want, got[0].Last)
		})
	}
}

func TestSplitCoordinated(t *testing.T) {
	tests := []struct {
		name, marked string
		want         []string // the words of each span after splitting
	}{
		{"two organizations read as one across and the",
			"the [O:Kent Department of Roads and the Medway Port Authority] agreed",
			[]string{"Kent Department of Roads", "Medway Port Authority"}},
		{"a second part that ends in no head word stays",
			"the [O:Centre for Peace and the Environment] and [O:Oxfam] said", []string{"Centre for Peace and the Environment", "Oxfam"}},
		{"and without the stays", "the [O:Department of Health and Social Care] said", []string{"Department of Health and Social Care"}},
		{"lower-case words after and the stay", "[O:Dale and the rest Council] said", []string{"Dale and the rest Council"}},
		{"people stay", "[P:Anna and the King Academy] said", []string{"Anna and the King Academy"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words, spans := markedSpans(t, tt.marked)
			var a articleScratch
			var got []string
			for _, s := range a.splitCoordinated(words, spans) {
				got = append(got, strings.Join(words[s.First:s.Last], " "))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestTypeShortNames(t *testing.T) {
	words := []string{
		"Valdora", "Holdings", "rose", ";", "Valdora", "fell", ".",
		"Seattle", "Storm", "won", "in", "Seattle", "and",
		"Kemi", "Adeyemi", "met", "Kemi", ".",
		"Ama", "Nkrumah", "Osei", "left", ";", "Nkrumah", "Osei", "said", "so", ".",
	}
	spans := []ner.Span{
		{First: 0, Last: 2, Type: ner.Organization},
		{First: 4, Last: 5, Type: ner.Person},
		{First: 7, Last: 9, Type: ner.Organization},
		{First: 11, Last: 12, Type: ner.Location},
		{First: 13, Last: 15, Type: ner.Person},
		{First: 16, Last: 17, Type: ner.Organization},
		{First: 18, Last: 21, Type: ner.Person},
		{First: 23, Last: 25, Type: ner.Organization},
	}
	got := new(shortNames).retype(words, spans)
	want := []ner.Type{ner.Organization, ner.Organization, ner.Organization, ner.Location, ner.Person, ner.Person, ner.Person, ner.Person}
	for i, s := range got {
		assert.Equal(t, want[i], s.Type, words[s.First])
	}
}

func TestNamesAreTypedConsistentlyInADocument(t *testing.T) {
	text := "Kowalczyk scored twice for Wisla Krakow on Saturday.\nThe coach praised Kowalczyk after the match.\nKowalczyk, 24, joined the club last year."
	toks := Tokenize(text)
	types := map[EntityType]int{}
	for _, n := range findNames(text, toks, splitSentences(text, toks)) {
		if text[n.Start:n.End] == "Kowalczyk" {
			types[n.Type]++
		}
	}
	assert.Equal(t, map[EntityType]int{Person: 3}, types)
}

// BenchmarkNames is the recognizer alone, on tokens and sentences made in advance.
func BenchmarkNames(b *testing.B) {
	benchmarkTexts(b, func(text string) func() {
		toks := Tokenize(text)
		sents := splitSentences(text, toks)
		return func() { findNames(text, toks, sents) }
	})
}

// stabilityArticles are short news items written for these tests, each
// with a dateline, weekdays and a sentence-initial common noun.
var stabilityArticles = []string{
	"NAIROBI, Kenya — Opponents of the new levy marched on Thursday to parliament, where Speaker Moses Wetang'ula received a petition. The Treasury said on Wednesday that revenue fell in March.",
	"JAKARTA — Cargo piled up at Tanjung Priok on Monday after a strike by dock workers. Opponents of the strike said the port authority Pelindo had offered talks on Friday.",
	"ABUJA — Finance minister Ngozi Adebayo-Okonkwo told senators on Tuesday that the Central Bank of Nigeria would keep rates steady until June. Opponents called the plan timid.",
	"KOUROU, French Guiana — The European Space Agency said on Sunday that its probe to Jupiter and the moon Ganymede would launch in April. Engineers at the spaceport were confident.",
	"LEEDS — Hartfield United beat Rotherham 2-1 on Saturday. Manager Priya Raman said in May that the club would sell its ground. Opponents of the sale met on Thursday.",
}

// namesOfText returns the names of text as "type:text@offset-from-base".
func namesOfText(text string, base int) []string {
	toks := Tokenize(text)
	var out []string
	for _, n := range findNames(text, toks, splitSentences(text, toks)) {
		if n.Start >= base {
			out = append(out, fmt.Sprintf("%v:%s@%d", n.Type, text[n.Start:n.End], n.Start-base))
		}
	}
	return out
}

func TestAnUnrelatedSentenceChangesNoNameElsewhere(t *testing.T) {
	const unrelated = "Shares in Unilever rose 3 percent in London trading.\n\n"
	for _, article := range stabilityArticles {
		alone := namesOfText(article, 0)
		with := namesOfText(unrelated+article, len(unrelated))
		assert.Equal(t, alone, with, "%.40s...", article)
	}
}

// TestAnUnrelatedParagraphChangesNoNameInTheArticles puts a paragraph of
// other news before and after each test article and the seed.
func TestAnUnrelatedParagraphChangesNoNameInTheArticles(t *testing.T) {
	names, texts := stabilityTexts(t)
	for _, unrelated := range []string{
		"Shares in Unilever rose 3 percent in London trading on Thursday, after Morgan said the firm would cut jobs.",
		"MADRID — Real Sociedad signed the Brazilian striker Thiago Andrade on Monday, the club said.",
	} {
		for i, article := range texts {
			alone := namesOfText(article, 0)
			before := unrelated + "\n\n"
			assert.Equal(t, alone, namesOfText(before+article, len(before)), "%s after %.30q", names[i], unrelated)
			after := namesOfText(article+"\n\n"+unrelated, 0)
			assert.Equal(t, alone, after[:min(len(alone), len(after))], "%s before %.30q", names[i], unrelated)
		}
	}
}

func TestLongPastesMakeNoPeopleOfWeekdaysOrCommonWords(t *testing.T) {
	var paste strings.Builder
	for i := range 60 {
		paste.WriteString(stabilityArticles[i%len(stabilityArticles)])
		paste.WriteString("\n\n")
	}
	text := paste.String()
	toks := Tokenize(text)
	for _, n := range findNames(text, toks, splitSentences(text, toks)) {
		switch name := text[n.Start:n.End]; name {
		case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "March", "April", "May", "June", "Opponents", "Engineers":
			t.Errorf("%q became a %v in a long paste", name, n.Type)
		}
	}
}

func TestTitledPeople(t *testing.T) {
	words := []string{"Queen", "Camilla", "and", "Queen", "Mary", "University", "met", "Mr", "Okafor", "and", "President", "Lula", "."}
	spans := []ner.Span{
		{First: 0, Last: 2, Type: ner.Organization}, // a title and a name: a person
		{First: 3, Last: 6, Type: ner.Organization}, // ends in an organization's word: left alone
		{First: 7, Last: 9, Type: ner.Person},       // a courtesy title is no part of the name
		{First: 10, Last: 12, Type: ner.Person},     // an office tells no sex: left alone
	}
	got := titledPeople(words, slices.Clone(spans))
	assert.Equal(t, []ner.Span{
		{First: 1, Last: 2, Type: ner.Person},
		spans[1],
		{First: 8, Last: 9, Type: ner.Person},
		spans[3],
	}, got)
}

func TestGivenNamesAfterTitles(t *testing.T) {
	words := strings.Fields("Franklin County Commissioner Erica Crawley-Nunez said , and Commissioner Erica Oyelaran and Leeds United Lund agreed")
	spans := []ner.Span{
		{First: 0, Last: 4, Type: ner.Location}, {First: 4, Last: 5, Type: ner.Person},
		{First: 8, Last: 10, Type: ner.Organization}, {First: 10, Last: 11, Type: ner.Person},
		{First: 12, Last: 14, Type: ner.Organization}, {First: 14, Last: 15, Type: ner.Person}, // no title: left alone
	}
	assert.Equal(t, []ner.Span{
		{First: 0, Last: 2, Type: ner.Location}, {First: 3, Last: 5, Type: ner.Person},
		{First: 9, Last: 11, Type: ner.Person},
		spans[4], spans[5],
	}, givenNamesAfterTitles(words, slices.Clone(spans)))
}
