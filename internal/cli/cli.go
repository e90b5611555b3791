// Package cli is what Lede's commands share around their work: the -shared
// flag that names the read-only data folder, and ending with the command's
// name and the error, status 1, when the work fails.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
)

// SharedFlag defines the -shared flag: the shared data folder, ../shared
// from the repository by default.
func SharedFlag() *string {
	return flag.String("shared", "../shared", "the shared data folder")
}

// Run parses the command line's flags and runs work. If work fails, the
// command prints its name and the error to standard error and exits with
// status 1.
func Run(name string, work func() error) {
	flag.Parse()
	if err := work(); err != nil {
		os.Exit(fail(os.Stderr, name, err))
	}
}

// fail writes the message of a failed command and returns its exit status.
func fail(w io.Writer, name string, err error) int {
	fmt.Fprintf(w, "%s: %v\n", name, err)
	return 1
}
