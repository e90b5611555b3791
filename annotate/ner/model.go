package ner

import (
	"encoding/binary"
	"errors"
	"math"
	"math/bits"
	"sort"
)

// Model: the trained weights, stored sparsely (a feature keeps only the labels
// it has a weight for) and quantized to one-byte codes on a logarithmic scale
// (a codebook of up to 127 levels per sign; the model ships with 12), which
// keeps both the many small weights and the few large ones (bias, label
// transitions) close to their trained values. A feature is known by the top
// bits of its 32-bit hash only (23 in the model shipped), which halves what
// its key costs on disk. In memory the features sit in an open-addressing
// hash table built once at load; on disk the keys are sorted and
// delta-encoded, then each feature's label set, then all weights, so that
// each column compresses well.

// Model is a trained recognizer. It is safe for concurrent use: its weights
// are read-only, and its cache of the words it has seen takes a lock.
type Model struct {
	// present is a one-hash Bloom filter over the keys: most features
	// looked up are not in the model, and the filter, unlike the table,
	// fits in the processor's cache.
	present     []uint64
	presentBits uint
	slots       []slot
	mask        uint32
	weights     []weight
	// dense holds, decoded, the weights of every label of each feature
	// with at least denseFrom of them (zero for the labels it lacks); a
	// slot with that many weights indexes dense, and denseStart gives where
	// its weights start. Adding the whole row costs less than walking a
	// long list, and gives the same sums: adding zero changes no score.
	dense      []scoreRow
	denseStart []uint32
	codebook   *codebook
	// keyShift drops the low bits of a feature's 32-bit key: the model
	// keeps only its top 32-keyShift bits (see TrainOptions.KeyBits).
	keyShift uint
	// values is the codebook in fixed point.
	values  [256]int32
	classes *WordClasses
	// calibration maps a name's margin to its confidence.
	calibration calibration
	cache       wordCache
}

// denseFrom is the fewest weights a feature stored as a dense row has; with
// it about 6,800 of the 38,000 features take some 490 KB.
const denseFrom = 5

// weight is one label's weight of a feature, as a codebook code.
type weight struct {
	label Label
	code  uint8
}

// codebook maps a weight's code to its value.
type codebook [256]float32

// slot is one hash-table entry: the weights of feature key are
// weights[start : start+n], with start and n packed in span as
// start<<spanBits | n. n == 0 marks an empty slot.
type slot struct{ key, span uint32 }

const spanBits = 5 // n ≤ numLabels < 32

func (s slot) n() uint32     { return s.span & (1<<spanBits - 1) }
func (s slot) start() uint32 { return s.span >> spanBits }

// scorer adds the weights of a token's features to its label scores.
type scorer interface {
	addScores(feats []uint32, scores *scoreRow)
}

func (m *Model) addScores(feats []uint32, scores *scoreRow) {
	// Locals, so that the compiler need not reload them after each store
	// to scores.
	values, present, slots, weights, dense, mask := &m.values, m.present, m.slots, m.weights, m.dense, m.mask
	keyShift := m.keyShift & 31
	shift := (32 - keyShift - m.presentBits) & 31 // the top bits of a key
	for _, key := range feats {
		key >>= keyShift
		if bit := key >> shift; present[bit/64]&(1<<(bit%64)) == 0 {
			continue
		}
		for j := key & mask; ; j = (j + 1) & mask {
			s := slots[j]
			if s.span == 0 {
				break
			}
			if s.key != key {
				continue
			}
			if s.n() >= denseFrom {
				scores.add(&dense[s.start()])
				break
			}
			for _, w := range weights[s.start() : s.start()+s.n()] {
				scores.addLabel(w.label, values[w.code])
			}
			break
		}
	}
}

// Features is the number of features with at least one weight.
func (m *Model) Features() int {
	n := 0
	for _, s := range m.slots {
		if s.span != 0 {
			n++
		}
	}
	return n
}

// sparseWeights are one feature's weights before they are stored.
type sparseWeights struct {
	key    uint32
	labels []Label
	codes  []uint8
}

// newModel builds the hash table over features (whose keys are unique).
func newModel(features []sparseWeights, book *codebook, keyBits uint) *Model {
	// A table at most 1/3 full keeps probes short, also for the many
	// features looked up that the model does not have.
	size := 1 << bits.Len(uint(3*len(features)))
	// About 16 filter bits per key let through 1 in 16 absent keys.
	presentBits := min(keyBits, uint(max(6, bits.Len(uint(16*len(features))))))
	total, denseRows := 0, 0
	for _, f := range features {
		total += len(f.labels)
		if len(f.labels) >= denseFrom {
			denseRows++
		}
	}
	m := &Model{
		present: make([]uint64, 1<<presentBits/64), presentBits: presentBits,
		slots: make([]slot, size), mask: uint32(size - 1), codebook: book, keyShift: 32 - keyBits,
		weights: make([]weight, 0, total),
		dense:   make([]scoreRow, 0, denseRows), denseStart: make([]uint32, 0, denseRows),
	}
	for c, v := range book {
		m.values[c] = int32(math.Round(float64(v) * scoreUnit))
	}
	for _, f := range features {
		bit := f.key >> (keyBits - presentBits)
		m.present[bit/64] |= 1 << (bit % 64)
		j := f.key & m.mask
		for m.slots[j].span != 0 {
			j = (j + 1) & m.mask
		}
		start := uint32(len(m.weights))
		if len(f.labels) >= denseFrom {
			m.denseStart = append(m.denseStart, start)
			m.dense = append(m.dense, scoreRow{})
			row := &m.dense[len(m.dense)-1]
			for k, l := range f.labels {
				row.addLabel(l, m.values[f.codes[k]])
			}
			start = uint32(len(m.dense) - 1)
		}
		m.slots[j] = slot{key: f.key, span: start<<spanBits | uint32(len(f.labels))}
		for k, l := range f.labels {
			m.weights = append(m.weights, weight{l, f.codes[k]})
		}
	}
	return m
}

// sparse lists the model's features sorted by key.
func (m *Model) sparse() []sparseWeights {
	var out []sparseWeights
	for _, s := range m.slots {
		if s.span != 0 {
			f := sparseWeights{key: s.key}
			start := s.start()
			if s.n() >= denseFrom {
				start = m.denseStart[start]
			}
			for _, w := range m.weights[start : start+s.n()] {
				f.labels = append(f.labels, w.label)
				f.codes = append(f.codes, w.code)
			}
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

const modelMagic = "LEDENER3"

// MarshalBinary writes the model in its compact file format.
func (m *Model) MarshalBinary() ([]byte, error) {
	features := m.sparse()
	out := append([]byte(modelMagic), byte(numLabels), byte(32-m.keyShift))
	for _, v := range m.codebook {
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(v))
	}
	out = m.classes.appendBinary(out)
	out = m.calibration.appendBinary(out)
	out = binary.AppendUvarint(out, uint64(len(features)))
	prev := uint32(0)
	for _, f := range features {
		out = binary.AppendUvarint(out, uint64(f.key-prev))
		prev = f.key
	}
	for _, f := range features {
		set := uint64(0)
		for _, l := range f.labels {
			set |= 1 << l
		}
		out = binary.AppendUvarint(out, set)
	}
	for _, f := range features {
		out = append(out, f.codes...)
	}
	return out, nil
}

var errBadModel = errors.New("ner: malformed model")

// Load reads a model written by MarshalBinary.
func Load(data []byte) (*Model, error) {
	if len(data) < len(modelMagic)+1 || string(data[:len(modelMagic)]) != modelMagic || data[len(modelMagic)] != byte(numLabels) {
		return nil, errBadModel
	}
	r := reader{data: data[len(modelMagic)+1:]}
	if len(r.data) < 1+4*len(codebook{}) {
		return nil, errBadModel
	}
	keyBits := uint(r.data[0])
	if keyBits < 8 || keyBits > 32 {
		return nil, errBadModel
	}
	r.data = r.data[1:]
	book := new(codebook)
	for i := range book {
		book[i] = math.Float32frombits(binary.LittleEndian.Uint32(r.data[4*i:]))
	}
	r.data = r.data[4*len(book):]
	classes := readWordClasses(&r)
	calibrated := readCalibration(&r)
	n := r.uvarint()
	if n > uint64(len(r.data)) {
		return nil, errBadModel
	}
	features := make([]sparseWeights, n)
	key := uint64(0)
	for i := range features {
		key += r.uvarint()
		if key>>keyBits != 0 {
			return nil, errBadModel
		}
		features[i].key = uint32(key)
	}
	sets := make([]uint64, n)
	total := 0
	for i := range sets {
		sets[i] = r.uvarint()
		if sets[i] == 0 || sets[i]>>numLabels != 0 {
			return nil, errBadModel
		}
		total += bits.OnesCount64(sets[i])
	}
	if r.err || len(r.data) != total {
		return nil, errBadModel
	}
	labels := make([]Label, 0, total)
	codes := r.data
	for i, set := range sets {
		start := len(labels)
		for l := Label(0); set != 0; l, set = l+1, set>>1 {
			if set&1 != 0 {
				labels = append(labels, l)
			}
		}
		features[i].labels, features[i].codes = labels[start:], codes[start:len(labels)]
	}
	m := newModel(features, book, keyBits)
	m.classes, m.calibration = classes, calibrated
	return m, nil
}

type reader struct {
	data []byte
	err  bool
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.err = true
		r.data = nil
		return 0
	}
	r.data = r.data[n:]
	return v
}
