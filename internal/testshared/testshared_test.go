package testshared

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDirIsBesideTheModuleRoot(t *testing.T) {
	dir, ok := Dir()
	require.NotEmpty(t, dir, "the module root is found from a package folder")
	assert.Equal(t, filepath.Join("..", "..", "..", "shared"), dir)
	_, err := os.Stat(dir)
	assert.Equal(t, err == nil, ok, "ok says whether the folder is there")
}

func TestSeedIsTheSeedArticle(t *testing.T) {
	seed := Seed(t)
	assert.NotEmpty(t, seed)
	b, err := os.ReadFile(Path(t, SeedArticle, "no seed"))
	require.NoError(t, err)
	assert.Equal(t, string(b), seed)
}
