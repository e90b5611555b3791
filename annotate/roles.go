package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Roles: finds the short phrase an article uses to say who a person is, the
// last step of the entities stage, run on the settled groups (giveRoles).
// News gives it in three places: as a title before the name ("US Secretary
// of State Antony Blinken", "coach Mia Lund"), as a description set off by a
// comma before the name ("China's top diplomat, Wang Yi,") and as an
// appositive after it ("Matthew Miller, a State Department spokesman,";
// "Tom Hale, his lawyer,"; "Ana Ruiz, a spokeswoman for the agency who ...").
//
// A role is a noun phrase: an optional determiner (an article, dropped, or a
// possessive: "his", "the agency's"), modifiers, a head that names an office
// or an occupation (a title from the gazetteer or one of roleHeads), and
// after the head an optional complement ("of Sweden", "at the University of
// Arizona") that runs to the end of the appositive. The phrase must end the
// appositive (a comma, a full stop, a relative pronoun), so a clause never
// becomes a role and "said" never ends one.

// maxRoleTokens keeps roles short phrases rather than clauses.
const maxRoleTokens = 8

// maxComplementTokens bounds the complement after a role's head.
const maxComplementTokens = 10

// roleModifiers are lower-case words that can precede a title within a role
// ("top diplomat", "former foreign minister").
var roleModifiers = newWordSet(strings.Fields("top senior former chief deputy vice acting interim" +
	" foreign prime assistant associate special defense defence finance trade health interior" +
	" justice economy national security presidential longtime veteran first press campaign" +
	" communications policy managing general"))

// maxRoleModifier is the length of the longest role modifier.
const maxRoleModifier = len("communications")

// roleHeads are occupations that head a role without being titles in the
// gazetteer ("his lawyer", "a planetary scientist", "the top seed"). Words
// ending in -ologist, -ician or (from seven letters) -ist are heads too.
var roleHeads = setOf("lawyer attorney barrister solicitor scientist researcher engineer" +
	" pilot passenger elder substitute author co-author head founder co-founder owner partner" +
	" member teacher lecturer dean principal headteacher doctor nurse surgeon midwife" +
	" paramedic firefighter soldier veteran student graduate resident witness farmer trader" +
	" worker driver player striker goalkeeper midfielder defender winger skipper seed champion" +
	" referee umpire jockey rider runner sprinter swimmer cyclist boxer journalist reporter" +
	" photographer columnist presenter host producer writer novelist poet singer actor actress" +
	" investor banker broker entrepreneur boss consultant negotiator mediator administrator" +
	" councillor councilor councilman councilwoman alderman treasurer auditor curator" +
	" architect planner designer historian expert specialist strategist candidate nominee" +
	" activist campaigner organiser organizer advocate priest chaplain bishop ranger warden" +
	" astronaut astronomer official spokesperson coordinator supervisor president")

// verbLikeHeads are role heads that are also verbs ("will head Dole's
// team", "to host Ek"): lower case, they head a role only in an appositive.
var verbLikeHeads = newWordSet(strings.Fields("head host witness advocate partner author co-author pilot referee member worker"))

// roleStarters are the words that can begin the determiner of a role; an
// article is left out of the role, a possessive pronoun kept ("his lawyer").
var (
	roleArticles = setOf("a an the another its their")
	rolePronouns = setOf("his her our my your")
)

// clauseWords are capitalised words that begin sentences without being
// part of a role after them ("Then President Ek", "But coach Lund").
var clauseWords = setOf(clauseWordList)

const clauseWordList = "a an the then but and or so also later earlier meanwhile yesterday" +
	" today tonight now still yet after before as while when if in on at by for with from to" +
	" of last next this that these those there here however instead since until during" +
	" without under over both only even just once among amid despite like unlike says said" +
	" he she it we they i you"

// roleEnders are lower-case words that end a role's complement, and (for
// the relative pronouns) may follow a role: "a scientist who ...".
var (
	relativeWords = setOf(relativeWordList)
	roleBreakers  = setOf(roleBreakerList)
)

const (
	relativeWordList = "who whom whose which that where when"
	roleBreakerList  = "and or but said says told is was are were has had have will would"
)

// roleStops are the lower-case words that end a role's noun phrase:
// clauseWords, relativeWords and roleBreakers in one set, tested first.
var roleStops = newWordSet(strings.Fields(clauseWordList + " " + relativeWordList + " " + roleBreakerList))

// complementWords introduce a role's complement: "minister of", "spokesman
// for", "scientist at".
var complementWords = setOf("of for at with in on")

// isRoleModifierInAnyCase reports whether w in lower case is a role modifier
// ("Former", "FOREIGN").
func isRoleModifierInAnyCase(w string) bool {
	if len(w) > maxRoleModifier {
		return false
	}
	var lower [maxRoleModifier]byte
	return roleModifiers.has(string(appendLower(lower[:0], w)))
}

// isRoleConnector: the word joins the words of a role ("Secretary of
// State") but cannot begin or end one.
func isRoleConnector(w string) bool { return w == "of" || w == "for" }

// calendarWords are capitalised words that precede titles without being part
// of them ("on Monday President Xi said"); "May" is left out as a name too.
var calendarWords = newWordSet(strings.Fields("Monday Tuesday Wednesday Thursday Friday Saturday Sunday" +
	" January February March April June July August September October November December"))

func isArticle(w string) bool { return w == "a" || w == "an" || w == "the" }

// roleReader reads roles in a text whose names are known: nameType is the
// type of the name covering each token, zero outside names.
type roleReader struct {
	*tokenFacts
	nameType []EntityType
}

// giveRoles gives each person among entities the first role the text gives
// any of its mentions; owner is the index in entities of each mention's.
func giveRoles(r roleReader, mentions []mention, owner []int32, entities []entity) {
	for k := range mentions {
		m := &mentions[k]
		if e := &entities[owner[k]]; e.typ == Person && e.role == "" {
			e.role = r.role(m)
		}
	}
}

// role returns the role the text gives the person at m, or "".
func (g roleReader) role(m *mention) string {
	if r := g.roleBefore(m); r != "" {
		return r
	}
	return g.roleAfter(m)
}

// isHeadAt reports whether token i can head a role: a title that is more
// than a courtesy, or an occupation.
func (g roleReader) isHeadAt(i int) bool {
	if g.toks[i].Kind != Word {
		return false
	}
	if g.isTitleAt(i) {
		return !g.isHonorificAt(i)
	}
	return isOccupation(g.word(i))
}

// isOccupation reports whether w (lower case or capitalised) is one of
// roleHeads or ends like an occupation.
func isOccupation(w string) bool {
	if roleHeads.has(w) {
		return true
	}
	if len(w) < 7 || !isLowerASCII(w[1:]) {
		return false
	}
	return strings.HasSuffix(w, "ologist") || strings.HasSuffix(w, "ician") ||
		strings.HasSuffix(w, "ist") && !strings.HasSuffix(w, "list") && !strings.HasSuffix(w, "sist")
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// roleBefore reads the role that ends right before the name, or before the
// comma that sets the name off as an appositive.
func (g roleReader) roleBefore(m *mention) string {
	end := m.first
	// Courtesy titles inside the name span ("the ministry's epidemiologist,
	// Dr. Aisha Nakato,") stand between the comma and the name.
	comma := end
	for comma > 0 && end-comma < 2 && g.isHonorificAt(comma-1) {
		comma--
	}
	if comma > 0 && g.word(comma-1) == "," && g.endsAppositive(m.Last) {
		return g.describedBefore(comma - 1)
	}
	start := end
	// Titles the recognizer left inside the name span ("Mr. Wang") count too.
	for start > 0 && end-start < maxRoleTokens && (start > m.First || g.isRoleToken(start-1)) && !g.toks[start].NewlineBefore {
		start--
	}
	start = g.trimRoleStart(start, end)
	return g.rolePhrase(start, end)
}

// describedBefore reads a description that ends at the comma before a name:
// "Norway's top diplomat, Tomas Ek", "the prime minister of Sweden, Tomas
// Ek", "her coach, Marco Bellandi".
func (g roleReader) describedBefore(comma int) string {
	end := comma
	head := end - 1
	// A complement "of Sweden" runs back to a head before "of".
	for i := end - 1; i >= 0 && end-i <= maxComplementTokens; i-- {
		if head < 0 || !g.isComplementToken(i) || g.toks[i+1].NewlineBefore {
			break
		}
		if complementWords.has(g.word(i)) && i > 0 && g.isHeadAt(i-1) {
			head = i - 1
			break
		}
	}
	if head < 0 || !g.isHeadAt(head) || g.toks[head+1].NewlineBefore && head+1 < end {
		return ""
	}
	start := head
	// Lower-case words that are neither titles nor role modifiers ("the
	// department's chief epidemiologist") belong to the role only when a
	// determiner opens it, since verbs look the same ("He met foreign
	// minister"); firstFree is the rightmost of them.
	free, firstFree, bounded := 0, -1, false
	for start > 0 && end-start < maxRoleTokens+maxComplementTokens && !g.toks[start].NewlineBefore {
		i := start - 1
		w := g.word(i)
		if g.toks[i].Kind != Word || g.nameType[i] == Person || g.isHonorificAt(i) {
			break
		}
		if roleArticles.has(w) {
			bounded = true
			break
		}
		if rolePronouns.has(w) {
			start, bounded = i, true
			break
		}
		if g.startsSentence(i) && clauseWords.has(w) {
			break
		}
		if isPossessiveClitic(w) {
			// The possessor closes the role: "Norway's", "the agency's".
			if p := g.possessorStart(i); p >= 0 {
				start, bounded = p, true
			}
			break
		}
		if !g.isRoleToken(i) {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsLower(r) || free == 2 || roleStops.has(w) {
				break
			}
			if free++; firstFree < 0 {
				firstFree = i
			}
		}
		start = i
		if g.startsSentence(i) {
			bounded = !clauseWords.has(w)
			break
		}
	}
	if free > 0 && !bounded {
		start = firstFree + 1
	}
	for start < head && (isRoleConnector(g.word(start)) || isPossessiveClitic(g.word(start))) {
		start++
	}
	return g.phrase(start, end)
}

// possessorStart returns where the possessor before the clitic at token i
// starts: a name, a run of capitalised words, or a lower-case noun after an
// article ("the agency's"); -1 if there is none.
func (g roleReader) possessorStart(i int) int {
	p := i - 1
	if p < 0 || g.toks[p].Kind != Word || g.nameType[p] == Person {
		return -1
	}
	w := g.word(p)
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case g.nameType[p] != 0:
		for p > 0 && g.nameType[p-1] == g.nameType[p] && !g.toks[p].NewlineBefore {
			p--
		}
		return p
	case unicode.IsUpper(r):
		for p > 0 && !g.startsSentence(p) && g.toks[p-1].Kind == Word && g.isRoleToken(p-1) && !isPossessiveClitic(g.word(p-1)) && isCapitalized(g.word(p-1)) {
			p--
		}
		return p
	case p > 0 && roleArticles.has(g.word(p-1)) && !clauseWords.has(w) && !roleBreakers.has(w):
		return p
	}
	return -1
}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// roleAfter reads an appositive after the name: ", a State Department
// spokesman," or ", the founder of the collapsed Larkspur Capital," ending
// at punctuation, a relative pronoun or the end of the line.
func (g roleReader) roleAfter(m *mention) string {
	i := m.Last
	if i >= len(g.toks) || g.word(i) != "," {
		return ""
	}
	i++
	if i >= len(g.toks) || g.toks[i].NewlineBefore {
		return ""
	}
	start := i
	if w := g.word(i); roleArticles.has(w) {
		start, i = i+1, i+1
	} else if rolePronouns.has(w) {
		i++
	}
	// The noun phrase: modifiers and heads, the role ending with the last head.
	headEnd, free := -1, 0
	j := i
	for ; j < len(g.toks) && j-start < maxRoleTokens && !g.toks[j].NewlineBefore; j++ {
		if g.toks[j].Kind != Word || g.nameType[j] == Person {
			break
		}
		w := g.word(j)
		r, _ := utf8.DecodeRuneInString(w)
		lower := unicode.IsLower(r)
		if lower && roleStops.has(w) || g.isHonorificAt(j) {
			break
		}
		if g.isHeadAt(j) {
			headEnd = j + 1
			continue
		}
		if lower {
			// Not a head: a modifier, a possessive, or a free word.
			if !roleModifiers.has(w) && !isPossessiveClitic(w) {
				if free == 3 {
					break
				}
				free++
			}
			continue
		}
		if !g.isRoleToken(j) {
			break
		}
	}
	if headEnd < 0 {
		return ""
	}
	switch {
	case headEnd < len(g.toks) && complementWords.has(g.word(headEnd)) && !g.toks[headEnd].NewlineBefore:
		if end, ok := g.complementEnd(headEnd + 1); ok {
			return g.phrase(start, end)
		}
		return ""
	case headEnd == j && g.endsRole(j), headEnd < j && isParticiple(g.word(headEnd)):
		return g.phrase(start, headEnd)
	}
	return ""
}

// complementEnd returns where a role's complement that starts at token i
// ends, if it ends the appositive within maxComplementTokens.
func (g roleReader) complementEnd(i int) (int, bool) {
	start := i
	for ; i < len(g.toks) && i-start <= maxComplementTokens; i++ {
		if g.endsRole(i) {
			return i, i > start
		}
		if !g.isComplementToken(i) {
			return 0, false
		}
	}
	return 0, false
}

// isComplementToken reports whether token i can be part of a role's
// complement: words other than people's names, verbs of saying and
// conjunctions outside names.
func (g roleReader) isComplementToken(i int) bool {
	if t := g.toks[i]; t.Kind == QuoteMark && !t.SpaceBefore && i > 0 && strings.HasSuffix(g.word(i-1), "s") {
		return true // a plural's possessive: "a traders' association"
	}
	if g.toks[i].Kind != Word || g.nameType[i] == Person {
		return false
	}
	if g.nameType[i] != 0 {
		return true
	}
	w := g.word(i)
	return !roleBreakers.has(w) && !relativeWords.has(w) && !g.isHonorificAt(i)
}

// endsRole reports whether a role may end before token i: the end of the
// appositive or a relative pronoun ("a scientist who ...").
func (g roleReader) endsRole(i int) bool {
	return g.endsAppositive(i) || relativeWords.has(g.word(i)) && g.toks[i].Kind == Word
}

// isParticiple: a lower-case word ending in -ing or -ed, which may follow a
// role without belonging to it ("a lawyer representing the family").
func isParticiple(w string) bool {
	return len(w) > 4 && isLowerASCII(w) && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed"))
}

// endsAppositive reports whether token i closes an appositive: a comma,
// sentence punctuation, a line break or the end of the text.
func (g roleReader) endsAppositive(i int) bool {
	if i >= len(g.toks) || g.toks[i].NewlineBefore {
		return true
	}
	switch g.word(i) {
	case ",", ".", ";", ":", ")", "—", "–":
		return true
	}
	return false
}

// isRoleToken reports whether token i can be part of a role phrase before a
// name. Names of people, courtesy titles ("Mr.") and given names or
// initials that the recognizer left out of a name end a role.
func (g roleReader) isRoleToken(i int) bool {
	t := g.toks[i]
	if t.Kind != Word || g.nameType[i] == Person {
		return false
	}
	w := g.word(i)
	switch {
	case g.isHonorificAt(i):
		return false
	case g.nameType[i] != 0, g.isTitleAt(i), isPossessiveClitic(w):
		return true
	case roleModifiers.has(w), isRoleConnector(w):
		return true
	case isOccupation(w):
		return !verbLikeHeads.has(w)
	case w == "the":
		return i > 0 && isRoleConnector(g.word(i-1)) // "Secretary of the Treasury"
	}
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || calendarWords.has(w) || w[size:] == "." {
		return false
	}
	if !g.isGivenNameAt(i) {
		return true
	}
	if i+1 < len(g.toks) && g.toks[i+1].Kind == Word && !isCapitalized(g.word(i+1)) {
		return true // a given name is followed by a surname, not "director"
	}
	_, place := g.placeAt(i)
	return place
}

// trimRoleStart drops words that cannot begin a role: connectors,
// possessives, and a capitalised word that only starts the sentence ("Then").
func (g roleReader) trimRoleStart(start, end int) int {
	for start < end {
		w := g.word(start)
		switch {
		case isRoleConnector(w), isPossessiveClitic(w):
		case g.startsSentence(start) && g.nameType[start] == 0 && clauseWords.has(w):
		default:
			return start
		}
		start++
	}
	return start
}

func (g roleReader) startsSentence(i int) bool {
	if i == 0 || g.toks[i].NewlineBefore {
		return true
	}
	switch g.word(i - 1) {
	case ".", "!", "?", "\"", "“", "”", "'", "‘", "’", "(", "—", "–", ":":
		return true
	}
	return false
}

// rolePhrase returns the text of tokens [start, end) as a role if it holds a
// head (a title that is more than a courtesy, or an occupation).
func (g roleReader) rolePhrase(start, end int) string {
	for end > start && isRoleConnector(g.word(end-1)) {
		end--
	}
	for i := start; i < end; i++ {
		if g.isHeadAt(i) && !verbLikeHeads.has(g.word(i)) {
			return g.phrase(start, end)
		}
	}
	return ""
}

// phrase is the text of tokens [start, end), "" when empty.
func (g roleReader) phrase(start, end int) string {
	if start >= end {
		return ""
	}
	return strings.TrimSpace(g.text[g.toks[start].Start:g.toks[end-1].End])
}
