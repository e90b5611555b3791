package main

import (
	"errors"
	"syscall/js"
	"unsafe"

	"lede/annotate/export"
)

func main() {
	register()
	registerExports()
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
		if err := annotateJSON(doc, goString(args[0]), o.Settings); err != nil {
			return errorJSON(err.Error())
		}
		return doc.String()
	}))
}

// registerExports installs globalThis.ledeFormats(), the export formats as
// JSON, and globalThis.ledeExport(text, format, optionsJSON, onProgress),
// which returns {filename, mediaType, chunks} (chunks: Uint8Arrays, for a
// Blob) or {error}; it never throws. onProgress(done, total), when given,
// is called now and then while a long export is written.
func registerExports() {
	formats := formatsJSON()
	js.Global().Set("ledeFormats", js.FuncOf(func(js.Value, []js.Value) any { return formats }))
	js.Global().Set("ledeExport", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeString {
			return errorObject("ledeExport(text, format, optionsJSON, onProgress): text and format must be strings")
		}
		settings, err := parseOptions(args[2:])
		if err != nil {
			return errorObject(err.Error())
		}
		var progress func(done, total int)
		if len(args) > 3 && args[3].Type() == js.TypeFunction {
			callback := args[3]
			progress = func(done, total int) { callback.Invoke(done, total) }
		}
		out := newJSBytesWriter()
		text := goString(args[0])
		f, err := exportTo(out, text, args[1].String(), settings, progress)
		if err != nil {
			return errorObject(err.Error())
		}
		// text is valid UTF-8: TextEncoder writes U+FFFD for lone surrogates.
		return map[string]any{"filename": export.Filename(text, f.Ext), "mediaType": f.MediaType, "chunks": out.parts}
	}))
}

func errorObject(message string) map[string]any { return map[string]any{"error": message} }

// jsBytesWriter hands each Write to JavaScript at once as a Uint8Array: an
// export, which may be binary (a zip), never sits whole in wasm memory.
type jsBytesWriter struct{ parts js.Value }

func newJSBytesWriter() *jsBytesWriter {
	return &jsBytesWriter{parts: js.Global().Get("Array").New()}
}

var uint8Array = js.Global().Get("Uint8Array")

func (w *jsBytesWriter) Write(p []byte) (int, error) {
	if len(p) > 0 {
		a := uint8Array.New(len(p))
		js.CopyBytesToJS(a, p)
		w.parts.Call("push", a)
	}
	return len(p), nil
}

// parseOptions reads the optional options JSON with the JavaScript parser,
// which keeps encoding/json (and reflection) out of the wasm binary. It is
// strict: a key that is not an option ("offset" for "offsets"), or a value
// of the wrong type, is an error that names it.
func parseOptions(args []js.Value) (s export.Settings, err error) {
	if len(args) == 0 || args[0].IsUndefined() || args[0].IsNull() || args[0].String() == "" {
		return s, nil
	}
	defer func() {
		if r := recover(); r != nil {
			err = jsError("options are not valid JSON", r)
		}
	}()
	v := js.Global().Get("JSON").Call("parse", args[0].String())
	if v.Type() != js.TypeObject || js.Global().Get("Array").Call("isArray", v).Bool() {
		return s, errors.New("options must be a JSON object")
	}
	keys := js.Global().Get("Object").Call("keys", v)
	for i := range keys.Length() {
		key := keys.Index(i).String()
		if err := export.UnknownKey(key); err != nil {
			return s, err
		}
		value := v.Get(key)
		wrong := errors.New(`option "` + key + `" has the wrong type`)
		switch key {
		case "offsets", "base", "source", "editor":
			if value.Type() != js.TypeString {
				return s, wrong
			}
		case "text":
			if value.Type() != js.TypeBoolean {
				return s, wrong
			}
			on := value.Bool()
			s.Text = &on
		case "lexicon":
			if value.Type() != js.TypeObject {
				return s, wrong
			}
			s.Lexicon = jsLexicon(value)
		case "corrections":
			if !js.Global().Get("Array").Call("isArray", value).Bool() {
				return s, wrong
			}
			s.Corrections = jsCorrections(value)
		case "layers":
			if !js.Global().Get("Array").Call("isArray", value).Bool() {
				return s, wrong
			}
			s.Layers = make([]string, value.Length())
			for j := range s.Layers {
				if value.Index(j).Type() != js.TypeString {
					return s, wrong
				}
				s.Layers[j] = value.Index(j).String()
			}
		}
	}
	s.Offsets = stringOption(v, "offsets")
	s.Base = stringOption(v, "base")
	s.Source = stringOption(v, "source")
	s.Editor = stringOption(v, "editor")
	return s, nil
}

func stringOption(v js.Value, key string) string {
	if x := v.Get(key); x.Type() == js.TypeString {
		return x.String()
	}
	return ""
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
