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

// options is what JavaScript may pass as optionsJSON:
// {"offsets":"utf16|byte|codepoint","layers":["entities","quotes","issues"]}.
// Both fields are optional; the defaults are UTF-16 offsets and every layer.
type options struct {
	Offsets string
	Layers  []string
}

// annotateOptions validates o and converts it for annotate.Annotate.
func (o options) annotateOptions() ([]annotate.Option, error) {
	unit, ok := annotate.ParseOffsetUnit(o.Offsets)
	if !ok {
		return nil, errors.New(`unknown offsets "` + o.Offsets + `" (want utf16, byte or codepoint)`)
	}
	opts := []annotate.Option{annotate.WithOffsets(unit)}
	if o.Layers == nil {
		return opts, nil
	}
	var layers annotate.Layers
	for _, name := range o.Layers {
		switch name {
		case "entities":
			layers.Entities = true
		case "quotes":
			layers.Quotes = true
		case "issues":
			layers.Issues = true
		default:
			return nil, errors.New(`unknown layer "` + name + `" (want entities, quotes or issues)`)
		}
	}
	return append(opts, annotate.WithLayers(layers)), nil
}

// annotateJSON annotates text and returns the document JSON. A panic in the
// annotator becomes an error, so the caller can report it and keep serving.
func annotateJSON(text string, o options) (string, error) {
	opts, err := o.annotateOptions()
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
