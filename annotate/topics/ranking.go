package topics

import (
	_ "embed"
	"errors"
	"strconv"
	"strings"

	"lede/annotate/internal/decimal"
)

// Ranking is how the issues stage weighs the lexicon's evidence. The values
// in ranking.txt were fitted on the training half of BBC News (even
// positions in the file) only, when the lexicon alone ranked the top levels;
// the classifier (classifier.bin) ranks them now, and the priors weigh only
// the top levels it does not score (weather).
type Ranking struct {
	// Headline and Lede weigh a mention in the headline and the opening
	// sentence: that is where a story says what it is about.
	Headline, Lede float64
	// Spread is added for each further paragraph that raises a topic: a
	// topic raised across the article beats one repeated in a paragraph.
	Spread float64
	// Prior multiplies the evidence of each top level (by topic index; 1
	// for the narrow topics): some top levels, such as labour or crime, are
	// raised in passing by most news stories and need more to lead. Only
	// their ratios rank; the smallest is 1, so that no top level scores
	// below its own children.
	Prior []float64
}

//go:embed ranking.txt
var rankingSource string

// Neutral is the ranking with every prior at 1.
func (l *Lexicon) Neutral(headline, lede, spread float64) Ranking {
	r := Ranking{Headline: headline, Lede: lede, Spread: spread, Prior: make([]float64, len(l.Topics))}
	for i := range r.Prior {
		r.Prior[i] = 1
	}
	return r
}

// ParseRanking reads a ranking: lines "headline 3", "lede 2", "spread 0.25"
// and "prior <IPTC id> <weight>"; # starts a comment. Unlisted priors are 1.
func (l *Lexicon) ParseRanking(src string) (Ranking, error) {
	r := l.Neutral(1, 1, 0)
	for n, line := range strings.Split(src, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		// strconv rather than fmt keeps fmt and reflection out of the wasm.
		fail := func(problem string) (Ranking, error) {
			return Ranking{}, errors.New("ranking line " + strconv.Itoa(n+1) + ": " + problem)
		}
		v, ok := decimal.Parse(f[len(f)-1])
		if !ok || v < 0 {
			return fail(`"` + f[len(f)-1] + `" is not a weight`)
		}
		switch {
		case len(f) == 2 && f[0] == "headline":
			r.Headline = v
		case len(f) == 2 && f[0] == "lede":
			r.Lede = v
		case len(f) == 2 && f[0] == "spread":
			r.Spread = v
		case len(f) == 3 && f[0] == "prior":
			t := l.Find(f[1])
			if t < 0 || !l.IsTop(t) {
				return fail(f[1] + " is not a top-level topic")
			}
			r.Prior[t] = v
		default:
			return fail(`unknown setting "` + line + `"`)
		}
	}
	return r, nil
}

// Format writes r in the form ParseRanking reads, each prior labelled.
func (l *Lexicon) Format(r Ranking, header string) string {
	var b strings.Builder
	for line := range strings.Lines(header) {
		b.WriteString("# " + line)
	}
	if header != "" && !strings.HasSuffix(header, "\n") {
		b.WriteByte('\n')
	}
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	b.WriteString("headline " + g(r.Headline) + "\nlede " + g(r.Lede) + "\nspread " + g(r.Spread) + "\n")
	for t, p := range r.Prior {
		if l.IsTop(t) {
			b.WriteString("prior " + l.Topics[t].ID + " " + strconv.FormatFloat(p, 'f', 2, 64) + " # " + l.Topics[t].Label + "\n")
		}
	}
	return b.String()
}
