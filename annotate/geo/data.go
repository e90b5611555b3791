package geo

import (
	_ "embed"
	"encoding/binary"
	"slices"
	"strings"
	"sync"
)

// The places are compiled by cmd/build-geo into one binary file, decoded on
// first use (a few hundred microseconds). Its layout, all numbers unsigned
// varints unless said otherwise:
//
//	"GEO1"
//	countries: n, then n ISO 3166 alpha-2 codes of 2 bytes
//	places: n, then columns of n values each:
//	  kind      1 byte: Kind in the low bits, 0x80 if it has coordinates,
//	            0x40 if it is a country's capital
//	  country   1 byte, an index into the codes
//	  id        the GeoNames id, as a delta from the last place's of the same
//	            kind (places are sorted by kind, then id); 0 for none
//	  region    signed: the index of the place's first-level division (-1
//	            for none), as a delta from the last place's
//	  pop       1 byte, 2·log2(population)
//	  lat, lon  signed, for the places with coordinates only: a delta from
//	            the last place's of the same kind, in hundredths of a degree
//	            for cities, tenths for the rest; all latitudes, then all
//	            longitudes
//	  names     the place's name, then each alias after a 0x1F, then '\n'
//
//go:generate go run ../../cmd/build-geo -shared ../../../shared -out data/places.bin -land ../../web/map-land.js
//go:embed data/places.bin
var placesBin string

// Kind is the kind of a place.
type Kind uint8

const (
	Country Kind = iota
	Region
	County
	City
)

var kindNames = [...]string{Country: "country", Region: "region", County: "county", City: "city"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "feature"
}

// Place is a gazetteer record.
type Place struct {
	// ID is the GeoNames id; 0 for a county, whose id the data lacks.
	ID      int
	Name    string
	Country string // ISO 3166 alpha-2
	Kind    Kind
	// Capital marks a country's capital city.
	Capital bool
	// HasCoord tells whether Lat and Lon are known, in degrees.
	HasCoord bool
	Lat, Lon float64
	// Region is the index of the place's first-level division in the table,
	// -1 for none.
	Region int32
	// pop is 2·log2 of the population (for divisions, of their cities').
	pop     uint8
	country uint8
}

type table struct {
	codes  []string
	places []Place
	// byName lists (name, place) pairs sorted by name.
	byName []nameRef
}

type nameRef struct {
	name  string
	place int32
}

var loadTable = sync.OnceValue(func() *table { return decode(placesBin) })

// decode reads the embedded table; data it cannot read gives an empty table.
func decode(s string) (t *table) {
	t = &table{}
	defer func() {
		if recover() != nil {
			t = &table{}
		}
	}()
	if !strings.HasPrefix(s, "GEO1") {
		return t
	}
	p := 4
	uv := func() int {
		v, n := binary.Uvarint([]byte(s[p:min(len(s), p+10)]))
		if n <= 0 {
			panic("geo: bad varint")
		}
		p += n
		return int(v)
	}
	sv := func() int {
		v, n := binary.Varint([]byte(s[p:min(len(s), p+10)]))
		if n <= 0 {
			panic("geo: bad varint")
		}
		p += n
		return int(v)
	}
	nc := uv()
	t.codes = make([]string, nc)
	for i := range t.codes {
		t.codes[i] = s[p : p+2]
		p += 2
	}
	n := uv()
	places := make([]Place, n)
	kinds, countries := s[p:p+n], s[p+n:p+2*n]
	p += 2 * n
	id, lastKind := 0, Kind(255)
	for i := range places {
		pl := &places[i]
		k := kinds[i]
		pl.Kind, pl.HasCoord, pl.Capital = Kind(k&0x3f), k&0x80 != 0, k&0x40 != 0
		pl.country = countries[i]
		pl.Country = t.codes[pl.country]
		if pl.Kind != lastKind {
			id, lastKind = 0, pl.Kind
		}
		id += uv()
		pl.ID = id
	}
	region := 0
	for i := range places {
		region += sv()
		places[i].Region = int32(region)
	}
	for i := range places {
		places[i].pop = s[p+i]
	}
	p += n
	for _, lon := range []bool{false, true} {
		var prev [4]int
		for i := range places {
			pl := &places[i]
			if !pl.HasCoord {
				continue
			}
			k := pl.Kind & 3
			prev[k] += sv()
			v := float64(prev[k]) / 10
			if pl.Kind == City {
				v = float64(prev[k]) / 100
			}
			if lon {
				pl.Lon = v
			} else {
				pl.Lat = v
			}
		}
	}
	names := s[p:]
	refs := make([]nameRef, 0, n+n/4)
	for i := range places {
		line, rest, _ := strings.Cut(names, "\n")
		names = rest
		first := true
		for line != "" || first {
			name, more, _ := strings.Cut(line, "\x1f")
			line = more
			if first {
				places[i].Name = name
				first = false
			}
			refs = append(refs, nameRef{name, int32(i)})
			if more == "" {
				break
			}
		}
	}
	slices.SortFunc(refs, func(a, b nameRef) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return int(a.place - b.place)
	})
	t.places, t.byName = places, refs
	return t
}

// named returns the (name, place) pairs of name: a part of t.byName, so
// looking up allocates nothing.
func (t *table) named(name string) []nameRef {
	i, _ := slices.BinarySearchFunc(t.byName, name, func(r nameRef, name string) int { return strings.Compare(r.name, name) })
	j := i
	for j < len(t.byName) && t.byName[j].name == name {
		j++
	}
	return t.byName[i:j]
}

// lookup returns the indices of the places named name, appended to dst.
func (t *table) lookup(dst []int32, name string) []int32 {
	for _, r := range t.named(name) {
		if !slices.Contains(dst, r.place) {
			dst = append(dst, r.place)
		}
	}
	return dst
}

// country returns the index of the country named name, -1 for none.
func (t *table) country(name string) int32 {
	for _, r := range t.named(name) {
		if t.places[r.place].Kind == Country {
			return r.place
		}
	}
	return -1
}

// Lookup returns the places named name (or with name as an alias), largest
// first.
func Lookup(name string) []Place {
	t := loadTable()
	var out []Place
	for _, i := range t.lookup(nil, name) {
		out = append(out, t.places[i])
	}
	slices.SortStableFunc(out, func(a, b Place) int { return int(b.pop) - int(a.pop) })
	return out
}

// ByID returns the place with GeoNames id id.
func ByID(id int) (Place, bool) {
	if id == 0 {
		return Place{}, false
	}
	for _, p := range loadTable().places {
		if p.ID == id {
			return p, true
		}
	}
	return Place{}, false
}
