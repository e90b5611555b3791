package export

import (
	"encoding/binary"
	"errors"
	"io"
	"sync"
)

// A minimal zip writer for bundles: stored entries (no compression), a fixed
// date, so the same files always make the same bytes. archive/zip would
// bring compress/flate into the wasm build for files that a browser
// download and any unzip tool take as well uncompressed.

// zipTime and zipDate are 1980-01-01 00:00, the earliest MS-DOS date.
const zipTime, zipDate = 0, 1<<5 | 1

func writeZip(w io.Writer, files []File) error {
	var central []byte
	offset := 0
	le := binary.LittleEndian
	for _, f := range files {
		if len(f.Data) >= 1<<32-1 || offset >= 1<<32-1 || len(f.Name) > 1<<16-1 {
			return errors.New("the bundle is too large for a zip file")
		}
		crc := crc32IEEE(f.Data)
		header := make([]byte, 0, 30+len(f.Name))
		header = le.AppendUint32(header, 0x04034b50)
		header = le.AppendUint16(header, 10) // version needed: 1.0, stored
		header = le.AppendUint16(header, 0)  // flags
		header = le.AppendUint16(header, 0)  // method: stored
		header = le.AppendUint16(header, zipTime)
		header = le.AppendUint16(header, zipDate)
		header = le.AppendUint32(header, crc)
		header = le.AppendUint32(header, uint32(len(f.Data)))
		header = le.AppendUint32(header, uint32(len(f.Data)))
		header = le.AppendUint16(header, uint16(len(f.Name)))
		header = le.AppendUint16(header, 0) // extra field length
		header = append(header, f.Name...)

		central = le.AppendUint32(central, 0x02014b50)
		central = le.AppendUint16(central, 3<<8|20) // made by: Unix, 2.0
		central = append(central, header[4:30]...)  // version needed … extra length
		central = le.AppendUint16(central, 0)       // comment length
		central = le.AppendUint16(central, 0)       // disk
		central = le.AppendUint16(central, 0)       // internal attributes
		central = le.AppendUint32(central, 0o100644<<16)
		central = le.AppendUint32(central, uint32(offset))
		central = append(central, f.Name...)

		if _, err := w.Write(header); err != nil {
			return err
		}
		if _, err := w.Write(f.Data); err != nil {
			return err
		}
		offset += len(header) + len(f.Data)
	}
	end := make([]byte, 0, 22)
	end = le.AppendUint32(end, 0x06054b50)
	end = le.AppendUint16(end, 0) // this disk
	end = le.AppendUint16(end, 0) // disk of the central directory
	end = le.AppendUint16(end, uint16(len(files)))
	end = le.AppendUint16(end, uint16(len(files)))
	end = le.AppendUint32(end, uint32(len(central)))
	end = le.AppendUint32(end, uint32(offset))
	end = le.AppendUint16(end, 0) // comment length
	if _, err := w.Write(central); err != nil {
		return err
	}
	_, err := w.Write(end)
	return err
}

// crcTable is the CRC-32 (IEEE) table, built on first use: hash/crc32 costs
// the wasm build about 2 KB of brotli for a few small files.
var crcTable = sync.OnceValue(func() *[256]uint32 {
	var t [256]uint32
	for i := range t {
		c := uint32(i)
		for range 8 {
			if c&1 != 0 {
				c = c>>1 ^ 0xedb88320
			} else {
				c >>= 1
			}
		}
		t[i] = c
	}
	return &t
})

// crc32IEEE is the checksum zip files carry, as crc32.ChecksumIEEE gives it.
func crc32IEEE(b []byte) uint32 {
	t := crcTable()
	crc := ^uint32(0)
	for _, c := range b {
		crc = t[byte(crc)^c] ^ crc>>8
	}
	return ^crc
}
