package gazetteer

import (
	"math/bits"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"lede/annotate/internal/lookup"
	"lede/annotate/internal/swar"
)

// table is a compiled gazetteer: lines "key<TAB>value" (or bare keys),
// searched in place so that lookups allocate nothing. The recognizer looks
// every capitalised word up in five tables, so a lookup costs one hash and
// about one probe of a hash index built on first use.
type table struct {
	text    string
	indexed atomic.Pointer[keyIndex]
	once    sync.Once
}

// keyIndex finds a table's lines by the hash of their keys, in open
// addressing with four bytes a slot. A slot holds 1 + the start of a line
// in its low bits (startMask; the tables are far below the 4 GB a slot can
// address) and, above them, bits of its key's hash that are not the slot's
// position, so that a probe rarely reads a line whose key differs; 0 marks
// an empty slot.
//
// Before that, edges and lengths rule out most words that a small table
// lacks without hashing them: bit last%64 of edges[first%64] is set when a
// key starts with byte first and ends with byte last, and bit min(n, 31)
// of lengths[first%64] when one of n bytes starts with it. (Few of the
// words asked about are titles, and no title begins with s and ends with
// d, as "said" does, nor has six letters and an a first, as "Antony".)
type keyIndex struct {
	slots     []uint32
	shape     lookup.Slots
	startMask uint32
	edges     [64]uint64
	lengths   [64]uint32
}

func newTable(text string) *table { return &table{text: text} }

// index returns the table's index, building it on first use.
func (t *table) index() *keyIndex {
	if ix := t.indexed.Load(); ix != nil {
		return ix
	}
	return t.buildIndex()
}

func (t *table) buildIndex() *keyIndex {
	t.once.Do(func() { t.indexed.Store(indexKeys(t.text)) })
	return t.indexed.Load()
}

// indexKeys builds the index in one pass over the table, reading each line
// eight bytes at a time: the tables are indexed as the page starts, when
// WebAssembly is slowest, and looking for tabs and line breaks a byte at a
// time costs more. The index is at most half full: most lookups miss, and
// a miss probes on to an empty slot.
func indexKeys(text string) *keyIndex {
	shape := lookup.For(2 * countLines(text))
	ix := &keyIndex{slots: make([]uint32, shape.Len()), shape: shape, startMask: 1<<bits.Len(uint(len(text))) - 1}
	for start := 0; start < len(text); {
		n, end := measureLine(text, start)
		first := swar.Bytes(text, start, min(n, 8))
		last := first
		if n > 8 {
			last = swar.Load64(text[start+n-8:])
		}
		ix.insert(keyHash(n, first, last), start)
		if n > 0 {
			ix.edges[text[start]%64] |= 1 << (text[start+n-1] % 64)
			ix.lengths[text[start]%64] |= 1 << min(n, 31)
		}
		start += end + 1
	}
	return ix
}

// measureLine returns the lengths of the key and of the line at start.
func measureLine(text string, start int) (key, line int) {
	key = -1
	i := start
	for ; i+8 <= len(text); i += 8 {
		w := swar.Load64(text[i:])
		newlines := swar.Flag(w, '\n')
		if stops := swar.Flag(w, '\t') | newlines; key < 0 && stops != 0 {
			key = i - start + bits.TrailingZeros64(stops)/8
		}
		if newlines != 0 {
			return key, i - start + bits.TrailingZeros64(newlines)/8
		}
	}
	line = len(text) - start // the last line, unless a line break is left
	if end := strings.IndexByte(text[i:], '\n'); end >= 0 {
		line = i - start + end
	}
	if key < 0 {
		key = line
		if tab := strings.IndexByte(text[i:start+line], '\t'); tab >= 0 {
			key = i - start + tab
		}
	}
	return key, line
}

// countLines counts the lines of text (the last one may lack its line
// break) a word at a time: strings.Count reads a byte at a time in
// WebAssembly.
func countLines(text string) int {
	const low, seven = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	n := 1
	i := 0
	for ; i+8 <= len(text); i += 8 {
		// A byte of x is zero where text has a line break; adding seven to
		// its low seven bits carries into its top bit unless they are zero.
		x := swar.Load64(text[i:]) ^ '\n'*low
		n += bits.OnesCount64(^((x&seven + seven) | x | seven))
	}
	return n + strings.Count(text[i:], "\n")
}

// keyHash hashes a key of n bytes from its first and last eight bytes
// (the same word if it is shorter), as little-endian words padded with
// zeros: the index reads them straight from the table, a lookup reads them
// from the key it is given in its case fold, and both must agree. Two
// words rather than every byte keep the index quick to build; keys that
// differ only in their middle are rare (two at most in these tables).
// lookup.Pair mixes the words; the seed and the final multiply and fold
// spread them over the low bits too, which make the slot's tag (the probe
// starts from the whole hash, see place).
func keyHash(n int, first, last uint64) uint64 {
	const seed, prime = 0x2545f4914f6cdd1d, 0x9e3779b97f4a7c15
	h := lookup.Pair(first^seed, last, n) * prime
	return h ^ h>>32
}

// hashKey hashes key read with fold as the index hashes a table's keys.
// It runs for every lookup, so it reads a key as words, lowering them eight
// letters at a time, and only title case goes a letter at a time.
func hashKey(key string, fold caseFold) uint64 {
	n := len(key)
	var first, last uint64
	switch {
	case fold == titleCased:
		first = titleCasedWordAt(key, 0, min(n, 8))
		last = titleCasedWordAt(key, max(n-8, 0), min(n, 8))
	case n >= 8:
		first, last = swar.Load64(key), swar.Load64(key[n-8:])
	default:
		first = shortWord(key)
		last = first
	}
	if fold == lowerCase {
		first, last = swar.LowerASCII(first), swar.LowerASCII(last)
	}
	return keyHash(n, first, last)
}

// shortWord returns the bytes of s, shorter than eight, as a little-endian
// word, in two loads that overlap rather than a load per byte.
func shortWord(s string) uint64 {
	switch n := len(s); {
	case n >= 4:
		return uint64(swar.Load32(s)) | uint64(swar.Load32(s[n-4:]))<<(8*(n-4))
	case n >= 2:
		return uint64(s[0]) | uint64(s[1])<<8 | (uint64(s[n-2])|uint64(s[n-1])<<8)<<(8*(n-2))
	case n == 1:
		return uint64(s[0])
	}
	return 0
}

// titleCasedWordAt is swar.Bytes of key read in title case.
func titleCasedWordAt(key string, i, n int) uint64 {
	var w uint64
	for k := i + n - 1; k >= i; k-- {
		w = w<<8 | uint64(foldByte(key[k], titleCased, startsWord(key, k)))
	}
	return w
}

// place spreads a key's hash: the probe starts where lookup puts it, and
// the hash's low bits make the tag kept in the slot.
func (ix *keyIndex) place(h uint64) (slot int, tag uint32) {
	return ix.shape.Start(h), uint32(h) &^ ix.startMask
}

func (ix *keyIndex) insert(h uint64, start int) {
	i, tag := ix.place(h)
	for ix.slots[i] != 0 {
		i = ix.shape.Next(i)
	}
	ix.slots[i] = tag | uint32(start+1)
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
	if n := len(key); n > 0 {
		first, last := foldByte(key[0], fold, true), foldByte(key[n-1], fold, startsWord(key, n-1))
		if ix.edges[first%64]&(1<<(last%64)) == 0 || ix.lengths[first%64]&(1<<min(n, 31)) == 0 {
			return "", false
		}
	}
	i, tag := ix.place(hashKey(key, fold))
	for s := ix.slots[i]; s != 0; s = ix.slots[i] {
		if s&^ix.startMask == tag {
			if value, ok := t.valueAt(int(s&ix.startMask)-1, key, fold); ok {
				return value, true
			}
		}
		i = ix.shape.Next(i)
	}
	return "", false
}

// valueAt returns the value on the line starting at start if its key is key
// read with fold.
func (t *table) valueAt(start int, key string, fold caseFold) (string, bool) {
	line := t.text[start:]
	if len(line) < len(key) {
		return "", false
	}
	for i := 0; i < len(key); i++ {
		// A tab or line break in key never matches: it would end the line's key.
		if c := line[i]; c == '\t' || c == '\n' || c != foldByte(key[i], fold, startsWord(key, i)) {
			return "", false
		}
	}
	line = line[len(key):]
	if end := strings.IndexByte(line, '\n'); end >= 0 {
		line = line[:end]
	}
	value, hasValue := strings.CutPrefix(line, "\t")
	switch {
	case hasValue:
		return value, true
	case line == "":
		return "", true
	}
	return "", false
}

// startsWord tells whether byte i of key starts a word, which title case
// capitalises.
func startsWord(key string, i int) bool {
	return i == 0 || key[i-1] == ' ' || key[i-1] == '-'
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
// runs for every name not found as written, so it allocates nothing, and
// reads ASCII a byte at a time.
func isAllCaps(s string) bool {
	upper := false
	i := 0
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			upper = true
		}
	}
	for _, r := range s[i:] {
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
