// Command wasm is the browser bridge to the annotator: compiled with
// GOOS=js GOARCH=wasm it registers globalThis.ledeAnnotate(text, optionsJSON)
// and returns the document JSON. It holds no annotation logic; it only turns
// JavaScript options into annotate options and a panic into an error, so one
// bad input cannot kill the Web Worker that runs it.
package main

import (
	"errors"

	"lede/annotate"
)

// annotateJSON annotates text and returns the document JSON. A panic in the
// annotator becomes an error, so the caller can report it and keep serving.
func annotateJSON(text string, settings annotate.Settings) (string, error) {
	opts, err := settings.Options()
	if err != nil {
		return "", err
	}
	return recoverPanic(func() string {
		return string(annotate.Annotate(text, opts...).AppendJSON(nil))
	})
}

// recoverPanic runs f and turns a panic into an error.
func recoverPanic(f func() string) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("the annotator failed on this text: " + panicMessage(r))
		}
	}()
	return f(), nil
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
