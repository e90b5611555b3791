package annotate

import (
	"math/bits"
	"sort"
	"strings"

	"lede/annotate/gazetteer"
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
	nameAt   []int32   // token → name index + 1, 0 outside names
	entityOf []*entity // name index → entity
	inQuote  []bool    // token → inside a quote, marks included
	// sentenceSubjects holds the person each sentence is about (see
	// sentenceSubject), tok -1 for none.
	sentenceSubjects []placedReferent
	// personByWord finds the one person whose name holds a word, for a
	// surname the recognizer missed; nil marks a word two people share.
	personByWord map[string]*entity
	people       []*entity
	cues         []cue
}

// attributeQuotes attributes the quotes and returns them without titles
// that no cue attributes to anyone.
func attributeQuotes(a *analysis, qs []quote) []quote {
	if len(qs) == 0 {
		return qs
	}
	at := newAttributor(a)
	for _, q := range qs {
		for i := q.open; i <= q.close; i++ {
			at.inQuote[i] = true
		}
	}
	at.findCues()
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

func newAttributor(a *analysis) *attributor {
	at := &attributor{text: a.text, toks: a.tokens, sents: a.sentences, names: a.names,
		nameAt: make([]int32, len(a.tokens)), entityOf: make([]*entity, len(a.names)),
		inQuote: make([]bool, len(a.tokens))}
	for i, n := range a.names {
		for t := n.First; t < n.Last; t++ {
			at.nameAt[t] = int32(i + 1)
		}
	}
	at.personByWord = map[string]*entity{}
	for _, e := range a.entities {
		for _, m := range e.mentions {
			if m.First < len(at.nameAt) {
				if i := at.nameAt[m.First]; i > 0 {
					at.entityOf[i-1] = e
				}
			}
		}
		if e.typ != Person {
			continue
		}
		at.people = append(at.people, e)
		for _, w := range strings.Fields(e.name) {
			if other, seen := at.personByWord[w]; seen && other != e {
				at.personByWord[w] = nil
			} else {
				at.personByWord[w] = e
			}
		}
	}
	return at
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
		p := at.personByWord[w]
		if p == nil || found != nil && found != p {
			return nil
		}
		found = p
	}
	return found
}

// personByRole returns the one person whose role the phrase names ("the
// minister" for Foreign Minister Qin Gang), or nil.
func (at *attributor) personByRole(s, e int) *entity {
	head := at.toks[e-1].Text(at.text)
	if e-s != 2 || at.toks[s].Text(at.text) != "the" && at.toks[s].Text(at.text) != "The" || !gazetteer.IsPersonTitle(head) {
		return nil
	}
	var found *entity
	for _, p := range at.people {
		if !containsWordFold(p.role, head) {
			continue
		}
		if found != nil {
			return nil
		}
		found = p
	}
	return found
}

// containsWordFold reports whether the words of s include w, in any case.
func containsWordFold(s, w string) bool {
	for s != "" {
		var word string
		word, s, _ = strings.Cut(s, " ")
		if strings.EqualFold(word, w) {
			return true
		}
	}
	return false
}

// findCues lists every cue outside the quotes, in text order, resolving
// subjects as it goes so that a pronoun can refer back to an earlier speaker
// or to the person an earlier sentence is about.
func (at *attributor) findCues() {
	var recent []placedReferent
	at.sentenceSubjects = make([]placedReferent, len(at.sents))
	for si, s := range at.sents {
		subject := placedReferent{tok: -1}
		if r, tok, ok := at.sentenceSubject(si); ok {
			subject = placedReferent{tok, r}
		} else if p := at.leadingPronoun(s); p >= 0 {
			subject = placedReferent{p, at.resolvePronounAt(p, recent)}
		}
		if subject.tok >= 0 && subject.r.found() {
			recent = append(recent, subject)
			at.sentenceSubjects[si] = subject
		} else {
			at.sentenceSubjects[si].tok = -1
		}
		for i := s.First; i < s.Last; i++ {
			if at.inQuote[i] {
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
				recent = append(recent, placedReferent{i, c.subject})
			}
			at.cues = append(at.cues, c)
			i = end - 1
		}
	}
}

type placedReferent struct {
	tok int
	r   referent
}

// cueAt returns the kind and token end of a cue starting at token i;
// initial says whether the token opens its sentence, the one place a cue
// word is capitalised (Said Ellis: "…"; According to …).
func (at *attributor) cueAt(i int, initial bool) (cueKind, int) {
	t := &at.toks[i]
	if t.Kind == Punct && at.isByline(i) {
		return according, i + 1
	}
	w := at.text[t.Start:t.End]
	if t.Kind != Word || len(w) < 3 || len(w) > maxCueWord || !initial && (w[0] < 'a' || w[0] > 'z') || !cueShapes.has(w) {
		return 0, 0 // most tokens
	}
	return at.cueWordAt(i, w)
}

// cueWordAt is cueAt for a word w that has the shape of a cue word.
func (at *attributor) cueWordAt(i int, w string) (cueKind, int) {
	var lower [maxCueWord]byte
	for k := 0; k < len(w); k++ {
		lower[k] = w[k] | 0x20 // ASCII letters to lower case; other bytes never match
	}
	next := ""
	if i+1 < len(at.toks) {
		next = at.toks[i+1].Text(at.text)
	}
	word := string(lower[:len(w)])
	switch {
	case word == "according":
		if next == "to" {
			return according, i + 2
		}
		return 0, 0
	case word == "put" && next == "it", word == "pointed" && next == "out", word == "went" && next == "on": // as Smith put it
		return saying, i + 2
	}
	kind := cueKindOf(word)
	// "continued to campaign", "added to the debt": not speech; nor is the
	// passive "was told", whose subject is the listener.
	if kind == 0 || next == "to" && notSpeechBeforeTo.has(w) || at.isPassive(i) {
		return 0, 0
	}
	return kind, i + 1
}

// maxCueWord is the length of the longest cue word ("acknowledging").
const maxCueWord = 16

// cueShapes rules out most words as cues without a map lookup: it holds
// the length, first and last letter of every cue word.
var cueShapes = func() (s wordShapes) {
	for _, w := range strings.Fields(sayingForms + " " + addressingForms + " according put pointed went") {
		s.add(w)
	}
	return s
}()

// wordShapes is a set of (length, first letter, last letter) of lower-case
// words, read in any case.
type wordShapes [maxCueWord + 1][26]uint32

func (s *wordShapes) add(w string) { s[len(w)][w[0]-'a'] |= 1 << (w[len(w)-1] - 'a') }

// has reports whether some word of the set has the shape of w, which is
// 1 to maxCueWord bytes long. A capital reads as its small letter; a byte
// that is not a letter matches nothing.
func (s *wordShapes) has(w string) bool {
	first, last := w[0]|0x20, w[len(w)-1]|0x20
	return 'a' <= first && first <= 'z' && 'a' <= last && last <= 'z' && s[len(w)][first-'a']&(1<<(last-'a')) != 0
}

// isPassive: the verb at i follows a form of "be" (was told, is called).
func (at *attributor) isPassive(i int) bool {
	if strings.HasSuffix(at.toks[i].Text(at.text), "ing") {
		return false // the progressive "is saying"
	}
	j := i - 1
	for j >= 0 && at.isVerbModifier(j) && !passiveAuxiliaries.has(at.toks[j].Text(at.text)) {
		j--
	}
	return j >= 0 && passiveAuxiliaries.has(at.toks[j].Text(at.text))
}

var notSpeechBeforeTo = setOf("continue continues continued add adds added adding ask asks asked promised vowed claimed claiming")

var passiveAuxiliaries = setOf("be is was were are been being")

// isByline: a dash after a closing quote mark, followed by a name that ends
// the paragraph, signs the quote: “…” ― Jane Doe.
func (at *attributor) isByline(i int) bool {
	switch at.toks[i].Text(at.text) {
	case "―", "—", "–", "-", "--":
	default:
		return false
	}
	if i == 0 || !at.inQuote[i-1] || i+1 >= len(at.toks) || at.toks[i+1].NewlineBefore {
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
	return r, r.found() && determiners.has(at.toks[c].Text(at.text))
}

// nextToSubject: a name or pronoun comes right before the verb at tok
// (footage of Hillary Clinton asking, "…").
func (at *attributor) nextToSubject(tok int) bool {
	j := tok - 1
	for j >= 0 && at.isVerbModifier(j) {
		j--
	}
	return j >= 0 && (at.nameAt[j] > 0 || at.pronounAt(j))
}

// clauseSubject is the subject of the clause a participle hangs from
// ("Trump attacked Clinton, saying …"): the first phrase of the sentence
// that names someone, skipping introductory phrases ("In a statement,").
func (at *attributor) clauseSubject(tok int) referent {
	for c := max(at.sentenceStart(tok), tok-maxClauseSpan); c < tok; c++ {
		if at.inQuote[c] {
			continue
		}
		if r, ok := at.leadingSubject(c); ok {
			return r
		}
		for c < tok && !at.isChunkBreak(c) && !at.inQuote[c] {
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
	if j < 0 || at.inQuote[j] || at.toks[j].Kind == QuoteMark || at.sentenceStart(tok) == tok {
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
	for j >= lo && (at.isVerbModifier(j) || at.isTimeWord(j)) {
		j--
	}
	if j < lo || at.inQuote[j] || at.toks[j].Kind == QuoteMark {
		return referent{}
	}
	if w := at.toks[j].Text(at.text); leadingConjunctions.has(w) || w == "to" {
		return at.clauseSubject(v) // X bemoaned the unrest and said …; X was prompted to say
	} else if phraseBreakWords.has(w) || at.pronounAt(j) {
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
		if k >= lo && !at.isChunkBreak(k) && !at.inQuote[k] {
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
		if k >= lo && at.inQuote[k] {
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
		w := prev.Text(at.text)
		if at.nameAt[s-1] == 0 && (phraseBreakWords.has(w) || cueVerbs.has(w)) {
			break
		}
		s--
		if determiners.has(w) {
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
		if at.nameAt[e] == 0 && (phraseBreakWords.has(w) || cueVerbs.has(w) || weekdays.has(w)) {
			break // (but "Will Doyle" is a name)
		}
		if e > s && (endsParticiple(w) || at.isVerbModifier(e) || at.endsActorName(e-1) && hasLowerHead(w) && !sourceNouns.has(w) && !gazetteer.IsPersonTitle(w)) {
			break // "Gingrich cynically dismissed", "the Security Council issued"
		}
		e++
	}
	return e
}

// endsActorName: token i is the last word of the name of a person or an
// organization. (Place names modify the words after them: "a US official".)
func (at *attributor) endsActorName(i int) bool {
	ni := at.nameAt[i]
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
	for s < e && leadingConjunctions.has(at.toks[s].Text(at.text)) {
		s++
	}
	if s >= e {
		return referent{}
	}
	if e == s+1 && at.pronounAt(s) {
		return referent{}
	}
	var best *entity
	bestRank := 0
	namesPerson := false
	for i := s; i < e; i++ {
		ni := at.nameAt[i]
		if ni == 0 {
			continue
		}
		n := at.names[ni-1]
		i = n.Last - 1
		namesPerson = namesPerson || n.Type == Person
		if n.Last < len(at.toks) && n.Last < e && isPossessive(at.text, at.toks[n.Last]) {
			continue
		}
		if rank := speakerRank[n.Type]; rank >= bestRank && at.entityOf[ni-1] != nil {
			best, bestRank = at.entityOf[ni-1], rank
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
		if ni := at.nameAt[i]; ni > 0 && at.names[ni-1].Type == Person && at.entityOf[ni-1] != nil {
			p = at.entityOf[ni-1]
		}
	}
	return p
}

// speakerRank prefers people over organizations over places as speakers.
var speakerRank = map[EntityType]int{Place: 1, Organization: 2, Person: 3}

func hasLowerHead(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }

func (at *attributor) onlyFunctionWords(s, e int) bool {
	for i := s; i < e; i++ {
		if !nonSubjects.has(at.toks[i].Text(at.text)) {
			return false
		}
	}
	return true
}

// startsWithPerson: the chunk at s opens with a person's name (perhaps
// after a title) or a personal pronoun.
func (at *attributor) startsWithPerson(s int) bool {
	for i := s; i < len(at.toks) && i < s+2; i++ {
		if leadingConjunctions.has(at.toks[i].Text(at.text)) {
			continue
		}
		if at.pronounAt(i) {
			return true
		}
		if ni := at.nameAt[i]; ni > 0 && at.names[ni-1].Type == Person {
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
	for first < at.sents[si].Last && leadingConjunctions.has(at.toks[first].Text(at.text)) {
		first++
	}
	last := at.sents[si].Last
	if first < last && phraseBreakWords.has(at.toks[first].Text(at.text)) {
		// Past an opening phrase: "In an August speech, Trump attacked …".
		for i := first; i < last && i < first+maxPhraseLen; i++ {
			if at.isChunkBreak(i) {
				first = i + 1
				break
			}
		}
	}
	if first == last || at.inQuote[first] {
		return referent{}, 0, false
	}
	if e := at.personIn(first, at.phraseEnd(first)); e != nil {
		return referent{entity: e, sex: e.sex}, first, true
	}
	// Else a person named in its first words: "On Friday, Trump said …".
	for i := first; i < last && i < first+4 && !at.inQuote[i]; i++ {
		if ni := at.nameAt[i]; ni > 0 && at.names[ni-1].Type == Person && at.entityOf[ni-1] != nil {
			e := at.entityOf[ni-1]
			return referent{entity: e, sex: e.sex}, i, true
		}
	}
	return referent{}, 0, false
}

// leadingPronoun returns the pronoun that opens a sentence ("He added
// that …", "But she called it …"), or -1.
func (at *attributor) leadingPronoun(s Sentence) int {
	i := s.First
	for i < s.Last && leadingConjunctions.has(at.toks[i].Text(at.text)) {
		i++
	}
	if i < s.Last && at.pronounAt(i) {
		return i
	}
	return -1
}

// resolvePronounAt finds what the pronoun at p refers to: the most recent
// earlier speaker or sentence subject of the same gender and number.
func (at *attributor) resolvePronounAt(p int, recent []placedReferent) referent {
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
		r := recent[k].r
		if recent[k].tok >= tok {
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

// pronounSubject returns the token of the pronoun that is the cue's
// subject (he said / said he), or -1.
func (at *attributor) pronounSubject(tok, end int, kind cueKind) int {
	if kind == saying && at.followsQuote(tok) && at.pronounAt(end) {
		return end
	}
	j := tok - 1
	for j >= 0 && at.isVerbModifier(j) {
		j--
	}
	if j >= 0 && at.pronounAt(j) {
		return j
	}
	return -1
}

func (at *attributor) pronounAt(i int) bool {
	if i < 0 || i >= len(at.toks) {
		return false
	}
	switch at.toks[i].Text(at.text) {
	case "he", "He", "she", "She", "they", "They", "it", "It":
		return true
	}
	return false
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
	for lo := max(at.sentenceStart(colon), colon-maxSubjectSpan); c > lo && !at.isChunkBreak(c-1) && !at.inQuote[c-1]; {
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
		if at.inQuote[i] || at.startsClause(i) {
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
	return t.Kind == Word && !cueVerbs.has(t.Text(at.text))
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

func (at *attributor) sentenceIndex(tok int) int {
	return sort.Search(len(at.sents), func(k int) bool { return at.sents[k].Last > tok })
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

// isVerbModifier: auxiliaries and adverbs that sit between a subject and
// its verb ("has also said", "later told").
func (at *attributor) isVerbModifier(i int) bool {
	t := at.toks[i]
	if t.Kind != Word {
		return false
	}
	w := t.Text(at.text)
	return verbModifiers.has(w) || len(w) > 4 && strings.HasSuffix(w, "ly") && w[0] >= 'a' && w[0] <= 'z'
}

// isTimeWord: a day between a subject and its verb ("Obama on Friday
// declared").
func (at *attributor) isTimeWord(i int) bool {
	w := at.toks[i].Text(at.text)
	return weekdays.has(w) || w == "on" && i+1 < len(at.toks) && weekdays.has(at.toks[i+1].Text(at.text))
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
var (
	cueVerbs        = newWordSet(strings.Fields(sayingForms + " " + addressingForms))
	addressingVerbs = newWordSet(strings.Fields(addressingForms))
)

// cueKindOf returns the kind of cue a verb form is, 0 for none.
func cueKindOf(w string) cueKind {
	switch {
	case addressingVerbs.has(w):
		return addressing
	case cueVerbs.has(w):
		return saying
	}
	return 0
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

// wordSet is a set of words. The attribution rules test several sets for
// nearly every word around a quote or a cue (and the issues stage for the
// words around terms), most of them absent: placing
// a word by its length and end letters in a table at most a quarter full
// costs less than hashing it for a map, and an absent word usually meets
// an empty slot at once.
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

func (s wordSet) has(w string) bool {
	if w == "" {
		return false
	}
	for i := s.slot(len(w), w[0], w[len(w)-1]); ; i = (i + 1) & (len(s.slots) - 1) {
		switch s.slots[i] {
		case "":
			return false
		case w:
			return true
		}
	}
}
