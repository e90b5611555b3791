package ner

import "lede/annotate/internal/lookup"

// idTable numbers the distinct 64-bit hashes of a document (words,
// lower-case forms) in order of first sight. The keys are hashes already,
// so unlike a Go map it does not hash them again, which in the wasm build
// costs more than the lookup itself; it is sized once per document for
// every key it may get, so it never grows.
type idTable struct {
	keys  []uint64
	ids   []int32 // id+1 of the key in the same slot; 0 marks an empty slot
	shape lookup.Slots
	n     int32
}

// reset empties the table and makes room for up to capacity keys.
func (t *idTable) reset(capacity int) {
	t.shape = lookup.For(2*capacity + 1) // at most half full
	size := t.shape.Len()
	if cap(t.keys) < size {
		t.keys, t.ids = make([]uint64, size), make([]int32, size)
	} else {
		t.keys, t.ids = t.keys[:size], t.ids[:size]
		clear(t.ids)
	}
	t.n = 0
}

// id returns the number of key, numbering it if it is new (added).
func (t *idTable) id(key uint64) (id int32, added bool) {
	j := t.slot(key)
	if t.ids[j] != 0 {
		return t.ids[j] - 1, false
	}
	t.keys[j] = key
	t.n++
	t.ids[j] = t.n
	return t.n - 1, true
}

// find returns the number of key, if it has one.
func (t *idTable) find(key uint64) (int32, bool) {
	id := t.ids[t.slot(key)]
	return id - 1, id != 0
}

// put numbers key, which the table does not hold, as id.
func (t *idTable) put(key uint64, id int32) {
	j := t.slot(key)
	t.keys[j], t.ids[j] = key, id+1
}

// remove takes key, which the table holds, out of it. The keys after it in
// the same run of slots move back into the hole when it lies between their
// home slot and where they are, so that each stays reachable.
func (t *idTable) remove(key uint64) {
	hole := t.slot(key)
	for j := t.shape.Next(hole); t.ids[j] != 0; j = t.shape.Next(j) {
		if t.shape.Distance(t.shape.Start(t.keys[j]), j) >= t.shape.Distance(hole, j) {
			t.keys[hole], t.ids[hole] = t.keys[j], t.ids[j]
			hole = j
		}
	}
	t.ids[hole] = 0
}

// slot returns where key is, or the empty slot where it would go.
func (t *idTable) slot(key uint64) int {
	j := t.shape.Start(key)
	for t.ids[j] != 0 && t.keys[j] != key {
		j = t.shape.Next(j)
	}
	return j
}
