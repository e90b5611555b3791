package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFailNamesTheCommandAndTheError(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"texts", errors.New("-out is required"), "texts: -out is required\n"},
		{"assets", fmt.Errorf("copying the app: %w", errors.New("no dist")), "assets: copying the app: no dist\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			assert.Equal(t, 1, fail(&out, tt.name, tt.err))
			assert.Equal(t, tt.want, out.String())
		})
	}
}

func TestBrotliSizeIsTheCompressedSize(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"repetitive", []byte(strings.Repeat("Lede names the people in the news. ", 200))},
		{"one byte", []byte("x")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
			_, err := w.Write(tt.data)
			require.NoError(t, err)
			require.NoError(t, w.Close())
			assert.Equal(t, buf.Len(), BrotliSize(tt.data))
			out, err := io.ReadAll(brotli.NewReader(&buf))
			require.NoError(t, err)
			assert.Equal(t, len(tt.data), len(out), "it decompresses to the data")
		})
	}
	assert.Less(t, BrotliSize([]byte(strings.Repeat("news ", 1000))), 100, "repetition compresses")
}
