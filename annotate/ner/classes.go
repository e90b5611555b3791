package ner

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// Word classes: each word of a large vocabulary belongs to one of up to 256
// classes of words found in similar contexts (learned by cmd/train-ner from
// unlabelled news). The class is a feature, so a word never seen in
// training still looks like the words of its class. The table is stored as
// sorted 32-bit word hashes (delta-encoded on disk) and one byte per class.

// WordClasses maps words to their classes.
type WordClasses struct {
	keys    []uint32
	classes []uint8
	// lists holds, by key, the gazetteer bits of each word (GazetteerBits):
	// in which large name lists it stands. nil when the table has none.
	lists []uint16
	// buckets[b] is the index of the first key whose top bits are at
	// least b: the keys are hashes, so spread evenly, and a lookup
	// searches only the few keys of one bucket.
	buckets []uint32
	shift   uint
	// keyShift drops the low bits of a word's 32-bit hash: the table keeps
	// its top 32-keyShift bits, which a word outside the table shares
	// with a word inside once in 2^(32-keyShift)/len(keys).
	keyShift uint
	// plain marks the classes whose capitalised words are seldom parts of
	// names in the training data (days, months, titles), learned by Train.
	plain [256 / 64]uint64
}

// NewWordClasses builds the table from a word → class map and a word →
// gazetteer bits map (words with bits but no class get noClassByte),
// keeping keyBits bits of each word's hash (32 when zero). Words that share
// a key keep the lowest of their classes and the union of their bits.
func NewWordClasses(classes map[string]uint8, lists map[string]uint16, keyBits uint) *WordClasses {
	if keyBits == 0 || keyBits > 32 {
		keyBits = 32
	}
	wc := &WordClasses{keyShift: 32 - keyBits}
	type entry struct {
		class uint8
		lists uint16
	}
	byKey := make(map[uint32]entry, len(classes))
	for w, c := range classes {
		k := uint32(hashString(w, false)) >> wc.keyShift
		if old, ok := byKey[k]; !ok || c < old.class {
			byKey[k] = entry{c, old.lists}
		}
	}
	for w, bits := range lists {
		k := uint32(hashString(w, false)) >> wc.keyShift
		old, ok := byKey[k]
		if !ok {
			old.class = noClassByte
		}
		old.lists |= bits
		byKey[k] = old
	}
	for k := range byKey {
		wc.keys = append(wc.keys, k)
	}
	slices.Sort(wc.keys)
	for _, k := range wc.keys {
		wc.classes = append(wc.classes, byKey[k].class)
		if len(lists) > 0 {
			wc.lists = append(wc.lists, byKey[k].lists)
		}
	}
	wc.index()
	return wc
}

// noClassByte is the stored class of the words that have gazetteer bits but
// no class: the classes learned are fewer than 256.
const noClassByte = 255

// Gazetteer bits of a word: in which large lists of names it stands, and
// where (the lists are from Wikipedia and are dated: the model weighs them).
const (
	InOrgNames     uint16 = 1 << iota // a word of at least two organizations' names
	EndsOrgNames                      // the last word of several organizations' names ("Records")
	InPlaceNames                      // a word of at least two places' names
	EndsPlaceNames                    // the last word of several places' names ("County")
	IsLastName                        // a surname
	StartsBios                        // the first word of several biographies' titles (a given name)
	EndsBios                          // the last word of several biographies' titles
	StartsOrgNames                    // the first word of several organizations' names ("Bank")
	NamesPlace                        // alone the whole name of a place ("Kourou", "Jupiter")
	NamesOrg                          // alone the whole name of an organization ("Nomura")
)

// wholeNames are the bits that say a word alone is a name.
const wholeNames = NamesPlace | NamesOrg

// index fills buckets with about two keys per bucket.
func (wc *WordClasses) index() {
	bucketBits := min(uint(bits.Len(uint(len(wc.keys)/2))), 32-wc.keyShift)
	wc.shift = 32 - wc.keyShift - bucketBits
	wc.buckets = make([]uint32, 1<<bucketBits+1)
	for _, k := range wc.keys {
		wc.buckets[uint64(k)>>wc.shift+1]++
	}
	for b := 1; b < len(wc.buckets); b++ {
		wc.buckets[b] += wc.buckets[b-1]
	}
}

// noClass is the class feature value of words outside the table.
const noClass = 256

// isPlain reports whether words of class c are seldom names even when
// capitalised.
func (wc *WordClasses) isPlain(c uint16) bool {
	return c != noClass && wc != nil && wc.plain[c/64]&(1<<(c%64)) != 0
}

// withPlain returns a copy of wc that marks as plain the classes whose
// capitalised words are in a name less than a fifth of the time in examples
// (and that examples show often enough to tell).
func (wc *WordClasses) withPlain(examples []preparedExample) *WordClasses {
	if wc == nil {
		return nil
	}
	var inName, total [256]int
	for _, ex := range examples {
		for i, t := range ex.toks {
			if t.class == noClass || t.casing != titleCase {
				continue
			}
			total[t.class]++
			if ex.Labels[i] != Outside {
				inName[t.class]++
			}
		}
	}
	out := *wc
	for c := range total {
		if total[c] >= minPlainCount && 5*inName[c] < total[c] {
			out.plain[c/64] |= 1 << (c % 64)
		}
	}
	return &out
}

// minPlainCount is the fewest training words that can show a class to be
// plain.
const minPlainCount = 20

// class returns the class of the word with hash h, or noClass.
func (wc *WordClasses) class(h uint64) uint16 {
	c, _ := wc.lookup(h)
	return c
}

// lookup returns the class of the word with hash h (or noClass) and its
// gazetteer bits.
func (wc *WordClasses) lookup(h uint64) (class uint16, lists uint16) {
	if wc == nil {
		return noClass, 0
	}
	key := uint32(h) >> wc.keyShift
	b := uint64(key) >> wc.shift
	lo, hi := wc.buckets[b], wc.buckets[b+1]
	for i, k := range wc.keys[lo:hi] {
		if k == key {
			j := int(lo) + i
			if wc.lists != nil {
				lists = wc.lists[j]
			}
			if c := wc.classes[j]; c != noClassByte {
				return uint16(c), lists
			}
			return noClass, lists
		}
	}
	return noClass, 0
}

func (wc *WordClasses) appendBinary(out []byte) []byte {
	n := 0
	if wc != nil {
		n = len(wc.keys)
	}
	out = binary.AppendUvarint(out, uint64(n))
	if n == 0 {
		return out
	}
	out = append(out, byte(32-wc.keyShift))
	prev := uint32(0)
	for _, k := range wc.keys {
		out = binary.AppendUvarint(out, uint64(k-prev))
		prev = k
	}
	out = append(out, wc.classes...)
	if wc.lists != nil {
		// A column of low bytes, then one of high bytes if any word has
		// high bits: each compresses well on its own.
		columns := byte(1)
		for _, b := range wc.lists {
			if b > 0xff {
				columns = 2
			}
		}
		out = append(out, columns)
		for c := range columns {
			for _, b := range wc.lists {
				out = append(out, byte(b>>(8*c)))
			}
		}
	} else {
		out = append(out, 0)
	}
	for _, bits := range wc.plain {
		out = binary.LittleEndian.AppendUint64(out, bits)
	}
	return out
}

func readWordClasses(r *reader) *WordClasses {
	n := r.uvarint()
	if n > uint64(len(r.data)) {
		r.err = true
	}
	if n == 0 || r.err {
		return nil
	}
	if len(r.data) == 0 || r.data[0] < 8 || r.data[0] > 32 {
		r.err = true
		return nil
	}
	wc := &WordClasses{keys: make([]uint32, n), keyShift: 32 - uint(r.data[0])}
	r.data = r.data[1:]
	key := uint64(0)
	for i := range wc.keys {
		key += r.uvarint()
		if key>>(32-wc.keyShift) != 0 {
			r.err = true
			return nil
		}
		wc.keys[i] = uint32(key)
	}
	if r.err {
		return nil
	}
	if uint64(len(r.data)) < n+1+8*uint64(len(wc.plain)) {
		r.err = true
		return nil
	}
	wc.classes, r.data = r.data[:n], r.data[n:]
	// 0: no gazetteer bits; 1: a column of low bytes; 2: and one of high.
	if columns := uint64(r.data[0]); columns > 2 {
		r.err = true
		return nil
	} else if r.data = r.data[1:]; columns > 0 {
		if uint64(len(r.data)) < columns*n+8*uint64(len(wc.plain)) {
			r.err = true
			return nil
		}
		wc.lists = make([]uint16, n)
		for c := range columns {
			for i := range wc.lists {
				wc.lists[i] |= uint16(r.data[i]) << (8 * c)
			}
			r.data = r.data[n:]
		}
	}
	for i := range wc.plain {
		wc.plain[i] = binary.LittleEndian.Uint64(r.data)
		r.data = r.data[8:]
	}
	wc.index()
	return wc
}

// WordEvidence says what the model's word table knows of word w, for the
// rules that read names after the model: whether its lower-case form is an
// everyday word of the news the word classes were learned from
// ("irrigation", "housing"), and whether the name lists know w alone as the
// whole name of an organization or a place ("Oxfam", "Kourou"). A word the
// table lacks is neither.
func (m *Model) WordEvidence(w string) (everyday, namesAlone bool) {
	if m == nil || m.classes == nil {
		return false, false
	}
	class, _ := m.classes.lookup(hashString(w, true))
	_, lists := m.classes.lookup(hashString(w, false))
	return class != noClass, lists&wholeNames != 0
}
