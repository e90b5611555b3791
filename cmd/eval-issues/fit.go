package main

import (
	"fmt"
	"math"

	"lede/annotate"
	"lede/annotate/topics"
)

// Fitting the ranking (-fit) uses the dev half only. The headline, lede and
// spread weights are searched one at a time over a few values (each value
// annotates the dev half again); for each, the 17 top-level priors are fitted
// by coordinate descent on the top-level scores, which a prior multiplies
// before they saturate, so the ranking they give is known without annotating
// again. Every prior is pulled towards 1 (priorPull), so a top level moves
// only for several articles, and none leaves [minPrior, maxPrior]: the
// priors must stay a mild correction for a lexicon that is not BBC's.
var (
	headlineSteps = []float64{1, 1.5, 2, 3, 4, 5}
	ledeSteps     = []float64{1, 1.5, 2, 3}
	spreadSteps   = []float64{0, 0.25, 0.5, 1}
)

const (
	minPrior, maxPrior, priorStep = 0.65, 1.5, 0.05
	// marginScale smooths the count of right answers into a sum of
	// sigmoids of their margins, so that the fit prefers weights that win
	// clearly over ones that win by a hair on a few articles; a margin of
	// one scale is a 20% lead.
	marginScale = 0.2
	// priorPull is what a prior costs, in articles, per squared log of its
	// distance from 1: 0.7 or 1.4 costs about one article.
	priorPull = 8
)

// devCase is one dev article as the priors see it: the evidence of each top
// level (the score before it saturates) and the top level it should get.
type devCase struct {
	evidence []float64
	want     int
}

// fitRanking returns the ranking that ranks the most dev articles right,
// starting from the current one.
func fitRanking(lex *topics.Lexicon, dev []article) topics.Ranking {
	best := lex.Ranking
	bestObjective := math.Inf(-1)
	tried := map[[3]float64]bool{}
	try := func(h, l, s float64) {
		key := [3]float64{h, l, s}
		if tried[key] {
			return
		}
		tried[key] = true
		lex.Ranking = lex.Neutral(h, l, s)
		cases := devCases(lex, dev)
		prior, objective, correct := fitPriors(cases, len(lex.Ranking.Prior))
		fmt.Printf("headline %g lede %g spread %g: %d/%d right with fitted priors (smoothed %.2f)\n", h, l, s, correct, len(cases), objective)
		if objective > bestObjective {
			bestObjective = objective
			best = lex.Ranking
			best.Prior = prior
		}
	}
	try(best.Headline, best.Lede, best.Spread)
	for round := 0; round < 2; round++ {
		for _, h := range headlineSteps {
			try(h, best.Lede, best.Spread)
		}
		for _, l := range ledeSteps {
			try(best.Headline, l, best.Spread)
		}
		for _, s := range spreadSteps {
			try(best.Headline, best.Lede, s)
		}
	}
	// Only the ratios of the priors rank; scaled so that the smallest is 1,
	// no top level scores below its own children.
	least := math.Inf(1)
	for t, p := range best.Prior {
		if lex.IsTop(t) {
			least = min(least, p)
		}
	}
	for t, p := range best.Prior {
		if lex.IsTop(t) {
			best.Prior[t] = math.Round(p/least*100) / 100
		}
	}
	lex.Ranking = best
	return best
}

// devCases annotates the dev articles with lex.Ranking, whose priors are 1.
func devCases(lex *topics.Lexicon, dev []article) []devCase {
	cases := make([]devCase, len(dev))
	for i, art := range dev {
		doc := annotate.Annotate(art.Title+"\n"+art.Text, annotate.WithLayers(annotate.Layers{Issues: true}))
		c := devCase{evidence: make([]float64, len(lex.Ranking.Prior)), want: lex.Find(classTopics[art.Category])}
		for _, is := range doc.Issues {
			if is.Parent == "" {
				// score = e/(e+k) for evidence e; k does not change the ranking.
				c.evidence[lex.Find(is.ID)] = is.Score / (1 - is.Score)
			}
		}
		cases[i] = c
	}
	return cases
}

// fitPriors finds the priors that maximise the smoothed right answers less
// the pull towards 1, one prior at a time until none moves.
func fitPriors(cases []devCase, topics int) (prior []float64, objective float64, correct int) {
	prior = make([]float64, topics)
	for i := range prior {
		prior[i] = 1
	}
	score := func() (float64, int) {
		right, soft := 0, 0.0
		for _, c := range cases {
			m := margin(c, prior)
			if m > 0 {
				right++
			}
			soft += 1 / (1 + math.Exp(-m/marginScale))
		}
		pull := 0.0
		for _, p := range prior {
			pull += math.Log(p) * math.Log(p)
		}
		return soft - priorPull*pull, right
	}
	objective, correct = score()
	for moved := true; moved; {
		moved = false
		for t := range prior {
			if !anyEvidence(cases, t) {
				continue
			}
			was := prior[t]
			for steps := 0; ; steps++ {
				p := minPrior + float64(steps)*priorStep
				if p > maxPrior+1e-9 {
					break
				}
				prior[t] = p
				if o, c := score(); o > objective+1e-9 {
					objective, correct, was, moved = o, c, p, true
				}
			}
			prior[t] = was
		}
	}
	return prior, objective, correct
}

func anyEvidence(cases []devCase, topic int) bool {
	for _, c := range cases {
		if c.evidence[topic] > 0 {
			return true
		}
	}
	return false
}

// margin is the log ratio of the weighed evidence of the right top level to
// the best wrong one's: positive when the article is ranked right.
func margin(c devCase, prior []float64) float64 {
	right := c.evidence[c.want] * prior[c.want]
	wrong := 0.0
	for t, e := range c.evidence {
		if t != c.want {
			wrong = max(wrong, e*prior[t])
		}
	}
	switch {
	case right == 0:
		return math.Inf(-1)
	case wrong == 0:
		return math.Inf(1)
	}
	return math.Log(right / wrong)
}
