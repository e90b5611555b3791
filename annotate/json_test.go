package annotate

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chunkRecorder keeps each Write as it came.
type chunkRecorder struct{ chunks [][]byte }

func (r *chunkRecorder) Write(p []byte) (int, error) {
	r.chunks = append(r.chunks, bytes.Clone(p))
	return len(p), nil
}

// The wasm bridge decodes every chunk on its own, so no chunk may end inside
// a UTF-8 sequence, however long the document and wherever its multi-byte
// characters fall.
func TestWriteJSONChunksAreWholeUTF8(t *testing.T) {
	for _, size := range []int{3 * jsonChunk, 2*blockSize + 1} {
		doc := Annotate(repeatTo(fixtureArticle+"\n", size))
		var out chunkRecorder
		require.NoError(t, doc.WriteJSON(&out))
		require.Greater(t, len(out.chunks), 2, "size %d", size)
		for i, chunk := range out.chunks {
			assert.True(t, utf8.Valid(chunk), "size %d: chunk %d cuts a character", size, i)
		}
		assert.Equal(t, doc.AppendJSON(nil), bytes.Join(out.chunks, nil))
	}
}
