package main

import (
	"bytes"
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
	"lede/annotate/export"
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
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(56 << 20)) // worker.js's GOMEMLIMIT
	register()
	text := strings.Repeat(sampleText+"\n", (3<<20)/(len(sampleText)+1))
	out := js.Global().Call("ledeAnnotate", text)
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	require.Equal(t, `{"entities":`, out.String()[:12])
	assert.Less(t, stats.Sys>>20, uint64(100), "MB of wasm memory")
}

// ledeExport, called as the Web Worker calls it, returns the bytes package
// export writes (and so the CLI and the API), in chunks, with progress.
func TestLedeExportFromJavaScript(t *testing.T) {
	register()
	registerExports()
	var formats []struct {
		Name, Label, Ext, MediaType string
		Bundle                      bool
	}
	require.NoError(t, json.Unmarshal([]byte(js.Global().Call("ledeFormats").String()), &formats))
	require.Len(t, formats, len(export.Formats()))
	text := strings.Repeat(sampleText+"\r\n", 300)
	for _, f := range formats {
		for _, options := range []string{"", `{"offsets":"utf16","layers":["quotes","entities"],"text":false,"base":"urn:example:a"}`} {
			t.Run(f.Name+" "+options, func(t *testing.T) {
				calls := 0
				progress := js.FuncOf(func(js.Value, []js.Value) any { calls++; return nil })
				defer progress.Release()
				out := js.Global().Call("ledeExport", text, f.Name, options, progress)
				require.True(t, out.Get("error").IsUndefined(), "%v", out.Get("error"))
				var got []byte
				chunks := out.Get("chunks")
				for i := range chunks.Length() {
					b := make([]byte, chunks.Index(i).Length())
					js.CopyBytesToGo(b, chunks.Index(i))
					got = append(got, b...)
				}
				format, _ := export.Lookup(f.Name)
				var s export.Settings
				if options != "" {
					require.NoError(t, json.Unmarshal([]byte(options), &s))
				}
				o, err := s.Options()
				require.NoError(t, err)
				var want bytes.Buffer
				require.NoError(t, export.Write(&want, format, text, o))
				assert.Equal(t, want.Bytes(), got, "the same bytes as the CLI and the API")
				assert.Equal(t, export.Filename(text, f.Ext), out.Get("filename").String())
				assert.Equal(t, f.MediaType, out.Get("mediaType").String())
				if f.Name != "json" {
					assert.Positive(t, calls, "progress is reported")
				}
			})
		}
	}
}

func TestLedeExportRefusesMistakes(t *testing.T) {
	registerExports()
	tests := []struct {
		name    string
		args    []any
		wantErr string
	}{
		{"unknown format", []any{"a", "docx", ""}, `unknown export format "docx"`},
		{"offset for offsets", []any{"a", "csv", `{"offset":"byte"}`}, `unknown option "offset"`},
		{"layer for layers", []any{"a", "csv", `{"layer":["quotes"]}`}, `unknown option "layer"`},
		{"layers not a list", []any{"a", "csv", `{"layers":"quotes"}`}, `"layers" has the wrong type`},
		{"text not a bool", []any{"a", "json", `{"text":"no"}`}, `"text" has the wrong type`},
		{"not JSON", []any{"a", "csv", `{`}, "not valid JSON"},
		{"not an object", []any{"a", "csv", `[1]`}, "must be a JSON object"},
		{"text not a string", []any{42, "csv"}, "must be strings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := js.Global().Call("ledeExport", tt.args...)
			assert.Contains(t, out.Get("error").String(), tt.wantErr)
		})
	}
}
