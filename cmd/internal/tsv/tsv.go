// Package tsv reads the tab-separated files of ../shared for the commands
// that compile Lede's embedded data (build-gazetteer, build-geo).
package tsv

import (
	"bufio"
	"log"
	"os"
	"strings"
)

// Rows reads a TSV file into its rows of fields, skipping empty lines,
// comment lines (#) and, if header is set, the first other line. A file it
// cannot read stops the command: the data it compiles would be wrong.
func Rows(path string, header bool) [][]string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		if header {
			header = false
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return rows
}
