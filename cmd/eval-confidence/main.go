// Command eval-confidence prints how well calibrated the document's
// confidences are: the reliability table of the entities' confidence on
// CoNLL-2003 dev and of the speakers' on PolNeAR dev; with -fit it fits the
// speaker table (annotate/speakertable.go) on PolNeAR train instead.
//
// It reads the articles and their gold in the shared scorers' formats
// (score-conll and score-quotes -emit and -emit-gold; see
// scripts/eval-confidence.sh, which runs it):
//
//	eval-confidence -docs conll.jsonl -entities conll-gold.jsonl
//	eval-confidence -docs polnear-dev.jsonl -quotes polnear-dev-gold.jsonl
//	eval-confidence -docs polnear-train.jsonl -quotes polnear-train-gold.jsonl -fit annotate/speakertable.go
//
// A predicted mention is right when a gold one of its type has exactly its
// bytes. A speaker is judged as score-quotes judges it: on the quotes that
// match a gold quote (Jaccard of their bytes at least 0.5, one to one,
// best overlap first) whose source is named, it is right when it shares a
// capitalised word, other than a title or a function word, with the source.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"

	"lede/annotate"
)

func main() {
	docs := flag.String("docs", "", `the articles: JSONL {"id","text"} (score-conll or score-quotes -emit)`)
	entities := flag.String("entities", "", "the gold entities: JSONL from score-conll -emit-gold")
	quotes := flag.String("quotes", "", "the gold quotes: JSONL from score-quotes -emit-gold")
	fit := flag.String("fit", "", "with -quotes: fit the speaker table on these articles and write it to this Go file")
	flag.Parse()
	if err := run(*docs, *entities, *quotes, *fit); err != nil {
		fmt.Fprintln(os.Stderr, "eval-confidence:", err)
		os.Exit(1)
	}
}

func run(docsFile, entitiesFile, quotesFile, fitFile string) error {
	if docsFile == "" || (entitiesFile == "") == (quotesFile == "") {
		return errors.New("want -docs and one of -entities or -quotes")
	}
	texts, err := readTexts(docsFile)
	if err != nil {
		return err
	}
	if entitiesFile != "" {
		gold, err := readGold(entitiesFile)
		if err != nil {
			return err
		}
		fmt.Print(reliability("entity mentions", judgeEntities(texts, gold)))
		return nil
	}
	gold, err := readGold(quotesFile)
	if err != nil {
		return err
	}
	judged := judgeSpeakers(texts, gold)
	if fitFile == "" {
		fmt.Print(bases(judged), reliability("speakers of quotes with a named source", judged))
		return nil
	}
	f, err := os.Create(fitFile)
	if err != nil {
		return err
	}
	if err := writeTable(f, judged); err != nil {
		f.Close()
		return err
	}
	fmt.Print(bases(judged), reliability("speakers of the odd articles, the table fitted on the even ones", heldOut(judged)))
	return f.Close()
}

// record is one line of the scorers' JSONL: an article or its gold.
type record struct {
	ID       int    `json:"id"`
	Text     string `json:"text"`
	Entities []span `json:"entities"`
	Quotes   []span `json:"quotes"`
}

type span struct {
	Type    string `json:"type"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Speaker string `json:"speaker"`
}

func readRecords(name string, each func(line int, r record)) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReader(f))
	for line := 0; ; line++ {
		r := record{ID: line}
		if err := dec.Decode(&r); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("%s: record %d: %w", name, line+1, err)
		}
		each(line, r)
	}
}

func readTexts(name string) (map[int]string, error) {
	texts := map[int]string{}
	err := readRecords(name, func(_ int, r record) { texts[r.ID] = r.Text })
	return texts, err
}

func readGold(name string) (map[int]record, error) {
	gold := map[int]record{}
	err := readRecords(name, func(_ int, r record) { gold[r.ID] = r })
	return gold, err
}

// judged is one confidence given and whether it was right.
type judged struct {
	confidence float64
	right      bool
	key        string // the speaker's basis and kind
	article    int
}

// ids lists the articles in order.
func ids(texts map[int]string) []int {
	out := make([]int, 0, len(texts))
	for id := range texts {
		out = append(out, id)
	}
	sort.Ints(out)
	return out
}

var conllTypes = map[string]annotate.EntityType{"PERSON": annotate.Person, "PER": annotate.Person,
	"PLACE": annotate.Place, "LOC": annotate.Place, "ORG": annotate.Organization}

func judgeEntities(texts map[int]string, gold map[int]record) []judged {
	var out []judged
	for _, id := range ids(texts) {
		type key struct {
			t          annotate.EntityType
			start, end int
		}
		want := map[key]bool{}
		for _, e := range gold[id].Entities {
			if t, ok := conllTypes[e.Type]; ok {
				want[key{t, e.Start, e.End}] = true
			}
		}
		doc := annotate.Annotate(texts[id], annotate.WithOffsets(annotate.Bytes))
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				out = append(out, judged{confidence: e.Confidence, right: want[key{e.Type, m.Start, m.End}]})
			}
		}
	}
	return out
}

func judgeSpeakers(texts map[int]string, gold map[int]record) []judged {
	var out []judged
	for _, id := range ids(texts) {
		doc := annotate.Annotate(texts[id], annotate.WithOffsets(annotate.Bytes))
		types := map[string]annotate.EntityType{}
		for _, e := range doc.Entities {
			types[e.ID] = e.Type
		}
		for p, g := range matchQuotes(doc.Quotes, gold[id].Quotes) {
			source := nameWords(gold[id].Quotes[g].Speaker)
			s := doc.Quotes[p].Speaker
			if len(source) == 0 || s == nil {
				continue // an unnamed source is not judged; no speaker is no confidence
			}
			right := false
			for w := range nameWords(s.Name) {
				right = right || source[w]
			}
			basis := s.Basis
			if basis == "" {
				basis = "none"
			}
			out = append(out, judged{confidence: s.Confidence, right: right, key: basis + " " + kind(s, types), article: id})
		}
	}
	return out
}

// kind is the speaker's kind as annotate/speakerconfidence.go names it.
func kind(s *annotate.Speaker, types map[string]annotate.EntityType) string {
	switch {
	case s.Entity != "" && types[s.Entity] == annotate.Person:
		return "person"
	case s.Entity != "":
		return "body"
	case s.Anonymous:
		return "anonymous"
	}
	return "described"
}

// matchQuotes pairs predicted quotes with gold ones whose bytes overlap by
// a Jaccard of at least 0.5, best first, one to one: predicted index → gold.
func matchQuotes(pred []annotate.Quote, gold []span) map[int]int {
	type pair struct {
		p, g int
		j    float64
	}
	var pairs []pair
	for p, q := range pred {
		for g, s := range gold {
			in := min(q.End, s.End) - max(q.Start, s.Start)
			if in <= 0 {
				continue
			}
			if j := float64(in) / float64(max(q.End, s.End)-min(q.Start, s.Start)); j >= 0.5 {
				pairs = append(pairs, pair{p, g, j})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].j > pairs[b].j })
	out := map[int]int{}
	taken := map[int]bool{}
	for _, pr := range pairs {
		if _, ok := out[pr.p]; ok || taken[pr.g] {
			continue
		}
		out[pr.p], taken[pr.g] = pr.g, true
	}
	return out
}

// notNames are capitalised words that name no one: pronouns, determiners,
// titles and roles.
var notNames = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the he she it they we i you who which that this his her their its our
		mr mrs ms dr sir lord lady sen rep gov gen col lt capt sgt rev
		president vice minister secretary senator representative governor mayor judge justice
		chairman chairwoman spokesman spokeswoman director chief official officials source sources
		foreign state prime former pope king queen prince princess candidate nominee
		democratic republican party campaign according`) {
		notNames[w] = true
	}
}

// nameWords are the capitalised words of s that may be part of a name,
// lower-cased, without a possessive 's.
func nameWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' }) {
		first := []rune(w)[0]
		if !unicode.IsUpper(first) {
			continue
		}
		w = strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
		if len(w) >= 2 && !notNames[w] {
			out[w] = true
		}
	}
	return out
}
