package buffers

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestResize(t *testing.T) {
	tests := []struct {
		name     string
		cap, n   int
		reusable bool
	}{
		{"nil to empty", 0, 0, true},
		{"shorter", 8, 3, true},
		{"as long", 8, 8, true},
		{"longer", 8, 9, false},
		{"nil to some", 0, 5, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			buf := make([]int, 0, tt.cap)
			got := Resize(buf, tt.n)
			assert.Len(t, got, tt.n)
			if tt.n > 0 {
				reused := tt.cap > 0 && &got[0] == &buf[:1][0]
				assert.Equal(t, tt.reusable, reused, "the same array")
			}
		})
	}
}
