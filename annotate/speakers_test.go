package annotate

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// speakerCase expects the quote starting with quote (after its mark) to be
// attributed to a speaker whose name contains speaker ("" for no speaker).
type speakerCase struct {
	name, text, quote, speaker string
	cue                        string
	anonymous, partial         bool
	continuation, linked       bool
}

func checkSpeaker(t *testing.T, c speakerCase) {
	t.Helper()
	doc := Annotate(c.text, WithOffsets(Bytes))
	q, ok := quoteStarting(doc, c.quote)
	require.True(t, ok, "quote %q not found in %+v", c.quote, doc.Quotes)
	if c.speaker == "" {
		assert.Nil(t, q.Speaker)
		return
	}
	require.NotNil(t, q.Speaker, "no speaker")
	assert.Contains(t, q.Speaker.Name, c.speaker)
	assert.Equal(t, c.anonymous, q.Speaker.Anonymous, "anonymous")
	if c.anonymous {
		assert.Empty(t, q.Speaker.Entity)
	}
	if c.cue != "" {
		require.NotNil(t, q.Cue, "no cue")
		assert.Equal(t, c.cue, q.Cue.Text)
		assert.Equal(t, c.cue, c.text[q.Cue.Start:q.Cue.End])
	}
	assert.Equal(t, c.partial, q.Partial, "partial")
	assert.Equal(t, c.continuation, q.Continuation, "continuation")
	assert.Equal(t, c.linked, q.Linked != "", "linked")
}

func TestCueWordOrders(t *testing.T) {
	for _, c := range []speakerCase{
		{name: "quote, name said", text: `"We will not back down," Sarah Jenkins said on Monday.`,
			quote: "We will not", speaker: "Jenkins", cue: "said"},
		{name: "quote, said name, role", text: `"We will not back down," said Sarah Jenkins, the mayor of the city.`,
			quote: "We will not", speaker: "Jenkins", cue: "said"},
		{name: "name said colon quote", text: `Sarah Jenkins said: "We will not back down."`,
			quote: "We will not", speaker: "Jenkins", cue: "said"},
		{name: "according to", text: `According to Sarah Jenkins, "the plan has no future at all."`,
			quote: "the plan", speaker: "Jenkins", cue: "According to", partial: true},
		{name: "told reporters", text: `Sarah Jenkins told reporters, "We will not back down."`,
			quote: "We will not", speaker: "Jenkins", cue: "told"},
		{name: "told a listener", text: `"You are welcome here at any time," Sarah Jenkins told David Okafor.`,
			quote: "You are welcome", speaker: "Jenkins", cue: "told"},
		{name: "past perfect, partial", text: `Sarah Jenkins has repeatedly warned that the budget "will not survive the winter months."`,
			quote: "will not survive", speaker: "Jenkins", cue: "warned", partial: true},
		{name: "present tense", text: `"Nobody reads the small print anymore," says Sarah Jenkins.`,
			quote: "Nobody reads", speaker: "Jenkins", cue: "says"},
		{name: "appositive before the verb", text: `"The numbers do not add up," Sarah Jenkins, a professor of economics at the university, said.`,
			quote: "The numbers", speaker: "Jenkins", cue: "said"},
		{name: "cue sentence after a question", text: `"Does anybody know what the plan is?" Sarah Jenkins asked.`,
			quote: "Does anybody", speaker: "Jenkins", cue: "asked"},
		{name: "sentence-initial said", text: "The vote was close.\nSaid Sarah Jenkins: \"Nothing has changed for us.\"",
			quote: "Nothing has", speaker: "Jenkins", cue: "Said"},
		{name: "colon at the end of the paragraph", text: "Sarah Jenkins continued:\n\"Nothing has changed for us at all.\"",
			quote: "Nothing has", speaker: "Jenkins", cue: "continued"},
		{name: "participle", text: `Sarah Jenkins attacked the plan on Monday, saying "it will never work in practice."`,
			quote: "it will never", speaker: "Jenkins", cue: "saying", partial: true},
		{name: "one word, said", text: `"No," Sarah Jenkins said firmly.`,
			quote: "No", speaker: "Jenkins", cue: "said"},
		{name: "dash byline", text: "“Nothing has changed for us at all.” ― Sarah Jenkins",
			quote: "Nothing has", speaker: "Jenkins"},
		{name: "colon after a clause without a verb of saying", text: `Sarah Jenkins fired back at her critics: "Nothing has changed for us at all."`,
			quote: "Nothing has", speaker: "Jenkins", cue: ":"},
		{name: "inverted verb outside the lexicon", text: `"Silly boys acting like rebels," scoffed Sarah Jenkins.`,
			quote: "Silly boys", speaker: "Jenkins", cue: "scoffed"},
		{name: "sentence about the speaker", text: `Sarah Jenkins also embraced the plan -- "I think it is the best we have."`,
			quote: "I think it", speaker: "Jenkins"},
		{name: "passive is not a cue", text: `"Give it back," David Okafor was told by Sarah Jenkins.`,
			quote: "Give it back", speaker: ""},
	} {
		t.Run(c.name, func(t *testing.T) { checkSpeaker(t, c) })
	}
}

func TestPronounsAndFollowers(t *testing.T) {
	for _, c := range []speakerCase{
		{name: "she skips a man", text: "Mrs. Sarah Jenkins spoke first at the meeting.\nThen Mr. David Okafor spoke.\n\"It went well,\" she said.",
			quote: "It went well", speaker: "Jenkins", cue: "said"},
		{name: "he skips a woman", text: "Mr. David Okafor spoke first at the meeting.\nThen Mrs. Sarah Jenkins spoke.\n\"It went well,\" he said.",
			quote: "It went well", speaker: "Okafor", cue: "said"},
		{name: "he added follows the speaker, not the listener",
			text:  "\"You are welcome here at any time,\" David Okafor told Peter Hughes in Paris.\n\"We hope you will stay,\" he added.",
			quote: "We hope", speaker: "Okafor", cue: "added"},
		{name: "split quote", text: `"The first part is done," Sarah Jenkins said. "The second part starts tomorrow."`,
			quote: "The second part", speaker: "Jenkins", cue: "said", linked: true},
		{name: "split quote, first half", text: `"The first part is done," Sarah Jenkins said. "The second part starts tomorrow."`,
			quote: "The first part", speaker: "Jenkins", cue: "said", linked: true},
		{name: "split around the cue in one sentence", text: `"The first part is done," Sarah Jenkins said, "and the second part starts tomorrow."`,
			quote: "and the second", speaker: "Jenkins", cue: "said", linked: true, partial: true},
		{name: "next paragraph continues", text: "\"We will win this race,\" Sarah Jenkins said.\n\"And we will win the next one too.\"",
			quote: "And we will", speaker: "Jenkins", continuation: true},
		{name: "quote after reported speech", text: "Sarah Jenkins said on Monday that the plan had failed.\n\"It is over for all of us.\"",
			quote: "It is over", speaker: "Jenkins", continuation: true},
		{name: "no continuation across an unrelated paragraph",
			text:  "\"We will win this race,\" Sarah Jenkins said.\nThe weather was cold and wet all week.\n\"Nobody expected this to happen.\"",
			quote: "Nobody expected", speaker: ""},
	} {
		t.Run(c.name, func(t *testing.T) { checkSpeaker(t, c) })
	}
}

func TestDescribedAndOrganizationSpeakers(t *testing.T) {
	for _, c := range []speakerCase{
		{name: "anonymous official",
			text:  "A senior official, speaking on condition of anonymity, said the talks had stalled.\n\"There is no deal yet,\" he said.",
			quote: "There is no deal", speaker: "A senior official", cue: "said", anonymous: true},
		{name: "anonymous description after the verb", text: `"There is no deal on the table yet," said a senior diplomat.`,
			quote: "There is no deal", speaker: "a senior diplomat", cue: "said", anonymous: true},
		{name: "role of a person named before",
			text:  "Foreign Minister Qin Gang met reporters in Beijing on Monday.\n\"We are ready to talk,\" the minister said.",
			quote: "We are ready", speaker: "Qin Gang", cue: "said"},
		{name: "organization", text: `"The claims are entirely false," the State Department said in a statement.`,
			quote: "The claims", speaker: "State Department", cue: "said"},
	} {
		t.Run(c.name, func(t *testing.T) { checkSpeaker(t, c) })
	}
}

func TestScareQuotesAreNotSpeech(t *testing.T) {
	for _, text := range []string{
		`The so-called "reform" was dropped, Sarah Jenkins said.`,
		`Sarah Jenkins said the "experts" had been wrong about the economy.`,
	} {
		doc := Annotate(text, WithOffsets(Bytes))
		require.Len(t, doc.Quotes, 1, text)
		assert.Nil(t, doc.Quotes[0].Speaker, text)
		assert.True(t, doc.Quotes[0].Partial, text)
	}
}

// TestCueWords checks that the cue lexicon finds every cue word in any
// case, wherever it stands in the text (its bytes are read eight at a
// time, past the word's end when the text goes on), and nothing else.
func TestCueWords(t *testing.T) {
	find := func(text, w string) *cueWord {
		start := strings.Index(text, w)
		if v, ok := cueWords.words.find(text, start, start+len(w)); ok {
			return &cueWords.cues[v]
		}
		return nil
	}
	for _, w := range strings.Fields(sayingForms + " " + addressingForms) {
		for _, written := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			for _, text := range []string{written, written + " and so on, at some length", "«" + written + "»"} {
				c := find(text, written)
				if assert.NotNil(t, c, "%q in %q", written, text) {
					assert.Equal(t, cueVerbs.has(w) && !strings.Contains(" "+addressingForms+" ", " "+w+" "), c.kind == saying, w)
					assert.Empty(t, c.next, w)
				}
			}
		}
	}
	tests := []struct {
		word string
		kind cueKind
		next string
	}{
		{"told", addressing, ""},
		{"Said", saying, ""},
		{"According", according, "to"},
		{"put", saying, "it"},
		{"pointed", saying, "out"},
		{"went", saying, "on"},
		{"acknowledging", saying, ""},
	}
	for _, tt := range tests {
		c := find(tt.word+" to", tt.word)
		if assert.NotNil(t, c, tt.word) {
			assert.Equal(t, tt.kind, c.kind, tt.word)
			assert.Equal(t, tt.next, c.next, tt.word)
		}
	}
	for _, w := range []string{"xylophone", "sad", "sai", "saidd", "s@id", "s\x00id", "said9", "sa1d", "saïd", "says.", "at", "acknowledgingly", "table", "continues"} {
		assert.Nil(t, find(w+" said", w), w)
	}
}

func TestWordSet(t *testing.T) {
	set := setOf("and but so then Monday")
	for _, w := range []string{"and", "And", "but", "But", "so", "So", "then", "Then", "Monday"} {
		assert.True(t, set.has(w), w)
	}
	for _, w := range []string{"", "a", "AND", "an", "nd", "monday", "thenn", "the"} {
		assert.False(t, set.has(w), w)
	}
}

// TestShortWords checks the word map of the cue lexicon and the word
// classes: words of one to sixteen bytes, read from the middle or the end
// of a text, as written or in any case; its shape test never turns a word
// of the map away.
func TestShortWords(t *testing.T) {
	words := []string{"a", "he", "six", "seven77", "eight888", "nine99999", "sixteen-16-bytes", "didn’t"}
	for _, fold := range []uint64{asWritten, anyCase} {
		m := newShortWords(fold, 64)
		for i, w := range words {
			*m.add(w) = uint16(i + 1)
		}
		find := func(text, w string) (uint16, bool) {
			start := strings.Index(text, w)
			return m.find(text, start, start+len(w))
		}
		for i, w := range words {
			for _, text := range []string{w, w + " and some more text after it", "«" + w + "»"} {
				assert.True(t, m.hasShapeOf(w), w)
				v, ok := find(text, w)
				assert.True(t, ok, "%q in %q", w, text)
				assert.Equal(t, uint16(i+1), v, w)
			}
			upper := strings.ToUpper(w)
			_, ok := find(upper+" said", upper)
			assert.Equal(t, fold == anyCase || upper == w, ok, upper)
		}
		for _, w := range []string{"an", "hE!", "seven7", "eight8888", "sixteen-16-bytez", "seventeen-17-byte", "didn't"} {
			_, ok := find(w+" said", w)
			assert.False(t, ok, w)
		}
		assert.Panics(t, func() { m.add("seventeen-17-byte") })
	}
}

// TestWordClasses checks that every word of the lists has its classes and
// that a token's classes add what its kind and shape tell (modifiesVerb).
func TestWordClasses(t *testing.T) {
	lists := map[wordClass]wordSet{
		verbModifier: verbModifiers, phraseBreak: phraseBreakWords, determiner: determiners,
		leadingConjunction: leadingConjunctions, nonSubject: nonSubjects, weekday: weekdays,
		sourceNoun: sourceNouns, cueVerb: cueVerbs, passiveAuxiliary: passiveAuxiliaries, pronoun: pronouns,
	}
	for c, list := range lists {
		for _, w := range list.words() {
			v, ok := wordClasses.find(w, 0, len(w))
			assert.True(t, ok, w)
			assert.NotZero(t, wordClass(v)&c, w)
		}
	}
	text := "He has also said that Smith repeatedly — and the supplies were unlikely — told Monday sources."
	a := tokenized(text)
	var at attributor
	at.init(a, make([]tokenInfo, len(a.tokens)))
	tests := []struct {
		word string
		is   wordClass
		not  wordClass
	}{
		{"He", pronoun, modifiesVerb},
		{"has", verbModifier | modifiesVerb | phraseBreak, pronoun},
		{"also", modifiesVerb, cueVerb},
		{"said", cueVerb | phraseBreak, modifiesVerb},
		{"Smith", 0, ^classKnown},
		{"repeatedly", verbModifier | modifiesVerb, cueVerb},
		{"supplies", 0, modifiesVerb},
		{"unlikely", modifiesVerb, verbModifier},
		{"—", 0, ^classKnown},
		{"told", cueVerb | phraseBreak, 0},
		{"Monday", weekday, modifiesVerb},
		{"sources", sourceNoun, 0},
	}
	for _, tt := range tests {
		i := slices.IndexFunc(a.tokens, func(tok Token) bool { return tok.Text(text) == tt.word })
		require.GreaterOrEqual(t, i, 0, tt.word)
		if tt.is != 0 {
			assert.True(t, at.is(i, tt.is), tt.word)
		}
		assert.False(t, at.is(i, tt.not), tt.word)
	}
}

// A long block's people are looked up through an index by word; it must
// find what scanning them finds, ambiguity included.
func TestOnlyPersonNamedIndexesManyPeopleAsItScans(t *testing.T) {
	var people []*entity
	for i := range maxScannedEntities + 20 {
		people = append(people, &entity{typ: Person, name: "Given" + strconv.Itoa(i%7) + " Family" + strconv.Itoa(i)})
	}
	people = append(people, &entity{typ: Place, name: "Family1"}, &entity{typ: Person, name: "Qin Gang"})
	indexed := &attributor{entities: people}
	for _, w := range []string{"Given3", "Family1", "Family80", "Qin", "Gang", "Wang", ""} {
		var want *entity
		for _, p := range people {
			if p.typ == Person && containsWord(p.name, w) {
				if want != nil {
					want = nil
					break
				}
				want = p
			}
		}
		assert.Same(t, want, indexed.onlyPersonNamed(w), w)
	}
	assert.NotNil(t, indexed.personByWord, "looked up through the index")

	// Organizations the same way, apart from the people.
	transport := &entity{typ: Organization, name: "Department for Transport"}
	indexed.entities = append(indexed.entities, transport,
		&entity{typ: Organization, name: "Ryde Town Council"}, &entity{typ: Organization, name: "Hale Town Council"})
	assert.Same(t, transport, indexed.onlyNamed(Organization, &indexed.organizationByWord, "Department"))
	assert.Nil(t, indexed.onlyNamed(Organization, &indexed.organizationByWord, "Council"), "two councils")
	assert.Nil(t, indexed.onlyNamed(Organization, &indexed.organizationByWord, "Qin"), "a person's word")
	assert.NotNil(t, indexed.organizationByWord)
}
