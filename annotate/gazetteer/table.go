package gazetteer

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// table is a compiled gazetteer: lines "key<TAB>value" (or bare keys) sorted
// by key, searched in place so that lookups allocate nothing. Its lines are
// indexed on first use (one fast scan), so that a lookup is a binary search
// among the keys with the same first byte, each step a single comparison
// rather than a hunt for the line's ends: the recognizer and the entities
// stage look up every name.
type table struct {
	text  string
	index func() *lineIndex
}

// lineIndex locates a table's lines.
type lineIndex struct {
	starts []int32 // the start of each line, then where a next one would start
	// byFirst[b] is the number of lines whose key starts with a byte below b.
	byFirst [257]int32
}

func newTable(text string) *table {
	return &table{text: text, index: sync.OnceValue(func() *lineIndex { return indexLines(text) })}
}

func indexLines(text string) *lineIndex {
	ix := &lineIndex{starts: make([]int32, 0, strings.Count(text, "\n")+2)}
	start := 0
	for start < len(text) {
		ix.starts = append(ix.starts, int32(start))
		ix.byFirst[text[start]+1]++
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text) - start
		}
		start += end + 1
	}
	ix.starts = append(ix.starts, int32(start))
	for b := 1; b < len(ix.byFirst); b++ {
		ix.byFirst[b] += ix.byFirst[b-1]
	}
	return ix
}

// caseFold is how a key is read when it is compared: as written, or (an
// ASCII key only) in lower case or title case.
type caseFold uint8

const (
	asWritten caseFold = iota
	lowerCase
	titleCased
)

// lookup returns the value on the line whose key is key.
func (t *table) lookup(key string) (value string, ok bool) {
	return t.search(key, asWritten)
}

// search finds the line whose key is key read with fold.
func (t *table) search(key string, fold caseFold) (value string, ok bool) {
	ix := t.index()
	starts := ix.starts
	lo, hi := 0, len(starts)-1
	if key != "" {
		first := foldByte(key[0], fold, true)
		lo, hi = int(ix.byFirst[first]), int(ix.byFirst[int(first)+1])
	}
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		line := t.text[starts[mid] : starts[mid+1]-1]
		switch c := compareKey(line, key, fold); {
		case c == 0:
			_, value, _ = strings.Cut(line, "\t")
			return value, true
		case c < 0:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return "", false
}

// compareKey compares the key of line (up to its tab) with key read with fold.
func compareKey(line, key string, fold caseFold) int {
	for i := 0; ; i++ {
		lineEnded := i == len(line) || line[i] == '\t'
		switch {
		case lineEnded && i == len(key):
			return 0
		case lineEnded:
			return -1
		case i == len(key):
			return 1
		}
		c := foldByte(key[i], fold, i == 0 || key[i-1] == ' ' || key[i-1] == '-')
		switch {
		case line[i] < c:
			return -1
		case line[i] > c:
			return 1
		}
	}
}

// foldByte reads byte c of a key with fold; startsWord tells whether it
// starts a word, which title case capitalises.
func foldByte(c byte, fold caseFold, startsWord bool) byte {
	switch {
	case fold == lowerCase, fold == titleCased && !startsWord:
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
	case fold == titleCased:
		if 'a' <= c && c <= 'z' {
			return c - ('a' - 'A')
		}
	}
	return c
}

// lookupName looks up a proper name as written, and an all-capitals name
// ("NEW YORK" in a headline) also in title case.
func (t *table) lookupName(name string) (string, bool) {
	if v, ok := t.lookup(name); ok {
		return v, true
	}
	switch {
	case !isAllCaps(name):
		return "", false
	case isASCII(name):
		return t.search(name, titleCased)
	}
	return t.lookup(titleCase(name))
}

// lookupWord looks up a word in lower case and without a final period
// ("Gov." and "gov" are the same word). Only a word beyond ASCII is lowered
// into a new string.
func (t *table) lookupWord(word string) (string, bool) {
	word = strings.TrimSuffix(word, ".")
	if !isASCII(word) {
		return t.lookup(strings.ToLower(word))
	}
	return t.search(word, lowerCase)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isAllCaps reports whether s has capitals and no lower-case letters. It
// runs for every name looked up, so it allocates nothing.
func isAllCaps(s string) bool {
	upper := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}

// titleCase capitalises the first letter of each word and lowers the rest.
func titleCase(s string) string {
	b := []rune(strings.ToLower(s))
	startOfWord := true
	for i, r := range b {
		if startOfWord {
			b[i] = unicode.ToTitle(r)
		}
		startOfWord = r == ' ' || r == '-'
	}
	return string(b)
}
