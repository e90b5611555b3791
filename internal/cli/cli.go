// Package cli is what Lede's commands share around their work: the -shared
// flag that names the read-only data folder, ending with the command's name
// and the error, status 1, when the work fails, and the brotli size that the
// commands making embedded data report.
package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/andybalholm/brotli"
)

// SharedFlag defines the -shared flag: the shared data folder, ../shared
// from the repository by default.
func SharedFlag() *string {
	return flag.String("shared", "../shared", "the shared data folder")
}

// Run parses the command line's flags and runs work, with log's messages
// bare (no time stamp: the commands log what they made, not when). If work
// fails, the command prints its name and the error to standard error and
// exits with status 1.
func Run(name string, work func() error) {
	flag.Parse()
	log.SetFlags(0)
	if err := work(); err != nil {
		os.Exit(fail(os.Stderr, name, err))
	}
}

// fail writes the message of a failed command and returns its exit status.
func fail(w io.Writer, name string, err error) int {
	fmt.Fprintf(w, "%s: %v\n", name, err)
	return 1
}

// BrotliSize is the size of data compressed as the app is served (brotli,
// best compression): what an embedded file adds to the download.
func BrotliSize(data []byte) int {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(data) // a bytes.Buffer takes every write
	w.Close()
	return buf.Len()
}
