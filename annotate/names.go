package annotate

import (
	"unicode"
	"unicode/utf8"
)

// Names: marks the spans of the text that name a person, place or
// organization. This first recognizer marks capitalised word sequences that
// do not start a sentence; the trained recognizer replaces it.

// Name is one typed name span: tokens [First, Last), bytes [Start, End).
type Name struct {
	First, Last int
	Start, End  int
	Type        EntityType
}

func findNames(text string, toks []Token, sents []Sentence) []Name {
	var names []Name
	for _, s := range sents {
		for i := s.First; i < s.Last; {
			if !isCapitalised(text, toks[i]) || i == s.First {
				i++
				continue
			}
			j := i + 1
			for j < s.Last && isCapitalised(text, toks[j]) && !toks[j].NewlineBefore {
				j++
			}
			names = append(names, Name{First: i, Last: j, Start: toks[i].Start, End: toks[j-1].End, Type: Person})
			i = j
		}
	}
	return names
}

func isCapitalised(text string, t Token) bool {
	if t.Kind != Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[t.Start:])
	return unicode.IsUpper(r)
}
