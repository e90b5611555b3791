package annotate

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/annotate/gazetteer"
)

// Entities: groups the name mentions that refer to one person, place or
// organization and gives each entity a canonical name, so the reader sees
// "Antony Blinken" once with all his mentions rather than "Blinken" five
// times. People also get the role the article gives them ("US Secretary of
// State") and, where a title or given name tells it, a sex, which quote
// attribution uses to resolve "he said".
//
// People: a full name (two words or more, titles removed) founds an entity;
// a lone surname or given name ("Blinken", "Mr. Wang") joins the full name
// containing it that was mentioned most recently before it (or, failing that,
// soonest after it), so two different Wangs stay apart. Places: country
// aliases share the gazetteer's canonical name ("US", "U.S.", "United
// States"). Organizations: the same name with or without "the", and an
// acronym with the name it abbreviates ("World Health Organization (WHO)").

type entity struct {
	typ  EntityType
	name string
	role string
	// sex is what a title ("Mr.", "spokeswoman") or the given name says;
	// zero when nothing does.
	sex      gazetteer.Sex
	mentions []Name
}

// mention is a name with its cleaned token range [first, last): titles,
// a leading "the" and a possessive "'s" removed.
type mention struct {
	Name
	first, last int
}

type entityGrouper struct {
	text string
	toks []Token
	// nameType is the type of the name covering each token, zero outside names.
	nameType []EntityType
	entities []*entity
	// wordBuf and keyBuf are scratch space reused by words and lowerKey,
	// which run for every mention.
	wordBuf []string
	keyBuf  []byte
}

func groupEntities(text string, toks []Token, names []Name) []*entity {
	g := &entityGrouper{text: text, toks: toks, nameType: make([]EntityType, len(toks))}
	cleaned := make([]mention, 0, len(names))
	for _, n := range names {
		if m := g.clean(n); m.first < m.last {
			cleaned = append(cleaned, m)
		}
	}
	personWords := g.fullNameWords(cleaned)
	var people, places, orgs []mention
	for _, m := range cleaned {
		if m.Type != Place && g.isOnlyTitle(m, personWords) {
			// "US Secretary" is a title, but its "US" still names a place.
			country, ok := g.leadingCountry(m)
			if !ok {
				continue
			}
			m = country
		}
		m.Type = g.reconcileType(m, personWords)
		for i := m.First; i < m.Last; i++ {
			g.nameType[i] = m.Type
		}
		switch m.Type {
		case Person:
			people = append(people, m)
		case Place:
			places = append(places, m)
		case Organization:
			orgs = append(orgs, m)
		}
	}
	g.groupPeople(people)
	g.groupByKey(Place, places, g.placeName)
	g.groupOrganizations(orgs)
	sortByPosition(g.entities)
	return g.entities
}

// isOnlyTitle reports whether a mention holds nothing but titles and the
// words that qualify them ("President", "US Secretary"): a role, not a name,
// unless the title is also someone's name in this text ("King" of "Billie
// Jean King").
func (g *entityGrouper) isOnlyTitle(m mention, personWords map[string]bool) bool {
	hasTitle := false
	for i := m.first; i < m.last; i++ {
		w := g.word(i)
		switch {
		case g.toks[i].Kind != Word:
		case gazetteer.IsPersonTitle(w) && !personWords[w]:
			hasTitle = true
		case !roleModifiers[string(g.lowerKey(w))] && !isPlaceQualifier(w):
			return false
		}
	}
	return hasTitle
}

// leadingCountry returns the first word of m as a place mention if it names
// a country.
func (g *entityGrouper) leadingCountry(m mention) (mention, bool) {
	if _, ok := gazetteer.Country(g.word(m.first)); !ok {
		return mention{}, false
	}
	t := g.toks[m.first]
	n := Name{First: m.first, Last: m.first + 1, Start: t.Start, End: t.End, Type: Place}
	return mention{Name: n, first: n.First, last: n.Last}, true
}

// fullNameWords collects the given names and surnames of the people's names
// of two words or more, leaving out party labels that a recognizer may have
// swept into a name ("Labour Blair").
func (g *entityGrouper) fullNameWords(ms []mention) map[string]bool {
	words := map[string]bool{}
	for _, m := range ms {
		if ws := g.words(m); m.Type == Person && len(ws) >= 2 {
			for _, w := range []string{ws[0], ws[surnameIndex(ws)]} {
				if !partyLabels[w] {
					words[w] = true
				}
			}
		}
	}
	return words
}

// reconcileType corrects a recognizer's type where the text settles it: a
// name after "Mr." or "Mrs." is a person; a country's name alone is a
// place, not an organization ("US"); a lone word of a person's full name is
// that person ("Blinken" tagged a place once) unless it names a larger place
// than a city ("Washington"); and a lone word like "Department" or "Party"
// names no one. Zero drops the mention.
func (g *entityGrouper) reconcileType(m mention, personWords map[string]bool) EntityType {
	if gazetteer.IsHonorific(g.word(m.First)) {
		return Person // "Mrs. Clinton", whatever it was tagged
	}
	if m.last-m.first != 1 {
		return m.Type
	}
	w := g.word(m.first)
	kind, isPlace := gazetteer.Place(w)
	switch {
	case m.Type == Person && gazetteer.IsOrgSuffix(w) && !personWords[w]:
		return 0
	case m.Type == Person:
	case isPlace && kind == gazetteer.CountryPlace:
		return Place
	case personWords[w] && (!isPlace || kind == gazetteer.City):
		return Person
	}
	return m.Type
}

// clean strips what is not part of the name itself from a name span.
func (g *entityGrouper) clean(n Name) mention {
	first, last := n.First, n.Last
	for last > first && (g.toks[last-1].Kind != Word || isPossessiveClitic(g.word(last-1))) {
		last--
	}
	for first < last && g.toks[first].Kind != Word {
		first++
	}
	// "the State Department", but "The Hague" keeps its article.
	if first < last && (g.word(first) == "the" || n.Type == Organization && g.word(first) == "The") {
		first++
	}
	if n.Type == Person || first < last && gazetteer.IsHonorific(g.word(first)) {
		first = g.skipTitles(first, last)
	}
	return mention{Name: n, first: first, last: last}
}

// skipTitles moves first past leading titles ("President", "Foreign
// Minister", "Mr.") when a name remains after them and they hold no given
// name ("Martin Luther King" keeps its "King"), and past party and country
// labels ("Democrat", "Chinese") when a full name remains.
func (g *entityGrouper) skipTitles(first, last int) int {
	afterTitle := first
scan:
	for i := first; i < last-1; i++ {
		w := g.word(i)
		_, given := gazetteer.GivenName(w)
		switch {
		case gazetteer.IsPersonTitle(w):
			afterTitle = i + 1
		case given:
			break scan
		case (partyLabels[w] || isPlaceQualifier(w)) && i < last-2:
			afterTitle = i + 1
		}
	}
	for afterTitle < last && g.toks[afterTitle].Kind != Word {
		afterTitle++
	}
	if afterTitle == last {
		return first
	}
	return afterTitle
}

// partyLabels are words news puts before a politician's name.
var partyLabels = map[string]bool{
	"Democrat": true, "Democratic": true, "Republican": true, "GOP": true, "Labour": true,
	"Tory": true, "Conservative": true, "Liberal": true, "Independent": true,
}

func (g *entityGrouper) word(i int) string { return g.toks[i].Text(g.text) }

func (g *entityGrouper) surface(m mention) string {
	return g.text[g.toks[m.first].Start:g.toks[m.last-1].End]
}

// words returns the word tokens of a mention, leaving out initials' dots and
// the like. The slice is reused by the next call.
func (g *entityGrouper) words(m mention) []string {
	g.wordBuf = g.wordBuf[:0]
	for i := m.first; i < m.last; i++ {
		if g.toks[i].Kind == Word {
			g.wordBuf = append(g.wordBuf, g.word(i))
		}
	}
	return g.wordBuf
}

// lowerKey returns the words joined by spaces in lower case, in scratch
// space reused by the next call: a map indexed with string(g.lowerKey(…))
// allocates nothing.
func (g *entityGrouper) lowerKey(words ...string) []byte {
	g.keyBuf = g.keyBuf[:0]
	for i, w := range words {
		if i > 0 {
			g.keyBuf = append(g.keyBuf, ' ')
		}
		g.keyBuf = appendLower(g.keyBuf, w)
	}
	return g.keyBuf
}

// appendLower appends s in lower case as strings.ToLower writes it.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func (g *entityGrouper) add(typ EntityType, name string) *entity {
	e := &entity{typ: typ, name: name}
	g.entities = append(g.entities, e)
	return e
}

// groupPeople founds one entity per full name, then attaches each lone word
// to the full name it most plausibly shortens.
func (g *entityGrouper) groupPeople(people []mention) {
	owners := make([]*entity, len(people))
	byFullName := map[string]*entity{}
	var full []*entity
	for i, m := range people {
		ws := g.words(m)
		if len(ws) < 2 {
			continue
		}
		key := g.lowerKey(ws[0], ws[surnameIndex(ws)])
		e := byFullName[string(key)]
		if e == nil {
			e = g.add(Person, "")
			byFullName[string(key)] = e
			full = append(full, e)
		}
		e.name = betterName(e.name, strings.Join(ws, " "))
		e.mentions = append(e.mentions, m.Name)
		owners[i] = e
	}
	fullByWord := map[string][]fullNameMention{}
	for _, e := range full {
		for w := range strings.FieldsSeq(strings.ToLower(e.name)) {
			for _, m := range e.mentions {
				fullByWord[w] = append(fullByWord[w], fullNameMention{m.Start, e})
			}
		}
	}
	for _, ms := range fullByWord {
		slices.SortFunc(ms, func(a, b fullNameMention) int { return cmp.Compare(a.start, b.start) })
	}
	byWord := map[string]*entity{}
	for i, m := range people {
		ws := g.words(m)
		if len(ws) != 1 {
			continue
		}
		word := g.lowerKey(ws[0])
		e := shortenedFullName(m.Start, fullByWord[string(word)])
		if e == nil {
			e = byWord[string(word)]
		}
		if e == nil {
			e = g.add(Person, "")
			byWord[string(word)] = e
		}
		e.name = betterName(e.name, ws[0])
		e.mentions = append(e.mentions, m.Name)
		owners[i] = e
	}
	for i, m := range people {
		e := owners[i]
		if e.role == "" {
			e.role = g.role(m)
		}
		if e.sex == 0 {
			e.sex = g.titleSex(m)
		}
	}
	for _, e := range owners {
		if e.sex == 0 {
			e.sex = roleSex(e.role)
		}
		if e.sex == 0 {
			e.sex = givenNameSex(e.name)
		}
	}
}

// generationalSuffixes follow a surname without being one.
var generationalSuffixes = map[string]bool{"Jr": true, "Jr.": true, "Sr": true, "Sr.": true, "II": true, "III": true, "IV": true}

// surnameIndex is the index of the last word that is not "Jr." or the like.
func surnameIndex(ws []string) int {
	i := len(ws) - 1
	for i > 0 && generationalSuffixes[ws[i]] {
		i--
	}
	return i
}

// fullNameMention is where a full-name entity is mentioned.
type fullNameMention struct {
	start  int
	entity *entity
}

// shortenedFullName picks, among the full names containing a lone word
// (sorted by position), the one mentioned last before offset, or else first
// after it. One binary search keeps grouping linear-logarithmic however many
// people share a word.
func shortenedFullName(offset int, candidates []fullNameMention) *entity {
	next := sort.Search(len(candidates), func(i int) bool { return candidates[i].start > offset })
	switch {
	case next > 0:
		return candidates[next-1].entity
	case next < len(candidates):
		return candidates[next].entity
	}
	return nil
}

// groupByKey puts mentions whose names are the same but for case into one
// entity, returning the entities by lower-case name.
func (g *entityGrouper) groupByKey(typ EntityType, ms []mention, name func(mention) string) map[string]*entity {
	byKey := map[string]*entity{}
	for _, m := range ms {
		n := name(m)
		k := g.lowerKey(n)
		e := byKey[string(k)]
		if e == nil {
			e = g.add(typ, "")
			byKey[string(k)] = e
		}
		e.name = betterName(e.name, n)
		e.mentions = append(e.mentions, m.Name)
	}
	return byKey
}

// betterName returns the better of an entity's current name and another
// form of it: the one not in headline capitals, then the one with more
// words ("Xi Jinping" over "Xi"), then the current one.
func betterName(current, other string) string {
	rank := func(s string) int {
		r := strings.Count(s, " ")
		if hasLower(s) {
			r += 100
		}
		return r
	}
	if current == "" || rank(other) > rank(current) {
		return other
	}
	return current
}

// hasLower reports whether s differs from strings.ToUpper(s), allocating
// nothing for ASCII.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return s != strings.ToUpper(s)
		case 'a' <= c && c <= 'z':
			return true
		}
	}
	return false
}

// placeName is the gazetteer's canonical name of a country, else the name.
func (g *entityGrouper) placeName(m mention) string {
	name := g.surface(m)
	if canonical, ok := gazetteer.Country(name); ok {
		return canonical
	}
	return name
}

// groupOrganizations groups organizations by name, then folds acronyms into
// the names they abbreviate and "US State Department" into "State
// Department" (keeping the fuller name).
func (g *entityGrouper) groupOrganizations(orgs []mention) {
	byName := g.groupByKey(Organization, orgs, g.surface)
	merge := func(from, into *entity) {
		if from == nil || into == nil || from == into || from.mentions == nil {
			return
		}
		into.mentions = append(into.mentions, from.mentions...)
		from.mentions = nil
	}
	for _, m := range orgs {
		if acronym, ok := g.parenthesisedAcronym(m.last); ok {
			merge(byName[strings.ToLower(acronym)], byName[strings.ToLower(g.surface(m))])
		}
	}
	byAcronym := map[string]*entity{}
	var orgEntities []*entity
	for _, e := range g.entities {
		if e.typ != Organization {
			continue
		}
		orgEntities = append(orgEntities, e)
		if a := acronymOf(e.name); len(a) >= 3 && byAcronym[a] == nil {
			byAcronym[a] = e
		}
	}
	for _, e := range orgEntities {
		merge(e, byAcronym[strings.ReplaceAll(e.name, ".", "")])
		if qualifier, rest, ok := strings.Cut(e.name, " "); ok && isPlaceQualifier(qualifier) {
			merge(byName[strings.ToLower(rest)], e)
		}
	}
	kept := g.entities[:0]
	for _, e := range g.entities {
		if e.mentions != nil {
			kept = append(kept, e)
		}
	}
	g.entities = kept
}

// parenthesisedAcronym returns the word in "(WHO)" right after token i.
func (g *entityGrouper) parenthesisedAcronym(i int) (string, bool) {
	if i+2 >= len(g.toks) || g.word(i) != "(" || g.word(i+2) != ")" || g.toks[i+1].Kind != Word {
		return "", false
	}
	return g.word(i + 1), true
}

// acronymOf returns the capitals of the significant words of a name
// ("World Health Organization" → "WHO"), or "" for a one-word name.
func acronymOf(name string) string {
	var b strings.Builder
	words := 0
	for w := range strings.FieldsSeq(name) {
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	if words < 2 {
		return ""
	}
	return b.String()
}

func isPlaceQualifier(word string) bool {
	if _, ok := gazetteer.Country(word); ok {
		return true
	}
	_, ok := gazetteer.Demonym(word)
	return ok
}

func isPossessiveClitic(w string) bool {
	return w == "'s" || w == "’s" || w == "'S" || w == "’S"
}

// titleSex returns the sex told by a title in or right before a mention.
func (g *entityGrouper) titleSex(m mention) gazetteer.Sex {
	for i := m.First - 1; i < m.first; i++ {
		if i < 0 || g.toks[i].Kind != Word {
			continue
		}
		if sex, ok := gazetteer.TitleSex(g.word(i)); ok {
			return sex
		}
	}
	return 0
}

// roleSex returns the sex told by a title in a role ("spokeswoman").
func roleSex(role string) gazetteer.Sex {
	for w := range strings.FieldsSeq(role) {
		if sex, ok := gazetteer.TitleSex(w); ok {
			return sex
		}
	}
	return 0
}

// givenNameSex returns the sex of the first word of a full name.
func givenNameSex(name string) gazetteer.Sex {
	given, _, full := strings.Cut(name, " ")
	if !full {
		return 0
	}
	sex, _ := gazetteer.GivenName(given)
	return sex
}

// sortByPosition puts each entity's mentions, and then the entities, in text
// order.
func sortByPosition(es []*entity) {
	for _, e := range es {
		slices.SortStableFunc(e.mentions, func(a, b Name) int { return cmp.Compare(a.Start, b.Start) })
	}
	slices.SortStableFunc(es, func(a, b *entity) int { return cmp.Compare(a.mentions[0].Start, b.mentions[0].Start) })
}
