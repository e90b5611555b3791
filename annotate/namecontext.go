package annotate

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/annotate/gazetteer"
	"lede/annotate/ner"
)

// Name context: the types that the words around a name settle, where the
// recognizer, trained on 1996 wire news, guesses from the name alone. An
// apposition or a copula that says what a name is ("Titan, the largest moon
// of Saturn", "Hollis Freight, a logistics company") types it, and its other
// one-word mentions in the article with it; a name after a corporate office
// and "of" is an organization ("chief financial officer of Hollis Freight");
// a river after "the" is a place ("the Nile"), labelled so where the
// recognizer saw no name at all (labelRivers); a celestial body taken for a firm in an article about
// space is a place; and an office before a full name is not part of it
// ("City Councilwoman Ruth Abara").

// typeFromContext applies the rules above to one article's spans, in text
// order, and returns them (a river the recognizer missed is added).
func typeFromContext(words []string, spans []ner.Span) []ner.Span {
	// typed holds the spans whose context says their type, whose other
	// mentions take it: at most maxTyped, so that the pass over the names
	// for each stays linear in a long text.
	var buf [maxTyped]ner.Span
	typed := buf[:0]
	for i := range spans {
		s := &spans[i]
		if t, ok := appositionType(words, *s); ok {
			s.Type = t
			typed = appendTyped(typed, *s)
		} else if afterCorporateOffice(words, *s) {
			s.Type = ner.Organization
			typed = appendTyped(typed, *s)
		} else if s.Type == ner.Organization && isPlaceBeforeName(words, *s) {
			s.Type = ner.Location
		} else if s.Type != ner.Organization && s.Type != ner.Misc && s.First > 0 && isWord(words[s.First-1], wordOrgNoun) && words[s.First-1] != "carrier" {
			// "the band Killing Joke", "rival carmaker Hollis Motors"; not
			// "the aircraft carrier Carl Vinson", a ship.
			s.Type = ner.Organization
			typed = appendTyped(typed, *s)
		} else if s.Type != ner.Organization && s.Type != ner.Misc && isSourceNamedByNoun(words, *s) {
			s.Type = ner.Organization // "Zycie Warszawy daily said"
			typed = appendTyped(typed, *s)
		} else if s.Type != ner.Person && s.Type != ner.Misc && isPersonByWordBefore(words, *s) {
			s.Type = ner.Person // "his wife, Nancy,", "Indonesian president Suharto"
			typed = appendTyped(typed, *s)
		} else if (s.Type == ner.Person || s.Type == ner.Organization && s.Last-s.First == 1) && isPlaceBeforeRegion(words, *s) {
			// Only here: a team is named after its town ("Bowling Green,
			// Ohio" ... "Bowling Green won").
			s.Type = ner.Location
		}
	}
	for _, r := range typed {
		for i, s := range spans {
			if s.Type != ner.Misc && slices.Equal(words[s.First:s.Last], words[r.First:r.Last]) {
				spans[i].Type = r.Type
			}
		}
	}
	for i, s := range spans {
		switch {
		case s.Type == ner.Organization && s.Last-s.First > 1 && isWord(words[s.Last-1], wordNaturalFeature):
			spans[i].Type = ner.Location // "Red Sea", "Atlas Mountains"
		case s.Type == ner.Location && s.Last-s.First > 1 && isWord(words[s.Last-1], wordInstitutionEnd|wordCompanyEnd):
			spans[i].Type = ner.Organization // "Paxton Carnegie Public Library", "Bluewater Hospitality"
		case s.Type == ner.Person && s.Last-s.First > 1 && isWord(words[s.Last-1], wordClubEnd):
			spans[i].Type = ner.Organization // "Brackley Town", a club
		case s.Type == ner.Person && s.Last-s.First > 1 && isWord(words[s.Last-1], wordThingEnd):
			spans[i].Type = ner.Misc // "James Webb Space Telescope", named after a man
		case s.Type == ner.Person && isWord(words[s.Last-1], wordInstitutionEnd|wordCompanyEnd):
			// No person's name ends in "Holdings" or "Plantation": "[Sime]
			// Darby Plantation" is a firm, and joinNames gives it back its
			// first word; the word alone ("Plantation companies") is no name.
			spans[i].Type = ner.Organization
			if s.Last-s.First == 1 {
				spans[i].Type = ner.Misc
			}
		}
	}
	listTypes(words, spans)
	riversAfterThe(words, spans)
	return spaceBodies(words, spans)
}

// listTypes gives the names of a list followed by a plural place noun the
// type place ("King, Pierce and Snohomish counties"), and those of another
// list the type most of them have: in
// "Telemundo, Univision, MUN2 and A3" or "New Order, Interpol and Joy
// Division" the recognizer types some names by their look alone. A list is
// three names or more joined by commas, "and", "or" or slashes; its type
// must hold at least two names in three, and a name of a type not among
// people, places and organizations ends it (keepsTypeInList says which
// names keep their own type).
func listTypes(words []string, spans []ner.Span) {
	for first := 0; first < len(spans); {
		last := first + 1
		for last < len(spans) && isListGap(words[spans[last-1].Last:spans[last].First]) && spans[last].Type != ner.Misc && spans[first].Type != ner.Misc {
			last++
		}
		if last-first >= 2 && spans[last-1].Last < len(words) && isWord(words[spans[last-1].Last], wordPluralPlace) ||
			listBeforePluralPlace(words, spans[last-1].Last) {
			// "King, Pierce and Snohomish counties", with names the
			// recognizer left out or not
			for i := first; i < last; i++ {
				spans[i].Type = ner.Location
			}
		} else if n := last - first; n >= 3 {
			var counts [4]int
			for _, s := range spans[first:last] {
				if int(s.Type) < len(counts) {
					counts[s.Type]++
				}
			}
			for t, c := range counts {
				if 3*c >= 2*n {
					for i := first; i < last; i++ {
						if keepsTypeInList(words, spans[i], ner.Type(t)) {
							continue
						}
						spans[i].Type = ner.Type(t)
					}
				}
			}
		}
		first = last
	}
}

// listBeforePluralPlace reports whether the words from i go on with a list
// of capitalised words that ends in a plural place noun: "[Pierce] and
// Snohomish counties", where the recognizer took only one of the names.
func listBeforePluralPlace(words []string, i int) bool {
	joined := false
	for end := min(len(words), i+maxListTail); i < end; i++ {
		switch w := words[i]; {
		case isWord(w, wordPluralPlace):
			return joined
		case isListGap(words[i : i+1]):
			joined = true
		case !startsUpper(w):
			return false
		}
	}
	return false
}

// maxListTail bounds the words listBeforePluralPlace reads.
const maxListTail = 8

// keepsTypeInList reports whether a name keeps its own type in a list of
// names of type t: one that ends as an organization's does stays one
// ("Philippine Atmospheric, Geophysical and Astronomical Services
// Administration", broken into three), and a place the gazetteer knows stays
// a place ("in Paris, Renault and Peugeot").
func keepsTypeInList(words []string, s ner.Span, t ner.Type) bool {
	switch {
	case t != ner.Organization && gazetteer.IsOrgSuffix(words[s.Last-1]):
		return true
	case s.Type == ner.Location:
		return isKnownPlace(words, s)
	}
	return false
}

// isKnownPlace reports whether the gazetteer knows the span's words as a
// place.
func isKnownPlace(words []string, s ner.Span) bool {
	_, ok := gazetteer.Place(strings.Join(words[s.First:s.Last], " "))
	return ok
}

// isListGap reports whether the words between two names join them in a
// list: a comma, "and", "or", a slash, or a comma and "and".
func isListGap(gap []string) bool {
	if len(gap) == 0 || len(gap) > 2 {
		return false
	}
	for _, w := range gap {
		switch w {
		case ",", "and", "or", "/", "&":
		default:
			return false
		}
	}
	return true
}

const maxTyped = 16

func appendTyped(typed []ner.Span, s ner.Span) []ner.Span {
	if len(typed) == maxTyped {
		return typed
	}
	return append(typed, s)
}

// appositionType reads what an apposition after a name (", the largest
// moon of Saturn"), or a copula after a name that opens a sentence ("Hollis
// Freight is a logistics company"), says the name is: a place or an
// organization, by the noun that heads it.
func appositionType(words []string, s ner.Span) (ner.Type, bool) {
	i := s.Last
	if i >= len(words) {
		return 0, false
	}
	switch words[i] {
	case ",":
	case "is", "was", "are", "were":
		if s.First > 0 && !isSentenceBreak(words[s.First-1]) {
			return 0, false
		}
	default:
		return 0, false
	}
	i++
	// "one of (the) Jupiter's largest moons"
	if i+1 < len(words) && words[i] == "one" && words[i+1] == "of" {
		i += 2
	}
	switch {
	case i < len(words) && isWord(words[i], wordDeterminer):
		i++
	case i+1 < len(words) && isPossessiveWord(words[i+1]):
		i += 2 // "Jupiter's"
	default:
		return 0, false // a clause, not a noun phrase: ", took a group of"
	}
	for end := min(i+6, len(words)); i < end; i++ {
		w := words[i]
		if isPossessiveWord(w) || !hasLetter(w) || isWord(w, wordStop) {
			return 0, false
		}
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		if isWord(next, wordSpeech) {
			return 0, false // a subject, not an apposition: "Moscow, Interfax news agency said"
		}
		if isPossessiveWord(next) || hasLetter(next) && !isWord(next, wordStop) && !strings.HasSuffix(next, "ed") {
			continue // not the head: "the club's", "a logistics company"
		}
		switch {
		case isWord(w, wordPlaceNoun):
			return ner.Location, true
		case isWord(w, wordOrgNoun):
			return ner.Organization, true
		}
		return 0, false
	}
	return 0, false
}

// isSentenceBreak: a word that ends what comes before a sentence's subject.
func isSentenceBreak(w string) bool {
	return w == "." || w == "\n" || w == "\"" || w == "“" || w == "”"
}

func isPossessiveWord(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// afterCorporateOffice reports whether a name follows an office that heads
// an organization and "of" or "at" ("chief financial officer of", "the
// founder of", "president at"), or a post held at one and "at" ("an
// analyst at"): then it is the organization, whatever the recognizer took
// it for, unless the gazetteer knows it as a place ("the president of
// Mexico", "a lecturer at Leeds").
func afterCorporateOffice(words []string, s ner.Span) bool {
	if s.First < 2 || s.Type == ner.Misc {
		return false
	}
	office := words[s.First-2]
	switch words[s.First-1] {
	case "of":
		if !isWord(office, wordOffice) {
			return false
		}
	case "at":
		if !isWord(office, wordOffice) && !isWord(office, wordPost) {
			return false
		}
	default:
		return false
	}
	if s.Type != ner.Location {
		return true
	}
	return !isKnownPlace(words, s)
}

// isPlaceBeforeName reports whether a one-word name that the gazetteer
// knows as a place stands before a possessive and another name: "Tacoma's
// Pierhead Marine", where the place says whose the firm is; not before a
// person, whose team it names.
func isPlaceBeforeName(words []string, s ner.Span) bool {
	if s.Last-s.First != 1 || s.Last+1 >= len(words) || !isPossessiveWord(words[s.Last]) || !startsUpper(words[s.Last+1]) {
		return false
	}
	if _, given := gazetteer.GivenName(words[s.Last+1]); given {
		return false // a team's player: "Baltimore's Eddie Murray"
	}
	_, ok := gazetteer.Place(words[s.First])
	return ok
}

// isSourceNamedByNoun reports whether a name is followed by an
// organization's noun (perhaps after one more word) and a verb of
// attribution: "Zycie Warszawy daily said", "Interfax news agency reported".
func isSourceNamedByNoun(words []string, s ner.Span) bool {
	if s.Last < len(words) && isPossessiveWord(words[s.Last]) {
		return false // "Greta Alvik's firm said"
	}
	for i := s.Last; i < len(words)-1 && i <= s.Last+1; i++ {
		if isWord(words[i], wordOrgNoun) && isWord(words[i+1], wordSpeech) {
			return true
		}
	}
	return false
}

// isPersonByWordBefore reports whether a short name, not one the gazetteer
// knows as a place, follows a word that only a person's name follows: a
// kinship noun ("his wife, Nancy"), or a title written in lower case, as a
// description ("Indonesian president Suharto").
func isPersonByWordBefore(words []string, s ner.Span) bool {
	if s.Last-s.First > 2 || s.First == 0 {
		return false
	}
	i := s.First - 1
	if words[i] == "," && i > 0 && isWord(words[i-1], wordKin) {
		i--
	}
	w := words[i]
	if !isWord(w, wordKin) && (startsUpper(w) || !isWord(w, wordTitleBefore)) {
		return false
	}
	return !isKnownPlace(words, s)
}

// isPlaceBeforeRegion reports whether a name is followed by a comma and a
// country or a first-level region that closes the phrase, as a place is
// placed ("Sandy Hook, Maryland, from where", "Saffron Walden, England ;"),
// and not as a person is described ("Jo Tate, Ohio's attorney general",
// "Jo Tate, Ohio Democrat").
func isPlaceBeforeRegion(words []string, s ner.Span) bool {
	i := s.Last
	if i+1 >= len(words) || words[i] != "," {
		return false
	}
	kind, ok := gazetteer.Place(words[i+1])
	if !ok || kind != gazetteer.CountryPlace && kind != gazetteer.Region {
		return false
	}
	return i+2 == len(words) || !startsUpper(words[i+2]) && !isPossessiveWord(words[i+2])
}

// riversAfterThe types as places the names of one or two words after "the"
// that end in a river's name ("the Nile", "the Blue Nile").
func riversAfterThe(words []string, spans []ner.Span) {
	for i, s := range spans {
		if s.First > 0 && words[s.First-1] == "the" && s.Last-s.First <= 2 && gazetteer.IsRiver(words[s.Last-1]) {
			spans[i].Type = ner.Location
		}
	}
}

// labelRivers labels as a place each river after "the" that the recognizer
// left outside any name: "farmers along the Nile".
func labelRivers(words []string, labels []ner.Label) {
	for i := 1; i < len(words); i++ {
		if labels[i] == ner.Outside && words[i-1] == "the" && startsUpper(words[i]) &&
			(i+1 == len(words) || !startsUpper(words[i+1])) && gazetteer.IsRiver(words[i]) {
			labels[i] = ner.MakeLabel(ner.Location, ner.Unit)
		}
	}
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// spaceBodies types as places the planets and moons tagged as an
// organization in an article about space (one that names a spacecraft, an
// orbit, a mission, NASA...): "Dragonfly will land on Titan", "the Europa
// Clipper will reach Europa" (then no short form of the mission's name).
func spaceBodies(words []string, spans []ner.Span) []ner.Span {
	about := -1 // unknown until a celestial organization asks
	for i, s := range spans {
		if s.Type != ner.Organization || s.Last-s.First != 1 || !celestialBodies[words[s.First]] {
			continue
		}
		if about < 0 {
			about = 0
			for _, w := range words {
				if isWord(w, wordSpace) {
					about = 1
					break
				}
			}
		}
		if about == 1 {
			spans[i].Type = ner.Location
		}
	}
	return spans
}

// The words the rules read, each with the kinds it has (a bit each), in one
// table: one lookup, wherever a rule asks.
const (
	// wordDeterminer opens the noun phrase of an apposition.
	wordDeterminer uint32 = 1 << iota
	// wordStop ends the noun phrase of an apposition: prepositions, relative
	// pronouns, conjunctions and the compass points ("a town north of").
	wordStop
	// wordSpeech, a verb of attribution or one a subject takes, after a noun
	// phrase makes it the subject of a clause, not an apposition.
	wordSpeech
	// wordPlaceNoun heads an apposition that makes a name a place;
	// wordOrgNoun one that makes it an organization (a person's nouns need
	// no rule: the recognizer reads those).
	wordPlaceNoun
	wordOrgNoun
	// wordOffice is an office held in an organization, in lower case (an
	// office written with a capital heads a title: "Minister of State");
	// wordPost a post a person holds at one.
	wordOffice
	wordPost
	// wordSpace is a word of an article about space.
	wordSpace
	// wordInstitutionEnd ends the names of organizations, never a place's: a
	// "place" so named is the institution ("Paxton Carnegie Public Library",
	// "New Jersey Department of Public Safety"). Words that end places too
	// ("Bank", "Center", "Front", "Church", "Federation", and "Hospital"
	// where someone lies) are not among them.
	wordInstitutionEnd
	// wordCompanyEnd ends the names of firms, never a person's or a place's
	// ("Kestrel Holdings", "Sime Darby Plantation", "Bluewater Hospitality");
	// "Hotel", a building where someone stays, is not among them.
	wordCompanyEnd
	// wordClubEnd ends the names of football clubs and no person's; "Town"
	// and "City" end places' names too, which a person's is not changed to.
	wordClubEnd
	// wordThingEnd ends the names of things that are neither people, places
	// nor organizations, and no person's: instruments and craft ("James Webb
	// Space Telescope"), prizes, laws and treaties. Words that end surnames
	// too ("Lander", "Probe") are not among them.
	wordThingEnd
	// wordNaturalFeature ends the names of seas, rivers, mountains and
	// deserts, which no firm or team news names is known by ("Tampa Bay" is
	// a team).
	wordNaturalFeature
	// wordPluralPlace after a list of names says they are places.
	wordPluralPlace
	// wordKin is a kinship noun; wordTitleBefore a title that names a
	// person's office before the name, in lower case ("president Suharto").
	wordKin
	wordTitleBefore
	// wordPlaceLead begins a place's name of two words or more and no
	// person's ("Port Klang", "Tanjung Pelepas", "Mount Kenya").
	wordPlaceLead
	// wordCountyBefore before, and wordCountyAfter after, a name ending in
	// "County" say it is the county ("in Cook County", "Lea County
	// commissioners").
	wordCountyBefore
	wordCountyAfter
)

var contextWords = newWordKinds([]wordKindList{
	{wordDeterminer, "the a an its their his her"},
	{wordStop, "of in at on for from near with by to that which who whose where when and or but" +
		" until since after before between about north south east west northeast northwest southeast southwest"},
	{wordSpeech, "said says told reported reports added is was are were has had have will would"},
	{wordPlaceNoun, "moon moons planet planets city town village hamlet county parish municipality" +
		" commune township borough settlement suburb neighbourhood neighborhood river lake island islands archipelago" +
		" port province region state country capital district mountain volcano desert sea bay peninsula crater" +
		" harbour harbor valley"},
	{wordOrgNoun, "company firm group agency airline carrier charity band club team party union" +
		" supplier contractor shipper exporter importer distributor wholesaler miner refiner automaker carmaker" +
		" chipmaker drugmaker" +
		" newspaper magazine broadcaster retailer insurer lender bank manufacturer maker producer startup start-up" +
		" organization organisation corporation subsidiary network conglomerate supermarket chain brand label" +
		" publisher developer operator utility nonprofit orchestra ensemble choir duo trio quartet league" +
		" federation association society institute foundation regiment battalion squadron brigade journal daily weekly" +
		" tabloid"},
	{wordOffice, "officer executive director founder co-founder chairman chairwoman" +
		" chairperson president ceo cfo coo owner shareholder shareholders partner employee employees"},
	{wordPost, "analyst economist strategist scientist researcher professor lecturer engineer" +
		" lawyer partner fellow job internship worked works"},
	{wordSpace, "moon moons planet planets spacecraft orbit orbiter orbiting rover lander" +
		" telescope astronomers astronomer asteroid comet astronaut astronauts space mission missions NASA ESA"},
	{wordInstitutionEnd, "Department Ministry Library University College Institute Academy" +
		" Agency Association Council Commission Committee Corporation Company Inc Ltd Plc LLC Records" +
		" Recordings Publishing Airlines Airways Holdings Industries Laboratories Conference League Society Foundation" +
		" Observatory"},
	{wordCompanyEnd, "Group Holdings Hospitality Hotels Resorts Plantation Plantations Logistics" +
		" Investments Ventures Partners Enterprises Technologies Motors Bancorp Brewery Breweries"},
	{wordClubEnd, "Town United Rovers Wanderers Athletic Albion Rangers Hotspur"},
	{wordThingEnd, "Telescope Spacecraft Satellite Orbiter Prize Award Trophy Act Treaty Protocol"},
	{wordNaturalFeature, "Sea Ocean River Lake Mountains Desert Gulf Strait Peninsula" +
		" Islands Glacier Volcano Crater Canyon Archipelago Reservoir"},
	{wordPluralPlace, "counties provinces states districts regions islands rivers cities towns villages"},
	{wordKin, "wife husband son daughter brother sister mother father widow widower" +
		" grandson granddaughter grandmother grandfather uncle aunt nephew niece cousin fiancee fiance"},
	{wordPlaceLead, "Port Tanjung Pulau Bandar Mount Lake Cape Fort Gulf Isle"},
	{wordCountyBefore, "in across throughout outside near"},
	{wordCountyAfter, "officials commissioners residents voters sheriff deputies schools" +
		" prosecutors judge homeowners farmers"},
	{wordTitleBefore, "president premier minister chancellor senator governor mayor" +
		" king queen prince princess sheikh emir sultan pope"},
})

// isWord reports whether w has one of the kinds.
func isWord(w string, kinds uint32) bool { return contextWords.of(w)&kinds != 0 }
