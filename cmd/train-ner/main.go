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
	"lede/cmd/internal/halves"
)

func main() {
	shared := flag.String("shared", "../shared", "the shared data folder")
	out := flag.String("out", "annotate/ner/model.bin", "where to write the model")
	epochs := flag.Int("epochs", 12, "training passes over the data")
	minCount := flag.Int("min-count", 2, "drop features seen fewer times")
	evidence := flag.Bool("evidence", true, "train the second, document-evidence pass")
	wikigold := flag.Bool("wikigold", false, "also train on WikiGold (no better on CoNLL dev, 60 KB larger)")
	gum := flag.Bool("gum", false, "also train on GUM (which has no MISC type: a word it leaves outside a name may be tagged MISC)")
	wnut := flag.Bool("wnut", false, "also train on WNUT-17 train (persons, locations, corporations and groups)")
	btc := flag.Bool("btc", false, "also train on the Broad Twitter Corpus (@-handles left outside names)")
	dev := flag.Bool("dev", true, "score the model on CoNLL-2003 dev")
	wikigoldEval := flag.Bool("eval-wikigold", true, "score the model on WikiGold (out of domain; never trained on unless -wikigold)")
	classes := flag.Bool("classes", true, "learn word classes from unlabelled text")
	classMinCount := flag.Int("class-min-count", 3, "give classes to words seen at least this often")
	classWords := flag.Int("class-words", 0, "give classes to at most this many words, the most frequent (0: no limit)")
	allsides := flag.Int("allsides", 0, "files of AllSides news (and then the other unlabelled news) to learn word classes from")
	classPasses := flag.Int("class-passes", 4, "passes of the word-class exchange algorithm")
	minWeight := flag.Float64("min-weight", 2.2, "drop weights below this fraction of the median weight")
	keyBits := flag.Uint("key-bits", 23, "bits of each feature's hash the model keeps")
	classKeyBits := flag.Uint("class-key-bits", 22, "bits of each word's hash the word-class table keeps")
	levels := flag.Int("levels", 12, "quantization levels per sign of weight")
	listWords := flag.Int("list-words", 8000, "words outside the class vocabulary that get name-list bits (-1: no name-list bits)")
	evalOnly := flag.String("eval", "", "score this model file instead of training one")
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
	// noMisc adds corpora that have no MISC type: GUM and the tweets.
	noMisc := func(cols conllColumns, paths ...string) {
		for _, path := range paths {
			more, err := readCoNLL(filepath.Join(nerDir, path), cols)
			check(err)
			for i := range more {
				more[i].NoMisc = true
			}
			examples = append(examples, more...)
		}
	}
	if *gum {
		noMisc(conllColumns{sentencesPerDoc: gumSentencesPerDoc}, "gum/train.bio.txt")
	}
	if *wnut {
		noMisc(conllColumns{sentencesPerDoc: 1, tag: wnutTag}, "wnut17/train.conll")
	}
	if *btc {
		noMisc(conllColumns{sentencesPerDoc: 1, dropHandles: true}, "btc/a.conll", "btc/b.conll", "btc/e.conll", "btc/f.conll", "btc/h.conll")
	}
	opts := ner.TrainOptions{Epochs: *epochs, MinCount: *minCount, Evidence: *evidence, Seed: 1, Mix: *mix, MinWeight: *minWeight, KeyBits: *keyBits, Levels: *levels, Log: log.Printf}
	readSet := func(path string) []ner.Example {
		examples, err := readCoNLL(filepath.Join(nerDir, path), conllColumns{docStart: true})
		check(err)
		return examples
	}
	devExamples := readSet("conll2003/dev.txt")
	var model *ner.Model
	if *evalOnly != "" {
		data, err := os.ReadFile(*evalOnly)
		check(err)
		model, err = ner.Load(data)
		check(err)
	} else {
		model = train(examples, *shared, opts, *classes, *allsides, *classMinCount, *classWords, *classPasses, *classKeyBits, *listWords)
		calibrate(model, devExamples)
		data, err := model.MarshalBinary()
		check(err)
		check(os.WriteFile(*out, data, 0o644))
		log.Printf("wrote %s: %d bytes, %d with brotli", *out, len(data), brotliSize(data))
	}
	if *dev {
		preds, names := tagAll(model, devExamples)
		fmt.Print("CoNLL-2003 dev\n", score(preds, devExamples), reliability(model, names))
	}
	if *wikigoldEval {
		wg := readSet("wikigold/wikigold.conll.txt")
		preds, names := tagAll(model, wg)
		fmt.Print("WikiGold (out of domain)\n", score(preds, wg), reliability(model, names))
	}
}

// train learns the word classes, if asked, and the model.
func train(examples []ner.Example, shared string, opts ner.TrainOptions, classes bool, allsides, classMinCount, classWords, classPasses int, classKeyBits uint, listWords int) *ner.Model {
	start := time.Now()
	if classes {
		lines, err := unlabelledText(shared, sentences(examples), allsides)
		check(err)
		byWord := wordClasses(lines, classMinCount, classWords, classPasses)
		log.Printf("word classes for %d words from %d lines in %s", len(byWord), len(lines), time.Since(start).Round(time.Second))
		var lists map[string]uint8
		if listWords >= 0 {
			counts, err := readNameLists(shared)
			check(err)
			lists = listBits(counts, byWord, listWords)
			log.Printf("name-list bits for %d words", len(lists))
		}
		opts.Classes = ner.NewWordClasses(byWord, lists, classKeyBits)
	}
	log.Printf("training on %d documents", len(examples))
	model := ner.Train(examples, opts)
	log.Printf("trained in %s: %d features", time.Since(start).Round(time.Second), model.Features())
	return model
}

// calibrationBins is how many bins of equal count the confidence table
// starts from, before bins that break its order are pooled.
const calibrationBins = 20

// calibrate fits the model's confidence to the names it finds in dev, the
// documents it never trained on. It first fits on the even documents and
// reports the reliability on the odd ones, an estimate on documents the
// table was not fitted to, then fits on them all.
func calibrate(model *ner.Model, dev []ner.Example) {
	even, odd := halves.Alternate(dev)
	fit := func(examples []ner.Example) {
		_, names := tagAll(model, examples)
		margins, right := make([]float32, len(names)), make([]bool, len(names))
		for i, n := range names {
			margins[i], right[i] = n.margin, n.right
		}
		model.Calibrate(margins, right, calibrationBins)
	}
	fit(even)
	_, names := tagAll(model, odd)
	fmt.Print("confidence fitted on even dev documents, on the odd ones:\n", reliability(model, names))
	fit(dev)
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
