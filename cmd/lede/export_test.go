package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
	"lede/annotate/export"
)

// runLede runs the test binary as lede with args and returns its output.
func runLede(t *testing.T, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), runAsLedeEnv+"=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), stderr.String())
	return stdout.Bytes()
}

// lede annotate -format F writes the bytes package export writes, which the
// API and the page write too (server and wasm tests).
func TestAnnotateExportsAsTheLibrary(t *testing.T) {
	text := longTextUnit + "Ana Kovač 🇧🇷 said \"we agree\"\r\nin Zürich."
	path := filepath.Join(t.TempDir(), "article.txt")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	tests := []struct {
		args     []string
		format   string
		settings export.Settings
	}{
		{[]string{"-format", "json"}, "json", export.Settings{}},
		{[]string{"-format", "json", "-text=false", "-offsets", "codepoint"}, "json", export.Settings{Settings: annotate.Settings{Offsets: "codepoint"}, Text: new(false)}},
		{[]string{"-format", "webannotation", "-base", "https://cms.example.org/a/9"}, "webannotation", export.Settings{Base: "https://cms.example.org/a/9"}},
		{[]string{"-format", "html", "-layers", "quotes,entities"}, "html", export.Settings{Settings: annotate.Settings{Layers: []string{"quotes", "entities"}}}},
		{[]string{"-format", "csv"}, "csv", export.Settings{}},
		{[]string{"-format", "entities-csv"}, "entities-csv", export.Settings{}},
		{[]string{"-format", "brat"}, "brat", export.Settings{}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			f, _ := export.Lookup(tt.format)
			o, err := tt.settings.Options()
			require.NoError(t, err)
			var want bytes.Buffer
			require.NoError(t, export.Write(&want, f, text, o))
			got := runLede(t, append(append([]string{"annotate"}, tt.args...), path)...)
			assert.Equal(t, want.String(), string(got))
		})
	}
}

func TestAnnotateBratIntoAFolder(t *testing.T) {
	text := "Ana Kovač said \"we agree\"\r\nin Zürich, the Red Cross said."
	path := filepath.Join(t.TempDir(), "article.txt")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	dir := filepath.Join(t.TempDir(), "brat")
	assert.Empty(t, runLede(t, "annotate", "-format", "brat", "-out", dir, path))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	base := export.Filename(text, "")
	assert.ElementsMatch(t, []string{"annotation.conf", base + "ann", base + "txt"}, names)
	txt, err := os.ReadFile(filepath.Join(dir, base+"txt"))
	require.NoError(t, err)
	assert.Equal(t, text, string(txt), "the exact text, CRLF kept")
}

func TestAnnotateRefusesBadExportFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-format", "docx"},
		{"-format", "brat", "-jsonl"},
		{"-out", t.TempDir()},
		{"-layers", "quote"},
		{"-format", "webannotation", "-base", "not an iri"},
	} {
		assert.Error(t, runAnnotate(args), "%v", args)
	}
}
