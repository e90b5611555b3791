package geo

import (
	"strconv"

	"lede/annotate/internal/decimal"
)

// Feature is what a GeoJSON export says of one linked place entity.
type Feature struct {
	// ID and Name are the entity's id and name in the document.
	ID, Name string
	// Mentions is how many times the article names it.
	Mentions int
	// GeoNames is the record's id, 0 for none; Place, its name there.
	GeoNames int
	Place    string
	Country  string
	Kind     string
	Lat, Lon float64
}

// URI returns the GeoNames URI of a record id, "" for 0.
func URI(id int) string {
	if id <= 0 {
		return ""
	}
	return "https://sws.geonames.org/" + strconv.Itoa(id) + "/"
}

// WriteGeoJSON appends to dst a GeoJSON FeatureCollection (RFC 7946) of one
// Point feature per place, [longitude, latitude], with the entity's id,
// name, GeoNames URI, kind, country and mention count as properties.
// Features outside the valid range of coordinates are left out.
func WriteGeoJSON(dst []byte, features []Feature) []byte {
	dst = append(dst, `{"type":"FeatureCollection","features":[`...)
	n := 0
	for _, f := range features {
		if !(f.Lat >= -90 && f.Lat <= 90 && f.Lon >= -180 && f.Lon <= 180) {
			continue
		}
		if n > 0 {
			dst = append(dst, ',')
		}
		n++
		dst = append(dst, `{"type":"Feature","id":`...)
		dst = appendString(dst, f.ID)
		dst = append(dst, `,"geometry":{"type":"Point","coordinates":[`...)
		dst = appendCoord(dst, f.Lon)
		dst = append(dst, ',')
		dst = appendCoord(dst, f.Lat)
		dst = append(dst, `]},"properties":{"entity":`...)
		dst = appendString(dst, f.ID)
		dst = append(dst, `,"name":`...)
		dst = appendString(dst, f.Name)
		if uri := URI(f.GeoNames); uri != "" {
			dst = append(dst, `,"geonames":`...)
			dst = appendString(dst, uri)
		}
		dst = append(dst, `,"gazetteerName":`...)
		dst = appendString(dst, f.Place)
		dst = append(dst, `,"kind":`...)
		dst = appendString(dst, f.Kind)
		dst = append(dst, `,"country":`...)
		dst = appendString(dst, f.Country)
		dst = append(dst, `,"mentions":`...)
		dst = strconv.AppendInt(dst, int64(f.Mentions), 10)
		dst = append(dst, "}}"...)
	}
	return append(dst, "]}\n"...)
}

// appendString appends s as a JSON string. s is valid UTF-8 (the pipeline
// repairs its input); quotes, backslashes and control characters are
// escaped. It and appendCoord are not inlined: WriteGeoJSON calls them eight
// times a feature, and inlined they made it 14 KB of wasm code.
//
//go:noinline
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// appendCoord writes a coordinate to a ten-thousandth of a degree.
//
//go:noinline
func appendCoord(b []byte, x float64) []byte { return decimal.Append(b, x, 4) }
