package annotate

import (
	"fmt"
	"os"
	"testing"

	"lede/annotate/ner"
)

func TestTmpXi(t *testing.T) {
	b, _ := os.ReadFile(seedPath)
	text := string(b)
	toks := Tokenize(text)
	sents := splitSentences(text, toks)
	m, _ := ner.Default()
	doc := ner.Document{Words: make([]string, len(toks))}
	for i, tk := range toks {
		doc.Words[i] = tk.Text(text)
	}
	for _, s := range sents {
		doc.Sentences = append(doc.Sentences, ner.Sentence{First: s.First, Last: s.Last})
	}
	labels := make([]ner.Label, len(toks))
	m.Tag(doc, labels)
	for i, w := range doc.Words {
		if w == "Xi" || (i > 0 && doc.Words[i-1] == "Xi") {
			fmt.Println(i, w, labels[i])
		}
	}
}
