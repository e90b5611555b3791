package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"lede/annotate/ner"
)

func TestSplitFields(t *testing.T) {
	tests := []struct {
		line, sep string
		want      []string
	}{
		{"AE.01\tAbu Dhabi Municipality", "\t", []string{"AE.01", "Abu Dhabi Municipality"}},
		{`GBR,12,,Lab,"Labour Party, The",x`, ",", []string{"GBR", "12", "", "Lab", "Labour Party, The", "x"}},
		{`a,"say ""hi""",b`, ",", []string{"a", `say "hi"`, "b"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, splitFields(tt.line, tt.sep), tt.line)
	}
}

func TestTitleCased(t *testing.T) {
	for in, want := range map[string]string{
		"university of the western cape": "University of the Western Cape",
		"the new school":                 "The New School",
		"Universidad de Chile":           "Universidad de Chile", // written with capitals: kept
	} {
		assert.Equal(t, want, titleCased(in), in)
	}
}

func TestListCountsBits(t *testing.T) {
	c := &listCounts{org: 5, orgFirst: 3, orgLast: 1, placeWhole: 1, lastName: true}
	assert.Equal(t, ner.InOrgNames|ner.IsLastName|ner.StartsOrgNames|ner.NamesPlace, c.bits(true))
	assert.Equal(t, ner.InOrgNames|ner.IsLastName, c.bits(false), "without the new bits")
}
