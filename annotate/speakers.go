package annotate

import (
	"math/bits"
	"slices"
	"sort"
	"strings"

	"lede/annotate/gazetteer"
	"lede/annotate/internal/swar"
)

// Speakers: decides who said each quote. News attributes speech with a cue
// (a verb of saying in any tense, "according to", a colon) beside the quote;
// its subject is a name, a pronoun, or a description ("a senior US
// official"). Without a parser, the subject is found from the shape of the
// words around the cue: the phrase before the verb, after it when it
// follows the quote ("…," said X), across an appositive ("X, the minister,
// said"), or the subject of the clause a participle hangs from ("X attacked
// Y, saying …"). Pronouns go to the nearest earlier speaker or sentence
// subject of a compatible sex (from the entities stage). A quote with no cue
// of its own takes the speaker of the quote just before it in the same or
// the previous paragraph, which covers split quotes ("First part," she said.
// "Second part.") and remarks that run on into the next paragraph. Every
// search is bounded, so the stage stays linear in the length of the text.
//
// The rules ask about the same few tokens around each cue and sentence
// start many times (is it a pronoun? a verb of saying?), so each token's
// text is looked up once, in all the word lists at a time (see is), and
// words are read eight bytes at a time rather than byte by byte (see
// shortWords); the words outside quotes that could be cues come from the
// one pass over the tokens that finds the quote marks (scanTokens).

// referent is whoever a cue's subject refers to.
type referent struct {
	entity    *entity
	desc      string // when no recognised name covers the subject
	anonymous bool
	sex       gazetteer.Sex // zero when unknown
	plural    bool
}

func (r referent) found() bool { return r.entity != nil || r.desc != "" }

// couldBePerson: a person's name, a description of someone ("a senior
// official") or a name the recognizer missed ("Qin"), but not a titled
// description of an institution ("the state-run People's Daily").
func (r referent) couldBePerson() bool {
	if r.entity != nil {
		return r.entity.typ == Person
	}
	return r.anonymous || !determiners.has(r.desc[:strings.IndexByte(r.desc+" ", ' ')])
}

// cue is one attribution cue in the text and the subject it attributes to.
type cue struct {
	tok, end int // token range
	kind     cueKind
	subject  referent
}

type cueKind uint8

const (
	// saying verbs take their subject before them, or after them when they
	// directly follow a quote ("…," said Smith).
	saying cueKind = iota + 1
	// addressing verbs are followed by their object (told reporters, called
	// the talks), so their subject is always before them.
	addressing
	// according to puts the source after the cue.
	according
)

// How far (in tokens) a cue or its subject may be from what it attributes.
const (
	maxCueGap      = 40
	maxSubjectSpan = 40
	maxClauseSpan  = 100
	maxPhraseLen   = 10
	maxPronounBack = 30
	// maxLeadingSubject bounds how far into a sentence its cue may come
	// when the sentence only attributes the quote before it.
	maxLeadingSubject = 8
	// maxTrailingSubject bounds what may follow a cue that ends a sentence
	// ("said Mr. Jones.").
	maxTrailingSubject = 5
	// maxAdjacentSubject bounds the subject between a quote and its cue
	// ('"No," Fox's Chris Wallace said').
	maxAdjacentSubject = 7
)

// attributor holds the per-document indexes the attribution rules share.
type attributor struct {
	text     string
	toks     []Token
	sents    []Sentence
	names    []Name
	info     []tokenInfo // by token
	classes  []wordClass // by token: its word classes, once looked up (see is)
	entityOf []int32     // name index → index + 1 in entities, 0 for none
	// sentenceSubjects holds the person each sentence is about (see
	// sentenceSubject), tok -1 for none.
	sentenceSubjects []placedReferent
	entities         []*entity
	cues             []cue
	personByWord     map[string]*entity // see onlyPersonNamed
}

// tokenInfo is what the attribution rules look up about a token.
type tokenInfo struct {
	name     int32 // name index + 1, 0 outside names
	sentence int32 // sentence index (see scanTokens)
	inQuote  bool  // inside a quote, marks included
}

// attributeQuotes attributes the quotes and returns them without titles
// that no cue attributes to anyone; info holds the sentence of each token.
func attributeQuotes(a *analysis, qs []quote, info []tokenInfo, cueStarts []int32) []quote {
	if len(qs) == 0 {
		return qs
	}
	var at attributor
	at.init(a, info)
	for _, q := range qs {
		for i := q.open; i <= q.close; i++ {
			at.info[i].inQuote = true
		}
	}
	at.findCues(cueStarts)
	kept := qs[:0]
	for _, q := range qs {
		at.attribute(&q)
		if q.cue >= 0 || !isTitle(at.text, at.toks, q) {
			kept = append(kept, q)
		}
	}
	at.linkFollowers(kept)
	return kept
}

func (at *attributor) init(a *analysis, info []tokenInfo) {
	*at = attributor{text: a.text, toks: a.tokens, sents: a.sentences, names: a.names, entities: a.entities,
		info: info, classes: make([]wordClass, len(a.tokens)), entityOf: make([]int32, len(a.names))}
	for i, n := range a.names {
		for t := n.First; t < n.Last; t++ {
			at.info[t].name = int32(i + 1)
		}
	}
	for k, e := range a.entities {
		for _, m := range e.mentions {
			if m.First < len(at.info) {
				if i := at.info[m.First].name; i > 0 {
					at.entityOf[i-1] = int32(k + 1)
				}
			}
		}
	}
}

// entityNamed returns the entity of the name with index n, or nil.
func (at *attributor) entityNamed(n int32) *entity {
	if e := at.entityOf[n]; e > 0 {
		return at.entities[e-1]
	}
	return nil
}

// unrecognisedPerson returns the person that a phrase of capitalised words
// the recognizer left out refers to ("Qin" for Qin Gang), if only one fits.
func (at *attributor) unrecognisedPerson(s, e int) *entity {
	var found *entity
	for i := s; i < e; i++ {
		w := at.toks[i].Text(at.text)
		if gazetteer.IsPersonTitle(w) {
			continue
		}
		if hasLowerHead(w) {
			return nil
		}
		p := at.onlyPersonNamed(w)
		if p == nil || found != nil && found != p {
			return nil
		}
		found = p
	}
	return found
}

// onlyPersonNamed returns the one person whose name holds the word w, or
// nil if none or several do. People's names are words joined by single
// spaces (see groupPeople). An article's few entities are scanned; a long
// block's many are indexed by word once, or the scans would grow with the
// square of its length.
func (at *attributor) onlyPersonNamed(w string) *entity {
	if len(at.entities) > maxScannedEntities {
		if at.personByWord == nil {
			at.personByWord = at.indexPeopleByWord()
		}
		return at.personByWord[w]
	}
	return at.onlyPerson(func(p *entity) bool { return containsWord(p.name, w) })
}

// onlyPerson returns the one person that fits, or nil if none or several do.
func (at *attributor) onlyPerson(fits func(*entity) bool) *entity {
	var found *entity
	for _, p := range at.entities {
		if p.typ != Person || !fits(p) {
			continue
		}
		if found != nil {
			return nil
		}
		found = p
	}
	return found
}

// maxScannedEntities is the most entities onlyPersonNamed scans.
const maxScannedEntities = 64

// indexPeopleByWord maps each word of a person's name to that person, or to
// nil when several people's names hold it.
func (at *attributor) indexPeopleByWord() map[string]*entity {
	index := map[string]*entity{}
	for _, p := range at.entities {
		if p.typ != Person {
			continue
		}
		for _, w := range strings.Split(p.name, " ") {
			if other, seen := index[w]; seen && other != p {
				index[w] = nil
			} else {
				index[w] = p
			}
		}
	}
	return index
}

// personByRole returns the one person whose role the phrase names ("the
// minister" for Foreign Minister Qin Gang), or nil.
func (at *attributor) personByRole(s, e int) *entity {
	head := at.toks[e-1].Text(at.text)
	if e-s != 2 || at.toks[s].Text(at.text) != "the" && at.toks[s].Text(at.text) != "The" || !gazetteer.IsPersonTitle(head) {
		return nil
	}
	return at.onlyPerson(func(p *entity) bool { return containsWordFold(p.role, head) })
}

// containsWordFold reports whether the words of s, separated by spaces,
// include w in any case.
func containsWordFold(s, w string) bool {
	for s != "" {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			return strings.EqualFold(s, w)
		}
		if strings.EqualFold(s[:i], w) {
			return true
		}
		s = s[i+1:]
	}
	return false
}

// containsWord reports whether the words of s, separated by spaces,
// include w.
func containsWord(s, w string) bool {
	for s != "" {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			return s == w
		}
		if s[:i] == w {
			return true
		}
		s = s[i+1:]
	}
	return false
}

// findCues lists every cue outside the quotes, in text order, resolving
// subjects as it goes so that a pronoun can refer back to an earlier speaker
// or to the person an earlier sentence is about. cueStarts are the tokens
// that may start one, in order (see mayStartCue).
func (at *attributor) findCues(cueStarts []int32) {
	// About one cue in two sentences is usual.
	at.sentenceSubjects = make([]placedReferent, len(at.sents))
	at.cues = make([]cue, 0, len(at.sents)/2+1)
	// recent lists the subjects found so far, newest last: k for the one of
	// at.cues[k], ^si for the one of sentence si.
	recent := make([]int32, 0, len(at.sents)+len(at.sents)/2+1)
	next := 0 // in cueStarts
	for si, s := range at.sents {
		subject := placedReferent{tok: -1}
		if r, tok, ok := at.sentenceSubject(si); ok {
			subject = placedReferent{tok, r}
		} else if p := at.leadingPronoun(s); p >= 0 {
			subject = placedReferent{p, at.resolvePronounAt(p, recent)}
		}
		if subject.tok >= 0 && subject.r.found() {
			recent = append(recent, ^int32(si))
			at.sentenceSubjects[si] = subject
		} else {
			at.sentenceSubjects[si].tok = -1
		}
		for from := s.First; next < len(cueStarts) && int(cueStarts[next]) < s.Last; next++ {
			i := int(cueStarts[next])
			if i < from || at.info[i].inQuote {
				continue
			}
			kind, end := at.cueAt(i, i == s.First)
			if kind == 0 {
				continue
			}
			c := cue{tok: i, end: end, kind: kind, subject: at.subjectOf(i, end, kind)}
			if p := at.pronounSubject(i, end, kind); !c.subject.found() && p >= 0 {
				c.subject = at.resolvePronounAt(p, recent)
			}
			if c.subject.found() {
				recent = append(recent, int32(len(at.cues)))
			}
			at.cues = append(at.cues, c)
			from = end
		}
	}
}

type placedReferent struct {
	tok int
	r   referent
}

// mayStartCue rules out most tokens as the start of a cue (see cueAt)
// without looking them up: those that no cue word or byline dash has the
// shape of.
func mayStartCue(text string, t *Token) bool {
	return cueWords.words.hasShapeOf(text[t.Start:t.End])
}

// cueAt returns the kind and token end of a cue starting at token i;
// initial says whether the token opens its sentence, the one place a cue
// word is capitalised (Said Ellis: "…"; According to …).
func (at *attributor) cueAt(i int, initial bool) (cueKind, int) {
	t := &at.toks[i]
	if t.Kind == Punct {
		if at.isByline(i) {
			return according, i + 1
		}
		return 0, 0
	}
	if t.Kind != Word || !initial && !hasLowerHead(at.text[t.Start:t.End]) {
		return 0, 0
	}
	v, ok := cueWords.words.find(at.text, t.Start, t.End)
	if !ok {
		return 0, 0 // most words
	}
	c := &cueWords.cues[v]
	next := ""
	if i+1 < len(at.toks) {
		next = at.toks[i+1].Text(at.text)
	}
	switch {
	case c.next != "": // "according to", "as Smith put it"
		if next != c.next {
			return 0, 0
		}
		return c.kind, i + 2
	// "continued to campaign", "added to the debt": not speech; nor is the
	// passive "was told", whose subject is the listener.
	case next == "to" && notSpeechBeforeTo.has(at.text[t.Start:t.End]), at.isPassive(i):
		return 0, 0
	}
	return c.kind, i + 1
}

// cueWords are the cue words, in any case.
var cueWords = func() (l cueLexicon) {
	l.words = newShortWords(anyCase, 512)
	for _, w := range strings.Fields(sayingForms) {
		l.add(w, cueWord{kind: saying})
	}
	for _, w := range strings.Fields(addressingForms) {
		l.add(w, cueWord{kind: addressing})
	}
	l.add("according", cueWord{kind: according, next: "to"})
	for _, phrase := range []string{"put it", "pointed out", "went on"} {
		verb, next, _ := strings.Cut(phrase, " ")
		l.add(verb, cueWord{kind: saying, next: next})
	}
	for _, dash := range bylineDashes {
		l.words.addShape(dash)
	}
	return
}()

// cueLexicon finds the cue words in any case: the attribution tries the
// words of the text outside quotes that have the shape of one.
type cueLexicon struct {
	words shortWords
	cues  []cueWord // by value in words
}

// cueWord is what a cue word is: its kind, and the word that must follow
// it in a phrase ("according to"), if any.
type cueWord struct {
	kind cueKind
	next string
}

func (l *cueLexicon) add(w string, c cueWord) {
	*l.words.add(w) = uint16(len(l.cues))
	l.cues = append(l.cues, c)
}

// hasShapeOf reports whether some word of the set has the length and
// first byte of w, and some its first, middle and last bytes (but perhaps
// for case): a quick test that rules out most words without reading them
// whole. w is not empty.
func (t *shortWords) hasShapeOf(w string) bool {
	n := uint(len(w))
	return t.firsts[w[0]]>>(n%32)&(t.shapes[w[0]%32][w[n/2]%32]>>(w[n-1]%32))&1 != 0 // no branch
}

// addShape lets words of the shape of w pass hasShapeOf.
func (t *shortWords) addShape(w string) {
	n := uint(len(w))
	t.firsts[w[0]] |= 1 << n
	if t.fold == anyCase {
		t.firsts[w[0]&^0x20] |= 1 << n
	}
	t.shapes[w[0]%32][w[n/2]%32] |= 1 << (w[n-1] % 32)
}

// shortWords maps words of up to maxShortWord bytes to small values. A
// word is read from the text whole, as its first and last eight bytes
// (the same eight if it is shorter), so that looking one up hashes and
// compares two numbers, not bytes one at a time: the attribution looks up
// the words around every cue and sentence start.
type shortWords struct {
	// words are in open addressing, at most half full; a zero length marks
	// an empty slot.
	words []shortWord
	// fold is ORed into every byte read: anyCase sets bit 5, which lowers
	// letters and changes no other byte into a letter, so a word matches a
	// lower-case entry exactly when its letters are the entry's in some case.
	fold  uint64
	shift uint // 64 - log2(len(words))
	// firsts has bit n of firsts[b] set for every word of n bytes that
	// starts with b (in either case, for anyCase); shapes has bit last%32
	// of shapes[first%32][middle%32] set for every word with those first,
	// middle (its byte n/2) and last bytes, so case does not matter.
	firsts [256]uint32
	shapes [32][32]uint32
}

// shortWord is a word of a shortWords, together in one record so that
// finding one reads one cache line.
type shortWord struct {
	head, tail uint64 // its first and last eight bytes, as probe reads them
	n          uint8
	value      uint16
}

// maxShortWord is the length of the longest word of a shortWords.
const maxShortWord = 16

// The folds of shortWords.
const (
	asWritten uint64 = 0
	anyCase   uint64 = 0x2020202020202020
)

// newShortWords makes a map for up to slots/2 words; slots is a power of
// two.
func newShortWords(fold uint64, slots int) shortWords {
	return shortWords{words: make([]shortWord, slots), fold: fold, shift: uint(64 - bits.TrailingZeros(uint(slots)))}
}

// add returns the value of w, adding w if it is new.
func (t *shortWords) add(w string) *uint16 {
	if len(w) == 0 || len(w) > maxShortWord {
		panic("shortWords: " + w + " is not a short word")
	}
	t.addShape(w)
	head, tail, slot, found := t.probe(w, 0, len(w))
	if !found {
		t.words[slot] = shortWord{head: head, tail: tail, n: uint8(len(w))}
	}
	return &t.words[slot].value
}

// find returns the value of the word text[start:end], if the map has it.
func (t *shortWords) find(text string, start, end int) (uint16, bool) {
	if !t.hasShapeOf(text[start:end]) {
		return 0, false
	}
	_, _, slot, found := t.probe(text, start, end)
	if !found {
		return 0, false
	}
	return t.words[slot].value, true
}

// probe reads the word text[start:end] as its first and last eight bytes
// (zero-padded) and returns them with its slot and whether the set has it
// there. A word of no byte or more than maxShortWord has no slot.
func (t *shortWords) probe(text string, start, end int) (head, tail uint64, slot int, found bool) {
	n := end - start
	switch {
	case n == 0 || n > maxShortWord:
		return 0, 0, -1, false
	case n >= 8:
		head, tail = swar.Load64(text[start:])|t.fold, swar.Load64(text[end-8:])|t.fold
	case start+8 <= len(text):
		head = (swar.Load64(text[start:]) | t.fold) & (1<<(8*n) - 1)
		tail = head
	default:
		head = (swar.Bytes(text, start, n) | t.fold) & (1<<(8*n) - 1)
		tail = head
	}
	h := (head*0x9e3779b97f4a7c15 ^ tail ^ uint64(n)) * 0xff51afd7ed558ccd
	for slot = int(h >> t.shift); t.words[slot].n != 0; slot = (slot + 1) & (len(t.words) - 1) {
		if w := &t.words[slot]; int(w.n) == n && w.head == head && w.tail == tail {
			return head, tail, slot, true
		}
	}
	return head, tail, slot, false
}

// isPassive: the verb at i follows a form of "be" (was told, is called).
func (at *attributor) isPassive(i int) bool {
	if strings.HasSuffix(at.toks[i].Text(at.text), "ing") {
		return false // the progressive "is saying"
	}
	j := i - 1
	for j >= 0 && at.is(j, modifiesVerb) && !at.is(j, passiveAuxiliary) {
		j--
	}
	return j >= 0 && at.is(j, passiveAuxiliary)
}

var notSpeechBeforeTo = setOf("continue continues continued add adds added adding ask asks asked promised vowed claimed claiming")

var passiveAuxiliaries = setOf("be is was were are been being")

var bylineDashes = [...]string{"―", "—", "–", "-", "--"}

// isByline: a dash after a closing quote mark, followed by a name that ends
// the paragraph, signs the quote: “…” ― Jane Doe.
func (at *attributor) isByline(i int) bool {
	if i == 0 || !at.info[i-1].inQuote || i+1 >= len(at.toks) || at.toks[i+1].NewlineBefore ||
		!slices.Contains(bylineDashes[:], at.toks[i].Text(at.text)) {
		return false
	}
	e := at.phraseEnd(i + 1)
	for e < len(at.toks) && at.toks[e].Kind == Punct && !at.toks[e].NewlineBefore {
		e++
	}
	return e == len(at.toks) || at.toks[e].NewlineBefore
}

// subjectOf finds the phrase a cue attributes to; a pronoun comes back as no
// referent, for findCues to resolve (see pronounSubject).
func (at *attributor) subjectOf(tok, end int, kind cueKind) referent {
	if kind == according {
		return at.phraseReferent(end, at.phraseEnd(end))
	}
	participle := strings.HasSuffix(at.toks[tok].Text(at.text), "ing")
	if kind == saying && !participle && at.followsQuote(tok) {
		if r := at.phraseReferent(tok+1, at.phraseEnd(tok+1)); r.found() || at.pronounAt(tok+1) {
			return r
		}
	}
	if participle && !at.nextToSubject(tok) {
		return at.clauseSubject(tok)
	}
	return at.subjectBefore(tok)
}

// leadingSubject is the referent of the phrase that opens a clause at c,
// when it is a name or a description with a determiner ("the campaign"):
// without a parse, other opening phrases are too often not subjects.
func (at *attributor) leadingSubject(c int) (referent, bool) {
	r := at.phraseReferent(c, at.phraseEnd(c))
	if r.entity != nil {
		return r, r.entity.typ != Place // "At an event in Ames, Iowa, Mrs. Clinton said"
	}
	return r, r.found() && at.is(c, determiner)
}

// nextToSubject: a name or pronoun comes right before the verb at tok
// (footage of Hillary Clinton asking, "…").
func (at *attributor) nextToSubject(tok int) bool {
	j := tok - 1
	for j >= 0 && at.is(j, modifiesVerb) {
		j--
	}
	return j >= 0 && (at.info[j].name > 0 || at.is(j, pronoun))
}

// clauseSubject is the subject of the clause a participle hangs from
// ("Trump attacked Clinton, saying …"): the first phrase of the sentence
// that names someone, skipping introductory phrases ("In a statement,").
func (at *attributor) clauseSubject(tok int) referent {
	for c := max(at.sentenceStart(tok), tok-maxClauseSpan); c < tok; c++ {
		if at.info[c].inQuote {
			continue
		}
		if r, ok := at.leadingSubject(c); ok {
			return r
		}
		for c < tok && !at.isChunkBreak(c) && !at.info[c].inQuote {
			c++
		}
	}
	return referent{}
}

// followsQuote reports whether the verb at tok has its subject after it:
// straight after a closing quote mark ("…," said X), at the start of its
// sentence (Said X: "…"), or after a comma and before a name ("…" for
// Clinton, said Kunin).
func (at *attributor) followsQuote(tok int) bool {
	j := tok - 1
	for j >= 0 && at.isPunct(j, ',') {
		j--
	}
	if j < 0 || at.info[j].inQuote || at.toks[j].Kind == QuoteMark || at.sentenceStart(tok) == tok {
		return true
	}
	if j == tok-1 || !at.startsWithPerson(tok+1) {
		return false
	}
	e := at.phraseEnd(tok + 1)
	return e == len(at.toks) || at.toks[e].Kind == Punct
}

// subjectBefore finds the subject that ends before the verb at v: the
// phrase right before it ("State Department spokesman Matthew Miller said"),
// or, across an appositive, the phrase it describes ("Leonard Burman,
// director of the Tax Policy Center, said").
func (at *attributor) subjectBefore(v int) referent {
	lo := max(at.sentenceStart(v), v-maxSubjectSpan)
	j := v - 1
	for j >= lo && (at.is(j, modifiesVerb) || at.isTimeWord(j)) {
		j--
	}
	if j < lo || at.info[j].inQuote || at.toks[j].Kind == QuoteMark {
		return referent{}
	}
	if at.is(j, leadingConjunction) || at.toks[j].Text(at.text) == "to" {
		return at.clauseSubject(v) // X bemoaned the unrest and said …; X was prompted to say
	} else if at.is(j, phraseBreak|pronoun) {
		return referent{} // anybody who complains; he said (see resolvePronoun)
	}
	if !at.isChunkBreak(j) {
		return at.phraseReferent(at.phraseStart(lo, j), j+1)
	}
	// Comma-separated chunks, nearest first: the subject is the nearest one
	// that starts with a person, else the first one of the clause.
	end := j
	first := referent{}
	for k := j - 1; k >= lo-1; k-- {
		if k >= lo && !at.isChunkBreak(k) && !at.info[k].inQuote {
			continue
		}
		start := k + 1
		if start < end {
			r := at.phraseReferent(start, at.phraseEnd(start))
			if at.startsWithPerson(start) {
				return r
			}
			first = r
		}
		if k >= lo && at.info[k].inQuote {
			break
		}
		end = k
	}
	return first
}

// phraseStart walks back from token j over the noun phrase that ends there.
func (at *attributor) phraseStart(lo, j int) int {
	s := j
	for s > lo && j-s < maxPhraseLen {
		prev := at.toks[s-1]
		if prev.Kind != Word && prev.Kind != Number {
			break
		}
		if at.info[s-1].name == 0 && at.is(s-1, phraseBreak|cueVerb) {
			break
		}
		s--
		if at.is(s, determiner) {
			break
		}
	}
	return s
}

// phraseEnd walks forward from token s over the noun phrase that starts
// there ("a senior US official", "Matthew Miller", "the head of the agency").
func (at *attributor) phraseEnd(s int) int {
	e := s
	for e < len(at.toks) && e-s < maxPhraseLen {
		t := at.toks[e]
		if t.Kind != Word && t.Kind != Number || e > s && t.NewlineBefore {
			break
		}
		w := t.Text(at.text)
		if at.info[e].name == 0 && at.is(e, phraseBreak|cueVerb|weekday) {
			break // (but "Will Doyle" is a name)
		}
		if e > s && (endsParticiple(w) || at.is(e, modifiesVerb) || at.endsActorName(e-1) && hasLowerHead(w) && !at.is(e, sourceNoun) && !gazetteer.IsPersonTitle(w)) {
			break // "Gingrich cynically dismissed", "the Security Council issued"
		}
		e++
	}
	return e
}

// endsActorName: token i is the last word of the name of a person or an
// organization. (Place names modify the words after them: "a US official".)
func (at *attributor) endsActorName(i int) bool {
	ni := at.info[i].name
	return ni > 0 && at.names[ni-1].Last == i+1 && at.names[ni-1].Type != Place
}

// sourceNouns head descriptions of sources after a name: "a Clinton
// campaign official", "Pentagon sources".
var sourceNouns = setOf("of official officials source sources campaign spokesperson aide aides lawyer lawyers" +
	" attorney attorneys representative representatives member members staff staffer staffers analyst analysts" +
	" executive executives leader leaders report statement memo document")

// phraseReferent names what the phrase [s, e) refers to: the last person
// named in it (not a possessor, as in "Mrs. Clinton's campaign"), else an
// organization or place, else the phrase itself as a description.
func (at *attributor) phraseReferent(s, e int) referent {
	for s < e && at.is(s, leadingConjunction) {
		s++
	}
	if s >= e {
		return referent{}
	}
	if e == s+1 && at.is(s, pronoun) {
		return referent{}
	}
	var best *entity
	bestRank := 0
	namesPerson := false
	for i := s; i < e; i++ {
		ni := at.info[i].name
		if ni == 0 {
			continue
		}
		n := at.names[ni-1]
		i = n.Last - 1
		namesPerson = namesPerson || n.Type == Person
		if n.Last < len(at.toks) && n.Last < e && isPossessive(at.text, at.toks[n.Last]) {
			continue
		}
		if rank := speakerRank[n.Type]; rank >= bestRank && at.entityOf[ni-1] > 0 {
			best, bestRank = at.entityNamed(ni-1), rank
		}
	}
	last := at.toks[e-1].Text(at.text)
	if best != nil && (bestRank == speakerRank[Person] || !hasLowerHead(last)) {
		return referent{entity: best, sex: best.sex, plural: best.typ == Organization}
	}
	if at.onlyFunctionWords(s, e) {
		return referent{}
	}
	if p := at.unrecognisedPerson(s, e); p != nil {
		return referent{entity: p, sex: p.sex}
	}
	if p := at.personByRole(s, e); p != nil {
		return referent{entity: p, sex: p.sex}
	}
	desc := at.text[at.toks[s].Start:at.toks[e-1].End]
	// A description is anonymous when it names no one: "a senior US
	// official", "a State Department spokesman".
	return referent{desc: desc, anonymous: !namesPerson && hasLowerHead(last),
		sex: descriptionSex(at.text, at.toks[s:e]), plural: isPluralNoun(last)}
}

// personIn returns the last person named in tokens [s, e), or nil.
func (at *attributor) personIn(s, e int) *entity {
	var p *entity
	for i := s; i < e; i++ {
		if ni := at.info[i].name; ni > 0 && at.names[ni-1].Type == Person && at.entityOf[ni-1] > 0 {
			p = at.entityNamed(ni - 1)
		}
	}
	return p
}

// speakerRank prefers people over organizations over places as speakers.
var speakerRank = [...]int{Place: 1, Organization: 2, Person: 3}

func hasLowerHead(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }

func (at *attributor) onlyFunctionWords(s, e int) bool {
	for i := s; i < e; i++ {
		if !at.is(i, nonSubject) {
			return false
		}
	}
	return true
}

// startsWithPerson: the chunk at s opens with a person's name (perhaps
// after a title) or a personal pronoun.
func (at *attributor) startsWithPerson(s int) bool {
	for i := s; i < len(at.toks) && i < s+2; i++ {
		if at.is(i, leadingConjunction) {
			continue
		}
		if at.is(i, pronoun) {
			return true
		}
		if ni := at.info[i].name; ni > 0 && at.names[ni-1].Type == Person {
			end := at.names[ni-1].Last
			return end == len(at.toks) || !isPossessive(at.text, at.toks[end]) // not "Sanders' adviser"
		}
		if !gazetteer.IsPersonTitle(at.toks[i].Text(at.text)) {
			return false
		}
	}
	return false
}

// sentenceSubject returns the person a sentence opens with, outside
// quotes ("House Speaker Mike Johnson dismissed …"): the usual antecedent
// of a later "he" or "she".
func (at *attributor) sentenceSubject(si int) (referent, int, bool) {
	first := at.sents[si].First
	for first < at.sents[si].Last && at.is(first, leadingConjunction) {
		first++
	}
	last := at.sents[si].Last
	if first < last && at.is(first, phraseBreak) {
		// Past an opening phrase: "In an August speech, Trump attacked …".
		for i := first; i < last && i < first+maxPhraseLen; i++ {
			if at.isChunkBreak(i) {
				first = i + 1
				break
			}
		}
	}
	if first == last || at.info[first].inQuote {
		return referent{}, 0, false
	}
	if e := at.personIn(first, at.phraseEnd(first)); e != nil {
		return referent{entity: e, sex: e.sex}, first, true
	}
	// Else a person named in its first words: "On Friday, Trump said …".
	for i := first; i < last && i < first+4 && !at.info[i].inQuote; i++ {
		if ni := at.info[i].name; ni > 0 && at.names[ni-1].Type == Person && at.entityOf[ni-1] > 0 {
			e := at.entityNamed(ni - 1)
			return referent{entity: e, sex: e.sex}, i, true
		}
	}
	return referent{}, 0, false
}

// leadingPronoun returns the pronoun that opens a sentence ("He added
// that …", "But she called it …"), or -1.
func (at *attributor) leadingPronoun(s Sentence) int {
	i := s.First
	for i < s.Last && at.is(i, leadingConjunction) {
		i++
	}
	if i < s.Last && at.is(i, pronoun) {
		return i
	}
	return -1
}

// resolvePronounAt finds what the pronoun at p refers to: the most recent
// earlier speaker or sentence subject of the same gender and number, among
// the recent ones (see findCues).
func (at *attributor) resolvePronounAt(p int, recent []int32) referent {
	tok := p
	var want gazetteer.Sex
	plural, neuter := false, false
	switch at.toks[p].Text(at.text) {
	case "he", "He":
		want = gazetteer.Male
	case "she", "She":
		want = gazetteer.Female
	case "they", "They":
		plural = true
	case "it", "It":
		neuter = true
	}
	for k := len(recent) - 1; k >= 0 && k >= len(recent)-maxPronounBack; k-- {
		placed := at.recentSubject(recent[k])
		r := placed.r
		if placed.tok >= tok {
			continue
		}
		if r.plural != plural && !(neuter && r.entity != nil && r.entity.typ != Person) {
			continue
		}
		if neuter && r.entity != nil && r.entity.typ == Person {
			continue
		}
		if want != 0 && (r.sex == gazetteer.Male || r.sex == gazetteer.Female) && r.sex != want {
			continue
		}
		if want != 0 && !r.couldBePerson() {
			continue
		}
		return r
	}
	return referent{}
}

// recentSubject returns the subject that an entry of findCues' recent
// list stands for.
func (at *attributor) recentSubject(k int32) placedReferent {
	if k < 0 {
		return at.sentenceSubjects[^k]
	}
	return placedReferent{at.cues[k].tok, at.cues[k].subject}
}

// pronounSubject returns the token of the pronoun that is the cue's
// subject (he said / said he), or -1.
func (at *attributor) pronounSubject(tok, end int, kind cueKind) int {
	if kind == saying && at.followsQuote(tok) && at.pronounAt(end) {
		return end
	}
	j := tok - 1
	for j >= 0 && at.is(j, modifiesVerb) {
		j--
	}
	if j >= 0 && at.is(j, pronoun) {
		return j
	}
	return -1
}

func (at *attributor) pronounAt(i int) bool {
	return i >= 0 && i < len(at.toks) && at.is(i, pronoun)
}

// attribute picks the cue for one quote: the first one after it in its
// sentence ("…," X said), else the nearest before it (X said: "…"), or in a
// sentence that only introduces it (X continued: ¶ "…"). For a fragment
// inside a sentence, the verb before it governs it, so that 'Qin told
// Blinken that relations "are at a low", according to CCTV' is Qin's. A
// colon with no verb of saying in its clause is a cue itself ("Rubio fired
// back: “…”"). Quotes with no cue at all go to attributeWithoutCue.
func (at *attributor) attribute(q *quote) {
	q.partial = at.isPartial(q)
	after := at.cueAfter(q)
	before := at.cueBefore(q.open, max(at.sentenceStart(q.open), q.open-maxCueGap))
	if before == nil {
		before = at.precedingCue(q)
	}
	var c *cue
	switch {
	case at.isPunct(q.open-1, ':') && (before == nil || at.hasChunkBreak(before.end, q.open-1)) && at.attributeToColonClause(q):
		return
	case before != nil && (q.partial || after == nil || after.kind == according):
		c = before
	default:
		c = after
	}
	if c == nil {
		at.attributeWithoutCue(q)
		return
	}
	if at.isScareQuote(q, c) {
		q.partial = true
		return
	}
	q.cue, q.cueEnd = c.tok, at.toks[c.end-1].End
	q.speaker, q.speakerDesc, q.anonymous = c.subject.entity, c.subject.desc, c.subject.anonymous
}

// attributeWithoutCue handles quotes beside a verb that is not in the
// lexicon: an inverted one right after the quote ('"…," scoffed Arianna
// Gil'), else the person the quote's sentence is about ('Trump also
// embraced harsh methods — "I think waterboarding is fine."').
func (at *attributor) attributeWithoutCue(q *quote) {
	v := q.close + 1
	if at.isPunct(v, ',') {
		v++
	}
	if v+1 < len(at.toks) && at.toks[v].Kind == Word && hasLowerHead(at.toks[v].Text(at.text)) && at.startsWithPerson(v+1) {
		e := at.phraseEnd(v + 1)
		if r := at.phraseReferent(v+1, e); r.entity != nil && (e == len(at.toks) || at.toks[e].Kind == Punct) {
			q.cue, q.cueEnd = v, at.toks[v].End
			q.speaker, q.speakerDesc, q.anonymous = r.entity, r.desc, r.anonymous
			return
		}
	}
	if at.isScareQuote(q, nil) {
		q.partial = true
		return
	}
	if subject := at.sentenceSubjects[at.sentenceIndex(q.open)]; subject.tok >= 0 && subject.tok < q.open {
		q.speaker, q.speakerDesc, q.anonymous = subject.r.entity, subject.r.desc, subject.r.anonymous
	}
}

// attributeToColonClause attributes a quote introduced by a colon without
// a verb of saying ("Rubio fired back: “…”", "Sanders delivered a retort:
// "…"") to the subject of the clause before the colon; the colon is the cue.
func (at *attributor) attributeToColonClause(q *quote) bool {
	colon := q.open - 1
	c := colon
	for lo := max(at.sentenceStart(colon), colon-maxSubjectSpan); c > lo && !at.isChunkBreak(c-1) && !at.info[c-1].inQuote; {
		c--
	}
	r, ok := at.leadingSubject(c)
	if ok {
		q.cue, q.cueEnd = colon, at.toks[colon].End
		q.speaker, q.speakerDesc, q.anonymous = r.entity, r.desc, r.anonymous
	}
	return ok
}

// startsClause: token i coordinates a new clause (", and", ", but"). A
// subordinate one may sit between a quote and its cue ('"…," since …,
// said Epstein').
func (at *attributor) startsClause(i int) bool {
	switch at.toks[i].Text(at.text) {
	case "and", "but", "or":
		return at.isPunct(i-1, ',')
	}
	return false
}

func (at *attributor) hasChunkBreak(from, to int) bool {
	for i := from; i < to; i++ {
		if at.isChunkBreak(i) {
			return true
		}
	}
	return false
}

// cueAfter returns the first cue after the quote's closing mark, within its
// sentence and before the next quote. A quote that ends its own sentence is
// often attributed by a short one after it ("…?" Graham asked.), so then the
// cue may open the next sentence.
func (at *attributor) cueAfter(q *quote) *cue {
	limit := min(at.sentenceEnd(q.close), q.close+maxCueGap)
	if next := q.close + 1; limit == next && next < len(at.toks) && !at.toks[next].NewlineBefore {
		limit = min(at.sentenceEnd(next), next+maxLeadingSubject)
	}
	k := sort.Search(len(at.cues), func(k int) bool { return at.cues[k].tok > q.close })
	for k < len(at.cues) && at.cues[k].tok < limit && !at.cues[k].subject.found() {
		k++
	}
	if k == len(at.cues) || at.cues[k].tok >= limit {
		return nil
	}
	for i := q.close + 1; i < at.cues[k].tok; i++ {
		if at.info[i].inQuote || at.startsClause(i) {
			return nil // '"…," the crowd chanted, and Smith said' is not Smith's
		}
	}
	return &at.cues[k]
}

// cueBefore returns the last cue in tokens [lo, open).
func (at *attributor) cueBefore(open, lo int) *cue {
	k := sort.Search(len(at.cues), func(k int) bool { return at.cues[k].tok >= open }) - 1
	for ; k >= 0 && at.cues[k].tok >= lo; k-- {
		if at.cues[k].subject.found() {
			return &at.cues[k]
		}
	}
	return nil
}

// precedingCue handles a quote that opens its sentence right after one that
// only introduces it: one ending in a colon ("Caddell continued: ¶ “…”") or
// ending with its cue in the same paragraph ('…, Schiff said. "…"').
func (at *attributor) precedingCue(q *quote) *cue {
	start := at.sentenceStart(q.open)
	if start != q.open || start == 0 {
		return nil
	}
	if at.isPunct(start-1, ':') {
		return at.cueBefore(start, max(at.sentenceStart(start-1), start-maxCueGap))
	}
	if at.toks[start].NewlineBefore {
		return nil
	}
	// The cue must end the sentence before: '…, Schiff said. "…"'.
	c := at.cueBefore(start, start-maxLeadingSubject)
	if c == nil || c.end < start-maxTrailingSubject {
		return nil
	}
	return c
}

// isScareQuote: one or two quoted words with no cue (c may be nil) right
// beside them are scare quotes or titles, not speech.
func (at *attributor) isScareQuote(q *quote, c *cue) bool {
	if at.wordsInside(q) > 2 {
		return false
	}
	if c == nil {
		return true
	}
	if c.tok > q.close {
		return c.tok-q.close > maxAdjacentSubject || at.hasChunkBreak(q.close+2, c.tok)
	}
	return c.end < q.open-1 || c.end == q.open-1 && at.toks[c.end].Kind != Punct
}

func (at *attributor) wordsInside(q *quote) int {
	n := 0
	for i := q.open + 1; i < q.close; i++ {
		if k := at.toks[i].Kind; k == Word || k == Number {
			n++
		}
	}
	return n
}

// isPartial: the quote is a fragment of the reporter's sentence rather than
// a sentence of its own: it starts in lower case, or words of the reporter's
// (other than the cue) run straight into it.
func (at *attributor) isPartial(q *quote) bool {
	for i := q.open + 1; i < q.close; i++ {
		t := at.toks[i]
		if t.Kind == Word {
			if w := t.Text(at.text); w[0] >= 'a' && w[0] <= 'z' {
				return true
			}
			break
		}
	}
	p := q.open - 1
	if p < 0 || at.toks[q.open].NewlineBefore || p < at.sentenceStart(q.open) {
		return false
	}
	t := at.toks[p]
	return t.Kind == Word && !at.is(p, cueVerb)
}

// linkFollowers gives cue-less quotes the speaker of the quote before them:
// the second half of a split quote (linked to the first), or the next
// paragraph of the same speaker's remarks (a continuation). A paragraph
// that opens with a quote after one that reports someone's words without
// quoting them ("Smith said the plan had failed. ¶ “It is over.”") also
// continues that speaker's remarks.
func (at *attributor) linkFollowers(qs []quote) {
	prev := -1
	for i := range qs {
		q := &qs[i]
		if q.cue >= 0 || q.hasSpeaker() {
			if q.cue >= 0 && prev >= 0 && qs[prev].cue == q.cue {
				q.linked, qs[prev].linked = prev, i
			}
			prev = i
			continue
		}
		if q.partial {
			continue
		}
		if prev >= 0 && qs[prev].hasSpeaker() {
			p := &qs[prev]
			breaks := at.paragraphBreaks(p.close, q.open)
			switch {
			case breaks == 0 && p.cue > p.close && p.cue < q.open:
				q.linked, p.linked = prev, i
				q.cue, q.cueEnd = p.cue, p.cueEnd
			case breaks == 0 || breaks == 1 && at.toks[q.open].NewlineBefore && !at.isHeading(q):
				q.continuation = true
			}
			if q.linked >= 0 || q.continuation {
				q.speaker, q.speakerDesc, q.anonymous = p.speaker, p.speakerDesc, p.anonymous
				prev = i
				continue
			}
		}
		if c := at.reportedSpeechBefore(q); c != nil {
			q.continuation = true
			q.speaker, q.speakerDesc, q.anonymous = c.subject.entity, c.subject.desc, c.subject.anonymous
		}
		prev = i
	}
}

// reportedSpeechBefore returns the cue of the last sentence of the
// paragraph before the one q opens, if any.
func (at *attributor) reportedSpeechBefore(q *quote) *cue {
	si := at.sentenceIndex(q.open)
	if si == 0 || si >= len(at.sents) || at.sents[si].First != q.open || !at.toks[q.open].NewlineBefore || at.isHeading(q) {
		return nil
	}
	return at.cueBefore(q.open, at.sents[si-1].First)
}

// isHeading: the quote is a line of its own with no punctuation to end it,
// as a subheading that quotes the article ("'A real conversation'").
func (at *attributor) isHeading(q *quote) bool {
	alone := q.close+1 == len(at.toks) || at.toks[q.close+1].NewlineBefore
	return alone && at.toks[q.open].NewlineBefore && at.toks[q.close-1].Kind != Punct
}

func (q *quote) hasSpeaker() bool { return q.speaker != nil || q.speakerDesc != "" }

// paragraphBreaks counts the line breaks between tokens a and b.
func (at *attributor) paragraphBreaks(a, b int) int {
	n := 0
	for i := a + 1; i <= b && n < 2; i++ {
		if at.toks[i].NewlineBefore {
			n++
		}
	}
	return n
}

// sentenceIndex returns the index of the sentence of token tok: the first
// one before a token before the text, len(sents) past the last one.
func (at *attributor) sentenceIndex(tok int) int {
	switch {
	case tok < 0:
		return 0
	case tok >= len(at.info):
		return len(at.sents)
	}
	return int(at.info[tok].sentence)
}

func (at *attributor) sentenceStart(tok int) int {
	if si := at.sentenceIndex(tok); si < len(at.sents) {
		return at.sents[si].First
	}
	return tok
}

func (at *attributor) sentenceEnd(tok int) int {
	if si := at.sentenceIndex(tok); si < len(at.sents) {
		return at.sents[si].Last
	}
	return tok + 1
}

func (at *attributor) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(at.toks) && at.toks[i].Kind == Punct && at.text[at.toks[i].Start] == c
}

// isChunkBreak: a comma, dash or bracket that sets off an appositive.
func (at *attributor) isChunkBreak(i int) bool {
	t := at.toks[i]
	if t.Kind != Punct {
		return false
	}
	switch at.text[t.Start:t.End] {
	case ",", "—", "–", "--", "(", ")", ";":
		return true
	}
	return false
}

// isAdverb: a lower-case word ending in -ly ("cynically").
func isAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && w[0] >= 'a' && w[0] <= 'z'
}

// isTimeWord: a day between a subject and its verb ("Obama on Friday
// declared").
func (at *attributor) isTimeWord(i int) bool {
	w := at.toks[i].Text(at.text)
	return at.is(i, weekday) || w == "on" && i+1 < len(at.toks) && at.is(i+1, weekday)
}

// isPossessive: "'s", or a lone apostrophe after a plural ("Sanders'").
func isPossessive(text string, t Token) bool {
	switch t.Text(text) {
	case "'s", "’s", "'", "’":
		return !t.SpaceBefore
	}
	return false
}

func endsParticiple(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing") && w[0] >= 'a' && w[0] <= 'z'
}

func isPluralNoun(w string) bool {
	return len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && w[len(w)-2] != 'u' && w[0] >= 'a' && w[0] <= 'z'
}

// descriptionSex reads a source's sex from a word such as spokeswoman.
func descriptionSex(text string, toks []Token) gazetteer.Sex {
	for _, t := range toks {
		if sex, ok := gazetteer.TitleSex(t.Text(text)); ok {
			return sex
		}
	}
	return 0
}

var verbModifiers = setOf("also has have had was is were are will would did does do not never just now then later" +
	" didn't doesn't don't hasn't haven't hadn't wasn't isn't won't wouldn't" +
	" didn’t doesn’t don’t hasn’t haven’t hadn’t wasn’t isn’t won’t wouldn’t" +
	" once first previously recently earlier further again repeatedly reportedly often frequently still simply flatly" +
	" however yesterday today tonight")

// phraseBreakWords end a noun phrase: clause words and prepositions other
// than "of", which stays inside ("the head of the agency").
var phraseBreakWords = setOf("that who whom which whose when where while as because if since although though after before" +
	" and but or nor so than in on at to from with for by about into during without against over under between" +
	" this last next is was are were has have had will would could should can may might must said says told")

var determiners = setOf("a an the one two three several some many other another both its his her their our my")

var leadingConjunctions = setOf("and but so then")

// nonSubjects never name a source on their own.
var nonSubjects = setOf("i we you me us it this that these those there here what which who a an the")

var weekdays = setOf("Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today tonight")

// cueVerbs are the verbs that attribute speech or writing, in every form.
var cueVerbs = newWordSet(strings.Fields(sayingForms + " " + addressingForms))

var pronouns = setOf("he she they it")

// wordClass is a set of the word lists above that a token's text is in.
type wordClass uint16

const (
	verbModifier wordClass = 1 << iota
	phraseBreak
	determiner
	leadingConjunction
	nonSubject
	weekday
	sourceNoun
	cueVerb
	passiveAuxiliary
	pronoun
	// modifiesVerb marks the auxiliaries and adverbs that sit between a
	// subject and its verb ("has also said", "later told"): a word token of
	// verbModifiers or an adverb.
	modifiesVerb
	classKnown // the token's classes have been looked up
)

// wordClasses holds the words of the lists, each with all its classes.
var wordClasses = newClassTable(map[wordClass]wordSet{
	verbModifier: verbModifiers, phraseBreak: phraseBreakWords, determiner: determiners,
	leadingConjunction: leadingConjunctions, nonSubject: nonSubjects, weekday: weekdays,
	sourceNoun: sourceNouns, cueVerb: cueVerbs, passiveAuxiliary: passiveAuxiliaries, pronoun: pronouns,
})

// is reports whether token i's text is in a word list of c. The rules ask
// about the same tokens around each cue and sentence start many times,
// so each token's text is looked up once, in all the lists at a time.
func (at *attributor) is(i int, c wordClass) bool {
	k := at.classes[i]
	if k == 0 {
		k = at.lookUpClasses(i)
	}
	return k&c != 0
}

func (at *attributor) lookUpClasses(i int) wordClass {
	t := &at.toks[i]
	w := at.text[t.Start:t.End]
	k := classKnown
	if wordClasses.hasShapeOf(w) {
		if _, _, slot, found := wordClasses.probe(at.text, t.Start, t.End); found {
			k |= wordClass(wordClasses.words[slot].value)
		}
	}
	if t.Kind == Word && (k&verbModifier != 0 || isAdverb(w)) {
		k |= modifiesVerb
	}
	at.classes[i] = k
	return k
}

// newClassTable maps the words of the lists to their classes.
func newClassTable(lists map[wordClass]wordSet) shortWords {
	t := newShortWords(asWritten, 1024)
	for c, list := range lists {
		for _, w := range list.words() {
			*t.add(w) |= uint16(c)
		}
	}
	return t
}

// Bare forms that are mostly nouns ("a note", "his remarks") are left out.
const sayingForms = "say says said saying add adds added adding ask asks asked asking write writes wrote written" +
	" noted noting explain explains explained explaining continued" +
	" replied replying responded responding answered insist insists insisted insisting" +
	" argue argues argued arguing claimed claiming stated declare declares declared declaring" +
	" recall recalls recalled recalling remarked observed conclude concluded concludes" +
	" contend contended contends assert asserted asserts maintained predict predicted predicts" +
	" complain complained complains joked quipped laughed shouted yelled screamed whispered" +
	" emphasize emphasized emphasizes emphasise emphasised stressed acknowledge acknowledged acknowledges acknowledging" +
	" admit admitted admits admitting concede conceded concedes countered retorted reiterate reiterated reiterates" +
	" repeated exclaimed boasted mused recount recounted recounts suggest suggested suggests suggesting" +
	" warn warned warns tweeted tweeting posted announce announced announces announcing" +
	" confirmed deny denied denies testify testified testifies vowed promised" +
	" lamented cautioned sighed wondered mentioned demanded demands" +
	" reported allege alleged alleges charged proclaim proclaimed"

const addressingForms = "tell tells told telling calls called calling describe describes described describing" +
	" dubbed labeled labelled branded urge urges urged urging assured assures" +
	" reminded reminds informed informs advised"

// setOf builds a word set; each word also matches with a capital first
// letter, as it does at the start of a sentence.
func setOf(words string) wordSet {
	var all []string
	for _, w := range strings.Fields(words) {
		all = append(all, w)
		if w[0] >= 'a' && w[0] <= 'z' {
			all = append(all, string(w[0]-'a'+'A')+w[1:])
		}
	}
	return newWordSet(all)
}

// wordSet is a set of words. The stages test small sets for many words
// (the entities stage for the words in and around names, the issues stage
// for the words around terms), most of them absent: placing a word by its
// length and end letters in a table at most a quarter full costs less than
// hashing it for a map, and an absent word usually meets an empty slot at
// once.
type wordSet struct {
	slots []string // "" marks an empty slot
	shift uint     // 32 - log2(len(slots))
}

func newWordSet(words []string) wordSet {
	size := uint(bits.Len(uint(4 * len(words))))
	s := wordSet{slots: make([]string, 1<<size), shift: 32 - size}
	for _, w := range words {
		i := s.slot(len(w), w[0], w[len(w)-1])
		for s.slots[i] != "" && s.slots[i] != w {
			i = (i + 1) & (len(s.slots) - 1)
		}
		s.slots[i] = w
	}
	return s
}

// slot is where the probe for a word of n bytes from first to last starts.
func (s wordSet) slot(n int, first, last byte) int {
	h := uint32(n)<<16 ^ uint32(first)<<8 ^ uint32(last)
	return int(h * 0x9e3779b1 >> s.shift)
}

func (s wordSet) has(w string) bool { return s.index(w) >= 0 }

// index returns the slot of w, or -1 if the set lacks it.
func (s wordSet) index(w string) int {
	if w == "" {
		return -1
	}
	for i := s.slot(len(w), w[0], w[len(w)-1]); ; i = (i + 1) & (len(s.slots) - 1) {
		switch s.slots[i] {
		case "":
			return -1
		case w:
			return i
		}
	}
}

// words returns the words of the set.
func (s wordSet) words() []string {
	var words []string
	for _, w := range s.slots {
		if w != "" {
			words = append(words, w)
		}
	}
	return words
}
