// Command build-gazetteer compiles the gazetteers in ../shared/data/gazetteers
// (GeoNames, mledoze/countries, US Social Security given names) and the
// hand-written lists in curated.go into the sorted tables that package
// annotate/gazetteer embeds. Run it with go generate ./annotate/gazetteer.
//
// Every table is a text file of lines "key<TAB>value" (or just "key"), sorted
// by key and without duplicates, so the package can binary-search the
// embedded bytes directly without building any index at start-up.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"lede/cmd/internal/tsv"
	"lede/internal/cli"
)

func main() {
	shared := cli.SharedFlag()
	out := flag.String("out", "annotate/gazetteer/data", "where to write the compiled tables")
	minCityPopulation := flag.Int("min-city-population", 100000, "smallest city kept")
	minNameCount := flag.Int("min-name-count", 1000, "fewest SSA applications for a given name to be kept")
	cli.Run("build-gazetteer", func() error { return run(*shared, *out, *minCityPopulation, *minNameCount) })
}

func run(shared, out string, minCityPopulation, minNameCount int) error {
	dir := filepath.Join(shared, "data", "gazetteers")
	countries := tsv.Rows(filepath.Join(dir, "countries", "countries_demonyms.tsv"), true)
	countryNames, demonyms := compileCountries(countries, tsv.Rows(filepath.Join(dir, "geonames", "countryInfo.txt"), false))
	places := compilePlaces(countries,
		tsv.Rows(filepath.Join(dir, "geonames", "admin1CodesASCII.txt"), false),
		tsv.Rows(filepath.Join(dir, "geonames", "cities15000.txt"), false),
		countryNames, minCityPopulation)
	given := compileGivenNames(tsv.Rows(filepath.Join(dir, "names", "first_names_aggregate.tsv"), true), minNameCount)
	uk, err := readCSV(filepath.Join(dir, "names", "uk_names_processed.csv"))
	if err != nil {
		return err
	}
	markClearGivenNames(given, tsv.Rows(filepath.Join(dir, "names", "first_names_aggregate.tsv"), true), uk)
	titles, err := readGzipLines(filepath.Join(dir, "wikipedia", "WikiLocations.lst.gz"))
	if err != nil {
		return err
	}
	rivers := compileRivers(tsv.Rows(filepath.Join(dir, "naturalearth", "natural_earth_10m_names.tsv"), true), titles, countryNames, places)

	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, t := range []struct {
		name  string
		table map[string]string
	}{
		{"countries.txt", countryNames}, {"demonyms.txt", demonyms}, {"places.txt", places},
		{"given.txt", given}, {"titles.txt", compileTitles()}, {"orgsuffixes.txt", setOf(orgSuffixes)},
		{"rivers.txt", rivers},
	} {
		if err := writeTable(out, t.name, t.table); err != nil {
			return err
		}
	}
	return nil
}

// ranked keeps, for each key, the value offered with the best (lowest) rank,
// so that curated and official names win over alternative spellings.
type ranked map[string]rankedValue

type rankedValue struct {
	value string
	rank  int
}

func (r ranked) offer(key, value string, rank int) {
	key = strings.TrimSpace(key)
	if key == "" || strings.ContainsAny(key, "\t\n") {
		return
	}
	if old, ok := r[key]; ok && old.rank <= rank {
		return
	}
	r[key] = rankedValue{value, rank}
}

func (r ranked) table() map[string]string {
	t := make(map[string]string, len(r))
	for k, v := range r {
		t[k] = v.value
	}
	return t
}

// Ranks, best first.
const (
	rankCurated = iota
	rankCommon
	rankOfficial
	rankAlternative
)

// compileCountries returns country name → canonical name, and demonym →
// canonical name.
func compileCountries(rows, geonames [][]string) (names, demonyms map[string]string) {
	const (
		colCode, colCommon, colOfficial, colDemonymM, colDemonymF, colAlt, colUNMember = 0, 2, 3, 5, 6, 7, 11
	)
	canonical := map[string]string{}
	byName, byDemonym := ranked{}, ranked{}
	for _, r := range rows {
		code := r[colCode]
		name := r[colCommon]
		if c, ok := canonicalCountry[code]; ok {
			name = c
		}
		canonical[code] = name
		byName.offer(name, name, rankCommon)
		byName.offer(r[colCommon], name, rankCommon)
		byName.offer(r[colOfficial], name, rankOfficial)
		for _, alt := range strings.Split(r[colAlt], ";") {
			if isUsefulAlias(alt) {
				byName.offer(alt, name, rankAlternative)
			}
		}
		// UN members win demonyms shared with territories ("American").
		rank := rankAlternative
		if r[colUNMember] == "True" {
			rank = rankCommon
		}
		for _, d := range []string{r[colDemonymM], r[colDemonymF]} {
			byDemonym.offer(d, name, rank)
			byDemonym.offer(plural(d), name, rank+1)
		}
	}
	const colGeoCode, colGeoName = 0, 4
	for _, r := range geonames {
		if name, ok := canonical[r[colGeoCode]]; ok {
			byName.offer(r[colGeoName], name, rankOfficial)
		}
	}
	for alias, code := range countryAliases {
		byName.offer(alias, canonical[code], rankCurated)
	}
	for d, place := range extraDemonyms {
		byDemonym.offer(d, place, rankCurated)
	}
	return byName.table(), byDemonym.table()
}

// isUsefulAlias keeps alternative spellings written in Latin letters that are
// not bare ISO codes (codes like "IN" or "TO" are ordinary words in headlines;
// the useful ones are in countryAliases).
func isUsefulAlias(s string) bool {
	if len(s) <= 3 || strings.Contains(s, ",") || misleadingAliases[s] {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return true
}

// misleadingAliases are alternative spellings that English text uses as
// ordinary words or names: a headline's "Island" is not Iceland, "Mann" is a
// surname, "Dominique" a given name. A country is never found by changing
// a word into another.
var misleadingAliases = map[string]bool{
	"Island": true, "Mann": true, "Mannin": true, "Reunion": true, "Dominique": true, "Portuguesa": true,
	"Mexicanos": true, "Prathet": true, "Thai": true, "Togolese": true, "Guiana": true, "Viti": true, "Timor": true,
}

// plural forms the plural of a demonym noun: "Americans", "Israelis"; words
// like "Chinese" or "French" have none.
func plural(d string) string {
	if strings.HasSuffix(d, "n") || strings.HasSuffix(d, "i") {
		return d + "s"
	}
	return ""
}

// Place kinds as stored in the table; the package decodes the same letters.
const (
	kindContinent = "c"
	kindArea      = "a"
	kindRegion    = "r"
	kindCity      = "t"
)

// compilePlaces returns place name → kind for continents, areas, first-level
// regions and cities. Countries are in their own table; a name that is also a
// country is left out here, and a name with several kinds keeps the broadest.
func compilePlaces(countries, admin1, cities [][]string, countryNames map[string]string, minPopulation int) map[string]string {
	byName := ranked{}
	for i, list := range [][]string{continents, areas} {
		kind := []string{kindContinent, kindArea}[i]
		for _, name := range list {
			byName.offer(name, kind, 0)
		}
	}
	const colRegion, colSubregion = 8, 9
	for _, r := range countries {
		byName.offer(r[colRegion], kindContinent, 0)
		byName.offer(r[colSubregion], kindArea, 1)
	}
	for _, name := range stateAbbreviations {
		byName.offer(name, kindRegion, 2)
	}
	const colAdminName, colAdminASCII = 1, 2
	for _, r := range admin1 {
		for _, name := range []string{r[colAdminName], r[colAdminASCII]} {
			if !genericRegionNames[name] {
				byName.offer(name, kindRegion, 2)
			}
		}
	}
	const colCityName, colCityASCII, colPopulation = 1, 2, 14
	for _, r := range cities {
		population, err := strconv.Atoi(r[colPopulation])
		if err != nil || population < minPopulation {
			continue
		}
		byName.offer(r[colCityName], kindCity, 3)
		byName.offer(r[colCityASCII], kindCity, 3)
	}
	places := byName.table()
	for name := range countryNames {
		delete(places, name)
	}
	return places
}

// Sexes as stored in the table; the package decodes the same letters.
const (
	sexFemale = "f"
	sexMale   = "m"
	sexEither = "e"
)

// clearMajority is the share of one sex above which a given name counts as
// that sex's; below it the name is recorded as used by either.
const clearMajority = 0.8

// compileGivenNames returns given name → sex for names given at least
// minCount times.
func compileGivenNames(rows [][]string, minCount int) map[string]string {
	const colName, colSex, colCount = 0, 1, 2
	female, male := map[string]int{}, map[string]int{}
	for _, r := range rows {
		n, err := strconv.Atoi(r[colCount])
		if err != nil {
			log.Fatalf("given names: bad count in %q", r)
		}
		if r[colSex] == "F" {
			female[r[colName]] += n
		} else {
			male[r[colName]] += n
		}
	}
	names := map[string]string{}
	for _, counts := range []map[string]int{female, male} {
		for name := range counts {
			f, m := float64(female[name]), float64(male[name])
			switch {
			case f+m < float64(minCount):
			case f/(f+m) >= clearMajority:
				names[name] = sexFemale
			case m/(f+m) >= clearMajority:
				names[name] = sexMale
			default:
				names[name] = sexEither
			}
		}
	}
	return names
}

// clearGender is the share of one sex, in the US and UK registers together,
// above which a given name tells a person's gender on its own (see
// gazetteer.ClearGivenName); the name is then stored with the sex's letter
// in upper case.
const clearGender = 0.95

// markClearGivenNames upper-cases the sex of the names of given whose US
// (SSA: name, sex, count) and UK (ONS/NISRA/GRO: name, years, male count,
// female count, ...) counts together give one sex at least clearGender of
// the time. Names only in the UK register are not added: the table's names
// are also the recognizer's given-name feature, which must not change.
func markClearGivenNames(given map[string]string, us, uk [][]string) {
	female, male := map[string]float64{}, map[string]float64{}
	for _, r := range us {
		n, err := strconv.Atoi(r[2])
		if err != nil {
			log.Fatalf("given names: bad count in %q", r)
		}
		if r[1] == "F" {
			female[r[0]] += float64(n)
		} else {
			male[r[0]] += float64(n)
		}
	}
	for _, r := range uk[1:] { // after the header
		m, errM := strconv.Atoi(r[2])
		f, errF := strconv.Atoi(r[3])
		if errM != nil || errF != nil {
			log.Fatalf("UK given names: bad counts in %q", r)
		}
		// The UK register writes names in lower case after the first letter.
		if _, ok := given[r[0]]; ok {
			female[r[0]] += float64(f)
			male[r[0]] += float64(m)
		}
	}
	for name, sex := range given {
		f, m := female[name], male[name]
		switch {
		case sex == sexFemale && f/(f+m) >= clearGender:
			given[name] = strings.ToUpper(sexFemale)
		case sex == sexMale && m/(f+m) >= clearGender:
			given[name] = strings.ToUpper(sexMale)
		}
	}
}

// readCSV reads a plain comma-separated file (no quoted commas), header
// included.
func readCSV(path string) ([][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		rows = append(rows, strings.Split(strings.TrimRight(line, "\r"), ","))
	}
	return rows, nil
}

// Title flags as stored in the table; the package decodes the same letters.
const titleHonorific = "h"

// compileTitles returns title → flags: honorific, and the sex it tells.
func compileTitles() map[string]string {
	titles := setOf(personTitles)
	for _, flagged := range []struct {
		words []string
		flag  string
	}{{honorifics, titleHonorific}, {femaleTitles, sexFemale}, {maleTitles, sexMale}} {
		for _, w := range flagged.words {
			if _, ok := titles[w]; !ok {
				log.Fatalf("curated.go: %q is flagged but not in personTitles", w)
			}
			titles[w] += flagged.flag
		}
	}
	return titles
}

func setOf(words []string) map[string]string {
	set := make(map[string]string, len(words))
	for _, w := range words {
		set[w] = ""
	}
	return set
}

// writeTable writes one sorted table: "key<TAB>value" lines, or bare keys when
// every value is empty.
func writeTable(dir, name string, table map[string]string) error {
	keys := make([]string, 0, len(table))
	for k := range table {
		if k != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k)
		if v := table[k]; v != "" {
			b.WriteByte('\t')
			b.WriteString(v)
		}
		b.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: %d entries, %d bytes\n", name, len(keys), b.Len())
	return nil
}
