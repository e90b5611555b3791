package export

import (
	"io"
	"unicode"

	"lede/annotate"
)

// CSV: one row per quote, or per entity, as RFC 4180 (CRLF line ends,
// quoted cells where needed). The header names the offset unit
// (start_codepoint, ...): code points unless the options choose another.
// An unknown speaker is an empty cell, never a placeholder name.

var quotesCSVFormat = Format{
	Name:      "csv",
	Label:     "Quotes CSV",
	MediaType: "text/csv; charset=utf-8; header=present",
	Ext:       "csv",
	Unit:      annotate.CodePoints,
	write:     writeQuotesCSV,
}

var entitiesCSVFormat = Format{
	Name:      "entities-csv",
	Label:     "Entities CSV",
	MediaType: "text/csv; charset=utf-8; header=present",
	Ext:       "csv",
	Unit:      annotate.CodePoints,
	write:     writeEntitiesCSV,
}

type csvWriter struct {
	jsonWriter // for its buffer and flush
	cells      int
}

// cell is not inlined, like jsonWriter's methods.
//
//go:noinline
func (c *csvWriter) cell(s string) {
	if c.cells > 0 {
		c.b = append(c.b, ',')
	}
	c.cells++
	c.b = appendCSVCell(c.b, s)
}

func (c *csvWriter) number(n int) { c.cell(itoa(n)) }

func (c *csvWriter) flag(on bool) {
	if on {
		c.cell("true")
	} else {
		c.cell("false")
	}
}

func (c *csvWriter) endRow() error {
	c.b = append(c.b, '\r', '\n')
	c.cells = 0
	return c.flush(false)
}

// appendCSVCell quotes s when it holds a comma, a quote or a line break. A
// cell that a spreadsheet would run as a formula (= + - @ first) gets a
// leading apostrophe, which spreadsheets hide.
func appendCSVCell(b []byte, s string) []byte {
	formula := len(s) > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
	quote := false
	for i := 0; i < len(s) && !quote; i++ {
		quote = s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r'
	}
	if quote {
		b = append(b, '"')
	}
	if formula {
		b = append(b, '\'')
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	if quote {
		b = append(b, '"')
	}
	return b
}

func writeQuotesCSV(w io.Writer, in *Input) error {
	doc := in.Doc
	at := in.offsets()
	unit := in.Unit.String()
	c := &csvWriter{jsonWriter: jsonWriter{w: w}}
	for _, h := range []string{"id", "start_" + unit, "end_" + unit, "speaker", "speaker_entity", "role", "gender", "anonymous", "cue", "partial", "continuation", "linked", "words", "text"} {
		c.cell(h)
	}
	if err := c.endRow(); err != nil {
		return err
	}
	entityByID := make(map[string]*annotate.Entity, len(doc.Entities))
	for i := range doc.Entities {
		entityByID[doc.Entities[i].ID] = &doc.Entities[i]
	}
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		c.cell(q.ID)
		c.number(at.At(q.Start))
		c.number(at.At(q.End))
		var speaker, entity, role, gender, cue string
		anonymous := false
		if s := q.Speaker; s != nil {
			speaker, entity, gender, anonymous = s.Name, s.Entity, s.Gender, s.Anonymous
			if e := entityByID[s.Entity]; e != nil && s.Entity != "" {
				role = e.Role
			}
		}
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		c.cell(speaker)
		c.cell(entity)
		c.cell(role)
		c.cell(gender)
		c.flag(anonymous)
		c.cell(cue)
		c.flag(q.Partial)
		c.flag(q.Continuation)
		c.cell(q.Linked)
		c.number(wordCount(q.Text))
		c.cell(q.Text)
		in.progress(i+1, len(doc.Quotes))
		if err := c.endRow(); err != nil {
			return err
		}
	}
	return c.flush(true)
}

func writeEntitiesCSV(w io.Writer, in *Input) error {
	doc := in.Doc
	at := in.offsets()
	unit := in.Unit.String()
	c := &csvWriter{jsonWriter: jsonWriter{w: w}}
	for _, h := range []string{"id", "type", "name", "role", "gender", "mentions", "first_start_" + unit, "first_end_" + unit, "first_text"} {
		c.cell(h)
	}
	if err := c.endRow(); err != nil {
		return err
	}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		c.cell(e.ID)
		c.cell(e.Type.String())
		c.cell(e.Name)
		c.cell(e.Role)
		c.cell(e.Gender)
		c.number(len(e.Mentions))
		if len(e.Mentions) > 0 {
			m := e.Mentions[0]
			c.number(at.At(m.Start))
			c.number(at.At(m.End))
			c.cell(m.Text)
		} else {
			c.cell("")
			c.cell("")
			c.cell("")
		}
		in.progress(i+1, len(doc.Entities))
		if err := c.endRow(); err != nil {
			return err
		}
	}
	return c.flush(true)
}

// wordCount counts words as the page's voices chart does: a letter or digit
// and the letters, digits, apostrophes and hyphens after it.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if !in {
				n++
			}
			in = true
		case in && (r == '\'' || r == '’' || r == '-'):
		default:
			in = false
		}
	}
	return n
}
