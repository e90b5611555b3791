package main

import (
	"fmt"
	"strings"

	"lede/annotate/ner"
)

// score tags examples with model and returns the exact-match precision,
// recall and F1 of PER, LOC and ORG names, as score-conll counts them.
func score(tag func(ner.Document, []ner.Label), examples []ner.Example) string {
	scored := []ner.Type{ner.Person, ner.Location, ner.Organization}
	type counts struct{ tp, fp, fn int }
	byType := map[ner.Type]*counts{}
	for _, t := range scored {
		byType[t] = &counts{}
	}
	for _, ex := range examples {
		pred := make([]ner.Label, len(ex.Labels))
		tag(ex.Doc, pred)
		gold := map[ner.Span]bool{}
		for _, s := range ner.Spans(ex.Labels) {
			gold[s] = true
		}
		for _, s := range ner.Spans(pred) {
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
