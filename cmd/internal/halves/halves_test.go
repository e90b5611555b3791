package halves

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAlternateSplitsByIndex(t *testing.T) {
	tests := []struct {
		items     []string
		even, odd []string
	}{
		{nil, nil, nil},
		{[]string{"a"}, []string{"a"}, nil},
		{[]string{"a", "b"}, []string{"a"}, []string{"b"}},
		{[]string{"a", "b", "c", "d", "e"}, []string{"a", "c", "e"}, []string{"b", "d"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(len(tt.items)), func(t *testing.T) {
			even, odd := Alternate(tt.items)
			assert.Equal(t, tt.even, even)
			assert.Equal(t, tt.odd, odd)
		})
	}
}
