package annotate

import (
	"strings"

	"lede/annotate/gazetteer"
)

// Subjects: where the subject of a cue, or of a sentence, is. The phrase
// before or after a cue verb, across an appositive or from the clause a
// participle hangs from (referents.go says what it refers to); the person
// a sentence opens with; and the earlier subject a pronoun refers to, the
// nearest one of a compatible sex and number.

// referent is whoever a cue's subject refers to.
type referent struct {
	entity    *entity
	desc      string // when no recognised name covers the subject
	anonymous bool
	sex       gazetteer.Sex // zero when unknown
	plural    bool
	// pronoun: found by resolving a pronoun (resolvePronounAt), which
	// the speaker's confidence weighs (speakerconfidence.go).
	pronoun bool
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

// subjectOf finds the phrase a cue attributes to; a pronoun comes back as no
// referent, for findCues to resolve (see pronounSubject).
func (at *attributor) subjectOf(tok, end int, kind cueKind) referent {
	if kind == according {
		return at.subjectAfter(end)
	}
	participle := strings.HasSuffix(at.toks[tok].Text(at.text), "ing")
	if kind == saying && !participle && end == tok+1 && at.followsQuote(tok) { // not "as X put it"
		if r := at.subjectAfter(tok + 1); r.found() || at.pronounAt(tok+1) {
			return r
		}
	}
	if participle && !at.nextToSubject(tok) {
		return at.clauseSubject(tok)
	}
	return at.subjectBefore(tok)
}

// subjectAfter is the referent of the phrase that starts at s, after its
// verb ("…," said its president) or after "according to": a description of
// a person with the name in apposition is that person ("said its president,
// Helena Costa, adding …").
func (at *attributor) subjectAfter(s int) referent {
	e := at.phraseEnd(s)
	r := at.phraseReferent(s, e)
	if r.entity == nil && r.found() {
		if p := at.appositiveName(s, e); p != nil {
			return referent{entity: p, sex: p.sex}
		}
	}
	return r
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
		if start+1 < end && at.isAs(start) {
			start++ // "As Steven Rosenthal, a tax lawyer, put it"
		}
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
		if at.info[s-1].name == 0 && at.is(s-1, phraseBreak|cueVerb) && !at.attachesToPerson(s-1, lo) {
			break
		}
		s--
		if at.is(s, determiner) {
			if s-1 > lo && at.attachesToPerson(s-1, lo) {
				s-- // "officials at | the Border Agency"
				continue
			}
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
		if at.info[e].name == 0 && at.is(e, phraseBreak|cueVerb|weekday) && !(e > s && at.attachesToPerson(e, s)) {
			break // (but "Will Doyle" is a name; "a spokeswoman for the agency" goes on)
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
		if at.is(i, leadingConjunction) || i == s && at.isAs(i) {
			continue // and X; as X put it
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
	first, last := at.subjectStart(si), at.sents[si].Last
	if first == last || at.info[first].inQuote {
		return referent{}, 0, false
	}
	end := at.phraseEnd(first)
	if e := at.personIn(first, end); e != nil {
		at.noteAppositive(e, end)
		return referent{entity: e, sex: e.sex}, first, true
	}
	// A description with the name in apposition: "A Foreign Ministry
	// spokeswoman, Lin Xiaoqing, accused …".
	if e := at.appositiveName(first, end); e != nil {
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

// subjectStart returns where the subject of sentence si may start: past
// a leading conjunction and an opening phrase ("In an August speech,
// Trump attacked …").
func (at *attributor) subjectStart(si int) int {
	first, last := at.sents[si].First, at.sents[si].Last
	for first < last && at.is(first, leadingConjunction) {
		first++
	}
	if first < last && at.is(first, phraseBreak) {
		for i := first; i < last && i < first+maxPhraseLen; i++ {
			if at.isChunkBreak(i) {
				// A comma inside a title's marks: 'On "Face the Nation," Sanders …'.
				for i+1 < last && at.toks[i+1].Kind == QuoteMark && !at.toks[i+1].SpaceBefore {
					i++
				}
				return i + 1
			}
		}
	}
	return first
}

// isAs: token i is "as", which opens a comparative clause ("as Smith put
// it") before its subject.
func (at *attributor) isAs(i int) bool {
	w := at.toks[i].Text(at.text)
	return w == "as" || w == "As"
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
		return resolved(at.preferNamedInWindow(p, want, r, placed.tok))
	}
	return resolved(at.preferNamedInWindow(p, want, referent{}, -1))
}

// resolved marks a referent a pronoun was resolved to.
func resolved(r referent) referent {
	r.pronoun = r.found()
	return r
}

// preferNamedInWindow checks the subject r found at tok for a he or she at
// p against the people named in p's sentence and the one before: when r
// is older than that, the nearest person named there whose sex is the
// pronoun's is the better antecedent ("Peter Brandt met
// Emma Lutz. "…," she said.").
func (at *attributor) preferNamedInWindow(p int, want gazetteer.Sex, r referent, tok int) referent {
	if want == 0 {
		return r
	}
	lo := at.windowStart(p)
	if r.found() && tok >= lo {
		return r
	}
	lo = max(lo, p-maxClauseSpan) // bounded, however long the sentences
	for i := p - 1; i >= lo; i-- {
		ni := at.info[i].name
		if ni == 0 || at.info[i].inQuote || at.names[ni-1].Type != Person {
			continue
		}
		if e := at.entityNamed(ni - 1); e != nil && e.sex == want {
			return referent{entity: e, sex: e.sex}
		}
	}
	return r
}

// windowStart is the first token of the sentence before p's.
func (at *attributor) windowStart(p int) int {
	si := at.sentenceIndex(p)
	if si > 0 {
		si--
	}
	if si < len(at.sents) {
		return at.sents[si].First
	}
	return p
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
