package export

import (
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"lede/annotate"
)

// Web Annotation: a W3C AnnotationCollection (JSON-LD) with one page of
// annotations, one per span. Every target carries a TextQuoteSelector (the
// exact words and their context) and a TextPositionSelector in code points,
// as the model requires. Ids are IRIs unique to the document: built on the
// caller's base IRI, or urn:uuid IRIs derived from a hash of the text, so
// two articles never collide in an annotation store. As the model's
// lifecycle properties define them, every annotation's generator is the
// software Lede, and one an editor's correction changed also has a creator,
// a Person: the editor named in the options, or "editor".

var webAnnotationFormat = Format{
	Name:      "webannotation",
	Label:     "Web Annotation JSON-LD",
	MediaType: `application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8`,
	Ext:       "jsonld",
	Unit:      annotate.CodePoints,
	FixedUnit: true,
	write:     writeWebAnnotation,
}

// iptcTopics is the IRI of IPTC Media Topic codes.
const iptcTopics = "http://cv.iptc.org/newscodes/mediatopic/"

// quoteContext is how many code points of context a TextQuoteSelector
// carries on each side.
const quoteContext = 32

// annotationIDs builds the document's ids.
type annotationIDs struct {
	base string
	hash [16]byte // of the text and the layers, when there is no base
}

func newAnnotationIDs(in *Input) (ids annotationIDs, source string) {
	text := textHash(in.Text)
	source = in.Options.Source
	if source == "" {
		source = uuidIRI(text, 0)
	}
	if ids.base = in.Options.Base; ids.base == "" {
		l := in.Options.Layers
		h := fnv.New128a()
		h.Write(text[:])
		h.Write([]byte{'l', flag(l.Entities), flag(l.Quotes), flag(l.Issues)})
		h.Sum(ids.hash[:0])
	}
	return ids, source
}

func flag(on bool) byte {
	if on {
		return 1
	}
	return 0
}

// id returns the IRI of part: "" for the collection, "page1", "a1"...; n
// numbers the part for hashed ids.
func (ids annotationIDs) id(part string, n int) string {
	if ids.base == "" {
		return uuidIRI(ids.hash, n+1)
	}
	if part == "" {
		return ids.base
	}
	if strings.HasSuffix(ids.base, "/") || strings.HasSuffix(ids.base, "#") {
		return ids.base + part
	}
	return ids.base + "/" + part
}

func textHash(text string) (sum [16]byte) {
	h := fnv.New128a()
	io.WriteString(h, text)
	h.Sum(sum[:0])
	return sum
}

// uuidIRI returns urn:uuid:… for a version-8 (custom) UUID hashed from seed
// and n.
func uuidIRI(seed [16]byte, n int) string {
	// n first: every byte of the seed then stirs it into every byte.
	h := fnv.New128a()
	h.Write(strconv.AppendInt(nil, int64(n), 10))
	h.Write(seed[:])
	var u [16]byte
	h.Sum(u[:0])
	u[6] = u[6]&0x0f | 0x80
	u[8] = u[8]&0x3f | 0x80
	b := append(make([]byte, 0, 45), "urn:uuid:"...)
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b = append(b, '-')
		}
		b = append(b, hexDigits[c>>4], hexDigits[c&15])
	}
	return string(b)
}

const hexDigits = "0123456789abcdef"

func writeWebAnnotation(w io.Writer, in *Input) error {
	ids, source := newAnnotationIDs(in)
	spans := in.spans()
	cp := in.codePoints()
	doc := in.Doc
	// The annotation of each entity's first mention and of each quote, for
	// the links from quotes to their speakers and other halves.
	entityAnno := make([]int, len(doc.Entities))
	quoteAnno := make([]int, len(doc.Quotes))
	for i, s := range spans {
		switch {
		case s.layer == quoteLayer:
			quoteAnno[s.item] = i + 1
		case s.layer != issueLayer && entityAnno[s.item] == 0:
			entityAnno[s.item] = i + 1
		}
	}
	entityByID := make(map[string]int, len(doc.Entities))
	for i, e := range doc.Entities {
		entityByID[e.ID] = i
	}
	quoteByID := make(map[string]int, len(doc.Quotes))
	for i, q := range doc.Quotes {
		quoteByID[q.ID] = i
	}
	annoID := func(n int) string { return ids.id("a"+itoa(n), n+1) }
	editor := in.Options.Editor
	if editor == "" {
		editor = "editor"
	}

	j := &jsonWriter{w: w}
	j.raw(`{"@context":"http://www.w3.org/ns/anno.jsonld","id":`)
	j.str(ids.id("", -1))
	j.raw(`,"type":"AnnotationCollection","label":"Lede annotations","generator":{"type":"Software","name":"Lede"},"total":`)
	j.int(len(spans))
	page := ids.id("page1", 0)
	j.raw(`,"first":{"id":`)
	j.str(page)
	j.raw(`,"type":"AnnotationPage","startIndex":0,"items":[`)
	for i, s := range spans {
		if i > 0 {
			j.raw(",")
		}
		j.raw("\n{\"id\":")
		j.str(annoID(i + 1))
		j.raw(`,"type":"Annotation",`)
		corrected := false
		switch s.layer {
		case quoteLayer:
			corrected = doc.Quotes[s.item].Corrected
		case issueLayer:
		default:
			corrected = doc.Entities[s.item].Corrected
		}
		if corrected {
			j.raw(`"creator":{"type":"Person","name":`)
			j.str(editor)
			j.raw(`},`)
		}
		j.raw(`"generator":{"type":"Software","name":"Lede"},"motivation":`)
		switch s.layer {
		case quoteLayer:
			j.raw(`"describing","body":[`)
			q := &doc.Quotes[s.item]
			j.textBody("tagging", "quote")
			if q.Partial {
				j.raw(",")
				j.textBody("tagging", "partial quote")
			}
			if sp := q.Speaker; sp != nil && sp.Name != "" {
				j.raw(",")
				j.textBody("describing", "said by "+sp.Name)
				if e, ok := entityByID[sp.Entity]; ok && sp.Entity != "" && entityAnno[e] > 0 {
					j.raw(",")
					j.resourceBody("linking", annoID(entityAnno[e]))
				}
				if sp.Anonymous {
					j.raw(",")
					j.textBody("tagging", "anonymous source")
				}
			}
			if other, ok := quoteByID[q.Linked]; ok && q.Linked != "" && quoteAnno[other] > 0 {
				j.raw(",")
				j.resourceBody("linking", annoID(quoteAnno[other]))
			}
		case issueLayer:
			j.raw(`"classifying","body":[`)
			is := &doc.Issues[s.item]
			j.resourceBody("classifying", iptcTopics+strings.TrimPrefix(is.ID, "medtop:"))
			if is.Parent != "" {
				j.raw(",")
				j.resourceBody("classifying", iptcTopics+strings.TrimPrefix(is.Parent, "medtop:"))
			}
			j.raw(",")
			j.textBody("tagging", is.Label)
		default:
			j.raw(`"identifying","body":[`)
			e := &doc.Entities[s.item]
			j.textBody("tagging", s.layer.String())
			j.raw(",")
			j.textBody("identifying", e.Name)
			if e.Geo != nil && e.Geo.GeoNames != 0 {
				// A linked place is identified by its GeoNames record too.
				j.raw(",")
				j.resourceBody("identifying", "https://sws.geonames.org/"+strconv.Itoa(e.Geo.GeoNames)+"/")
			}
			if e.Role != "" {
				j.raw(",")
				j.textBody("describing", e.Role)
			}
		}
		j.raw(`],"target":{"source":`)
		j.str(source)
		j.raw(`,"selector":[{"type":"TextQuoteSelector","exact":`)
		j.str(in.Text[s.start:s.end])
		j.raw(`,"prefix":`)
		j.str(in.Text[backRunes(in.Text, s.start, quoteContext):s.start])
		j.raw(`,"suffix":`)
		j.str(in.Text[s.end:forwardRunes(in.Text, s.end, quoteContext)])
		j.raw(`},{"type":"TextPositionSelector","start":`)
		j.int(cp.At(s.start))
		j.raw(`,"end":`)
		j.int(cp.At(s.end))
		j.raw(`}]}}`)
		in.progress(i+1, len(spans))
		if err := j.flush(false); err != nil {
			return err
		}
	}
	j.raw("\n]}}\n")
	return j.flush(true)
}

// backRunes returns the offset n runes before at (or 0).
func backRunes(text string, at, n int) int {
	for ; n > 0 && at > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:at])
		at -= size
	}
	return at
}

// forwardRunes returns the offset n runes after at (or the end).
func forwardRunes(text string, at, n int) int {
	for ; n > 0 && at < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[at:])
		at += size
	}
	return at
}

// jsonWriter writes JSON by hand into a buffer that it writes out in
// chunks: the wasm build carries neither encoding/json nor reflection.
type jsonWriter struct {
	w   io.Writer
	b   []byte
	err error
}

// The writers call these a few hundred times, so that inlining them would
// cost some kilobytes of the wasm download for nothing measurable.

//go:noinline
func (j *jsonWriter) raw(s string) { j.b = append(j.b, s...) }

//go:noinline
func (j *jsonWriter) str(s string) { j.b = annotate.AppendJSONString(j.b, s) }

//go:noinline
func (j *jsonWriter) int(n int) { j.b = strconv.AppendInt(j.b, int64(n), 10) }

func (j *jsonWriter) textBody(purpose, value string) {
	j.raw(`{"type":"TextualBody","purpose":"`)
	j.raw(purpose)
	j.raw(`","value":`)
	j.str(value)
	j.raw(`,"format":"text/plain"}`)
}

func (j *jsonWriter) resourceBody(purpose, source string) {
	j.raw(`{"type":"SpecificResource","purpose":"`)
	j.raw(purpose)
	j.raw(`","source":`)
	j.str(source)
	j.raw("}")
}

// flush writes the buffer out once it holds 32 KB, or at the end.
func (j *jsonWriter) flush(end bool) error {
	if j.err == nil && (end || len(j.b) >= 32<<10) {
		_, j.err = j.w.Write(j.b)
		j.b = j.b[:0]
	}
	return j.err
}
