package geo

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	"lede/annotate/gazetteer"
	"lede/annotate/internal/lookup"
)

// The places are compiled by cmd/build-geo into one binary file, decoded on
// first use (a few hundred microseconds). Its layout, all numbers unsigned
// varints unless said otherwise:
//
//	"GEO2"
//	gazetteer the number of gazetteer.PlaceNames the table was built
//	          against, then their FNV-1a hash (4 bytes, little-endian; one
//	          name a line), which the tests check
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
//	refs      n, then n signed deltas: the positions in gazetteer.PlaceNames
//	          of the names written as 0x1E below, each from the last
//	  names     the place's name, then each alias after a 0x1F, then '\n';
//	          a name the gazetteer lists is the byte 0x1E, and the next ref
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
	// refs are the (name, place) pairs. slots is an open-addressing hash
	// table of them by name (index+1, 0 for empty) in shape's slots,
	// holding the first pair of each name; sameName chains the pairs of
	// one name.
	refs     []nameRef
	shape    lookup.Slots
	slots    []int32
	sameName []int32
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
	if !strings.HasPrefix(s, "GEO2") {
		return t
	}
	p := 4
	// Varints as encoding/binary writes them, read from the string in
	// place; running off its end panics, which decode recovers from.
	uv := func() int {
		v, shift := 0, 0
		for {
			c := s[p]
			p++
			v |= int(c&0x7f) << shift
			if c < 0x80 {
				return v
			}
			if shift += 7; shift > 35 {
				panic("geo: bad varint")
			}
		}
	}
	sv := func() int {
		u := uv()
		return u>>1 ^ -(u & 1) // zig-zag
	}
	gazNames := gazetteer.PlaceNames()
	if uv() != len(gazNames) {
		return t
	}
	p += 4 // the names' hash, for the tests
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
	gazRefs := make([]int32, uv())
	ref := 0
	for i := range gazRefs {
		ref += sv()
		gazRefs[i] = int32(ref)
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
			if name == "\x1e" {
				name, gazRefs = gazNames[gazRefs[0]], gazRefs[1:]
			}
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
	t.places, t.refs = places, refs
	t.index()
	return t
}

// index builds the hash table of names: a map of strings or a sort took
// most of the first use's time in the wasm build.
func (t *table) index() {
	t.shape = lookup.For(2 * len(t.refs))
	t.slots = make([]int32, t.shape.Len())
	t.sameName = make([]int32, len(t.refs))
	for i := range t.refs {
		t.sameName[i] = -1
		name := t.refs[i].name
		for h := t.shape.Start(uint64(hashName(name))); ; h = t.shape.Next(h) {
			j := t.slots[h] - 1
			if j < 0 {
				t.slots[h] = int32(i) + 1
				break
			}
			if t.refs[j].name == name {
				// Append to the name's chain, keeping the pairs in order.
				for t.sameName[j] >= 0 {
					j = t.sameName[j]
				}
				t.sameName[j] = int32(i)
				break
			}
		}
	}
}

// hashName is FNV-1a.
func hashName(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// first returns the index of the first pair named name, -1 for none.
func (t *table) first(name string) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	for h := t.shape.Start(uint64(hashName(name))); ; h = t.shape.Next(h) {
		j := t.slots[h] - 1
		if j < 0 || t.refs[j].name == name {
			return j
		}
	}
}

// lookup returns the indices of the places named name, appended to dst.
func (t *table) lookup(dst []int32, name string) []int32 {
	for j := t.first(name); j >= 0; j = t.sameName[j] {
		if p := t.refs[j].place; !slices.Contains(dst, p) {
			dst = append(dst, p)
		}
	}
	return dst
}

// country returns the index of the country named name, -1 for none.
func (t *table) country(name string) int32 {
	for j := t.first(name); j >= 0; j = t.sameName[j] {
		if p := t.refs[j].place; t.places[p].Kind == Country {
			return p
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
