package main

import (
	"fmt"
	"strings"

	"lede/annotate/ner"
)

// scored are the name types Lede reports and the scorers count.
var scored = []ner.Type{ner.Person, ner.Location, ner.Organization}

// judged is one predicted name: its margin and whether it is right.
type judged struct {
	margin float32
	right  bool
}

// tagAll tags examples with model and returns each example's predicted
// labels and the predicted PER, LOC and ORG names, judged exactly against
// the gold ones.
func tagAll(model *ner.Model, examples []ner.Example) (preds [][]ner.Label, names []judged) {
	for _, ex := range examples {
		pred := make([]ner.Label, len(ex.Labels))
		margins := make([]float32, len(ex.Labels))
		model.TagMargins(ex.Doc, pred, margins)
		preds = append(preds, pred)
		gold := map[ner.Span]bool{}
		for _, s := range ner.Spans(ex.Labels) {
			gold[s] = true
		}
		for _, s := range ner.Spans(pred) {
			if isScored(s.Type) {
				names = append(names, judged{ner.SpanMargin(margins, s), gold[s]})
			}
		}
	}
	return preds, names
}

func isScored(t ner.Type) bool {
	for _, s := range scored {
		if s == t {
			return true
		}
	}
	return false
}

// score returns the exact-match precision, recall and F1 of PER, LOC and
// ORG names of preds against examples, as score-conll counts them.
func score(preds [][]ner.Label, examples []ner.Example) string {
	type counts struct{ tp, fp, fn int }
	byType := map[ner.Type]*counts{}
	for _, t := range scored {
		byType[t] = &counts{}
	}
	for k, ex := range examples {
		gold := map[ner.Span]bool{}
		for _, s := range ner.Spans(ex.Labels) {
			gold[s] = true
		}
		for _, s := range ner.Spans(preds[k]) {
			if c := byType[s.Type]; c != nil {
				if gold[s] {
					c.tp++
					delete(gold, s)
				} else {
					c.fp++
				}
			}
		}
		for s := range gold {
			if c := byType[s.Type]; c != nil {
				c.fn++
			}
		}
	}
	var out strings.Builder
	var all counts
	line := func(name string, c counts) {
		p := float64(c.tp) / float64(max(1, c.tp+c.fp))
		r := float64(c.tp) / float64(max(1, c.tp+c.fn))
		fmt.Fprintf(&out, "%-6s P %.4f  R %.4f  F1 %.4f\n", name, p, r, 2*p*r/max(p+r, 1e-9))
	}
	for _, t := range scored {
		c := byType[t]
		line(t.String(), *c)
		all.tp, all.fp, all.fn = all.tp+c.tp, all.fp+c.fp, all.fn+c.fn
	}
	line("micro", all)
	return out.String()
}

// reliability returns a reliability table of the model's confidence on
// names: per confidence bin, how many names fell in it, their mean
// confidence and the share that were right, and the expected calibration
// error (the count-weighted mean gap between the two).
func reliability(model *ner.Model, names []judged) string {
	const bins = 10
	var n, right [bins]int
	var conf [bins]float64
	for _, j := range names {
		c := model.Confidence(j.margin)
		b := min(int(c*bins), bins-1)
		n[b]++
		conf[b] += c
		if j.right {
			right[b]++
		}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "%-9s %6s %8s %8s\n", "conf", "names", "mean", "right")
	ece := 0.0
	for b := range bins {
		if n[b] == 0 {
			continue
		}
		mean, acc := conf[b]/float64(n[b]), float64(right[b])/float64(n[b])
		fmt.Fprintf(&out, "%.1f-%.1f   %6d %8.3f %8.3f\n", float64(b)/bins, float64(b+1)/bins, n[b], mean, acc)
		gap := mean - acc
		if gap < 0 {
			gap = -gap
		}
		ece += gap * float64(n[b])
	}
	fmt.Fprintf(&out, "expected calibration error %.3f over %d names\n", ece/float64(max(len(names), 1)), len(names))
	return out.String()
}
