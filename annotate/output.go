package annotate

import (
	"cmp"
	"math/bits"
	"slices"
	"strconv"
	"unicode/utf8"

	"lede/annotate/internal/swar"
)

// Output: turns the analysis into a Document, converting byte offsets to the
// requested unit through one precomputed index, and writes its JSON form
// without reflection (the wasm build stays small and fast).

func (a *analysis) document(cfg config) *Document {
	idx := newOffsetIndex(a.text, cfg.offsets)
	mention := func(start, end int) Mention {
		return Mention{Start: idx.at(start), End: idx.at(end), Text: a.text[start:end]}
	}
	doc := &Document{Entities: []Entity{}, Quotes: make([]Quote, 0, len(a.quotes)), Issues: make([]Issue, 0, len(a.issues))}
	ids := make(map[*entity]string, len(a.entities))
	for i, e := range a.entities {
		ids[e] = "e" + strconv.Itoa(i+1)
	}
	if cfg.layers.Entities {
		doc.Entities = make([]Entity, 0, len(a.entities))
		for _, e := range a.entities {
			out := Entity{ID: ids[e], Type: e.typ, Name: e.name, Role: e.role, Mentions: make([]Mention, len(e.mentions))}
			for j, n := range e.mentions {
				out.Mentions[j] = mention(n.Start, n.End)
			}
			sortMentions(out.Mentions)
			doc.Entities = append(doc.Entities, out)
		}
	}
	for i, q := range a.quotes {
		out := Quote{ID: "q" + strconv.Itoa(i+1), Start: idx.at(q.start), End: idx.at(q.end), Text: a.text[q.start:q.end]}
		switch {
		case q.speaker != nil:
			out.Speaker = &Speaker{Entity: ids[q.speaker], Name: q.speaker.name}
		case q.speakerDesc != "":
			out.Speaker = &Speaker{Name: q.speakerDesc, Anonymous: q.anonymous}
		}
		if q.cue >= 0 {
			cue := mention(a.tokens[q.cue].Start, q.cueEnd)
			out.Cue = &cue
		}
		if q.linked >= 0 {
			out.Linked = "q" + strconv.Itoa(q.linked+1)
		}
		out.Partial, out.Continuation = q.partial, q.continuation
		doc.Quotes = append(doc.Quotes, out)
	}
	for _, is := range a.issues {
		out := Issue{ID: is.id, Label: is.label, Parent: is.parent, ParentLabel: is.parentLabel, Score: is.score, Mentions: make([]Mention, len(is.mentions))}
		for j, m := range is.mentions {
			out.Mentions[j] = mention(m[0], m[1])
		}
		sortMentions(out.Mentions)
		doc.Issues = append(doc.Issues, out)
	}
	return doc
}

// sortMentions orders mentions by position. slices.SortFunc, unlike
// sort.Slice, needs no reflection and allocates nothing.
func sortMentions(ms []Mention) {
	slices.SortFunc(ms, func(a, b Mention) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
}

// offsetIndex converts byte offsets to UTF-16 or code-point offsets. It keeps
// one checkpoint per 64 bytes, so a conversion counts at most 63 bytes. In
// valid UTF-8 the code points before a byte offset are the bytes that are
// not continuation bytes (10xxxxxx), and UTF-16 adds a unit for each 4-byte
// sequence (11110xxx): counting them needs no decoding, and goes eight bytes
// at a time.
type offsetIndex struct {
	text  string
	unit  OffsetUnit
	ascii bool
	// checkpoints[c] counts the units of text[:c*checkpointStride].
	checkpoints []int
}

const checkpointStride = 64

func newOffsetIndex(text string, unit OffsetUnit) *offsetIndex {
	idx := &offsetIndex{text: text, unit: unit, ascii: isASCII(text)}
	if unit == Bytes || idx.ascii {
		return idx
	}
	idx.checkpoints = make([]int, len(text)/checkpointStride+1)
	for c := 1; c < len(idx.checkpoints); c++ {
		idx.checkpoints[c] = idx.checkpoints[c-1] + idx.units(text[(c-1)*checkpointStride:c*checkpointStride])
	}
	return idx
}

// units counts the units of the runes that start in s.
func (x *offsetIndex) units(s string) int {
	const high = 0x8080808080808080
	n, i := len(s), 0
	for ; i+8 <= len(s); i += 8 {
		w := swar.Load64(s[i:])
		// Top bit of each byte: set in the byte and not in the next lower
		// bit (a continuation byte); set in all of its four top bits (the
		// lead of a 4-byte sequence).
		n -= bits.OnesCount64(w &^ (w << 1) & high)
		if x.unit == UTF16 {
			n += bits.OnesCount64(w & (w << 1) & (w << 2) & (w << 3) & high)
		}
	}
	for ; i < len(s); i++ {
		if s[i]&0xc0 == 0x80 {
			n--
		}
		if x.unit == UTF16 && s[i] >= 0xf0 {
			n++
		}
	}
	return n
}

// at converts a byte offset that lies on a rune boundary.
func (x *offsetIndex) at(b int) int {
	if x.unit == Bytes || x.ascii {
		return b
	}
	c := b / checkpointStride
	return x.checkpoints[c] + x.units(x.text[c*checkpointStride:b])
}

// isASCII reports whether s is all ASCII, reading it eight bytes at a time.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if swar.Load64(s[i:])&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
