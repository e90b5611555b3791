package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"

	"lede/server"
)

// runServe serves the built app and the HTTP API on a local address.
func runServe(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dist := fs.String("dist", "dist", "directory of the built app (make dist)")
	allowOrigin := fs.String("allow-origin", "", `origins that may call the API and message the app in iframe mode, comma-separated, or "*"`)
	frameAncestors := fs.String("frame-ancestors", "", "origins that may frame the app (CSP frame-ancestors), comma-separated")
	if err := fs.Parse(args); err != nil {
		return err
	}
	origins, err := server.ParseOrigins(*allowOrigin)
	if err != nil {
		return fmt.Errorf("-allow-origin: %w", err)
	}
	ancestors, err := server.ParseOrigins(*frameAncestors)
	if err != nil {
		return fmt.Errorf("-frame-ancestors: %w", err)
	}
	if info, err := os.Stat(*dist); err != nil || !info.IsDir() {
		return fmt.Errorf("no app in %s: run `make dist` first (or pass -dist)", *dist)
	}
	handler := server.New(server.Config{
		Dist:           os.DirFS(*dist),
		AllowedOrigins: origins,
		FrameAncestors: ancestors,
	})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Printf("Lede is running at http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	err = server.NewHTTPServer(*addr, handler).Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
