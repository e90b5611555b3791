package topics

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAtoiReadsWhatStrconvReads(t *testing.T) {
	for _, s := range []string{"0", "7", "42", "0012", "16383", "", "x", "3a", "-1", "+2", " 5", "99999999999999999999"} {
		want, err := strconv.Atoi(s)
		if err != nil || want < 0 || s[0] == '+' {
			want = 0
		}
		assert.Equal(t, want, atoi(s), "%q", s)
	}
}
