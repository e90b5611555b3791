package annotate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Invariants: one helper that checks every promise of the Document contract
// on any input. The fuzz targets and the hard-input tests both rely on it, so
// a promise is written down once and checked everywhere.

var allUnits = []OffsetUnit{Bytes, UTF16, CodePoints}

// checkAnnotate annotates input in every offset unit, checks each document and
// checks that the three agree span for span. It returns the UTF-16 document.
func checkAnnotate(t testing.TB, input string, opts ...Option) *Document {
	t.Helper()
	repaired, _, _ := repairUTF8(input)
	docs := map[OffsetUnit]*Document{}
	for _, unit := range allUnits {
		docs[unit] = Annotate(input, append(opts[:len(opts):len(opts)], WithOffsets(unit))...)
		checkDocument(t, input, unit, docs[unit])
	}
	views := unitViews(repaired)
	want := spans(docs[Bytes])
	for _, unit := range []OffsetUnit{UTF16, CodePoints} {
		got := spans(docs[unit])
		require.Len(t, got, len(want), "unit %d: different number of spans than in bytes", unit)
		for i, s := range want {
			assert.Equal(t, [2]int{views[unit].fromByte[s[0]], views[unit].fromByte[s[1]]}, got[i],
				"unit %d: span %d does not convert from bytes %v", unit, i, s)
		}
	}
	return docs[UTF16]
}

// checkDocument checks doc, the result of annotating input with offsets in
// unit, and checks that its JSON form decodes back to the same document.
func checkDocument(t testing.TB, input string, unit OffsetUnit, doc *Document) {
	t.Helper()
	require.NotNil(t, doc)
	repaired, warnings, _ := repairUTF8(input)
	assert.Equal(t, len(warnings) > 0, len(doc.Warnings) > 0, "warnings %q for an input that is valid UTF-8: %v", doc.Warnings, utf8.ValidString(input))
	assert.Equal(t, len(warnings) > 0, len(doc.Repairs) > 0, "repairs %v for an input that is valid UTF-8: %v", doc.Repairs, utf8.ValidString(input))

	// AppendJSON's own output is checked: json.Marshal would validate,
	// compact and escape it again, and could hide its faults.
	own := doc.AppendJSON(nil)
	require.True(t, json.Valid(own), "AppendJSON wrote invalid JSON: %s", truncate(own))
	for _, unsafe := range []string{"<", ">", "&", "\u2028", "\u2029"} {
		assert.False(t, bytes.Contains(own, []byte(unsafe)), "AppendJSON wrote a raw %q: unsafe inside HTML or JS", unsafe)
	}
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(own), "json.Marshal re-escaped or compacted AppendJSON's output")
	var back Document
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, normalized(doc), normalized(&back), "the JSON does not round-trip")

	// The spans are checked on the decoded copy, so that a JSON writer that
	// mangles a string or a number fails here too.
	checkSpans(t, unitViews(repaired)[unit], &back)
	checkReferences(t, &back)
}

func checkSpans(t testing.TB, v unitView, doc *Document) {
	t.Helper()
	for _, e := range doc.Entities {
		assert.NotEmpty(t, e.Mentions, "entity %s has no mention", e.ID)
		for i, m := range e.Mentions {
			v.checkSpan(t, fmt.Sprintf("entity %s mention %d", e.ID, i), m.Start, m.End, m.Text)
		}
		assertSorted(t, e.ID, e.Mentions)
	}
	for _, q := range doc.Quotes {
		v.checkSpan(t, "quote "+q.ID, q.Start, q.End, q.Text)
		if q.Cue != nil {
			v.checkSpan(t, "cue of quote "+q.ID, q.Cue.Start, q.Cue.End, q.Cue.Text)
		}
	}
	for _, is := range doc.Issues {
		for i, m := range is.Mentions {
			v.checkSpan(t, fmt.Sprintf("issue %s mention %d", is.ID, i), m.Start, m.End, m.Text)
		}
		assertSorted(t, is.ID, is.Mentions)
	}
	// A repair covers the U+FFFDs that replaced invalid bytes, one or more.
	replacement := map[OffsetUnit]int{Bytes: 3, UTF16: 1, CodePoints: 1}[v.unit]
	for i, r := range doc.Repairs {
		assert.NotEmpty(t, r.Message, "repair %d", i)
		if assert.Positive(t, r.End-r.Start, "repair %d is empty", i) {
			v.checkSpan(t, fmt.Sprintf("repair %d", i), r.Start, r.End, strings.Repeat("\uFFFD", (r.End-r.Start)/replacement))
		}
		if i > 0 {
			assert.Less(t, doc.Repairs[i-1].End, r.Start, "repairs %d and %d are not apart and in order", i-1, i)
		}
	}
	assert.LessOrEqual(t, len(doc.Repairs), maxRepairs)
}

// checkReferences checks ids, types, speakers and scores.
func checkReferences(t testing.TB, doc *Document) {
	t.Helper()
	entities := map[string]Entity{}
	for _, e := range doc.Entities {
		assert.NotContains(t, entities, e.ID, "duplicate entity id")
		entities[e.ID] = e
		assert.Contains(t, []EntityType{Person, Place, Organization}, e.Type, "entity %s", e.ID)
		assert.NotEmpty(t, e.Name, "entity %s has no name", e.ID)
	}
	quotes := map[string]bool{}
	for _, q := range doc.Quotes {
		assert.False(t, quotes[q.ID], "duplicate quote id %s", q.ID)
		quotes[q.ID] = true
	}
	for _, q := range doc.Quotes {
		if q.Linked != "" {
			assert.True(t, quotes[q.Linked] && q.Linked != q.ID, "quote %s is linked to %q, not another quote", q.ID, q.Linked)
		}
		s := q.Speaker
		if s == nil {
			continue
		}
		assert.NotEmpty(t, s.Name, "quote %s: a speaker needs a name or a description", q.ID)
		if s.Entity != "" {
			e, ok := entities[s.Entity]
			if assert.True(t, ok, "quote %s: speaker %q is not an entity", q.ID, s.Entity) {
				assert.Equal(t, e.Name, s.Name, "quote %s: speaker name differs from its entity's", q.ID)
			}
		}
	}
	for _, is := range doc.Issues {
		assert.NotEmpty(t, is.ID)
		assert.False(t, math.IsNaN(is.Score) || math.IsInf(is.Score, 0), "issue %s score %v", is.ID, is.Score)
	}
}

func assertSorted(t testing.TB, owner string, ms []Mention) {
	t.Helper()
	for i := 1; i < len(ms); i++ {
		a, b := ms[i-1], ms[i]
		assert.True(t, a.Start < b.Start || a.Start == b.Start && a.End <= b.End, "%s: mentions %d and %d out of order", owner, i-1, i)
	}
}

// unitView is the repaired text as seen in one offset unit, built
// independently of output.go's offset index so that it can check it.
type unitView struct {
	unit     OffsetUnit
	text     string
	utf16    []uint16
	runes    []rune
	fromByte []int // byte offset → offset in this unit; -1 inside a rune
}

func unitViews(text string) map[OffsetUnit]unitView {
	runes := []rune(text)
	views := map[OffsetUnit]unitView{}
	for _, unit := range allUnits {
		v := unitView{unit: unit, text: text, runes: runes, fromByte: make([]int, len(text)+1)}
		if unit == UTF16 {
			v.utf16 = utf16.Encode(runes)
		}
		for i := range v.fromByte {
			v.fromByte[i] = -1
		}
		n := 0
		for i, r := range text {
			v.fromByte[i] = n
			switch unit {
			case Bytes:
				n += utf8.RuneLen(r)
			case UTF16:
				n += utf16.RuneLen(r)
			default:
				n++
			}
		}
		v.fromByte[len(text)] = n
		views[unit] = v
	}
	return views
}

func (v unitView) length() int { return v.fromByte[len(v.text)] }

// boundary reports whether offset i falls between two characters: on a rune
// start in bytes, never between the halves of a surrogate pair in UTF-16.
func (v unitView) boundary(i int) bool {
	switch v.unit {
	case Bytes:
		return i == len(v.text) || utf8.RuneStart(v.text[i])
	case UTF16:
		return i == 0 || i == len(v.utf16) || !utf16.IsSurrogate(rune(v.utf16[i])) || v.utf16[i] < 0xdc00
	}
	return true
}

func (v unitView) slice(start, end int) string {
	switch v.unit {
	case Bytes:
		return v.text[start:end]
	case UTF16:
		return string(utf16.Decode(v.utf16[start:end]))
	}
	return string(v.runes[start:end])
}

func (v unitView) checkSpan(t testing.TB, what string, start, end int, text string) {
	t.Helper()
	if !assert.True(t, 0 <= start && start < end && end <= v.length(), "%s: [%d,%d) is empty or outside the text of length %d", what, start, end, v.length()) {
		return
	}
	if !assert.True(t, v.boundary(start) && v.boundary(end), "%s: [%d,%d) splits a character", what, start, end) {
		return
	}
	assert.Equal(t, v.slice(start, end), text, "%s: text is not the slice [%d,%d)", what, start, end)
}

// spans lists every span of doc in a fixed order, for comparing units.
func spans(doc *Document) [][2]int {
	var out [][2]int
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			out = append(out, [2]int{m.Start, m.End})
		}
	}
	for _, q := range doc.Quotes {
		out = append(out, [2]int{q.Start, q.End})
		if q.Cue != nil {
			out = append(out, [2]int{q.Cue.Start, q.Cue.End})
		}
	}
	for _, is := range doc.Issues {
		for _, m := range is.Mentions {
			out = append(out, [2]int{m.Start, m.End})
		}
	}
	return out
}

// normalized copies doc with empty lists made nil: JSON writes both as [].
func normalized(doc *Document) Document {
	out := *doc
	out.Entities = nilIfEmpty(out.Entities)
	out.Quotes = nilIfEmpty(out.Quotes)
	out.Issues = nilIfEmpty(out.Issues)
	out.Warnings = nilIfEmpty(out.Warnings)
	for i := range out.Entities {
		out.Entities[i].Mentions = nilIfEmpty(out.Entities[i].Mentions)
	}
	for i := range out.Issues {
		out.Issues[i].Mentions = nilIfEmpty(out.Issues[i].Mentions)
	}
	return out
}

func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return append(S(nil), s...)
}

func truncate(b []byte) string {
	const max = 300
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}
