// Command build-geo compiles the places that package annotate/geo links
// place names to, and the world outline that web/map.js draws, from the
// GeoNames and Natural Earth files in ../shared/data/gazetteers:
//
//	go run ./cmd/build-geo -shared ../shared
//
// It writes annotate/geo/data/places.bin (see annotate/geo/data.go for the
// format) and web/map-land.js. Its output depends only on its input: rows
// are sorted before they are written, and no map is iterated unsorted.
//
// What is kept, to stay within the download budget: every country (from
// countryInfo.txt, named as the gazetteer names it), every first-level
// division (admin1CodesASCII.txt, with its GeoNames id), the second-level
// divisions (geonames_admin2.tsv, which carries no id) that hold a city of
// cities15000.txt, and the cities of at least -min-city-population people,
// plus the smaller ones that share a name with a kept place (Paris, Texas;
// Lagos, Portugal), which the article's context can then pick.
package main

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"lede/annotate/gazetteer"
	"lede/cmd/internal/tsv"
)

// Kinds, as annotate/geo numbers them.
const (
	kindCountry = iota
	kindRegion
	kindCounty
	kindCity
)

type place struct {
	id       int
	kind     int
	name     string
	alias    []string
	country  string // ISO 3166 alpha-2
	admin1   string // "US.TX" for a city or county
	lat, lon float64
	hasCoord bool
	capital  bool
	pop      int
}

func main() {
	shared := flag.String("shared", "../shared", "the shared data folder")
	out := flag.String("out", "annotate/geo/data/places.bin", "the compiled places")
	land := flag.String("land", "web/map-land.js", "the world outline for web/map.js")
	minPop := flag.Int("min-city-population", 150000, "smallest city kept unless its name is shared")
	minHomonym := flag.Int("min-homonym-population", 15000, "smallest city kept when it shares a kept place's name")
	minRegionPop := flag.Int("min-region-population", 200000, "fewest people in the cities of a first-level division kept")
	flag.Parse()
	log.SetFlags(0)
	dir := filepath.Join(*shared, "data", "gazetteers")

	places := compile(dir, *minPop, *minHomonym, *minRegionPop)
	statsHook(places)
	data := encode(places)
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d places, %d bytes", *out, len(places), len(data))
	outline := compileLand(filepath.Join(dir, "naturalearth", "ne_110m_land.json"))
	if err := os.WriteFile(*land, []byte(outline), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d bytes", *land, len(outline))
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func atof(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		log.Fatalf("bad number %q", s)
	}
	return f
}

func compile(dir string, minPop, minHomonym, minRegionPop int) []*place {
	var places []*place
	// Countries, named as the gazetteer names them so that an entity's
	// canonical name finds its record.
	countries := map[string]*place{}
	for _, r := range tsv.Rows(filepath.Join(dir, "geonames", "countryInfo.txt"), false) {
		if len(r) < 17 || atoi(r[16]) == 0 {
			continue
		}
		name := r[4]
		if canon, ok := gazetteer.Country(name); ok {
			name = canon
		}
		p := &place{id: atoi(r[16]), kind: kindCountry, name: name, country: r[0], pop: atoi(r[7])}
		if name != r[4] {
			p.alias = append(p.alias, r[4])
		}
		countries[r[0]] = p
		places = append(places, p)
	}
	admin1 := map[string]*place{}
	for _, r := range tsv.Rows(filepath.Join(dir, "geonames", "admin1CodesASCII.txt"), false) {
		cc, _, _ := strings.Cut(r[0], ".")
		p := &place{id: atoi(r[3]), kind: kindRegion, name: r[1], country: cc, admin1: r[0]}
		if r[2] != r[1] {
			p.alias = append(p.alias, r[2])
		}
		admin1[r[0]] = p
		places = append(places, p)
	}
	// The first-level divisions that hold too few people to make the news
	// are dropped once the cities are counted, below.
	admin2 := map[string]*place{}
	for _, r := range tsv.Rows(filepath.Join(dir, "geonames", "geonames_admin2.tsv"), true) {
		parts := strings.Split(r[0], ".")
		if len(parts) != 3 {
			continue
		}
		admin2[r[0]] = &place{kind: kindCounty, name: r[1], country: parts[0], admin1: parts[0] + "." + parts[1]}
	}
	type sum struct {
		lat, lon float64
		n, pop   int
	}
	sums := map[*place]*sum{}
	add := func(p *place, lat, lon float64, pop int) {
		if p == nil {
			return
		}
		s := sums[p]
		if s == nil {
			s = &sum{}
			sums[p] = s
		}
		s.lat, s.lon, s.n, s.pop = s.lat+lat, s.lon+lon, s.n+1, s.pop+pop
	}
	var cities []*place
	for _, r := range tsv.Rows(filepath.Join(dir, "geonames", "cities15000.txt"), false) {
		if r[7] == "PPLX" || r[7] == "PPLH" || r[7] == "PPLQ" {
			continue // a part of a city, a historical or abandoned place
		}
		c := &place{id: atoi(r[0]), kind: kindCity, name: r[1], country: r[8], admin1: r[8] + "." + r[10],
			lat: atof(r[4]), lon: atof(r[5]), hasCoord: true, pop: atoi(r[14])}
		if r[2] != r[1] {
			c.alias = append(c.alias, r[2])
		}
		if r[7] == "PPLC" {
			c.pop = max(c.pop, 1) // capitals are never dropped below
			c.capital = true
		}
		cities = append(cities, c)
		add(admin1[c.admin1], c.lat, c.lon, c.pop)
		add(admin2[c.admin1+"."+r[11]], c.lat, c.lon, c.pop)
		if r[7] == "PPLC" {
			if co := countries[c.country]; co != nil && !co.hasCoord {
				co.lat, co.lon, co.hasCoord = c.lat, c.lon, true
			}
		}
	}
	for p, s := range sums {
		p.lat, p.lon, p.hasCoord = s.lat/float64(s.n), s.lon/float64(s.n), true
		if p.kind != kindCountry {
			p.pop = s.pop
		}
	}
	for _, c := range countryCentroids(filepath.Join(dir, "naturalearth", "ne_110m_admin_0_countries.json")) {
		if p := countries[c.iso]; p != nil {
			p.lat, p.lon, p.hasCoord = c.lat, c.lon, true
		}
	}
	places = slices.DeleteFunc(places, func(p *place) bool {
		s := sums[p]
		return p.kind == kindRegion && (s == nil || s.pop < minRegionPop)
	})
	for _, p := range admin2 {
		if s := sums[p]; s != nil && keepCounty(p, s.pop) {
			places = append(places, p)
		}
	}
	// Cities: the big ones, and the smaller ones named like a kept place.
	// A name is worth its homonyms when it names a country, a first-level
	// division or a city of a million people.
	kept := map[string]bool{}
	for _, p := range places {
		if p.kind == kindCountry || p.kind == kindRegion {
			kept[p.name] = true
		}
	}
	for _, c := range cities {
		if c.pop >= 1000000 {
			kept[c.name] = true
		}
	}
	for _, c := range cities {
		if c.pop >= minPop || c.capital || kept[c.name] && c.pop >= minHomonym {
			places = append(places, c)
		}
	}
	return places
}

// keepCounty keeps the counties that news names: those of the United States
// and the United Kingdom whose cities hold at least 50,000 people.
func keepCounty(p *place, pop int) bool {
	switch p.country {
	case "US":
		return pop >= 50000 && (strings.HasSuffix(p.name, " County") || strings.HasSuffix(p.name, " Parish"))
	case "GB", "IE":
		return pop >= 50000
	}
	return false
}

type centroid struct {
	iso      string
	lat, lon float64
}

// countryCentroids returns the centroid of each country's largest polygon
// (mainland France, the contiguous United States).
func countryCentroids(path string) []centroid {
	fc := readFeatures(path)
	var out []centroid
	for _, f := range fc.Features {
		iso := ""
		for _, k := range []string{"ISO_A2", "ISO_A2_EH", "WB_A2"} {
			if s, ok := f.Properties[k].(string); ok && len(s) == 2 && s != "-9" {
				iso = s
				break
			}
		}
		if iso == "" {
			continue
		}
		polys := f.Geometry.polygons()
		best, bestArea := centroid{}, 0.0
		for _, p := range polys {
			ring := p[0]
			var a, cx, cy float64
			for i := range ring {
				j := (i + 1) % len(ring)
				cross := ring[i][0]*ring[j][1] - ring[j][0]*ring[i][1]
				a += cross
				cx += (ring[i][0] + ring[j][0]) * cross
				cy += (ring[i][1] + ring[j][1]) * cross
			}
			if math.Abs(a) > bestArea && a != 0 {
				bestArea = math.Abs(a)
				best = centroid{iso: iso, lon: cx / (3 * a), lat: cy / (3 * a)}
			}
		}
		if bestArea > 0 {
			out = append(out, best)
		}
	}
	slices.SortFunc(out, func(a, b centroid) int { return cmp.Compare(a.iso, b.iso) })
	return out
}

// encode writes the places in the format annotate/geo/data.go reads.
func encode(places []*place) []byte {
	slices.SortFunc(places, func(a, b *place) int {
		return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.id, b.id), cmp.Compare(a.admin1, b.admin1), cmp.Compare(a.name, b.name))
	})
	var codes []string
	seen := map[string]bool{}
	for _, p := range places {
		if !seen[p.country] {
			seen[p.country] = true
			codes = append(codes, p.country)
		}
	}
	slices.Sort(codes)
	if len(codes) > 255 {
		log.Fatal("too many countries")
	}
	ccIndex := map[string]int{}
	for i, c := range codes {
		ccIndex[c] = i
	}
	regionIndex := map[string]int{}
	for i, p := range places {
		if p.kind == kindRegion {
			regionIndex[p.admin1] = i
		}
	}
	// The gazetteer's place names, which most names below are written as
	// positions in, and a check that the table is read against the same list.
	gazNames := gazetteer.PlaceNames()
	gazIndex := make(map[string]int, len(gazNames))
	for i, n := range gazNames {
		if _, dup := gazIndex[n]; !dup {
			gazIndex[n] = i
		}
	}
	b := []byte("GEO2")
	b = binary.AppendUvarint(b, uint64(len(gazNames)))
	b = binary.LittleEndian.AppendUint32(b, gazetteerHash(gazNames))
	b = binary.AppendUvarint(b, uint64(len(codes)))
	for _, c := range codes {
		b = append(b, c...)
	}
	b = binary.AppendUvarint(b, uint64(len(places)))
	for _, p := range places { // kind, and whether there are coordinates
		k := byte(p.kind)
		if p.hasCoord {
			k |= 0x80
		}
		if p.capital {
			k |= 0x40
		}
		b = append(b, k)
	}
	for _, p := range places {
		b = append(b, byte(ccIndex[p.country]))
	}
	prev := 0
	for _, p := range places { // ids, delta-coded within a kind
		if p.id < prev {
			prev = 0
		}
		b = binary.AppendUvarint(b, uint64(p.id-prev))
		prev = p.id
	}
	prevRegion := 0
	for _, p := range places { // the region of a county or city: a delta from the last one's
		r, ok := regionIndex[p.admin1]
		if p.kind == kindRegion || p.kind == kindCountry || !ok {
			r = -1
		}
		b = binary.AppendVarint(b, int64(r-prevRegion))
		prevRegion = r
	}
	for _, p := range places { // population, on a log scale
		b = append(b, popByte(p.pop))
	}
	// Coordinates, delta-coded within a kind: a hundredth of a degree for
	// cities, a tenth for the centres of countries and divisions.
	for _, lon := range []bool{false, true} {
		prev := map[int]int64{}
		for _, p := range places {
			if !p.hasCoord {
				continue
			}
			v := p.lat
			if lon {
				v = p.lon
			}
			q := int64(math.Round(v * float64(coordScale(p.kind))))
			b = binary.AppendVarint(b, q-prev[p.kind])
			prev[p.kind] = q
		}
	}
	// Names, in the places' order: the name, then any aliases after a 0x1f,
	// and a line break. A name the gazetteer lists is written as 0x1e, and
	// its position in the gazetteer's list goes, as a delta from the last
	// one, in a column written first.
	var names, refs []byte
	nrefs, prevRef := 0, 0
	for _, p := range places {
		for i, name := range append([]string{p.name}, p.alias...) {
			if i > 0 {
				names = append(names, 0x1f)
			}
			if ref, ok := gazIndex[name]; ok {
				names = append(names, 0x1e)
				refs = binary.AppendVarint(refs, int64(ref-prevRef))
				nrefs, prevRef = nrefs+1, ref
				continue
			}
			names = append(names, name...)
		}
		names = append(names, '\n')
	}
	b = binary.AppendUvarint(b, uint64(nrefs))
	b = append(b, refs...)
	return append(b, names...)
}

// gazetteerHash is the FNV-1a hash of the gazetteer's place names, one a
// line: the geo table's tests check that it was built against the list the
// binary embeds.
func gazetteerHash(names []string) uint32 {
	h := fnv.New32a()
	for _, n := range names {
		h.Write([]byte(n + "\n"))
	}
	return h.Sum32()
}

// coordScale is the units per degree in which a kind's coordinates are kept.
func coordScale(kind int) int {
	if kind == kindCity {
		return 100
	}
	return 10
}

// popByte maps a population to a byte on a log scale, 2 steps per doubling.
func popByte(pop int) byte {
	if pop <= 1 {
		return 0
	}
	return byte(math.Round(math.Log2(float64(pop)) * 2))
}

// compileLand writes the land outline as SVG path data in an equirectangular
// projection, one unit per half degree (x = 2·(lon+180), y = 2·(90−lat)), with
// points closer than a unit to the last one dropped, as a JS module.
func compileLand(path string) string {
	fc := readFeatures(path)
	var sb strings.Builder
	for _, f := range fc.Features {
		polys := f.Geometry.polygons()
		for _, p := range polys {
			var pts [][2]int
			for _, c := range p[0] {
				x, y := int(math.Round(2*(c[0]+180))), int(math.Round(2*(90-c[1])))
				if n := len(pts); n > 0 && abs(x-pts[n-1][0]) <= 1 && abs(y-pts[n-1][1]) <= 1 {
					continue
				}
				pts = append(pts, [2]int{x, y})
			}
			if len(pts) < 3 {
				continue
			}
			// Relative coordinates: "m" then "l" moves, shorter than absolute.
			fmt.Fprintf(&sb, "M%d %d", pts[0][0], pts[0][1])
			for i := 1; i < len(pts); i++ {
				dx, dy := pts[i][0]-pts[i-1][0], pts[i][1]-pts[i-1][1]
				if i == 1 {
					sb.WriteByte('l')
				} else if dx >= 0 {
					sb.WriteByte(' ')
				}
				fmt.Fprintf(&sb, "%d", dx)
				if dy >= 0 {
					sb.WriteByte(' ')
				}
				fmt.Fprintf(&sb, "%d", dy)
			}
			sb.WriteByte('z')
		}
	}
	return "// Generated by cmd/build-geo from Natural Earth's 1:110m land (public domain): do not edit.\n" +
		"// The world's land as SVG path data, x = 2·(longitude + 180), y = 2·(90 − latitude).\n" +
		"export const LAND = \"" + sb.String() + "\";\n"
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func init() {
	if os.Getenv("GEO_STATS") != "" {
		statsHook = func(places []*place) {
			n := map[int]int{}
			for _, p := range places {
				n[p.kind]++
			}
			log.Printf("kinds %v", n)
		}
	}
}

var statsHook = func([]*place) {}

// feature is a GeoJSON feature as Natural Earth writes them.
type feature struct {
	Properties map[string]any `json:"properties"`
	Geometry   geometry       `json:"geometry"`
}

// geometry is a feature's Polygon or MultiPolygon.
type geometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// polygons returns the geometry's polygons (one for a Polygon), each a
// list of rings of [lon, lat] points, the outer ring first.
func (g geometry) polygons() [][][][2]float64 {
	var polys [][][][2]float64
	if g.Type == "Polygon" {
		var p [][][2]float64
		if err := json.Unmarshal(g.Coordinates, &p); err != nil {
			log.Fatal(err)
		}
		return append(polys, p)
	}
	if err := json.Unmarshal(g.Coordinates, &polys); err != nil {
		log.Fatal(err)
	}
	return polys
}

// readFeatures reads a GeoJSON FeatureCollection.
func readFeatures(path string) (fc struct {
	Features []feature `json:"features"`
}) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		log.Fatal(err)
	}
	return fc
}
