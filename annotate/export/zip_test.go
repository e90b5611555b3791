package export

import (
	"hash/crc32"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCRC32IEEEIsHashCRC32s(t *testing.T) {
	for _, s := range []string{"", "a", "The mayor said the budget was late.", strings.Repeat("ünïcödé\x00\xff", 300)} {
		assert.Equal(t, crc32.ChecksumIEEE([]byte(s)), crc32IEEE([]byte(s)), "%.20q", s)
	}
}
