// Command wasm is the browser bridge to the annotator: compiled with
// GOOS=js GOARCH=wasm it registers globalThis.ledeAnnotate(text, optionsJSON)
// and returns the document JSON. It holds no annotation logic; it turns
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
