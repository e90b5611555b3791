// Command train-ner trains Lede's name recognizer (annotate/ner) from the
// CoNLL-2003 training set, optionally with WikiGold and GUM, and writes the
// compact model that annotate/ner embeds. With -dev it also reports
// exact-match scores on the CoNLL-2003 dev set, tagged in-process.
//
//	go run ./cmd/train-ner -shared ../shared
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/andybalholm/brotli"

	"lede/annotate/ner"
)

func main() {
	shared := flag.String("shared", "../shared", "the shared data folder")
	out := flag.String("out", "annotate/ner/model.bin", "where to write the model")
	epochs := flag.Int("epochs", 12, "training passes over the data")
	minCount := flag.Int("min-count", 2, "drop features seen fewer times")
	evidence := flag.Bool("evidence", true, "train the second, document-evidence pass")
	wikigold := flag.Bool("wikigold", false, "also train on WikiGold (no better on CoNLL dev, 60 KB larger)")
	gum := flag.Bool("gum", false, "also train on GUM (its names follow other conventions: much worse on CoNLL dev)")
	dev := flag.Bool("dev", true, "score the model on CoNLL-2003 dev")
	classes := flag.Bool("classes", true, "learn word classes from unlabelled text")
	classMinCount := flag.Int("class-min-count", 3, "give classes to words seen at least this often")
	classPasses := flag.Int("class-passes", 4, "passes of the word-class exchange algorithm")
	minWeight := flag.Float64("min-weight", 0.6, "drop weights below this fraction of the median weight")
	mix := flag.Int("mix", 4, "perceptrons, trained on different orders of the data, averaged into the model")
	flag.Parse()
	log.SetFlags(0)

	nerDir := filepath.Join(*shared, "data", "ner")
	examples, err := readCoNLL(filepath.Join(nerDir, "conll2003", "train.txt"), conllColumns{docStart: true})
	check(err)
	titleCaseHeadlines(examples)
	if *wikigold {
		more, err := readCoNLL(filepath.Join(nerDir, "wikigold", "wikigold.conll.txt"), conllColumns{docStart: true})
		check(err)
		examples = append(examples, more...)
	}
	if *gum {
		more, err := readCoNLL(filepath.Join(nerDir, "gum", "train.bio.txt"), conllColumns{sentencesPerDoc: gumSentencesPerDoc})
		check(err)
		examples = append(examples, more...)
	}
	start := time.Now()
	opts := ner.TrainOptions{Epochs: *epochs, MinCount: *minCount, Evidence: *evidence, Seed: 1, Mix: *mix, MinWeight: *minWeight, Log: log.Printf}
	if *classes {
		lines, err := unlabelledText(*shared, sentences(examples))
		check(err)
		byWord := wordClasses(lines, *classMinCount, *classPasses)
		log.Printf("word classes for %d words from %d lines in %s", len(byWord), len(lines), time.Since(start).Round(time.Second))
		opts.Classes = ner.NewWordClasses(byWord)
	}
	log.Printf("training on %d documents", len(examples))
	model := ner.Train(examples, opts)
	log.Printf("trained in %s: %d features", time.Since(start).Round(time.Second), model.Features())
	data, err := model.MarshalBinary()
	check(err)
	check(os.WriteFile(*out, data, 0o644))
	log.Printf("wrote %s: %d bytes, %d with brotli", *out, len(data), brotliSize(data))
	if *dev {
		devExamples, err := readCoNLL(filepath.Join(nerDir, "conll2003", "dev.txt"), conllColumns{docStart: true})
		check(err)
		fmt.Print(score(model.Tag, devExamples))
	}
}

// sentences lists the words of every sentence of examples.
func sentences(examples []ner.Example) [][]string {
	var out [][]string
	for _, ex := range examples {
		for _, s := range ex.Doc.Sentences {
			out = append(out, ex.Doc.Words[s.First:s.Last])
		}
	}
	return out
}

func brotliSize(data []byte) int {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
