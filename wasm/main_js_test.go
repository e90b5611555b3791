package main

import (
	"encoding/json"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests run under node (make test-wasm) and call the bridge exactly as
// the Web Worker does: through globalThis.ledeAnnotate.
func TestLedeAnnotateFromJavaScript(t *testing.T) {
	register()
	text := "“Trade matters,” said Ana Souza in São Paulo 🇧🇷 on Monday."
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
