package annotate

import (
	"strings"

	"lede/annotate/gazetteer"
	"lede/annotate/ner"
)

// Names: marks the spans of the text that name a person, place or
// organization, with the trained recognizer of package ner (an averaged
// perceptron over the pipeline's own tokens and sentences, reading the whole
// document twice so that a name is typed the same way throughout). Other
// names it knows (events, nationalities) are left out. Surname particles
// ("de", "van", "bin") that the recognizer left between two parts of a
// person's name are taken back into it, figures it took in at a name's end
// (a score, a date: "Gillespie 6-0-27-0") are left out of it, and a
// short name takes the type of the longer one it abbreviates elsewhere in
// the document: "Deportivo" is short for the club "Deportivo Coruna", "Suu
// Kyi" for the person "Aung San Suu Kyi".

// Name is one typed name span: tokens [First, Last), bytes [Start, End).
// Confidence is the probability, calibrated on CoNLL-2003 dev, that the
// recognizer has the name's extent and type right (0 for names found
// otherwise).
type Name struct {
	First, Last int
	Start, End  int
	Type        EntityType
	Confidence  float64
}

// nameTypes maps the recognizer's types to Lede's; Misc has no entry.
var nameTypes = map[ner.Type]EntityType{ner.Person: Person, ner.Location: Place, ner.Organization: Organization}

func findNames(text string, toks []Token, sents []Sentence) []Name {
	model, err := ner.Default()
	if err != nil || len(toks) == 0 {
		return nil // a broken model finds no names; CheckEmbedded says why
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text(text)
	}
	labels := make([]ner.Label, len(toks))
	margins := make([]float32, len(toks))
	nerSents := make([]ner.WordRange, len(sents))
	var names []Name
	var scratch articleScratch
	starts := articleStarts(text, toks, sents)
	for k, first := range starts {
		last := len(sents)
		if k+1 < len(starts) {
			last = starts[k+1]
		}
		// Each article is a document of its own, its words counted from 0.
		base, end := sents[first].First, sents[last-1].Last
		doc := ner.Text{Words: words[base:end], Sentences: nerSents[first:last]}
		for i, s := range sents[first:last] {
			doc.Sentences[i] = ner.WordRange{First: s.First - base, Last: s.Last - base}
		}
		names = scratch.names(text, model, doc, labels[base:end], margins[base:end], toks, base, names)
	}
	return names
}

// articleScratch is what findNames reuses from one article to the next.
type articleScratch struct {
	spans []ner.Span
	split []ner.Span // the spans after splitCoordinated, when it splits one
	short shortNames
}

// names tags one article, whose first word is token base, and appends its
// names to names.
func (a *articleScratch) names(text string, model *ner.Model, doc ner.Text, labels []ner.Label, margins []float32, toks []Token, base int, names []Name) []Name {
	model.TagMargins(doc, labels, margins)
	labelRivers(doc.Words, labels)
	a.spans = ner.AppendSpans(a.spans[:0], labels)
	a.short.text, a.short.toks = text, toks[base:]
	spans := joinParticles(doc.Words, trimFigures(doc.Words, cutAtApposition(doc.Words, a.splitCoordinated(doc.Words, a.spans))))
	spans = datelinePlaces(doc, placesNotPeople(doc.Words, a.short.retype(doc.Words, spans)))
	spans = typeFromContext(doc.Words, titledPeople(doc.Words, givenNamesAfterTitles(doc.Words, spans)))
	for _, span := range spans {
		if typ, ok := nameTypes[span.Type]; ok {
			names = append(names, Name{First: base + span.First, Last: base + span.Last, Start: toks[base+span.First].Start, End: toks[base+span.Last-1].End, Type: typ,
				Confidence: model.Confidence(ner.SpanMargin(margins, span))})
		}
	}
	return names
}

// joinParticles merges two person spans separated only by surname particles:
// "Pieter" de "Groot" is one person.
func joinParticles(words []string, spans []ner.Span) []ner.Span {
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.Type == ner.Person && out[n-1].Type == ner.Person && onlyParticles(words[out[n-1].Last:s.First]) {
			out[n-1].Last = s.Last
			continue
		}
		out = append(out, s)
	}
	return out
}

func onlyParticles(words []string) bool {
	for _, w := range words {
		if !surnameParticles[w] {
			return false
		}
	}
	return len(words) > 0
}

// surnameParticles are the lower-case words that join the parts of a name.
var surnameParticles = map[string]bool{
	"de": true, "del": true, "della": true, "der": true, "den": true, "di": true, "da": true,
	"do": true, "dos": true, "das": true, "du": true, "la": true, "le": true, "van": true,
	"von": true, "ter": true, "ten": true, "bin": true, "ibn": true, "al": true, "el": true, "y": true,
}

// splitCoordinated splits an organization the recognizer read across "and
// the" into the two it names, when the second ends in an institution's
// head word: "[Ohio Department of Development and the Greater Dayton
// Regional Transit Authority]" is two. The spans are spans, or a.split
// when one is split.
func (a *articleScratch) splitCoordinated(words []string, spans []ner.Span) []ner.Span {
	n := 0
	for _, s := range spans {
		if andTheAt(words, s) > 0 {
			n++
		}
	}
	if n == 0 {
		return spans
	}
	a.split = a.split[:0]
	for _, s := range spans {
		if k := andTheAt(words, s); k > 0 {
			a.split = append(a.split, ner.Span{First: s.First, Last: k, Type: s.Type}, ner.Span{First: k + 2, Last: s.Last, Type: s.Type})
			continue
		}
		a.split = append(a.split, s)
	}
	return a.split
}

// andTheAt returns where "and the" stands in organization s when capitalised
// words ending in a head word follow it, or 0.
func andTheAt(words []string, s ner.Span) int {
	if s.Type != ner.Organization || s.Last-s.First < 4 || !institutionHeads.has(words[s.Last-1]) {
		return 0
	}
	for k := s.Last - 3; k > s.First; k-- {
		if !startsUpper(words[k+2]) {
			return 0
		}
		if words[k] == "and" && words[k+1] == "the" {
			return k
		}
	}
	return 0
}

// cutAtApposition ends a name at a comma that a lower-case word follows:
// no name goes on so, and the recognizer sometimes reads an apposition into
// one ("[Association, the teachers' union,]"). "Ministry of Tourism, Arts
// and Culture" and "Hotel, Catering and Allied Workers Union" keep theirs.
func cutAtApposition(words []string, spans []ner.Span) []ner.Span {
	for i, s := range spans {
		for k := s.First + 1; k+1 < s.Last; k++ {
			if words[k] == "," && !startsUpper(words[k+1]) {
				spans[i].Last = k
				break
			}
		}
	}
	return spans
}

// trimFigures drops from the end of each name longer than one word the
// figures that no name ends with: scores, dates, times and odds, written
// with separators ("6-0-27-0", "1996-08-30", "10:30"). Plain numbers stay
// ("Schalke 04", "Route 66").
func trimFigures(words []string, spans []ner.Span) []ner.Span {
	for i := range spans {
		for spans[i].Last-spans[i].First > 1 && isFigure(words[spans[i].Last-1]) {
			spans[i].Last--
		}
	}
	return spans
}

// isFigure reports whether w is a number written with separators.
func isFigure(w string) bool {
	separated := false
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
		case r == '-' || r == '/' || r == ':' || r == '.' || r == ',':
			separated = true
		default:
			return false
		}
	}
	return separated && w[0] >= '0' && w[0] <= '9'
}

// shortNames retypes the short forms of the document's longer names
// between person and organization: a one-word name takes the type of the
// first longer name that begins with it ("Deportivo", "Deportivo Coruna"),
// and an organization that ends a person's name is that person ("Suu Kyi",
// "Aung San Suu Kyi"). Places are left alone: a city often begins a team's
// or a firm's name ("Seattle Mariners") and a surname may be a place.
// Its maps are reused from one document to the next.
type shortNames struct {
	heads       map[string]ner.Type
	personTails map[string]bool
	key         []byte // a tail of more than one word, its words joined by spaces
	// text and toks are the document's, toks counted from the article's
	// first word: a tail written with single spaces is kept as a slice of
	// the text rather than a copy.
	text string
	toks []Token
}

func (sn *shortNames) retype(words []string, spans []ner.Span) []ner.Span {
	if sn.heads == nil {
		sn.heads, sn.personTails = map[string]ner.Type{}, map[string]bool{}
	}
	heads, personTails := sn.heads, sn.personTails
	clear(heads)
	clear(personTails)
	for _, s := range spans {
		if s.Last-s.First < 2 {
			continue
		}
		if _, seen := heads[words[s.First]]; !seen {
			heads[words[s.First]] = s.Type
		}
		if s.Type == ner.Person {
			for first := s.First + 1; first < s.Last; first++ {
				if first == s.Last-1 {
					personTails[words[first]] = true // a word of the text: no copy
				} else if key := sn.join(words[first:s.Last]); !personTails[string(key)] {
					personTails[sn.keep(key, first, s.Last)] = true
				}
			}
		}
	}
	for i, s := range spans {
		if t, ok := heads[words[s.First]]; ok && s.Last-s.First == 1 && isPersonOrOrg(s.Type) && isPersonOrOrg(t) {
			spans[i].Type = t
		}
		if spans[i].Type == ner.Organization && personTails[string(sn.join(words[s.First:s.Last]))] {
			spans[i].Type = ner.Person
		}
	}
	return spans
}

// keep returns key, the words [first, last) joined, as a string to keep:
// the text's own bytes when the text writes them so, else a copy.
func (sn *shortNames) keep(key []byte, first, last int) string {
	if last <= len(sn.toks) {
		if span := sn.text[sn.toks[first].Start:sn.toks[last-1].End]; span == string(key) {
			return span
		}
	}
	return string(key)
}

// join returns words joined by spaces, as strings.Join does, in sn.key,
// which the next call overwrites. A map read with string(join(...)) copies
// nothing, and a map write copies only a key it did not hold.
func (sn *shortNames) join(words []string) []byte {
	sn.key = sn.key[:0]
	for i, w := range words {
		if i > 0 {
			sn.key = append(sn.key, ' ')
		}
		sn.key = append(sn.key, w...)
	}
	return sn.key
}

func isPersonOrOrg(t ner.Type) bool { return t == ner.Person || t == ner.Organization }

// titledPeople makes a person of a short name that begins with a courtesy
// or gendered title ("Queen Camilla", "Mrs Okafor", "King Charles"), which
// the recognizer sometimes reads as an organization: the title is no part
// of the name, and a title that tells a sex or is a courtesy stands only
// before people. Longer names, and names ending in an organization's word
// ("Queen Mary University"), are left alone.
func titledPeople(words []string, spans []ner.Span) []ner.Span {
	for i, s := range spans {
		n := s.Last - s.First
		if !isPersonOrOrg(s.Type) || n < 2 || n > 3 || gazetteer.IsOrgSuffix(words[s.Last-1]) {
			continue
		}
		if t, ok := gazetteer.PersonTitle(words[s.First]); ok && (t.Honorific || t.Sex != 0) {
			spans[i] = ner.Span{First: s.First + 1, Last: s.Last, Type: ner.Person}
		}
	}
	return spans
}

// givenNamesAfterTitles hands a person's given names back from the name
// before them, which took them in with a title: "[Franklin County
// Commissioner Erica] [Crawley-Nunez]" is the place "Franklin County", the
// title, and the person "Erica Crawley-Nunez". A name that is only the
// title and the given names is dropped.
func givenNamesAfterTitles(words []string, spans []ner.Span) []ner.Span {
	out := spans[:0]
	for i, s := range spans {
		if s.Type != ner.Person && s.Type != ner.Misc && i+1 < len(spans) && spans[i+1].Type == ner.Person && spans[i+1].First == s.Last {
			p := s.Last - 1
			for p > s.First && isGivenName(words[p]) {
				p--
			}
			if p < s.Last-1 && gazetteer.IsPersonTitle(words[p]) {
				spans[i+1].First = p + 1
				if s.Last = p; s.Last == s.First {
					continue
				}
			}
		}
		out = append(out, s)
	}
	return out
}

func isGivenName(w string) bool {
	_, ok := gazetteer.GivenName(w)
	return ok
}

// placesNotPeople retypes as places the person names that a reader knows to
// be places: those whose first or last word says what kind of place they
// are ("Lea County", "Marlow Heights", "Tanjung Priok", "Mount Kenya") and
// the planets and moons that news about space names ("Jupiter",
// "Ganymede"), which the recognizer, trained on 1996 wire news, reads as
// surnames, unless the document names a person with that surname ("Freddie
// Mercury" ... "Mercury"); and, of the names tagged an organization, the
// planets and moons no firm is named after, two-word names that begin as
// places do, and counties where the words around them say so.
func placesNotPeople(words []string, spans []ner.Span) []ner.Span {
	var surnames map[string]bool // made only in the rare text that needs it
	for _, s := range spans {
		if s.Type == ner.Person && s.Last-s.First > 1 && celestialBodies[words[s.Last-1]] {
			if surnames == nil {
				surnames = map[string]bool{}
			}
			surnames[words[s.Last-1]] = true
		}
	}
	for i, s := range spans {
		last, oneWord := words[s.Last-1], s.Last-s.First == 1
		switch {
		case s.Type == ner.Person && !oneWord && (isPlaceHeadNoun(last) || isWord(words[s.First], wordPlaceLead)),
			s.Type == ner.Person && oneWord && celestialBodies[last] && !surnames[last],
			s.Type == ner.Organization && oneWord && onlyCelestial[last],
			// Of two-word organizations so begun, all but "Port Vale" (a
			// club) and the like are places too.
			s.Type == ner.Organization && s.Last-s.First == 2 && isWord(words[s.First], wordPlaceLead) && words[s.First] != "Port",
			s.Type == ner.Organization && isCountyInContext(words, s):
			spans[i].Type = ner.Location
		}
	}
	return spans
}

// placeHeadNouns are the words that end a place's name and no person's: a
// person's name of two words or more that ends with one is a place ("Lea
// County", "Jezero Crater", "Rod Laver Arena"); an organization's may not
// be ("Notts County").
var placeHeadNouns = newWordSet(strings.Fields("County Heights Island Islands Province District Prefecture" +
	" Governorate Oblast Township Borough Parish Valley Bay Harbour Harbor Peninsula Strait Mountains" +
	" Lake River Creek Springs Falls Spaceport Cosmodrome Airport Desert Plateau Gulf Crater Cave Caves" +
	" Arena Stadium Canyon Avenue Boulevard Highway Volcano Glacier Archipelago Atoll Lagoon Reservoir" +
	" Street Road Square Bridge"))

// isCountyInContext reports whether an organization's name that ends in
// "County" or "Parish" names the county where the words around it say so:
// after "in" ("in Cook County") or before its officials ("Lea County
// commissioners"). A club is named so too ("Notts County") and a county's
// government ("Cook County" said), so the name alone does not tell.
func isCountyInContext(words []string, s ner.Span) bool {
	if s.Last-s.First < 2 || words[s.Last-1] != "County" && words[s.Last-1] != "Parish" {
		return false
	}
	return s.First > 0 && isWord(words[s.First-1], wordCountyBefore) || s.Last < len(words) && isWord(words[s.Last], wordCountyAfter)
}

// isPlaceHeadNoun reports whether w is a place head noun, as written or in
// a headline's capitals ("MARLOW HEIGHTS").
func isPlaceHeadNoun(w string) bool {
	if placeHeadNouns.has(w) {
		return true
	}
	return len(w) > 1 && !hasLower(w) && placeHeadNouns.has(w[:1]+strings.ToLower(w[1:]))
}

// onlyCelestial are the celestial bodies that no firm or team news names is
// known by: a one-word organization named so is the planet or moon.
var onlyCelestial = map[string]bool{
	"Jupiter": true, "Saturn": true, "Uranus": true, "Neptune": true, "Ganymede": true, "Callisto": true,
	"Enceladus": true, "Phobos": true, "Deimos": true,
}

// celestialBodies are the planets, dwarf planets and moons that news names.
var celestialBodies = map[string]bool{
	"Mercury": true, "Venus": true, "Mars": true, "Jupiter": true, "Saturn": true, "Uranus": true, "Neptune": true,
	"Pluto": true, "Ceres": true, "Eris": true, "Io": true, "Europa": true, "Ganymede": true, "Callisto": true,
	"Titan": true, "Enceladus": true, "Triton": true, "Phobos": true, "Deimos": true, "Charon": true,
	"Miranda": true, "Oberon": true, "Titania": true,
}

// datelinePlaces types as places the datelines of today's news: a name in
// capitals that opens a sentence and ends where a dateline's place does
// (datelineAt: "LEEDS —", "NAIROBI, Kenya —", "KOUROU (AFP) —"). A sports
// report must not make its dateline a club, nor an unrelated sentence
// elsewhere a firm; and its place's other one-word mentions are places too.
func datelinePlaces(doc ner.Text, spans []ner.Span) []ner.Span {
	word := func(i int) string { return doc.Words[i] }
	var buf [maxDatelinePlaces]string
	places := buf[:0] // the datelines' one-word places
	k := 0
	for _, sent := range doc.Sentences {
		for ; k < len(spans) && spans[k].First < sent.First; k++ {
		}
		if k == len(spans) {
			break
		}
		s := &spans[k]
		if s.First != sent.First || s.Type == ner.Misc || !allCapitals(doc.Words[s.First:s.Last]) {
			continue
		}
		if placeEnd, _, ok := datelineAt(word, sent.First, sent.Last); ok && s.Last == placeEnd {
			s.Type = ner.Location
			if s.Last-s.First == 1 && len(places) < maxDatelinePlaces {
				places = append(places, doc.Words[s.First])
			}
		}
	}
	// The dateline's place is a place throughout: "LOVINGTON, N.M. —" and
	// "residents of Hobbs and Lovington".
	for _, place := range places {
		for i, s := range spans {
			if s.Last-s.First == 1 && isPersonOrOrg(s.Type) && strings.EqualFold(doc.Words[s.First], place) {
				spans[i].Type = ner.Location
			}
		}
	}
	return spans
}

// maxDatelinePlaces bounds the dateline places an article's names are
// compared with: an article has one dateline, and a text of many dateline
// sentences must not cost a pass over its names for each.
const maxDatelinePlaces = 4

// allCapitals reports whether every word with letters is in capitals.
func allCapitals(words []string) bool {
	for _, w := range words {
		if hasLower(w) {
			return false
		}
	}
	return true
}
