package main

import (
	"os"
	"path"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	moduleScript = regexp.MustCompile(`<script type="module"[^>]* src="([^"]+)"`)
	preloadLink  = regexp.MustCompile(`<link rel="modulepreload" href="([^"]+)"`)
	// staticImport finds `import … from "./x.js"`, `import "./x.js"` and
	// `export … from "./x.js"`; import() and comments that mention a URL
	// are not static imports of the page's own modules.
	staticImport = regexp.MustCompile(`(?m)^(?:import|export)\b[^;"]*?"(\./[^"]+\.js)"`)
)

// pageModules returns what index.html loads: its module scripts, and every
// module they import, directly or not (the app's files, by path under web/).
func pageModules(t *testing.T, root string) (scripts, imported []string) {
	index, err := os.ReadFile(root + "/index.html")
	require.NoError(t, err)
	for _, m := range moduleScript.FindAllSubmatch(index, -1) {
		scripts = append(scripts, string(m[1]))
	}
	seen := map[string]bool{}
	queue := slices.Clone(scripts)
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		src, err := os.ReadFile(root + "/web/" + name)
		if !assert.NoError(t, err, "index.html loads %s", name) {
			continue
		}
		for _, m := range staticImport.FindAllSubmatch(src, -1) {
			dep := path.Clean(path.Join(path.Dir(name), string(m[1])))
			if !seen[dep] {
				seen[dep] = true
				imported = append(imported, dep)
				queue = append(queue, dep)
			}
		}
	}
	return scripts, imported
}

// Every module the page imports is preloaded, so the browser fetches them
// all at once instead of one level of imports at a time, unless index.html
// loads it with a script tag of its own; and every preload is a module the
// page loads.
func TestIndexHTMLPreloadsEveryModule(t *testing.T) {
	index, err := os.ReadFile("../../index.html")
	require.NoError(t, err)
	var preloads []string
	for _, m := range preloadLink.FindAllSubmatch(index, -1) {
		preloads = append(preloads, string(m[1]))
	}
	scripts, imported := pageModules(t, "../..")
	require.NotEmpty(t, imported)
	for _, m := range imported {
		if !slices.Contains(scripts, m) {
			assert.Contains(t, preloads, m, "index.html imports %s but does not preload it", m)
		}
	}
	for _, p := range preloads {
		assert.True(t, slices.Contains(imported, p) || slices.Contains(scripts, p), "index.html preloads %s, which the page does not load", p)
	}
}

func TestStaticImportsAreFound(t *testing.T) {
	src := `// import { x } from "./comment.js";
import { a, b } from "./a.js";
import "./side.js";
export { c } from "./c.js";
import {
  d,
} from "./d.js";
const later = import("./dynamic.js");
import { remote } from "https://x.example/r.js";
`
	var got []string
	for _, m := range staticImport.FindAllStringSubmatch(src, -1) {
		got = append(got, m[1])
	}
	assert.Equal(t, []string{"./a.js", "./side.js", "./c.js", "./d.js"}, got)
}
