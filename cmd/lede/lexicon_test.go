package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lexiconArticle is written for this test: a planet the recognizer takes for
// a person and a charity the newsroom never wants flagged.
const lexiconArticle = `Astronomers at the Lowell Observatory said on Tuesday that Jupiter had moved closer to Earth than at any time in the past decade.

"Jupiter is putting on a show this month," said Maria Chen, who leads the observatory's outreach team.

Meanwhile the housing charity Homes Now warned that rents in Flagstaff had risen sharply. "We have never seen so many families priced out," said Tom Reyes, its director. The Federal Reserve raised interest rates again.
`

// runAnnotateCaptured runs `lede annotate args...` and returns its standard output.
func runAnnotateCaptured(t *testing.T, args ...string) ([]byte, error) {
	t.Helper()
	out, err := os.CreateTemp(t.TempDir(), "out")
	require.NoError(t, err)
	defer out.Close()
	stdout := os.Stdout
	os.Stdout = out
	runErr := runAnnotate(args)
	os.Stdout = stdout
	_, err = out.Seek(0, 0)
	require.NoError(t, err)
	b, err := io.ReadAll(out)
	require.NoError(t, err)
	return b, runErr
}

type entitySummary struct {
	Type, Name string
	Mentions   []struct{ Start, End int }
}

type docSummary struct {
	Entities []entitySummary
	Quotes   []struct {
		Start, End int
		Speaker    *struct{ Name string }
	}
	Issues []struct {
		Label    string
		Score    float64
		Mentions []struct{ Start, End int }
	}
}

// keys lists the entities as type:name and the issues by label.
func keys(t *testing.T, b []byte) (entities, issues []string, d docSummary) {
	t.Helper()
	require.NoError(t, json.Unmarshal(b, &d), string(b))
	for _, e := range d.Entities {
		entities = append(entities, e.Type+":"+e.Name)
	}
	for _, is := range d.Issues {
		issues = append(issues, is.Label)
	}
	return entities, issues, d
}

func without(list []string, drop ...string) []string {
	return slices.DeleteFunc(slices.Clone(list), func(s string) bool { return slices.Contains(drop, s) })
}

func TestAnnotateLexiconChangesOnlyWhatItNames(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	lexicon := filepath.Join(dir, "lexicon.json")
	require.NoError(t, os.WriteFile(article, []byte(lexiconArticle), 0o600))
	require.NoError(t, os.WriteFile(lexicon, []byte(`{"entities": [{"name": "Jupiter", "type": "place"}], "ignore": ["Homes Now", "charity"]}`), 0o600))

	plain, err := runAnnotateCaptured(t, article)
	require.NoError(t, err)
	withLex, err := runAnnotateCaptured(t, "-lexicon", lexicon, article)
	require.NoError(t, err)
	be, bi, bd := keys(t, plain)
	ae, ai, ad := keys(t, withLex)

	charity := slices.IndexFunc(bd.Entities, func(e entitySummary) bool { return e.Name == "Homes Now" })
	require.GreaterOrEqual(t, charity, 0, "the test needs the recognizer to find the charity")
	jupiter := slices.IndexFunc(be, func(k string) bool { return k == "person:Jupiter" || k == "place:Jupiter" })
	require.GreaterOrEqual(t, jupiter, 0)
	want := slices.Clone(be)
	want[jupiter] = "place:Jupiter"
	assert.Equal(t, without(want, be[charity]), ae, "entities")
	assert.Equal(t, bd.Entities[jupiter].Mentions, ad.Entities[jupiter].Mentions, "Jupiter keeps its mentions")

	require.Contains(t, bi, "charity")
	assert.Equal(t, without(bi, "charity"), ai, "the issue raised only by the silenced word goes (its field stays: the article classifier reads the whole text)")
	silenced := strings.Index(lexiconArticle, "charity")
	for _, is := range ad.Issues {
		i := slices.Index(bi, is.Label)
		want := bd.Issues[i]
		kept := want.Mentions[:0:0]
		for _, m := range want.Mentions {
			if m.Start != silenced {
				kept = append(kept, m)
			}
		}
		want.Mentions = kept
		assert.Equal(t, want, is, "the other issues are unchanged but for the silenced word")
	}
	assert.Equal(t, bd.Quotes, ad.Quotes, "quotes and their speakers are unchanged")
}

func TestAnnotateRefusesABadLexicon(t *testing.T) {
	refusesBadFiles(t, "-lexicon", []struct{ name, content, want string }{
		{"bad type", `{"entities": [{"name": "Jupiter", "type": "planet"}]}`, `-lexicon: entities[0]: unknown type "planet"`},
		{"empty name", `{"entities": [{"name": "", "type": "place"}]}`, "entities[0]: the name is empty"},
		{"misspelt field", `{"entities": [{"name": "Jupiter", "type": "place", "canonnical": "J"}]}`, `unknown field "canonnical"`},
		{"not JSON", `entities: Jupiter`, "-lexicon: not a lexicon"},
	})
}

// refusesBadFiles checks that lede annotate refuses each file given with
// flag with an error containing want, and a missing one.
func refusesBadFiles(t *testing.T, flag string, tests []struct{ name, content, want string }) {
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	require.NoError(t, os.WriteFile(article, []byte(lexiconArticle), 0o600))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(dir, "option.json")
			require.NoError(t, os.WriteFile(file, []byte(tt.content), 0o600))
			_, err := runAnnotateCaptured(t, flag, file, article)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err := runAnnotateCaptured(t, flag, filepath.Join(dir, "missing.json"), article)
	assert.Error(t, err)
}
