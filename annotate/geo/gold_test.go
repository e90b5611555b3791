package geo_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
	"lede/annotate/geo"
	"lede/internal/testshared"
)

// The gold sets: articles written for these tests, with each place mention
// marked [[text|GeoNames id]], [[text|county]] for a county (the data
// carries no id for counties; the county of that name must be chosen), or
// [[text|none]] for a place Lede does not know (Portland, Maine), where
// the right answer is to abstain. testdata/gold is the development set the
// rules were written against; testdata/heldout was written after them and
// never tuned on.

var goldMark = regexp.MustCompile(`\[\[([^|\]]+)\|([^\]]+)\]\]`)

type goldMention struct {
	start, end int
	text, want string
}

// readGold strips the marks from an article and returns its text and marks.
func readGold(t *testing.T, path string) (string, []goldMention) {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var text strings.Builder
	var gold []goldMention
	src := string(b)
	last := 0
	for _, m := range goldMark.FindAllStringSubmatchIndex(src, -1) {
		text.WriteString(src[last:m[0]])
		surface, want := src[m[2]:m[3]], src[m[4]:m[5]]
		gold = append(gold, goldMention{start: text.Len(), end: text.Len() + len(surface), text: surface, want: want})
		text.WriteString(surface)
		last = m[1]
	}
	text.WriteString(src[last:])
	return text.String(), gold
}

type goldScore struct {
	mentions, found, linked, correct int
	// unknown counts the places Lede does not know, and rightlyAbstained
	// those it left unlinked.
	unknown, rightlyAbstained int
	wrong                     []string
}

func scoreGold(t *testing.T, dir string) goldScore {
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var s goldScore
	for _, f := range files {
		text, gold := readGold(t, f)
		doc := annotate.Annotate(text, annotate.WithOffsets(annotate.Bytes))
		for _, g := range gold {
			e := placeAt(doc, g.start, g.end)
			if g.want == "none" {
				s.unknown++
				if e == nil || e.Geo == nil {
					s.rightlyAbstained++
				} else {
					s.wrong = append(s.wrong, filepath.Base(f)+": "+g.text+" -> "+strconv.Itoa(e.Geo.GeoNames)+" "+e.Geo.Name+" "+e.Geo.Country+", want none")
				}
				continue
			}
			s.mentions++
			if e == nil {
				continue
			}
			s.found++
			if e.Geo == nil {
				s.wrong = append(s.wrong, filepath.Base(f)+": "+g.text+" ("+e.Name+") abstained, want "+g.want)
				continue
			}
			s.linked++
			if matches(e.Geo, g) {
				s.correct++
			} else {
				s.wrong = append(s.wrong, filepath.Base(f)+": "+g.text+" -> "+strconv.Itoa(e.Geo.GeoNames)+" "+e.Geo.Name+" "+e.Geo.Country+" "+e.Geo.Kind+", want "+g.want)
			}
		}
	}
	return s
}

func matches(g *annotate.Geo, m goldMention) bool {
	if m.want == "county" {
		return g.Kind == "county" && g.Name == m.text
	}
	id, _ := strconv.Atoi(m.want)
	return g.GeoNames == id
}

// placeAt returns the place entity with a mention overlapping [start, end).
func placeAt(doc *annotate.Document, start, end int) *annotate.Entity {
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.Type != annotate.Place {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start < end && start < m.End {
				return e
			}
		}
	}
	return nil
}

func (s goldScore) rates() (accuracy, precision, abstain float64) {
	return float64(s.correct) / float64(max(1, s.found)),
		float64(s.correct) / float64(max(1, s.linked)),
		float64(s.found-s.linked) / float64(max(1, s.found))
}

func (s goldScore) log(t *testing.T, set string) {
	accuracy, precision, abstain := s.rates()
	t.Logf("%s: %d place mentions, %d found as places (%.1f%%), %d linked", set, s.mentions, s.found, 100*float64(s.found)/float64(max(1, s.mentions)), s.linked)
	t.Logf("%s: accuracy over places found %.1f%%, precision of links %.1f%%, abstain rate %.1f%%", set, 100*accuracy, 100*precision, 100*abstain)
	if s.unknown > 0 {
		t.Logf("%s: %d of %d mentions of places Lede does not know left unlinked", set, s.rightlyAbstained, s.unknown)
	}
	if testing.Verbose() {
		for _, w := range s.wrong {
			t.Log("  ", w)
		}
	}
}

// TestGold checks linking on the gold sets (make eval-geo prints the
// details): accuracy over the places the recognizer found, and how often
// Lede abstains.
func TestGold(t *testing.T) {
	dev := scoreGold(t, "gold")
	dev.log(t, "dev")
	require.GreaterOrEqual(t, dev.mentions, 150, "the gold set has at least 150 place mentions")
	accuracy, precision, abstain := dev.rates()
	assert.GreaterOrEqual(t, precision, 0.9, "a link is right at least nine times in ten")
	assert.GreaterOrEqual(t, accuracy, 0.8)
	assert.LessOrEqual(t, abstain, 0.15)

	heldout := scoreGold(t, "heldout")
	heldout.log(t, "held-out")
	_, precision, _ = heldout.rates()
	assert.GreaterOrEqual(t, precision, 0.8, "held out: a link is right at least four times in five")
}

// TestSeed checks the places of the seed article in ../shared.
func TestSeed(t *testing.T) {
	doc := annotate.Annotate(testshared.Seed(t))
	want := map[string]int{"Beijing": 1816670, "Washington": 4140963, "United States": 6252001, "China": 1814991, "Taiwan": 1668284, "Bali": 1650535}
	got := map[string]int{}
	for _, e := range doc.Entities {
		if e.Type == annotate.Place && e.Geo != nil {
			got[e.Name] = e.Geo.GeoNames
		}
	}
	for name, id := range want {
		assert.Equal(t, id, got[name], name)
	}
	_ = geo.Country
}
