package annotate

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate/internal/swar"
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

func TestAppendDecimal(t *testing.T) {
	for _, n := range []int{
		0, 1, 7, 9, 10, 11, 99, 100, 101, 999, 1000, 1234, 9999, 10000, 10001, 12345, 99999, 100000,
		123456, 999999, 1000000, 1234567, 9999999, 10000000, 12345678, 90000009, 99999999,
		100000000, 123456789, 1 << 40, math.MaxInt64, -1, -12345, math.MinInt64,
	} {
		want := strconv.AppendInt([]byte("x"), int64(n), 10)
		assert.Equal(t, string(want), string(appendDecimal([]byte("x"), n)), "%d", n)
	}
}

func TestAppendString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `""`},
		{"a", `"a"`},
		{"Ana Ruiz", `"Ana Ruiz"`}, // exactly one word of eight bytes
		{"the United Nations", `"the United Nations"`},
		{`he said "no" \ left`, `"he said \"no\" \\ left"`},
		{"<b>&amp;</b>", `"\u003cb\u003e\u0026amp;\u003c/b\u003e"`},
		{"a\tb\nc\rd\x00e\x1ff\x7f", `"a\tb\nc\rd\u0000e\u001ff` + "\x7f" + `"`},
		{"«Oui» „Ja“ café 日本 🇨🇭", `"«Oui» „Ja“ café 日本 🇨🇭"`},
		{"line\u2028para\u2029end", `"line\u2028para\u2029end"`},
		{"bad \xff byte, cut \xe2\x80", `"bad \ufffd byte, cut \ufffd\ufffd"`},
		{"\"", `"\""`},
		{"1234567\"", `"1234567\""`},
		{"12345678\"", `"12345678\""`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, string(appendString(nil, tt.in)), "%q", tt.in)
	}
}

// TestJSONSpecial checks, for every byte value at every position of a word,
// that the first flag falls on the first byte appendString must not copy
// as it is.
func TestJSONSpecial(t *testing.T) {
	special := func(c byte) bool { return c < 0x20 || c >= utf8.RuneSelf || strings.IndexByte(`"\<>&`, c) >= 0 }
	for c := range 256 {
		for pos := range 8 {
			word := []byte("safe!=;?")
			word[pos] = byte(c)
			want := 8
			for k, b := range word {
				if special(b) {
					want = k
					break
				}
			}
			if !assert.Equal(t, want, swar.First(jsonSpecial(swar.Load64(string(word)))), "%q", word) {
				return
			}
		}
	}
}
