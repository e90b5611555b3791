package annotate

// Convert: what writers of other formats (package export) need from the
// document's edge: the repaired text the offsets refer to, offsets in another
// unit through the one offset index, and JSON strings escaped as json.go does.

// RepairUTF8 returns text with invalid UTF-8 replaced by U+FFFD exactly as
// Annotate replaces it (one per maximal ill-formed subsequence), and the
// warning that says so; valid text comes back as is, with no warning.
func RepairUTF8(text string) (string, []string) {
	text, warnings, _ := repairUTF8(text)
	return text, warnings
}

// Offsets converts byte offsets into one text, valid UTF-8, to another unit.
type Offsets struct{ idx *offsetIndex }

// NewOffsets indexes text for conversions to unit.
func NewOffsets(text string, unit OffsetUnit) Offsets {
	return Offsets{newOffsetIndex(text, unit)}
}

// At converts a byte offset that lies on a rune boundary.
func (o Offsets) At(b int) int { return o.idx.at(b) }

// ConvertOffsets converts, in place, the offsets of doc from bytes into text
// (WithOffsets(Bytes)) to unit.
func ConvertOffsets(doc *Document, text string, unit OffsetUnit) {
	idx := newOffsetIndex(text, unit)
	if idx.same {
		return
	}
	span := func(start, end *int) { *start, *end = idx.at(*start), idx.at(*end) }
	mentions := func(ms []Mention) {
		for j := range ms {
			span(&ms[j].Start, &ms[j].End)
		}
	}
	for i := range doc.Entities {
		mentions(doc.Entities[i].Mentions)
	}
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		span(&q.Start, &q.End)
		if q.Cue != nil {
			span(&q.Cue.Start, &q.Cue.End)
		}
	}
	for i := range doc.Issues {
		mentions(doc.Issues[i].Mentions)
	}
	for i := range doc.Repairs {
		span(&doc.Repairs[i].Start, &doc.Repairs[i].End)
	}
}

// AppendJSONString appends s as a JSON string, escaped as in the document's
// JSON (<, >, &, U+2028 and U+2029 too).
func AppendJSONString(b []byte, s string) []byte { return appendString(b, s) }

// String returns the unit's name as Settings and the JSON export spell it.
func (u OffsetUnit) String() string {
	switch u {
	case Bytes:
		return "byte"
	case CodePoints:
		return "codepoint"
	}
	return "utf16"
}
