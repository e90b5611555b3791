package annotate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate/topics"
)

// issueMentions maps each issue id of a document to the texts of its mentions.
func issueMentions(doc *Document) map[string][]string {
	out := map[string][]string{}
	for _, is := range doc.Issues {
		for _, m := range is.Mentions {
			out[is.ID] = append(out[is.ID], m.Text)
		}
	}
	return out
}

// issueEvidence maps each topic the lexicon finds raised in text (after
// context and names, before ranking) to the texts of its terms.
func issueEvidence(text string) map[string][]string {
	a := analyse(text, Layers{}, nil)
	lex := topicLexicon()
	out := map[string][]string{}
	for _, m := range new(issueScratch).evidence(a, lex) {
		id := lex.Topics[m.sense.Topic].ID
		out[id] = append(out[id], text[a.tokens[m.first].Start:a.tokens[m.last-1].End])
		top := lex.Topics[lex.Topics[m.sense.Topic].Top].ID
		out[top] = append(out[top], text[a.tokens[m.first].Start:a.tokens[m.last-1].End])
	}
	return out
}

func TestIssuesByTopicFamily(t *testing.T) {
	const (
		internationalTrade = "medtop:20000373"
		tradeAgreements    = "medtop:20000374"
		tariff             = "medtop:20000384"
		sportsTransaction  = "medtop:20001148"
		armedForces        = "medtop:20000599"
		armedConflict      = "medtop:20000056"
		labourStrike       = "medtop:20000530"
		labourTop          = "medtop:09000000"
		politicalParty     = "medtop:20001384"
		epidemic           = "medtop:20000449"
		communicable       = "medtop:20000448"
		cyberCrime         = "medtop:20000086"
		election           = "medtop:20000574"
		landslide          = "medtop:20000155"
		climateChange      = "medtop:20000418"
		artificialIntel    = "medtop:20001298"
		healthOrganisation = "medtop:20000463"
		football           = "medtop:20001065"
		robbery            = "medtop:20000104"
		islam              = "medtop:20000677"
		electronics        = "medtop:20000761"
		weatherPhenomena   = "medtop:20001129"
		exams              = "medtop:20000413"
		dopingInSport      = "medtop:20001104"
		drugTrafficking    = "medtop:20000096"
		diplomacy          = "medtop:20000639"
	)
	tests := []struct {
		family, text string
		want         map[string]string // issue id → one of its mention texts
		absent       []string
	}{
		{"trade", "The two governments signed a trade deal that cuts tariffs on steel.",
			map[string]string{tradeAgreements: "trade deal", tariff: "tariffs"}, nil},
		{"trade", "Ministers said world trade would suffer from the dispute.",
			map[string]string{internationalTrade: "world trade"}, nil},
		{"a football trade is a transfer", "The club agreed a trade that sends their striker to a rival for a record fee.",
			map[string]string{sportsTransaction: "trade"}, []string{internationalTrade}},
		{"drills need military context", "The navy staged drills near the island as warships gathered.",
			map[string]string{armedForces: "drills"}, nil},
		{"drills without it are tools", "Dentists replaced their old drills last spring.",
			nil, []string{armedForces}},
		{"labour strike", "Nurses went on strike over pay and staffing.",
			map[string]string{labourStrike: "went on strike"}, nil},
		{"military strike", "An air strike destroyed the bridge, the army said.",
			map[string]string{armedConflict: "air strike"}, []string{labourStrike}},
		{"Labour the party is a name, no evidence", "Labour MPs backed the bill in a late vote.",
			nil, []string{labourTop, politicalParty}},
		{"labour the work", "Rising labour costs squeezed the factory.",
			map[string]string{labourTop: "labour"}, []string{politicalParty}},
		{"epidemic", "Covid-19 cases rose again as the pandemic spread.",
			map[string]string{epidemic: "pandemic"}, nil},
		{"a computer virus is not a disease", "A computer virus infected thousands of office PCs.",
			map[string]string{cyberCrime: "computer virus"}, []string{communicable}},
		{"election", "Voters went to the polls in the general election.",
			map[string]string{election: "Voters"}, []string{landslide}},
		{"an election landslide is not a disaster", "The opposition won the election by a landslide.",
			map[string]string{election: "landslide"}, []string{landslide}},
		{"a landslide is a disaster", "A landslide buried the village after days of rain.",
			map[string]string{landslide: "landslide"}, []string{election}},
		{"climate", "Greenhouse gas emissions must fall to slow climate change.",
			map[string]string{climateChange: "climate change"}, nil},
		{"a business climate is not the climate", "The business climate improved as orders rose.",
			nil, []string{climateChange}},
		{"AI", "The start-up trained its artificial intelligence on public data.",
			map[string]string{artificialIntel: "artificial intelligence"}, nil},
		{"WHO the organisation is a name, no evidence", "The WHO declared an outbreak of cholera in the port.",
			map[string]string{communicable: "cholera"}, []string{healthOrganisation}},
		{"who the pronoun", "Those who stayed late missed the last train home.",
			nil, []string{healthOrganisation}},
		{"football", "The striker scored twice as the Premier League leaders won.",
			map[string]string{football: "striker"}, nil},
		{"crime", "Police arrested a man after the armed robbery at a jeweller.",
			map[string]string{robbery: "armed robbery"}, nil},
		{"religion", "The imam led prayers at the mosque during Ramadan.",
			map[string]string{islam: "imam"}, nil},
		{"technology", "The chipmaker unveiled a faster smartphone processor.",
			map[string]string{electronics: "smartphone"}, nil},
		{"weather", "Heavy snow and gales hit the north on Tuesday.",
			map[string]string{weatherPhenomena: "Heavy snow"}, nil},
		{"education", "Pupils across the country sat their GCSE exams this week.",
			map[string]string{exams: "exams"}, nil},
		{"doping is sport", "The sprinter was banned after he failed a drugs test.",
			map[string]string{dopingInSport: "failed a drugs test"}, []string{drugTrafficking}},
		{"diplomacy", "The ambassador held talks with diplomats at the embassy.",
			map[string]string{diplomacy: "ambassador"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.family, func(t *testing.T) {
			got := issueEvidence(tt.text)
			for id, text := range tt.want {
				assert.Contains(t, got[id], text, "issue %s in %q; found %v", id, tt.text, got)
			}
			for _, id := range tt.absent {
				assert.NotContains(t, got, id, "issue %s in %q", id, tt.text)
			}
		})
	}
}

// TestContextReachesNeighbours checks that a conditional term takes its
// context from its sentence and the ones either side, and no further.
func TestContextReachesNeighbours(t *testing.T) {
	const armedForces = "medtop:20000599"
	tests := []struct {
		name, text string
		drills     bool
	}{
		{"same sentence", "The navy staged drills near the island.", true},
		{"sentence before", "The navy staged exercises near the island. Crews ran drills all week.", true},
		{"sentence after", "Crews ran drills all week. The navy watched.", true},
		{"two sentences before", "The navy staged exercises near the island. It rained. Crews ran drills all week.", false},
		{"two sentences after", "Crews ran drills all week. It rained. The navy watched.", false},
		{"no context", "Dentists replaced their old drills last spring.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := issueEvidence(tt.text)
			assert.Equal(t, tt.drills, slices.Contains(got[armedForces], "drills"), "%v", got)
		})
	}
}

// TestIssuesReuseScratch checks that the pooled working memory carries
// nothing from one article to the next: each gives the same issues
// whatever came before it.
func TestIssuesReuseScratch(t *testing.T) {
	texts := []string{
		"Trade talks stall over steel tariffs\nTalks on a trade deal stalled as both sides refused to cut tariffs.",
		"The navy staged drills near the island as warships gathered. Officials said the Taiwan issue was not discussed.",
		"",
		"Voters went to the polls in the general election. The opposition won by a landslide.",
		// After the next text, marks left on its terms would make this one
		// list "tariffs" as an issue.
		"Issues galore. Issues zzz tariffs rose.",
		"Tariffs rose. The tariffs rose.",
		// ... or name Taiwan in this one as an issue listed after a term.
		"Officials zzz and Taiwan met.",
		"The tariffs rose.",
	}
	fresh := make([][]issue, len(texts))
	for i, text := range texts {
		fresh[i] = new(issueScratch).issues(analysed(text))
	}
	reused := new(issueScratch)
	for round := 0; round < 2; round++ {
		for i := len(texts) - 1; i >= 0; i-- {
			assert.Equal(t, fresh[i], reused.issues(analysed(texts[i])), "%q after the others", texts[i])
		}
	}
}

// TestSortByRank checks the order of the tallies: by score, then by first
// mention, then by IPTC id.
func TestSortByRank(t *testing.T) {
	lex := topicLexicon()
	// The first topics are the top levels, in the order of their ids.
	tallies := []topicTally{
		{topic: 3, score: 0.5, first: [2]int{40, 45}},
		{topic: 2, score: 0.7, first: [2]int{50, 55}},
		{topic: 1, score: 0.5, first: [2]int{10, 15}},
		{topic: 4, score: 0.5, first: [2]int{40, 44}},
		{topic: 0, score: 0.2, first: [2]int{0, 5}},
	}
	require.Less(t, lex.Topics[3].ID, lex.Topics[4].ID)
	tests := []struct {
		name         string
		ranked, want []int32
	}{
		{"empty", nil, nil},
		{"one", []int32{4}, []int32{4}},
		{"all", []int32{0, 1, 2, 3, 4}, []int32{1, 2, 0, 3, 4}},
		{"reversed", []int32{4, 3, 2, 1, 0}, []int32{1, 2, 0, 3, 4}},
		{"ties on score and first mention", []int32{3, 0}, []int32{0, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ranked := slices.Clone(tt.ranked)
			sortByRank(ranked, tallies, lex)
			assert.Equal(t, tt.want, ranked)
		})
	}
}

func TestIssueRanking(t *testing.T) {
	text := "Trade talks stall over steel tariffs\n" +
		"Talks on a trade deal stalled on Monday as both sides refused to cut tariffs.\n" +
		"The dispute over exports has run for a year. A football club also opened a shop."
	doc := Annotate(text, WithOffsets(Bytes))
	require.NotEmpty(t, doc.Issues)
	narrowDone := false
	var prev *Issue
	tops := map[string]float64{}
	for i := range doc.Issues {
		is := &doc.Issues[i]
		assert.Greater(t, is.Score, 0.0, is.Label)
		assert.LessOrEqual(t, is.Score, 1.0, is.Label)
		if is.Parent == "" {
			narrowDone = true
			tops[is.ID] = is.Score
		} else {
			assert.False(t, narrowDone, "narrow topic %s listed after the top levels", is.Label)
			assert.NotEmpty(t, is.ParentLabel)
		}
		if prev != nil && (prev.Parent == "") == (is.Parent == "") {
			assert.GreaterOrEqual(t, prev.Score, is.Score, "%s before %s", prev.Label, is.Label)
		}
		prev = is
	}
	for _, is := range doc.Issues {
		if is.Parent != "" {
			assert.Contains(t, tops, is.Parent, "%s is listed with its top level", is.Label)
		}
	}
	assert.Equal(t, "medtop:04000000", topLevels(doc)[0], "the headline and lede are about trade")
}

func TestIssueConfidence(t *testing.T) {
	cases := []struct{ name, text string }{
		{"trade article", "Trade talks stall over steel tariffs\nTalks on a trade deal stalled on Monday as both sides refused to cut tariffs. The dispute over exports has run for a year."},
		{"short item", "Flop in the ninth inning sinks Jays"},
		{"two fields", "The hospital board cut nurses' pay as the league postponed the cup final.\nUnions said the cuts would hit patients, and fans said the match should go ahead."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := Annotate(c.text, WithOffsets(Bytes))
			require.NotEmpty(t, doc.Issues)
			tops := map[string]float64{}
			for _, is := range doc.Issues {
				assert.Greater(t, is.Confidence, 0.0, is.Label)
				assert.LessOrEqual(t, is.Confidence, 1.0, is.Label)
				if is.Parent == "" {
					tops[is.ID] = is.Score
					assert.Equal(t, is.Score, is.Confidence, "a top level's confidence is its probability: %s", is.Label)
				}
			}
			for _, is := range doc.Issues {
				if p, ok := tops[is.Parent]; ok {
					assert.Equal(t, p, is.Confidence, "%s takes the confidence of its field", is.Label)
				}
			}
			var written struct{ Issues []map[string]any }
			require.NoError(t, json.Unmarshal(doc.AppendJSON(nil), &written))
			for _, is := range written.Issues {
				assert.Contains(t, is, "confidence", "%v writes its confidence", is["label"])
			}
		})
	}
}

func topLevels(doc *Document) []string {
	var out []string
	for _, is := range doc.Issues {
		if is.Parent == "" {
			out = append(out, is.ID)
		}
	}
	return out
}

func TestNamedIssues(t *testing.T) {
	text := "Tensions rose over issues from trade to technology to Taiwan.\n" +
		"Officials called the Taiwan issue the core of the dispute, and he warned on Taiwan again.\n" +
		"Diplomats met Jane Rowe and Taiwan's envoy in Taipei."
	a := &analysis{text: text}
	a.tokens = Tokenize(text)
	a.sentences = splitSentences(text, a.tokens)
	for i, tok := range a.tokens {
		switch tok.Text(text) {
		case "Taiwan", "Taipei":
			a.names = append(a.names, Name{First: i, Last: i + 1, Start: tok.Start, End: tok.End, Type: Place})
		case "Jane":
			a.names = append(a.names, Name{First: i, Last: i + 2, Start: tok.Start, End: a.tokens[i+1].End, Type: Person})
		}
	}
	var taiwan []int
	for _, is := range findIssues(a) {
		if is.id != internationalRelations {
			continue
		}
		for _, m := range is.mentions {
			assert.Equal(t, "Taiwan", text[m[0]:m[1]], "only Taiwan is named as an issue")
			taiwan = append(taiwan, m[0])
		}
	}
	want := []int{strings.Index(text, "Taiwan."), strings.Index(text, "Taiwan issue"), strings.Index(text, "Taiwan again")}
	assert.Equal(t, want, taiwan, "listed, called an issue, and warned on; not the envoy's country")
}

func TestSeedArticleIssues(t *testing.T) {
	text := readSeed(t)
	doc := Annotate(text, WithOffsets(Bytes))
	got := issueMentions(doc)
	for id, word := range map[string]string{
		"medtop:20000639": "diplomats",  // diplomacy
		"medtop:20000373": "trade",      // international trade
		"medtop:20000756": "technology", // technology and engineering
		"medtop:20000449": "Covid-19",   // epidemic and pandemic
		"medtop:20000638": "Taiwan",     // international relations: Taiwan's status
	} {
		found := false
		for _, m := range got[id] {
			found = found || strings.Contains(m, word)
		}
		assert.True(t, found, "%s should mention %q; got %v", id, word, got[id])
	}
	listed := strings.Index(text, "trade to technology to Taiwan")
	require.GreaterOrEqual(t, listed, 0)
	highlighted := map[string]bool{}
	for _, is := range doc.Issues {
		for _, m := range is.Mentions {
			if m.Start >= listed && m.End <= listed+len("trade to technology to Taiwan") {
				highlighted[m.Text] = true
			}
		}
	}
	assert.Equal(t, map[string]bool{"trade": true, "technology": true, "Taiwan": true}, highlighted)
	assert.Equal(t, "medtop:20000639", doc.Issues[0].ID, "diplomacy leads the seed article")
	salient := map[string]bool{}
	for _, is := range doc.Issues {
		salient[is.ID] = is.Salient
	}
	for _, id := range []string{"medtop:20000373", "medtop:20000756", "medtop:20000638", "medtop:11000000"} {
		assert.True(t, salient[id], "%s is salient: the article lists it as an issue, or it is the field", id)
	}
	underlined := underlinedWords(doc)
	assert.LessOrEqual(t, len(underlined), 15, "words underlined as salient issues: %v", underlined)
	for _, w := range []string{"trade", "technology", "Taiwan"} {
		assert.Contains(t, underlined, w)
	}
	assert.Equal(t, "medtop:11000000", topLevels(doc)[0], "politics and government leads the top levels")
}

func TestStatedIssuesWeighMore(t *testing.T) {
	tests := []struct{ name, listed, plain string }{
		{"ranging from", "They argued over issues ranging from pensions to tariffs.", "They argued about pensions and then about tariffs."},
		{"such as", "The debate covered topics such as pensions, and tariffs.", "The debate covered pensions at length; tariffs came up too."},
	}
	score := func(text, label string) float64 {
		for _, is := range Annotate(text).Issues {
			if is.Label == label {
				return is.Score
			}
		}
		return 0
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, label := range []string{"pension", "tariff"} {
				assert.Greater(t, score(tt.listed, label), score(tt.plain, label), label)
			}
		})
	}
	assert.Equal(t, score("Tariffs rose; the issue was raised later.", "tariff"), score("Tariffs rose; the point was raised later.", "tariff"),
		"a term after the word issue is not listed by it")
}

// TestFoldedSets checks that inFolded finds the words of the sets in any
// case, and nothing else.
func TestFoldedSets(t *testing.T) {
	tests := []struct {
		set          wordSet
		words, other string
	}{
		{issueNouns, "issue issues question dispute status", "issued tissue"},
		{issueAbout, "on over", "of onto"},
		{listLinks, "to and or ,", "; too"},
		{issueLists, "issue issues topics subjects matters questions", "topic matter"},
		{listed, "issue issues topics subjects matters questions ranging range from to such as including like and or , of the", "then include topic"},
	}
	for _, tt := range tests {
		for _, w := range strings.Fields(tt.words) {
			assert.True(t, inFolded(tt.set, w), w)
			assert.True(t, inFolded(tt.set, strings.ToUpper(w)), w)
		}
		for _, w := range strings.Fields(tt.other) {
			assert.False(t, inFolded(tt.set, w), w)
		}
	}
	assert.False(t, inFolded(issueNouns, "issuesissuesissuesissues"))
	assert.False(t, inFolded(issueNouns, ""))
}

// BenchmarkIssues measures the issues stage alone on the benchmark corpus.
func BenchmarkIssues(b *testing.B) {
	benchmarkTexts(b, func(text string) func() {
		a := analysed(text)
		findIssues(a) // loads the lexicon
		return func() { findIssues(a) }
	})
}

// underlinedWords lists the words the page underlines by default: those of
// the mentions of the salient issues.
func underlinedWords(doc *Document) []string {
	var out []string
	for _, is := range doc.Issues {
		if is.Salient {
			for _, m := range is.Mentions {
				out = append(out, strings.Fields(m.Text)...)
			}
		}
	}
	return out
}

// TestQuietLayer: words that do not carry an issue in their article are not
// underlined, and the issues they alone would raise are not salient.
func TestQuietLayer(t *testing.T) {
	tests := []struct {
		name, text   string
		notUnderline []string
		notSalient   []string // top levels
	}{
		{"a bank's books are not literature",
			"Harbour Bank profits slide\nHarbour Bank said its books now carry more bad loans than at any time since 2009. Its shares fell 5% as investors worried about mortgage arrears and the dividend.",
			[]string{"books"}, []string{"medtop:01000000"}},
		{"an icy moon is not weather",
			"Probe maps a frozen world\nThe spacecraft photographed the icy surface of the moon from an orbit 500 km up, and scientists said its radar had found layers of rock beneath the ice.",
			[]string{"icy"}, []string{"medtop:17000000"}},
		{"a funeral for the high street is a metaphor",
			"Shops shut as rents climb\nThree more shops closed in the town centre this week. A trader called the closing-down sale a funeral for the high street, and blamed rents and online retail.",
			[]string{"funeral"}, []string{"medtop:08000000", "medtop:12000000"}},
		{"walking out of a room is no strike",
			"Fishing talks collapse\nTalks between the two governments on fishing quotas collapsed when one delegation walked out of the room. Diplomats said negotiations could resume next month.",
			[]string{"walked", "out"}, []string{"medtop:09000000"}},
		{"cameras in passing are not technology",
			"Man charged over jewellery raid\nPolice charged a man with robbery after security cameras filmed a raid on a jeweller. He will appear in court on Monday.",
			[]string{"cameras"}, []string{"medtop:13000000"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Annotate(tt.text, WithOffsets(Bytes))
			underlined := underlinedWords(doc)
			for _, w := range tt.notUnderline {
				assert.NotContains(t, underlined, w)
			}
			for _, is := range doc.Issues {
				if slices.Contains(tt.notSalient, is.ID) {
					assert.False(t, is.Salient, "%s is salient", is.Label)
				}
			}
		})
	}
}

// TestNamesAreNoEvidence: the words of a name raise no issue, unless the
// article names it as the issue.
func TestNamesAreNoEvidence(t *testing.T) {
	text := "Researchers at the World Resources Institute said the river towns of Millbridge and Oakham would share the cost of the new bridge."
	for id, words := range issueMentions(Annotate(text, WithOffsets(Bytes))) {
		for _, w := range words {
			assert.NotContains(t, []string{"Resources", "World Resources Institute", "Millbridge", "Oakham"}, w, "issue %s", id)
		}
	}
	got := issueMentions(Annotate("Officials said the Taiwan issue would dominate the talks between the two presidents.", WithOffsets(Bytes)))
	assert.Contains(t, got[internationalRelations], "Taiwan", "a place named as the issue")
}

// TestShortTexts: a headline and a sentence still get their top level.
func TestShortTexts(t *testing.T) {
	tests := []struct{ text, top string }{
		{"Flop in the ninth inning sinks Jays\nA dropped fly ball in the ninth gave Boston a one-run win over Toronto.", "medtop:15000000"},
		{"Central bank lifts rates again\nThe bank raised its main interest rate by a quarter point to slow inflation.", "medtop:04000000"},
		{"Striker's late goal keeps title race alive\nThe visitors scored in stoppage time to stay two points behind the leaders.", "medtop:15000000"},
		{"Parliament passes voting reform\nMPs backed the bill by 40 votes after a long debate on the electoral system.", "medtop:11000000"},
		{"Measles cases rise in schools\nDoctors urged parents to vaccinate children after an outbreak in three towns.", "medtop:07000000"},
	}
	for _, tt := range tests {
		t.Run(tt.text[:strings.IndexByte(tt.text, '\n')], func(t *testing.T) {
			doc := Annotate(tt.text, WithOffsets(Bytes))
			assert.Equal(t, tt.top, firstTop(doc), "%v", doc.Issues)
			for _, is := range doc.Issues {
				if is.ID == tt.top {
					assert.True(t, is.Salient, "the field of a short text is salient")
				}
			}
		})
	}
	assert.Empty(t, Annotate("Jays sink", WithOffsets(Bytes)).Issues, "two words say too little")
}

func firstTop(doc *Document) string {
	for _, is := range doc.Issues {
		if is.Parent == "" {
			return is.ID
		}
	}
	return ""
}

// TestOwnArticles runs Lede's own test articles (testdata/issues, written
// for Lede): the issues a reader expects are among the top five (the first
// five narrow issues or the first two top levels), few words are
// underlined, and the top level is right for nearly all.
func TestOwnArticles(t *testing.T) {
	src, err := os.ReadFile("testdata/issues/cases.json")
	require.NoError(t, err)
	var cases []struct {
		File, Top string
		Issues    []string
	}
	require.NoError(t, json.Unmarshal(src, &cases))
	require.GreaterOrEqual(t, len(cases), 10)
	right := 0
	for _, c := range cases {
		text, err := os.ReadFile(filepath.Join("testdata/issues", c.File))
		require.NoError(t, err)
		doc := Annotate(string(text), WithOffsets(Bytes))
		top := TopIssueIDs(doc.Issues, 5, 2)
		for _, id := range c.Issues {
			assert.Contains(t, top, id, c.File)
		}
		assert.LessOrEqual(t, len(underlinedWords(doc)), 15, c.File)
		if firstTop(doc) == c.Top {
			right++
		}
	}
	assert.GreaterOrEqual(t, right, len(cases)-1, "top levels right")
}

// TestIssueFeaturesMatchTheStage: the features cmd/build-topics trains on
// are those the issues stage reads.
func TestIssueFeaturesMatchTheStage(t *testing.T) {
	lex := topicLexicon()
	c := lex.Classifier
	for _, text := range []string{
		readSeed(t),
		"Flop in the ninth inning sinks Jays\nA dropped fly ball gave Boston the win.",
		"Ça coûte cher: l’inflation, the bank’s “rate” rise and Müller's tariffs.",
	} {
		names, words := IssueFeatures(text)
		want := map[int32]bool{}
		for _, n := range names {
			if r := c.Row(topics.KeyOf(n)); r >= 0 {
				want[r] = true
			}
		}
		s := new(issueScratch)
		a := analyse(text, Layers{}, nil)
		s.classify(a, lex, s.evidence(a, lex))
		got := map[int32]bool{}
		for k, bits := range s.seen {
			for b := range 64 {
				if bits&(1<<b) != 0 {
					got[int32(k*64+b)] = true
				}
			}
		}
		assert.Equal(t, want, got, "%.30q", text)
		assert.Positive(t, words)
	}
}
