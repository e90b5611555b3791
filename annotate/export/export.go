// Package export writes an annotated text in the formats other tools read:
// the document JSON with its text, W3C Web Annotation, brat standoff, CSV of
// quotes and of entities, and standalone HTML. The CLI, the HTTP API and the
// page (through the wasm bridge) all write through it, so the same text and
// options give the same bytes everywhere.
//
// Formats are a registry, the way a minifier maps media types to functions:
// a format is a name, a media type, a file extension and a writer over the
// text and its document, and a new one is one file and one entry in
// registry below.
//
// Every writer reads a document with byte offsets into the (repaired) text
// and converts them, in Go, to the unit its target tool counts in: code
// points for Web Annotation and brat, the caller's unit for JSON and CSV.
package export

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"lede/annotate"
)

// Format is one export format.
type Format struct {
	// Name is the value of -format, ?format= and the page's menu.
	Name string
	// Label is the menu's wording.
	Label string
	// MediaType is the Content-Type of the export (parameters included).
	MediaType string
	// Ext is the file extension, without the dot.
	Ext string
	// Unit is the offset unit the format uses when the options name none.
	Unit annotate.OffsetUnit
	// FixedUnit marks formats whose offsets are always in Unit: the unit
	// their target tool counts in.
	FixedUnit bool
	// write writes a single-file format.
	write func(w io.Writer, in *Input) error
	// files lists the files of a bundle format, written as a zip archive or
	// (by the CLI) into a folder.
	files func(in *Input) ([]File, error)
}

// File is one file of a bundle.
type File struct {
	Name string
	Data []byte
}

// Bundle reports whether the format is several files (a zip download).
func (f *Format) Bundle() bool { return f.files != nil }

// registry lists the formats in menu order.
var registry = []*Format{
	&jsonFormat,
	&webAnnotationFormat,
	&htmlFormat,
	&quotesCSVFormat,
	&entitiesCSVFormat,
	&bratFormat,
	&geoJSONFormat,
}

// Formats returns the formats in menu order.
func Formats() []*Format { return registry }

// Lookup returns the format called name.
func Lookup(name string) (*Format, bool) {
	for _, f := range registry {
		if f.Name == name {
			return f, true
		}
	}
	return nil, false
}

// Names returns the format names, comma-separated, for messages.
func Names() string {
	names := make([]string, len(registry))
	for i, f := range registry {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}

// Options configure an export.
type Options struct {
	// Unit is the offset unit of JSON and CSV exports; UnitSet says it was
	// chosen (otherwise each format uses its own default).
	Unit    annotate.OffsetUnit
	UnitSet bool
	// Layers selects what the document carries; none means all.
	Layers annotate.Layers
	// OmitText leaves the text out of the JSON export.
	OmitText bool
	// Base is the IRI the Web Annotation ids are built on; empty means ids
	// derived from a hash of the text.
	Base string
	// Source is the IRI of the annotated article in Web Annotation targets;
	// empty means one derived from a hash of the text.
	Source string
	// Editor names the person (or newsroom) whose corrections the Web
	// Annotation export credits as their creator; empty means "editor".
	Editor string
	// Warnings are repairs made to the text before it reached the export
	// (such as invalid UTF-8 in a JSON body); they join the document's own.
	Warnings []string
	// Progress, when set, is told now and then how far the writing is:
	// done of total items.
	Progress func(done, total int)
	// Annotate are further options of the annotation: the newsroom lexicon
	// and an editor's corrections (annotate.Settings).
	Annotate []annotate.Option
}

// Settings is the serialisable form of Options, as the HTTP API, the wasm
// bridge and the CLI take them: annotate.Settings and
// {"text": bool, "base": IRI, "source": IRI, "editor": name}.
type Settings struct {
	annotate.Settings
	Text   *bool  `json:"text"`
	Base   string `json:"base"`
	Source string `json:"source"`
	Editor string `json:"editor"`
}

// Keys are the option keys Settings reads; anything else is a mistake.
var Keys = []string{"offsets", "layers", "text", "base", "source", "editor", "lexicon", "corrections"}

// UnknownKey returns an error naming key when it is not an option.
func UnknownKey(key string) error {
	for _, k := range Keys {
		if k == key {
			return nil
		}
	}
	return errors.New(`unknown option "` + key + `" (want ` + strings.Join(Keys, ", ") + `)`)
}

// Options validates the settings, with an error message fit for the user.
func (s Settings) Options() (Options, error) {
	var o Options
	unit, ok := annotate.ParseOffsetUnit(s.Offsets)
	if !ok {
		return o, errors.New(`unknown offsets "` + s.Offsets + `" (want utf16, byte or codepoint)`)
	}
	o.Unit, o.UnitSet = unit, s.Offsets != ""
	o.Layers = annotate.AllLayers
	if s.Layers != nil {
		if len(s.Layers) == 0 {
			return o, errors.New(`"layers" is empty (want some of entities, quotes and issues)`)
		}
		o.Layers = annotate.Layers{}
		for _, name := range s.Layers {
			switch strings.TrimSpace(name) {
			case "entities":
				o.Layers.Entities = true
			case "quotes":
				o.Layers.Quotes = true
			case "issues":
				o.Layers.Issues = true
			default:
				return o, errors.New(`unknown layer "` + name + `" (want entities, quotes or issues)`)
			}
		}
	}
	o.OmitText = s.Text != nil && !*s.Text
	for _, iri := range []*string{&s.Base, &s.Source} {
		if *iri != "" && !isIRI(*iri) {
			return o, errors.New(`"` + *iri + `" is not an absolute IRI (such as https://example.org/articles/42)`)
		}
	}
	o.Base, o.Source, o.Editor = s.Base, s.Source, strings.TrimSpace(s.Editor)
	if s.Lexicon != nil || len(s.Corrections) > 0 {
		extra, err := annotate.Settings{Offsets: s.Offsets, Lexicon: s.Lexicon, Corrections: s.Corrections}.Options()
		if err != nil {
			return o, err
		}
		o.Annotate = extra
	}
	return o, nil
}

// isIRI accepts an absolute IRI: a scheme, a colon and no spaces, quotes or
// angle brackets.
func isIRI(s string) bool {
	colon := strings.IndexByte(s, ':')
	if colon < 1 || colon == len(s)-1 || strings.ContainsAny(s, " \t\r\n\"<>{}|\\^`") {
		return false
	}
	for i := 0; i < colon; i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// Input is what a writer reads: the repaired text, its document with byte
// offsets, and the options. A writer may convert the document's offsets in
// place, so an Input is written once.
type Input struct {
	Text    string
	Doc     *annotate.Document
	Options Options
	Unit    annotate.OffsetUnit
	points  *annotate.Offsets
}

// Prepare repairs text and annotates it for format f.
func Prepare(f *Format, text string, o Options) *Input {
	if o.Layers == (annotate.Layers{}) {
		o.Layers = annotate.AllLayers
	}
	text, warnings := annotate.RepairUTF8(text)
	opts := append(o.Annotate[:len(o.Annotate):len(o.Annotate)], annotate.WithOffsets(annotate.Bytes), annotate.WithLayers(o.Layers))
	doc := annotate.Annotate(text, opts...)
	if w := append(append([]string(nil), o.Warnings...), warnings...); len(w) > 0 {
		doc.Warnings = w
	}
	unit := f.Unit
	if o.UnitSet && !f.FixedUnit {
		unit = o.Unit
	}
	return &Input{Text: text, Doc: doc, Options: o, Unit: unit}
}

// Write annotates text and writes it to w in format f.
func Write(w io.Writer, f *Format, text string, o Options) error {
	return f.Write(w, Prepare(f, text, o))
}

// Write writes in: a bundle as a zip archive.
func (f *Format) Write(w io.Writer, in *Input) error {
	if f.files == nil {
		return f.write(w, in)
	}
	files, err := f.files(in)
	if err != nil {
		return err
	}
	return writeZip(w, files)
}

// Files returns the files of a bundle format, or the one file of another.
func (f *Format) Files(in *Input) ([]File, error) {
	if f.files != nil {
		return f.files(in)
	}
	var b strings.Builder
	if err := f.write(&b, in); err != nil {
		return nil, err
	}
	return []File{{Name: Filename(in.Text, f.Ext), Data: []byte(b.String())}}, nil
}

// points converts byte offsets to code points.
func (in *Input) codePoints() annotate.Offsets {
	if in.points == nil {
		p := annotate.NewOffsets(in.Text, annotate.CodePoints)
		in.points = &p
	}
	return *in.points
}

// offsets converts byte offsets to the format's unit.
func (in *Input) offsets() annotate.Offsets {
	if in.Unit == annotate.CodePoints {
		return in.codePoints()
	}
	return annotate.NewOffsets(in.Text, in.Unit)
}

// progress reports every progressStep items, and at the end.
const progressStep = 2048

func (in *Input) progress(done, total int) {
	if p := in.Options.Progress; p != nil && (done%progressStep == 0 || done == total) {
		p(done, total)
	}
}

// Filename is the name an export of text is saved under: "lede-" and the
// first words of the text, in lower-case ASCII, then the extension.
func Filename(text, ext string) string {
	b := []byte("lede-")
	words, dash := 0, false
	for i := 0; i < len(text) && i < 200 && words < 6 && len(b) < 60; i++ {
		c := text[i] | 0x20
		switch {
		case c >= 'a' && c <= 'z' || text[i] >= '0' && text[i] <= '9':
			if dash {
				b = append(b, '-')
			}
			dash = false
			b = append(b, c)
		case text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '-':
			if len(b) > 5 && !dash {
				dash = true
				words++
			}
		}
	}
	if len(b) == 5 {
		b = append(b, "article"...)
	}
	return string(b) + "." + ext
}

// itoa is strconv.Itoa, short.
func itoa(n int) string { return strconv.Itoa(n) }
