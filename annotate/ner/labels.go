// Package ner is Lede's trained name recognizer: an averaged perceptron that
// tags each token of a document with a BILOU label (Begin, Inside, Last,
// Unit-length or Outside) for persons, locations, organizations and other
// names, reading the text left to right in two passes: the second pass also
// sees how the first tagged the same words elsewhere in the document, so one
// article names one person the same way throughout. Its features include the
// gazetteers of package gazetteer and word classes learned from unlabelled
// news (classes.go).
//
// The package knows nothing about tokenization; it tags the words it is given.
// Its model (weights and word classes) is embedded as model.bin, written by
// cmd/train-ner (make model).
package ner

// Type is the kind of a name.
type Type uint8

const (
	Person Type = iota
	Location
	Organization
	// Misc names (events, nationalities, works) are learned so that they are
	// not confused with the other types, and are not reported by Lede.
	Misc
	numTypes
)

var typeNames = [...]string{Person: "PER", Location: "LOC", Organization: "ORG", Misc: "MISC"}

func (t Type) String() string {
	if t < numTypes {
		return typeNames[t]
	}
	return "?"
}

// ParseType reads the CoNLL type names PER, LOC, ORG and MISC.
func ParseType(s string) (Type, bool) {
	for t, name := range typeNames {
		if name == s {
			return Type(t), true
		}
	}
	return 0, false
}

// Part is a token's position inside a name.
type Part uint8

const (
	Begin Part = iota
	Inside
	Last
	Unit
	numParts
)

// Label is O (outside any name) or a Part of a name of some Type.
type Label uint8

// Outside is the label of tokens that are not part of a name.
const Outside Label = 0

const numLabels = 1 + int(numTypes)*int(numParts)

// MakeLabel returns the label for part p of a name of type t.
func MakeLabel(t Type, p Part) Label { return Label(1 + int(t)*int(numParts) + int(p)) }

// Type returns the name type of a label other than Outside.
func (l Label) Type() Type { return Type((l - 1) / Label(numParts)) }

// Part returns the position in a name of a label other than Outside.
func (l Label) Part() Part { return Part((l - 1) % Label(numParts)) }

func (l Label) String() string {
	if l == Outside {
		return "O"
	}
	return string("BILU"[l.Part()]) + "-" + l.Type().String()
}

// opensName reports whether a name may continue after a token labelled l.
func (l Label) opensName() bool {
	return l != Outside && (l.Part() == Begin || l.Part() == Inside)
}

// follows reports whether label next may come right after label prev: inside
// a name only its continuation may follow, outside only O or a new name.
func follows(prev, next Label) bool {
	if prev.opensName() {
		return next != Outside && next.Type() == prev.Type() && (next.Part() == Inside || next.Part() == Last)
	}
	return next == Outside || next.Part() == Begin || next.Part() == Unit
}

// Span is a name: words [First, Last) of a document.
type Span struct {
	First, Last int
	Type        Type
}

// Spans reads the names out of a label sequence. Labels that break the BILOU
// rules still give whole names: a name ends at L, U, O or a change of type.
func Spans(labels []Label) []Span { return AppendSpans(nil, labels) }

// AppendSpans appends the spans of labels to spans, as Spans returns them.
func AppendSpans(spans []Span, labels []Label) []Span {
	start := -1
	for i, l := range labels {
		if start >= 0 && (l == Outside || l.Part() == Begin || l.Part() == Unit || l.Type() != labels[start].Type()) {
			spans = append(spans, Span{start, i, labels[start].Type()})
			start = -1
		}
		if l == Outside {
			continue
		}
		if start < 0 {
			start = i
		}
		if l.Part() == Last || l.Part() == Unit {
			spans = append(spans, Span{start, i + 1, l.Type()})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, Span{start, len(labels), labels[start].Type()})
	}
	return spans
}

// LabelSpans writes the BILOU labels of spans into labels (all Outside elsewhere).
func LabelSpans(labels []Label, spans []Span) {
	for i := range labels {
		labels[i] = Outside
	}
	for _, s := range spans {
		if s.Last-s.First == 1 {
			labels[s.First] = MakeLabel(s.Type, Unit)
			continue
		}
		labels[s.First] = MakeLabel(s.Type, Begin)
		for i := s.First + 1; i < s.Last-1; i++ {
			labels[i] = MakeLabel(s.Type, Inside)
		}
		labels[s.Last-1] = MakeLabel(s.Type, Last)
	}
}
