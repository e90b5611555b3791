// Command texts writes the benchmark texts of package corpus into a scratch
// folder for the node side-by-side: articles.json (an array of ~1,000-word
// articles), warmup.json (other news to run first) and text-<size>.txt for
// each size asked for. The folder is
// outside the repository; corpus text is never committed.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"lede/bench/corpus"
	"lede/internal/cli"
)

func main() {
	shared := cli.SharedFlag()
	out := flag.String("out", "", "folder to write the texts into (required)")
	sizes := flag.String("sizes", "1MB", "comma-separated text sizes: 10KB, 100KB, 1MB, 10MB")
	cli.Run("texts", func() error { return write(*shared, *out, strings.Split(*sizes, ",")) })
}

func write(shared, out string, sizes []string) error {
	if out == "" {
		return fmt.Errorf("-out is required")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for name, articles := range map[string]func(string) ([]string, error){"articles.json": corpus.Articles, "warmup.json": corpus.WarmUp} {
		texts, err := articles(shared)
		if err != nil {
			return err
		}
		b, err := json.Marshal(texts)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return err
		}
	}
	for _, name := range sizes {
		size, ok := corpus.SizeNamed(name)
		if !ok {
			return fmt.Errorf("unknown size %q", name)
		}
		text, err := corpus.Text(shared, size.Bytes)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "text-"+name+".txt"), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
