package main

import (
	"bytes"
	"errors"
)

// The Go linker writes the wasm's initial memory as one data segment per run
// of non-zero bytes: about 39,000 segments, most of them a few bytes long,
// each with its own header (mode, offset expression, length). Those headers
// do not compress well; the zeros between the runs do. mergeDataSegments
// joins segments whose gap is at most maxGap bytes, writing the gap's zeros
// out. Linear memory starts zeroed and the segments are copied in once, at
// instantiation, so the memory the program starts with is byte for byte the
// same: only the file changes (about 42 KB less with brotli, 0.4 MB more raw).

// dataSegmentGap is the widest run of zeros merged into a segment.
const dataSegmentGap = 4096

const (
	sectionCustom    = 0
	sectionData      = 11
	sectionDataCount = 12
	opI32Const       = 0x41
	opEnd            = 0x0b
)

var errWasm = errors.New("not a wasm module this build can read")

// wasmSection is one section of a module: its id and its body.
type wasmSection struct {
	id   byte
	body []byte
}

// dataSegment is an active segment of memory 0 at a constant offset.
type dataSegment struct {
	offset uint32
	data   []byte
}

// mergeDataSegments returns wasm with its data segments merged across gaps
// of at most maxGap zero bytes and without its custom sections. A module it cannot read, or whose segments
// are not all active segments of memory 0 at constant offsets, comes back
// unchanged.
func mergeDataSegments(wasm []byte, maxGap int) []byte {
	sections, err := readSections(wasm)
	if err != nil {
		return wasm
	}
	var out bytes.Buffer
	out.Write(wasm[:8])
	for _, s := range sections {
		if s.id == sectionCustom {
			continue // the Go build id and the producers: nothing reads them
		}
		body := s.body
		if s.id == sectionData || s.id == sectionDataCount {
			segs, err := readDataSegments(sections)
			if err != nil {
				return wasm
			}
			segs = joinSegments(segs, maxGap)
			if s.id == sectionData {
				body = appendDataSection(nil, segs)
			} else {
				body = appendULEB(nil, uint64(len(segs)))
			}
		}
		out.WriteByte(s.id)
		out.Write(appendULEB(nil, uint64(len(body))))
		out.Write(body)
	}
	return out.Bytes()
}

func readSections(wasm []byte) ([]wasmSection, error) {
	if len(wasm) < 8 || !bytes.Equal(wasm[:4], []byte("\x00asm")) {
		return nil, errWasm
	}
	r := wasmReader{b: wasm, p: 8}
	var sections []wasmSection
	for r.p < len(r.b) {
		id := r.byte()
		n := r.uleb()
		if r.err != nil || n > uint64(len(r.b)-r.p) {
			return nil, errWasm
		}
		sections = append(sections, wasmSection{id, r.b[r.p : r.p+int(n)]})
		r.p += int(n)
	}
	return sections, r.err
}

func readDataSegments(sections []wasmSection) ([]dataSegment, error) {
	for _, s := range sections {
		if s.id != sectionData {
			continue
		}
		r := wasmReader{b: s.body}
		n := r.uleb()
		var segs []dataSegment
		for i := uint64(0); i < n && r.err == nil; i++ {
			mode := r.uleb()
			if mode != 0 || r.byte() != opI32Const {
				return nil, errWasm
			}
			offset := r.sleb()
			if r.byte() != opEnd || offset < 0 || offset > 1<<32-1 {
				return nil, errWasm
			}
			size := r.uleb()
			if r.err != nil || size > uint64(len(r.b)-r.p) {
				return nil, errWasm
			}
			segs = append(segs, dataSegment{uint32(offset), r.b[r.p : r.p+int(size)]})
			r.p += int(size)
		}
		if r.err != nil || r.p != len(r.b) {
			return nil, errWasm
		}
		return segs, nil
	}
	return nil, nil
}

// joinSegments merges each segment into the one before it when it starts at
// most maxGap bytes after that one's end. Segments out of order or
// overlapping are left as they are, since a later one overwrites an earlier.
func joinSegments(segs []dataSegment, maxGap int) []dataSegment {
	var out []dataSegment
	for _, s := range segs {
		if len(out) > 0 {
			last := &out[len(out)-1]
			end := uint64(last.offset) + uint64(len(last.data))
			if uint64(s.offset) >= end && uint64(s.offset)-end <= uint64(maxGap) {
				data := make([]byte, 0, int(uint64(s.offset)-uint64(last.offset))+len(s.data))
				data = append(data, last.data...)
				data = append(data, make([]byte, uint64(s.offset)-end)...)
				last.data = append(data, s.data...)
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

func appendDataSection(b []byte, segs []dataSegment) []byte {
	b = appendULEB(b, uint64(len(segs)))
	for _, s := range segs {
		b = append(b, 0, opI32Const)
		b = appendSLEB(b, int64(s.offset))
		b = append(b, opEnd)
		b = appendULEB(b, uint64(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}

// wasmReader reads LEB128 numbers; past the end it keeps an error.
type wasmReader struct {
	b   []byte
	p   int
	err error
}

func (r *wasmReader) byte() byte {
	if r.p >= len(r.b) {
		r.err = errWasm
		return 0
	}
	c := r.b[r.p]
	r.p++
	return c
}

func (r *wasmReader) uleb() uint64 {
	v, _ := r.leb()
	return v
}

func (r *wasmReader) sleb() int64 {
	v, bits := r.leb()
	if bits < 64 && v&(1<<(bits-1)) != 0 {
		return int64(v) | -1<<bits // negative: extend the sign bit
	}
	return int64(v)
}

// leb reads a LEB128 number's bits and how many there were.
func (r *wasmReader) leb() (v uint64, bits int) {
	for bits < 64 {
		c := r.byte()
		v |= uint64(c&0x7f) << bits
		bits += 7
		if c < 0x80 {
			return v, bits
		}
	}
	r.err = errWasm
	return 0, 7
}

func appendULEB(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func appendSLEB(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
