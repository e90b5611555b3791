package annotate

import (
	"strings"

	"lede/annotate/gazetteer"
)

// Referents: what the phrase a subject search found refers to. The last
// person it names (not a possessor), else an organization; a name the
// recognizer missed ("Qin" for Qin Gang); a person whose role or whose
// earlier apposition the phrase repeats ("the minister", "the
// spokeswoman"); the author of a text ("a letter from Smith"); else the
// phrase itself as a description, anonymous when it describes a person
// ("a senior official", "officials at the agency").

// unrecognisedPerson returns the person that a phrase of capitalised words
// the recognizer left out refers to ("Qin" for Qin Gang), if only one fits.
func (at *attributor) unrecognisedPerson(s, e int) *entity {
	var found *entity
	for i := s; i < e; i++ {
		if at.is(i, determiner|phraseBreak) {
			return nil // no title: "the", "a", "his" (a quick answer from the word classes)
		}
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
// nil if none or several do.
func (at *attributor) onlyPersonNamed(w string) *entity {
	return at.onlyNamed(Person, &at.personByWord, w)
}

// onlyNamed returns the one entity of type typ whose name holds the word w,
// or nil if none or several do. Names are words joined by single spaces
// (see groupPeople). An article's few entities are scanned; a long block's
// many are indexed by word once, in *index, or the scans would grow with
// the square of its length.
func (at *attributor) onlyNamed(typ EntityType, index *map[string]*entity, w string) *entity {
	if len(at.entities) > maxScannedEntities {
		if *index == nil {
			*index = at.indexByWord(typ)
		}
		return (*index)[w]
	}
	var found *entity
	for _, e := range at.entities {
		if e.typ != typ || !containsWord(e.name, w) {
			continue
		}
		if found != nil {
			return nil
		}
		found = e
	}
	return found
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

// maxScannedEntities is the most entities onlyNamed scans.
const maxScannedEntities = 64

// indexByWord maps each word of the name of an entity of type typ to that
// entity, or to nil when several entities' names hold it.
func (at *attributor) indexByWord(typ EntityType) map[string]*entity {
	index := make(map[string]*entity, 2*len(at.entities))
	for _, e := range at.entities {
		if e.typ != typ {
			continue
		}
		for name := e.name; name != ""; {
			w, rest, _ := strings.Cut(name, " ")
			if other, seen := index[w]; seen && other != e {
				index[w] = nil
			} else {
				index[w] = e
			}
			name = rest
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

// organizationByHead returns the one organization whose name holds the head
// noun of the phrase "the <noun>", capitalised ("the department" for the
// Department for Transport; "the council" for Ryde Town Council), or nil if
// none or several do. A person's noun is left to personByRole.
func (at *attributor) organizationByHead(s, e int) *entity {
	if e-s != 2 || at.toks[s].Text(at.text) != "the" && at.toks[s].Text(at.text) != "The" {
		return nil
	}
	head, common := at.commonNoun(e - 1)
	if !common || len(head) < 4 || head[0] < 'a' || head[0] > 'z' || isPersonNoun(head) {
		return nil
	}
	return at.onlyNamed(Organization, &at.organizationByWord, string(head[0]-'a'+'A')+head[1:])
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

// attachesToPerson: token i is a preposition that ties what follows to
// the description of a person or a text before it, which begins no
// earlier than lo: "a spokeswoman for the agency", "officials at Homeland
// Security Investigations", "a lawyer for Smith", "a statement from the
// ministry".
func (at *attributor) attachesToPerson(i, lo int) bool {
	if i <= lo || i+1 >= len(at.toks) || at.info[i-1].name != 0 {
		return false
	}
	prep := at.toks[i].Text(at.text)
	switch prep {
	case "for", "at", "with", "from", "on", "by":
	default:
		return false
	}
	head, ok := at.commonNoun(i - 1)
	if !ok || at.toks[i+1].Kind != Word || at.is(i+1, pronoun|cueVerb) {
		return false
	}
	switch prep {
	case "for", "at", "with":
		return isPersonNoun(head)
	case "from":
		return isPersonNoun(head) || documentNouns.has(head)
	}
	// "a document on the campaign's website", "a letter by …", "a
	// complaint filed by the SEC".
	if documentNouns.has(head) {
		return true
	}
	before, ok := at.commonNoun(i - 2)
	return i-2 >= lo && ok && strings.HasSuffix(head, "ed") && documentNouns.has(before)
}

// commonNoun returns the text of token i and whether it may be a common
// noun: in lower case, or capitalised only because it opens its sentence
// ("Officials at the agency said"). The word lists hold both forms.
func (at *attributor) commonNoun(i int) (string, bool) {
	if i < 0 {
		return "", false
	}
	w := at.toks[i].Text(at.text)
	return w, hasLowerHead(w) || w != "" && w[0] >= 'A' && w[0] <= 'Z' && at.sentenceStart(i) == i && at.info[i].name == 0
}

// authorAfter returns the person or organization named right after "from"
// or "by" following the head of a text's description, or nil.
func (at *attributor) authorAfter(head, e int) *entity {
	i := head + 1
	if i+1 < e && strings.HasSuffix(at.toks[i].Text(at.text), "ed") {
		i++ // "filed by", "signed by"
	}
	if i+1 >= e {
		return nil
	}
	if w := at.toks[i].Text(at.text); w != "from" && w != "by" {
		return nil
	}
	i++
	if at.is(i, determiner) && i+1 < e {
		i++
	}
	if ni := at.info[i].name; ni > 0 && at.names[ni-1].Type != Place {
		return at.entityNamed(ni - 1)
	}
	return nil
}

// descriptionHead returns the head of the phrase [s, e): the person noun
// before a preposition that ties the rest to it ("a lawyer for Smith"),
// else its last token.
func (at *attributor) descriptionHead(s, e int) int {
	for i := s + 1; i < e-1; i++ {
		// Inside a phrase (see phraseEnd) only a preposition that attaches
		// to a person or a text is a phrase break outside a name.
		if at.info[i].name == 0 && at.is(i, phraseBreak) && at.attachesToPerson(i, s) {
			if w, _ := at.commonNoun(i - 1); !documentNouns.has(w) && i-2 >= s && documentNouns.has(at.toks[i-2].Text(at.text)) {
				return i - 2 // "a complaint filed by"
			}
			return i - 1
		}
	}
	return e - 1
}

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
	var best, possessor *entity
	bestRank := 0
	head := at.descriptionHead(s, e)
	for i := s; i <= head; i++ {
		ni := at.info[i].name
		if ni == 0 {
			continue
		}
		n := at.names[ni-1]
		i = n.Last - 1
		if n.Last < len(at.toks) && n.Last < e && isPossessive(at.text, at.toks[n.Last]) {
			if n.Type != Place && at.entityOf[ni-1] > 0 {
				possessor = at.entityNamed(ni - 1)
			}
			continue
		}
		if rank := speakerRank[n.Type]; rank >= bestRank && at.entityOf[ni-1] > 0 {
			best, bestRank = at.entityNamed(ni-1), rank
		}
	}
	last := at.toks[head].Text(at.text)
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
	if p := at.describedAs(s, e); p != nil {
		return referent{entity: p, sex: p.sex}
	}
	if o := at.organizationByHead(s, e); o != nil {
		return referent{entity: o, plural: true}
	}
	noun, common := at.commonNoun(head)
	if common && documentNouns.has(noun) {
		// A text speaks for its author: "Smith's statement said", "a
		// letter from Smith".
		if author := at.authorAfter(head, e); author != nil {
			possessor = author
		}
		if possessor != nil {
			return referent{entity: possessor, sex: possessor.sex, plural: possessor.typ == Organization}
		}
	}
	desc := at.text[at.toks[s].Start:at.toks[e-1].End]
	// A description is anonymous when it describes a person and names
	// none: "a senior US official", "a Clinton campaign spokesman"; not
	// "a message" or "the campaign".
	sex, headTitle := at.descriptionTitles(s, e, head)
	return referent{desc: desc, anonymous: common && (headTitle || isPersonWord(noun)),
		sex: sex, plural: isPluralNoun(last)}
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

// appositiveName returns the person named in apposition to the
// description [s, e) of a person: "a spokeswoman, Lin Xiaoqing,"; "His
// former business partner at Lenox, Lawrence B. Cummings,". Else nil.
func (at *attributor) appositiveName(s, e int) *entity {
	if e <= s || e+1 >= len(at.toks) || !at.isPunct(e, ',') || !at.startsWithPerson(e+1) || at.is(e+1, pronoun) {
		return nil
	}
	head, common := at.commonNoun(at.descriptionHead(s, e))
	if !common || !isPersonNoun(head) {
		return nil
	}
	end := at.phraseEnd(e + 1)
	if end < len(at.toks) && !at.isChunkBreak(end) && !at.is(end, cueVerb) {
		return nil
	}
	p := at.personIn(e+1, end)
	if p != nil {
		at.noteDescribed(head, p)
	}
	return p
}

// describedPerson is a person named in apposition to a description with
// the head noun head.
type describedPerson struct {
	head   string
	person *entity
}

// noteAppositive notes the description in apposition after the name of p
// that ends at e: "Jennifer Rodstrom, a spokeswoman for the agency,".
func (at *attributor) noteAppositive(p *entity, e int) {
	if e+2 >= len(at.toks) || !at.isPunct(e, ',') || !at.is(e+1, determiner) {
		return
	}
	end := at.phraseEnd(e + 1)
	if end < len(at.toks) && !at.isChunkBreak(end) && !at.is(end, cueVerb) {
		return
	}
	if head := at.toks[at.descriptionHead(e+1, end)].Text(at.text); hasLowerHead(head) && isPersonNoun(head) {
		at.noteDescribed(head, p)
	}
}

// noteDescribed notes that p was named in apposition to a description
// with the head noun head. A long block notes the first few only, so that
// looking them up stays cheap.
func (at *attributor) noteDescribed(head string, p *entity) {
	if len(at.described) < maxScannedEntities {
		at.described = append(at.described, describedPerson{head, p})
	}
}

// describedAs returns the one person named earlier in apposition to a
// description with the head of the definite description [s, e) ("the
// spokeswoman", "the agency's spokeswoman"), or nil.
func (at *attributor) describedAs(s, e int) *entity {
	if len(at.described) == 0 || e-s > 3 || !strings.EqualFold(at.toks[s].Text(at.text), "the") {
		return nil
	}
	head := at.toks[e-1].Text(at.text)
	var found *entity
	for _, d := range at.described {
		if d.head != head {
			continue
		}
		if found != nil && found != d.person {
			return nil
		}
		found = d.person
	}
	return found
}

// descriptionTitles reads the titles of the description [s, e), one
// lookup a word: the sex the first to tell one tells ("spokeswoman"), and
// whether its head is a title ("the minister").
func (at *attributor) descriptionTitles(s, e, head int) (sex gazetteer.Sex, headTitle bool) {
	for i := s; i < e; i++ {
		t, ok := gazetteer.PersonTitle(at.toks[i].Text(at.text))
		if !ok {
			continue
		}
		if sex == 0 {
			sex = t.Sex
		}
		headTitle = headTitle || i == head
	}
	return sex, headTitle
}
