// Package gazetteer answers what a word or name is known to be: a country
// (with its canonical name), a demonym, a place, a given name (with the sex
// it is usually given to), a title that precedes a person's name, or a word
// that ends an organization's name.
//
// The lists are compiled by cmd/build-gazetteer into tables embedded in the
// binary and searched in place, so they need no parsing, only a hash index
// of their keys built on first use (about 1.5 ms in WebAssembly). Proper names
// match as written; an all-capitals name (a headline) also matches in title
// case. Title and organization words match in any case.
//
// Sources, with thanks:
//   - GeoNames (https://www.geonames.org), CC-BY 4.0: cities of 100,000
//     people or more, first-level administrative regions, country names.
//   - mledoze/countries (https://github.com/mledoze/countries), ODbL 1.0:
//     country names, alternative spellings, demonyms, world regions.
//   - US Social Security Administration, public data: given names from
//     Social Security card applications 1880–2023, with their sex.
//   - Natural Earth (https://www.naturalearthdata.com), public domain, and
//     Wikipedia's place titles (the Illinois NER lexicon), CC BY-SA: rivers.
//   - Hand-written lists in cmd/build-gazetteer/curated.go.
package gazetteer

//go:generate go run ../../cmd/build-gazetteer -shared ../../../shared -out data

import (
	_ "embed"
	"strings"
)

var (
	//go:embed data/countries.txt
	countriesText string
	//go:embed data/demonyms.txt
	demonymsText string
	//go:embed data/places.txt
	placesText string
	//go:embed data/given.txt
	givenNamesText string
	//go:embed data/titles.txt
	personTitlesText string
	//go:embed data/orgsuffixes.txt
	orgSuffixesText string
	//go:embed data/rivers.txt
	riversText string

	countries    = newTable(countriesText)
	demonyms     = newTable(demonymsText)
	places       = newTable(placesText)
	givenNames   = newTable(givenNamesText)
	personTitles = newTable(personTitlesText)
	orgSuffixes  = newTable(orgSuffixesText)
	rivers       = newTable(riversText)
)

// Country returns the canonical name of the country that name refers to:
// "US", "U.S.", "USA", "America" and "United States of America" all give
// "United States".
func Country(name string) (canonical string, ok bool) {
	return countries.lookupName(name)
}

// Demonym returns the place, usually a country, that a demonym or its plural
// refers to: "Chinese" gives "China", "Americans" gives "United States".
func Demonym(word string) (place string, ok bool) {
	return demonyms.lookupName(word)
}

// PlaceKind is the kind of a known place.
type PlaceKind uint8

const (
	// CountryPlace is a country or territory (see Country).
	CountryPlace PlaceKind = iota + 1
	// Region is a first-level division of a country: a US state, a province.
	Region
	// City is a city of 100,000 people or more.
	City
	// Continent is a continent or a continent-sized part of the world.
	Continent
	// Area is a named part of the world that is not a country or a division
	// of one: "Middle East", "Balkans", "Gaza Strip".
	Area
)

var placeKindNames = [...]string{CountryPlace: "country", Region: "region", City: "city", Continent: "continent", Area: "area"}

func (k PlaceKind) String() string {
	if int(k) < len(placeKindNames) && placeKindNames[k] != "" {
		return placeKindNames[k]
	}
	return "unknown"
}

// placeKindOf reads the code of a place's kind in places.txt.
func placeKindOf(code string) PlaceKind {
	switch code {
	case "r":
		return Region
	case "t":
		return City
	case "c":
		return Continent
	case "a":
		return Area
	}
	return 0
}

// Place reports whether name is a known place and what kind it is. A name
// with several kinds gets the broadest: "Georgia" is a country, "New York" a
// region.
func Place(name string) (PlaceKind, bool) {
	if _, ok := Country(name); ok {
		return CountryPlace, true
	}
	code, ok := places.lookupName(name)
	return placeKindOf(code), ok
}

// Sex is the sex a given name is usually given to.
type Sex uint8

const (
	// Female names are given to girls at least 80% of the time.
	Female Sex = iota + 1
	// Male names are given to boys at least 80% of the time.
	Male
	// Either is a name given to both, like "Jordan" or "Taylor".
	Either
)

var sexNames = [...]string{Female: "female", Male: "male", Either: "either"}

func (s Sex) String() string {
	if int(s) < len(sexNames) && sexNames[s] != "" {
		return sexNames[s]
	}
	return "unknown"
}

// sexOf reads the code of a sex in given.txt and titles.txt.
func sexOf(code string) (Sex, bool) {
	switch code {
	case "f", "F":
		return Female, true
	case "m", "M":
		return Male, true
	case "e":
		return Either, true
	}
	return 0, false
}

// GivenName reports whether name is a given name registered at least 1,000
// times in the United States, and which sex it is usually given to.
func GivenName(name string) (Sex, bool) {
	code, ok := givenNames.lookupName(name)
	sex, _ := sexOf(code)
	return sex, ok
}

// ClearGivenName returns the sex that a given name tells on its own: Female
// or Male when the US and UK registers together give the name to that sex at
// least 95% of the time ("Jennifer", "Donald"), else zero ("Jordan", "Kim").
func ClearGivenName(name string) Sex {
	switch code, _ := givenNames.lookupName(name); code {
	case "F":
		return Female
	case "M":
		return Male
	}
	return 0
}

// IsPersonTitle reports whether word is a title or office that stands before
// a person's name or describes one: "Mr", "Dr.", "President", "Secretary",
// "Gov.", "spokesman".
func IsPersonTitle(word string) bool {
	_, ok := personTitles.lookupWord(word)
	return ok
}

// Title is what a title tells of the person it names.
type Title struct {
	// Honorific: a courtesy title ("Mr.", "Mrs", "Dr", "Sir") rather than an
	// office.
	Honorific bool
	// Sex: "Mr." and "spokesman" are male, "Mrs" and "Queen" female; zero
	// when the title does not tell.
	Sex Sex
}

// PersonTitle reports whether word is a title (see IsPersonTitle) and what
// it tells, in one lookup.
func PersonTitle(word string) (Title, bool) {
	flags, ok := personTitles.lookupWord(word)
	var t Title
	for i := range len(flags) {
		if flags[i] == 'h' {
			t.Honorific = true
		} else if sex, ok := sexOf(flags[i : i+1]); ok && t.Sex == 0 {
			t.Sex = sex
		}
	}
	return t, ok
}

// IsHonorific reports whether word is a courtesy title rather than an office:
// "Mr.", "Mrs", "Dr", "Sir".
func IsHonorific(word string) bool {
	t, _ := PersonTitle(word)
	return t.Honorific
}

// TitleSex returns the sex that a title tells: "Mr." and "spokesman" are
// male, "Mrs" and "Queen" female.
func TitleSex(word string) (Sex, bool) {
	t, _ := PersonTitle(word)
	return t.Sex, t.Sex != 0
}

// IsOrgSuffix reports whether word marks an organization's name: "Inc",
// "Corp.", "Party", "Ministry", "Department", "Bank", "University".
func IsOrgSuffix(word string) bool {
	_, ok := orgSuffixes.lookupWord(word)
	return ok
}

// IsRiver reports whether name is a river that news names by one word
// after "the": "Nile", "Danube", "Mekong" (Natural Earth's rivers whose
// name Wikipedia gives them alone; not those the place tables hold, as
// "Niger").
func IsRiver(name string) bool {
	_, ok := rivers.lookupName(name)
	return ok
}

// PlaceNames returns the names of the known places other than countries, in
// the order of the compiled table. Package geo stores most of its place names
// as positions in this list rather than spelled out a second time: the same
// names twice in the download would cost about 13 KB of brotli.
func PlaceNames() []string {
	names := make([]string, 0, countLines(placesText))
	for text := placesText; text != ""; {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		name, _, _ := strings.Cut(line, "\t")
		names = append(names, name)
	}
	return names
}
