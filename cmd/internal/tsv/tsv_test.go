package tsv

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.tsv")
	assert.NoError(t, os.WriteFile(path, []byte("# a comment\ncode\tname\n\nUS\tUnited States\n# another\nFR\tFrance\n"), 0o644))
	assert.Equal(t, [][]string{{"US", "United States"}, {"FR", "France"}}, Rows(path, true))
	assert.Equal(t, [][]string{{"code", "name"}, {"US", "United States"}, {"FR", "France"}}, Rows(path, false))
}
