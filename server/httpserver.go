package server

import (
	"net/http"
	"time"
)

// NewHTTPServer returns an http.Server for h with timeouts on every phase of
// a request, so that slow or stalled clients cannot hold connections (and
// the memory of their bodies) forever.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		// A 1 MB body at a slow 100 kB/s arrives within 10 s.
		ReadTimeout:    30 * time.Second,
		WriteTimeout:   60 * time.Second,
		IdleTimeout:    120 * time.Second,
		MaxHeaderBytes: 64 << 10,
	}
}
