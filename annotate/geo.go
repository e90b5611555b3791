package annotate

import (
	"math"

	"lede/annotate/geo"
)

// Places: links each place entity to its GeoNames record through package
// geo, which weighs a place's namesakes by what the article says (see
// annotate/geo/link.go). It runs once per document on its entities, not
// on its tokens: a few allocations per document.

var geoEntityTypes = [...]geo.EntityType{Person: geo.Person, Place: geo.PlaceEntity, Organization: geo.Organization}

// linkPlaces returns the Geo of each of a.entities (nil for entities that
// are no place or that the article does not let Lede decide), or nil when
// no entity is linked.
func linkPlaces(a *analysis) []*Geo {
	if len(a.entities) == 0 {
		return nil
	}
	hasPlace := false
	total := 0
	for _, e := range a.entities {
		hasPlace = hasPlace || e.typ == Place
		total += len(e.mentions)
	}
	if !hasPlace {
		return nil
	}
	ents := make([]geo.Entity, len(a.entities))
	spans := make([][2]int, total)
	for i, e := range a.entities {
		ms := spans[:len(e.mentions):len(e.mentions)]
		spans = spans[len(e.mentions):]
		for j, n := range e.mentions {
			ms[j] = [2]int{n.Start, n.End}
		}
		t := geo.EntityType(0)
		if int(e.typ) < len(geoEntityTypes) {
			t = geoEntityTypes[e.typ]
		}
		ents[i] = geo.Entity{Type: t, Name: e.name, Role: e.role, Mentions: ms}
	}
	links := make([]*geo.Link, len(ents))
	// The capitalised words that may be demonyms: the tokens find them
	// faster than package geo would by scanning the text, and nearly all
	// English demonyms end in one of a few letters (Georgian, Georgians,
	// Chinese, Israeli, British, Greek, Filipino, Kosovar, Kuwait).
	const endings = 1<<('s'-'a') | 1<<('n'-'a') | 1<<('e'-'a') | 1<<('r'-'a') | 1<<('i'-'a') | 1<<('h'-'a') | 1<<('t'-'a') | 1<<('k'-'a') | 1<<('o'-'a')
	words := func(yield func(start, end int) bool) {
		for _, t := range a.tokens {
			if t.Kind != Word || t.End-t.Start < 4 || a.text[t.Start]-'A' >= 26 {
				continue
			}
			if last := a.text[t.End-1] - 'a'; last < 26 && endings&(1<<last) != 0 && !yield(t.Start, t.End) {
				return
			}
		}
	}
	geo.LinkPlacesWords(a.text, words, ents, links)
	n := 0
	for _, l := range links {
		if l != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	geos := make([]Geo, 0, n)
	out := make([]*Geo, len(links))
	for i, l := range links {
		if l == nil {
			continue
		}
		geos = append(geos, Geo{GeoNames: l.ID, Name: l.Name, Country: l.Country, Kind: l.Kind.String(),
			Lat: l.Lat, Lon: l.Lon, Confidence: math.Round(l.Confidence*100) / 100})
		out[i] = &geos[len(geos)-1]
	}
	return out
}

// AppendGeoJSON appends the GeoJSON FeatureCollection of the document's
// linked places (see geo.WriteGeoJSON): the export format "geojson".
func AppendGeoJSON(b []byte, doc *Document) []byte {
	var features []geo.Feature
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if g := e.Geo; g != nil {
			features = append(features, geo.Feature{ID: e.ID, Name: e.Name, Mentions: len(e.Mentions),
				GeoNames: g.GeoNames, Place: g.Name, Country: g.Country, Kind: g.Kind, Lat: g.Lat, Lon: g.Lon})
		}
	}
	return geo.WriteGeoJSON(b, features)
}
