// Package geo links place names to gazetteer records: which Washington, which
// Georgia. Its records come from GeoNames (countries, first-level divisions
// and cities, with their GeoNames ids) compiled by cmd/build-geo.
//
// A place name's candidates are the records it names. Each gets a score:
//
//   - the prior: the log of its population, with a bonus for a country (a
//     country's name usually means the country) and for a country's capital
//     ("Washington" in the news is the capital before it is the state); a
//     city outranks the division of the same name that holds it (Beijing,
//     Lagos);
//   - a qualifier named right after a mention ("Paris, Texas", "Lagos,
//     Portugal", "Washington, D.C."), which all but decides;
//   - a cue word: "Washington state", "the state of Georgia", "the city of";
//   - the article's other evidence: the countries and divisions of its other
//     places, the countries that its demonyms ("Georgian", "Nigerian") name,
//     and those in the roles of its people ("Georgian Prime Minister") and
//     the names of its organizations ("Nigerian Ports Authority").
//
// The best candidate is linked when it leads the next by enough; otherwise
// the place is left unlinked rather than guessed. Confidence is the
// logistic of that lead.
package geo

import (
	"iter"
	"math"
	"slices"
	"strings"
	"sync"

	"lede/annotate/gazetteer"
)

// EntityType is the type of an entity handed to Link.
type EntityType uint8

const (
	Person EntityType = iota + 1
	PlaceEntity
	Organization
)

// Entity is what Link needs of an annotated entity: mentions are byte
// offsets into the text.
type Entity struct {
	Type     EntityType
	Name     string
	Role     string
	Mentions [][2]int
}

// Link is a place's record and how sure Link is of it.
type Link struct {
	Place
	// Confidence is between 0.5 and 1.
	Confidence float64
}

// minLead is the lead in score that the best candidate needs over the next
// for a mention to vote for it: a logistic confidence of about 0.82.
const minLead = 1.5

// LinkPlaces links each place entity of ents, found in text, to its record:
// out[i] is set for the place entities it can decide, and left alone for the
// rest. out must be as long as ents.
func LinkPlaces(text string, ents []Entity, out []*Link) {
	LinkPlacesWords(text, nil, ents, out)
}

// LinkPlacesWords is LinkPlaces given the capitalised words of the text
// (byte ranges), which a caller with the text's tokens finds faster than
// LinkPlaces does by scanning the text; nil to scan.
func LinkPlacesWords(text string, words iter.Seq2[int, int], ents []Entity, out []*Link) {
	if len(ents) == 0 || len(out) < len(ents) {
		return
	}
	t := loadTable()
	if len(t.places) == 0 {
		return
	}
	// The linker's evidence tables and buffers are reused from document
	// to document: the wasm build pays for every allocation in GC time.
	l := linkers.Get().(*linker)
	defer linkers.Put(l)
	l.reset(t, text, len(ents))
	cands := l.cands
	buf := l.buf[:0]
	defer func() { l.buf = buf[:0] }()
	ambiguous := false
	for i := range ents {
		if ents[i].Type != PlaceEntity {
			continue
		}
		start := len(buf)
		buf = l.candidates(buf, ents[i].Name)
		// A name the entity stage shortened ("Salaam") may be found as
		// the text has it ("Dar es Salaam").
		for _, m := range ents[i].Mentions {
			if len(buf) > start {
				break
			}
			if 0 <= m[0] && m[0] <= m[1] && m[1] <= len(text) && text[m[0]:m[1]] != ents[i].Name {
				buf = l.candidates(buf, text[m[0]:m[1]])
			}
		}
		cands[i] = buf[start:len(buf):len(buf)]
		if len(cands[i]) > 1 {
			ambiguous = true
		}
	}
	// Evidence, first from what is certain: places with one candidate, and
	// countries named anywhere.
	for i, cs := range cands {
		l.own[i] = -1
		if len(cs) == 1 {
			l.addPlace(i, cs[0], len(ents[i].Mentions))
		}
	}
	if ambiguous {
		if words == nil {
			l.addWords(text)
		} else {
			for start, end := range words {
				if 0 <= start && start <= end && end <= len(text) {
					l.addWord(text[start:end])
				}
			}
		}
		for i := range ents {
			if ents[i].Type != PlaceEntity {
				l.addWords(ents[i].Role)
				if ents[i].Type == Organization {
					l.addWords(ents[i].Name)
				}
			}
		}
	}
	// Two rounds: what the first settles counts as evidence in the second.
	links := make([]Link, len(ents))
	for round := 0; round < 2; round++ {
		for i, cs := range cands {
			if len(cs) == 0 {
				continue
			}
			best, confidence := l.choose(i, &ents[i], cs)
			if confidence <= 0.5 {
				out[i] = nil
				continue
			}
			if round == 0 && len(cs) > 1 {
				l.addPlace(i, best, len(ents[i].Mentions))
			}
			links[i] = Link{Place: t.places[best], Confidence: confidence}
			out[i] = &links[i]
		}
		if !ambiguous {
			break
		}
	}
}

var linkers = sync.Pool{New: func() any { return new(linker) }}

type linker struct {
	t    *table
	text string
	// cands are the candidates of each entity, cut out of buf.
	cands [][]int32
	buf   []int32
	// countries counts the evidence for each country, by index; regions
	// that for first-level divisions, as a short list.
	countries [256]float64
	total     float64
	regions   []regionWeight
	// own is the place each entity gave as evidence, -1 for none, so that
	// an entity is not its own evidence.
	own []int32
}

// reset readies l for a document of n entities.
func (l *linker) reset(t *table, text string, n int) {
	l.t, l.text = t, text
	l.countries, l.total = [256]float64{}, 0
	l.regions = l.regions[:0]
	if cap(l.own) < n {
		l.own, l.cands = make([]int32, n), make([][]int32, n)
	}
	l.own, l.cands = l.own[:n], l.cands[:n]
	clear(l.cands)
}

type regionWeight struct {
	region int32
	weight float64
}

// candidates appends the places that name may refer to: the records of that
// name, of the country it is an alias of, or of its head before a comma
// ("Paris, Texas").
func (l *linker) candidates(dst []int32, name string) []int32 {
	name = strings.TrimPrefix(name, "the ")
	start := len(dst)
	if canon, ok := gazetteer.Country(name); ok && canon != name {
		// An alias of a country ("U.S.", "America") means the country.
		if i := l.t.country(canon); i >= 0 {
			return append(dst, i)
		}
	}
	if head, _, ok := strings.Cut(name, ", "); ok {
		name = head
	}
	for j := l.t.first(name); j >= 0; j = l.t.sameName[j] {
		if p := l.t.refs[j].place; !slices.Contains(dst[start:], p) {
			dst = append(dst, p)
		}
	}
	return dst
}

// weight is what a place named mentions times counts as evidence.
func weight(mentions int) float64 { return 1 + 0.25*float64(min(mentions, 4)) }

func (l *linker) addPlace(e int, i int32, mentions int) {
	l.own[e] = i
	p := &l.t.places[i]
	w := weight(mentions)
	l.countries[p.country] += w
	l.total += w
	region := p.Region
	if p.Kind == Region {
		region = i
	}
	if region >= 0 {
		for k := range l.regions {
			if l.regions[k].region == region {
				l.regions[k].weight += w
				return
			}
		}
		l.regions = append(l.regions, regionWeight{region, w})
	}
}

// addWords counts the countries named by the capitalised words of s,
// as country names or demonyms.
func (l *linker) addWords(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 'A' || c > 'Z' || i > 0 && isLetter(s[i-1]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		l.addWord(s[i:j])
		i = j
	}
}

// addWord counts the country that word names as a demonym ("Georgian").
func (l *linker) addWord(word string) {
	if len(word) < 4 || word[0] < 'A' || word[0] > 'Z' {
		return
	}
	place, ok := gazetteer.Demonym(word)
	if !ok {
		return
	}
	if canon, ok := gazetteer.Country(place); ok {
		place = canon
	}
	if k := l.t.country(place); k >= 0 {
		l.countries[l.t.places[k].country] += 0.5
		l.total += 0.5
	}
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= 0x80 }

// maxCandidates bounds the namesakes weighed for one name.
const maxCandidates = 16

// choose returns the best candidate for e and how sure it is, by a vote of
// its mentions: each votes for the candidate that leads the next by minLead
// once what surrounds that mention is counted, or abstains. The winner needs
// the votes of more than half the mentions; the confidence is its share of
// the mentions times the mean logistic of its voters' leads. An entity that
// conflates two places ("Washington state" twice, "Washington, D.C." once)
// goes to the one that most of its mentions name.
func (l *linker) choose(ei int, e *Entity, cs []int32) (int32, float64) {
	if len(cs) == 1 {
		// The only record of that name: linked unless qualifiers say it is
		// another place of the same name.
		if _, q, ok := strings.Cut(e.Name, ", "); ok && l.contradicts(cs[0], q) {
			return cs[0], 0
		}
		n, against := 0, 0
		for _, m := range e.Mentions {
			if m[0] < 0 || m[1] > len(l.text) || m[0] > m[1] {
				continue
			}
			n++
			if _, q := l.cue(m); q != "" && l.contradicts(cs[0], q) {
				against++
			}
		}
		if against == 0 {
			return cs[0], 1
		}
		return cs[0], 1 - float64(against)/float64(n)
	}
	cs = cs[:min(len(cs), maxCandidates)]
	var base, votes, leads [maxCandidates]float64
	for k, c := range cs {
		base[k] = l.score(ei, e, c, cs)
	}
	n := 0
	for _, m := range e.Mentions {
		if m[0] < 0 || m[1] > len(l.text) || m[0] > m[1] {
			continue
		}
		n++
		kind, qual := l.cue(m)
		best, first, second := -1, math.Inf(-1), math.Inf(-1)
		for k, c := range cs {
			s := base[k]
			if l.t.places[c].Kind == kind {
				s += 8
			}
			if qual != "" {
				s += l.qualifier(c, cs, qual)
			}
			switch {
			case s > first:
				best, first, second = k, s, first
			case s > second:
				second = s
			}
		}
		if lead := first - second; lead >= minLead {
			votes[best]++
			leads[best] += lead
		}
	}
	win := 0
	for k := range cs {
		if votes[k] > votes[win] {
			win = k
		}
	}
	if n == 0 || votes[win] == 0 {
		return cs[0], 0
	}
	share := votes[win] / float64(n)
	return cs[win], share / (1 + math.Exp(-leads[win]/votes[win]))
}

func (l *linker) prior(c int32, cs []int32) float64 {
	p := &l.t.places[c]
	s := 0.35 * float64(p.pop) // 0.7·log2 of the population
	switch {
	case p.Kind == Country:
		s += 4
	case p.Kind == City:
		if p.Capital {
			s += 4
		}
		// A city-state: Singapore, Hong Kong, Monaco are the country.
		for _, o := range cs {
			if q := &l.t.places[o]; q.Kind == Country && q.country == p.country {
				s -= 6
				break
			}
		}
	case p.Kind == Region || p.Kind == County:
		// A city of the same name inside the division is what the name
		// usually means.
		for _, o := range cs {
			if q := &l.t.places[o]; q.Kind == City && (q.Region == c || p.Kind == County && q.Region == p.Region) {
				s -= 6
				break
			}
		}
	}
	return s
}

// score is a candidate's prior plus what the text says of it.
func (l *linker) score(ei int, e *Entity, c int32, cs []int32) float64 {
	p := &l.t.places[c]
	s := l.prior(c, cs)
	region := p.Region
	if p.Kind == Region {
		region = c
	}
	// Evidence from the rest of the article, less what this entity gave.
	ev, total := l.countries[p.country], l.total
	var ownRegion int32 = -1
	if own := l.own[ei]; own >= 0 {
		w := weight(len(e.Mentions))
		total -= w
		o := &l.t.places[own]
		if o.country == p.country {
			ev -= w
		}
		ownRegion = o.Region
		if o.Kind == Region {
			ownRegion = own
		}
	}
	if ev > 0 {
		s += 4*min(ev, 3)/3 + 3*ev/total
	}
	if region >= 0 && p.Kind != Country {
		for _, r := range l.regions {
			if r.region == region {
				w := r.weight
				if r.region == ownRegion {
					w -= weight(len(e.Mentions))
				}
				s += 2 * min(w, 2)
			}
		}
	}
	// A qualifier in the name itself: "Paris, Texas".
	if _, qual, ok := strings.Cut(e.Name, ", "); ok {
		s += l.qualifier(c, cs, qual)
	}
	return s
}

// noKind is no Kind: the cue of a mention without one.
const noKind Kind = 255

// cue reads the words around mention m: the kind of place a cue word names
// ("Washington state", "the city of"), and the words after a comma that may
// qualify it ("Paris, Texas").
func (l *linker) cue(m [2]int) (kind Kind, qualifier string) {
	after := l.text[m[1]:min(len(l.text), m[1]+40)]
	before := l.text[max(0, m[0]-24):m[0]]
	qualifier, _ = strings.CutPrefix(after, ", ")
	if len(qualifier) == len(after) {
		qualifier = ""
	}
	switch {
	case hasWordPrefix(after, " state") || hasWordPrefix(after, " State") && !hasWordPrefix(after, " State Department") || strings.HasSuffix(before, "state of ") || strings.HasSuffix(before, "province of ") || hasWordPrefix(after, " province"):
		return Region, qualifier
	case strings.HasSuffix(before, "city of ") || hasWordPrefix(after, " city"):
		return City, qualifier
	case strings.HasSuffix(before, "country of ") || strings.HasSuffix(before, "Republic of ") || strings.HasSuffix(before, "republic of "):
		return Country, qualifier
	}
	return noKind, qualifier
}

func hasWordPrefix(s, prefix string) bool {
	if !strings.HasPrefix(s, prefix) {
		return false
	}
	return len(s) == len(prefix) || !isLetter(s[len(prefix)])
}

// qualifier scores candidate c against the words after "Name, ": a state
// or country that holds it is a strong sign; one that holds another of the
// candidates instead, a strong sign against.
func (l *linker) qualifier(c int32, cs []int32, q string) float64 {
	q = qualifierWords(q)
	for q != "" {
		if l.holds(q, c) {
			return 20
		}
		for _, o := range cs {
			if o != c && l.holds(q, o) {
				return -20
			}
		}
		k := strings.LastIndexByte(q, ' ')
		if k < 0 {
			break
		}
		q = q[:k]
	}
	return 0
}

// contradicts reports whether the words after "Name, " name a country or a
// US state that does not hold city or county c: "Cambridge,
// Massachusetts" when Lede only knows the English Cambridge. Other
// divisions are left out, as a list ("Tokyo, Beijing and Seoul") names
// them as often as a qualifier does.
func (l *linker) contradicts(c int32, q string) bool {
	if k := l.t.places[c].Kind; k != City && k != County {
		return false
	}
	for q = qualifierWords(q); q != ""; {
		_, abbreviation := usStates[q]
		_, country := gazetteer.Country(q)
		if abbreviation || country || l.isUSState(q) {
			return !l.holds(q, c)
		}
		k := strings.LastIndexByte(q, ' ')
		if k < 0 {
			break
		}
		q = q[:k]
	}
	return false
}

func (l *linker) isUSState(name string) bool {
	for j := l.t.first(name); j >= 0; j = l.t.sameName[j] {
		if p := &l.t.places[l.t.refs[j].place]; p.Kind == Region && p.Country == "US" {
			return true
		}
	}
	return false
}

// qualifierWords returns the longest run of up to three capitalised words
// at the start of q (or an abbreviation such as "D.C." or "Tex."), which
// may name a country or division.
func qualifierWords(q string) string {
	end, words := 0, 0
	for i := 0; i <= len(q) && words < 3; i++ {
		if i == len(q) || q[i] == ' ' || q[i] == ',' || q[i] == ';' || q[i] == ')' || q[i] == '\n' {
			w := q[end:i]
			if w == "" || w[0] < 'A' || w[0] > 'Z' {
				break
			}
			words++
			if i == len(q) || q[i] != ' ' {
				end = i
				break
			}
			end = i + 1
		}
	}
	// A full stop ends the sentence or the abbreviation ("Tex.").
	return strings.TrimSuffix(strings.TrimRight(q[:end], " "), ".")
}

// holds reports whether the country or division q names holds place c.
func (l *linker) holds(q string, c int32) bool {
	p := &l.t.places[c]
	if p.Kind == Country {
		return false
	}
	name := q
	if state, ok := usStates[name]; ok {
		name = state
	} else if canon, ok := gazetteer.Country(name); ok {
		k := l.t.country(canon)
		return k >= 0 && l.t.places[k].country == p.country
	}
	for j := l.t.first(name); j >= 0; j = l.t.sameName[j] {
		if l.t.refs[j].place == p.Region && p.Kind != Region {
			return true
		}
	}
	return false
}

// usStates are the abbreviations of US states that follow a city's name in
// American news (without their final full stop), with the name GeoNames
// gives the state.
var usStates = map[string]string{
	"D.C": "District of Columbia", "DC": "District of Columbia", "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas",
	"Calif": "California", "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
	"Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky", "La": "Louisiana",
	"Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi",
	"Mo": "Missouri", "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire",
	"N.J": "New Jersey", "N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota",
	"Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania", "R.I": "Rhode Island", "S.C": "South Carolina",
	"S.D": "South Dakota", "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont", "Va": "Virginia",
	"Wash": "Washington", "W.Va": "West Virginia", "Wis": "Wisconsin", "Wyo": "Wyoming",
}
