package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"lede/annotate"
	"lede/annotate/export"
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
	offsets := fs.String("offsets", "", "offset unit: utf16, byte or codepoint (default utf16; code points for CSV, brat and Web Annotation)")
	format := fs.String("format", "", "output format: the document JSON when unset, or one of "+strings.Join(formatNames(), ", "))
	jsonl := fs.Bool("jsonl", false, `read {"id","text"} objects, one per line, and write one result per line`)
	layers := fs.String("layers", "", "layers to annotate, comma-separated: entities, quotes, issues (default all)")
	withText := fs.Bool("text", true, "-format json: include the text")
	base := fs.String("base", "", "-format webannotation: the IRI annotation ids are built on (default: urn:uuid ids from a hash of the text)")
	source := fs.String("source", "", "-format webannotation: the IRI of the article (default: a urn:uuid from a hash of the text)")
	outDir := fs.String("out", "", "write the export into this folder (brat: the .txt, .ann and annotation.conf) instead of standard output")
	lexicon := fs.String("lexicon", "", "a newsroom lexicon: a JSON file (docs/format.md)")
	corrections := fs.String("corrections", "", "an editor's corrections: a JSON file holding an array of them (docs/format.md)")
	editor := fs.String("editor", "", "-format webannotation: who the corrections are credited to (default \"editor\")")
	if err := fs.Parse(args); err != nil {
		return err
	}
	settings := export.Settings{Settings: annotate.Settings{Offsets: *offsets}, Text: withText, Base: *base, Source: *source, Editor: *editor}
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
	if *corrections != "" {
		cs, err := readCorrections(*corrections)
		if err == nil {
			_, err = annotate.WithCorrections(cs)
		}
		if err != nil {
			return fmt.Errorf("-corrections: %w", err)
		}
		settings.Corrections = cs
	}
	if *layers != "" {
		settings.Layers = strings.Split(*layers, ",")
	}
	exportOpts, err := settings.Options()
	if err != nil {
		return err
	}
	opts, err := settings.Settings.Options()
	if err != nil {
		return err
	}
	f, isExport := export.Lookup(*format)
	write, ok := formats[*format]
	if !ok && !isExport {
		return fmt.Errorf("unknown -format %q (want %s)", *format, strings.Join(formatNames(), ", "))
	}
	if *jsonl {
		if isExport && *format != "json" {
			return fmt.Errorf("-format %s writes one document per run, not -jsonl", *format)
		}
		if write == nil {
			write = writeDocument
		}
		out := bufio.NewWriterSize(os.Stdout, 1<<16)
		defer out.Flush()
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
	if isExport {
		return writeExport(f, text, exportOpts, *outDir)
	}
	if *outDir != "" {
		return fmt.Errorf("-out needs an export -format (%s)", export.Names())
	}
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	return write(out, nil, annotate.Annotate(text, opts...))
}

// writeExport writes text in format f to standard output, or its files
// into dir.
func writeExport(f *export.Format, text string, o export.Options, dir string) error {
	in := export.Prepare(f, text, o)
	if dir == "" {
		out := bufio.NewWriterSize(os.Stdout, 1<<16)
		if err := f.Write(out, in); err != nil {
			return err
		}
		return out.Flush()
	}
	files, err := f.Files(in)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, file := range files {
		if err := os.WriteFile(filepath.Join(dir, file.Name), file.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
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

// formatNames lists the export formats, then the evaluation formats.
func formatNames() []string {
	var names []string
	for _, f := range export.Formats() {
		names = append(names, f.Name)
	}
	var eval []string
	for n := range formats {
		if n != "" {
			eval = append(eval, n)
		}
	}
	sort.Strings(eval)
	return append(names, eval...)
}
