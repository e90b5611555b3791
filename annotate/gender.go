package annotate

import (
	"sort"

	"lede/annotate/gazetteer"
)

// Gender: the gender of each person, from what the text says of them or,
// failing that, from a given name that one sex clearly holds. The text
// speaks through honorifics and titles beside a name (Ms, Mr, Queen,
// Archbishop is silent), a kinship word in apposition ("his wife, Jill
// Biden"; "Tom Smith, her son"), the role the entities stage found
// ("a spokeswoman") and the pronouns that can only refer to them: a he or
// she outside quotes that opens a sentence after one that names exactly
// one person. Text beats the name; a name used by both sexes, or no given name
// at all (a surname alone), leaves the gender unknown.
//
// The stage runs after the entities and before the quotes, so that pronoun
// attribution (subjects.go) can use what the text says: its result is
// written back into each entity's sex when the text tells it.

// genderBasis is where a person's gender comes from.
type genderBasis uint8

const (
	noBasis genderBasis = iota // unknown
	byText
	byName
)

var genderBasisNames = [...]string{byText: "text", byName: "name"}

func (b genderBasis) String() string { return genderBasisNames[b] }

// genderName is the output form of a sex: female, male or unknown.
func genderName(s gazetteer.Sex) string {
	switch s {
	case gazetteer.Female:
		return "female"
	case gazetteer.Male:
		return "male"
	}
	return "unknown"
}

// genderVotes counts the evidence for one person.
type genderVotes struct {
	title           gazetteer.Sex // from a title, kinship word or role
	female, male    int32         // pronouns
	titleConflicted bool
}

// assignGender sets the gender and basis of every person in entities and
// writes the text's word into their sex.
func assignGender(text string, toks []Token, sents []Sentence, names []Name, entities []*entity) {
	people := 0
	for _, e := range entities {
		if e.typ == Person {
			people++
		}
	}
	if people == 0 {
		return
	}
	votes := make([]genderVotes, len(entities))
	// The person each name (in text order) is a mention of, plus one.
	personOf := make([]int32, len(names))
	for k, e := range entities {
		if e.typ != Person {
			continue
		}
		if sex := roleSex(e.role); sex != 0 {
			votes[k].add(sex)
		}
		for _, m := range e.mentions {
			if sex := mentionSex(text, toks, m); sex != 0 {
				votes[k].add(sex)
			}
			// The name that covers the mention's first token.
			n := sort.Search(len(names), func(n int) bool { return names[n].First > m.First }) - 1
			if n >= 0 && m.First < names[n].Last {
				personOf[n] = int32(k + 1)
			}
		}
	}

	// One pass over the sentences: the people named outside quotes in this
	// sentence and the one before, and the pronouns that can refer only to
	// one of them.
	next := 0 // in names
	prevOnly, prevCount := int32(-1), 0
	prevSubject := int32(-1) // the person a sentence opens with
	inQuote := false
	for _, s := range sents {
		if s.ParagraphStart {
			inQuote = false
		}
		only, count := prevOnly, prevCount
		curOnly, curCount := int32(-1), 0
		subject := int32(-1)
		for i := s.First; i < s.Last; i++ {
			for next < len(names) && (names[next].First < i || personOf[next] == 0 && names[next].First == i) {
				next++
			}
			if next < len(names) && names[next].First == i {
				m := personOf[next] - 1
				if !inQuote {
					if curCount == 0 && i <= s.First+2 {
						subject = m
					}
					if curCount == 0 || curOnly != m {
						curCount++
						curOnly = m
					}
					if count == 0 || only != m {
						count++
						only = m
					}
				}
				i = names[next].Last - 1
				continue
			}
			t := &toks[i]
			switch t.Kind {
			case QuoteMark:
				inQuote = quoteStateAfter(text, *t, inQuote)
			case Word:
				// Only a pronoun that opens its sentence, or attributes the
				// quote before it ("…," she said), when no other person is
				// named since the sentence before: inside a sentence a he or
				// she as often refers to someone mentioned without a name.
				if inQuote {
					continue
				}
				opens := curCount == 0 && (i == s.First || i == s.First+1 && isLeadingConjunction(text[toks[s.First].Start:toks[s.First].End]))
				target := int32(-1)
				switch {
				case count == 1 && (opens || cueSubject(text, toks, i)):
					target = only
				case opens && prevSubject >= 0:
					// A sentence that opens with a pronoun continues the
					// one before about the person it opened with.
					target = prevSubject
				}
				if target < 0 {
					continue
				}
				if sex := pronounSex(text[t.Start:t.End]); sex != 0 {
					votes[target].addPronoun(sex)
				}
			}
		}
		prevOnly, prevCount, prevSubject = curOnly, curCount, subject
	}

	for k, e := range entities {
		if e.typ != Person {
			continue
		}
		if sex := votes[k].verdict(); sex != 0 {
			e.gender, e.genderBasis = sex, byText
			e.sex = sex
			continue
		}
		if sex := clearNameSex(e.name); sex != 0 {
			e.gender, e.genderBasis = sex, byName
		}
	}
}

func (v *genderVotes) add(sex gazetteer.Sex) {
	if sex != gazetteer.Female && sex != gazetteer.Male {
		return
	}
	switch v.title {
	case 0:
		v.title = sex
	case sex:
	default:
		v.titleConflicted = true
	}
}

func (v *genderVotes) addPronoun(sex gazetteer.Sex) {
	if sex == gazetteer.Female {
		v.female++
	} else {
		v.male++
	}
}

// verdict is the sex the text tells: a title, kinship word or role (when
// they agree), else pronouns that favour one sex at least two to one.
func (v *genderVotes) verdict() gazetteer.Sex {
	switch {
	case v.title != 0 && !v.titleConflicted:
		return v.title
	case v.female > 0 && v.female >= 2*v.male:
		return gazetteer.Female
	case v.male > 0 && v.male >= 2*v.female:
		return gazetteer.Male
	}
	return 0
}

// clearNameSex returns the sex of the first word of a full name when the
// given-name registers give it clearly to one sex. A single word may be a
// surname, which tells nothing.
func clearNameSex(name string) gazetteer.Sex {
	for i := 0; i < len(name); i++ {
		if name[i] == ' ' {
			return gazetteer.ClearGivenName(name[:i])
		}
	}
	return 0
}

// mentionSex reads the sex a title or kinship word beside a mention tells:
// "Mrs. Clinton", "Queen Camilla", "his wife Jill Biden", "her son, Tom";
// "Tom Smith, her son,".
func mentionSex(text string, toks []Token, m Name) gazetteer.Sex {
	// A title inside the name's range or just before it.
	for i := max(m.First-1, 0); i < m.Last && i <= m.First+1; i++ {
		if toks[i].Kind != Word {
			continue
		}
		w := toks[i].Text(text)
		if sex, ok := gazetteer.TitleSex(w); ok {
			return sex
		}
	}
	// A kinship word before it: "his wife Jill Biden"; with a comma only
	// in apposition, closed by another ("her son, Tom, said"; not "to
	// speak with his mother, Montalvo was put through").
	i := m.First - 1
	if i >= 0 && toks[i].Kind == Punct && text[toks[i].Start] == ',' {
		if m.Last >= len(toks) || toks[m.Last].Kind != Punct || text[toks[m.Last].Start] != ',' {
			i = -1
		}
		i--
	}
	if i >= 1 && toks[i].Kind == Word && (possessiveDeterminers.has(toks[i-1].Text(text)) || isPossessive(text, toks[i-1])) {
		if sex := kinshipSex(toks[i].Text(text)); sex != 0 {
			return sex
		}
	}
	// In apposition after it: "Tom Smith, her son,".
	j := m.Last
	if j+2 < len(toks) && toks[j].Kind == Punct && text[toks[j].Start] == ',' &&
		possessiveDeterminers.has(toks[j+1].Text(text)) && toks[j+2].Kind == Word {
		return kinshipSex(toks[j+2].Text(text))
	}
	return 0
}

var possessiveDeterminers = setOf("his her their my our your the")

// kinshipSex returns the sex a kinship word tells, or zero.
func kinshipSex(w string) gazetteer.Sex {
	switch {
	case femaleKin.has(w):
		return gazetteer.Female
	case maleKin.has(w):
		return gazetteer.Male
	}
	return 0
}

var femaleKin = setOf("wife mother daughter sister widow grandmother granddaughter aunt niece girlfriend fiancee" +
	" stepmother stepdaughter mum mom actress")

var maleKin = setOf("husband father son brother widower grandfather grandson uncle nephew boyfriend fiance" +
	" stepfather stepson dad")

// pronounSex returns the sex of a third-person singular pronoun, or zero.
func pronounSex(w string) gazetteer.Sex {
	if len(w) < 2 || len(w) > 7 {
		return 0
	}
	switch w {
	case "he", "He", "him", "his", "His", "himself":
		return gazetteer.Male
	case "she", "She", "her", "Her", "hers", "herself":
		return gazetteer.Female
	}
	return 0
}

func isLeadingConjunction(w string) bool {
	switch w {
	case "And", "But", "So", "Then", "and", "but":
		return true
	}
	return false
}

// cueSubject: the pronoun at i attributes the quote that ends right before
// it: '…," she said', '…," said he'.
func cueSubject(text string, toks []Token, i int) bool {
	afterQuote := func(j int) bool {
		if j >= 0 && toks[j].Kind == Punct && text[toks[j].Start] == ',' {
			j--
		}
		return j >= 0 && toks[j].Kind == QuoteMark
	}
	isCue := func(j int) bool { return j >= 0 && j < len(toks) && cueVerbs.has(toks[j].Text(text)) }
	return afterQuote(i-1) && isCue(i+1) || isCue(i-1) && afterQuote(i-2)
}
