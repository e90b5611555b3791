package export

import (
	"strings"

	"lede/annotate"
)

// brat: the standoff bundle the brat annotation tool opens: the exact text
// (NAME.txt, the text the offsets count in, line endings untouched), its
// annotations (NAME.ann) and the annotation.conf that declares their types.
// Offsets are code points, as brat counts them. A span that crosses a line
// break is written in fragments ("0 5;7 12"), each trimmed of spaces.

var bratFormat = Format{
	Name:      "brat",
	Label:     "brat standoff .zip",
	MediaType: "application/zip",
	Ext:       "zip",
	Unit:      annotate.CodePoints,
	FixedUnit: true,
	files:     bratFiles,
}

// bratConf declares what the .ann files use.
const bratConf = `# Lede's brat configuration: people, places, organizations, quotes and
# issues (IPTC Media Topics), who said each quote, and unnamed sources.
[entities]
Person
Place
Organization
Quote
Issue

[relations]
Speaker	Arg1:Quote, Arg2:Person|Organization|Place
<OVERLAP>	Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Anonymous	Arg:Quote
`

func bratFiles(in *Input) ([]File, error) {
	name := strings.TrimSuffix(Filename(in.Text, "zip"), ".zip")
	return []File{
		{Name: name + ".txt", Data: []byte(in.Text)},
		{Name: name + ".ann", Data: bratAnn(in)},
		{Name: "annotation.conf", Data: []byte(bratConf)},
	}, nil
}

func bratAnn(in *Input) []byte {
	doc, text := in.Doc, in.Text
	cp := in.codePoints()
	spans := in.spans()
	j := &jsonWriter{}
	var nT, nNote, nR, nA int
	note := func(target, value string) {
		nNote++
		j.raw("#")
		j.raw(itoa(nNote))
		j.raw("\tAnnotatorNotes ")
		j.raw(target)
		j.raw("\t")
		j.b = appendOneLine(j.b, value)
		j.raw("\n")
	}
	// Where each quote and each mention went: T ids and byte offsets.
	quoteT := make([]string, len(doc.Quotes))
	type mentionT struct {
		id    string
		start int
	}
	mentions := make([][]mentionT, len(doc.Entities))
	// Two topics of one issue word share its T line, each with its note.
	lastIssue, lastID := span{start: -1}, ""
	for i, s := range spans {
		in.progress(i+1, len(spans))
		if s.layer == issueLayer && s.start == lastIssue.start && s.end == lastIssue.end {
			note(lastID, issueNote(&doc.Issues[s.item]))
			continue
		}
		frags := lineFragments(text, s.start, s.end)
		if len(frags) == 0 {
			continue
		}
		nT++
		id := "T" + itoa(nT)
		j.raw(id)
		j.raw("\t")
		j.raw(bratTypes[s.layer])
		for k, f := range frags {
			if k == 0 {
				j.raw(" ")
			} else {
				j.raw(";")
			}
			j.int(cp.At(f[0]))
			j.raw(" ")
			j.int(cp.At(f[1]))
		}
		j.raw("\t")
		for k, f := range frags {
			if k > 0 {
				j.raw(" ")
			}
			j.raw(text[f[0]:f[1]])
		}
		j.raw("\n")
		switch s.layer {
		case quoteLayer:
			quoteT[s.item] = id
		case issueLayer:
			lastIssue, lastID = s, id
			note(id, issueNote(&doc.Issues[s.item]))
		default:
			e := &doc.Entities[s.item]
			mentions[s.item] = append(mentions[s.item], mentionT{id, s.start})
			v := e.Name
			if e.Role != "" {
				v += ", " + e.Role
			}
			note(id, v)
		}
	}
	entityByID := make(map[string]int, len(doc.Entities))
	for i, e := range doc.Entities {
		entityByID[e.ID] = i
	}
	for i, q := range doc.Quotes {
		id := quoteT[i]
		if id == "" || q.Speaker == nil {
			continue
		}
		// The speaker's mention nearest the quote.
		speaker, best := "", -1
		if e, ok := entityByID[q.Speaker.Entity]; ok && q.Speaker.Entity != "" {
			for _, m := range mentions[e] {
				if d := abs(m.start - q.Start); best < 0 || d < best {
					speaker, best = m.id, d
				}
			}
		}
		if speaker != "" {
			nR++
			j.raw("R")
			j.raw(itoa(nR))
			j.raw("\tSpeaker Arg1:")
			j.raw(id)
			j.raw(" Arg2:")
			j.raw(speaker)
			j.raw("\n")
		} else if q.Speaker.Name != "" {
			note(id, "speaker: "+q.Speaker.Name)
		}
		if q.Speaker.Anonymous {
			nA++
			j.raw("A")
			j.raw(itoa(nA))
			j.raw("\tAnonymous ")
			j.raw(id)
			j.raw("\n")
		}
	}
	return j.b
}

// issueNote names a topic and its parent with their IPTC codes.
func issueNote(is *annotate.Issue) string {
	v := is.Label + " (" + is.ID + ")"
	if is.ParentLabel != "" {
		v += " in " + is.ParentLabel + " (" + is.Parent + ")"
	}
	return v
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// lineFragments cuts text[start:end] at line breaks into fragments trimmed
// of white space, as brat wants them: no fragment holds a line break.
func lineFragments(text string, start, end int) [][2]int {
	var out [][2]int
	for from := start; from < end; {
		to := from
		for to < end && text[to] != '\n' && text[to] != '\r' && !isLineSeparator(text, to) {
			to++
		}
		a, z := from, to
		for a < z && isSpace(text[a]) {
			a++
		}
		for z > a && isSpace(text[z-1]) {
			z--
		}
		if a < z {
			out = append(out, [2]int{a, z})
		}
		from = to + 1
		if to < end && text[to] != '\n' && text[to] != '\r' {
			from = to + 3 // U+2028 or U+2029, three bytes
		}
	}
	return out
}

// isLineSeparator reports U+2028 and U+2029 at text[i]:
// Python's splitlines, which brat's tools use, breaks lines there too.
func isLineSeparator(text string, i int) bool {
	return text[i] == 0xe2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xa8 || text[i+2] == 0xa9)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\v' || c == '\f' }

// appendOneLine appends s with every run of white space, line breaks
// included, as one space.
func appendOneLine(b []byte, s string) []byte {
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			space = true
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return b
}
