//go:build !(js && wasm)

package main

import "os"

// main explains how to build the bridge when it is built for the host, so
// `go build ./...` works and a mistaken `go run ./wasm` says what to do.
func main() {
	os.Stderr.WriteString("the wasm bridge runs in a browser: build it with `make dist` (GOOS=js GOARCH=wasm)\n")
	os.Exit(2)
}
