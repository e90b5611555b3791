package annotate

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeoJSONField checks the geo field as encoding/json reads it back, and
// that it is left out when a place is not linked.
func TestGeoJSONField(t *testing.T) {
	tests := []struct {
		name string
		geo  *Geo
		want string
	}{
		{"linked", &Geo{GeoNames: 1816670, Name: "Beijing", Country: "CN", Kind: "city", Lat: 39.91, Lon: 116.4, Confidence: 0.97},
			`"geo":{"geonames":1816670,"name":"Beijing","country":"CN","kind":"city","lat":39.91,"lon":116.4,"confidence":0.97}`},
		{"a county has no id", &Geo{Name: "Cook County", Country: "US", Kind: "county", Lat: 41.8, Lon: -87.8, Confidence: 1},
			`"geo":{"name":"Cook County","country":"US","kind":"county","lat":41.8,"lon":-87.8,"confidence":1}`},
		{"not linked", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &Document{Entities: []Entity{{ID: "e1", Type: Place, Name: "X", Mentions: []Mention{}, Geo: tt.geo}}, Quotes: []Quote{}, Issues: []Issue{}}
			out := string(doc.AppendJSON(nil))
			if tt.want == "" {
				assert.NotContains(t, out, `"geo"`)
			} else {
				assert.Contains(t, out, tt.want)
			}
			var back Document
			require.NoError(t, json.Unmarshal([]byte(out), &back))
			assert.Equal(t, tt.geo, back.Entities[0].Geo)
			std, err := json.Marshal(struct{ Geo *Geo }{tt.geo})
			require.NoError(t, err)
			var a, b struct{ Geo *Geo }
			require.NoError(t, json.Unmarshal(std, &a))
			require.NoError(t, json.Unmarshal([]byte(`{"Geo":`+geoPart(out)+`}`), &b))
			assert.Equal(t, a, b, "the same as encoding/json")
		})
	}
}

// geoPart cuts the geo object out of an entity's JSON, "null" without one.
func geoPart(s string) string {
	const key = `"geo":`
	for i := 0; i+len(key) <= len(s); i++ {
		if s[i:i+len(key)] == key {
			depth := 0
			for j := i + len(key); j < len(s); j++ {
				switch s[j] {
				case '{':
					depth++
				case '}':
					depth--
					if depth == 0 {
						return s[i+len(key) : j+1]
					}
				}
			}
		}
	}
	return "null"
}

// TestPlacesLinkedInLongTexts checks that a text annotated in blocks keeps
// the links of its places.
func TestPlacesLinkedInLongTexts(t *testing.T) {
	para := "Officials in Beijing and Washington met as China and the United States talked.\n"
	text := ""
	for len(text) <= blockSize+len(para) {
		text += para
	}
	doc := Annotate(text)
	linked := map[string]int{}
	for _, e := range doc.Entities {
		if e.Type == Place && e.Geo != nil {
			linked[e.Name] = e.Geo.GeoNames
		}
	}
	assert.Equal(t, 1816670, linked["Beijing"])
	assert.Equal(t, 4140963, linked["Washington"])
	assert.Equal(t, 1814991, linked["China"])
}
