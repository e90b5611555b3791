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
	str := func(v js.Value) string {
		if v.Type() == js.TypeString {
			return v.String()
		}
		return ""
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
			lex.Entities[i] = annotate.NewsroomEntry{Name: str(e.Get("name")), Type: str(e.Get("type")),
				Canonical: str(e.Get("canonical")), Role: str(e.Get("role"))}
		}
	}
	if ig := v.Get("ignore"); isArray.Invoke(ig).Bool() {
		lex.Ignore = make([]string, ig.Length())
		for i := range lex.Ignore {
			lex.Ignore[i] = str(ig.Index(i))
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
	str := func(v js.Value) string {
		if v.Type() == js.TypeString {
			return v.String()
		}
		return ""
	}
	out := make([]annotate.Correction, v.Length())
	for i := range out {
		c := v.Index(i)
		if c.Type() != js.TypeObject {
			continue
		}
		out[i] = annotate.Correction{Op: str(c.Get("op")), Entity: str(c.Get("entity")), Type: str(c.Get("type")),
			Into: str(c.Get("into")), Speaker: str(c.Get("speaker")), Name: str(c.Get("name")),
			Anonymous: c.Get("anonymous").Type() == js.TypeBoolean && c.Get("anonymous").Bool(), Issue: str(c.Get("issue"))}
		if q := c.Get("quote"); q.Type() == js.TypeNumber {
			n := q.Int()
			out[i].Quote = &n
		}
	}
	return out
}
