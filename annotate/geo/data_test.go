package geo

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate/gazetteer"
)

// The table spells out only the names the gazetteer lacks; the rest are
// positions in gazetteer.PlaceNames, so it must have been built against the
// list the binary embeds (go generate in this folder rebuilds it).
func TestTableMatchesTheGazetteer(t *testing.T) {
	names := gazetteer.PlaceNames()
	require.True(t, strings.HasPrefix(placesBin, "GEO2"))
	count, n := binary.Uvarint([]byte(placesBin[4:]))
	require.Positive(t, n)
	h := fnv.New32a()
	for _, name := range names {
		h.Write([]byte(name + "\n"))
	}
	assert.Equal(t, uint64(len(names)), count, "gazetteer names")
	assert.Equal(t, h.Sum32(), binary.LittleEndian.Uint32([]byte(placesBin[4+n:])), "hash of the gazetteer's names: rebuild with go generate")
}

func TestDecodedNames(t *testing.T) {
	tab := loadTable()
	require.Greater(t, len(tab.places), 5000)
	for _, p := range tab.places {
		assert.NotEmpty(t, p.Name)
		assert.NotContains(t, p.Name, "\x1e")
	}
	tests := []struct {
		name    string
		kind    Kind
		country string
	}{
		{"Paris", City, "FR"},
		{"Lagos", City, "NG"},
		{"Bavaria", Region, "DE"},
		{"Kenya", Country, "KE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := false
			for _, p := range Lookup(tt.name) {
				found = found || p.Kind == tt.kind && p.Country == tt.country && p.Name == tt.name
			}
			assert.True(t, found, "%s, a %s of %s", tt.name, tt.kind, tt.country)
		})
	}
}

func TestDecodeRejectsTablesItCannotRead(t *testing.T) {
	tests := []struct{ name, data string }{
		{"empty", ""},
		{"old format", "GEO1" + placesBin[4:]},
		{"other gazetteer", "GEO2\x01" + placesBin[5:]},
		{"truncated", placesBin[:len(placesBin)/2]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Empty(t, decode(tt.data).places)
		})
	}
}
