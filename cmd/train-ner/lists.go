package main

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/annotate/ner"
)

// Name lists: the large Wikipedia-derived lists of organizations, places,
// surnames and biographies in ../shared/data/gazetteers say in which kinds
// of names a capitalised word stands. Each word of the class vocabulary,
// and the extra words the lists know best, get those bits (ner.InOrgNames
// ...), stored with the word classes; the model learns how far to trust
// them (the lists date from 2008-2015).

// listCounts counts, per capitalised word, its places in the lists.
type listCounts struct {
	org, orgFirst, orgLast, orgWhole int
	place, placeLast, placeWhole     int
	bioFirst, bioLast                int
	lastName                         bool
}

// readNameLists reads the lists into counts per word.
func readNameLists(shared string, more bool) (map[string]*listCounts, error) {
	counts := map[string]*listCounts{}
	at := func(w string) *listCounts {
		c := counts[w]
		if c == nil {
			c = &listCounts{}
			counts[w] = c
		}
		return c
	}
	dir := filepath.Join(shared, "data", "gazetteers")
	read := func(path string, each func(words []string)) error {
		f, err := os.Open(filepath.Join(dir, strings.Split(path, "#")[0]))
		if err != nil {
			return err
		}
		defer f.Close()
		var in io.Reader = f
		if strings.HasSuffix(path, ".gz") {
			gz, err := gzip.NewReader(f)
			if err != nil {
				return err
			}
			in = gz
		}
		col, sep, header := 0, "", false
		if i := strings.IndexByte(path, '#'); i >= 0 {
			// "file.tsv#2": the third tab-separated column, after a header.
			col, _ = strconv.Atoi(path[i+1:])
			sep, header = "\t", true
			if strings.HasSuffix(path[:i], ".csv") {
				sep = ","
			}
		}
		sc := bufio.NewScanner(in)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if header {
				header = false
				continue
			}
			if sep != "" {
				fields := splitFields(line, sep)
				if col >= len(fields) {
					continue
				}
				line = titleCased(fields[col])
			}
			if strings.Contains(line, ":") {
				continue // Category: and other pages that are not names
			}
			if i := strings.Index(line, " ("); i >= 0 {
				line = line[:i] // a disambiguation: "Nirvana (band)"
			}
			if i := strings.Index(line, "_("); i >= 0 {
				line = line[:i]
			}
			var words []string
			for _, w := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '_' }) {
				if w = strings.Trim(w, ",.;\"'()"); w != "" {
					words = append(words, w)
				}
			}
			if len(words) > 0 {
				each(words)
			}
		}
		return sc.Err()
	}
	// names counts the words of a name: each capitalised word, the first
	// and last of a longer name, and a name of one word.
	names := func(in, first, last, whole func(*listCounts)) func([]string) {
		return func(words []string) {
			for i, w := range words {
				if !isCapitalised(w) {
					continue
				}
				c := at(w)
				in(c)
				switch {
				case len(words) == 1:
					whole(c)
				case i == 0:
					first(c)
				case i == len(words)-1:
					last(c)
				}
			}
		}
	}
	orgs := names(func(c *listCounts) { c.org++ }, func(c *listCounts) { c.orgFirst++ },
		func(c *listCounts) { c.orgLast++ }, func(c *listCounts) { c.orgWhole++ })
	places := names(func(c *listCounts) { c.place++ }, func(*listCounts) {},
		func(c *listCounts) { c.placeLast++ }, func(c *listCounts) { c.placeWhole++ })
	for _, f := range []struct {
		path string
		each func([]string)
	}{
		{"wikipedia/WikiOrganizations.lst.gz", orgs},
		{"wikipedia/WikiOrganizationsRedirects.lst.gz", orgs},
		{"wikipedia/government.government_agency.gz", orgs},
		{"wikipedia/education.university.gz#0", orgs},
		{"orgs/openfootball_clubs.tsv#0", orgs},
		{"orgs/universities_hipo.tsv#0", orgs},
		{"orgs/partyfacts-core-parties.csv#5", orgs},
		{"geonames/geonames_admin1.tsv#1", places},
		{"geonames/geonames_admin2.tsv#1", places},
		{"geonames/cities15000.txt#2", places},
		{"naturalearth/natural_earth_10m_names.tsv#0", places},
		{"wikipedia/WikiLocations.lst.gz", places},
		{"wikipedia/WikiLocationsRedirects.lst.gz", places},
		{"wikipedia/people.person.lastnames.gz", func(words []string) {
			if len(words) == 1 && isCapitalised(words[0]) {
				at(words[0]).lastName = true
			}
		}},
		{"people/enwiki2012_bios_2kb_titles.txt.gz", func(words []string) {
			if len(words) < 2 {
				return
			}
			if isCapitalised(words[0]) {
				at(words[0]).bioFirst++
			}
			if last := words[len(words)-1]; isCapitalised(last) {
				at(last).bioLast++
			}
		}},
	} {
		if !more && strings.Contains(f.path, "#") {
			continue
		}
		if err := read(f.path, f.each); err != nil {
			return nil, err
		}
	}
	return counts, nil
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// bits returns the gazetteer bits of a word's counts.
func (c *listCounts) bits(newBits bool) uint16 {
	var b uint16
	set := func(on bool, bit uint16) {
		if on {
			b |= bit
		}
	}
	set(c.org >= 2, ner.InOrgNames)
	set(c.orgLast >= 3, ner.EndsOrgNames)
	set(c.place >= 2, ner.InPlaceNames)
	set(c.placeLast >= 3, ner.EndsPlaceNames)
	set(c.lastName, ner.IsLastName)
	set(c.bioFirst >= 2, ner.StartsBios)
	set(c.bioLast >= 2, ner.EndsBios)
	if newBits {
		set(c.orgFirst >= 3, ner.StartsOrgNames)
		set(c.placeWhole >= 1, ner.NamesPlace)
		set(c.orgWhole >= 1, ner.NamesOrg)
	}
	return b
}

// weight is how much the lists say of a word, to rank the extra words.
func (c *listCounts) weight(newBits bool) int {
	w := c.org + c.place + c.bioFirst + c.bioLast
	if newBits {
		w += c.orgWhole + c.placeWhole
	}
	return w
}

// listBits returns the gazetteer bits of every word of vocab that has some,
// and of the extra words outside it that the lists know best.
func listBits(counts map[string]*listCounts, vocab map[string]uint8, extra int, newBits bool) map[string]uint16 {
	out := map[string]uint16{}
	var others []string
	for w, c := range counts {
		b := c.bits(newBits)
		if b == 0 {
			continue
		}
		if _, ok := vocab[w]; ok {
			out[w] = b
		} else {
			others = append(others, w)
		}
	}
	sort.Slice(others, func(i, j int) bool {
		a, b := counts[others[i]].weight(newBits), counts[others[j]].weight(newBits)
		if a != b {
			return a > b
		}
		return others[i] < others[j]
	})
	for _, w := range others[:min(extra, len(others))] {
		out[w] = counts[w].bits(newBits)
	}
	return out
}

// splitFields splits a line of a TSV (sep "\t") or a CSV (sep ","; quoted
// fields may hold commas).
func splitFields(line, sep string) []string {
	if sep == "\t" {
		return strings.Split(line, sep)
	}
	var out []string
	var field strings.Builder
	quoted := false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '"' && quoted && i+1 < len(line) && line[i+1] == '"':
			field.WriteByte('"')
			i++
		case c == '"':
			quoted = !quoted
		case c == ',' && !quoted:
			out = append(out, field.String())
			field.Reset()
		default:
			field.WriteByte(c)
		}
	}
	return append(out, field.String())
}

// titleCased capitalises the words of an all-lower-case name ("university
// of utah" → "University of Utah"), leaving its short function words.
func titleCased(name string) string {
	if strings.ToLower(name) != name {
		return name
	}
	words := strings.Fields(name)
	for i, w := range words {
		switch w {
		case "of", "the", "and", "for", "in", "at", "on", "de", "la", "du":
			if i > 0 {
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}
