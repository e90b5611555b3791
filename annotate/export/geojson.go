package export

import (
	"io"

	"lede/annotate"
)

// GeoJSON: the article's linked places (the entities with a geo record) as
// a FeatureCollection of Point features, for a map or a GIS. The writer is
// package geo's (annotate.AppendGeoJSON); it carries no text offsets.

var geoJSONFormat = Format{
	Name:      "geojson",
	Label:     "Places GeoJSON",
	MediaType: "application/geo+json",
	Ext:       "geojson",
	Unit:      annotate.CodePoints,
	FixedUnit: true,
	write:     writeGeoJSON,
}

func writeGeoJSON(w io.Writer, in *Input) error {
	b := annotate.AppendGeoJSON(nil, in.Doc)
	in.progress(1, 1) // written in one go: places are few
	_, err := w.Write(append(b, '\n'))
	return err
}
