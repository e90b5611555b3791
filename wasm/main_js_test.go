package main

import (
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
)

// These tests run under node (make test-wasm) and call the bridge exactly as
// the Web Worker does: through globalThis.ledeAnnotate.

// sampleText has a quote, names and characters outside the BMP, whose UTF-16
// offsets differ from their byte offsets.
const sampleText = "“Trade matters,” said Ana Souza in São Paulo 🇧🇷 on Monday."

func TestLedeAnnotateFromJavaScript(t *testing.T) {
	register()
	text := sampleText
	tests := []struct {
		name    string
		args    []any
		wantErr string
	}{
		{name: "no options", args: []any{text}},
		{name: "empty options", args: []any{text, ""}},
		{name: "options", args: []any{text, `{"offsets":"utf16","layers":["entities","quotes"]}`}},
		{name: "not JSON", args: []any{text, "{"}, wantErr: "not valid JSON"},
		{name: "bad layer", args: []any{text, `{"layers":["x"]}`}, wantErr: "unknown layer"},
		{name: "text not a string", args: []any{42}, wantErr: "text must be a string"},
		{name: "no arguments", args: nil, wantErr: "text must be a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := js.Global().Call("ledeAnnotate", tt.args...)
			require.Equal(t, js.TypeString, out.Type())
			var doc struct {
				Error  string `json:"error"`
				Quotes []struct {
					Start, End int
					Text       string
				} `json:"quotes"`
			}
			require.NoError(t, json.Unmarshal([]byte(out.String()), &doc))
			if tt.wantErr != "" {
				assert.Contains(t, doc.Error, tt.wantErr)
				return
			}
			assert.Empty(t, doc.Error)
			require.NotEmpty(t, doc.Quotes)
			// The offsets are UTF-16, so JavaScript's slice returns the quote.
			for _, q := range doc.Quotes {
				assert.Equal(t, q.Text, js.Global().Get("String").New(text).Call("slice", q.Start, q.End).String())
			}
		})
	}
}

// A long text's JSON crosses into JavaScript chunk by chunk and equals what
// the annotator writes, character for character.
func TestLedeAnnotateStreamsLongDocuments(t *testing.T) {
	register()
	text := strings.Repeat(sampleText+"\n", 4000)
	var want strings.Builder
	require.NoError(t, annotate.Annotate(text).WriteJSON(&want))
	require.Greater(t, want.Len(), 1<<20, "the JSON spans many chunks")
	out := js.Global().Call("ledeAnnotate", text)
	assert.Equal(t, want.String(), out.String())
}

// Wasm memory never shrinks, so whatever a call takes stays taken: the
// bridge must not hold a long text's JSON (five times the text here) in Go
// memory, and the GC works harder past the worker's memory limit. Sys is all the memory
// the Go runtime took from the host. This 3 MB text takes about 80 MB; the
// bridge that built the JSON whole, and never yielded, took over 200 MB.
func TestLedeAnnotateMemoryOnALongText(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(64 << 20)) // worker.js's GOMEMLIMIT
	register()
	text := strings.Repeat(sampleText+"\n", (3<<20)/(len(sampleText)+1))
	out := js.Global().Call("ledeAnnotate", text)
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	require.Equal(t, `{"entities":`, out.String()[:12])
	assert.Less(t, stats.Sys>>20, uint64(100), "MB of wasm memory")
}
