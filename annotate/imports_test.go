package annotate

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The import rules of docs/architecture.md, checked on the non-test files:
// which of Lede's packages each package may import, and that the pipeline's
// packages stay free of what the wasm build should not carry.
func TestPackagesImportWhatTheArchitectureAllows(t *testing.T) {
	pipeline := []string{"fmt", "reflect", "os", "log", "net", "net/http", "encoding/json"}
	rules := []struct {
		dir       string
		lede      []string // the lede/... packages it may import
		forbidden []string // standard packages it may not
	}{
		{".", []string{"lede/annotate/gazetteer", "lede/annotate/geo", "lede/annotate/ner", "lede/annotate/topics", "lede/annotate/internal/swar", "lede/annotate/internal/buffers", "lede/annotate/internal/decimal", "lede/annotate/internal/lookup"}, pipeline},
		{"ner", []string{"lede/annotate/gazetteer", "lede/annotate/internal/buffers", "lede/annotate/internal/lookup"}, pipeline},
		{"topics", []string{"lede/annotate/internal/swar", "lede/annotate/internal/decimal", "lede/annotate/internal/lookup"}, pipeline},
		{"gazetteer", []string{"lede/annotate/internal/lookup", "lede/annotate/internal/swar"}, pipeline},
		{"geo", []string{"lede/annotate/gazetteer", "lede/annotate/internal/swar", "lede/annotate/internal/decimal", "lede/annotate/internal/lookup"}, pipeline},
		{"internal/decimal", nil, pipeline},
		{"internal/swar", nil, pipeline},
		{"internal/buffers", nil, pipeline},
		{"internal/lookup", nil, pipeline},
		{"export", []string{"lede/annotate", "lede/annotate/geo"}, pipeline},
		{"../server", []string{"lede/annotate", "lede/annotate/export"}, nil},
	}
	for _, r := range rules {
		files, err := filepath.Glob(filepath.Join(r.dir, "*.go"))
		require.NoError(t, err)
		require.NotEmpty(t, files, r.dir)
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			require.NoError(t, err)
			f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
			require.NoError(t, err)
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if strings.HasPrefix(path, "lede/") {
					assert.Contains(t, r.lede, path, "%s imports %s", name, path)
				}
				assert.False(t, slices.Contains(r.forbidden, path), "%s imports %s", name, path)
			}
		}
	}
}

// internal/testshared links package testing: only tests may import it.
func TestOnlyTestsImportTestshared(t *testing.T) {
	err := filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata") && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			assert.NotEqual(t, `"lede/internal/testshared"`, imp.Path.Value, "%s imports testshared", path)
		}
		return nil
	})
	require.NoError(t, err)
}
