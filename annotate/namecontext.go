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
// a river after "the" is a place ("the Nile"), found where the recognizer
// saw no name at all; a celestial body taken for a firm in an article about
// space is a place; and an office before a full name is not part of it
// ("City Councilwoman Ruth Abara").

// typeFromContext applies the rules above to one article's spans, in text
// order, and returns them (a river the recognizer missed is added).
func typeFromContext(words []string, spans []ner.Span) []ner.Span {
	var typed []ner.Span // the spans whose context says their type; few
	for i := range spans {
		s := &spans[i]
		if t, ok := appositionType(words, *s); ok {
			s.Type = t
			typed = append(typed, *s)
		} else if afterCorporateOffice(words, *s) {
			s.Type = ner.Organization
			typed = append(typed, *s)
		} else if s.Type == ner.Organization && isPlaceBeforeName(words, *s) {
			s.Type = ner.Location
		} else if s.Type != ner.Organization && s.Type != ner.Misc && s.First > 0 && orgNouns.has(words[s.First-1]) && words[s.First-1] != "carrier" {
			// "the band Killing Joke", "rival carmaker Hollis Motors"; not
			// "the aircraft carrier Carl Vinson", a ship.
			s.Type = ner.Organization
			typed = append(typed, *s)
		} else if s.Type != ner.Organization && s.Type != ner.Misc && (beforeLegalForm(words, *s) || afterOrgExamples(words, spans, i)) {
			s.Type = ner.Organization // "Cascade Timberlands, LLC", "bands like New Order"
			typed = append(typed, *s)
		} else if s.Type != ner.Organization && s.Type != ner.Misc && isSourceNamedByNoun(words, *s) {
			s.Type = ner.Organization // "Zycie Warszawy daily said"
			typed = append(typed, *s)
		} else if s.Type != ner.Person && s.Type != ner.Misc && isPersonByWordBefore(words, *s) {
			s.Type = ner.Person // "his wife, Nancy,", "Indonesian president Suharto"
			typed = append(typed, *s)
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
		case s.Type == ner.Organization && s.Last-s.First > 1 && naturalFeatureNouns.has(words[s.Last-1]):
			spans[i].Type = ner.Location // "Red Sea", "Atlas Mountains"
		case s.Type == ner.Location && s.Last-s.First > 1 && institutionEnds.has(words[s.Last-1]):
			spans[i].Type = ner.Organization // "Paxton Carnegie Public Library"
		}
	}
	listTypes(words, spans)
	spans = riversAfterThe(words, spans)
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
		if last-first >= 2 && spans[last-1].Last < len(words) && pluralPlaceNouns.has(words[spans[last-1].Last]) {
			// "King, Pierce and Snohomish counties"
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
		_, known := gazetteer.Place(strings.Join(words[s.First:s.Last], " "))
		return known
	}
	return false
}

// pluralPlaceNouns after a list of names say they are places.
var pluralPlaceNouns = newWordSet(strings.Fields("counties provinces states districts regions islands rivers cities towns villages"))

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

// institutionEnds end the names of organizations, never a place's: a
// "place" so named is the institution ("Paxton Carnegie Public Library", "New
// Jersey Department of Public Safety"). Words that end places too ("Bank",
// "Center", "Front", "Church", "Federation", and "Hospital" where someone
// lies) are not among them.
var institutionEnds = newWordSet(strings.Fields("Department Ministry Library University College Institute Academy" +
	" Agency Association Council Commission Committee Corporation Company Inc Ltd Plc LLC Records" +
	" Recordings Publishing Airlines Airways Holdings Industries Laboratories Conference League Society Foundation"))

// naturalFeatureNouns end the names of seas, rivers, mountains and deserts,
// which no firm or team news names is known by ("Tampa Bay" is a team).
var naturalFeatureNouns = newWordSet(strings.Fields("Sea Ocean River Lake Mountains Desert Gulf Strait Peninsula" +
	" Islands Glacier Volcano Crater Canyon Archipelago Reservoir"))

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
	case i < len(words) && appositionDeterminers.has(words[i]):
		i++
	case i+1 < len(words) && isPossessiveWord(words[i+1]):
		i += 2 // "Jupiter's"
	default:
		return 0, false // a clause, not a noun phrase: ", took a group of"
	}
	for end := min(i+6, len(words)); i < end; i++ {
		w := words[i]
		if isPossessiveWord(w) || !hasLetter(w) || appositionStops.has(w) {
			return 0, false
		}
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		if speechVerbs.has(next) {
			return 0, false // a subject, not an apposition: "Moscow, Interfax news agency said"
		}
		if isPossessiveWord(next) || hasLetter(next) && !appositionStops.has(next) && !strings.HasSuffix(next, "ed") {
			continue // not the head: "the club's", "a logistics company"
		}
		switch {
		case placeNouns.has(w):
			return ner.Location, true
		case orgNouns.has(w):
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

// speechVerbs, and the verbs a subject takes, after a noun phrase make it
// the subject of a clause, not an apposition.
var speechVerbs = newWordSet(strings.Fields("said says told reported reports added is was are were has had have will would"))

// appositionDeterminers open the noun phrase of an apposition.
var appositionDeterminers = newWordSet(strings.Fields("the a an its their his her"))

// appositionStops end the noun phrase of an apposition: prepositions,
// relative pronouns, conjunctions and the compass points ("a town north
// of").
var appositionStops = newWordSet(strings.Fields("of in at on for from near with by to that which who whose where when and or but" +
	" until since after before between about north south east west northeast northwest southeast southwest"))

// placeNouns head an apposition that makes a name a place; orgNouns one
// that makes it an organization. A person's nouns need no rule: the
// recognizer reads those.
var (
	placeNouns = newWordSet(strings.Fields("moon moons planet planets city town village hamlet county parish municipality" +
		" commune township borough settlement suburb neighbourhood neighborhood river lake island islands archipelago" +
		" port province region state country capital district mountain volcano desert sea bay peninsula crater" +
		" harbour harbor valley"))
	orgNouns = newWordSet(strings.Fields("company firm group agency airline carrier charity band club team party union" +
		" supplier contractor shipper exporter importer distributor wholesaler miner refiner automaker carmaker" +
		" chipmaker drugmaker" +
		" newspaper magazine broadcaster retailer insurer lender bank manufacturer maker producer startup start-up" +
		" organization organisation corporation subsidiary network conglomerate supermarket chain brand label" +
		" publisher developer operator utility nonprofit orchestra ensemble choir duo trio quartet league" +
		" federation association society institute foundation regiment battalion squadron brigade journal daily weekly" +
		" tabloid"))
)

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
		if !corporateOffices.has(office) {
			return false
		}
	case "at":
		if !corporateOffices.has(office) && !postsAt.has(office) {
			return false
		}
	default:
		return false
	}
	if s.Type != ner.Location {
		return true
	}
	_, known := gazetteer.Place(strings.Join(words[s.First:s.Last], " "))
	return !known
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

// beforeLegalForm reports whether a comma and a company's legal form follow
// a name: "Cascade Timberlands, LLC"; not "Navan, Co. Meath", an Irish
// county.
func beforeLegalForm(words []string, s ner.Span) bool {
	i := s.Last + 1
	if i >= len(words) || words[s.Last] != "," || !legalForms.has(strings.TrimSuffix(words[i], ".")) {
		return false
	}
	return i+1 == len(words) || !startsUpper(words[i+1])
}

var legalForms = newWordSet(strings.Fields("Inc LLC Ltd Corp Co PLC plc GmbH AG LLP"))

// afterOrgExamples reports whether span i of spans is one of the examples
// after a plural organization's noun: "bands like New Order, Interpol and
// Joy Division", "companies such as Wachovia".
func afterOrgExamples(words []string, spans []ner.Span, i int) bool {
	for ; i > 0 && isListGap(words[spans[i-1].Last:spans[i].First]); i-- {
	}
	j := spans[i].First - 1
	if j >= 0 && words[j] == "as" && j > 0 && words[j-1] == "such" {
		j--
	} else if j < 0 || words[j] != "like" && words[j] != "including" {
		return false
	}
	return j > 0 && orgNouns.has(singular(words[j-1]))
}

// singular returns the singular of an English plural noun: "bands" is
// "band", "companies" "company".
func singular(w string) string {
	if stem, ok := strings.CutSuffix(w, "ies"); ok {
		return stem + "y"
	}
	return strings.TrimSuffix(w, "s")
}

// isSourceNamedByNoun reports whether a name is followed by an
// organization's noun (perhaps after one more word) and a verb of
// attribution: "Zycie Warszawy daily said", "Interfax news agency reported".
func isSourceNamedByNoun(words []string, s ner.Span) bool {
	if s.Last < len(words) && isPossessiveWord(words[s.Last]) {
		return false // "Greta Alvik's firm said"
	}
	for i := s.Last; i < len(words)-1 && i <= s.Last+1; i++ {
		if orgNouns.has(words[i]) && speechVerbs.has(words[i+1]) {
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
	if words[i] == "," && i > 0 && kinNouns.has(words[i-1]) {
		i--
	}
	w := words[i]
	if !kinNouns.has(w) && (startsUpper(w) || !personTitleBefore.has(w)) {
		return false
	}
	_, place := gazetteer.Place(strings.Join(words[s.First:s.Last], " "))
	return !place
}

var (
	kinNouns = newWordSet(strings.Fields("wife husband son daughter brother sister mother father widow widower" +
		" grandson granddaughter grandmother grandfather uncle aunt nephew niece cousin fiancee fiance"))
	// personTitleBefore are the titles that name a person's office before
	// the name, in lower case: "president Suharto".
	personTitleBefore = newWordSet(strings.Fields("president premier minister chancellor senator governor mayor" +
		" king queen prince princess sheikh emir sultan pope"))
)

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

// postsAt are the posts a person holds at an organization, in lower case.
var postsAt = newWordSet(strings.Fields("analyst economist strategist scientist researcher professor lecturer engineer" +
	" lawyer partner fellow job internship worked works"))

// corporateOffices are the offices held in an organization, in lower case
// (an office written with a capital heads a title: "Minister of State").
var corporateOffices = newWordSet(strings.Fields("officer executive director founder co-founder chairman chairwoman" +
	" chairperson president ceo cfo coo owner shareholder shareholders partner employee employees"))

// riversAfterThe types as places the rivers written after "the" ("the
// Nile", "the Blue Nile"), and adds those the recognizer left outside any
// name.
func riversAfterThe(words []string, spans []ner.Span) []ner.Span {
	var missed []ner.Span
	k := 0
	for i := 1; i < len(words); i++ {
		if words[i-1] != "the" || !startsUpper(words[i]) {
			continue
		}
		for k < len(spans) && spans[k].Last <= i {
			k++
		}
		if k < len(spans) && spans[k].First == i {
			if s := &spans[k]; s.Last-s.First <= 2 && gazetteer.IsRiver(words[s.Last-1]) {
				s.Type = ner.Location
			}
			continue
		}
		if (k == len(spans) || spans[k].First > i) && (i+1 == len(words) || !startsUpper(words[i+1])) && gazetteer.IsRiver(words[i]) {
			missed = append(missed, ner.Span{First: i, Last: i + 1, Type: ner.Location})
		}
	}
	if missed == nil {
		return spans
	}
	return mergeSpans(spans, missed)
}

// mergeSpans merges two lists of spans in text order; neither overlaps the
// other.
func mergeSpans(spans, more []ner.Span) []ner.Span {
	out := make([]ner.Span, 0, len(spans)+len(more))
	for len(spans) > 0 || len(more) > 0 {
		if len(more) == 0 || len(spans) > 0 && spans[0].First < more[0].First {
			out, spans = append(out, spans[0]), spans[1:]
		} else {
			out, more = append(out, more[0]), more[1:]
		}
	}
	return out
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
				if spaceWords.has(w) {
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

// spaceWords are the words of an article about space.
var spaceWords = newWordSet(strings.Fields("moon moons planet planets spacecraft orbit orbiter orbiting rover lander" +
	" telescope astronomers astronomer asteroid comet astronaut astronauts space mission missions NASA ESA"))
