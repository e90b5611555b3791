package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/annotate/gazetteer"
)

// Entities: groups the name mentions that refer to one person, place or
// organization and gives each entity a canonical name, so the reader sees
// "Antony Blinken" once with all his mentions rather than "Blinken" five
// times. Grouping is this file's one job; the roles of people ("US Secretary
// of State") are read by roles.go once the groups are settled, and the data
// structures both use live in entitytable.go. People also get, where a title,
// their role or their given name tells it, a sex, which quote attribution
// uses to resolve "he said".
//
// People: a full name (two words or more, titles removed) founds an entity;
// a lone surname or given name ("Blinken", "Mr. Wang") joins the full name
// containing it that was mentioned most recently before it (or, failing that,
// soonest after it), so two different Wangs stay apart. Places: country
// aliases are one entity ("US", "U.S.", "United States"), named by a form
// the text uses. Organizations: the same name with or without "the", then
// acronyms and short forms (organizations.go). Names the recognizer broke
// at an inner word were mended before (joinnames.go).
//
// The stage runs on every article, so it allocates a fixed handful of
// slices, not a few per mention: names are compared through keys (a name in
// lower case, say) that one table of the document's keys hashes once each;
// entities are indices until the groups are settled, and their mentions are
// laid out together at the end. Names arrive in text order, as findNames
// gives them, which is then the order of each entity's mentions and, by the
// first one, of the entities.

type entity struct {
	name     string
	role     string
	mentions []Name
	typ      EntityType
	// sex is what a title ("Mr.", "spokeswoman") or the given name says;
	// zero when nothing does.
	sex gazetteer.Sex
	// gender is a person's gender as the document reports it, and where it
	// comes from (see gender.go).
	gender      gazetteer.Sex
	genderBasis genderBasis
}

// mention is a name with its cleaned token range [first, last): titles,
// a leading "the" and a possessive "'s" removed.
type mention struct {
	Name
	first, last int
}

type entityGrouper struct {
	// tokenFacts holds the text, its tokens and what the gazetteer says of
	// each; nameType is the type of the name covering each token, zero
	// outside names.
	tokenFacts
	nameType []EntityType
	// mentions are the cleaned names, in text order; owner is the index in
	// founded of the entity of each, and next links the chains of mentions
	// of the entities.
	mentions    []mention
	owner, next []int32
	// founded holds the entities in the order grouping founds them, and
	// mentionsOf their chains of mentions.
	founded    []entity
	mentionsOf []chain
	keys       keyTable
	keyUses    []keyUse // by key id
	// fullRefs are the links of the keyUse.fullNames chains: a full name's
	// mention (an index into mentions), and the next link.
	fullRefs, nextRef []int32
	// wordBuf and keyBuf are scratch space reused by words and the key
	// builders, which run for every mention.
	wordBuf []string
	keyBuf  []byte
}

// Tags start the keys, keeping their kinds apart in the one table.
const (
	personWordKey = 'p' // a given name or surname of a full name, as written
	fullNameKey   = 'f' // the given name and surname of a full name, in lower case
	personKey     = 'w' // one word of a person's name, in lower case
	placeKey      = 'l' // a place's name, in lower case
	orgKey        = 'o' // an organization's name, in lower case
	acronymKey    = 'a' // the capitals of an organization's name
	initialsKey   = 'i' // the first and last initials of an organization's name
	shortFormKey  = 's' // the first words of an organization's name, in lower case
)

// keyUse is what the grouping knows of one key.
type keyUse struct {
	// entity is the index + 1 in founded of the entity the key names.
	entity int32
	// fullNames chains the mentions of the full names holding a personKey
	// word, in text order (through fullRefs); seen is the last of them
	// before the lone words read so far.
	fullNames chain
	seen      int32
}

func groupEntities(text string, toks []Token, names []Name) []*entity {
	// The grouper and its scratch space live on the stack.
	var words [8]string
	var key [64]byte
	g := entityGrouper{tokenFacts: tokenFacts{text: text, toks: toks}, wordBuf: words[:0], keyBuf: key[:0]}
	g.cleanNames(names)
	g.addFullNameWords()
	g.settleTypes()
	g.groupPeople()
	g.groupByKey(Place, placeKey)
	g.groupOrganizations()
	giveRoles(roleReader{&g.tokenFacts, g.nameType}, g.mentions, g.owner, g.founded)
	sexFromRolesAndNames(g.founded)
	return g.entities()
}

// cleanNames cleans the names into mentions and sizes every table for them.
func (g *entityGrouper) cleanNames(names []Name) {
	g.nameType = make([]EntityType, len(g.toks))
	g.facts = make([]listFacts, len(g.toks))
	g.mentions = make([]mention, 0, len(names))
	// A mention adds at most as many keys as it has tokens and three more:
	// a full name's given name and surname as written, its key and (for
	// the mention that names the entity) its words in lower case; or an
	// organization's name and acronym.
	maxKeys, keyBytes := 0, 0
	for _, n := range names {
		if m := g.clean(n); m.first < m.last {
			g.mentions = append(g.mentions, m)
			maxKeys += m.last - m.first + 3
			keyBytes += 2*(n.End-n.Start) + 4
			if words := m.last - m.first; n.Type == Organization && words > 1 {
				// Its initials and short forms (groupOrganizations).
				// Their bytes are about the name's: the slice grows if not.
				maxKeys += 1 + min(words-1, maxShortForm)
				keyBytes += n.End - n.Start + 3
			}
		}
	}
	g.keys = newKeyTable(maxKeys, keyBytes)
	g.keyUses = make([]keyUse, maxKeys)
	links := make([]int32, 2*len(g.mentions))
	g.owner, g.next = links[:len(g.mentions)], links[len(g.mentions):]
	g.founded = make([]entity, 0, len(g.mentions))
	g.mentionsOf = make([]chain, 0, len(g.mentions))
}

// settleTypes drops the mentions that name no one and gives the others
// their type in this text (see reconcileType).
func (g *entityGrouper) settleTypes() {
	kept := g.mentions[:0]
	for k := range g.mentions {
		m := &g.mentions[k]
		if m.Type != Place && g.isOnlyTitle(m) {
			// "US Secretary" is a title, but its "US" still names a place.
			if !g.isCountryAt(m.first) {
				continue
			}
			*m = g.leadingCountry(m)
		}
		if m.Type = g.reconcileType(m); m.Type == 0 {
			continue
		}
		for i := m.First; i < m.Last; i++ {
			g.nameType[i] = m.Type
		}
		kept = append(kept, *m)
	}
	g.mentions = kept
}

// isOnlyTitle reports whether a mention holds nothing but titles and the
// words that qualify them ("President", "US Secretary"): a role, not a name,
// unless the title is also someone's name in this text ("King" of "Billie
// Jean King").
func (g *entityGrouper) isOnlyTitle(m *mention) bool {
	// Most names hold no title: find that out before looking up what else
	// their words are.
	hasTitle := false
	for i := m.first; i < m.last && !hasTitle; i++ {
		hasTitle = g.isRoleTitle(i)
	}
	if !hasTitle {
		return false
	}
	for i := m.first; i < m.last; i++ {
		switch {
		case g.toks[i].Kind != Word, g.isRoleTitle(i):
		case !isRoleModifierInAnyCase(g.word(i)) && !g.isPlaceQualifierAt(i):
			return false
		}
	}
	return true
}

// isRoleTitle: token i is a title word that is nobody's name in the text.
func (g *entityGrouper) isRoleTitle(i int) bool {
	return g.toks[i].Kind == Word && g.isTitleAt(i) && !g.isFullNameWord(g.word(i))
}

// leadingCountry returns the first word of m, a country, as a place
// mention.
func (g *entityGrouper) leadingCountry(m *mention) mention {
	t := g.toks[m.first]
	n := Name{First: m.first, Last: m.first + 1, Start: t.Start, End: t.End, Type: Place}
	return mention{Name: n, first: n.First, last: n.Last}
}

// addFullNameWords keys the given names and surnames of the people's names
// of two words or more, leaving out party labels that a recognizer may have
// swept into a name ("Labour Blair"); isFullNameWord looks them up.
func (g *entityGrouper) addFullNameWords() {
	for k := range g.mentions {
		m := &g.mentions[k]
		if m.Type != Person {
			continue
		}
		if ws := g.words(m); len(ws) >= 2 {
			for _, w := range [2]string{ws[0], ws[surnameIndex(ws)]} {
				if !partyLabels.has(w) {
					g.keys.add(g.exactKey(personWordKey, w))
				}
			}
		}
	}
}

func (g *entityGrouper) isFullNameWord(w string) bool {
	_, ok := g.keys.find(g.exactKey(personWordKey, w))
	return ok
}

// reconcileType corrects a recognizer's type where the text settles it: a
// name after "Mr." or "Mrs." is a person; a country's name alone is a
// place, not an organization ("US"); a lone word of a person's full name is
// that person ("Blinken" tagged a place once) unless it names a larger place
// than a city ("Washington"); and a lone word like "Department" or "Party"
// names no one. Zero drops the mention. (A person's name that ends with a
// place's head noun was made a place by the names stage: placesNotPeople.)
func (g *entityGrouper) reconcileType(m *mention) EntityType {
	if g.isHonorificAt(m.First) {
		return Person // "Mrs. Clinton", whatever it was tagged
	}
	if m.last-m.first != 1 {
		return m.Type
	}
	w := g.word(m.first)
	switch {
	case m.Type == Person:
		if gazetteer.IsOrgSuffix(w) && !g.isFullNameWord(w) {
			return 0
		}
	case g.isCountryAt(m.first):
		return Place
	case g.isFullNameWord(w):
		if kind, isPlace := g.placeAt(m.first); !isPlace || kind == gazetteer.City {
			return Person
		}
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
	if n.Type == Person || first < last && g.isHonorificAt(first) {
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
		switch {
		case g.isTitleAt(i):
			afterTitle = i + 1
		case g.isGivenNameAt(i) && !g.titleBeforeFullName(i+1, last):
			break scan
		case i < last-2 && (partyLabels.has(g.word(i)) || g.isPlaceQualifierAt(i)):
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

// titleBeforeFullName reports whether a title in [from, last) stands before
// a given name and a surname: "Franklin County Commissioner Erica Ruiz",
// where "Franklin" is a place before the title, not the person's name.
func (g *entityGrouper) titleBeforeFullName(from, last int) bool {
	for t := from; t+2 < last; t++ {
		if g.isTitleAt(t) && g.isGivenNameAt(t+1) {
			return true
		}
	}
	return false
}

// partyLabels are words news puts before a politician's name.
var partyLabels = newWordSet(strings.Fields("Democrat Democratic Republican GOP Labour Tory Conservative Liberal Independent"))

func (g *entityGrouper) surface(m *mention) string {
	return g.text[g.toks[m.first].Start:g.toks[m.last-1].End]
}

// words returns the word tokens of a mention, leaving out initials' dots and
// the like. The slice is reused by the next call.
func (g *entityGrouper) words(m *mention) []string {
	g.wordBuf = g.wordBuf[:0]
	for i := m.first; i < m.last; i++ {
		if g.toks[i].Kind == Word {
			g.wordBuf = append(g.wordBuf, g.word(i))
		}
	}
	return g.wordBuf
}

// joinWords returns the words of m joined by spaces: the text itself when
// single spaces separate them, as they usually do.
func (g *entityGrouper) joinWords(m *mention, ws []string) string {
	for i := m.first; i < m.last-1; i++ {
		if t := g.toks[i]; t.Kind != Word || g.toks[i+1].Start != t.End+1 || g.text[t.End] != ' ' {
			return strings.Join(ws, " ")
		}
	}
	return g.surface(m)
}

// lowerKey returns a key of the tag and the words joined by spaces in lower
// case, in scratch space reused by the next key.
func (g *entityGrouper) lowerKey(tag byte, words ...string) []byte {
	g.keyBuf = append(g.keyBuf[:0], tag)
	for i, w := range words {
		if i > 0 {
			g.keyBuf = append(g.keyBuf, ' ')
		}
		g.keyBuf = appendLower(g.keyBuf, w)
	}
	return g.keyBuf
}

// exactKey returns a key of the tag and s as written, in the scratch space
// of lowerKey.
func (g *entityGrouper) exactKey(tag byte, s string) []byte {
	g.keyBuf = append(append(g.keyBuf[:0], tag), s...)
	return g.keyBuf
}

// found starts an entity and returns its index in founded.
func (g *entityGrouper) found(typ EntityType) int32 {
	g.founded = append(g.founded, entity{typ: typ})
	g.mentionsOf = append(g.mentionsOf, chain{})
	return int32(len(g.founded) - 1)
}

// keyed returns the entity that a key names, founding one of typ if none
// does yet.
func (g *entityGrouper) keyed(key []byte, typ EntityType) int32 {
	id, _ := g.keys.add(key)
	return g.entityOf(id, typ)
}

// entityOf returns the entity that key id names, founding one of typ if
// none does yet.
func (g *entityGrouper) entityOf(id int, typ EntityType) int32 {
	if g.keyUses[id].entity == 0 {
		g.keyUses[id].entity = g.found(typ) + 1
	}
	return g.keyUses[id].entity - 1
}

// lookUp returns the entity that a key names, or -1.
func (g *entityGrouper) lookUp(key []byte) int32 {
	if id, ok := g.keys.find(key); ok {
		return g.keyUses[id].entity - 1
	}
	return -1
}

// assign makes mention k one of entity e's, last in its chain.
func (g *entityGrouper) assign(k int, e int32) {
	g.owner[k] = e
	g.mentionsOf[e].link(int32(k)+1, g.next)
}

// merge moves the mentions of entity from to the end of those of into.
func (g *entityGrouper) merge(from, into int32) {
	if from < 0 || into < 0 || from == into {
		return
	}
	for k := g.mentionsOf[from].head; k != 0; k = g.next[k-1] {
		g.owner[k-1] = into
	}
	g.mentionsOf[into].splice(&g.mentionsOf[from], g.next)
}

// groupPeople founds one entity per full name, then attaches each lone word
// to the full name it most plausibly shortens.
func (g *entityGrouper) groupPeople() {
	for k := range g.mentions {
		m := &g.mentions[k]
		g.owner[k] = -1
		if m.Type != Person {
			continue
		}
		ws := g.words(m)
		if len(ws) < 2 {
			continue
		}
		e := g.keyed(g.lowerKey(fullNameKey, ws[0], ws[surnameIndex(ws)]), Person)
		if name := g.founded[e].name; name == "" || fullNameRank(ws) > nameRank(name) {
			g.founded[e].name = g.joinWords(m, ws)
		}
		g.assign(k, e)
	}
	g.chainFullNames()
	for k := range g.mentions {
		m := &g.mentions[k]
		if m.Type != Person || g.owner[k] >= 0 {
			continue
		}
		word := g.word(m.last - 1) // a lone word: the one word token
		id, _ := g.keys.add(g.lowerKey(personKey, word))
		e := g.shortenedFullName(m.Start, id)
		if e < 0 {
			e = g.entityOf(id, Person)
		}
		g.founded[e].name = betterName(g.founded[e].name, word)
		g.assign(k, e)
	}
	for k := range g.mentions {
		m := &g.mentions[k]
		if m.Type != Person {
			continue
		}
		if e := &g.founded[g.owner[k]]; e.sex == 0 {
			e.sex = g.titleSex(m)
		}
	}
}

// sexFromRolesAndNames gives the people whose titles told no sex the one
// their role ("spokeswoman") or given name tells.
func sexFromRolesAndNames(entities []entity) {
	for i := range entities {
		e := &entities[i]
		if e.typ != Person {
			continue
		}
		if e.sex == 0 {
			e.sex = roleSex(e.role)
		}
		if e.sex == 0 {
			e.sex = givenNameSex(e.name)
		}
	}
}

// chainFullNames chains the mentions of the full names (so far, all the
// entities) under the personKey of each word of their names, for
// shortenedFullName.
func (g *entityGrouper) chainFullNames() {
	// The key ids of the words of entity e's name are words[starts[e]:starts[e+1]].
	nWords := 0
	for e := range g.founded {
		nWords += strings.Count(g.founded[e].name, " ") + 1
	}
	ids := make([]int32, len(g.founded)+1+nWords)
	starts, words := ids[:len(g.founded)+1], ids[len(g.founded)+1:len(g.founded)+1]
	for e := range g.founded {
		// Full names are words joined by single spaces.
		for name := g.founded[e].name; name != ""; {
			var word string
			word, name, _ = strings.Cut(name, " ")
			id, _ := g.keys.add(g.lowerKey(personKey, word))
			words = append(words, int32(id))
		}
		starts[e+1] = int32(len(words))
	}
	refs := 0
	for k := range g.mentions {
		if e := g.owner[k]; e >= 0 {
			refs += int(starts[e+1] - starts[e])
		}
	}
	links := make([]int32, 2*refs)
	g.fullRefs, g.nextRef = links[:0:refs], links[refs:]
	for k := range g.mentions {
		e := g.owner[k]
		if e < 0 {
			continue
		}
		for _, id := range words[starts[e]:starts[e+1]] {
			g.fullRefs = append(g.fullRefs, int32(k))
			g.keyUses[id].fullNames.link(int32(len(g.fullRefs)), g.nextRef)
		}
	}
}

// shortenedFullName picks, among the full names holding the lone word of
// key id, the one mentioned last before offset, or else first after it; -1
// for none. Lone words come in text order, so each chain is walked once
// however many people share a word.
func (g *entityGrouper) shortenedFullName(offset int, id int) int32 {
	u := &g.keyUses[id]
	if u.fullNames.head == 0 {
		return -1
	}
	next := u.fullNames.head
	if u.seen != 0 {
		next = g.nextRef[u.seen-1]
	}
	for ; next != 0 && g.mentions[g.fullRefs[next-1]].Start <= offset; next = g.nextRef[next-1] {
		u.seen = next
	}
	if u.seen == 0 {
		return g.owner[g.fullRefs[u.fullNames.head-1]]
	}
	return g.owner[g.fullRefs[u.seen-1]]
}

// surnameIndex is the index of the last word that is not "Jr." or the like.
func surnameIndex(ws []string) int {
	i := len(ws) - 1
	for i > 0 && isGenerationalSuffix(ws[i]) {
		i--
	}
	return i
}

// isGenerationalSuffix: the word follows a surname without being one.
func isGenerationalSuffix(w string) bool {
	switch w {
	case "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV":
		return true
	}
	return false
}

// groupByKey puts the mentions of typ whose names are the same but for
// case into one entity; a place is named by placeName.
func (g *entityGrouper) groupByKey(typ EntityType, tag byte) {
	for k := range g.mentions {
		m := &g.mentions[k]
		if m.Type != typ {
			continue
		}
		// A country's aliases share its canonical name as their key ("US",
		// "U.S.", "United States"), but the entity is named by a form the
		// text uses, in the gazetteer's case ("PANAMA" is "Panama").
		n := g.surface(m)
		key := n
		if typ == Place {
			if key = g.placeName(m, n); strings.EqualFold(key, n) {
				n = key
			}
		}
		e := g.keyed(g.lowerKey(tag, key), typ)
		g.founded[e].name = betterName(g.founded[e].name, n)
		g.assign(k, e)
	}
}

// betterName returns the better of an entity's current name and another
// form of it: the one not in headline capitals, then the one with more
// words ("Xi Jinping" over "Xi"), then the current one.
func betterName(current, other string) string {
	if current == "" || nameRank(other) > nameRank(current) {
		return other
	}
	return current
}

// nameRank orders the forms of a name for betterName.
func nameRank(s string) int {
	r := strings.Count(s, " ")
	if hasLower(s) {
		r += 100
	}
	return r
}

// fullNameRank is the nameRank of the words joined by spaces.
func fullNameRank(ws []string) int {
	r := len(ws) - 1
	for _, w := range ws {
		if hasLower(w) {
			return r + 100
		}
	}
	return r
}

// hasLower reports whether s differs from strings.ToUpper(s), allocating
// nothing: it is asked of every word of a headline and a dateline.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return hasLowerRunes(s[i:])
		case 'a' <= c && c <= 'z':
			return true
		}
	}
	return false
}

// hasLowerRunes is hasLower past ASCII: strings.ToUpper changes a rune that
// unicode.ToUpper maps elsewhere, and writes a byte that is no UTF-8 as
// U+FFFD.
func hasLowerRunes(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return true
			}
			continue
		}
		if unicode.ToUpper(r) != r {
			return true
		}
	}
	return false
}

// placeName is the gazetteer's canonical name of a country, else the name
// of mention m.
func (g *entityGrouper) placeName(m *mention, name string) string {
	if m.last-m.first == 1 && !g.isCountryAt(m.first) {
		return name // most places: one word, whose facts say it is no country
	}
	if canonical, ok := gazetteer.Country(name); ok {
		return canonical
	}
	return name
}

// titleSex returns the sex told by a title in or right before a mention.
func (g *entityGrouper) titleSex(m *mention) gazetteer.Sex {
	for i := m.First - 1; i < m.first; i++ {
		if i < 0 || g.toks[i].Kind != Word {
			continue
		}
		if sex, _ := g.titleAt(i); sex != 0 {
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

// entities lays the mentions out by entity, in one slice, and returns the
// entities that kept any, in order of their first mention.
func (g *entityGrouper) entities() []*entity {
	all := make([]Name, 0, len(g.mentions))
	kept := 0
	for i := range g.founded {
		if n := int(g.mentionsOf[i].count); n > 0 {
			g.founded[i].mentions = all[len(all) : len(all) : len(all)+n]
			all = all[:len(all)+n]
			kept++
		}
	}
	out := make([]*entity, 0, kept)
	for k := range g.mentions {
		e := &g.founded[g.owner[k]]
		if len(e.mentions) == 0 {
			out = append(out, e)
		}
		e.mentions = append(e.mentions, g.mentions[k].Name)
	}
	return out
}
