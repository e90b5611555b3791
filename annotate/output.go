package annotate

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"unicode/utf8"

	"lede/annotate/internal/swar"
)

// Output: turns the analysis into a Document, converting byte offsets to the
// requested unit through one precomputed index; json.go writes its JSON form.

func (a *analysis) document(cfg config) *Document {
	idx := newOffsetIndex(a.text, cfg.offsets)
	mention := func(start, end int) Mention {
		return Mention{Start: idx.at(start), End: idx.at(end), Text: a.text[start:end]}
	}
	// The mentions, speakers and cues are carved out of one slice each, and
	// the ids out of one string: a few allocations per document, not a few
	// per entity and quote, which the wasm build pays dearly for.
	total := mentionCount(a.issues, func(is issue) [][2]int { return is.mentions })
	if cfg.layers.Entities {
		total += mentionCount(a.entities, func(e *entity) []Name { return e.mentions })
	}
	mentions := make([]Mention, total)
	carve := func(n int) []Mention {
		ms := mentions[:n:n]
		mentions = mentions[n:]
		return ms
	}
	doc := &Document{Entities: []Entity{}, Quotes: make([]Quote, 0, len(a.quotes)), Issues: make([]Issue, 0, len(a.issues))}
	entityIDs := numberedIDs('e', len(a.entities))
	if cfg.layers.Entities {
		doc.Entities = make([]Entity, len(a.entities))
		for i, e := range a.entities {
			out := Entity{ID: entityIDs[i], Type: e.typ, Name: e.name, Role: e.role, Mentions: carve(len(e.mentions))}
			for j, n := range e.mentions {
				out.Mentions[j] = mention(n.Start, n.End)
				out.Confidence = max(out.Confidence, math.Round(100*n.Confidence)/100)
			}
			sortMentions(out.Mentions)
			doc.Entities[i] = out
		}
	}
	var speakerIDs map[*entity]string
	if len(a.quotes) > 0 {
		speakerIDs = make(map[*entity]string, len(a.entities))
		for i, e := range a.entities {
			speakerIDs[e] = entityIDs[i]
		}
	}
	quoteIDs := numberedIDs('q', len(a.quotes))
	speakers := make([]Speaker, 0, len(a.quotes))
	cues := make([]Mention, 0, len(a.quotes))
	for i, q := range a.quotes {
		out := Quote{ID: quoteIDs[i], Start: idx.at(q.start), End: idx.at(q.end), Text: a.text[q.start:q.end]}
		switch {
		case q.speaker != nil:
			speakers = append(speakers, Speaker{Entity: speakerIDs[q.speaker], Name: q.speaker.name})
			out.Speaker = &speakers[len(speakers)-1]
		case q.speakerDesc != "":
			speakers = append(speakers, Speaker{Name: q.speakerDesc, Anonymous: q.anonymous})
			out.Speaker = &speakers[len(speakers)-1]
		}
		if q.cue >= 0 {
			cues = append(cues, mention(a.tokens[q.cue].Start, q.cueEnd))
			out.Cue = &cues[len(cues)-1]
		}
		if q.linked >= 0 {
			out.Linked = quoteIDs[q.linked]
		}
		out.Partial, out.Continuation = q.partial, q.continuation
		doc.Quotes = append(doc.Quotes, out)
	}
	for _, is := range a.issues {
		out := Issue{ID: is.id, Label: is.label, Parent: is.parent, ParentLabel: is.parentLabel, Score: is.score, Mentions: carve(len(is.mentions))}
		for j, m := range is.mentions {
			out.Mentions[j] = mention(m[0], m[1])
		}
		sortMentions(out.Mentions)
		doc.Issues = append(doc.Issues, out)
	}
	return doc
}

// numberedIDs returns the ids prefix+"1" to prefix+n, cut out of one string.
func numberedIDs(prefix byte, n int) []string {
	b := make([]byte, 0, 5*n) // room enough below 10,000 ids
	for k := 1; k <= n; k++ {
		b = appendDecimal(append(b, prefix), k)
	}
	all := string(b)
	ids := make([]string, n)
	size, longer := 2, 10 // ids from 10 on have one more digit, from 100 on two
	for k := 1; k <= n; k++ {
		if k == longer {
			size, longer = size+1, longer*10
		}
		ids[k-1], all = all[:size], all[size:]
	}
	return ids
}

// sortMentions orders mentions by position. They nearly always come in
// order already, which one pass confirms; slices.SortFunc, unlike
// sort.Slice, needs no reflection and allocates nothing.
func sortMentions(ms []Mention) {
	for i := 1; i < len(ms); i++ {
		if a, b := &ms[i-1], &ms[i]; b.Start < a.Start || b.Start == a.Start && b.End < a.End {
			slices.SortFunc(ms, func(a, b Mention) int {
				return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
			})
			return
		}
	}
}

// offsetIndex converts byte offsets to UTF-16 or code-point offsets in a
// few straight-line steps, with no loop. In valid UTF-8 the code points
// before a byte offset are the bytes that are not continuation bytes
// (10xxxxxx), and UTF-16 adds a unit for each 4-byte sequence (11110xxx):
// counting them needs no decoding, and takes eight bytes at once. The index
// holds the count at every 256th byte, in an int, and from there to every
// 8th, in a byte: about a sixth of the text's size in all.
type offsetIndex struct {
	text string
	unit OffsetUnit
	// same is set when offsets need no conversion: byte offsets, or ASCII.
	same bool
	// blocks[b>>8] counts the units of text[:b&^255]; groups[b>>3] counts
	// those of text[b&^255 : b&^7], at most 248.
	blocks []int
	groups []uint8
}

func newOffsetIndex(text string, unit OffsetUnit) *offsetIndex {
	idx := &offsetIndex{text: text, unit: unit, same: unit == Bytes || isASCII(text)}
	if idx.same {
		return idx
	}
	idx.blocks = make([]int, len(text)>>8+1)
	idx.groups = make([]uint8, len(text)>>3+1)
	total, inBlock := 0, 0
	for g := range idx.groups {
		if g&31 == 0 {
			total += inBlock
			idx.blocks[g>>5] = total
			inBlock = 0
		}
		idx.groups[g] = uint8(inBlock)
		if n := len(text) - g<<3; n >= 8 {
			inBlock += idx.units(swar.Load64(text[g<<3:]), 8)
		} else {
			inBlock += idx.units(swar.Bytes(text, g<<3, n), n)
		}
	}
	return idx
}

// at converts a byte offset that lies on a rune boundary. The test for
// no conversion is inlined: documents are mostly ASCII.
func (x *offsetIndex) at(b int) int {
	if x.same {
		return b
	}
	return x.convert(b)
}

// convert adds to the counts of the index those of the few bytes between
// the 8th byte before b and b.
func (x *offsetIndex) convert(b int) int {
	group := b &^ 7
	return x.blocks[b>>8] + int(x.groups[b>>3]) + x.units(swar.Bytes(x.text, group, b-group), b-group)
}

// units counts the units of the runes that start in w, n ≤ 8 bytes of the
// text.
func (x *offsetIndex) units(w uint64, n int) int {
	const high = 0x8080808080808080
	// Top bit of each byte: set in the byte and not in the next lower bit
	// (a continuation byte); set in all of its four top bits (the lead of
	// a 4-byte sequence).
	n -= bits.OnesCount64(w &^ (w << 1) & high)
	if x.unit == UTF16 {
		n += bits.OnesCount64(w & (w << 1) & (w << 2) & (w << 3) & high)
	}
	return n
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
