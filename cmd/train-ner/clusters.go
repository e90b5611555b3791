package main

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"lede/annotate"
)

// Word classes: groups words that appear in similar company in unlabelled
// news text (BBC News, PolNeAR and the CoNLL training text), with the
// exchange algorithm: each word in turn moves to the class that most raises
// the likelihood of a class bigram model. A name the training set never
// shows then still shares a class with names it does show.

// unlabelledText returns the lines of the unlabelled corpora, tokenized.
func unlabelledText(shared string, conll [][]string, allsides int) ([][]string, error) {
	lines := append([][]string{}, conll...)
	addText := func(text string) {
		for _, line := range strings.Split(text, "\n") {
			toks := annotate.Tokenize(line)
			if len(toks) == 0 {
				continue
			}
			words := make([]string, len(toks))
			for i, t := range toks {
				words[i] = t.Text(line)
			}
			lines = append(lines, words)
		}
	}
	bbc, err := os.ReadFile(filepath.Join(shared, "data", "topics", "bbc_news", "bbc_news.jsonl"))
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(bbc), "\n") {
		var article struct{ Title, Text string }
		if json.Unmarshal([]byte(line), &article) == nil {
			addText(article.Title + "\n" + article.Text)
		}
	}
	// Modern news: the AllSides articles (2012-2020) and the other
	// unlabelled collections, in file order.
	news, err := filepath.Glob(filepath.Join(shared, "data", "topics", "allsides", "allsides-*.jsonl.gz"))
	if err != nil {
		return nil, err
	}
	sort.Strings(news)
	news = news[:min(allsides, len(news))]
	more, err := filepath.Glob(filepath.Join(shared, "data", "unlabeled", "*.jsonl"))
	if err != nil {
		return nil, err
	}
	sort.Strings(more)
	if allsides > 0 {
		news = append(news, more...)
	}
	for _, f := range news {
		if err := readArticles(f, addText); err != nil {
			return nil, err
		}
	}
	files, err := filepath.Glob(filepath.Join(shared, "data", "quotes", "polnear", "train", "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		addText(string(b))
	}
	return lines, nil
}

// numClasses is the number of word classes, each stored in one byte. (A
// hierarchy of 32 coarse classes split in 8 did no better on CoNLL dev.)
const numClasses = 255 // the last byte value marks words without a class

// wordClasses clusters the words seen at least minCount times into
// numClasses classes and returns each word's class.
func wordClasses(lines [][]string, minCount, maxWords, passes int) map[string]uint8 {
	// Word ids by decreasing frequency; id 0 is the sentence boundary and
	// rarer words share one id, so that every bigram is counted.
	freq := map[string]int{}
	for _, line := range lines {
		for _, w := range line {
			freq[w]++
		}
	}
	var vocab []string
	for w, n := range freq {
		if n >= minCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if freq[vocab[i]] != freq[vocab[j]] {
			return freq[vocab[i]] > freq[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	if maxWords > 0 && len(vocab) > maxWords {
		vocab = vocab[:maxWords]
	}
	const boundary, rare = 0, 1
	id := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		id[w] = int32(i + 2)
	}
	n := len(vocab) + 2
	bigrams := make([]map[int32]int32, n)
	for i := range bigrams {
		bigrams[i] = map[int32]int32{}
	}
	total := 0
	wordID := func(w string) int32 {
		if i, ok := id[w]; ok {
			return i
		}
		return rare
	}
	for _, line := range lines {
		prev := int32(boundary)
		for _, w := range line {
			cur := wordID(w)
			bigrams[prev][cur]++
			prev = cur
			total++
		}
		bigrams[prev][boundary]++
		total++
	}
	c := newClassModel(bigrams, numClasses, total)
	c.optimize(passes)
	out := make(map[string]uint8, len(vocab))
	for i, w := range vocab {
		out[w] = uint8(c.class[i+2])
	}
	return out
}

// optimize moves words between classes until none moves or passes run out.
func (c *classModel) optimize(passes int) {
	for range passes {
		moved := 0
		for w := int32(2); w < int32(len(c.class)); w++ { // the boundary and rare ids stay
			if c.moveBest(w) {
				moved++
			}
		}
		if moved == 0 {
			return
		}
	}
}

// classModel is the class bigram model under optimisation.
type classModel struct {
	k            int
	class        []int32
	right, left  [][]neighbour // each word's bigram counts with its neighbours
	self         []int64       // count of the bigram (w, w)
	outOf, into  []int64       // each word's bigram count as left and right member
	pair         []int64       // k×k class bigram counts
	classOut     []int64
	classIn      []int64
	xlogx        func(int64) float64
	rDense       []int64 // scratch: w's right neighbours per class
	lDense       []int64
	rUsed, lUsed []int32
}

type neighbour struct {
	word  int32
	count int64
}

func newClassModel(bigrams []map[int32]int32, k, total int) *classModel {
	n := len(bigrams)
	c := &classModel{
		k: k, class: make([]int32, n), right: make([][]neighbour, n), left: make([][]neighbour, n),
		self: make([]int64, n), outOf: make([]int64, n), into: make([]int64, n),
		pair: make([]int64, k*k), classOut: make([]int64, k), classIn: make([]int64, k),
		rDense: make([]int64, k), lDense: make([]int64, k),
	}
	table := make([]float64, total+1)
	for i := 1; i <= total; i++ {
		table[i] = float64(i) * math.Log(float64(i))
	}
	c.xlogx = func(x int64) float64 { return table[x] }
	for w := range bigrams {
		c.class[w] = int32(w % k)
	}
	for u, row := range bigrams {
		keys := make([]int32, 0, len(row))
		for v := range row {
			keys = append(keys, v)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
		for _, v := range keys {
			cnt := int64(row[v])
			c.outOf[u] += cnt
			c.into[v] += cnt
			c.pair[int(c.class[u])*k+int(c.class[v])] += cnt
			if int(v) == u {
				c.self[u] += cnt
				continue
			}
			c.right[u] = append(c.right[u], neighbour{v, cnt})
			c.left[v] = append(c.left[v], neighbour{int32(u), cnt})
		}
	}
	for w := range bigrams {
		c.classOut[c.class[w]] += c.outOf[w]
		c.classIn[c.class[w]] += c.into[w]
	}
	return c
}

// shift adds (sign +1) or removes (−1) word w, whose neighbours per class are
// in rDense/lDense, to or from class b.
func (c *classModel) shift(w int32, b int32, sign int64) {
	k := int32(c.k)
	for _, cl := range c.rUsed {
		c.pair[b*k+cl] += sign * c.rDense[cl]
	}
	for _, cl := range c.lUsed {
		c.pair[cl*k+b] += sign * c.lDense[cl]
	}
	c.pair[b*k+b] += sign * c.self[w]
	c.classOut[b] += sign * c.outOf[w]
	c.classIn[b] += sign * c.into[w]
}

// gain is the change of the objective if w (now in no class) joins class b.
func (c *classModel) gain(w, b int32) float64 {
	k := int32(c.k)
	f := c.xlogx
	g := 0.0
	for _, cl := range c.rUsed {
		if cl != b {
			old := c.pair[b*k+cl]
			g += f(old+c.rDense[cl]) - f(old)
		}
	}
	for _, cl := range c.lUsed {
		if cl != b {
			old := c.pair[cl*k+b]
			g += f(old+c.lDense[cl]) - f(old)
		}
	}
	old := c.pair[b*k+b]
	g += f(old+c.rDense[b]+c.lDense[b]+c.self[w]) - f(old)
	g -= f(c.classOut[b]+c.outOf[w]) - f(c.classOut[b])
	g -= f(c.classIn[b]+c.into[w]) - f(c.classIn[b])
	return g
}

// moveBest moves word w to its best class and reports whether it moved.
func (c *classModel) moveBest(w int32) bool {
	c.rUsed, c.lUsed = c.rUsed[:0], c.lUsed[:0]
	for _, nb := range c.right[w] {
		cl := c.class[nb.word]
		if c.rDense[cl] == 0 {
			c.rUsed = append(c.rUsed, cl)
		}
		c.rDense[cl] += nb.count
	}
	for _, nb := range c.left[w] {
		cl := c.class[nb.word]
		if c.lDense[cl] == 0 {
			c.lUsed = append(c.lUsed, cl)
		}
		c.lDense[cl] += nb.count
	}
	from := c.class[w]
	c.shift(w, from, -1)
	best, bestGain := from, c.gain(w, from)
	for b := int32(0); b < int32(c.k); b++ {
		if g := c.gain(w, b); g > bestGain+1e-9 {
			best, bestGain = b, g
		}
	}
	c.shift(w, best, +1)
	c.class[w] = best
	for _, cl := range c.rUsed {
		c.rDense[cl] = 0
	}
	for _, cl := range c.lUsed {
		c.lDense[cl] = 0
	}
	return best != from
}

// readArticles calls add with the title and text of each article of a JSON
// lines file, gzipped when its name ends in .gz.
func readArticles(path string, add func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		defer gz.Close()
		r = gz
	}
	dec := json.NewDecoder(r)
	for {
		var article struct{ Title, Text string }
		if err := dec.Decode(&article); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		add(article.Title + "\n" + article.Text)
	}
}
