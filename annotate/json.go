package annotate

import (
	"io"
	"lede/annotate/internal/decimal"
	"math/bits"
	"strconv"
	"sync"
	"unicode/utf8"

	"lede/annotate/internal/swar"
)

// JSON: the Document's JSON form, written by hand so that the wasm build
// needs neither reflect nor fmt. encoding/json reads it back (see the tests).
// Strings are copied and numbers written a word at a time: in the wasm build
// every call, loop turn and memmove counts.

// MarshalJSON implements json.Marshaler.
func (d *Document) MarshalJSON() ([]byte, error) { return d.AppendJSON(nil), nil }

// AppendJSON appends the document's JSON form to b. Like any append it may
// reallocate b; unlike one, it may also write into b's spare capacity past
// the end of the result.
func (d *Document) AppendJSON(b []byte) []byte {
	b, _ = d.encodeJSON(b, nil)
	return b
}

// WriteJSON writes the document's JSON form to w in chunks, so that a large
// document is never held twice in memory. Each chunk ends after a whole JSON
// value, never inside a UTF-8 sequence: the wasm bridge turns every chunk
// into a JavaScript string of its own.
func (d *Document) WriteJSON(w io.Writer) error {
	buf := jsonBuffers.Get().(*[]byte)
	defer jsonBuffers.Put(buf)
	b, err := d.encodeJSON((*buf)[:0], w)
	if err == nil {
		_, err = w.Write(b)
	}
	return err
}

const jsonChunk = 32 << 10

// jsonBuffers keeps WriteJSON's buffers from one document to the next:
// allocating and clearing 64 KB for each document was a fifth of all the
// bytes the wasm build allocates for an article, and made its GC run that
// much more often.
var jsonBuffers = sync.Pool{New: func() any {
	b := make([]byte, 0, 2*jsonChunk)
	return &b
}}

// encodeJSON appends the JSON form to b; when w is set it writes b out and
// starts over whenever b passes jsonChunk.
func (d *Document) encodeJSON(b []byte, w io.Writer) ([]byte, error) {
	var err error
	flush := func() {
		if w != nil && err == nil && len(b) >= jsonChunk {
			_, err = w.Write(b)
			b = b[:0]
		}
	}
	b = append(b, `{"entities":[`...)
	for i := range d.Entities {
		b = appendComma(b, i)
		b = d.Entities[i].appendJSON(b)
		flush()
	}
	b = append(b, `],"quotes":[`...)
	for i := range d.Quotes {
		b = appendComma(b, i)
		b = d.Quotes[i].appendJSON(b)
		flush()
	}
	b = append(b, `],"issues":[`...)
	for i := range d.Issues {
		b = appendComma(b, i)
		b = d.Issues[i].appendJSON(b)
		flush()
	}
	b = append(b, ']')
	if d.Sources != nil {
		b = d.Sources.appendJSON(append(b, `,"sources":`...))
	}
	if len(d.Warnings) > 0 {
		b = append(b, `,"warnings":[`...)
		for i, w := range d.Warnings {
			b = appendComma(b, i)
			b = appendString(b, w)
		}
		b = append(b, ']')
	}
	if len(d.Repairs) > 0 {
		b = append(b, `,"repairs":[`...)
		for i, r := range d.Repairs {
			b = appendComma(b, i)
			b = appendInt(b, `{"start":`, r.Start)
			b = appendInt(b, `,"end":`, r.End)
			b = appendField(b, `,"message":`, r.Message)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}'), err
}

func (e *Entity) appendJSON(b []byte) []byte {
	b = appendField(b, `{"id":`, e.ID)
	b = appendField(b, `,"type":`, e.Type.String())
	b = appendField(b, `,"name":`, e.Name)
	if e.Role != "" {
		b = appendField(b, `,"role":`, e.Role)
	}
	if e.Gender != "" {
		b = appendField(b, `,"gender":`, e.Gender)
	}
	if e.GenderBasis != "" {
		b = appendField(b, `,"genderBasis":`, e.GenderBasis)
	}
	if e.Confidence > 0 {
		b = decimal.Append(append(b, `,"confidence":`...), e.Confidence, 2)
	}
	b = appendMentions(append(b, `,"mentions":`...), e.Mentions)
	b = appendFlag(b, `,"corrected":true`, e.Corrected)
	if g := e.Geo; g != nil {
		b = g.appendJSON(append(b, `,"geo":`...))
	}
	return append(b, '}')
}

func (g *Geo) appendJSON(b []byte) []byte {
	b = append(b, '{')
	if g.GeoNames != 0 {
		b = appendInt(b, `"geonames":`, g.GeoNames)
		b = append(b, ',')
	}
	b = appendField(b, `"name":`, g.Name)
	b = appendField(b, `,"country":`, g.Country)
	b = appendField(b, `,"kind":`, g.Kind)
	b = decimal.Append(append(b, `,"lat":`...), g.Lat, geoPlaces)
	b = decimal.Append(append(b, `,"lon":`...), g.Lon, geoPlaces)
	b = decimal.Append(append(b, `,"confidence":`...), g.Confidence, scorePlaces)
	return append(b, '}')
}

func (q *Quote) appendJSON(b []byte) []byte {
	b = appendField(b, `{"id":`, q.ID)
	b = appendInt(b, `,"start":`, q.Start)
	b = appendInt(b, `,"end":`, q.End)
	b = appendField(b, `,"text":`, q.Text)
	b = append(b, `,"speaker":`...)
	if s := q.Speaker; s == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '{')
		if s.Entity != "" {
			b = appendField(b, `"entity":`, s.Entity)
			b = append(b, ',')
		}
		b = appendField(b, `"name":`, s.Name)
		if s.Anonymous {
			b = append(b, `,"anonymous":true`...)
		}
		if s.Gender != "" {
			b = appendField(b, `,"gender":`, s.Gender)
		}
		if s.Basis != "" {
			b = appendField(b, `,"basis":`, s.Basis)
		}
		if s.Confidence > 0 {
			b = decimal.Append(append(b, `,"confidence":`...), s.Confidence, 2)
		}
		b = append(b, '}')
	}
	if q.Cue != nil {
		b = appendMention(append(b, `,"cue":`...), *q.Cue)
	}
	b = appendFlag(b, `,"partial":true`, q.Partial)
	b = appendFlag(b, `,"continuation":true`, q.Continuation)
	if q.Linked != "" {
		b = appendField(b, `,"linked":`, q.Linked)
	}
	b = appendFlag(b, `,"corrected":true`, q.Corrected)
	return append(b, '}')
}

func (is *Issue) appendJSON(b []byte) []byte {
	b = appendField(b, `{"id":`, is.ID)
	b = appendField(b, `,"label":`, is.Label)
	if is.Parent != "" {
		b = appendField(b, `,"parent":`, is.Parent)
		b = appendField(b, `,"parentLabel":`, is.ParentLabel)
	}
	b = append(b, `,"score":`...)
	b = decimal.Append(b, is.Score, scorePlaces)
	if is.Salient {
		b = append(b, `,"salient":true`...)
	}
	b = appendMentions(append(b, `,"mentions":`...), is.Mentions)
	return append(b, '}')
}

func appendMentions(b []byte, ms []Mention) []byte {
	b = append(b, '[')
	for i, m := range ms {
		b = appendComma(b, i)
		b = appendMention(b, m)
	}
	return append(b, ']')
}

// appendMention writes the most frequent object of a document. Its keys
// go in as lists of bytes, which compile to a few stores; appending a string
// costs a memmove call in the wasm build.
func appendMention(b []byte, m Mention) []byte {
	b = append(b, '{', '"', 's', 't', 'a', 'r', 't', '"', ':')
	b = appendDecimal(b, m.Start)
	b = append(b, ',', '"', 'e', 'n', 'd', '"', ':')
	b = appendDecimal(b, m.End)
	b = append(b, ',', '"', 't', 'e', 'x', 't', '"', ':')
	b = appendString(b, m.Text)
	return append(b, '}')
}

func appendComma(b []byte, i int) []byte {
	if i > 0 {
		return append(b, ',')
	}
	return b
}

func appendFlag(b []byte, field string, on bool) []byte {
	if on {
		return append(b, field...)
	}
	return b
}

func appendField(b []byte, prefix, s string) []byte {
	return appendString(append(b, prefix...), s)
}

func appendInt(b []byte, prefix string, n int) []byte {
	return appendDecimal(append(b, prefix...), n)
}

// appendDecimal writes n, an offset, in decimal. strconv.AppendInt costs
// several calls, a loop and a copy per number in the wasm build; an offset
// of up to eight digits is converted here with a few multiplications on
// one uint64, each lane of it a group of digits, and written with one store.
func appendDecimal(b []byte, n int) []byte {
	const low = 0x0101010101010101
	if n < 0 || n >= 1e8 {
		return strconv.AppendInt(b, int64(n), 10)
	}
	// Two 32-bit lanes of four digits: the first four in the low lane,
	// since the low byte goes first in memory.
	hi := uint32(n) / 10000
	x := uint64(hi) | uint64(uint32(n)-hi*10000)<<32
	// Each lane v < 10000 into two 16-bit lanes v/100 and v%100 (v*10486>>20
	// is v/100 for such v), then each of those w < 100 into two bytes
	// w/10 and w%10 (w*103>>10 is w/10). The shifts bring bits of the lane
	// above into each lane, which the masks clear.
	q := x * 10486 >> 20 & 0x0000007f_0000007f
	x = q | (x-q*100)<<16
	q = x * 103 >> 10 & 0x000f000f_000f000f
	x = q | (x-q*10)<<8
	// The leading zeros are the low zero bytes; one digit stays, for 0.
	zeros := min(bits.TrailingZeros64(x)/8, 7)
	return appendWord(b, (x+'0'*low)>>(8*zeros), 8-zeros)
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string. Like encoding/json it escapes
// <, > and & (safe inside HTML) and U+2028/U+2029 (safe inside JS). It
// copies s eight bytes at a time, with word stores rather than the memmove
// calls of append, up to each byte that needs a look.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		n := min(8, len(s)-i)
		var w uint64
		if n == 8 {
			w = swar.Load64(s[i:])
		} else {
			w = swar.Bytes(s, i, n)
		}
		// The zero bytes that pad a short word count as special: k ≤ n.
		k := swar.First(jsonSpecial(w))
		b = appendWord(b, w, k)
		if i += k; k == n {
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// jsonSpecial flags the bytes of w that appendString cannot copy unseen:
// control characters and " \ < > &, which it escapes, and the bytes of
// non-ASCII runes, which it decodes. Only the first flag is exact (see
// swar.Zero), and only the first is used.
func jsonSpecial(w uint64) uint64 {
	const low = 0x0101010101010101
	// Each Zero gets a word with a zero byte where w has a special byte.
	// Setting one bit maps " onto & (0x22, 0x26) and < onto > (0x3c, 0x3e);
	// clearing the low five bits maps the control characters onto 0.
	return swar.Zero(w|0x04*low^'&'*low) | swar.Zero(w|0x02*low^'>'*low) |
		swar.Zero(w^'\\'*low) | swar.Zero(w&(0xe0*low)) | swar.NonASCII(w)
}

// appendWord appends the first n bytes of w, little-endian, with one store;
// the bytes past n land in b's spare capacity.
func appendWord(b []byte, w uint64, n int) []byte {
	return swar.Append64(b, w)[:len(b)+n]
}
