package geo_test

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
	"lede/annotate/geo"
)

type geoJSON struct {
	Type     string `json:"type"`
	Features []struct {
		Type     string `json:"type"`
		ID       string `json:"id"`
		Geometry struct {
			Type        string    `json:"type"`
			Coordinates []float64 `json:"coordinates"`
		} `json:"geometry"`
		Properties struct {
			Entity   string `json:"entity"`
			Name     string `json:"name"`
			GeoNames string `json:"geonames"`
			Kind     string `json:"kind"`
			Country  string `json:"country"`
			Mentions int    `json:"mentions"`
		} `json:"properties"`
	} `json:"features"`
}

// TestGeoJSON checks the export of every gold article: valid JSON, a Point
// per linked place with coordinates in range, ids that resolve to the
// document's entities and GeoNames URIs to the gazetteer.
func TestGeoJSON(t *testing.T) {
	files, err := filepath.Glob("testdata/gold/*.txt")
	require.NoError(t, err)
	for _, f := range files {
		text, _ := readGold(t, f)
		doc := annotate.Annotate(text)
		var fc geoJSON
		out := annotate.AppendGeoJSON(nil, doc)
		require.NoError(t, json.Unmarshal(out, &fc), "%s: %s", f, out)
		assert.Equal(t, "FeatureCollection", fc.Type)
		byID := map[string]*annotate.Entity{}
		linked := 0
		for i := range doc.Entities {
			byID[doc.Entities[i].ID] = &doc.Entities[i]
			if doc.Entities[i].Geo != nil {
				linked++
			}
		}
		assert.Equal(t, linked, len(fc.Features), f)
		for _, ft := range fc.Features {
			assert.Equal(t, "Feature", ft.Type)
			assert.Equal(t, "Point", ft.Geometry.Type)
			require.Len(t, ft.Geometry.Coordinates, 2)
			lon, lat := ft.Geometry.Coordinates[0], ft.Geometry.Coordinates[1]
			assert.True(t, lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, "%v", ft.Geometry.Coordinates)
			e := byID[ft.Properties.Entity]
			require.NotNil(t, e, "entity %s", ft.Properties.Entity)
			assert.Equal(t, ft.ID, e.ID)
			assert.Equal(t, e.Name, ft.Properties.Name)
			assert.Equal(t, len(e.Mentions), ft.Properties.Mentions)
			assert.Equal(t, e.Geo.Kind, ft.Properties.Kind)
			if e.Geo.GeoNames != 0 {
				id, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(ft.Properties.GeoNames, "https://sws.geonames.org/"), "/"))
				require.NoError(t, err, ft.Properties.GeoNames)
				p, ok := geo.ByID(id)
				require.True(t, ok, "GeoNames %d resolves", id)
				assert.Equal(t, e.Geo.Name, p.Name)
				assert.InDelta(t, p.Lat, lat, 1e-9)
			}
		}
	}
}

func TestGeoJSONEscapesAndRange(t *testing.T) {
	out := geo.WriteGeoJSON(nil, []geo.Feature{
		{ID: "e1", Name: "Quote \" back\\slash \x01 <b>", Lat: 10, Lon: 20, Kind: "city"},
		{ID: "e2", Name: "Nowhere", Lat: 95, Lon: 0},
	})
	var fc geoJSON
	require.NoError(t, json.Unmarshal(out, &fc), string(out))
	require.Len(t, fc.Features, 1, "out-of-range coordinates are left out")
	assert.Equal(t, "Quote \" back\\slash \x01 <b>", fc.Features[0].Properties.Name)
	assert.Equal(t, []float64{20, 10}, fc.Features[0].Geometry.Coordinates)
	var empty geoJSON
	require.NoError(t, json.Unmarshal(geo.WriteGeoJSON(nil, nil), &empty))
	assert.Empty(t, empty.Features)
}
