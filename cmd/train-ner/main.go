// Command train-ner trains Lede's name recognizer (annotate/ner) from the
// CoNLL-2003 training set, optionally with WikiGold and GUM, and writes the
// compact model that annotate/ner embeds. With -dev it also reports
// exact-match scores on the CoNLL-2003 dev set, tagged in-process.
//
//	go run ./cmd/train-ner -shared ../shared
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"lede/annotate/ner"
	"lede/cmd/internal/halves"
	"lede/internal/cli"
)

func main() {
	shared := cli.SharedFlag()
	out := flag.String("out", "annotate/ner/model.bin", "where to write the model")
	epochs := flag.Int("epochs", 12, "training passes over the data")
	minCount := flag.Int("min-count", 2, "drop features seen fewer times")
	evidence := flag.Bool("evidence", true, "train the second, document-evidence pass")
	var c config
	flag.BoolVar(&c.wikigold, "wikigold", false, "also train on WikiGold (no better on CoNLL dev, 60 KB larger)")
	flag.BoolVar(&c.gum, "gum", false, "also train on GUM (which has no MISC type: a word it leaves outside a name may be tagged MISC)")
	flag.BoolVar(&c.wnut, "wnut", false, "also train on WNUT-17 train (persons, locations, corporations and groups)")
	flag.BoolVar(&c.btc, "btc", false, "also train on the Broad Twitter Corpus (@-handles left outside names)")
	flag.BoolVar(&c.dev, "dev", true, "score the model on CoNLL-2003 dev")
	flag.BoolVar(&c.wikigoldEval, "eval-wikigold", true, "score the model on WikiGold (out of domain; never trained on unless -wikigold)")
	flag.BoolVar(&c.classes, "classes", true, "learn word classes from unlabelled text")
	flag.IntVar(&c.classMinCount, "class-min-count", 3, "give classes to words seen at least this often")
	flag.IntVar(&c.classWords, "class-words", 0, "give classes to at most this many words, the most frequent (0: no limit)")
	flag.IntVar(&c.allsides, "allsides", 0, "files of AllSides news (and then the other unlabelled news) to learn word classes from")
	flag.IntVar(&c.classPasses, "class-passes", 4, "passes of the word-class exchange algorithm")
	minWeight := flag.Float64("min-weight", 2.2, "drop weights below this fraction of the median weight")
	keyBits := flag.Uint("key-bits", 23, "bits of each feature's hash the model keeps")
	flag.UintVar(&c.classKeyBits, "class-key-bits", 22, "bits of each word's hash the word-class table keeps")
	levels := flag.Int("levels", 12, "quantization levels per sign of weight")
	flag.IntVar(&c.listWords, "list-words", 8000, "words outside the class vocabulary that get name-list bits (-1: no name-list bits)")
	flag.BoolVar(&c.listMore, "list-more", false, "name-list bits also from GeoNames, Natural Earth, clubs, parties and universities (dev -0.5, WikiGold +0.3 over three seeds, with -list-new-bits)")
	flag.BoolVar(&c.listNewBits, "list-new-bits", false, "name-list bits for the first words of organizations and one-word names (6 KB brotli more; see -list-more)")
	evalOnly := flag.String("eval", "", "score this model file instead of training one")
	seed := flag.Int64("seed", 1, "the seed of the orders the perceptrons see the data in")
	mix := flag.Int("mix", 4, "perceptrons, trained on different orders of the data, averaged into the model")
	cli.Run("train-ner", func() error {
		c.shared, c.out, c.evalOnly = *shared, *out, *evalOnly
		c.opts = ner.TrainOptions{Epochs: *epochs, MinCount: *minCount, Evidence: *evidence, Seed: *seed, Mix: *mix, MinWeight: *minWeight, KeyBits: *keyBits, Levels: *levels, Log: log.Printf}
		return run(c)
	})
}

// config is what the command line asks for.
type config struct {
	shared, out, evalOnly                            string
	opts                                             ner.TrainOptions
	wikigold, gum, wnut, btc, dev, wikigoldEval      bool
	classes                                          bool
	classMinCount, classWords, allsides, classPasses int
	classKeyBits                                     uint
	listWords                                        int
	listMore, listNewBits                            bool
}

// run reads the training sets, trains (or loads) the model, writes it and
// scores it.
func run(c config) error {
	nerDir := filepath.Join(c.shared, "data", "ner")
	readSet := func(path string, cols conllColumns) ([]ner.Example, error) {
		return readCoNLL(filepath.Join(nerDir, path), cols)
	}
	examples, err := readSet("conll2003/train.txt", conllColumns{docStart: true})
	if err != nil {
		return err
	}
	titleCaseHeadlines(examples)
	if c.wikigold {
		more, err := readSet("wikigold/wikigold.conll.txt", conllColumns{docStart: true})
		if err != nil {
			return err
		}
		examples = append(examples, more...)
	}
	// The corpora that have no MISC type: GUM and the tweets.
	for _, noMisc := range []struct {
		use   bool
		cols  conllColumns
		paths []string
	}{
		{c.gum, conllColumns{sentencesPerDoc: gumSentencesPerDoc}, []string{"gum/train.bio.txt"}},
		{c.wnut, conllColumns{sentencesPerDoc: 1, tag: wnutTag}, []string{"wnut17/train.conll"}},
		{c.btc, conllColumns{sentencesPerDoc: 1, dropHandles: true}, []string{"btc/a.conll", "btc/b.conll", "btc/e.conll", "btc/f.conll", "btc/h.conll"}},
	} {
		for _, path := range noMisc.paths {
			if !noMisc.use {
				break
			}
			more, err := readSet(path, noMisc.cols)
			if err != nil {
				return err
			}
			for i := range more {
				more[i].NoMisc = true
			}
			examples = append(examples, more...)
		}
	}
	devExamples, err := readSet("conll2003/dev.txt", conllColumns{docStart: true})
	if err != nil {
		return err
	}
	var model *ner.Model
	if c.evalOnly != "" {
		data, err := os.ReadFile(c.evalOnly)
		if err != nil {
			return err
		}
		if model, err = ner.Load(data); err != nil {
			return err
		}
	} else {
		if model, err = train(examples, c); err != nil {
			return err
		}
		calibrate(model, devExamples)
		data, err := model.MarshalBinary()
		if err != nil {
			return err
		}
		if err := os.WriteFile(c.out, data, 0o644); err != nil {
			return err
		}
		log.Printf("wrote %s: %d bytes, %d with brotli", c.out, len(data), cli.BrotliSize(data))
	}
	if c.dev {
		preds, names := tagAll(model, devExamples)
		fmt.Print("CoNLL-2003 dev\n", score(preds, devExamples), reliability(model, names))
	}
	if c.wikigoldEval {
		wg, err := readSet("wikigold/wikigold.conll.txt", conllColumns{docStart: true})
		if err != nil {
			return err
		}
		preds, names := tagAll(model, wg)
		fmt.Print("WikiGold (out of domain)\n", score(preds, wg), reliability(model, names))
	}
	return nil
}

// train learns the word classes, if asked, and the model.
func train(examples []ner.Example, c config) (*ner.Model, error) {
	start := time.Now()
	opts := c.opts
	if c.classes {
		lines, err := unlabelledText(c.shared, sentences(examples), c.allsides)
		if err != nil {
			return nil, err
		}
		byWord := wordClasses(lines, c.classMinCount, c.classWords, c.classPasses)
		log.Printf("word classes for %d words from %d lines in %s", len(byWord), len(lines), time.Since(start).Round(time.Second))
		var lists map[string]uint16
		if c.listWords >= 0 {
			counts, err := readNameLists(c.shared, c.listMore)
			if err != nil {
				return nil, err
			}
			lists = listBits(counts, byWord, c.listWords, c.listNewBits)
			log.Printf("name-list bits for %d words", len(lists))
		}
		opts.Classes = ner.NewWordClasses(byWord, lists, c.classKeyBits)
	}
	log.Printf("training on %d documents", len(examples))
	model := ner.Train(examples, opts)
	log.Printf("trained in %s: %d features", time.Since(start).Round(time.Second), model.Features())
	return model, nil
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
