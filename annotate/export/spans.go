package export

import "lede/annotate"

// Spans: the document flattened into the spans that formats mark up, in
// text order, each issue word once: a word of a narrow topic is not written
// again for its parent topic, which the narrow topic's annotation names.

// layer is the kind of a span, in nesting order: a quote holds names and
// issue words, a name may hold issue words.
type layer uint8

const (
	quoteLayer layer = iota
	personLayer
	placeLayer
	organizationLayer
	issueLayer
)

var layerNames = [...]string{"quote", "person", "place", "organization", "issue"}

// bratTypes are the brat entity types, declared in annotation.conf.
var bratTypes = [...]string{"Quote", "Person", "Place", "Organization", "Issue"}

// chips are the short labels of the HTML export, as on the page.
var chips = [...]string{"", "PER", "LOC", "ORG", ""}

func (l layer) String() string { return layerNames[l] }

func entityLayer(t annotate.EntityType) (layer, bool) {
	switch t {
	case annotate.Person:
		return personLayer, true
	case annotate.Place:
		return placeLayer, true
	case annotate.Organization:
		return organizationLayer, true
	}
	return 0, false
}

// span is one marked passage: byte offsets into the text, its layer, and the
// index of its entity, quote or issue in the document (and of the mention).
type span struct {
	start, end int
	layer      layer
	item       int
	mention    int
}

type spanKey struct {
	parent     string
	start, end int
}

// spans lists the spans of in's document, sorted by start, longer first,
// outer layer first.
func (in *Input) spans() []span {
	doc := in.Doc
	n := len(doc.Quotes)
	for _, e := range doc.Entities {
		n += len(e.Mentions)
	}
	for _, is := range doc.Issues {
		n += len(is.Mentions)
	}
	out := make([]span, 0, n)
	valid := func(s, e int) bool { return s >= 0 && s < e && e <= len(in.Text) }
	for i, e := range doc.Entities {
		l, ok := entityLayer(e.Type)
		if !ok {
			continue
		}
		for j, m := range e.Mentions {
			if valid(m.Start, m.End) {
				out = append(out, span{m.Start, m.End, l, i, j})
			}
		}
	}
	for i, q := range doc.Quotes {
		if valid(q.Start, q.End) {
			out = append(out, span{q.Start, q.End, quoteLayer, i, 0})
		}
	}
	// The words of each narrow topic, by parent: its parent skips them.
	var narrow map[spanKey]bool
	for _, is := range doc.Issues {
		if is.Parent == "" {
			continue
		}
		if narrow == nil {
			narrow = make(map[spanKey]bool)
		}
		for _, m := range is.Mentions {
			narrow[spanKey{is.Parent, m.Start, m.End}] = true
		}
	}
	for i, is := range doc.Issues {
		for j, m := range is.Mentions {
			if valid(m.Start, m.End) && !narrow[spanKey{is.ID, m.Start, m.End}] {
				out = append(out, span{m.Start, m.End, issueLayer, i, j})
			}
		}
	}
	return sortSpans(out)
}

// before orders spans by start, longer first, outer layer first.
func (a span) before(b span) bool {
	if a.start != b.start {
		return a.start < b.start
	}
	if a.end != b.end {
		return a.end > b.end
	}
	return a.layer < b.layer
}

// sortSpans sorts by before, stably, with a bottom-up merge sort: runs of
// spans come in order already (each entity's mentions, the quotes), and a
// generic sort would cost the wasm build more code than this.
func sortSpans(s []span) []span {
	tmp := make([]span, len(s))
	for width := 1; width < len(s); width *= 2 {
		for lo := 0; lo < len(s); lo += 2 * width {
			mid, hi := min(lo+width, len(s)), min(lo+2*width, len(s))
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if s[j].before(s[i]) {
					tmp[k], j = s[j], j+1
				} else {
					tmp[k], i = s[i], i+1
				}
				k++
			}
			k += copy(tmp[k:], s[i:mid])
			copy(tmp[k:], s[j:hi])
		}
		s, tmp = tmp, s
	}
	return s
}
