package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Roles: finds the short phrase an article uses to say who a person is, the
// last step of the entities stage, run on the settled groups (giveRoles). News gives it in three places: as a title before the
// name ("US Secretary of State Antony Blinken", "State Department spokesman
// Matthew Miller"), as a description set off by a comma before the name
// ("China's top diplomat, Wang Yi,") and as an appositive after it ("Matthew
// Miller, a State Department spokesman,"). A role must hold a title word
// from the gazetteer and be built only of words that can form one, so verbs
// and ordinary words end it.

// maxRoleTokens keeps roles short phrases rather than clauses.
const maxRoleTokens = 8

// roleModifiers are lower-case words that can precede a title within a role
// ("top diplomat", "former foreign minister").
var roleModifiers = newWordSet(strings.Fields("top senior former chief deputy vice acting interim" +
	" foreign prime assistant associate special defense defence finance trade health interior" +
	" justice economy national security presidential longtime veteran first press campaign" +
	" communications policy managing general"))

// maxRoleModifier is the length of the longest role modifier.
const maxRoleModifier = len("communications")

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

// roleBefore reads the role that ends right before the name, or before the
// comma that sets the name off as an appositive.
func (g roleReader) roleBefore(m *mention) string {
	end := m.first
	appositive := end > 0 && g.word(end-1) == "," && g.endsAppositive(m.Last)
	if appositive {
		end--
	}
	start := end
	// Titles the recognizer left inside the name span ("Mr. Wang") count too.
	for start > 0 && end-start < maxRoleTokens && (start > m.First || g.isRoleToken(start-1)) && !g.toks[start].NewlineBefore {
		start--
	}
	start = g.trimRoleStart(start, end)
	if appositive && (start == end || !g.isTitleAt(end-1)) {
		return "" // "In Beijing, Blinken said": no description before the comma
	}
	return g.rolePhrase(start, end)
}

// roleAfter reads an appositive after the name: ", a State Department
// spokesman," ending at punctuation or the end of the line.
func (g roleReader) roleAfter(m *mention) string {
	i := m.Last
	if i >= len(g.toks) || g.word(i) != "," {
		return ""
	}
	i++
	if i < len(g.toks) && isArticle(g.word(i)) {
		i++
	}
	start, end := i, i
	for end < len(g.toks) && end-start < maxRoleTokens && g.isRoleToken(end) && !g.toks[end].NewlineBefore {
		end++
	}
	if end == start || !g.endsAppositive(end) {
		return ""
	}
	// The role ends with its last title, unless "of Ruritania" or "for the
	// Foreign Office" follows it.
	lastTitle := end
	for lastTitle > start && !g.isTitleAt(lastTitle-1) {
		lastTitle--
	}
	if lastTitle < end && !isRoleConnector(g.word(lastTitle)) {
		end = lastTitle
	}
	return g.rolePhrase(start, end)
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

// isRoleToken reports whether token i can be part of a role phrase. Names
// of people, courtesy titles ("Mr.") and given names or initials that the
// recognizer left out of a name end a role.
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
	_, place := g.placeAt(i)
	return place
}

// trimRoleStart drops words that cannot begin a role: connectors,
// possessives, and a capitalised word that only starts the sentence.
func (g roleReader) trimRoleStart(start, end int) int {
	for start < end {
		w := g.word(start)
		switch {
		case isRoleConnector(w), isPossessiveClitic(w):
		case g.startsSentence(start) && g.nameType[start] == 0 && !g.isTitleAt(start) && !g.startsPlaceQualifier(start, end):
		default:
			return start
		}
		start++
	}
	return start
}

// startsPlaceQualifier reports whether a one- or two-word country or demonym
// ("US", "South Korean") starts at token i, before end.
func (g roleReader) startsPlaceQualifier(i, end int) bool {
	if g.isPlaceQualifierAt(i) {
		return true
	}
	return i+1 < end && isPlaceQualifier(g.text[g.toks[i].Start:g.toks[i+1].End])
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
// title that is more than a courtesy ("Mr." is not a role).
func (g roleReader) rolePhrase(start, end int) string {
	for end > start && isRoleConnector(g.word(end-1)) {
		end--
	}
	for i := start; i < end; i++ {
		if g.isTitleAt(i) && !g.isHonorificAt(i) {
			return strings.TrimSpace(g.text[g.toks[start].Start:g.toks[end-1].End])
		}
	}
	return ""
}
