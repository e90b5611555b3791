//go:build browser

package e2e

import (
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// downloadBudget is the most the app may weigh with brotli (1,200,000 B): the page,
// its scripts and styles, and the wasm with its embedded models.
const downloadBudget = 1_200_000

// distDir is the built app (make dist, which make test-browser runs first).
const distDir = "../dist"

// downloadedKinds are the extensions of what a visitor's browser fetches to
// use the app; examples/ (the embedding demo) is not part of the app.
var downloadedKinds = map[string]bool{".js": true, ".mjs": true, ".css": true, ".wasm": true}

// distAsset is one downloaded asset's size, raw and as its .br copy.
type distAsset struct {
	Path        string `json:"path"`
	RawBytes    int64  `json:"rawBytes"`
	BrotliBytes int64  `json:"brotliBytes"`
}

// distTotal is what scripts/bench.sh reads from LEDE_BENCH_OUT/dist.json.
type distTotal struct {
	RawBytes    int64       `json:"rawBytes"`
	BrotliBytes int64       `json:"brotliBytes"`
	Assets      []distAsset `json:"assets"`
}

func TestDownloadFitsTheBrotliBudget(t *testing.T) {
	total, err := measureDist(distDir)
	require.NoError(t, err, "run make dist first")
	require.NotEmpty(t, total.Assets, "dist holds no assets")
	for _, a := range total.Assets {
		t.Logf("%-28s %9d B raw %9d B brotli", a.Path, a.RawBytes, a.BrotliBytes)
	}
	t.Logf("%-28s %9d B raw %9d B brotli (budget %d B)", "total", total.RawBytes, total.BrotliBytes, downloadBudget)
	writeBenchResult(t, "dist.json", total)
	assert.LessOrEqual(t, total.BrotliBytes, int64(downloadBudget), "the app's brotli total is over budget")
}

// measureDist sums the .br copies the build writes beside each downloaded
// asset: exactly the bytes a server sends a browser that accepts brotli.
func measureDist(dir string) (distTotal, error) {
	var total distTotal
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		if d.IsDir() {
			if rel == "examples" {
				return filepath.SkipDir
			}
			return nil
		}
		if rel != "index.html" && !downloadedKinds[path.Ext(rel)] {
			return nil
		}
		raw, err := d.Info()
		if err != nil {
			return err
		}
		br, err := os.Stat(p + ".br")
		if err != nil {
			return err
		}
		total.Assets = append(total.Assets, distAsset{Path: rel, RawBytes: raw.Size(), BrotliBytes: br.Size()})
		total.RawBytes += raw.Size()
		total.BrotliBytes += br.Size()
		return nil
	})
	return total, err
}

// writeBenchResult saves v as JSON in the folder named by LEDE_BENCH_OUT,
// where scripts/bench.sh collects every measurement for its table.
func writeBenchResult(t *testing.T, name string, v any) {
	t.Helper()
	dir := os.Getenv("LEDE_BENCH_OUT")
	if dir == "" {
		return
	}
	b, err := json.MarshalIndent(v, "", " ")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
}
