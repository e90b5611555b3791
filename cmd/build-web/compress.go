package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"time"

	"github.com/andybalholm/brotli"
)

// Pre-compressed copies let a server send an asset without compressing it
// per request. Brotli comes from a pure-Go encoder so that `make dist` needs
// nothing but Go (no cgo, no brotli binary). Its best quality takes tens of
// seconds on the wasm, so results are cached by content in the user's cache
// folder: a rebuild with an unchanged wasm does not pay for it again.

func gzipBytes(b []byte) ([]byte, error) {
	return cached("gz", b, func() ([]byte, error) {
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
	})
}

// brotliWindow is the log2 of brotli's window: 24, the most the format
// allows every decoder (RFC 7932), so the whole wasm is in reach of a match
// (the encoder's default, 22, reaches back 4 MB).
const brotliWindow = 24

func brotliBytes(b []byte) ([]byte, error) {
	return cached("br24", b, func() ([]byte, error) {
		var buf bytes.Buffer
		w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: brotliWindow})
		if _, err := w.Write(b); err != nil {
			return nil, err
		}
		err := w.Close()
		return buf.Bytes(), err
	})
}

// cacheMinSize is the smallest input worth caching: small files compress
// faster than they are read back.
const cacheMinSize = 64 << 10

// cacheMaxAge is how long an unused cached result is kept.
const cacheMaxAge = 7 * 24 * time.Hour

// cached returns compress(data), reading it from the cache when a previous
// build made it. Any cache failure just means compressing again.
func cached(kind string, data []byte, compress func() ([]byte, error)) ([]byte, error) {
	dir, err := os.UserCacheDir()
	if len(data) < cacheMinSize || err != nil {
		return compress()
	}
	dir = filepath.Join(dir, "lede-build")
	sum := sha256.Sum256(data)
	file := filepath.Join(dir, hex.EncodeToString(sum[:])+"."+kind)
	if b, err := os.ReadFile(file); err == nil {
		now := time.Now()
		os.Chtimes(file, now, now)
		return b, nil
	}
	out, err := compress()
	if err != nil {
		return nil, err
	}
	if os.MkdirAll(dir, 0o755) == nil && os.WriteFile(file+".tmp", out, 0o644) == nil {
		os.Rename(file+".tmp", file)
		pruneCache(dir)
	}
	return out, nil
}

func pruneCache(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > cacheMaxAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
