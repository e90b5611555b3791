package ner

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// example builds a one-sentence document per line from words written as
// "word" or "word/TYPE" (consecutive words of one TYPE form one name; "|"
// between two words of the same type separates two names).
func example(t testing.TB, lines ...string) Example {
	t.Helper()
	var ex Example
	var spans []Span
	for _, line := range lines {
		first := len(ex.Doc.Words)
		split := false
		for _, field := range strings.Fields(line) {
			if field == "|" {
				split = true
				continue
			}
			word, typeName, named := strings.Cut(field, "/")
			i := len(ex.Doc.Words)
			ex.Doc.Words = append(ex.Doc.Words, word)
			if !named {
				continue
			}
			typ, ok := ParseType(typeName)
			require.True(t, ok, typeName)
			if n := len(spans); n > 0 && !split && spans[n-1].Last == i && spans[n-1].Type == typ {
				spans[n-1].Last++
			} else {
				spans = append(spans, Span{i, i + 1, typ})
			}
			split = false
		}
		ex.Doc.Sentences = append(ex.Doc.Sentences, WordRange{first, len(ex.Doc.Words)})
	}
	ex.Labels = make([]Label, len(ex.Doc.Words))
	LabelSpans(ex.Labels, spans)
	return ex
}

func TestSpansAndLabelsRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		spans []Span
		n     int
		want  string
	}{
		{"none", nil, 3, "O O O"},
		{"unit and multi-word", []Span{{0, 1, Person}, {2, 5, Organization}}, 5, "U-PER O B-ORG I-ORG L-ORG"},
		{"adjacent names of one type", []Span{{0, 2, Location}, {2, 3, Location}}, 3, "B-LOC L-LOC U-LOC"},
		{"name at the end", []Span{{1, 3, Misc}}, 3, "O B-MISC L-MISC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			labels := make([]Label, tt.n)
			LabelSpans(labels, tt.spans)
			var names []string
			for _, l := range labels {
				names = append(names, l.String())
			}
			assert.Equal(t, tt.want, strings.Join(names, " "))
			assert.Equal(t, tt.spans, Spans(labels))
		})
	}
}

func TestSpansToleratesBrokenLabelSequences(t *testing.T) {
	labels := []Label{MakeLabel(Person, Inside), MakeLabel(Person, Last), MakeLabel(Location, Begin), MakeLabel(Organization, Inside), Outside, MakeLabel(Person, Begin)}
	assert.Equal(t, []Span{{0, 2, Person}, {2, 3, Location}, {3, 4, Organization}, {5, 6, Person}}, Spans(labels))
}

func TestFollowsKeepsNamesWellFormed(t *testing.T) {
	bPer, iPer, lPer, uLoc, bLoc := MakeLabel(Person, Begin), MakeLabel(Person, Inside), MakeLabel(Person, Last), MakeLabel(Location, Unit), MakeLabel(Location, Begin)
	tests := []struct {
		prev, next Label
		want       bool
	}{
		{Outside, bPer, true}, {Outside, iPer, false}, {Outside, lPer, false}, {Outside, uLoc, true},
		{bPer, iPer, true}, {bPer, lPer, true}, {bPer, Outside, false}, {bPer, bLoc, false},
		{iPer, MakeLabel(Location, Last), false}, {lPer, Outside, true}, {uLoc, bPer, true}, {uLoc, iPer, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, follows(tt.prev, tt.next), "%v → %v", tt.prev, tt.next)
	}
}

// tinyCorpus is a small made-up training set, enough for the perceptron to
// learn that capitalised words after "Mr" are people and after "in" places.
func tinyCorpus(t testing.TB) []Example {
	return []Example{
		example(t, "Mr Anders/PER Holm/PER arrived in Oslo/LOC on Monday .", "He met officials of Norsk/ORG Hydro/ORG in Bergen/LOC ."),
		example(t, "Mr Bruno/PER Costa/PER spoke in Lisbon/LOC .", "Costa/PER said Galp/ORG Energia/ORG would grow ."),
		example(t, "Ms Carla/PER Dunn/PER flew to Perth/LOC .", "Dunn/PER joined Rio/ORG Tinto/ORG in Perth/LOC last year ."),
		example(t, "PROTESTS IN QUITO/LOC", "Police in Quito/LOC said Mr Diego/PER Vela/PER was arrested ."),
	}
}

var tinyOptions = TrainOptions{Epochs: 4, MinCount: 1, Evidence: true, Seed: 7, Mix: 2}

func TestTrainingIsDeterministic(t *testing.T) {
	a, err := Train(tinyCorpus(t), tinyOptions).MarshalBinary()
	require.NoError(t, err)
	b, err := Train(tinyCorpus(t), tinyOptions).MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

func TestSerializedModelTagsLikeTheTrainedOne(t *testing.T) {
	trained := Train(tinyCorpus(t), tinyOptions)
	require.Positive(t, trained.Features())
	data, err := trained.MarshalBinary()
	require.NoError(t, err)
	loaded, err := Load(data)
	require.NoError(t, err)
	assert.Equal(t, trained.Features(), loaded.Features())
	again, err := loaded.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, data, again)

	unseen := example(t, "Mr Erik/PER Lund/PER lives in Oslo/LOC .", "POLICE IN BERGEN/LOC", "Lund/PER thanked Norsk/ORG Hydro/ORG .")
	want := make([]Label, len(unseen.Labels))
	trained.Tag(unseen.Doc, want)
	got := make([]Label, len(unseen.Labels))
	loaded.Tag(unseen.Doc, got)
	assert.Equal(t, want, got)
	assert.Contains(t, Spans(got), Span{0 + 1, 3, Person}, "the tiny model learned nothing: %v", got)
}

func TestLoadRejectsMalformedModels(t *testing.T) {
	good, err := Train(tinyCorpus(t), tinyOptions).MarshalBinary()
	require.NoError(t, err)
	tests := map[string][]byte{
		"empty":          nil,
		"wrong magic":    append([]byte("LEDENER0"), good[8:]...),
		"truncated":      good[:len(good)-1],
		"trailing bytes": append(append([]byte{}, good...), 0),
		"codebook only":  good[:9+4*256],
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Load(data)
			assert.Error(t, err)
		})
	}
}

func TestEmbeddedModelLoads(t *testing.T) {
	m, err := Default()
	require.NoError(t, err)
	assert.Greater(t, m.Features(), 10_000)
	data, err := m.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, embeddedModel, data, "the embedded model does not survive a round trip through the format")
	doc := example(t, "Prime Minister Jacinda/PER Ardern/PER visited Wellington/LOC on Friday .")
	labels := make([]Label, len(doc.Labels))
	m.Tag(doc.Doc, labels)
	assert.Equal(t, doc.Labels, labels)
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(embeddedModel); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHeadlines(t *testing.T) {
	const body = "Many voters in Lyon said thousands of homes were flooded ."
	tests := []struct {
		headline string
		want     bool
	}{
		{"FLOODS FORCE THOUSANDS FROM HOMES IN DHAKA", true},
		{"Rich Voters Abandon the Party of Lincoln", true},
		{"Anna Berg and Tomas Lind", false},
		{"The Mayor of Lyon Resigned", false},
		{"LONDON 1996-08-30", false},
		{"NATO", false},
	}
	for _, tt := range tests {
		t.Run(tt.headline, func(t *testing.T) {
			words := strings.Fields(tt.headline)
			doc := Text{Words: append(append([]string{}, words...), strings.Fields(body)...)}
			doc.Sentences = []WordRange{{0, len(words)}, {len(words), len(doc.Words)}}
			toks := analyzed(doc, nil).toks
			assert.Equal(t, tt.want, toks[0].shouting)
			assert.False(t, toks[len(words)].shouting, "the body")
		})
	}
}

func TestTitleCaseHeadline(t *testing.T) {
	got, ok := TitleCaseHeadline(strings.Fields("FLOODS FORCE THOUSANDS FROM HOMES IN DHAKA"))
	assert.True(t, ok)
	assert.Equal(t, "Floods Force Thousands From Homes in Dhaka", strings.Join(got, " "))
	_, ok = TitleCaseHeadline(strings.Fields("Floods force thousands from homes"))
	assert.False(t, ok)
}

func TestExtendPersons(t *testing.T) {
	plainClass := uint16(7)
	classes := &WordClasses{}
	classes.plain[0] = 1 << plainClass
	tests := []struct {
		name  string
		words string
		class map[string]uint16 // noClass unless listed
		in    string
		want  string
	}{
		{"unknown word after a person", "met Xi Jinping today", nil, "O U-PER O O", "O B-PER L-PER O"},
		{"after a two-word name", "met Ana Lopez Obrador today", nil, "O B-PER L-PER O O", "O B-PER I-PER L-PER O"},
		{"plain class is left out", "met Blinken Monday", map[string]uint16{"Monday": plainClass}, "O U-PER O", "O U-PER O"},
		{"lower case is left out", "met Blinken today", nil, "O U-PER O", "O U-PER O"},
		{"only after persons", "in Paris Tuesday", nil, "O U-LOC O", "O U-LOC O"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Text{Words: strings.Fields(tt.words)}
			doc.Sentences = []WordRange{{0, len(doc.Words)}}
			toks := make([]token, len(doc.Words))
			for i, w := range doc.Words {
				toks[i] = token{casing: casingOf(w), class: noClass}
				if c, ok := tt.class[w]; ok {
					toks[i].class = c
				}
			}
			labels := parseLabels(t, tt.in)
			extendPersons(toks, doc, labels, classes)
			assert.Equal(t, parseLabels(t, tt.want), labels)
		})
	}
}

// parseLabels reads labels written as by Label.String.
func parseLabels(t *testing.T, s string) []Label {
	var out []Label
	for _, name := range strings.Fields(s) {
		found := false
		for l := Label(0); l < Label(numLabels); l++ {
			if l.String() == name {
				out = append(out, l)
				found = true
			}
		}
		require.True(t, found, name)
	}
	return out
}

func TestIsTabular(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Kent 4 Surrey 2 Essex 1", true},
		{"Leeds 21 11 3 7 41", true},
		{"Kent beat Surrey by 4 wickets on day 2 of 3", false},
		{"The council met on Monday", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, isTabular(strings.Fields(tt.line)), tt.line)
	}
}

func TestDocContextsGatherEveryOccurrence(t *testing.T) {
	doc := example(t,
		"John Smith spoke on Monday .",
		"Smith left .",
		"Mr. Wang and Magna Bank agreed .",
		"Wang and Magna signed .",
		"Acme of Ohio ( AO ) sued Acme .",
	).Doc
	toks := analyzed(doc, nil).toks
	// The last occurrence of each word, which stands in no such context
	// itself, must know of the earlier ones.
	contexts := map[string]uint8{}
	for i, w := range doc.Words {
		contexts[w] = toks[i].docContexts
	}
	tests := []struct {
		word string
		want uint8
	}{
		{"Smith", afterGivenName},
		{"Wang", afterPersonTitle},
		{"Magna", beforeOrgSuffix},
		{"Acme", beforeAcronym},
		{"Monday", 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, contexts[tt.word], tt.word)
	}
}

// The tagger adds up scores it kept per word and per fact; training scores
// every feature of a word at once (wordFeatures, contextFeatures,
// dynamicFeatures). The two must agree exactly, or the model would be
// tagging with features it was not trained on.
func TestGroupedScoresEqualFeatureByFeatureSums(t *testing.T) {
	doc := example(t,
		"SENATE BACKS TRADE DEAL",
		"Senator Maria Lopez of New Mexico said on Tuesday that the deal , backed by Acme Holdings Inc , would pass .",
		"Lopez told Reuters : \" The Senate will vote . \"",
		"Acme said the Bank of England and the Federal Reserve ( Fed ) had been told .",
		"Lopez 3 Acme 1 , Smith 2 Jones 0",
	).Doc
	// The same sums with what a word cache kept from other documents, whose
	// memos hold scores for facts this document may not have.
	m, err := Load(embeddedModel)
	require.NoError(t, err)
	// Lopez here is a firm's name (before "Holdings Inc"), the document's
	// Lopez a person's.
	other := example(t, "The deal , said Lopez Holdings Inc , told the Senate on Tuesday .", "THE FEDERAL RESERVE SAID").Doc
	m.Tag(other, make([]Label, len(other.Words)))
	for _, lex := range []*wordCache{nil, &m.cache} {
		labels := make([]Label, len(doc.Words))
		s := analyzedWith(doc, m.classes, lex)
		s.scoreWords(m, doc, lex)
		s.firstPass(m, doc, labels)
		gatherEvidence(s.toks, labels, &s.evidence)
		s.decode(m, doc, labels, true)
		for _, sent := range doc.Sentences {
			prev, prev2 := Outside, Outside
			for i := sent.First; i < sent.Last; i++ {
				var want scoreRow
				feats := wordFeatures(nil, doc.Words[i], &s.toks[i])
				feats = contextFeatures(feats, s.toks, sent, i)
				feats = dynamicFeatures(feats, s.toks, sent, i, prev, prev2, true)
				m.addScores(feats, &want)
				var got scoreRow
				s.scores(&got, m, sent, i, prev, prev2, true)
				require.Equal(t, want, got, "word %d %q, word cache %v", i, doc.Words[i], lex != nil)
				prev, prev2 = labels[i], prev
			}
		}
	}
}

// analyzed returns a scratch holding the tokens of doc, analyzed.
func analyzed(doc Text, classes *WordClasses) *scratch {
	return analyzedWith(doc, classes, nil)
}

// analyzedWith is analyzed taking what it can from lex.
func analyzedWith(doc Text, classes *WordClasses, lex *wordCache) *scratch {
	s := &scratch{toks: make([]token, len(doc.Words))}
	analyze(doc, s.toks, &s.maps, classes, lex)
	return s
}

func TestAffixHashes(t *testing.T) {
	for _, tc := range []struct {
		word               string
		prefixes, suffixes []string
	}{
		{"a", nil, nil},
		{"Xi", []string{"x"}, []string{"i"}},
		{"Paris", []string{"p", "pa", "par"}, []string{"s", "is", "ris", "aris"}},
		{"ÉCOLE", []string{"é", "éc", "éco"}, []string{"e", "le", "ole", "cole"}},
		{"Zürich", []string{"z", "zü", "zür"}, []string{"h", "ch", "ich", "rich"}},
		{"U.S.", []string{"u", "u.", "u.s"}, []string{".", "s.", ".s."}},
	} {
		hashes := func(affixes []string) (hs []uint64) {
			for _, a := range affixes {
				hs = append(hs, hashString(a, false))
			}
			return hs
		}
		var prefixes, suffixes []uint64
		affixHashes(tc.word, 3, 4, func(suffix bool, h uint64) {
			if suffix {
				suffixes = append(suffixes, h)
			} else {
				prefixes = append(prefixes, h)
			}
		})
		assert.Equal(t, hashes(tc.prefixes), prefixes, "prefixes of %q", tc.word)
		assert.Equal(t, hashes(tc.suffixes), suffixes, "suffixes of %q", tc.word)
	}
}

// The word cache hands the tagger what it computed for a word in an earlier
// document; that must be exactly what computing it again gives, or a text
// would be tagged differently depending on what came before it.
func TestWordCacheGivesWhatTheTaggerWouldCompute(t *testing.T) {
	m, err := Load(embeddedModel) // a model of its own: its word cache starts empty
	require.NoError(t, err)
	earlier := example(t,
		"Senator Maria Lopez of New Mexico said on Tuesday that the deal would pass .",
		"REUTERS REPORTED THE DEAL",
	).Doc
	m.Tag(earlier, make([]Label, len(earlier.Words)))
	doc := example(t,
		"Lopez told Reuters on Tuesday that the Senate would vote on the deal .",
		"New Mexico 3 Acme 1",
	).Doc
	lex := &m.cache
	kept := 0
	for _, w := range doc.Words {
		if lex.find(hashString(w, false)) >= 0 {
			kept++
		}
	}
	require.Greater(t, kept, len(doc.Words)/2, "the earlier document's words are in the word cache")
	require.Less(t, kept, len(doc.Words), "some words are new")

	computed, taken := analyzed(doc, m.classes), analyzedWith(doc, m.classes, lex)
	computed.scoreWords(m, doc, nil)
	taken.scoreWords(m, doc, lex)
	assert.Equal(t, computed.toks, taken.toks)
	require.Equal(t, len(computed.words), len(taken.words))
	for id := range computed.words {
		assert.Equal(t, computed.words[id].wordRows, taken.words[id].wordRows, "word %d", id)
	}

	got := make([]Label, len(doc.Words))
	m.Tag(doc, got)
	assert.Equal(t, taggedAlone(t, doc)[0], got)
}

// The word cache stops growing at maxLexemes words; new words then take the
// places of words no document used lately, and tagging gives the same labels
// whatever the word cache holds.
func TestWordCacheIsBoundedAndReplacesUnusedWords(t *testing.T) {
	m, err := Load(embeddedModel)
	require.NoError(t, err)
	document := func(from, to int) Text {
		var words []string
		for i := from; i < to; i++ {
			words = append(words, "w"+strconv.Itoa(i), "said", "Lopez")
		}
		return Text{Words: words, Sentences: []WordRange{{0, len(words)}}}
	}
	docs := []Text{document(0, maxLexemes), document(maxLexemes, maxLexemes+500), document(0, 300)}
	want := taggedAlone(t, docs...)
	for round := range 2 {
		for i, doc := range docs {
			got := make([]Label, len(doc.Words))
			m.Tag(doc, got)
			assert.Equal(t, want[i], got, "round %d, document %d", round, i)
			require.Equal(t, maxLexemes, m.cache.n)
			for k := range int32(maxLexemes) {
				require.Equal(t, k, m.cache.find(m.cache.at(k).hash), "lexeme %d is found where it is", k)
			}
		}
	}
	// Used by every document, they are never replaced.
	for _, w := range []string{"said", "Lopez"} {
		assert.GreaterOrEqual(t, m.cache.find(hashString(w, false)), int32(0), w)
	}
	// The last words seen are kept.
	assert.GreaterOrEqual(t, m.cache.find(hashString("w299", false)), int32(0))
}

// remove keeps every other key reachable, however the keys collide.
func TestIDTableRemove(t *testing.T) {
	// Keys k<<40 all start at slot 0; the others spread over the table.
	keyOf := func(k uint64) uint64 {
		if k%2 == 0 {
			return k << 40
		}
		return k * 0x5851f42d4c957f2d
	}
	var table idTable
	table.reset(24) // 64 slots, so that keys share runs of slots
	want := map[uint64]int32{}
	next := int32(0)
	for step := range 5000 {
		key := keyOf(uint64(step * 7919 % 97)) // few keys, added and removed over and over
		if _, ok := want[key]; ok {
			table.remove(key)
			delete(want, key)
		} else if len(want) < 24 {
			table.put(key, next)
			want[key] = next
			next++
		}
		for k := range uint64(97) {
			id, ok := table.find(keyOf(k))
			wantID, wantOK := want[keyOf(k)]
			require.Equal(t, wantOK, ok, "step %d, key %d", step, k)
			if ok {
				require.Equal(t, wantID, id, "step %d, key %d", step, k)
			}
		}
	}
}

// Tagging from many goroutines at once, as the HTTP API does, gives each
// document the labels it gets alone (go test -race checks the locking).
func TestConcurrentTaggingSharesTheWordCache(t *testing.T) {
	m, err := Load(embeddedModel)
	require.NoError(t, err)
	docs := []Text{
		example(t, "Maria Lopez of New Mexico said the deal would pass .").Doc,
		example(t, "Acme Holdings Inc told Reuters on Tuesday that Lopez had left .").Doc,
		example(t, "The Bank of England and the Federal Reserve ( Fed ) said nothing .").Doc,
	}
	want := taggedAlone(t, docs...)
	var wg sync.WaitGroup
	got := make([][][]Label, 8)
	for g := range got {
		wg.Go(func() {
			for k := range 30 {
				doc := docs[(g+k)%len(docs)]
				labels := make([]Label, len(doc.Words))
				m.Tag(doc, labels)
				got[g] = append(got[g], labels)
			}
		})
	}
	wg.Wait()
	for g := range got {
		for k, labels := range got[g] {
			assert.Equal(t, want[(g+k)%len(docs)], labels, "goroutine %d, document %d", g, k)
		}
	}
}

// taggedAlone returns the labels each document gets from a model of its own,
// whose word cache is empty.
func taggedAlone(t *testing.T, docs ...Text) [][]Label {
	t.Helper()
	labels := make([][]Label, len(docs))
	for i, doc := range docs {
		fresh, err := Load(embeddedModel)
		require.NoError(t, err)
		labels[i] = make([]Label, len(doc.Words))
		fresh.Tag(doc, labels[i])
	}
	return labels
}

func TestShortKeysAndFewLevelsStillTagAndRoundTrip(t *testing.T) {
	for _, opt := range []TrainOptions{
		{Epochs: 4, MinCount: 1, Evidence: true, Seed: 7, Mix: 2, KeyBits: 20, Levels: 8},
		{Epochs: 4, MinCount: 1, Evidence: true, Seed: 7, Mix: 2, KeyBits: 16, Levels: 2},
	} {
		trained := Train(tinyCorpus(t), opt)
		data, err := trained.MarshalBinary()
		require.NoError(t, err)
		loaded, err := Load(data)
		require.NoError(t, err)
		again, err := loaded.MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, data, again)
		unseen := example(t, "Mr Erik/PER Lund/PER lives in Oslo/LOC .")
		want, got := make([]Label, len(unseen.Labels)), make([]Label, len(unseen.Labels))
		trained.Tag(unseen.Doc, want)
		loaded.Tag(unseen.Doc, got)
		assert.Equal(t, want, got, "keys of %d bits", opt.KeyBits)
		assert.Contains(t, Spans(got), Span{1, 3, Person}, "keys of %d bits: %v", opt.KeyBits, got)
	}
}

func TestWordClassesWithShortKeys(t *testing.T) {
	words := map[string]uint8{"Monday": 3, "Tuesday": 3, "Paris": 7, "said": 1}
	for _, bits := range []uint{32, 22, 16} {
		lists := map[string]uint16{"Paris": InPlaceNames | NamesPlace, "Okonkwo": IsLastName | EndsBios}
		wc := NewWordClasses(words, lists, bits)
		back := readWordClasses(&reader{data: wc.appendBinary(nil)})
		require.NotNil(t, back)
		for _, table := range []*WordClasses{wc, back} {
			for w, c := range words {
				class, got := table.lookup(hashString(w, false))
				assert.Equal(t, uint16(c), class, "%s with %d-bit keys", w, bits)
				assert.Equal(t, lists[w], got, "%s with %d-bit keys", w, bits)
			}
			class, got := table.lookup(hashString("Okonkwo", false))
			assert.Equal(t, uint16(noClass), class, "a word with list bits only has no class")
			assert.Equal(t, IsLastName|EndsBios, got)
		}
	}
}

func TestCalibrationIsMonotoneAndBounded(t *testing.T) {
	m := &Model{}
	// Names with larger margins are more often right, with noise.
	var margins []float32
	var right []bool
	for i := range 400 {
		margin := float32(i%40) / 4
		margins = append(margins, margin)
		right = append(right, (i*7919)%40 < i%40+4)
	}
	m.Calibrate(margins, right, 10)
	require.NotEmpty(t, m.calibration.margins)
	prev := -1.0
	for margin := float32(-5); margin < 20; margin += 0.25 {
		c := m.Confidence(margin)
		assert.GreaterOrEqual(t, c, prev-1e-9, "confidence fell at margin %v", margin)
		assert.True(t, c >= 0 && c <= 1, "confidence %v out of [0,1]", c)
		prev = c
	}
	assert.Less(t, m.Confidence(0), m.Confidence(9), "a large margin must be more sure than none")
	back := readCalibration(&reader{data: m.calibration.appendBinary(nil)})
	assert.Equal(t, m.calibration, back)
}

func TestEmbeddedModelGivesMarginsAndConfidences(t *testing.T) {
	m, err := Default()
	require.NoError(t, err)
	doc := example(t, "Mr Erik/PER Lund/PER visited Kenya/LOC with Safaricom/ORG officials .")
	labels, margins := make([]Label, len(doc.Labels)), make([]float32, len(doc.Labels))
	m.TagMargins(doc.Doc, labels, margins)
	for _, s := range Spans(labels) {
		c := m.Confidence(SpanMargin(margins, s))
		assert.True(t, c > 0 && c <= 1, "confidence %v of %v", c, s)
	}
	plain := make([]Label, len(doc.Labels))
	m.Tag(doc.Doc, plain)
	assert.Equal(t, plain, labels, "asking for margins changes no label")
}
