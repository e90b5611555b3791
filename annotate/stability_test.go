package annotate

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/internal/testshared"
)

// The entities of an article should not depend on what surrounds it: the
// test articles and the seed, annotated alone and inside one long text made
// of them all (over 2 MB, so it runs block by block), should give the same
// mentions with the same types, the same entity names and the same roles.

// articleEntity is what the stability tests compare of an entity, seen from
// one article: its type, name and role, and its mentions in the article
// (offsets relative to the article's start).
type articleEntity struct {
	typ        EntityType
	name, role string
	mentions   string
}

func (e articleEntity) String() string {
	return fmt.Sprintf("%s %q role=%q at %s", e.typ, e.name, e.role, e.mentions)
}

// entitiesIn returns the entities of doc with mentions in [start, end), in
// bytes, sorted.
func entitiesIn(doc *Document, start, end int) []articleEntity {
	var out []articleEntity
	for _, e := range doc.Entities {
		var ms []string
		for _, m := range e.Mentions {
			if m.Start >= start && m.End <= end {
				ms = append(ms, fmt.Sprintf("%d-%d", m.Start-start, m.End-start))
			}
		}
		if len(ms) > 0 {
			out = append(out, articleEntity{e.Type, e.Name, e.Role, strings.Join(ms, ",")})
		}
	}
	slices.SortFunc(out, func(a, b articleEntity) int { return strings.Compare(a.mentions, b.mentions) })
	return out
}

// mentionTypes is the mentions of entities with their types, without the
// names and roles that grouping gives them.
func mentionTypes(es []articleEntity) []string {
	var out []string
	for _, e := range es {
		for m := range strings.SplitSeq(e.mentions, ",") {
			out = append(out, m+" "+e.typ.String())
		}
	}
	slices.Sort(out)
	return out
}

// stabilityTexts returns the test articles and, when ../shared is there,
// the seed.
func stabilityTexts(t *testing.T) (names, texts []string) {
	paths, err := filepath.Glob("testdata/articles/*.txt")
	require.NoError(t, err)
	if dir, ok := testshared.Dir(); ok {
		paths = append(paths, filepath.Join(dir, testshared.SeedArticle))
	} else {
		t.Log("../shared is absent: the seed is left out")
	}
	require.GreaterOrEqual(t, len(paths), 20)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		names = append(names, filepath.Base(p))
		texts = append(texts, strings.TrimSpace(string(b)))
	}
	return names, texts
}

// TestGroupingStableInLongText annotates every article alone and inside
// one text made of them all (one block). The recognizer must give each
// article the same names in both (it reads each article as a document of
// its own: articles.go), and the entities stage the same mentions with the
// same types; names and roles may take in other articles' mentions of the
// same entity (they are logged).
func TestGroupingStableInLongText(t *testing.T) {
	names, texts := stabilityTexts(t)
	long := strings.Join(texts, "\n\n")
	require.Less(t, len(long), blockSize, "the articles must fit one block")
	longNames, longEntities := recognizedNames(long), analyse(long, Layers{Entities: true}, nil)
	longDoc := longEntities.report().document(config{offsets: Bytes, layers: Layers{Entities: true}})
	start, taggerDiffs, groupingDiffs, nameDiffs := 0, 0, 0, 0
	for i, text := range texts {
		end := start + len(text)
		aloneNames := namesWithin(recognizedNames(text), 0, len(text))
		doc := analyse(text, Layers{Entities: true}, nil).report().document(config{offsets: Bytes, layers: Layers{Entities: true}})
		alone, inLong := entitiesIn(doc, 0, len(text)), entitiesIn(longDoc, start, end)
		switch {
		case !slices.Equal(aloneNames, namesWithin(longNames, start, end)):
			taggerDiffs++
			t.Errorf("%s: the recognizer's names differ in the long text", names[i])
		case !slices.Equal(mentionTypes(alone), mentionTypes(inLong)):
			groupingDiffs++
			t.Errorf("%s: the same names give other entities in the long text\nalone:   %v\nin long: %v", names[i], alone, inLong)
		case !slices.Equal(alone, inLong):
			nameDiffs++
			for _, e := range inLong {
				if !slices.Contains(alone, e) {
					t.Logf("%s: in the long text %v", names[i], e)
				}
			}
		}
		start = end + 2
	}
	t.Logf("%d articles: %d with other names from the recognizer in the long text, %d with other entities from the same names, %d with other entity names or roles",
		len(texts), taggerDiffs, groupingDiffs, nameDiffs)
}

// recognizedNames is what the recognizer finds in text, before the
// entities stage.
func recognizedNames(text string) []Name {
	toks := Tokenize(text)
	return findNames(text, toks, splitSentences(text, toks))
}

// namesWithin returns the names in [start, end) as "start-end type", relative to
// start.
func namesWithin(names []Name, start, end int) []string {
	var out []string
	for _, n := range names {
		if n.Start >= start && n.End <= end {
			out = append(out, fmt.Sprintf("%d-%d %s", n.Start-start, n.End-start, n.Type))
		}
	}
	return out
}

// TestEntitiesStableInLongText annotates every article alone and inside a
// text of over 2 MB made of them all, repeated, which runs block by block.
// Every article inside one block must keep its mentions and types; the few
// that a block's end cuts in two are logged.
func TestEntitiesStableInLongText(t *testing.T) {
	if testing.Short() {
		t.Skip("2 MB of text")
	}
	names, texts := stabilityTexts(t)
	const sep = "\n\n"
	var long strings.Builder
	var starts []int
	for long.Len() < 2<<20 {
		for _, text := range texts {
			starts = append(starts, long.Len())
			long.WriteString(text)
			long.WriteString(sep)
		}
	}
	var cuts []int // where blocks end, as reportBlocks cuts them
	for start := 0; start < long.Len(); {
		start = nextBlockEnd(long.String(), start)
		cuts = append(cuts, start)
	}
	require.Greater(t, len(cuts), 2, "the text must run as several blocks")
	doc := Annotate(long.String(), WithOffsets(Bytes), WithLayers(Layers{Entities: true}))
	alone := make([][]articleEntity, len(texts))
	for i, text := range texts {
		alone[i] = entitiesIn(Annotate(text, WithOffsets(Bytes), WithLayers(Layers{Entities: true})), 0, len(text))
	}
	cutArticles := 0
	for k, start := range starts {
		i, end := k%len(texts), start+len(texts[k%len(texts)])
		if slices.ContainsFunc(cuts, func(c int) bool { return c > start && c < end }) {
			cutArticles++
			continue
		}
		assert.Equal(t, mentionTypes(alone[i]), mentionTypes(entitiesIn(doc, start, end)), "%s at byte %d of the long text", names[i], start)
	}
	t.Logf("%d articles in a %d-byte text, %d of them cut by a block's end", len(starts), long.Len(), cutArticles)
	assert.Less(t, cutArticles, len(cuts))
}
