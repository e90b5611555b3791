package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const swSource = `const VERSION = "__LEDE_BUILD_VERSION__";
const PRECACHE = ["__LEDE_PRECACHE__"];`

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
}

func TestCollectSourcesTakesEveryWebFile(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"index.html":             "<p>x</p>",
		"web/app.js":             "let a = 1;",
		"web/examples/demo.html": "<p>demo</p>",
		"web/.DS_Store":          "junk",
		"cmd/build-web/main.go":  "package main",
	})
	assets, err := collectSources(root)
	require.NoError(t, err)
	var paths []string
	for _, a := range assets {
		paths = append(paths, a.path)
	}
	assert.Equal(t, []string{"app.js", "examples/demo.html", "index.html"}, paths)
}

func TestMinifyAllByType(t *testing.T) {
	tests := []struct {
		path, in, want string
	}{
		{"app.js", "const   answer = 40 + 2;\n// note\nexport { answer };\n", "const answer=40+2;export{answer}"},
		{"style.css", "body {\n  color : #ff0000 ;\n}\n", "body{color:red}"},
		{"manifest.webmanifest", "{\n  \"name\" : \"Lede\"\n}\n", `{"name":"Lede"}`},
		{"icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect width=\"10\" height=\"10\"/>\n</svg>\n", `<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>`},
		{"index.html", "<!doctype html>\n<html>\n  <body>\n    <p>Hi   there</p>\n  </body>\n</html>\n", "<p>Hi there</p>"},
		{"lede.d.ts", "export   type X = 1;\n", "export   type X = 1;\n"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			a := &asset{path: tt.path, data: []byte(tt.in)}
			require.NoError(t, minifyAll([]*asset{a}))
			assert.Contains(t, string(a.data), tt.want)
			assert.Equal(t, len(tt.in), a.source)
		})
	}
}

func TestStampServiceWorkerVersionsByContent(t *testing.T) {
	stamp := func(app string) string {
		assets := []*asset{
			{path: "index.html", data: []byte("<p>")},
			{path: "app.js", data: []byte(app)},
			{path: "examples/demo.html", data: []byte("demo")},
			{path: serviceWorker, data: []byte(swSource)},
		}
		require.NoError(t, stampServiceWorker(assets))
		return string(assets[3].data)
	}
	first := stamp("let a = 1")
	assert.Regexp(t, `VERSION = "lede-[0-9a-f]{12}"`, first)
	assert.Contains(t, first, `PRECACHE = ["./","./app.js"]`, "the page, not the examples")
	assert.Equal(t, first, stamp("let a = 1"), "the same content gives the same version")
	assert.NotEqual(t, first, stamp("let a = 2"), "any change gives a new version")
}

func TestStampServiceWorkerNeedsItsPlaceholders(t *testing.T) {
	err := stampServiceWorker([]*asset{{path: serviceWorker, data: []byte("const VERSION = 1;")}})
	assert.ErrorContains(t, err, "placeholder")
}

func TestCompressedCopiesRoundTrip(t *testing.T) {
	data := bytes.Repeat([]byte("Lede annotates news. "), 200)
	gz, err := gzipBytes(data)
	require.NoError(t, err)
	r, err := gzip.NewReader(bytes.NewReader(gz))
	require.NoError(t, err)
	back, err := io.ReadAll(r)
	require.NoError(t, err)
	assert.Equal(t, data, back)

	br, err := brotliBytes(data)
	require.NoError(t, err)
	back, err = io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
	require.NoError(t, err)
	assert.Equal(t, data, back)
	assert.Less(t, len(br), len(data)/10)
}

func TestWriteDistReplacesTheFolder(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "dist")
	writeFiles(t, root, map[string]string{"dist/stale.js": "old"})
	assets := []*asset{{path: "index.html", data: []byte("<p>")}, {path: "examples/a.html", data: []byte("<p>a")}}
	require.NoError(t, writeDist(root, out, assets))
	for _, name := range []string{"index.html", "index.html.gz", "index.html.br", "examples/a.html.br"} {
		assert.FileExists(t, filepath.Join(out, name))
	}
	assert.NoFileExists(t, filepath.Join(out, "stale.js"))
	entries, err := os.ReadDir(root)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary folder is left behind")
}

func TestWriteDistRefusesTheSources(t *testing.T) {
	root := t.TempDir()
	for _, out := range []string{root, filepath.Dir(root), "/"} {
		assert.Error(t, writeDist(root, out, nil), out)
	}
}

func TestPrintSizesHasATotal(t *testing.T) {
	assets := []*asset{
		{path: "a.js", source: 2000, data: make([]byte, 1000), gzip: make([]byte, 500), brotli: make([]byte, 400)},
		{path: "b.css", source: 3000, data: make([]byte, 2000), gzip: make([]byte, 700), brotli: make([]byte, 600)},
	}
	var out strings.Builder
	printSizes(&out, assets)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 4)
	assert.Equal(t, []string{"total", "5.0", "kB", "3.0", "kB", "1.2", "kB", "1.0", "kB"}, strings.Fields(lines[3]))
}

func TestCompressionIsCachedByContent(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	tests := []struct {
		name      string
		size      int
		wantCalls int
	}{
		{name: "large inputs are compressed once", size: cacheMinSize, wantCalls: 1},
		{name: "small inputs are always compressed", size: cacheMinSize - 1, wantCalls: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := bytes.Repeat([]byte{byte(tt.size)}, tt.size)
			calls := 0
			compress := func() ([]byte, error) {
				calls++
				return []byte("packed"), nil
			}
			for range 2 {
				out, err := cached("br", data, compress)
				require.NoError(t, err)
				assert.Equal(t, "packed", string(out))
			}
			assert.Equal(t, tt.wantCalls, calls)
		})
	}
}
