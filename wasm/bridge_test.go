package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
	"lede/annotate/export"
)

func TestAnnotateJSONHonoursOptions(t *testing.T) {
	const text = `"We will go," said Maria Lopez in Madrid.`
	tests := []struct {
		name       string
		opts       annotate.Settings
		wantQuotes bool
		wantErr    string
	}{
		{name: "defaults", opts: annotate.Settings{}, wantQuotes: true},
		{name: "byte offsets", opts: annotate.Settings{Offsets: "byte"}, wantQuotes: true},
		{name: "entities only", opts: annotate.Settings{Layers: []string{"entities"}}},
		{name: "unknown offsets", opts: annotate.Settings{Offsets: "lines"}, wantErr: "unknown offsets"},
		{name: "unknown layer", opts: annotate.Settings{Layers: []string{"colours"}}, wantErr: "unknown layer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			err := annotateJSON(&out, text, tt.opts)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			var doc struct {
				Quotes []json.RawMessage `json:"quotes"`
			}
			require.NoError(t, json.Unmarshal([]byte(out.String()), &doc))
			assert.Equal(t, tt.wantQuotes, len(doc.Quotes) > 0)
		})
	}
}

func TestRecoverPanicTurnsPanicsIntoErrors(t *testing.T) {
	tests := []struct {
		name    string
		f       func() error
		wantErr string
	}{
		{name: "no panic", f: func() error { return nil }},
		{name: "error returned", f: func() error { return assert.AnError }, wantErr: assert.AnError.Error()},
		{name: "string", f: func() error { panic("index out of range") }, wantErr: "index out of range"},
		{name: "error", f: func() error { panic(assert.AnError) }, wantErr: assert.AnError.Error()},
		{name: "other value", f: func() error { panic(42) }, wantErr: "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := recoverPanic(tt.f)
			if tt.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestFormatsJSONListsTheRegistry(t *testing.T) {
	var formats []struct {
		Name, Label, Ext, MediaType string
		Bundle                      bool
	}
	require.NoError(t, json.Unmarshal([]byte(formatsJSON()), &formats))
	require.Len(t, formats, len(export.Formats()))
	for i, f := range export.Formats() {
		assert.Equal(t, f.Name, formats[i].Name)
		assert.Equal(t, f.Label, formats[i].Label)
		assert.Equal(t, f.Bundle(), formats[i].Bundle)
	}
}

func TestExportTo(t *testing.T) {
	tests := []struct {
		name, format string
		settings     export.Settings
		wantErr      string
	}{
		{name: "csv", format: "csv"},
		{name: "unknown format", format: "pdf", wantErr: `unknown export format "pdf"`},
		{name: "unknown layer", format: "json", settings: export.Settings{Settings: annotate.Settings{Layers: []string{"quote"}}}, wantErr: "unknown layer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			f, err := exportTo(&out, `"We will go," said Maria Lopez.`, tt.format, tt.settings, nil)
			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.format, f.Name)
			assert.Contains(t, out.String(), "Maria Lopez")
		})
	}
}
