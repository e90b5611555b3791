package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/internal/testshared"
)

func readTaxonomy(t *testing.T) map[string]concept {
	t.Helper()
	iptc, err := readIPTC(testshared.Path(t, "data/taxonomy/iptc/mediatopics_flat.tsv", "the IPTC release is not available"))
	require.NoError(t, err)
	return iptc
}

func TestCompiledLexiconIsCurrent(t *testing.T) {
	iptc := readTaxonomy(t)
	src, err := os.ReadFile(filepath.Join("..", "..", "annotate", "topics", "lexicon.txt"))
	require.NoError(t, err)
	lex, err := parseLexicon(string(src), iptc)
	require.NoError(t, err)
	embedded, err := os.ReadFile(filepath.Join("..", "..", "annotate", "topics", "compiled.txt"))
	require.NoError(t, err)
	// The keys pruning kept (prune.go) are taken from the embedded file,
	// which names the lexicon.txt it was compiled from.
	lex.seen = map[string]bool{}
	for _, line := range strings.Split(string(embedded), "\n") {
		lex.seen[line] = true
	}
	assert.True(t, string(lex.compile()) == string(embedded), "compiled.txt is stale: run make topics-model")
}

func TestLexiconErrors(t *testing.T) {
	iptc := readTaxonomy(t)
	tests := []struct{ name, src string }{
		{"unknown code", "== medtop:99999999\nfoo\n"},
		{"retired code", "== medtop:20000030\nfoo\n"},
		{"wrong label", "== medtop:20000373 world trade\nfoo\n"},
		{"terms before a topic", "foo\n"},
		{"unknown context", "== medtop:20000373\ntrade +@nowhere\n"},
		{"bad weight", "== medtop:20000373\ntrade ^heavy\n"},
		{"top-level frame", "== medtop:11000000 politics and government [frame]\npolitics\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseLexicon(tt.src, iptc)
			assert.Error(t, err)
		})
	}
}

func TestInflections(t *testing.T) {
	tests := []struct {
		spec string
		want []string
	}{
		{"tariff", []string{"tariff", "tariffs"}},
		{"policy", []string{"policy", "policies"}},
		{"crisis", []string{"crisis", "crises"}},
		{"tax", []string{"tax", "taxes"}},
		{"news=", []string{"news"}},
		{"vote~", []string{"vote", "votes", "voted", "voting"}},
		{"ban~", []string{"ban", "bans", "baned", "baning", "banned", "banning"}},
		{"trade war", []string{"trade war", "trade wars"}},
		{"women's rights", []string{"women 's rights"}},
		{"!WHO", []string{"=WHO", "=WHOs"}},
		{"MP", []string{"mp", "mps"}},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			assert.ElementsMatch(t, tt.want, expand(strings.Fields(tt.spec)))
		})
	}
}
