package gazetteer

import (
	"strings"
	"unicode"
)

// table is a compiled gazetteer: lines "key<TAB>value" (or bare keys) sorted
// by key. It is searched in place, so loading costs nothing and lookups
// allocate nothing.
type table string

// lookup returns the value on the line whose key is key.
func (t table) lookup(key string) (value string, ok bool) {
	lo, hi := 0, len(t) // both always at the start of a line
	for lo < hi {
		start := lo + strings.LastIndexByte(string(t[lo:(lo+hi)/2]), '\n') + 1
		end := start + strings.IndexByte(string(t[start:]), '\n')
		k, v, _ := strings.Cut(string(t[start:end]), "\t")
		switch {
		case k == key:
			return v, true
		case k < key:
			lo = end + 1
		default:
			hi = start
		}
	}
	return "", false
}

// lookupName looks up a proper name as written, and an all-capitals name
// ("NEW YORK" in a headline) also in title case.
func (t table) lookupName(name string) (string, bool) {
	if v, ok := t.lookup(name); ok {
		return v, true
	}
	if isAllCaps(name) {
		return t.lookup(titleCase(name))
	}
	return "", false
}

// lookupWord looks up a word in lower case and without a final period
// ("Gov." and "gov" are the same word).
func (t table) lookupWord(word string) (string, bool) {
	return t.lookup(strings.ToLower(strings.TrimSuffix(word, ".")))
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
