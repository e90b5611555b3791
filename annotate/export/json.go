package export

import (
	"io"
	"unicode/utf8"

	"lede/annotate"
)

// JSON: the document, as the API returns it, after "offsets" (its unit) and
// "text" (the exact text its offsets index), so that a stored document can
// be checked against its article later.

var jsonFormat = Format{
	Name:      "json",
	Label:     "JSON document",
	MediaType: "application/json; charset=utf-8",
	Ext:       "json",
	Unit:      annotate.UTF16,
	write:     writeJSON,
}

func writeJSON(w io.Writer, in *Input) error {
	b := make([]byte, 0, 4<<10)
	b = append(b, `{"offsets":`...)
	b = annotate.AppendJSONString(b, in.Unit.String())
	if !in.Options.OmitText {
		b = append(b, `,"text":"`...)
		var err error
		if b, err = writeJSONText(w, b, in.Text); err != nil {
			return err
		}
		b = append(b, '"')
	}
	b = append(b, ',')
	if _, err := w.Write(b); err != nil {
		return err
	}
	annotate.ConvertOffsets(in.Doc, in.Text, in.Unit)
	if err := in.Doc.WriteJSON(&skipFirst{w: w}); err != nil {
		return err
	}
	_, err := w.Write([]byte{'\n'})
	return err
}

// writeJSONText appends text as the inside of a JSON string, writing b out
// every 32 KB of text, cut at rune boundaries.
func writeJSONText(w io.Writer, b []byte, text string) ([]byte, error) {
	const chunk = 32 << 10
	var scratch []byte
	for len(text) > 0 {
		n := min(chunk, len(text))
		for n < len(text) && !utf8.RuneStart(text[n]) {
			n--
		}
		scratch = annotate.AppendJSONString(scratch[:0], text[:n])
		b = append(b, scratch[1:len(scratch)-1]...)
		text = text[n:]
		if len(b) >= chunk {
			if _, err := w.Write(b); err != nil {
				return b, err
			}
			b = b[:0]
		}
	}
	return b, nil
}

// skipFirst drops the first byte written: the "{" of the document JSON,
// whose fields continue the export's object.
type skipFirst struct {
	w       io.Writer
	skipped bool
}

func (s *skipFirst) Write(p []byte) (int, error) {
	if !s.skipped && len(p) > 0 {
		s.skipped = true
		n, err := s.w.Write(p[1:])
		return n + 1, err
	}
	return s.w.Write(p)
}
