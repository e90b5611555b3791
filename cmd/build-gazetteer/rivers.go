package main

import (
	"bufio"
	"compress/gzip"
	"os"
	"strings"
)

// compileRivers returns the rivers that news names by one word and a
// leading "the" ("the Nile", "the Danube"): the one-word rivers of Natural
// Earth's world layer whose bare name is a Wikipedia place title (the river
// is what the word names first, as "Nile" and unlike "Cuando" or "Amur
// River"), leaving out the names the place tables hold already (the
// country "Niger", the city "Ottawa") and words that are English in lower
// case ("Main", "Grande").
func compileRivers(rows [][]string, wikiPlaces map[string]bool, countries, places map[string]string) map[string]string {
	rivers := map[string]string{}
	for _, r := range rows {
		if len(r) < 4 || r[2] != "rivers_lake_centerlines" || r[3] != "River" && r[3] != "Lake Centerline" {
			continue
		}
		name := r[0]
		if len(r) > 1 && r[1] != "" {
			name = r[1]
		}
		if strings.ContainsAny(name, " ’'") || !wikiPlaces[name] || englishWords[strings.ToLower(name)] {
			continue
		}
		if _, ok := countries[name]; ok {
			continue
		}
		if _, ok := places[name]; ok {
			continue
		}
		rivers[name] = ""
	}
	return rivers
}

// englishWords are the river names that are English words too.
var englishWords = map[string]bool{"main": true, "grande": true, "weir": true}

// readGzipLines reads the lines of a gzip file into a set.
func readGzipLines(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	lines := map[string]bool{}
	sc := bufio.NewScanner(gz)
	for sc.Scan() {
		lines[sc.Text()] = true
	}
	return lines, sc.Err()
}
