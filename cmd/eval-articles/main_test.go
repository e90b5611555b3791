package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
)

// TestFloors fails when the entities found in the test articles fall below
// the scores they reach today, so a change that loses people, places,
// organizations or roles shows up in go test.
func TestFloors(t *testing.T) {
	articles, err := loadArticles("../../annotate/testdata/articles")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(articles), 20)
	total, _ := evaluate(articles)
	floors := []struct {
		typ               annotate.EntityType
		precision, recall float64
	}{
		{annotate.Person, 0.82, 0.96},
		{annotate.Place, 0.86, 0.82},
		{annotate.Organization, 0.72, 0.70},
	}
	for _, f := range floors {
		c := *total.ByType[f.typ]
		assert.GreaterOrEqual(t, c.precision(), f.precision, "%s precision", f.typ)
		assert.GreaterOrEqual(t, c.recall(), f.recall, "%s recall", f.typ)
	}
	assert.LessOrEqual(t, float64(len(total.FalsePeople))/float64(len(articles)), 0.7, "false people per article: %v", total.FalsePeople)
	assert.GreaterOrEqual(t, total.RolesCorrect, 58, "roles right: %v", total.WrongRoles)
	assert.LessOrEqual(t, len(total.Splits), 1, "entities split: %v", total.Splits)
	assert.Empty(t, total.BadNames, "canonical names that are no form of the gold name")
}

// TestScore checks the matching rules on a made-up document: by name or
// alias, a split counted as a false positive, an optional entity ignored,
// and roles compared without case or leading determiner.
func TestScore(t *testing.T) {
	a := article{Name: "t", Gold: []goldEntity{
		{Name: "Ana Ruiz", Type: "person", Aliases: []string{"Ruiz"}, Role: "his lawyer"},
		{Name: "European Union", Type: "organization", Aliases: []string{"EU"}},
		{Name: "Red Sea", Type: "place", Optional: true},
		{Name: "Jupiter", Type: "place"},
	}}
	mention := func(s string) []annotate.Mention { return []annotate.Mention{{Text: s}} }
	doc := &annotate.Document{Entities: []annotate.Entity{
		{Type: annotate.Person, Name: "Ruiz", Role: "Lawyer", Mentions: mention("Ruiz")},
		{Type: annotate.Organization, Name: "EU", Mentions: mention("EU")},
		{Type: annotate.Organization, Name: "European Union", Mentions: mention("the European Union")},
		{Type: annotate.Place, Name: "Red Sea", Mentions: mention("Red Sea")},
		{Type: annotate.Person, Name: "Jupiter", Mentions: mention("Jupiter")},
	}}
	r := score(a, doc)
	assert.Equal(t, counts{TP: 1, FP: 1}, *r.ByType[annotate.Person])
	assert.Equal(t, counts{TP: 1, FP: 1}, *r.ByType[annotate.Organization])
	assert.Equal(t, counts{FN: 1}, *r.ByType[annotate.Place])
	assert.Equal(t, []string{"t: Jupiter"}, r.FalsePeople)
	assert.Len(t, r.Splits, 1)
	assert.Equal(t, 1, r.RolesCorrect)
	assert.Equal(t, 1, r.RolesExpected)
}
