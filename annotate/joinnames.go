package annotate

import (
	"strings"

	"lede/annotate/gazetteer"
	"lede/annotate/ner"
)

// Joining names: the first step of the entities stage mends the names the
// recognizer broke at an inner word, so that "Coalition on Homelessness and
// Housing in Ohio", "Bank of England", "Sharm el-Sheikh" and "Ferdinand
// Marcos Jr." are one name each, while "Paris and London" stays two. It
// works on the syntax of names, not on a list of them:
//
//   - two names of one type that touch ("Ferdinand Marcos" "Jr.") are one;
//   - a name particle ("de", "van der") joins what it links, and a word
//     that begins with one ("el-Sheikh") continues the name before it;
//   - "of", "on" or "for" after an organization's or a place's head word
//     ("Bank", "University", "Gulf") joins the name after it, and the
//     complement so begun may go on with "and" ("on Homelessness and
//     Housing") and, once it holds three names, with "in" and a place;
//     the complement may be inside the recognizer's name ("[Ministry of
//     Water Resources] and [Irrigation]"), and what "and" adds must be
//     everyday words, which the name lists do not know as a name alone
//     (not "[Ministry of Health] and [Oxfam]"), and so may a comma before
//     another "and" ("Ministry of Tourism, Arts and Culture");
//   - "&" between two surnames makes one firm of them ("Simon & Schuster");
//   - an organization ending in a head word takes in the everyday
//     capitalised words before an "and" before it, and the place or
//     organization they follow ("[Bangladesh] Garment Manufacturers and
//     [Exporters Association]");
//   - an organization takes in the capitalised words the recognizer left
//     around it ("[Promotion Council]" in "the Nigerian Export Promotion
//     Council", "[Kiel Institute] for the World Economy"), unless they are
//     titles, calendar words, the start of a sentence or a headline.
//
// Names arrive in text order and leave in text order; the joined name takes
// the type of its first piece.

// nameParticles are the lower-case words inside names ("Charles de Gaulle",
// "Pieter van der Walt", "Rio de Janeiro").
var nameParticles = newWordSet(strings.Fields("de del della di da du des van von der den ter el al bin ibn ben la le dos das do y"))

// hyphenParticles begin a word that continues a name ("el-Sheikh", "al-Assad").
var hyphenParticles = newWordSet(strings.Fields("el al ad as ash an ar at az bin ibn ben abu"))

// placeHeads head a place's name before "of": "Gulf of Mexico".
var placeHeads = setOf("gulf bay sea isle island islands strait straits cape lake port republic kingdom" +
	" province state district county mount ocean coast city")

// institutionHeads end the name of an organization that "of", "on" or
// "for" may continue ("Bank of England", "Commission on Presidential
// Debates"); a company's legal form does not ("Dow Chemical Co of the
// United States").
var institutionHeads = setOf("academy administration agency alliance assembly association authority" +
	" bank board bureau cabinet center centre church coalition college commission committee" +
	" conference council court department federation forces foundation front fund guard hospital" +
	" institute institution laboratory league ministry movement office organisation organization" +
	" parliament party police reserve school senate service society tribunal trust union" +
	" university army navy chamber chambers house centres centers institutes councils")

// nameJoiner mends the names of one text. It looks words up in the
// gazetteer directly: only the few words around a name it may extend need it.
type nameJoiner struct {
	text  string
	toks  []Token
	model *ner.Model // for WordEvidence; nil: no word is everyday
}

func (j nameJoiner) word(i int) string { return j.toks[i].Text(j.text) }

func (j nameJoiner) isTitleAt(i int) bool { return gazetteer.IsPersonTitle(j.word(i)) }

// isDemonymAt: token i is a demonym ("Indonesian"), not a country.
func (j nameJoiner) isDemonymAt(i int) bool {
	_, ok := gazetteer.Demonym(j.word(i))
	return ok && !j.isCountryAt(i)
}

func (j nameJoiner) isCountryAt(i int) bool {
	_, ok := gazetteer.Country(j.word(i))
	return ok
}

// joinNames returns names with the pieces of one name joined, in names'
// own array (the joined names are never more than the pieces).
func joinNames(text string, toks []Token, names []Name) []Name {
	if len(names) == 0 {
		return names
	}
	model, _ := ner.Default()
	j := nameJoiner{text: text, toks: toks, model: model}
	out := names[:0]
	// pieces is how many names the last one joined; complement whether it
	// ends in a complement begun by "of", "on" or "for".
	pieces, complement := 0, false
	for _, n := range names {
		if len(out) > 0 {
			cur := &out[len(out)-1]
			if ok, begins := j.joins(cur, n, pieces, complement); ok {
				if j.word(cur.Last) == "&" {
					cur.Type = Organization
				}
				cur.Last, cur.End = n.Last, n.End
				pieces++
				complement = complement || begins
				continue
			}
		}
		if n.Type == Organization {
			var absorbed int
			n, absorbed = j.extendBackward(n, out)
			out = out[:len(out)-absorbed]
		}
		out = append(out, n)
		// A complement inside the name counts as the piece it would be.
		pieces, complement = 1, j.hasComplement(n)
		if complement {
			pieces = 2
		}
	}
	for k := range out {
		limit := len(toks)
		if k+1 < len(out) {
			limit = out[k+1].First
		}
		if n := &out[k]; n.Last < limit && j.continuesName(n.Last) {
			n.Last, n.End = n.Last+1, toks[n.Last].End // "Sharm el-Sheikh"
		}
		if out[k].Type == Organization {
			out[k] = j.extendForward(out[k], limit)
		}
		out[k] = j.extendAmpersand(out[k], limit)
	}
	return out
}

// hasComplement reports whether organization n holds a complement: "of",
// "on" or "for" after a head word ("Ministry of Water Resources").
func (j nameJoiner) hasComplement(n Name) bool {
	if n.Type != Organization {
		return false
	}
	for i := n.First + 1; i+1 < n.Last; i++ {
		if w := j.word(i); (w == "of" || w == "on" || w == "for") && institutionHeads.has(j.word(i-1)) {
			return true
		}
	}
	return false
}

// isEverydayAt reports whether token i is a capitalised everyday word
// ("Irrigation", "Garment") that the name lists do not know alone as a
// name.
func (j nameJoiner) isEverydayAt(i int) bool {
	w := j.word(i)
	if !isCapitalized(w) {
		return false
	}
	everyday, namesAlone := j.model.WordEvidence(w)
	return everyday && !namesAlone
}

// allEveryday reports whether every word of n is an everyday word.
func (j nameJoiner) allEveryday(n Name) bool {
	for i := n.First; i < n.Last; i++ {
		if !j.isEverydayAt(i) {
			return false
		}
	}
	return true
}

// extendAmpersand takes in the word after "&" that follows a name of one
// word, both written like surnames ("Simon & Schuster"), no further than
// limit: the name is then a firm's. Two people's full names stay two
// ("Jenny Lind & Tom Hale").
func (j nameJoiner) extendAmpersand(n Name, limit int) Name {
	i := n.Last
	if i+1 >= limit || j.word(i) != "&" || j.toks[i+1].NewlineBefore || !j.isLooseNameWord(i+1) ||
		!j.isSurnameAt(n.First, n.Last) || !j.isSurnameAt(i+1, i+2) || !j.closesName(i+2) {
		return n
	}
	n.Last, n.End, n.Type = i+2, j.toks[i+1].End, Organization
	return n
}

// isSurnameAt reports whether tokens [first, last) are one word written
// like a surname: a capital, then lower-case letters ("Gamble", not "MTV").
func (j nameJoiner) isSurnameAt(first, last int) bool {
	if last-first != 1 || j.toks[first].Kind != Word {
		return false
	}
	w := j.word(first)
	return isCapitalized(w) && len(w) > 1 && hasLower(w)
}

// continuesName reports whether token i is a word that continues the name
// before it: a particle joined by a hyphen to a capitalised word
// ("el-Sheikh", "al-Khaimah").
func (j nameJoiner) continuesName(i int) bool {
	t := j.toks[i]
	if t.Kind != Word || !t.SpaceBefore || t.NewlineBefore {
		return false
	}
	w := j.word(i)
	if len(w) < 4 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	particle, rest, ok := strings.Cut(w, "-")
	return ok && hyphenParticles.has(particle) && isCapitalized(rest)
}

// joins reports whether name n continues cur, a name of pieces pieces, and
// whether the join begins a complement.
func (j nameJoiner) joins(cur *Name, n Name, pieces int, complement bool) (ok, begins bool) {
	gap := n.First - cur.Last
	if gap < 0 || gap > 2 || j.toks[n.First].NewlineBefore || gap > 0 && j.anyNewline(cur.Last, n.First) {
		return false, false
	}
	last := j.word(cur.Last - 1)
	switch gap {
	case 0:
		return n.Type == cur.Type && !isPossessiveClitic(last) && j.toks[n.First].Kind == Word &&
			j.toks[cur.Last-1].Kind == Word, false
	case 1, 2:
		w := j.word(cur.Last)
		if nameParticles.has(w) && (gap == 1 || nameParticles.has(j.word(cur.Last+1))) {
			return n.Type == cur.Type, false
		}
		if gap == 2 && j.word(cur.Last+1) != "the" {
			return false, false
		}
		switch {
		case complementWords.has(w) && (w == "of" || w == "on" || w == "for"):
			heads := cur.Type == Organization && institutionHeads.has(last) ||
				cur.Type == Place && placeHeads.has(last) && n.Type == Place
			return heads || complement && n.Type != Person, true
		case gap == 1 && (w == "'" || w == "’") && cur.Type == Organization && n.Type == Organization && strings.HasSuffix(last, "s"):
			// a plural's possessive inside a name: "[Educators]' [Association]"
			return !j.toks[cur.Last].SpaceBefore, false
		case gap == 1 && w == "&":
			return j.isSurnameAt(cur.First, cur.Last) && j.isSurnameAt(n.First, n.Last), false
		case gap == 1 && w == "," && j.listGoesOnToAnd(n.Last):
			// "Ministry of Tourism, Arts and Culture"
			return complement && cur.Type == Organization && n.Type == Organization && j.allEveryday(n), false
		case gap == 1 && w == "and":
			return complement && (n.Type == cur.Type || n.Type == Organization) && cur.Type == Organization && j.allEveryday(n), false
		case gap == 1 && w == "in":
			return complement && pieces >= 3 && n.Type == Place, false
		}
	}
	return false, false
}

// listGoesOnToAnd reports whether the words from token i go on with
// commas and capitalised words to an "and" on the same line.
func (j nameJoiner) listGoesOnToAnd(i int) bool {
	for end := min(len(j.toks), i+maxListTail); i < end && !j.toks[i].NewlineBefore; i++ {
		switch w := j.word(i); {
		case w == "and":
			return true
		case w != "," && !isCapitalized(w):
			return false
		}
	}
	return false
}

func (j nameJoiner) anyNewline(from, to int) bool {
	for i := from; i <= to && i < len(j.toks); i++ {
		if j.toks[i].NewlineBefore {
			return true
		}
	}
	return false
}

// isLooseNameWord reports whether token i is a capitalised word the
// recognizer may have left out of an organization's name: not a title, a
// calendar word or the first word of a sentence.
func (j nameJoiner) isLooseNameWord(i int) bool {
	t := j.toks[i]
	if t.Kind != Word || t.NewlineBefore {
		return false
	}
	w := j.word(i)
	if !isCapitalized(w) || calendarWords.has(w) || j.isTitleAt(i) || strings.HasSuffix(w, ".") {
		return false
	}
	if k := strings.LastIndexByte(w, '-'); k >= 0 && !isCapitalized(w[k+1:]) {
		return false // "Bergamo-based", "Communist-led"
	}
	if i == 0 {
		return false
	}
	switch j.word(i - 1) {
	case ".", "!", "?", "\"", "“", "”", "‘", "’", "(", "—", "–", ":":
		return false
	}
	return true
}

// extendBackward takes in the loose capitalised words right before an
// organization ("the [Nigerian Export] Promotion Council"), when a
// lower-case word opens them; prev are the names before it. It returns how
// many of the last of them the organization takes in too (see
// extendCoordinated).
func (j nameJoiner) extendBackward(n Name, prev []Name) (Name, int) {
	floor := 0
	if len(prev) > 0 {
		floor = prev[len(prev)-1].Last
	}
	if m, absorbed, ok := j.extendCoordinated(n, prev, floor); ok {
		return m, absorbed
	}
	first := n.First
	for first > floor && j.isLooseNameWord(first-1) && !j.toks[first].NewlineBefore {
		first--
	}
	if first == n.First || first == 0 || !j.opensName(first-1) || j.inHeadline(first) {
		return n, 0
	}
	for i := first; j.isCountryAt(i) || j.isDemonymAt(i); i++ {
		if i+1 == n.First {
			return n, 0 // "a Polish [SPC] group": a demonym alone is no part of the name
		}
	}
	n.First, n.Start = first, j.toks[first].Start
	return n, 0
}

// extendCoordinated takes in the everyday capitalised words before "and"
// before an organization that ends in a head word, which the recognizer
// left out of any name or read as names of one word each, in a list with
// commas ("Bangladesh Garment Manufacturers and [Exporters Association]",
// "[Hotel], [Catering] and [Allied Workers Union]"), and the place or
// organization right before them: ok reports whether it did, absorbed how
// many of the last of prev it took in.
func (j nameJoiner) extendCoordinated(n Name, prev []Name, floor int) (m Name, absorbed int, ok bool) {
	and := n.First - 1
	if and < floor || j.word(and) != "and" || !institutionHeads.has(j.word(n.Last-1)) || j.toks[n.First].NewlineBefore {
		return n, 0, false
	}
	first, k := and, len(prev) // k: the names of prev not taken in
	commas, names := 0, 0
	for first > 0 && !j.toks[first].NewlineBefore {
		i := first - 1
		switch {
		case i >= floor && j.isLooseNameWord(i) && j.isEverydayAt(i):
		case k > 0 && prev[k-1].First == i && prev[k-1].Last == first && prev[k-1].Type != Person &&
			j.isLooseNameWord(i) && j.isEverydayAt(i):
			// a list's word the recognizer took for a name: "[Hotel], [Catering] and"
			k, names = k-1, names+1
			floor = 0
			if k > 0 {
				floor = prev[k-1].Last
			}
		case j.word(i) == "," && first < and && i > 0 && j.isEverydayAt(i-1):
			commas++
		default:
			i = -1
		}
		if i < 0 {
			break
		}
		first = i
	}
	if j.word(first) == "," {
		first++
		commas--
	}
	if first == and || names > 0 && commas == 0 || j.inHeadline(first) {
		return n, 0, false
	}
	absorbed = len(prev) - k
	takesPlace := false
	if k > 0 && floor == first && !j.toks[first].NewlineBefore {
		if p := prev[k-1]; p.Type == Place || p.Type == Organization {
			first, takesPlace = p.First, true
			absorbed++
		}
	}
	if !takesPlace && (first == 0 || !j.opensName(first-1)) {
		return n, 0, false
	}
	n.First, n.Start = first, j.toks[first].Start
	return n, absorbed, true
}

// opensName: token i, a lower-case word or an article, can stand before a
// name.
func (j nameJoiner) opensName(i int) bool {
	t := j.toks[i]
	w := j.word(i)
	return t.Kind == Word && (!isCapitalized(w) || w == "The")
}

// extendForward takes in the loose capitalised words right after an
// organization ("[University of Cape] Town"), or after "of", "on" or "for"
// and an optional "the" when it ends in a head word ("[Kiel Institute] for
// the World Economy"); the words must be followed by a lower-case word or
// punctuation, and no further than limit.
func (j nameJoiner) extendForward(n Name, limit int) Name {
	i := n.Last
	last := j.word(n.Last - 1)
	if i < limit && institutionHeads.has(last) && (j.word(i) == "of" || j.word(i) == "on" || j.word(i) == "for") && !j.toks[i].NewlineBefore {
		i++
		if i < limit && j.word(i) == "the" {
			i++
		}
	}
	// A country that ends a complement may name the office after it
	// ("[Office of the U.S.] Trade Representative"), in everyday words.
	everydayOnly := i == n.Last && i < limit && j.isCountryAt(n.Last-1) && j.hasComplement(n)
	if i == n.Last && !everydayOnly && (i >= limit || !j.isLooseNameWord(i) || !placeHeads.has(last) && !j.isDemonymAt(n.Last-1)) {
		// Only a word that cannot end a name ("[Federation of Indonesian]
		// Port Workers", "[University of Cape] Town") lets capitalised
		// words follow it directly.
		return n
	}
	start := i
	for i < limit && (!everydayOnly && j.isLooseNameWord(i) || everydayOnly && j.isOfficeWordAt(i)) {
		i++
	}
	if i == start || !j.closesName(i) || j.inHeadline(start) {
		return n
	}
	n.Last, n.End = i, j.toks[i-1].End
	return n
}

// isOfficeWordAt reports whether token i is a capitalised everyday word,
// a title among them, on the line of the name ("Trade Representative").
func (j nameJoiner) isOfficeWordAt(i int) bool {
	t := j.toks[i]
	return t.Kind == Word && !t.NewlineBefore && !calendarWords.has(j.word(i)) && j.isEverydayAt(i)
}

// closesName: the name may end before token i.
func (j nameJoiner) closesName(i int) bool {
	if i >= len(j.toks) {
		return true
	}
	t := j.toks[i]
	if t.NewlineBefore {
		return false // a headline's line may end in anything
	}
	if t.Kind == Word {
		w := j.word(i)
		return !isCapitalized(w) || calendarWords.has(w) || j.isTitleAt(i)
	}
	return t.Kind == Punct || t.Kind == QuoteMark
}

// inHeadline reports whether token i is on a line in headline capitals, in
// which every word but short function words is capitalised: three
// capitalised words or more, and no lower-case word of five letters. A
// line of more than maxHeadlineWords words around i is no headline.
func (j nameJoiner) inHeadline(i int) bool {
	upper, seen := 0, 0
	// count reads token k; false stops the scan: no headline.
	count := func(k int) bool {
		if j.toks[k].Kind != Word {
			return true
		}
		if seen++; seen > 2*maxHeadlineWords {
			return false
		}
		w := j.word(k)
		if isCapitalized(w) {
			upper++
		}
		return isCapitalized(w) || len(w) < 5
	}
	for k := i; k >= 0; k-- {
		if !count(k) {
			return false
		}
		if j.toks[k].NewlineBefore {
			break
		}
	}
	for k := i + 1; k < len(j.toks) && !j.toks[k].NewlineBefore; k++ {
		if !count(k) {
			return false
		}
	}
	return upper >= 3
}

// maxHeadlineWords bounds the words on either side of a name that
// inHeadline reads.
const maxHeadlineWords = 30
