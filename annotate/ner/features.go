package ner

import (
	"unicode"

	"lede/annotate/gazetteer"
)

// Features: what the perceptron sees of each token. Local features describe
// the word and its neighbours (forms, shapes, affixes, the labels just given);
// document features describe the same word elsewhere in the article: how it
// is capitalised where capitals carry meaning (so an all-caps headline or a
// sentence-initial word can be read), what stands next to it (a given name,
// a title, a firm's suffix), and, in the second pass, how the first pass
// labelled it and the other words of its class (a sports report types
// its cities as teams). A line mostly of numbers (results, tables) is
// marked too.

// Text is the input to the recognizer: the words of a text and its
// sentences as word ranges.
type Text struct {
	Words     []string
	Sentences []WordRange
}

// WordRange is a sentence as the word range [First, Last) of a Text.
type WordRange struct{ First, Last int }

// casing is the capitalisation of a word.
type casing uint8

const (
	noLetters casing = iota
	lowerCase
	titleCase // Capital first, some lower-case after: Paris, McDonald
	upperCase
	otherCase // iPhone, eBay
	numCasings
)

func casingOf(w string) casing {
	first, upper, lower := true, 0, 0
	firstUpper := false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if first {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		default:
			if !unicode.IsLetter(r) {
				continue
			}
		}
		first = false
	}
	switch {
	case upper == 0 && lower == 0:
		return noLetters
	case upper == 0:
		return lowerCase
	case lower == 0:
		return upperCase
	case firstUpper:
		return titleCase
	}
	return otherCase
}

// shapeHash hashes the word's shape with runs collapsed: Xx, X.X., d-d, x'x.
func shapeHash(w string) uint64 {
	h, prev := uint64(fnvOffset), rune(-1)
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c != prev {
			h = hashRune(h, c)
			prev = c
		}
	}
	return h
}

// token holds what is computed once per word.
type token struct {
	word, lower, shape uint64
	casing             casing
	// sentenceStart: first word of its sentence; shouting: in a sentence
	// written in capitals (a headline), where capitals mean nothing.
	sentenceStart, shouting bool
	// tabular: in a line mostly of numbers (sports results, market
	// tables), where a capitalised word is most often a team or a firm.
	tabular bool
	// smallWord: one of the words headlines leave in lower case.
	smallWord bool
	// docCasings is the set of casings the word has elsewhere in the
	// document where capitals carry meaning (not first, not shouting).
	docCasings uint8
	// docContexts is the set of name contexts of the word's capitalised
	// occurrences in the document.
	docContexts uint8
	// known is what the gazetteers know the word as (gazetteerBits).
	known uint16
	// class is the word's class (noClass when it has none).
	class uint16
	// lists is what the large name lists say of the word (InOrgNames...).
	lists uint16
	// docEvidence summarises the first pass's labels for the same word
	// elsewhere in the document (0 when there is none or no first pass).
	docEvidence uint8
	// classEvidence summarises the first pass's labels for the other
	// capitalised words of the same class in the document, as docEvidence.
	classEvidence uint8
	// firstPass is the label the first pass gave the word.
	firstPass Label
	// wordID and lowerID number the document's distinct words and
	// lower-case forms in order of first occurrence.
	wordID, lowerID int32
	// firstSame and nextSame chain the capitalised occurrences of the same
	// word through the document (-1 ends the chain).
	firstSame, nextSame int32
	// sameRank counts the capitalised occurrences of the word before this
	// one.
	sameRank int32
}

// feature templates; each feature hashes its template with its values.
const (
	fBias uint64 = iota + 1
	fWord
	fLower
	fLowerPrev
	fLowerNext
	fLowerPrev2
	fLowerNext2
	fBigramPrev
	fBigramNext
	fShape
	fShapeWindow
	fPrefix
	fSuffix
	fLabelPrev
	fLabelPrev2
	fLabelPrevLower
	fLabelPrevShape
	fCasing
	fCasingLower
	fKnown
	fClass
	fClassPrev
	fClassNext
	fKnownPrev
	fKnownNext
	fOrgSuffixAhead
	fAggregatePrev
	fAggregateNext
	fEvidence
	fEvidenceCasing
	fEvidenceLower
	fFirstPass
	fFirstPassEvidence
	fClassWindow
	fTabularClass
	fDocContexts
	fClassEvidence
	fBridgeAhead
	fBridgeBehind
	fBridgeAheadKnown
	fLists
	fListsPrev
	fListsNext
	fWholeName
)

// The words beyond either end of a sentence, as features see them.
var (
	beforeSentence = boundary(0x6c65646573746172)
	afterSentence  = boundary(0x6c656465656e6421)
)

func boundary(h uint64) token {
	return token{word: h, lower: h, shape: h, known: 1<<16 - 1, class: noClass + 1}
}

// Gazetteer bits: what a word is known to be.
const (
	knownCountry uint16 = 1 << iota
	knownRegion
	knownCity
	knownArea // a continent or another named part of the world
	knownGivenName
	knownDemonym
	knownPersonTitle
	knownOrgSuffix
)

var knownPlaceKinds = [...]uint16{
	gazetteer.CountryPlace: knownCountry, gazetteer.Region: knownRegion, gazetteer.City: knownCity,
	gazetteer.Continent: knownArea, gazetteer.Area: knownArea,
}

// gazetteerBits looks a single word up in every gazetteer.
func gazetteerBits(w string) uint16 {
	var bits uint16
	if kind, ok := gazetteer.Place(w); ok {
		bits |= knownPlaceKinds[kind]
	}
	if _, ok := gazetteer.GivenName(w); ok {
		bits |= knownGivenName
	}
	if _, ok := gazetteer.Demonym(w); ok {
		bits |= knownDemonym
	}
	if gazetteer.IsPersonTitle(w) {
		bits |= knownPersonTitle
	}
	if gazetteer.IsOrgSuffix(w) {
		bits |= knownOrgSuffix
	}
	return bits
}

// docMaps is per-document scratch space: the distinct words of a document
// (what is computed once per word) and the distinct lower-case forms (how
// each is capitalised, and where it last occurred).
type docMaps struct {
	words      idTable
	docWords   []docWord
	lowers     idTable
	lowerFacts []lowerFacts
}

// wordFacts is what a token takes from its word alone: hashes, casing, and
// what the gazetteers and the word classes say about it.
type wordFacts struct {
	lower, shape uint64
	casing       casing
	smallWord    bool
	lists        uint16
	known, class uint16
}

// docWord is a distinct word of a document.
type docWord struct {
	wordFacts
	hash    uint64
	lowerID int32
	// lexeme is the word's index in the word cache, or -1 when it is not there.
	lexeme int32
}

// lowerFacts gathers the occurrences of a lower-case form: the casings it has
// where capitals carry meaning, and its latest capitalised occurrence.
type lowerFacts struct {
	casings uint8
	// contexts is the set of nameContext bits of its capitalised occurrences.
	contexts uint8
	last     int32
	// seen counts its capitalised occurrences so far.
	seen int32
}

// Name contexts: what stands next to a capitalised word somewhere in the
// document. A person's surname follows a given name or a title at least
// once ("Lars Magnusson" ... "Magnusson"); a firm named like a person
// ("Magna") never does, and may open a name that ends in a firm's suffix
// ("Magna Holdings Inc").
const (
	afterGivenName uint8 = 1 << iota
	afterPersonTitle
	beforeOrgSuffix
	// beforeAcronym: in a run of capitalised words followed by an acronym
	// in brackets, as an organization's full name often is ("Federal Open
	// Market Committee (FOMC)").
	beforeAcronym
)

var openBracketHash, closeBracketHash = hashString("(", false), hashString(")", false)

// acronymAhead reports whether the run of capitalised words from i (or the
// small words inside it: "Bank of England") is followed by an acronym in
// brackets.
func acronymAhead(toks []token, s WordRange, i int) bool {
	for j := i + 1; j+2 < s.Last && j <= i+6; j++ {
		switch {
		case toks[j].lower == openBracketHash:
			return toks[j+1].casing == upperCase && toks[j+2].lower == closeBracketHash
		case toks[j].casing != titleCase && toks[j].casing != upperCase && !toks[j].smallWord:
			return false
		}
	}
	return false
}

// nameContext returns the name contexts of capitalised word i.
func nameContext(toks []token, s WordRange, i int) uint8 {
	var ctx uint8
	if i > s.First && toks[i-1].casing == titleCase {
		if toks[i-1].known&knownGivenName != 0 {
			ctx |= afterGivenName
		}
		if toks[i-1].known&knownPersonTitle != 0 {
			ctx |= afterPersonTitle
		}
	}
	if orgSuffixAhead(toks, s, i) > 0 {
		ctx |= beforeOrgSuffix
	}
	if acronymAhead(toks, s, i) {
		ctx |= beforeAcronym
	}
	return ctx
}

// analyze fills toks (one per word) with the per-word hashes, gazetteer
// bits, classes and the document-level casing evidence, taking what it can
// from lex (which may be nil) and computing the rest.
func analyze(doc Text, toks []token, maps *docMaps, classes *WordClasses, lex *wordCache) {
	maps.words.reset(len(toks))
	maps.lowers.reset(len(toks))
	maps.docWords, maps.lowerFacts = maps.docWords[:0], maps.lowerFacts[:0]
	for _, s := range doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			w := doc.Words[i]
			hash := hashString(w, false)
			id, added := maps.words.id(hash)
			if added {
				maps.docWords = append(maps.docWords, maps.newDocWord(w, hash, classes, lex))
			}
			facts := &maps.docWords[id]
			toks[i] = token{
				word: hash, lower: facts.lower, shape: facts.shape, casing: facts.casing, smallWord: facts.smallWord,
				known: facts.known, class: facts.class, lists: facts.lists, wordID: id, lowerID: facts.lowerID,
				sentenceStart: i == s.First,
			}
			if facts.casing == lowerCase {
				maps.lowerFacts[facts.lowerID].casings |= 1 << lowerCase
			}
		}
	}
	for _, s := range doc.Sentences {
		shouting := tokensShouting(toks[s.First:s.Last]) || isTitleHeadline(toks[s.First:s.Last], maps.lowerFacts)
		tabular := isTabular(doc.Words[s.First:s.Last])
		for i := s.First; i < s.Last; i++ {
			t := &toks[i]
			t.shouting, t.tabular = shouting, tabular
			if !t.sentenceStart && !shouting && t.casing != noLetters {
				maps.lowerFacts[t.lowerID].casings |= 1 << t.casing
			}
			if t.casing != lowerCase && t.casing != noLetters {
				maps.lowerFacts[t.lowerID].contexts |= nameContext(toks, s, i)
			}
		}
	}
	for _, s := range doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			t := &toks[i]
			facts := &maps.lowerFacts[t.lowerID]
			t.docCasings, t.docContexts = facts.casings, facts.contexts
			t.firstSame, t.nextSame = -1, -1
			if t.casing == lowerCase || t.casing == noLetters {
				continue
			}
			if facts.last >= 0 {
				toks[facts.last].nextSame = int32(i)
				t.firstSame = toks[facts.last].firstSame
			} else {
				t.firstSame = int32(i)
			}
			facts.last = int32(i)
			t.sameRank = facts.seen
			facts.seen++
		}
	}
}

// newDocWord takes or computes what a document's new word w (whose hash is
// hash) passes on to each of its tokens, and numbers its lower-case form.
func (maps *docMaps) newDocWord(w string, hash uint64, classes *WordClasses, lex *wordCache) docWord {
	word := docWord{hash: hash, lexeme: lex.find(hash)}
	if word.lexeme >= 0 {
		word.wordFacts = lex.at(word.lexeme).facts
	} else {
		word.wordFacts = newWordFacts(w, hash, classes)
	}
	lid, added := maps.lowers.id(word.lower)
	if added {
		maps.lowerFacts = append(maps.lowerFacts, lowerFacts{last: -1})
	}
	word.lowerID = lid
	return word
}

// newWordFacts computes the facts of word w, whose hash is hash.
func newWordFacts(w string, hash uint64, classes *WordClasses) wordFacts {
	facts := wordFacts{lower: hashString(w, true), shape: shapeHash(w), casing: casingOf(w)}
	facts.class, facts.lists = classes.lookup(hash)
	switch facts.casing {
	case lowerCase:
		facts.smallWord = isHeadlineSmallWord(w)
	case noLetters:
	default:
		facts.known = gazetteerBits(w)
	}
	return facts
}

// wordFeatures appends the keys of the features of word w alone (t is its
// token): the tagger scores them once per distinct word of a document.
func wordFeatures(buf []uint32, w string, t *token) []uint32 {
	add := func(template, value uint64) { buf = append(buf, uint32(mix(template, value))) }
	add(fBias, 0)
	add(fWord, t.word)
	add(fLower, t.lower)
	add(fShape, t.shape)
	add(fKnown, uint64(t.known))
	add(fClass, uint64(t.class))
	if t.lists&^wholeNames != 0 {
		add(fLists, uint64(t.lists&^wholeNames)|uint64(t.casing)<<8)
	}
	if t.lists&wholeNames != 0 {
		add(fWholeName, uint64(t.lists&wholeNames)|uint64(t.casing)<<16)
	}
	affixHashes(w, 3, 4, func(suffix bool, h uint64) {
		if suffix {
			add(fSuffix, h)
		} else {
			add(fPrefix, h)
		}
	})
	return buf
}

// contextFeatures appends the keys of token i's features that depend on its
// neighbours and its place in the sentence and document, but on no label:
// they are scored once per token and reused by both passes.
func contextFeatures(buf []uint32, toks []token, s WordRange, i int) []uint32 {
	at := neighbourAt(toks, s)
	for _, n := range neighbours {
		buf = neighbourFeatures(buf, n, at(i+n.offset))
	}
	buf = casingFeatures(buf, &toks[i])
	buf = positionFeatures(buf, toks, s, i)
	return aggregateFeatures(buf, toks, i)
}

// neighbour is a position next to a word, as features name it.
type neighbour struct {
	offset                     int
	lower, class, known, lists uint64 // feature templates; 0: no feature
}

// neighbours are the positions whose words are features of a word: what a
// word lends as one of them depends on the word alone.
var neighbours = [...]neighbour{
	{offset: -1, lower: fLowerPrev, class: fClassPrev, known: fKnownPrev, lists: fListsPrev},
	{offset: 1, lower: fLowerNext, class: fClassNext, known: fKnownNext, lists: fListsNext},
	{offset: -2, lower: fLowerPrev2},
	{offset: 2, lower: fLowerNext2},
}

// neighbourAt returns the token at an index of sentence s, or the word
// beyond the sentence's end that stands there.
func neighbourAt(toks []token, s WordRange) func(j int) *token {
	return func(j int) *token {
		switch {
		case j < s.First:
			return &beforeSentence
		case j >= s.Last:
			return &afterSentence
		}
		return &toks[j]
	}
}

// neighbourFeatures appends the keys of the features that word t gives the
// word it is neighbour n of.
func neighbourFeatures(buf []uint32, n neighbour, t *token) []uint32 {
	buf = append(buf, uint32(mix(n.lower, t.lower)))
	if n.class != 0 {
		buf = append(buf, uint32(mix(n.class, uint64(t.class))), uint32(mix(n.known, uint64(t.known))))
	}
	if n.lists != 0 && t.lists != 0 {
		buf = append(buf, uint32(mix(n.lists, uint64(t.lists))))
	}
	return buf
}

// casingFeatures appends the keys of the features of how token t is
// capitalised, where it stands and how it is written elsewhere.
func casingFeatures(buf []uint32, t *token) []uint32 {
	if t.casing != lowerCase && t.casing != noLetters {
		buf = append(buf, uint32(mix(fDocContexts, uint64(t.docContexts)<<8|uint64(t.casing))))
	}
	context := t.casingContext()
	return append(buf, uint32(mix(fCasing, context)), uint32(mix(fCasingLower, mix(context, t.lower))))
}

// positionFeatures appends the keys of the features of token i that
// combine it with its neighbours.
func positionFeatures(buf []uint32, toks []token, s WordRange, i int) []uint32 {
	t := &toks[i]
	add := func(template, value uint64) { buf = append(buf, uint32(mix(template, value))) }
	at := neighbourAt(toks, s)
	prev, next := at(i-1), at(i+1)
	add(fBigramPrev, mix(prev.lower, t.lower))
	add(fBigramNext, mix(t.lower, next.lower))
	add(fShapeWindow, mix(mix(prev.shape, t.shape), next.shape))
	if t.tabular {
		add(fTabularClass, uint64(t.class)<<8|uint64(t.casing))
	}
	if d := orgSuffixAhead(toks, s, i); d > 0 {
		add(fOrgSuffixAhead, uint64(d))
	}
	// A small word between capitalised ones may join them into one name
	// ("Bank of England", "Commission on Presidential Debates") or part two
	// ("Kia of South Korea"): what stands beyond it tells which.
	if isCapitalised(t.casing) {
		if at2 := at(i + 2); next.smallWord && isCapitalised(at2.casing) {
			add(fBridgeAhead, mix(next.lower, uint64(at2.class)))
			add(fBridgeAheadKnown, mix(next.lower, uint64(at2.known)))
		}
		if at2 := at(i - 2); prev.smallWord && isCapitalised(at2.casing) {
			add(fBridgeBehind, mix(prev.lower, uint64(at2.class)))
		}
	}
	return buf
}

func isCapitalised(c casing) bool {
	return c == titleCase || c == upperCase || c == otherCase
}

// orgSuffixAhead returns how many words after capitalised word i an
// organization's last word ("Inc", "Bank", "Party") follows in the same run
// of capitalised words, or 0.
func orgSuffixAhead(toks []token, s WordRange, i int) int {
	if toks[i].casing == lowerCase || toks[i].casing == noLetters {
		return 0
	}
	for j := i + 1; j < s.Last && j <= i+4; j++ {
		if toks[j].known&knownOrgSuffix != 0 {
			return j - i
		}
		if toks[j].casing == lowerCase || toks[j].casing == noLetters {
			return 0
		}
	}
	return 0
}

// maxAggregated bounds the other occurrences of a word whose neighbours
// become features, which keeps tagging linear in the length of the text.
const maxAggregated = 8

// aggregateFeatures appends, for a capitalised word, the words around its
// other occurrences in the document: "Kent beat Essex" elsewhere tells what
// "KENT" in a headline is. They are the same for every occurrence after the
// first maxAggregated+1 (sameRank ≥ maxAggregated), which the tagger uses.
func aggregateFeatures(buf []uint32, toks []token, i int) []uint32 {
	n := 0
	for j := toks[i].firstSame; j >= 0 && n < maxAggregated; j = toks[j].nextSame {
		if int(j) == i {
			continue
		}
		n++
		buf = lentAggregates(buf, toks, int(j))
	}
	return buf
}

// lentAggregates appends the aggregate features occurrence j lends the
// other occurrences of its word: the words around it.
func lentAggregates(buf []uint32, toks []token, j int) []uint32 {
	if !toks[j].sentenceStart {
		buf = append(buf, uint32(mix(fAggregatePrev, toks[j-1].lower)))
	}
	if j+1 < len(toks) && !toks[j+1].sentenceStart {
		buf = append(buf, uint32(mix(fAggregateNext, toks[j+1].lower)))
	}
	return buf
}

// dynamicFeatures appends the keys of token i's features that depend on the
// labels given to the two words before it, and on the first pass's evidence.
func dynamicFeatures(buf []uint32, toks []token, s WordRange, i int, prev, prev2 Label, useEvidence bool) []uint32 {
	buf = labelFeatures(buf, &toks[i], prev, prev2)
	if useEvidence {
		buf = evidenceFeatures(buf, toks, s, i)
	}
	return buf
}

// labelFeatures appends the keys of the features of token t that depend on
// the labels given to the two words before it: first its transitionFeatures,
// then its wordLabelFeatures.
func labelFeatures(buf []uint32, t *token, prev, prev2 Label) []uint32 {
	return wordLabelFeatures(transitionFeatures(buf, prev, prev2), t, prev)
}

// transitionFeatures appends the keys of the features that depend on the
// two labels before a word alone; the tagger scores them once per pair.
func transitionFeatures(buf []uint32, prev, prev2 Label) []uint32 {
	return append(buf, uint32(mix(fLabelPrev, uint64(prev))), uint32(mix(fLabelPrev2, uint64(prev)<<8|uint64(prev2))))
}

// wordLabelFeatures appends the keys of the features that pair the label
// before token t with t itself.
func wordLabelFeatures(buf []uint32, t *token, prev Label) []uint32 {
	return append(buf, uint32(mix(fLabelPrevLower, mix(uint64(prev), t.lower))), uint32(mix(fLabelPrevShape, mix(uint64(prev), t.shape))))
}

// evidenceFeatures appends the keys of token i's features that come from
// the first pass.
func evidenceFeatures(buf []uint32, toks []token, s WordRange, i int) []uint32 {
	return firstPassFeatures(wordEvidenceFeatures(buf, &toks[i]), toks[i].firstPass, nextFirstPass(toks, s, i))
}

// wordEvidenceFeatures appends the keys of the evidenceFeatures that depend
// on token t alone.
func wordEvidenceFeatures(buf []uint32, t *token) []uint32 {
	add := func(template, value uint64) { buf = append(buf, uint32(mix(template, value))) }
	evidence := uint64(t.docEvidence)
	add(fEvidence, evidence)
	add(fEvidenceCasing, evidence|t.casingContext()<<8)
	add(fEvidenceLower, mix(evidence, t.lower))
	add(fFirstPassEvidence, uint64(t.firstPass)|evidence<<8)
	if t.classEvidence != 0 {
		add(fClassEvidence, uint64(t.classEvidence)|uint64(t.firstPass)<<8)
	}
	return buf
}

// firstPassFeatures appends the keys of the features of the first pass's
// labels for a word and the next one (numLabels: none), which tell where a
// name ends: "Xi" is a person alone elsewhere but starts "Xi Jinping".
func firstPassFeatures(buf []uint32, label, next Label) []uint32 {
	return append(buf, uint32(mix(fFirstPass, uint64(label)|uint64(next)<<8)))
}

// nextFirstPass returns the first pass's label for the word after token i
// in its sentence, or numLabels at the sentence's end.
func nextFirstPass(toks []token, s WordRange, i int) Label {
	if i+1 < s.Last {
		return toks[i+1].firstPass
	}
	return Label(numLabels)
}

// casingKey packs everything but the word that casingFeatures read.
func (t *token) casingKey() uint64 {
	return t.casingContext() | uint64(t.docContexts)<<16
}

// evidenceKey packs everything but the word that wordEvidenceFeatures read.
func (t *token) evidenceKey() uint64 {
	return uint64(t.docEvidence) | uint64(t.classEvidence)<<8 | uint64(t.firstPass)<<16 | t.casingContext()<<24
}

// casingContext combines the word's casing with where it stands and how it
// is written elsewhere in the document.
func (t *token) casingContext() uint64 {
	return uint64(t.casing) | uint64(t.docCasings)<<4 | boolBit(t.sentenceStart)<<12 | boolBit(t.shouting)<<13
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
