package main

import (
	"syscall/js"

	"lede/annotate"
)

// jsLexicon reads the lexicon option, {"entities": [{"name", "type",
// "canonical", "role"}], "ignore": [...]}, from the parsed options object;
// nil when absent. Validation is annotate.NewNewsroom's, so every front end
// reports the same errors. A field of the wrong kind reads as empty, which
// validation then reports ("the name is empty", "unknown type").
func jsLexicon(v js.Value) *annotate.NewsroomLexicon {
	if v.Type() != js.TypeObject {
		return nil
	}
	isArray := js.Global().Get("Array").Get("isArray")
	lex := &annotate.NewsroomLexicon{}
	if es := v.Get("entities"); isArray.Invoke(es).Bool() {
		lex.Entities = make([]annotate.NewsroomEntry, es.Length())
		for i := range lex.Entities {
			e := es.Index(i)
			if e.Type() != js.TypeObject {
				continue
			}
			lex.Entities[i] = annotate.NewsroomEntry{Name: field(e, "name"), Type: field(e, "type"),
				Canonical: field(e, "canonical"), Role: field(e, "role")}
		}
	}
	if ig := v.Get("ignore"); isArray.Invoke(ig).Bool() {
		lex.Ignore = make([]string, ig.Length())
		for i := range lex.Ignore {
			if s := ig.Index(i); s.Type() == js.TypeString {
				lex.Ignore[i] = s.String()
			}
		}
	}
	return lex
}

// jsCorrections reads the corrections option, a list of {op, entity, type,
// into, quote, speaker, name, anonymous, issue}; nil when absent.
// Validation is annotate.WithCorrections'.
func jsCorrections(v js.Value) []annotate.Correction {
	if !js.Global().Get("Array").Call("isArray", v).Bool() {
		return nil
	}
	out := make([]annotate.Correction, v.Length())
	for i := range out {
		c := v.Index(i)
		if c.Type() != js.TypeObject {
			continue
		}
		out[i] = annotate.Correction{Op: field(c, "op"), Entity: field(c, "entity"), Type: field(c, "type"),
			Into: field(c, "into"), Speaker: field(c, "speaker"), Name: field(c, "name"),
			Anonymous: c.Get("anonymous").Equal(js.ValueOf(true)), Issue: field(c, "issue")}
		if q := c.Get("quote"); q.Type() == js.TypeNumber {
			n := q.Int()
			out[i].Quote = &n
		}
	}
	return out
}

// field is the string field name of v, "" when it is not a string.
func field(v js.Value, name string) string {
	if f := v.Get(name); f.Type() == js.TypeString {
		return f.String()
	}
	return ""
}
