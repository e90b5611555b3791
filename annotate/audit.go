package annotate

import (
	"lede/annotate/internal/decimal"
	"strings"

	"lede/annotate/gazetteer"
)

// Audit: the source audit of a document, the numbers an editor asks of an
// article's sourcing. Whose voices are heard (quoted people, quotes and
// quoted words by gender), how many quotes rest on anonymous sources, and
// which kinds of source speak (a named person, an anonymous description, an
// organization, a document). It is computed from the finished Document, so
// that a long text merged from blocks is audited like a short one.

// Sources is the source audit of a document's quotes.
type Sources struct {
	// Quotes counts every quote; Attributed those with a speaker.
	Quotes     int `json:"quotes"`
	Attributed int `json:"attributed"`
	// People counts the distinct people quoted by name, by gender.
	People GenderCounts `json:"people"`
	// QuotesByGender counts the quotes of people (named or described, as
	// "a spokeswoman"), by the speaker's gender; WordsByGender the words
	// inside them.
	QuotesByGender GenderCounts `json:"quotesByGender"`
	WordsByGender  GenderCounts `json:"wordsByGender"`
	// Anonymous counts the quotes of anonymous sources; AnonymousShare is
	// their share of the attributed quotes.
	Anonymous      int     `json:"anonymous"`
	AnonymousShare float64 `json:"anonymousShare"`
	// Kinds counts the quotes by the kind of their source.
	Kinds SourceKinds `json:"kinds"`
}

// GenderCounts counts by gender.
type GenderCounts struct {
	Female  int `json:"female"`
	Male    int `json:"male"`
	Unknown int `json:"unknown"`
}

// SourceKinds counts quotes by the kind of their source.
type SourceKinds struct {
	Person       int `json:"person"`
	Anonymous    int `json:"anonymous"`
	Organization int `json:"organization"`
	Document     int `json:"document"`
	Unattributed int `json:"unattributed"`
}

// auditSources computes the audit of doc's quotes; doc's entities must be
// there for the people quoted.
func auditSources(doc *Document) *Sources {
	s := &Sources{Quotes: len(doc.Quotes)}
	byID := make(map[string]*Entity, len(doc.Entities))
	for i := range doc.Entities {
		byID[doc.Entities[i].ID] = &doc.Entities[i]
	}
	quoted := map[*Entity]bool{}
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		sp := q.Speaker
		if sp == nil {
			s.Kinds.Unattributed++
			continue
		}
		s.Attributed++
		switch e := byID[sp.Entity]; {
		case sp.Anonymous: // first: an editor may mark a linked person's quote anonymous
			s.Kinds.Anonymous++
			s.Anonymous++
		case e != nil && e.Type == Person:
			s.Kinds.Person++
			if !quoted[e] {
				quoted[e] = true
				s.People.add(e.Gender, 1)
			}
		case e != nil:
			s.Kinds.Organization++
		case isDocumentSource(sp.Name):
			s.Kinds.Document++
		default:
			s.Kinds.Organization++
		}
		if sp.Gender != "" { // a person's quote
			s.QuotesByGender.add(sp.Gender, 1)
			s.WordsByGender.add(sp.Gender, countWords(q.Text))
		}
	}
	if s.Attributed > 0 {
		s.AnonymousShare = roundShare(float64(s.Anonymous) / float64(s.Attributed))
	}
	return s
}

func (c *GenderCounts) add(gender string, n int) {
	switch gender {
	case "female":
		c.Female += n
	case "male":
		c.Male += n
	default:
		c.Unknown += n
	}
}

// roundShare rounds a share to three decimals, as the JSON shows it.
func roundShare(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}

// descriptionGender reads a description's gender from a word such as
// spokeswoman or congressman.
func descriptionGender(desc string) gazetteer.Sex {
	for desc != "" {
		w, rest, _ := strings.Cut(desc, " ")
		if sex, ok := gazetteer.TitleSex(w); ok {
			return sex
		}
		if sex := kinshipSex(w); sex != 0 {
			return sex
		}
		desc = rest
	}
	return 0
}

// isDocumentSource: a description whose head is a text rather than a
// speaker ("the report", "a statement from the ministry").
func isDocumentSource(desc string) bool {
	head := desc
	if i := strings.Index(head, " from "); i >= 0 {
		head = head[:i]
	}
	if i := strings.LastIndexByte(head, ' '); i >= 0 {
		head = head[i+1:]
	}
	return documentNouns.has(strings.ToLower(head))
}

// countWords counts the runs of letters and digits in s.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		word := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 0x7f && r != '“' && r != '”' && r != '‘' && r != '’' && r != '«' && r != '»' && r != '—' && r != '–' && r != '…'
		if word && !in {
			n++
		}
		in = word || in && (r == '\'' || r == '’' || r == '-')
	}
	return n
}

func (s *Sources) appendJSON(b []byte) []byte {
	b = appendInt(b, `{"quotes":`, s.Quotes)
	b = appendInt(b, `,"attributed":`, s.Attributed)
	b = s.People.appendJSON(append(b, `,"people":`...))
	b = s.QuotesByGender.appendJSON(append(b, `,"quotesByGender":`...))
	b = s.WordsByGender.appendJSON(append(b, `,"wordsByGender":`...))
	b = appendInt(b, `,"anonymous":`, s.Anonymous)
	b = decimal.Append(append(b, `,"anonymousShare":`...), s.AnonymousShare, scorePlaces)
	b = appendInt(b, `,"kinds":{"person":`, s.Kinds.Person)
	b = appendInt(b, `,"anonymous":`, s.Kinds.Anonymous)
	b = appendInt(b, `,"organization":`, s.Kinds.Organization)
	b = appendInt(b, `,"document":`, s.Kinds.Document)
	b = appendInt(b, `,"unattributed":`, s.Kinds.Unattributed)
	return append(b, "}}"...)
}

func (c GenderCounts) appendJSON(b []byte) []byte {
	b = appendInt(b, `{"female":`, c.Female)
	b = appendInt(b, `,"male":`, c.Male)
	b = appendInt(b, `,"unknown":`, c.Unknown)
	return append(b, '}')
}
