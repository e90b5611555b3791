package main

import (
	"errors"
	"syscall/js"
	"unsafe"

	"lede/annotate"
)

func main() {
	register()
	// Keep the Go program alive: the worker calls ledeAnnotate for as long as
	// the page is open.
	select {}
}

// register installs globalThis.ledeAnnotate(text, optionsJSON). It returns
// the document JSON string, or {"error": message} when the options are
// invalid or the annotator failed; it never throws.
func register() {
	js.Global().Set("ledeAnnotate", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeString {
			return errorJSON("ledeAnnotate(text, optionsJSON): text must be a string")
		}
		o, err := parseOptions(args[1:])
		if err != nil {
			return errorJSON(err.Error())
		}
		doc := newJSStringWriter()
		if err := annotateJSON(doc, goString(args[0]), o); err != nil {
			return errorJSON(err.Error())
		}
		return doc.String()
	}))
}

// textEncoder turns JavaScript strings into UTF-8 for goString.
var textEncoder = js.Global().Get("TextEncoder").New()

// goString copies a JavaScript string into wasm memory once, where
// js.Value.String copies it twice (bytes, then a string of them).
func goString(v js.Value) string {
	encoded := textEncoder.Call("encode", v)
	b := make([]byte, encoded.Length())
	js.CopyBytesToGo(b, encoded)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// jsStringWriter hands what is written to JavaScript at once, one string per
// Write, and joins the strings at the end: a long text's JSON, three times
// its length, never sits whole in wasm memory, which never shrinks. It relies
// on WriteJSON never splitting a UTF-8 sequence across two writes.
type jsStringWriter struct{ parts js.Value }

func newJSStringWriter() *jsStringWriter {
	return &jsStringWriter{parts: js.Global().Get("Array").New()}
}

func (w *jsStringWriter) Write(p []byte) (int, error) {
	if len(p) > 0 {
		// The string shares p's memory only while JavaScript decodes it into
		// a string of its own, inside this call.
		w.parts.Call("push", unsafe.String(unsafe.SliceData(p), len(p)))
	}
	return len(p), nil
}

// String returns everything written, as one JavaScript string.
func (w *jsStringWriter) String() js.Value { return w.parts.Call("join", "") }

// parseOptions reads the optional options JSON with the JavaScript parser,
// which keeps encoding/json (and reflection) out of the wasm binary.
func parseOptions(args []js.Value) (o annotate.Settings, err error) {
	if len(args) == 0 || args[0].IsUndefined() || args[0].IsNull() || args[0].String() == "" {
		return o, nil
	}
	defer func() {
		if r := recover(); r != nil {
			err = jsError("options are not valid JSON", r)
		}
	}()
	v := js.Global().Get("JSON").Call("parse", args[0].String())
	if v.Type() != js.TypeObject {
		return o, nil
	}
	if off := v.Get("offsets"); off.Type() == js.TypeString {
		o.Offsets = off.String()
	}
	if layers := v.Get("layers"); js.Global().Get("Array").Call("isArray", layers).Bool() {
		o.Layers = make([]string, layers.Length())
		for i := range o.Layers {
			o.Layers[i] = layers.Index(i).String()
		}
	}
	o.Lexicon = jsLexicon(v.Get("lexicon"))
	o.Corrections = jsCorrections(v.Get("corrections"))
	return o, nil
}

func jsError(prefix string, r any) error {
	if e, ok := r.(js.Error); ok {
		return errors.New(prefix + ": " + e.Get("message").String())
	}
	return errors.New(prefix)
}

// errorJSON builds {"error": message} with the JavaScript serializer, which
// escapes the message correctly.
func errorJSON(message string) string {
	return js.Global().Get("JSON").Call("stringify", map[string]any{"error": message}).String()
}
