package annotate

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The data compiled into this build loads, and the answer is kept.
func TestCheckEmbedded(t *testing.T) {
	require.NoError(t, CheckEmbedded())
	require.NoError(t, CheckEmbedded(), "the second call answers as the first")
}

// Every way embedded data can fail to load, an error or a panic, becomes an
// error that names the data set and wraps the cause.
func TestLoadEmbeddedTurnsEveryFailureIntoAnError(t *testing.T) {
	broken := errors.New("truncated")
	cases := []struct {
		name    string
		load    func() error
		want    string
		wrapped error
	}{
		{"loads", func() error { return nil }, "", nil},
		{"returns an error", func() error { return broken }, "embedded model: truncated", broken},
		{"panics with an error", func() error { panic(broken) }, "embedded model: truncated", broken},
		{"panics with a string", func() error { panic("bad line 3") }, "embedded model: bad line 3", nil},
		{"panics with anything else", func() error { panic(42) }, "embedded model: panic while loading", nil},
	}
	for _, c := range cases {
		err := loadEmbedded("model", c.load)
		if c.want == "" {
			assert.NoError(t, err, c.name)
			continue
		}
		require.Error(t, err, c.name)
		assert.Equal(t, c.want, err.Error(), c.name)
		if c.wrapped != nil {
			assert.ErrorIs(t, err, c.wrapped, c.name)
		}
	}
}
