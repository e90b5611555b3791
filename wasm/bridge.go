// Command wasm is the browser bridge to the annotator: compiled with
// GOOS=js GOARCH=wasm it registers globalThis.ledeAnnotate(text, optionsJSON),
// which returns the document JSON, and ledeFormats() and
// ledeExport(text, format, optionsJSON, onProgress), which write the exports
// of package export. It holds no annotation logic; it turns
// JavaScript options into annotate options and a panic into an error, so one
// bad input cannot kill the Web Worker that runs it, and it keeps the wasm
// memory, which never shrinks, small: one copy of the text, the JSON handed
// over in chunks. (The soft memory limit that makes the GC work harder on
// long texts comes from GOMEMLIMIT, which worker.js sets: runtime/debug
// would link fmt and os into the wasm, some 90 KB.)
package main

import (
	"errors"
	"io"

	"lede/annotate"
	"lede/annotate/export"
)

// annotateJSON annotates text and writes the document JSON to w, in chunks,
// so that a long text's JSON is never whole in wasm memory. A panic in the
// annotator becomes an error, so the caller can report it and keep serving;
// w then holds a partial document, to be thrown away.
func annotateJSON(w io.Writer, text string, settings annotate.Settings) error {
	opts, err := settings.Options()
	if err != nil {
		return err
	}
	return recoverPanic(func() error {
		return annotate.Annotate(text, opts...).WriteJSON(w)
	})
}

// recoverPanic runs f and turns a panic into an error.
func recoverPanic(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("the annotator failed on this text: " + panicMessage(r))
		}
	}()
	return f()
}

func panicMessage(r any) string {
	switch v := r.(type) {
	case error:
		return v.Error()
	case string:
		return v
	}
	return "internal error"
}

// exportTo annotates text and writes it to w in the export format called
// name, telling progress how far it got. Like annotateJSON it turns a panic
// into an error.
func exportTo(w io.Writer, text, name string, settings export.Settings, progress func(done, total int)) (*export.Format, error) {
	f, ok := export.Lookup(name)
	if !ok {
		return nil, errors.New(`unknown export format "` + name + `" (want ` + export.Names() + ")")
	}
	o, err := settings.Options()
	if err != nil {
		return nil, err
	}
	o.Progress = progress
	return f, recoverPanic(func() error { return export.Write(w, f, text, o) })
}

// formatsJSON lists the export formats for the page's menu:
// [{"name","label","ext","mediaType","bundle"}], in menu order.
func formatsJSON() string {
	b := []byte{'['}
	for i, f := range export.Formats() {
		if i > 0 {
			b = append(b, ',')
		}
		b = annotate.AppendJSONString(append(b, `{"name":`...), f.Name)
		b = annotate.AppendJSONString(append(b, `,"label":`...), f.Label)
		b = annotate.AppendJSONString(append(b, `,"ext":`...), f.Ext)
		b = annotate.AppendJSONString(append(b, `,"mediaType":`...), f.MediaType)
		if f.Bundle() {
			b = append(b, `,"bundle":true`...)
		}
		b = append(b, '}')
	}
	return string(append(b, ']'))
}
