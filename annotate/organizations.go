package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Organizations: the part of grouping (entities.go) that only organizations
// need. After the mentions with the same name are one entity, an acronym
// joins the name it abbreviates, whether it follows it in parentheses
// ("World Health Organization (WHO)"), is made of its initials (EU, NTSB)
// or spells it with more than initials (ECOWAS); a short form joins the one
// organization of the text it shortens (Hartfield / Hartfield United); and
// "US State Department" and "State Department" are one.

// groupOrganizations groups organizations by name, then folds acronyms into
// the names they abbreviate and "US State Department" into "State
// Department" (keeping the fuller name).
func (g *entityGrouper) groupOrganizations() {
	firstOrg := int32(len(g.founded))
	g.groupByKey(Organization, orgKey)
	for k := range g.mentions {
		m := &g.mentions[k]
		if m.Type != Organization {
			continue
		}
		if acronym, ok := g.parenthesisedAcronym(m.last); ok {
			g.merge(g.lookUp(g.lowerKey(orgKey, acronym)), g.lookUp(g.lowerKey(orgKey, g.surface(m))))
		}
	}
	orgs := g.founded[firstOrg:]
	// Acronyms are written in capitals: most texts have few, and only names
	// of one word without lower case can be one.
	acronyms := false
	for i := range orgs {
		acronyms = acronyms || couldBeAcronym(orgs[i].name)
	}
	for i := range orgs {
		e := firstOrg + int32(i)
		// The first organization with an acronym stands for it; two
		// letters are enough for a name of two words ("European Union").
		if key := g.acronymKey(orgs[i].name); len(key) > 3 || len(key) == 3 && strings.Count(orgs[i].name, " ") == 1 {
			if id, added := g.keys.add(key); added {
				g.keyUses[id].entity = e + 1
			}
		}
		if !acronyms {
		} else if key := g.initialsKey(orgs[i].name); key != nil {
			g.claimKey(key, e)
		}
		g.keyShortForms(orgs[i].name, e)
	}
	for i := range orgs {
		e := firstOrg + int32(i)
		name := orgs[i].name
		if !couldBeAcronym(name) {
		} else if long := g.lookUp(g.undottedKey(name)); long >= 0 {
			g.merge(e, long)
		} else if long := g.spelledAcronym(name); long >= 0 {
			g.merge(e, long)
		}
		if strings.Count(name, " ") >= maxShortForm {
		} else if long := g.claimed(g.lowerKey(shortFormKey, name)); long >= 0 {
			g.merge(e, long)
		}
		if qualifier, rest, ok := strings.Cut(name, " "); ok && isPlaceQualifier(qualifier) {
			g.merge(g.lookUp(g.lowerKey(orgKey, rest)), e)
		}
	}
}

// couldBeAcronym: a name of one word without lower-case letters ("WHO",
// "U.N.") may abbreviate another.
func couldBeAcronym(name string) bool {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c == ' ' || 'a' <= c && c <= 'z' {
			return false
		}
	}
	return name != ""
}

// claimKey makes key name entity e, unless another entity claimed it
// first, in which case it names no one.
func (g *entityGrouper) claimKey(key []byte, e int32) {
	id, added := g.keys.add(key)
	switch u := &g.keyUses[id]; {
	case added:
		u.entity = e + 1
	case u.entity != e+1:
		u.entity = ambiguousKey
	}
}

// ambiguousKey is the entity of a key that two entities claim.
const ambiguousKey = -1

// claimed returns the one entity that claimed key, or -1.
func (g *entityGrouper) claimed(key []byte) int32 {
	if id, ok := g.keys.find(key); ok && g.keyUses[id].entity > 0 {
		return g.keyUses[id].entity - 1
	}
	return -1
}

// maxShortForm is the most words a short form of a name keeps.
const maxShortForm = 3

// keyShortForms keys the first words of an organization's name, each a short
// form of it ("Hartfield" of "Hartfield United"): the form names the one
// organization of the text it shortens.
func (g *entityGrouper) keyShortForms(name string, e int32) {
	end := 0
	for n := 0; n < maxShortForm; n++ {
		next := strings.IndexByte(name[end:], ' ')
		if next < 0 {
			return
		}
		end += next
		if end > 0 {
			g.claimKey(g.lowerKey(shortFormKey, name[:end]), e)
		}
		end++
	}
}

// initialsKey returns the initialsKey of a name of two capitalised words or
// more: the first and last initials, under which spelledAcronym looks for
// the name an acronym spells with more than initials ("ECOWAS"); nil for
// other names.
func (g *entityGrouper) initialsKey(name string) []byte {
	first, rest, ok := strings.Cut(name, " ")
	if !ok || !isCapitalized(first) {
		return nil
	}
	last := rest[strings.LastIndexByte(rest, ' ')+1:]
	if !isCapitalized(last) || first[0] >= utf8.RuneSelf || last[0] >= utf8.RuneSelf {
		return nil
	}
	g.keyBuf = append(g.keyBuf[:0], initialsKey, first[0], last[0])
	return g.keyBuf
}

// spelledAcronym returns the organization whose name an acronym spells
// with the first letters of each capitalised word ("ECOWAS": Economic
// COmmunity of West African States), or -1.
func (g *entityGrouper) spelledAcronym(acronym string) int32 {
	if len(acronym) < 3 || len(acronym) > 10 || !isAllCapitalLetters(acronym) {
		return -1
	}
	g.keyBuf = append(g.keyBuf[:0], initialsKey, acronym[0], acronym[len(acronym)-1])
	e := g.claimed(g.keyBuf)
	if e < 0 || !spells(acronym, g.founded[e].name) {
		return -1
	}
	return e
}

func isAllCapitalLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// spells reports whether acronym is the name's capitalised words, each
// shortened to a prefix of one letter or more, in order; lower-case words
// ("of") add nothing.
func spells(acronym, name string) bool {
	for name != "" {
		var w string
		w, name, _ = strings.Cut(name, " ")
		if !isCapitalized(w) {
			continue
		}
		for k := 1; k <= len(w) && k <= len(acronym); k++ {
			if !strings.EqualFold(w[k-1:k], acronym[k-1:k]) {
				break
			}
			if spells(acronym[k:], name) {
				return true
			}
		}
		return false
	}
	return acronym == ""
}

// parenthesisedAcronym returns the word in "(WHO)" right after token i.
func (g *entityGrouper) parenthesisedAcronym(i int) (string, bool) {
	if i+2 >= len(g.toks) || g.word(i) != "(" || g.word(i+2) != ")" || g.toks[i+1].Kind != Word {
		return "", false
	}
	return g.word(i + 1), true
}

// acronymKey returns the acronymKey of the capitals of the significant words
// of a name ("World Health Organization" → "WHO"), or just the tag for a
// one-word name.
func (g *entityGrouper) acronymKey(name string) []byte {
	g.keyBuf = append(g.keyBuf[:0], acronymKey)
	words := 0
	for w := range strings.FieldsSeq(name) {
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			g.keyBuf = utf8.AppendRune(g.keyBuf, r)
		}
	}
	if words < 2 {
		return g.keyBuf[:1]
	}
	return g.keyBuf
}

// undottedKey returns the acronymKey of a name written as an acronym,
// less its dots ("U.N.").
func (g *entityGrouper) undottedKey(name string) []byte {
	g.keyBuf = append(g.keyBuf[:0], acronymKey)
	for i := 0; i < len(name); i++ {
		if name[i] != '.' {
			g.keyBuf = append(g.keyBuf, name[i])
		}
	}
	return g.keyBuf
}
