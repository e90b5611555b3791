package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"lede/annotate"
)

// goldEntity is one entry of a gold file: an entity a careful reader would
// list, the other forms the article gives its name, and for people the role
// the article gives them. An optional entity may be found or not.
type goldEntity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Role     string   `json:"role"`
	Optional bool     `json:"optional"`
}

type goldFile struct {
	Entities []goldEntity `json:"entities"`
}

// article is a test article and its gold entities.
type article struct {
	Name string
	Text string
	Gold []goldEntity
}

// loadArticles reads every NN-slug.txt of dir with its NN-slug.gold.json.
func loadArticles(dir string) ([]article, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no articles in %s", dir)
	}
	slices.Sort(paths)
	var out []article
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		raw, err := os.ReadFile(strings.TrimSuffix(p, ".txt") + ".gold.json")
		if err != nil {
			return nil, err
		}
		var g goldFile
		if err := json.Unmarshal(raw, &g); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		for _, e := range g.Entities {
			var t annotate.EntityType
			if t.UnmarshalText([]byte(e.Type)); t == 0 || e.Name == "" {
				return nil, fmt.Errorf("%s: bad gold entity %+v", p, e)
			}
		}
		out = append(out, article{Name: strings.TrimSuffix(filepath.Base(p), ".txt"), Text: string(text), Gold: g.Entities})
	}
	return out, nil
}

// counts are entity-level tallies of one type.
type counts struct{ TP, FP, FN int }

func (c *counts) add(d counts) { c.TP += d.TP; c.FP += d.FP; c.FN += d.FN }

func (c counts) precision() float64 { return ratio(c.TP, c.TP+c.FP) }
func (c counts) recall() float64    { return ratio(c.TP, c.TP+c.FN) }
func (c counts) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// types are the entity types in the order they are reported.
var types = []annotate.EntityType{annotate.Person, annotate.Place, annotate.Organization}

// result is the score of one article or of all of them.
type result struct {
	ByType map[annotate.EntityType]*counts
	// FalsePeople are the people found that are no gold person; Splits the
	// entities that repeat a gold entity another one already matched
	// (counted as false positives too); BadNames the matched entities whose
	// canonical name is none of the gold forms; Misses the gold entities not
	// found; FalsePositives the entities of other types that match no
	// gold entity.
	FalsePeople, Splits, BadNames, Misses, FalsePositives []string
	// Roles counts the gold people with a role that were found (Expected)
	// and those whose role matched (Correct); WrongRoles lists the others.
	RolesExpected, RolesCorrect int
	WrongRoles                  []string
}

func newResult() result {
	r := result{ByType: map[annotate.EntityType]*counts{}}
	for _, t := range types {
		r.ByType[t] = &counts{}
	}
	return r
}

func (r *result) add(o result) {
	for _, t := range types {
		r.ByType[t].add(*o.ByType[t])
	}
	r.FalsePeople = append(r.FalsePeople, o.FalsePeople...)
	r.Splits = append(r.Splits, o.Splits...)
	r.BadNames = append(r.BadNames, o.BadNames...)
	r.Misses = append(r.Misses, o.Misses...)
	r.FalsePositives = append(r.FalsePositives, o.FalsePositives...)
	r.RolesExpected += o.RolesExpected
	r.RolesCorrect += o.RolesCorrect
	r.WrongRoles = append(r.WrongRoles, o.WrongRoles...)
}

func (r result) micro() counts {
	var c counts
	for _, t := range types {
		c.add(*r.ByType[t])
	}
	return c
}

// normalize is the form names are compared in: lower case, without a
// leading "the" or a trailing possessive.
func normalize(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	for _, suffix := range []string{"'s", "’s"} {
		s = strings.TrimSuffix(s, suffix)
	}
	return strings.Join(strings.Fields(s), " ")
}

// normalizeRole compares roles without case and without a leading
// determiner ("his lawyer" and "lawyer" match).
func normalizeRole(s string) string {
	s = normalize(s)
	for _, det := range []string{"a ", "an ", "the ", "its ", "his ", "her ", "their "} {
		s = strings.TrimPrefix(s, det)
	}
	return s
}

// score matches the entities found in one article against its gold ones.
// An entity matches a gold entity of its type when its name or one of its
// mentions is the gold name or one of its aliases; the first entity to match
// a gold entity claims it, and a later one is a split.
func score(a article, doc *annotate.Document) result {
	r := newResult()
	claimed := make([]bool, len(a.Gold))
	goldKeys := make([][]string, len(a.Gold))
	goldTypes := make([]annotate.EntityType, len(a.Gold))
	for i, g := range a.Gold {
		goldKeys[i] = append(goldKeys[i], normalize(g.Name))
		for _, al := range g.Aliases {
			goldKeys[i] = append(goldKeys[i], normalize(al))
		}
		goldTypes[i].UnmarshalText([]byte(g.Type))
	}
	for _, e := range doc.Entities {
		keys := []string{normalize(e.Name)}
		for _, m := range e.Mentions {
			keys = append(keys, normalize(m.Text))
		}
		match := -1
		for i := range a.Gold {
			if goldTypes[i] != e.Type || !overlaps(keys, goldKeys[i]) {
				continue
			}
			// Prefer the gold entity the canonical name names.
			if match < 0 || slices.Contains(goldKeys[i], keys[0]) && !slices.Contains(goldKeys[match], keys[0]) {
				match = i
			}
		}
		label := a.Name + ": " + e.Name
		c := r.ByType[e.Type]
		switch {
		case match < 0:
			c.FP++
			if e.Type == annotate.Person {
				r.FalsePeople = append(r.FalsePeople, label)
			} else {
				r.FalsePositives = append(r.FalsePositives, a.Name+": false "+e.Type.String()+" "+e.Name)
			}
		case a.Gold[match].Optional:
		case claimed[match]:
			c.FP++
			r.Splits = append(r.Splits, label+" (of "+a.Gold[match].Name+")")
		default:
			claimed[match] = true
			c.TP++
			g := a.Gold[match]
			if !slices.Contains(goldKeys[match], keys[0]) {
				r.BadNames = append(r.BadNames, label+" (gold "+g.Name+")")
			}
			if e.Type == annotate.Person && g.Role != "" {
				r.RolesExpected++
				if normalizeRole(e.Role) == normalizeRole(g.Role) {
					r.RolesCorrect++
				} else {
					r.WrongRoles = append(r.WrongRoles, fmt.Sprintf("%s: %q, want %q", label, e.Role, g.Role))
				}
			}
		}
	}
	for i, g := range a.Gold {
		if !claimed[i] && !g.Optional {
			r.ByType[goldTypes[i]].FN++
			r.Misses = append(r.Misses, a.Name+": "+g.Type+" "+g.Name)
		}
	}
	return r
}

func overlaps(a, b []string) bool {
	for _, s := range a {
		if slices.Contains(b, s) {
			return true
		}
	}
	return false
}

// evaluate annotates every article and scores it; the second result is per
// article.
func evaluate(articles []article) (result, []result) {
	total := newResult()
	per := make([]result, len(articles))
	for i, a := range articles {
		per[i] = score(a, annotate.Annotate(a.Text, annotate.WithLayers(annotate.Layers{Entities: true})))
		total.add(per[i])
	}
	return total, per
}
