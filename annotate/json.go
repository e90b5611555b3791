package annotate

import (
	"io"
	"strconv"
	"unicode/utf8"
)

// JSON: the Document's JSON form, written by hand so that the wasm build
// needs neither reflect nor fmt. encoding/json reads it back (see the tests).

// MarshalJSON implements json.Marshaler.
func (d *Document) MarshalJSON() ([]byte, error) { return d.AppendJSON(nil), nil }

// AppendJSON appends the document's JSON form to b.
func (d *Document) AppendJSON(b []byte) []byte {
	b, _ = d.encodeJSON(b, nil)
	return b
}

// WriteJSON writes the document's JSON form to w in chunks, so that a large
// document is never held twice in memory. Each chunk ends after a whole JSON
// value, never inside a UTF-8 sequence: the wasm bridge turns every chunk
// into a JavaScript string of its own.
func (d *Document) WriteJSON(w io.Writer) error {
	b, err := d.encodeJSON(make([]byte, 0, 2*jsonChunk), w)
	if err == nil {
		_, err = w.Write(b)
	}
	return err
}

const jsonChunk = 32 << 10

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
	if len(d.Warnings) > 0 {
		b = append(b, `,"warnings":[`...)
		for i, w := range d.Warnings {
			b = appendComma(b, i)
			b = appendString(b, w)
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
	b = appendMentions(append(b, `,"mentions":`...), e.Mentions)
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
	b = strconv.AppendFloat(b, is.Score, 'f', -1, 64)
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

func appendMention(b []byte, m Mention) []byte {
	b = appendInt(b, `{"start":`, m.Start)
	b = appendInt(b, `,"end":`, m.End)
	b = appendField(b, `,"text":`, m.Text)
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
	return strconv.AppendInt(append(b, prefix...), int64(n), 10)
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string. Like encoding/json it escapes
// <, > and & (safe inside HTML) and U+2028/U+2029 (safe inside JS).
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
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
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			if r == utf8.RuneError {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
