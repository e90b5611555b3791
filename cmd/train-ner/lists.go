package main

import (
	"bufio"
	"compress/gzip"
	"os"
	"path/filepath"
	"sort"
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
	org, orgLast, place, placeLast, bioFirst, bioLast int
	lastName                                          bool
}

// readNameLists reads the lists into counts per word.
func readNameLists(shared string) (map[string]*listCounts, error) {
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
		f, err := os.Open(filepath.Join(dir, path))
		if err != nil {
			return err
		}
		defer f.Close()
		gz, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(gz)
		for sc.Scan() {
			line := sc.Text()
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
	names := func(whole func(*listCounts), last func(*listCounts)) func([]string) {
		return func(words []string) {
			for i, w := range words {
				if !isCapitalised(w) {
					continue
				}
				whole(at(w))
				if i == len(words)-1 && len(words) > 1 {
					last(at(w))
				}
			}
		}
	}
	orgs := names(func(c *listCounts) { c.org++ }, func(c *listCounts) { c.orgLast++ })
	places := names(func(c *listCounts) { c.place++ }, func(c *listCounts) { c.placeLast++ })
	for _, f := range []struct {
		path string
		each func([]string)
	}{
		{"wikipedia/WikiOrganizations.lst.gz", orgs},
		{"wikipedia/WikiOrganizationsRedirects.lst.gz", orgs},
		{"wikipedia/government.government_agency.gz", orgs},
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
func (c *listCounts) bits() uint8 {
	var b uint8
	set := func(on bool, bit uint8) {
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
	return b
}

// weight is how much the lists say of a word, to rank the extra words.
func (c *listCounts) weight() int {
	return c.org + c.place + c.bioFirst + c.bioLast
}

// listBits returns the gazetteer bits of every word of vocab that has some,
// and of the extra words outside it that the lists know best.
func listBits(counts map[string]*listCounts, vocab map[string]uint8, extra int) map[string]uint8 {
	out := map[string]uint8{}
	var others []string
	for w, c := range counts {
		b := c.bits()
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
		a, b := counts[others[i]].weight(), counts[others[j]].weight()
		if a != b {
			return a > b
		}
		return others[i] < others[j]
	})
	for _, w := range others[:min(extra, len(others))] {
		out[w] = counts[w].bits()
	}
	return out
}
