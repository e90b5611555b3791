package annotate

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The Document types are the source of the format; docs/format.md and
// web/lede.d.ts describe them by hand. These tests fail when either drifts:
// a field added, removed or made optional in Go and not there, or a field
// there that Go no longer has.

// jsonField is one field of a Go type as encoding/json writes it.
type jsonField struct {
	name     string
	optional bool
	elem     reflect.Type // the struct the field holds, or nil
	list     bool         // a slice
}

func jsonFields(t reflect.Type) []jsonField {
	var fields []jsonField
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" || name == "-" {
			continue
		}
		elem := f.Type
		list := elem.Kind() == reflect.Slice
		for elem.Kind() == reflect.Pointer || elem.Kind() == reflect.Slice {
			elem = elem.Elem()
		}
		if elem.Kind() != reflect.Struct {
			elem = nil
		}
		fields = append(fields, jsonField{name: name, optional: strings.Contains(opts, "omitempty"), elem: elem, list: list})
	}
	return fields
}

// documentTypes lists Document and every struct type it holds, once each.
func documentTypes() []reflect.Type {
	types := []reflect.Type{reflect.TypeFor[Document]()}
	seen := map[reflect.Type]bool{types[0]: true}
	for i := 0; i < len(types); i++ {
		for _, f := range jsonFields(types[i]) {
			if f.elem != nil && !seen[f.elem] {
				seen[f.elem] = true
				types = append(types, f.elem)
			}
		}
	}
	return types
}

func readRepoFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile("../" + path)
	require.NoError(t, err)
	return string(b)
}

// tsInterfaces reads the fields of each interface of a .d.ts file, with
// those of the interfaces it extends: name → optional.
func tsInterfaces(src string) map[string]map[string]bool {
	head := regexp.MustCompile(`(?m)^export interface (\w+)(?: extends (\w+))? \{\n((?:.*\n)*?)\}`)
	field := regexp.MustCompile(`(?m)^\s+(\w+)(\??):`)
	found := map[string]map[string]bool{}
	parents := map[string]string{}
	for _, m := range head.FindAllStringSubmatch(src, -1) {
		fields := map[string]bool{}
		for _, f := range field.FindAllStringSubmatch(m[3], -1) {
			fields[f[1]] = f[2] == "?"
		}
		found[m[1]], parents[m[1]] = fields, m[2]
	}
	for name, parent := range parents {
		for p := parent; p != ""; p = parents[p] {
			for f, opt := range found[p] {
				found[name][f] = opt
			}
		}
	}
	return found
}

func TestTypeScriptDeclarationsMatchTheDocument(t *testing.T) {
	ifaces := tsInterfaces(readRepoFile(t, "web/lede.d.ts"))
	for _, typ := range documentTypes() {
		name := typ.Name()
		if typ == reflect.TypeFor[Document]() {
			name = "LedeDocument"
		}
		ts, ok := ifaces[name]
		if !assert.True(t, ok, "web/lede.d.ts declares no interface %s for Go's %s", name, typ.Name()) {
			continue
		}
		goFields := map[string]bool{}
		for _, f := range jsonFields(typ) {
			goFields[f.name] = true
			optional, ok := ts[f.name]
			if assert.True(t, ok, "web/lede.d.ts: %s has no field %q (Go's %s has)", name, f.name, typ.Name()) {
				assert.Equal(t, f.optional, optional, "web/lede.d.ts: %s.%s is optional there or in Go (omitempty), not in both", name, f.name)
			}
		}
		for f := range ts {
			assert.True(t, goFields[f], "web/lede.d.ts: %s.%s is not in Go's %s", name, f, typ.Name())
		}
	}
}

// docSections splits docs/format.md at its headings.
func docSections(src string) map[string]string {
	sections := map[string]string{}
	heading := ""
	for _, line := range strings.SplitAfter(src, "\n") {
		if strings.HasPrefix(line, "#") {
			heading = strings.TrimSpace(strings.TrimLeft(line, "#"))
			continue
		}
		sections[heading] += line
	}
	return sections
}

func TestFormatDocumentsEveryField(t *testing.T) {
	sections := docSections(readRepoFile(t, "docs/format.md"))
	// Each list of the Document has a section "`name[]`" whose table names
	// the fields of its items as `field`; a speaker's are `speaker.field`,
	// and a Mention's are the keys of the section "Mention".
	where := map[reflect.Type]struct{ section, prefix, quote string }{}
	for _, f := range jsonFields(reflect.TypeFor[Document]()) {
		section := "`" + f.name + "`"
		if f.list {
			section = "`" + f.name + "[]`"
		}
		assert.Contains(t, sections, section, "docs/format.md has no section for the document's %q", f.name)
		if f.elem != nil {
			where[f.elem] = struct{ section, prefix, quote string }{section, "", "`"}
		}
	}
	where[reflect.TypeFor[Speaker]()] = struct{ section, prefix, quote string }{"`quotes[]`", "speaker.", "`"}
	where[reflect.TypeFor[Mention]()] = struct{ section, prefix, quote string }{"Mention", "", `"`}
	// The audit's counts are objects whose keys the section names bare.
	where[reflect.TypeFor[GenderCounts]()] = struct{ section, prefix, quote string }{"`sources`", "", ""}
	where[reflect.TypeFor[SourceKinds]()] = struct{ section, prefix, quote string }{"`sources`", "", ""}
	where[reflect.TypeFor[Geo]()] = struct{ section, prefix, quote string }{"`entities[].geo`", "", "`"}
	for _, typ := range documentTypes()[1:] {
		w, ok := where[typ]
		if !assert.True(t, ok, "docs/format.md: no section is known to describe %s", typ.Name()) {
			continue
		}
		for _, f := range jsonFields(typ) {
			assert.Contains(t, sections[w.section], w.quote+w.prefix+f.name+w.quote,
				"docs/format.md, section %s, does not describe %s's field %q", w.section, typ.Name(), f.name)
		}
	}
}

// The checks can fail: a declaration file that lost a field, made one
// optional or kept one Go dropped is caught.
func TestTypeScriptInterfaceReader(t *testing.T) {
	src := "export interface A {\n  x: number;\n  y?: string;\n}\nexport interface B extends A {\n  /** doc: not a field */\n  z: boolean;\n}\n"
	assert.Equal(t, map[string]map[string]bool{
		"A": {"x": false, "y": true},
		"B": {"x": false, "y": true, "z": false},
	}, tsInterfaces(src))
}
