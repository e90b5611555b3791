package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunCopiesTheAppWithHeaders(t *testing.T) {
	dist := t.TempDir()
	for name, data := range map[string]string{
		"index.html": "<!doctype html>", "index.html.br": "br", "lede.wasm": "\x00asm", "lede.wasm.gz": "gz",
		"examples/index.html": "<!doctype html>", "examples/index.html.gz": "gz",
	} {
		p := filepath.Join(dist, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
	out := filepath.Join(t.TempDir(), "assets")
	require.NoError(t, run(dist, out, "https://cms.example.org", "https://cms.example.org"))

	for _, kept := range []string{"index.html", "lede.wasm", "examples/index.html", "_headers"} {
		assert.FileExists(t, filepath.Join(out, kept))
	}
	for _, dropped := range []string{"index.html.br", "lede.wasm.gz", "examples/index.html.gz"} {
		assert.NoFileExists(t, filepath.Join(out, dropped), "Cloudflare compresses on its own")
	}
	headers, err := os.ReadFile(filepath.Join(out, "_headers"))
	require.NoError(t, err)
	assert.Contains(t, string(headers), "frame-ancestors 'self' https://cms.example.org\n")
}

func TestRunRefusesBadOrigins(t *testing.T) {
	tests := []struct{ name, frameAncestors, allowedOrigins string }{
		{"frame ancestors", "cms.example.org", ""},
		{"allowed origins", "", "https://cms.example.org/editor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Error(t, run(t.TempDir(), filepath.Join(t.TempDir(), "assets"), tt.frameAncestors, tt.allowedOrigins))
		})
	}
}
