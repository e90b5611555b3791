package decimal

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAppend(t *testing.T) {
	cases := []struct {
		x      float64
		places int
		want   string
	}{
		{0, 3, "0"},
		{1, 3, "1"},
		{0.6265043109834079, 3, "0.627"},
		{0.125, 3, "0.125"},
		{0.1, 3, "0.1"},
		{0.0004, 3, "0"},
		{-0.0004, 3, "0"},
		{-12.345, 2, "-12.35"}, // half away from zero, as math.Round
		{39.91, 4, "39.91"},
		{116.4, 4, "116.4"},
		{-99.1, 4, "-99.1"},
		{0.92, 2, "0.92"},
		{7, 0, "7"},
		{math.NaN(), 3, "0"},
		{math.Inf(1), 3, "0"},
		{2e15, 0, "0"},
		{0.5, 9, "0.5"}, // places beyond MaxPlaces are MaxPlaces
	}
	for _, c := range cases {
		assert.Equal(t, c.want, string(Append(nil, c.x, c.places)), "%v to %d places", c.x, c.places)
	}
}

// A number already rounded to its places is written as strconv writes its
// shortest form, so documents read the same as encoding/json writes them.
func TestAppendMatchesStrconvOnRoundedNumbers(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 100_000 {
		places := r.IntN(MaxPlaces + 1)
		x := math.Round((r.Float64()*2-1)*1000*pow10[places]) / pow10[places]
		want := strconv.AppendFloat(nil, x, 'f', -1, 64)
		if x == 0 {
			want = []byte("0")
		}
		if !assert.Equal(t, string(want), string(Append(nil, x, places)), "%v", x) {
			return
		}
	}
}

func TestParse(t *testing.T) {
	cases := []struct {
		s    string
		want float64
		ok   bool
	}{
		{"0.42", 0.42, true},
		{"3", 3, true},
		{"-1.5", -1.5, true},
		{"+2.", 2, true},
		{".5", 0.5, true},
		{"", 0, false},
		{"-", 0, false},
		{".", 0, false},
		{"1e3", 0, false},
		{"1.2.3", 0, false},
		{"0x10", 0, false},
		{"1234567890123456", 0, false}, // 16 digits
	}
	for _, c := range cases {
		x, ok := Parse(c.s)
		assert.Equal(t, c.ok, ok, c.s)
		assert.Equal(t, c.want, x, c.s)
	}
}

// Parse gives the correctly rounded value, as strconv.ParseFloat does.
func TestParseMatchesStrconv(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 100_000 {
		s := strconv.FormatFloat(math.Round(r.Float64()*1e6)/pow10[r.IntN(9)], 'f', -1, 64)
		want, err := strconv.ParseFloat(s, 64)
		got, ok := Parse(s)
		if len(s) > 16 {
			continue
		}
		if !assert.True(t, ok, s) || !assert.NoError(t, err) || !assert.Equal(t, want, got, s) {
			return
		}
	}
}
