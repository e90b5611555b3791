package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testModule builds a module of a type section stand-in, optionally a data
// count section, and a data section of segs.
func testModule(segs []dataSegment, withCount bool) []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, 1, 4, 1, 0x60, 0, 0) // one type: func() -> ()
	if withCount {
		count := appendULEB(nil, uint64(len(segs)))
		m = append(m, sectionDataCount, byte(len(count)))
		m = append(m, count...)
	}
	body := appendDataSection(nil, segs)
	m = append(m, sectionData)
	m = appendULEB(m, uint64(len(body)))
	return append(m, body...)
}

// memoryOf is the initial memory the segments of module write.
func memoryOf(t *testing.T, module []byte) []byte {
	t.Helper()
	sections, err := readSections(module)
	require.NoError(t, err)
	segs, err := readDataSegments(sections)
	require.NoError(t, err)
	var mem []byte
	for _, s := range segs {
		if end := int(s.offset) + len(s.data); end > len(mem) {
			mem = append(mem, make([]byte, end-len(mem))...)
		}
		copy(mem[s.offset:], s.data)
	}
	return mem
}

func TestMergeDataSegments(t *testing.T) {
	segs := []dataSegment{
		{offset: 16, data: []byte("ab")},
		{offset: 20, data: []byte("cd")},          // gap 2: merged
		{offset: 22, data: []byte("e")},           // touching: merged
		{offset: 40, data: []byte("far")},         // gap 17: kept apart at maxGap 8
		{offset: 200, data: []byte{1, 2, 3}},      // far away
		{offset: 201, data: []byte("overwrites")}, // overlaps: kept, it must win
		{offset: 100000, data: bytes.Repeat([]byte{7}, 300)},
	}
	tests := []struct {
		name      string
		maxGap    int
		withCount bool
		want      int // segments after merging
	}{
		{"no gap", 0, false, 6},
		{"small gaps", 8, false, 5},
		{"with a data count section", 8, true, 5},
		{"wide gaps", 1000, false, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := testModule(segs, tt.withCount)
			out := mergeDataSegments(in, tt.maxGap)
			assert.Equal(t, memoryOf(t, in), memoryOf(t, out), "the initial memory changed")
			sections, err := readSections(out)
			require.NoError(t, err)
			got, err := readDataSegments(sections)
			require.NoError(t, err)
			assert.Len(t, got, tt.want)
			for _, s := range sections {
				if s.id == sectionDataCount {
					r := wasmReader{b: s.body}
					assert.Equal(t, uint64(tt.want), r.uleb(), "data count")
				}
			}
			assert.Equal(t, in[:14], out[:14], "header and type section")
		})
	}
}

func TestMergeDataSegmentsLeavesOtherModulesAlone(t *testing.T) {
	passive := testModule(nil, false)
	passive = append(passive[:len(passive)-3], sectionData, 4, 1, 1, 1, 'x') // one passive segment
	tests := []struct {
		name string
		in   []byte
	}{
		{"not wasm", []byte("hello, world")},
		{"truncated", testModule([]dataSegment{{offset: 8, data: []byte("abc")}}, false)[:20]},
		{"passive segment", passive},
		{"empty", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.in, mergeDataSegments(tt.in, 4096))
		})
	}
}

func TestLEB128RoundTrips(t *testing.T) {
	for _, v := range []int64{0, 1, 63, 64, -1, -64, -65, 127, 128, 1 << 20, 0x7fffffff, -1 << 31} {
		r := wasmReader{b: appendSLEB(nil, v)}
		assert.Equal(t, v, r.sleb(), "sleb %d", v)
		assert.NoError(t, r.err)
		if v >= 0 {
			r = wasmReader{b: appendULEB(nil, uint64(v))}
			assert.Equal(t, uint64(v), r.uleb(), "uleb %d", v)
		}
	}
}

func TestOptimizeWasm(t *testing.T) {
	file := t.TempDir() + "/lede.wasm"
	require.NoError(t, os.WriteFile(file, []byte("\x00asm\x01\x00\x00\x00"), 0o644))
	tests := []struct {
		name, tool string
		fails      bool
	}{
		{"no wasm-opt", "", false},
		{"a failing wasm-opt", "false", true},
		{"a missing wasm-opt", "/nonexistent/wasm-opt", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func(old string) { wasmOpt = old }(wasmOpt)
			wasmOpt = tt.tool
			err := optimizeWasm(file)
			if tt.fails {
				assert.Error(t, err)
			} else {
				assert.NoError(t, err)
			}
			b, err := os.ReadFile(file)
			require.NoError(t, err)
			assert.Equal(t, "\x00asm\x01\x00\x00\x00", string(b), "the wasm is left as it was")
		})
	}
}
