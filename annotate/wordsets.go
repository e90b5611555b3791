package annotate

import (
	"strings"

	"lede/annotate/internal/lookup"
	"lede/annotate/internal/swar"
)

// Word sets: the small lookup tables every stage shares. wordSet is a set
// of words for the entities, roles, quotes, speakers and issues stages;
// shortWords maps short words to small values, read eight bytes at a time,
// for the cue lexicon and the attribution's word classes.

// hasShapeOf reports whether some word of the set has the length and
// first byte of w, and some its first, middle and last bytes (but perhaps
// for case): a quick test that rules out most words without reading them
// whole. w is not empty.
func (t *shortWords) hasShapeOf(w string) bool {
	n := uint(len(w))
	return t.firsts[w[0]]>>(n%32)&(t.shapes[w[0]%32][w[n/2]%32]>>(w[n-1]%32))&1 != 0 // no branch
}

// addShape lets words of the shape of w pass hasShapeOf.
func (t *shortWords) addShape(w string) {
	n := uint(len(w))
	t.firsts[w[0]] |= 1 << n
	if t.fold == anyCase {
		t.firsts[w[0]&^0x20] |= 1 << n
	}
	t.shapes[w[0]%32][w[n/2]%32] |= 1 << (w[n-1] % 32)
}

// shortWords maps words of up to maxShortWord bytes to small values. A
// word is read from the text whole, as its first and last eight bytes
// (the same eight if it is shorter), so that looking one up hashes and
// compares two numbers, not bytes one at a time: the attribution looks up
// the words around every cue and sentence start.
type shortWords struct {
	// words are in open addressing, at most half full; a zero length marks
	// an empty slot.
	words []shortWord
	// fold is ORed into every byte read: anyCase sets bit 5, which lowers
	// letters and changes no other byte into a letter, so a word matches a
	// lower-case entry exactly when its letters are the entry's in some case.
	fold  uint64
	shape lookup.Slots
	// firsts has bit n of firsts[b] set for every word of n bytes that
	// starts with b (in either case, for anyCase); shapes has bit last%32
	// of shapes[first%32][middle%32] set for every word with those first,
	// middle (its byte n/2) and last bytes, so case does not matter.
	firsts [256]uint32
	shapes [32][32]uint32
}

// shortWord is a word of a shortWords, together in one record so that
// finding one reads one cache line.
type shortWord struct {
	head, tail uint64 // its first and last eight bytes, as probe reads them
	n          uint8
	value      uint16
}

// maxShortWord is the length of the longest word of a shortWords.
const maxShortWord = 16

// The folds of shortWords.
const (
	asWritten uint64 = 0
	anyCase   uint64 = 0x2020202020202020
)

// newShortWords makes a map for up to slots/2 words; slots is a power of
// two.
func newShortWords(fold uint64, slots int) shortWords {
	shape := lookup.For(slots)
	return shortWords{words: make([]shortWord, shape.Len()), fold: fold, shape: shape}
}

// add returns the value of w, adding w if it is new.
func (t *shortWords) add(w string) *uint16 {
	if len(w) == 0 || len(w) > maxShortWord {
		panic("shortWords: " + w + " is not a short word")
	}
	t.addShape(w)
	head, tail, slot, found := t.probe(w, 0, len(w))
	if !found {
		t.words[slot] = shortWord{head: head, tail: tail, n: uint8(len(w))}
	}
	return &t.words[slot].value
}

// find returns the value of the word text[start:end], if the map has it.
func (t *shortWords) find(text string, start, end int) (uint16, bool) {
	if !t.hasShapeOf(text[start:end]) {
		return 0, false
	}
	_, _, slot, found := t.probe(text, start, end)
	if !found {
		return 0, false
	}
	return t.words[slot].value, true
}

// probe reads the word text[start:end] as its first and last eight bytes
// (zero-padded) and returns them with its slot and whether the set has it
// there. A word of no byte or more than maxShortWord has no slot.
func (t *shortWords) probe(text string, start, end int) (head, tail uint64, slot int, found bool) {
	n := end - start
	switch {
	case n == 0 || n > maxShortWord:
		return 0, 0, -1, false
	case n >= 8:
		head, tail = swar.Load64(text[start:])|t.fold, swar.Load64(text[end-8:])|t.fold
	case start+8 <= len(text):
		head = (swar.Load64(text[start:]) | t.fold) & (1<<(8*n) - 1)
		tail = head
	default:
		head = (swar.Bytes(text, start, n) | t.fold) & (1<<(8*n) - 1)
		tail = head
	}
	for slot = t.shape.Start(lookup.Pair(head, tail, n)); t.words[slot].n != 0; slot = t.shape.Next(slot) {
		if w := &t.words[slot]; int(w.n) == n && w.head == head && w.tail == tail {
			return head, tail, slot, true
		}
	}
	return head, tail, slot, false
}

// setOf builds a word set; each word also matches with a capital first
// letter, as it does at the start of a sentence.
func setOf(words string) wordSet {
	var all []string
	for _, w := range strings.Fields(words) {
		all = append(all, w)
		if w[0] >= 'a' && w[0] <= 'z' {
			all = append(all, string(w[0]-'a'+'A')+w[1:])
		}
	}
	return newWordSet(all)
}

// wordSet is a set of words. The stages test small sets for many words
// (the entities stage for the words in and around names, the issues stage
// for the words around terms), most of them absent: placing a word by its
// length and end letters in a table at most a quarter full costs less than
// hashing it for a map, and an absent word usually meets an empty slot at
// once.
type wordSet struct {
	slots []string // "" marks an empty slot
	shape lookup.Slots
}

func newWordSet(words []string) wordSet {
	shape := lookup.For(4 * len(words))
	s := wordSet{slots: make([]string, shape.Len()), shape: shape}
	for _, w := range words {
		i := s.slot(len(w), w[0], w[len(w)-1])
		for s.slots[i] != "" && s.slots[i] != w {
			i = s.shape.Next(i)
		}
		s.slots[i] = w
	}
	return s
}

// slot is where the probe for a word of n bytes from first to last starts.
func (s wordSet) slot(n int, first, last byte) int {
	return s.shape.Start(uint64(n)<<16 ^ uint64(first)<<8 ^ uint64(last))
}

func (s wordSet) has(w string) bool { return s.index(w) >= 0 }

// index returns the slot of w, or -1 if the set lacks it.
func (s wordSet) index(w string) int {
	if w == "" {
		return -1
	}
	for i := s.slot(len(w), w[0], w[len(w)-1]); ; i = s.shape.Next(i) {
		switch s.slots[i] {
		case "":
			return -1
		case w:
			return i
		}
	}
}

// wordKinds maps words to the kinds they have, a bit each.
type wordKinds struct {
	set   wordSet
	kinds []uint32 // by slot of set
}

// wordKindList is a kind and its words, separated by spaces.
type wordKindList struct {
	kind  uint32
	words string
}

func newWordKinds(lists []wordKindList) wordKinds {
	var all []string
	var kinds []uint32 // of each of all
	for _, l := range lists {
		words := strings.Fields(l.words)
		all = append(all, words...)
		for range words {
			kinds = append(kinds, l.kind)
		}
	}
	k := wordKinds{set: newWordSet(all)}
	k.kinds = make([]uint32, len(k.set.slots))
	for i, w := range all {
		k.kinds[k.set.index(w)] |= kinds[i]
	}
	return k
}

// of returns the kinds of w, 0 for a word the table lacks.
func (k *wordKinds) of(w string) uint32 {
	if i := k.set.index(w); i >= 0 {
		return k.kinds[i]
	}
	return 0
}

// words returns the words of the set.
func (s wordSet) words() []string {
	var words []string
	for _, w := range s.slots {
		if w != "" {
			words = append(words, w)
		}
	}
	return words
}
