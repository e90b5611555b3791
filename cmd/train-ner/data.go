package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"lede/annotate"
	"lede/annotate/ner"
)

// Reading the training data: CoNLL-style files with one token per line and
// its tag in the last column (IOB1 or IOB2), a blank line after each sentence.
// Every token is cut again with the pipeline's tokenizer, so the model
// trains on the words it will see at run time.

// conllColumns describes one file's layout.
type conllColumns struct {
	// docStart: -DOCSTART- lines separate documents. Files without them
	// are cut into documents of sentencesPerDoc sentences.
	docStart        bool
	sentencesPerDoc int
	// tag maps the file's tag to CoNLL's (B-PER ... or O), when its types
	// differ; dropHandles leaves @-handles outside any name (tweets name
	// accounts as people, news does not).
	tag         func(string) string
	dropHandles bool
}

// wnutTag maps WNUT-17's types to CoNLL's: person, location, and
// corporation and group as organizations; products and creative works,
// which CoNLL would call MISC but WNUT-17 marks more widely, are left out.
func wnutTag(tag string) string {
	prefix, typ, ok := strings.Cut(tag, "-")
	if !ok {
		return "O"
	}
	switch typ {
	case "person":
		return prefix + "-PER"
	case "location":
		return prefix + "-LOC"
	case "corporation", "group":
		return prefix + "-ORG"
	}
	return "O"
}

// gumSentencesPerDoc groups GUM's sentences (which carry no document
// boundaries) into pseudo-documents of about one article's length.
const gumSentencesPerDoc = 40

// builder accumulates one document.
type builder struct {
	doc   ner.Text
	spans []ner.Span
	// open is the name being read, if any.
	open      *ner.Span
	sentStart int
}

func (b *builder) addToken(word, tag string) {
	var typ ner.Type
	inName := tag != "O"
	if inName {
		var ok bool
		typ, ok = ner.ParseType(tag[2:])
		inName = ok
	}
	// A name continues on I- of the same type; B- or another type starts one.
	continues := inName && b.open != nil && b.open.Type == typ && strings.HasPrefix(tag, "I-")
	if !continues {
		b.closeName()
	}
	first := len(b.doc.Words)
	for _, t := range annotate.Tokenize(word) {
		b.doc.Words = append(b.doc.Words, t.Text(word))
	}
	if !inName {
		return
	}
	if !continues {
		b.open = &ner.Span{First: first, Type: typ}
	}
	b.open.Last = len(b.doc.Words)
}

func (b *builder) closeName() {
	if b.open != nil {
		b.spans = append(b.spans, *b.open)
		b.open = nil
	}
}

func (b *builder) endSentence() {
	b.closeName()
	if len(b.doc.Words) > b.sentStart {
		b.doc.Sentences = append(b.doc.Sentences, ner.WordRange{First: b.sentStart, Last: len(b.doc.Words)})
	}
	b.sentStart = len(b.doc.Words)
}

func (b *builder) example() ner.Example {
	b.endSentence()
	labels := make([]ner.Label, len(b.doc.Words))
	ner.LabelSpans(labels, b.spans)
	return ner.Example{Doc: b.doc, Labels: labels}
}

// readCoNLL reads a file into one example per document.
func readCoNLL(path string, cols conllColumns) ([]ner.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var examples []ner.Example
	b := &builder{}
	flush := func() {
		if ex := b.example(); len(ex.Doc.Words) > 0 {
			examples = append(examples, ex)
		}
		b = &builder{}
	}
	var sentence [][]string
	endSentence := func() {
		if len(sentence) > 0 && !hasPlaceholders(sentence) {
			for _, fields := range sentence {
				tag := fields[len(fields)-1]
				if cols.tag != nil {
					tag = cols.tag(tag)
				}
				if cols.dropHandles && strings.HasPrefix(fields[0], "@") {
					tag = "O"
				}
				b.addToken(fields[0], tag)
			}
			b.endSentence()
			if !cols.docStart && len(b.doc.Sentences) == cols.sentencesPerDoc {
				flush()
			}
		}
		sentence = sentence[:0]
	}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			endSentence()
		case fields[0] == "-DOCSTART-":
			endSentence()
			flush()
		case len(fields) == 1 && isBlankToken(sc.Text()):
			// a token of white space alone (tweets have them): no word
		case len(fields) < 2:
			return nil, fmt.Errorf("%s:%d: want a token and a tag", path, line)
		default:
			sentence = append(sentence, fields)
		}
	}
	endSentence()
	flush()
	return examples, sc.Err()
}

// isBlankToken reports whether a line's token, before its tab, is white
// space alone.
func isBlankToken(line string) bool {
	token, _, tagged := strings.Cut(line, "\t")
	return tagged && strings.TrimSpace(token) == ""
}

// hasPlaceholders reports whether a sentence's words were withheld (GUM
// replaces the text of some documents with underscores).
func hasPlaceholders(sentence [][]string) bool {
	for _, fields := range sentence {
		if fields[0] == "_" {
			return true
		}
	}
	return false
}

// titleCaseHeadlines rewrites every other headline written in capitals in
// title case, as most pasted articles write theirs, so that the recognizer
// learns to read both styles (CoNLL-2003 has only the first).
func titleCaseHeadlines(examples []ner.Example) {
	n := 0
	for _, ex := range examples {
		for _, s := range ex.Doc.Sentences {
			words := ex.Doc.Words[s.First:s.Last]
			if recased, ok := ner.TitleCaseHeadline(words); ok {
				if n%2 == 1 {
					copy(words, recased)
				}
				n++
			}
		}
	}
}
