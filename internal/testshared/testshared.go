// Package testshared finds the read-only data folder beside the repository
// (../shared: corpora, gazetteers, the seed article) for the tests of every
// package. A test that needs it skips, saying what it misses, only when the
// whole folder is absent; a file missing from a folder that is there fails
// the test, since that is a broken checkout, not a machine without the data.
package testshared

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// SeedArticle is the path of the seed article inside the shared folder.
const SeedArticle = "data/seed/blinken-beijing.txt"

// Dir returns the shared folder seen from the test's package (tests run in
// their package's folder): the folder "shared" beside the module root, the
// first folder up that holds go.mod. ok is false when it is absent.
func Dir() (dir string, ok bool) {
	up := "."
	for range 8 {
		if _, err := os.Stat(filepath.Join(up, "go.mod")); err == nil {
			dir = filepath.Join(up, "..", "shared")
			info, err := os.Stat(dir)
			return dir, err == nil && info.IsDir()
		}
		up = filepath.Join(up, "..")
	}
	return "", false
}

// Path returns the path of rel inside the shared folder, skipping t, with
// why as the reason (what the test cannot check), when the folder is absent.
func Path(t testing.TB, rel, why string) string {
	t.Helper()
	dir, ok := Dir()
	if !ok {
		t.Skip("../shared is absent: " + why)
	}
	return filepath.Join(dir, rel)
}

// ReadFile returns the file rel of the shared folder, skipping t as Path
// does when the folder is absent and failing it when the file is missing.
func ReadFile(t testing.TB, rel, why string) []byte {
	t.Helper()
	b, err := os.ReadFile(Path(t, rel, why))
	if errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("../shared has no %s: %v", rel, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Seed returns the text of the seed article, skipping t when the shared
// folder is absent.
func Seed(t testing.TB) string {
	t.Helper()
	return string(ReadFile(t, SeedArticle, "the seed article is not available"))
}
