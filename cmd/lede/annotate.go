package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"

	"lede/annotate"
)

// maxInput bounds what one document may hold, so a mistaken input fails with
// a message rather than exhausting memory.
const maxInput = 64 << 20

// longText is the length past which a text and its document outweigh the
// rest of the heap (models and working memory), and the GC trades CPU for
// memory.
const longText = 4 << 20

func runAnnotate(args []string) error {
	fs := flag.NewFlagSet("annotate", flag.ContinueOnError)
	offsets := fs.String("offsets", "utf16", "offset unit: utf16, byte or codepoint")
	format := fs.String("format", "json", "output format: "+strings.Join(formatNames(), ", "))
	jsonl := fs.Bool("jsonl", false, `read {"id","text"} objects, one per line, and write one result per line`)
	lexicon := fs.String("lexicon", "", "a newsroom lexicon: a JSON file (docs/format.md)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	settings := annotate.Settings{Offsets: *offsets}
	if *lexicon != "" {
		lex, err := readLexicon(*lexicon)
		if err == nil {
			_, err = annotate.NewNewsroom(*lex)
		}
		if err != nil {
			return fmt.Errorf("-lexicon: %w", err)
		}
		settings.Lexicon = lex
	}
	opts, err := settings.Options()
	if err != nil {
		return fmt.Errorf("-offsets: %w", err)
	}
	write, ok := formats[*format]
	if !ok {
		return fmt.Errorf("unknown -format %q (want %s)", *format, strings.Join(formatNames(), ", "))
	}
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	if *jsonl {
		return annotateLines(os.Stdin, out, write, opts)
	}
	text, err := readInputs(fs.Args())
	if err != nil {
		return err
	}
	if len(text) > longText {
		// The text and its document live for the whole run: collecting at
		// 1.4 times the live heap rather than twice keeps a 10 MB text at
		// 75-90 MB instead of 130, for about 10% more CPU.
		debug.SetGCPercent(40)
	}
	return write(out, nil, annotate.Annotate(text, opts...))
}

func readInputs(files []string) (string, error) {
	if len(files) == 0 {
		return readLimited(os.Stdin, "standard input")
	}
	var parts []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		text, err := readLimited(f, name)
		f.Close()
		if err != nil {
			return "", err
		}
		parts = append(parts, text)
	}
	return strings.Join(parts, "\n\n"), nil
}

// readLimited reads f into a string without a second copy of the text. The
// string is allocated once when f's size is known: grown by appends, it
// would leave a trail of shorter copies behind it.
func readLimited(f *os.File, name string) (string, error) {
	var b strings.Builder
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		b.Grow(int(min(info.Size(), maxInput+1)))
	}
	if _, err := io.Copy(&b, io.LimitReader(f, maxInput+1)); err != nil {
		return "", fmt.Errorf("reading %s: %w", name, err)
	}
	if b.Len() > maxInput {
		return "", fmt.Errorf("%s is larger than %d MB; split it into articles", name, maxInput>>20)
	}
	return b.String(), nil
}

type jsonlInput struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

func annotateLines(in io.Reader, out *bufio.Writer, write formatter, opts []annotate.Option) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), maxInput)
	for line := 1; sc.Scan(); line++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var rec jsonlInput
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("line %d: %v", line, err)
		}
		if rec.Text == nil {
			return fmt.Errorf(`line %d: no "text" field`, line)
		}
		if err := write(out, rec.ID, annotate.Annotate(*rec.Text, opts...)); err != nil {
			return err
		}
	}
	if errors.Is(sc.Err(), bufio.ErrTooLong) {
		return fmt.Errorf("a line is longer than %d MB", maxInput>>20)
	}
	return sc.Err()
}

func formatNames() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
