// Command lede annotates news articles from the command line and serves the
// app and its HTTP API. All analysis lives in package annotate; this file only
// parses flags and moves bytes.
package main

import (
	"fmt"
	"os"
)

const usage = `lede: find people, places, organizations, quotes and issues in news articles

usage:
  lede annotate [-offsets utf16|byte|codepoint] [-layers entities,quotes,issues] [-jsonl] [FILE...]
  lede annotate -format json|webannotation|html|csv|entities-csv|brat [-out DIR] [-text=false] [-base IRI] [-source IRI] [FILE...]
  lede annotate -format conll-eval|quotes-eval -jsonl
  lede serve [-addr 127.0.0.1:8080] [-dist dist] [-allow-origin ORIGINS] [-frame-ancestors ORIGINS]

annotate reads the files (or standard input) and prints the document JSON, or
the export -format names (brat is a zip archive, or its files with -out DIR).
With -jsonl it reads one {"id":...,"text":"..."} object per line and writes one
document per line carrying the same id.
`

// commands is the registry of subcommands.
var commands = map[string]func(args []string) error{
	"annotate": runAnnotate,
	"serve":    runServe,
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	run, ok := commands[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "lede: unknown command %q\n\n%s", os.Args[1], usage)
		os.Exit(2)
	}
	if err := run(os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "lede:", err)
		os.Exit(1)
	}
}
