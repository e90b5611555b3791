package annotate

import "lede/annotate/ner"

// Names: marks the spans of the text that name a person, place or
// organization, with the trained recognizer of package ner (an averaged
// perceptron over the pipeline's own tokens and sentences, reading the whole
// document twice so that a name is typed the same way throughout). Other
// names it knows (events, nationalities) are left out. Surname particles
// ("de", "van", "bin") that the recognizer left between two parts of a
// person's name are taken back into it.

// Name is one typed name span: tokens [First, Last), bytes [Start, End).
type Name struct {
	First, Last int
	Start, End  int
	Type        EntityType
}

// nameTypes maps the recognizer's types to Lede's; Misc has no entry.
var nameTypes = map[ner.Type]EntityType{ner.Person: Person, ner.Location: Place, ner.Organization: Organization}

func findNames(text string, toks []Token, sents []Sentence) []Name {
	model, err := ner.Default()
	if err != nil || len(toks) == 0 {
		return nil // the embedded model is checked by the tests
	}
	doc := ner.Document{Words: make([]string, len(toks)), Sentences: make([]ner.Sentence, len(sents))}
	for i, t := range toks {
		doc.Words[i] = t.Text(text)
	}
	for i, s := range sents {
		doc.Sentences[i] = ner.Sentence{First: s.First, Last: s.Last}
	}
	labels := make([]ner.Label, len(toks))
	model.Tag(doc, labels)
	var names []Name
	for _, span := range joinParticles(doc.Words, ner.Spans(labels)) {
		if typ, ok := nameTypes[span.Type]; ok {
			names = append(names, Name{First: span.First, Last: span.Last, Start: toks[span.First].Start, End: toks[span.Last-1].End, Type: typ})
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
