package cli

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFailNamesTheCommandAndTheError(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"texts", errors.New("-out is required"), "texts: -out is required\n"},
		{"assets", fmt.Errorf("copying the app: %w", errors.New("no dist")), "assets: copying the app: no dist\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			assert.Equal(t, 1, fail(&out, tt.name, tt.err))
			assert.Equal(t, tt.want, out.String())
		})
	}
}
