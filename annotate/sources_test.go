package annotate

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate/gazetteer"
)

// The tests of issue 18: attribution as a sub-editor reads it, hard-wrapped
// text, anonymity, gender and the source audit. Every article here was
// written for these tests.

func TestPronounsGoToThePersonOfTheirSex(t *testing.T) {
	for _, c := range []speakerCase{
		{name: "she, a man named nearer", text: "Foreign Minister Ana Kovač signed the accord with Trade Secretary Peter Lindqvist in Oslo. " +
			`"This settles a quarrel older than either of us," she said.`,
			quote: "This settles", speaker: "Kovač", cue: "said"},
		{name: "he, a woman named nearer", text: "Coach Daniel Reyes spoke after the draw with Maria Santos, the club's chair, at his side. " +
			`"We lost our nerve in the second half," he said.`,
			quote: "We lost", speaker: "Reyes", cue: "said"},
		{name: "she, named as object", text: "Peter Brandt met Emma Lutz in Berlin on Tuesday. " +
			`"It was a productive meeting," she said.`,
			quote: "It was a productive", speaker: "Lutz", cue: "said"},
		{name: "he, not a message", text: "Marcus Hale left the club on Sunday. A message appeared on its website an hour later. " +
			`"I gave everything for this club and I am proud of it," he wrote.`,
			quote: "I gave everything", speaker: "Hale", cue: "wrote"},
		{name: "she, not a statement", text: "Judge Karen Whitfield adjourned the hearing. A statement was read to the court. " +
			`"The defendant will remain in custody until then," she said.`,
			quote: "The defendant", speaker: "Whitfield", cue: "said"},
		{name: "he, not the past", text: "The historian Samuel Achebe spoke at the museum. The past was everywhere in the room. " +
			`"We cannot pretend that none of it happened," he said.`,
			quote: "We cannot pretend", speaker: "Achebe", cue: "said"},
	} {
		t.Run(c.name, func(t *testing.T) { checkSpeaker(t, c) })
	}
}

func TestNamedInAppositionIsNamed(t *testing.T) {
	for _, c := range []speakerCase{
		{name: "description, name, verb", text: "A Foreign Ministry spokeswoman, Lin Xiaoqing, accused Washington of bullying. " +
			`"The United States is abusing state power to suppress our companies," she said.`,
			quote: "The United States", speaker: "Lin Xiaoqing", cue: "said"},
		{name: "description, name, said", text: `A spokeswoman for the agency, Jennifer Rodstrom, said: "We will not comment on individual cases."`,
			quote: "We will not", speaker: "Rodstrom", cue: "said"},
		{name: "name, description, said", text: `Jennifer Rodstrom, a spokeswoman for the agency, said: "We will not comment on individual cases."`,
			quote: "We will not", speaker: "Rodstrom", cue: "said"},
		{name: "quote, name, description", text: `"We will not comment on individual cases," said Jennifer Rodstrom, a spokeswoman for the agency.`,
			quote: "We will not", speaker: "Rodstrom", cue: "said"},
		{name: "quote, said, description, name", text: `The dockers' union backed the deal. "It is a start, nothing more," said its general secretary, Amara Okoye, adding that talks would resume.`,
			quote: "It is a start", speaker: "Amara Okoye", cue: "said"},
		{name: "according to a description, name", text: `The port would close for a week, according to its harbour master, Tomas Lindqvist, who called the storm "the worst in living memory."`,
			quote: "the worst in living", speaker: "Tomas Lindqvist", partial: true},
		{name: "as X, a description, put it", text: `As Helen Marsh, a tax lawyer at a firm in Leeds, put it, "The rules were written for a different century."`,
			quote: "The rules", speaker: "Marsh"},
	} {
		t.Run(c.name, func(t *testing.T) { checkSpeaker(t, c) })
	}
}

func TestAnonymousOnlyWhenNeverNamed(t *testing.T) {
	for _, c := range []speakerCase{
		{name: "a described official", text: `A senior Commerce Department official said on Friday: "The rules are narrow and they will stay narrow."`,
			quote: "The rules are", speaker: "official", cue: "said", anonymous: true},
		{name: "the official again", text: "A senior Commerce Department official said the rules were narrow. " +
			`"We are protecting our national security, nothing more," the official said.`,
			quote: "We are protecting", speaker: "official", cue: "said", anonymous: true},
		{name: "officials at an agency", text: `Officials at the Border Agency said they feared that smugglers "may use ever more elaborate routes."`,
			quote: "may use", speaker: "Officials at the Border Agency", cue: "said", anonymous: true, partial: true},
		{name: "the spokeswoman, named before", text: "Lin Xiaoqing, a spokeswoman for the ministry, spoke in Beijing. " +
			`"Nobody benefits from this," the spokeswoman said.`,
			quote: "Nobody benefits", speaker: "Lin Xiaoqing", cue: "said"},
		{name: "an organization", text: `The State Department said: "We call for the immediate release of all three men."`,
			quote: "We call for", speaker: "State Department", cue: "said"},
		{name: "the department, named before", text: "The Department for Transport has been asked for a subsidy. " +
			`The department said in a statement that pricing was "a matter for the operator alone."`,
			quote: "a matter for", speaker: "Department for Transport", cue: "said", partial: true},
		{name: "the department, two named before", text: "The Department for Transport was asked for money. So was the Department of Health. " +
			`The department said in a statement that pricing was "a matter for the operator alone."`,
			quote: "a matter for", speaker: "The department", cue: "said", partial: true},
		{name: "a document", text: `The report said the money had been "spent without any proper oversight at all."`,
			quote: "spent without", speaker: "The report", cue: "said", partial: true},
		{name: "a statement from its author", text: `A statement from Lina Haddad said that she "had no part in the decision whatsoever."`,
			quote: "had no part", speaker: "Haddad", cue: "said", partial: true},
		{name: "a complaint filed by", text: `A civil complaint filed by the Securities and Exchange Commission described a "massive and fraudulent scheme lasting years."`,
			quote: "massive and fraudulent", speaker: "Securities and Exchange Commission", cue: "described", partial: true},
	} {
		t.Run(c.name, func(t *testing.T) { checkSpeaker(t, c) })
	}
}

func TestPartialQuotesBelongToTheirSubject(t *testing.T) {
	for _, c := range []speakerCase{
		{name: "described as", text: `Maria Chen described the images as "a gift to researchers everywhere" and urged caution.`,
			quote: "a gift", speaker: "Chen", cue: "described", partial: true},
		{name: "no cue verb", text: `Maria Chen hailed the images as "a gift to researchers everywhere" on Monday.`,
			quote: "a gift", speaker: "Chen", partial: true},
		{name: "an organization found", text: `The National Audit Office found that the scheme had been "poorly run from the very start."`,
			quote: "poorly run", speaker: "National Audit Office", partial: true},
		{name: "sentence opens with a title in quotes", text: `On "Meet the Press," Senator Ruth Calder defended the bill. ` +
			`"It is the best chance we will get this decade."`,
			quote: "It is the best", speaker: "Calder", continuation: true},
	} {
		t.Run(c.name, func(t *testing.T) { checkSpeaker(t, c) })
	}
}

// TestHardWrappedTextKeepsAttributions: the fixture wrapped at 60 columns
// (paragraphs apart by blank lines) yields the same quotes and speakers.
func TestHardWrappedTextKeepsAttributions(t *testing.T) {
	text := readFixture(t)
	for _, width := range []int{50, 60, 72} {
		wrapped := wrap(text, width)
		require.NotEqual(t, text, wrapped)
		assert.Equal(t, quoteSummary(Annotate(text)), quoteSummary(Annotate(wrapped)), "wrapped at %d", width)
	}
	// An indented opening quote mark still opens a paragraph.
	indented := strings.ReplaceAll(wrap(text, 60), "\n\n", "\n  ")
	assert.Equal(t, quoteSummary(Annotate(text)), quoteSummary(Annotate(indented)), "indented paragraphs")
}

func TestLineBreaksStayBreaksUnlessWrapped(t *testing.T) {
	cases := []struct {
		name, text string
		unwrapped  bool
	}{
		{"a paragraph per line", "Headline here\nBy A Reporter\nFirst paragraph ends here.\nSecond paragraph ends here.\n", false},
		{"a list without blank lines", "Teams:\nAlpha United 3 Beta Rovers 1\nGamma City 2 Delta Town 2\nEpsilon 0 Zeta 4\n", false},
		{"wrapped with blank lines", wrap("The council voted on Tuesday to build a tram line across the river, ending a dispute that has lasted for nearly a decade and divided the city. Work is due to start next spring.\n\nThe mayor said the decision was the most important the council had taken in a generation, and that the money would be found.", 50), true},
	}
	for _, c := range cases {
		toks := Tokenize(c.text)
		before := countNewlines(toks)
		unwrapLines(c.text, toks)
		assert.Equal(t, c.unwrapped, countNewlines(toks) < before, c.name)
	}
}

func TestGenderRules(t *testing.T) {
	cases := []struct {
		name, text, person string
		gender, basis      string
	}{
		{"honorific", "Ms. Ashworth-Pell opened the session. Later Dana Ashworth-Pell left.", "Ashworth-Pell", "female", "text"},
		{"text beats the name", "Mr. Andrea Rossi opened the session. Mr. Rossi later left early.", "Rossi", "male", "text"},
		{"a clear given name", "Jennifer Okonkwo opened the session on Monday.", "Okonkwo", "female", "name"},
		{"a given name both sexes use", "Jordan Blake opened the session on Monday.", "Blake", "unknown", ""},
		{"kinship before", "The senator arrived with his wife, Robin Castellano, on Monday.", "Castellano", "female", "text"},
		{"kinship after", "Robin Castellano, her son, arrived on Monday.", "Castellano", "male", "text"},
		{"a pronoun opening the next sentence", "Jordan Blake opened the session on Monday. She spoke for an hour.", "Blake", "female", "text"},
		{"queen", "Queen Camilla visited the hospital on Monday.", "Camilla", "female", "text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := Annotate(c.text)
			e := entityNamed(doc, c.person)
			require.NotNil(t, e, "no entity %q in %+v", c.person, doc.Entities)
			assert.Equal(t, c.gender, e.Gender)
			assert.Equal(t, c.basis, e.GenderBasis)
		})
	}
	t.Run("only people have a gender", func(t *testing.T) {
		for _, e := range Annotate("The Red Cross opened an office in Lagos.").Entities {
			assert.Empty(t, e.Gender, e.Name)
		}
	})
}

func TestClearGivenNames(t *testing.T) {
	assert.Equal(t, gazetteer.Female, gazetteer.ClearGivenName("Jennifer"))
	assert.Equal(t, gazetteer.Male, gazetteer.ClearGivenName("Donald"))
	for _, name := range []string{"Jordan", "Taylor", "Okonkwo", ""} {
		assert.Zero(t, gazetteer.ClearGivenName(name), name)
	}
	// A single word may be a surname: it tells nothing.
	for _, name := range []string{"Jennifer", "Okonkwo", "Jennifer Okonkwo", "Jordan Blake"} {
		assert.Equal(t, name == "Jennifer Okonkwo", clearNameSex(name) == gazetteer.Female, name)
	}
}

// TestSourceAudit checks the audit of the fixture article against counts
// made by hand.
func TestSourceAudit(t *testing.T) {
	doc := Annotate(readFixture(t))
	require.NotNil(t, doc.Sources)
	assert.Equal(t, &Sources{
		Quotes: 5, Attributed: 5,
		People:         GenderCounts{Female: 1, Male: 1},
		QuotesByGender: GenderCounts{Female: 2, Male: 1, Unknown: 1},
		WordsByGender:  GenderCounts{Female: 13 + 7, Male: 13, Unknown: 7},
		Anonymous:      1, AnonymousShare: 0.2,
		Kinds: SourceKinds{Person: 3, Anonymous: 1, Organization: 1},
	}, doc.Sources)
	assert.Nil(t, Annotate("No quotes in this one.").Sources)
	assert.Nil(t, Annotate(readFixture(t), WithLayers(Layers{Entities: true})).Sources)
	quotesOnly := Annotate(readFixture(t), WithLayers(Layers{Quotes: true}))
	assert.Empty(t, quotesOnly.Entities)
	assert.Equal(t, doc.Sources, quotesOnly.Sources, "the audit does not depend on the entities layer")
}

func TestAuditHelpers(t *testing.T) {
	for text, want := range map[string]int{
		`"We still have to find the money, and that will not be easy,"`: 13,
		`“Don’t go,” she said`:                                          4,
		`"far-reaching — and late"`:                                     3,
		``:                                                              0,
	} {
		assert.Equal(t, want, countWords(text), text)
	}
	for desc, want := range map[string]bool{
		"the report": true, "a statement from the ministry": true, "The documents": true,
		"a senior official": false, "the campaign": false,
	} {
		assert.Equal(t, want, isDocumentSource(desc), desc)
	}
}

func TestPersonNouns(t *testing.T) {
	for w, want := range map[string]bool{
		"official": true, "spokeswoman": true, "officials": true, "researcher": true, "economist": true,
		"historian": true, "minister": true, "message": false, "statement": false, "documents": false,
		"past": false, "letter": false, "campaign": false, "government": false,
	} {
		assert.Equal(t, want, isPersonNoun(w), w)
	}
}

func readFixture(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/sources-fixture.txt")
	require.NoError(t, err)
	return string(b)
}

// wrap breaks each paragraph's lines at width, as an e-mail client does.
func wrap(text string, width int) string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		var lines []string
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && len(line)+1+len(w) > width {
				lines = append(lines, line)
				line = w
			} else if line == "" {
				line = w
			} else {
				line += " " + w
			}
		}
		out = append(out, strings.Join(append(lines, line), "\n"))
	}
	return strings.Join(out, "\n\n")
}

var spaces = regexp.MustCompile(`\s+`)

// quoteSummary lists each quote's text (spaces normalised) and speaker.
func quoteSummary(doc *Document) []string {
	var out []string
	for _, q := range doc.Quotes {
		speaker := "-"
		if q.Speaker != nil {
			speaker = q.Speaker.Name
		}
		out = append(out, spaces.ReplaceAllString(q.Text, " ")+" | "+speaker)
	}
	return out
}

func countNewlines(toks []Token) int {
	n := 0
	for _, t := range toks {
		if t.NewlineBefore {
			n++
		}
	}
	return n
}

func entityNamed(doc *Document, part string) *Entity {
	for i := range doc.Entities {
		if doc.Entities[i].Type == Person && strings.Contains(doc.Entities[i].Name, part) {
			return &doc.Entities[i]
		}
	}
	return nil
}
