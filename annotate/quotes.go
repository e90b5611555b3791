package annotate

// Quotes: finds quoted passages and attributes each to a speaker.
// This first version pairs straight and curly double quotes within a line.

type quote struct {
	start, end  int // bytes, marks included
	speaker     *entity
	speakerDesc string
}

func findQuotes(a *analysis) []quote {
	var out []quote
	open := -1
	for i, t := range a.tokens {
		if t.NewlineBefore {
			open = -1
		}
		if t.Kind != QuoteMark {
			continue
		}
		switch a.text[t.Start:t.End] {
		case "\"", "“", "”":
		default:
			continue
		}
		if open < 0 {
			open = i
			continue
		}
		out = append(out, quote{start: a.tokens[open].Start, end: t.End})
		open = -1
	}
	return out
}
