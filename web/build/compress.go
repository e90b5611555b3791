package main

import (
	"bytes"
	"compress/gzip"

	"github.com/andybalholm/brotli"
)

// Pre-compressed copies let a server send an asset without compressing it
// per request. Brotli comes from a pure-Go encoder so that `make dist` needs
// nothing but Go (no cgo, no brotli binary).

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	err = w.Close()
	return buf.Bytes(), err
}

func brotliBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	err := w.Close()
	return buf.Bytes(), err
}
