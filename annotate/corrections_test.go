package annotate

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func correct(t *testing.T, text string, cs ...Correction) *Document {
	t.Helper()
	opt, err := WithCorrections(cs)
	require.NoError(t, err)
	return Annotate(text, opt)
}

func entityKeys(d *Document) []string {
	var out []string
	for _, e := range d.Entities {
		out = append(out, e.Type.String()+":"+e.Name)
	}
	return out
}

func at(n int) *int { return &n }

func TestCorrectionsApply(t *testing.T) {
	base := Annotate(newsroomArticle)
	keys := entityKeys(base)
	// Jupiter is an entity whatever type the recognizer gives it; the
	// corrections name it by that key.
	ji := slices.IndexFunc(base.Entities, func(e Entity) bool { return e.Name == "Jupiter" })
	require.GreaterOrEqual(t, ji, 0, "the test needs Jupiter as an entity")
	jupiter := keys[ji]
	other := "organization" // a type Jupiter is not
	if base.Entities[ji].Type == Organization {
		other = "person"
	}
	require.Contains(t, keys, "organization:Fed")
	require.Contains(t, keys, "organization:Federal Reserve")
	require.NotEmpty(t, base.Quotes)
	q0 := base.Quotes[0]
	require.NotNil(t, q0.Speaker)
	require.Equal(t, "Maria Chen", q0.Speaker.Name)

	t.Run("reject", func(t *testing.T) {
		d := correct(t, newsroomArticle, Correction{Op: "reject", Entity: jupiter})
		assert.Equal(t, slices.DeleteFunc(slices.Clone(keys), func(k string) bool { return k == jupiter }), entityKeys(d))
		assert.Equal(t, base.Quotes, d.Quotes)
	})
	t.Run("reject a speaker", func(t *testing.T) {
		d := correct(t, newsroomArticle, Correction{Op: "reject", Entity: "person:Maria Chen"})
		assert.Nil(t, d.Quotes[0].Speaker)
		assert.True(t, d.Quotes[0].Corrected)
	})
	t.Run("type, then by the new key", func(t *testing.T) {
		d := correct(t, newsroomArticle, Correction{Op: "type", Entity: jupiter, Type: other},
			Correction{Op: "merge", Entity: other + ":Jupiter", Into: "place:Earth"})
		i := slices.Index(entityKeys(d), "place:Earth")
		require.GreaterOrEqual(t, i, 0)
		e := d.Entities[i]
		assert.True(t, e.Corrected)
		var texts []string
		for _, m := range e.Mentions {
			texts = append(texts, m.Text)
		}
		assert.Equal(t, []string{"Jupiter", "Earth", "Jupiter"}, texts, "mentions merged in text order")
		assert.NotContains(t, entityKeys(d), jupiter)
	})
	t.Run("merge credits the quotes", func(t *testing.T) {
		d := correct(t, newsroomArticle, Correction{Op: "merge", Entity: "person:Maria Chen", Into: "person:Tom Reyes"})
		assert.Equal(t, "Tom Reyes", d.Quotes[0].Speaker.Name)
		assert.Equal(t, d.Entities[slices.Index(entityKeys(d), "person:Tom Reyes")].ID, d.Quotes[0].Speaker.Entity)
		assert.True(t, d.Quotes[0].Corrected)
	})
	t.Run("speaker", func(t *testing.T) {
		d := correct(t, newsroomArticle, Correction{Op: "speaker", Quote: at(q0.Start), Speaker: "person:Tom Reyes"})
		assert.Equal(t, "Tom Reyes", d.Quotes[0].Speaker.Name)
		assert.True(t, d.Quotes[0].Corrected)
		assert.Equal(t, base.Quotes[1:], d.Quotes[1:], "the other quotes are unchanged")
		d = correct(t, newsroomArticle, Correction{Op: "speaker", Quote: at(q0.Start), Name: " an observatory guide ", Anonymous: true})
		assert.Equal(t, &Speaker{Name: "an observatory guide", Anonymous: true, Basis: "editor", Confidence: 1}, d.Quotes[0].Speaker)
		d = correct(t, newsroomArticle, Correction{Op: "speaker", Quote: at(q0.Start)})
		assert.Nil(t, d.Quotes[0].Speaker)
		d = correct(t, newsroomArticle, Correction{Op: "anonymous", Quote: at(q0.Start), Anonymous: true})
		assert.True(t, d.Quotes[0].Speaker.Anonymous)
		assert.Equal(t, "Maria Chen", d.Quotes[0].Speaker.Name)
		// The source audit counts what the editor said, not the entity the
		// machine linked.
		require.NotNil(t, base.Sources)
		require.NotNil(t, d.Sources)
		assert.Equal(t, base.Sources.Anonymous+1, d.Sources.Anonymous)
		assert.Equal(t, base.Sources.Kinds.Anonymous+1, d.Sources.Kinds.Anonymous)
		assert.Equal(t, base.Sources.Kinds.Person-1, d.Sources.Kinds.Person)
	})
	t.Run("dismiss", func(t *testing.T) {
		id := base.Issues[0].ID
		d := correct(t, newsroomArticle, Correction{Op: "dismiss", Issue: id})
		assert.Equal(t, base.Issues[1:], d.Issues)
	})
	t.Run("gone targets are skipped", func(t *testing.T) {
		d := correct(t, newsroomArticle, Correction{Op: "reject", Entity: "person:Nobody"}, Correction{Op: "speaker", Quote: at(1), Speaker: "person:Tom Reyes"},
			Correction{Op: "dismiss", Issue: "medtop:0"}, Correction{Op: "merge", Entity: "person:Tom Reyes", Into: "person:Tom Reyes"})
		assert.Equal(t, base, d)
	})
	t.Run("json marks", func(t *testing.T) {
		d := correct(t, newsroomArticle, Correction{Op: "type", Entity: jupiter, Type: other}, Correction{Op: "speaker", Quote: at(q0.Start)})
		js := string(d.AppendJSON(nil))
		assert.Equal(t, 2, strings.Count(js, `"corrected":true`))
		var back Document
		require.NoError(t, json.Unmarshal([]byte(js), &back))
		assert.Equal(t, d, &back)
	})
}

func TestCorrectionsValidate(t *testing.T) {
	tests := []struct {
		c    Correction
		want string
	}{
		{Correction{Op: "delete"}, `unknown op "delete"`},
		{Correction{Op: "reject"}, `reject: entity is not "type:name"`},
		{Correction{Op: "reject", Entity: "Jupiter"}, `reject: entity is not "type:name"`},
		{Correction{Op: "reject", Entity: "planet:Jupiter"}, `reject: entity is not "type:name"`},
		{Correction{Op: "type", Entity: "person:Jupiter", Type: "planet"}, `type: type is not person, place or organization`},
		{Correction{Op: "merge", Entity: "organization:EU"}, `merge: into is not "type:name"`},
		{Correction{Op: "split", Name: "EU"}, `split: entity is not "type:name"`},
		{Correction{Op: "split", Entity: "organization:European Union", Name: " "}, "split: no name"},
		{Correction{Op: "speaker", Speaker: "person:Ann"}, "speaker: no quote"},
		{Correction{Op: "speaker", Quote: at(3), Speaker: "Ann"}, `speaker: speaker is not "type:name"`},
		{Correction{Op: "dismiss"}, "dismiss: no issue"},
	}
	for _, tt := range tests {
		_, err := Settings{Corrections: []Correction{{Op: "dismiss", Issue: "x"}, tt.c}}.Options()
		if assert.Error(t, err, "%+v", tt.c) {
			assert.Contains(t, err.Error(), "corrections[1]: "+tt.want)
		}
	}
	_, err := WithCorrections(make([]Correction, maxCorrections+1))
	assert.ErrorContains(t, err, "more than")
}

// splitArticle is written for these tests: an organization named in full
// and by its initials, a person by full name and surname.
const splitArticle = `Trade ministers of the European Union met in Brussels on Monday. The EU wants new rules for steel imports, said Ana Kovač, who chairs the committee.

"We cannot wait another year," Kovač said. Her colleague Piotr Nowak agreed, and the European Union will vote in March.
`

// entityShapes lists the entities as "type:name=mention|mention", with a
// trailing * when corrected.
func entityShapes(d *Document) []string {
	var out []string
	for _, e := range d.Entities {
		var texts []string
		for _, m := range e.Mentions {
			texts = append(texts, m.Text)
		}
		s := e.Type.String() + ":" + e.Name + "=" + strings.Join(texts, "|")
		if e.Corrected {
			s += "*"
		}
		out = append(out, s)
	}
	return out
}

func TestCorrectionsSplit(t *testing.T) {
	base := Annotate(splitArticle)
	shapes := entityShapes(base)
	require.Equal(t, []string{"organization:European Union=European Union|EU|European Union", "place:Brussels=Brussels",
		"person:Ana Kovač=Ana Kovač|Kovač", "person:Piotr Nowak=Piotr Nowak"}, shapes, "the test needs these entities")
	eu := Correction{Op: "split", Entity: "organization:European Union", Name: "EU"}
	tests := []struct {
		name string
		cs   []Correction
		want []string // nil: the document is unchanged
	}{
		{"split", []Correction{eu}, []string{"organization:European Union=European Union|European Union*",
			"place:Brussels=Brussels", "person:Ana Kovač=Ana Kovač|Kovač", "person:Piotr Nowak=Piotr Nowak", "organization:EU=EU*"}},
		{"split a person", []Correction{{Op: "split", Entity: "person:Ana Kovač", Name: "Kovač"}}, []string{shapes[0], shapes[1],
			"person:Ana Kovač=Ana Kovač*", shapes[3], "person:Kovač=Kovač*"}},
		{"merge then split", []Correction{{Op: "merge", Entity: "person:Piotr Nowak", Into: "person:Ana Kovač"},
			{Op: "split", Entity: "person:Ana Kovač", Name: "Piotr Nowak"}}, []string{shapes[0], shapes[1],
			"person:Ana Kovač=Ana Kovač|Kovač*", "person:Piotr Nowak=Piotr Nowak*"}},
		{"split then type", []Correction{eu, {Op: "type", Entity: "organization:EU", Type: "place"}}, []string{
			"organization:European Union=European Union|European Union*", shapes[1], shapes[2], shapes[3], "place:EU=EU*"}},
		{"split into an entity there is", []Correction{{Op: "type", Entity: "place:Brussels", Type: "organization"},
			{Op: "split", Entity: "organization:European Union", Name: "Brussels"}}, []string{shapes[0], "organization:Brussels=Brussels*", shapes[2], shapes[3]}},
		{"into an existing one", []Correction{eu, {Op: "merge", Entity: "place:Brussels", Into: "organization:EU"},
			{Op: "split", Entity: "organization:European Union", Name: "EU"}}, []string{"organization:European Union=European Union|European Union*",
			shapes[2], shapes[3], "organization:EU=Brussels|EU*"}},
		{"no mention has the name", []Correction{{Op: "split", Entity: "organization:European Union", Name: "E.U."}}, nil},
		{"every mention has it", []Correction{{Op: "split", Entity: "place:Brussels", Name: "Brussels"}}, nil},
		{"the name is the entity's", []Correction{{Op: "split", Entity: "organization:European Union", Name: "European Union"}}, nil},
		{"no such entity", []Correction{{Op: "split", Entity: "place:European Union", Name: "EU"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := correct(t, splitArticle, tt.cs...)
			if tt.want == nil {
				assert.Equal(t, base, d)
				return
			}
			assert.Equal(t, tt.want, entityShapes(d))
			ids := map[string]bool{}
			for _, e := range d.Entities {
				assert.False(t, ids[e.ID], "id %s twice", e.ID)
				ids[e.ID] = true
			}
			assert.Equal(t, base.Quotes, d.Quotes, "the quotes keep their speakers")
		})
	}
	t.Run("json", func(t *testing.T) {
		d := correct(t, splitArticle, eu)
		var back Document
		require.NoError(t, json.Unmarshal(d.AppendJSON(nil), &back))
		assert.Equal(t, d, &back)
		assert.Equal(t, "e5", d.Entities[4].ID, "a new id after the recognizer's")
	})
}

// A quote is named by its offset in the unit of the document the editor
// saw; options read from Settings keep that unit when a later option
// changes the document's, as an export's bytes do.
func TestCorrectionsKeepTheirUnit(t *testing.T) {
	utf16 := Annotate(splitArticle) // "Kovač" comes before the quote
	bytes := Annotate(splitArticle, WithOffsets(Bytes))
	require.NotEmpty(t, utf16.Quotes)
	start := utf16.Quotes[0].Start
	require.NotEqual(t, start, bytes.Quotes[0].Start, "the test needs a quote after non-ASCII text")
	for _, offsets := range []string{"", "utf16", "byte", "codepoint"} {
		t.Run(offsets, func(t *testing.T) {
			unit, _ := ParseOffsetUnit(offsets)
			q := Annotate(splitArticle, WithOffsets(unit)).Quotes[0].Start
			opts, err := Settings{Offsets: offsets, Corrections: []Correction{{Op: "speaker", Quote: &q, Name: "a reader"}}}.Options()
			require.NoError(t, err)
			for _, docUnit := range []OffsetUnit{UTF16, Bytes, CodePoints} {
				d := Annotate(splitArticle, append(opts, WithOffsets(docUnit))...)
				assert.Equal(t, "a reader", d.Quotes[0].Speaker.Name, "document in unit %d", docUnit)
			}
		})
	}
	// WithCorrections alone names quotes in the document's unit.
	d := correct(t, splitArticle, Correction{Op: "speaker", Quote: &start, Name: "a reader"})
	assert.Equal(t, "a reader", d.Quotes[0].Speaker.Name)
}
