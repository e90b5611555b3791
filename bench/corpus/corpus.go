// Package corpus builds the benchmark texts from the news corpora in
// ../shared/data, read in place: a set of ~1,000-word articles and long texts
// of a chosen size. The Go benchmarks (annotate/bench_test.go) and the node
// side-by-side (bench/sidebyside.mjs, through bench/texts) both take their
// texts from here, so native, wasm and compromise are measured on the same
// bytes. Nothing built here is ever written into the repository.
package corpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// ErrAbsent reports that the shared data folder is not beside the project.
var ErrAbsent = errors.New("the shared data folder is absent")

// Article lengths in words that count as "a ~1,000-word article".
const (
	minArticleWords = 900
	maxArticleWords = 1100
)

// Size names a long-text size.
type Size struct {
	Name  string
	Bytes int
}

// Sizes are the long-text sizes measured for linear growth, smallest first.
var Sizes = []Size{{"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}, {"10MB", 10 << 20}}

// SizeNamed returns the size called name.
func SizeNamed(name string) (Size, bool) {
	for _, s := range Sizes {
		if s.Name == name {
			return s, true
		}
	}
	return Size{}, false
}

// paragraphBreak joins articles into one long text.
const paragraphBreak = "\n\n"

// Articles returns the PolNeAR training articles of 900 to 1,100 words, in
// file-name order.
func Articles(shared string) ([]string, error) {
	all, err := polnearArticles(shared)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, a := range all {
		if n := len(strings.Fields(a)); n >= minArticleWords && n <= maxArticleWords {
			out = append(out, a)
		}
	}
	return out, nil
}

// warmUpArticles is how many BBC News articles WarmUp returns: enough for
// the JIT to compile every hot path and to fill Lede's lexicon of words.
const warmUpArticles = 400

// WarmUp returns news to run before a measurement: BBC News articles, which
// share no article with Articles. After them an engine has warmed up the way
// it does in a session, and none of the measured articles has been seen.
func WarmUp(shared string) ([]string, error) {
	bbc, err := bbcArticles(shared)
	if err != nil {
		return nil, err
	}
	return bbc[:min(warmUpArticles, len(bbc))], nil
}

// Text returns size bytes (or slightly fewer, cut at a paragraph break) of
// news: the PolNeAR training articles, then the BBC News articles, repeated
// from the start when they run out.
func Text(shared string, size int) (string, error) {
	articles, err := polnearArticles(shared)
	if err != nil {
		return "", err
	}
	bbc, err := bbcArticles(shared)
	if err != nil {
		return "", err
	}
	articles = append(articles, bbc...)
	var b strings.Builder
	b.Grow(size + 64<<10)
	for i := 0; b.Len() < size; i = (i + 1) % len(articles) {
		if b.Len() > 0 {
			b.WriteString(paragraphBreak)
		}
		b.WriteString(articles[i])
	}
	return cut(b.String(), size), nil
}

// cut shortens text to at most size bytes, preferring to end at a paragraph
// break in the last 64 KB and otherwise at a rune boundary.
func cut(text string, size int) string {
	if len(text) <= size {
		return text
	}
	if i := strings.LastIndex(text[:size], paragraphBreak); i > size-64<<10 && i > 0 {
		return text[:i]
	}
	for size > 0 && !utf8.RuneStart(text[size]) {
		size--
	}
	return text[:size]
}

func polnearArticles(shared string) ([]string, error) {
	dir := filepath.Join(shared, "data", "quotes", "polnear", "train", "text")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, absentOr(dir)
	}
	sort.Strings(names)
	out := make([]string, 0, len(names))
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, strings.TrimSpace(string(b)))
	}
	return out, nil
}

// bbcArticles returns each BBC News article as its title line and its text.
func bbcArticles(shared string) ([]string, error) {
	path := filepath.Join(shared, "data", "topics", "bbc_news", "bbc_news.jsonl")
	f, err := os.Open(path)
	if err != nil {
		return nil, absentOr(path)
	}
	defer f.Close()
	var out []string
	lines := bufio.NewScanner(f)
	lines.Buffer(nil, 1<<20)
	for lines.Scan() {
		var a struct{ Title, Text string }
		if err := json.Unmarshal(lines.Bytes(), &a); err != nil {
			return nil, err
		}
		out = append(out, a.Title+paragraphBreak+strings.TrimSpace(a.Text))
	}
	return out, lines.Err()
}

// absentOr says ErrAbsent when path does not exist, and otherwise that the
// corpus is there but unreadable or empty.
func absentOr(path string) error {
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return ErrAbsent
	}
	return errors.New(path + " holds no articles")
}
