package annotate

// Convert: what writers of other formats (package export) need from the
// document's edge: the repaired text the offsets refer to, offsets in another
// unit through the one offset index, and JSON strings escaped as json.go does.

// RepairUTF8 returns text with invalid UTF-8 replaced by U+FFFD exactly as
// Annotate replaces it (one per maximal ill-formed subsequence), and the
// warning that says so; valid text comes back as is, with no warning.
func RepairUTF8(text string) (string, []string) { return repairUTF8(text) }

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
	convertOffsets(doc, newOffsetIndex(text, unit))
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

// leaveOutSpeakerEntities keeps a document without its entities from
// pointing at them: its speakers keep their names alone.
func leaveOutSpeakerEntities(doc *Document) {
	for i := range doc.Quotes {
		if s := doc.Quotes[i].Speaker; s != nil {
			s.Entity = ""
		}
	}
}
