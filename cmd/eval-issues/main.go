// Command eval-issues measures how well the top-ranked top-level issue
// names the section of a BBC News article (Greene & Cunningham 2006: 2,225
// articles in business, entertainment, politics, sport and tech), each class
// mapped to its IPTC top level. It prints accuracy per class and overall, for
// the "dev" half (even positions in the file, the half whose errors were read
// while writing the lexicon) and the "held-out" half (odd positions), and the
// top-level topics each class was confused with.
//
// With -fit it first fits the ranking weights (topics.Ranking) on the dev
// half and writes them to annotate/topics/ranking.txt; see fit.go.
//
//	go run ./cmd/eval-issues -shared ../shared [-errors 5] [-fit]
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"lede/annotate"
	"lede/annotate/topics"
)

// classTopics maps each BBC class to the IPTC top level that names it.
var classTopics = map[string]string{
	"business":      "medtop:04000000", // economy, business and finance
	"entertainment": "medtop:01000000", // arts, culture, entertainment and media
	"politics":      "medtop:11000000", // politics and government
	"sport":         "medtop:15000000", // sport
	"tech":          "medtop:13000000", // science and technology
}

type article struct {
	ID       string `json:"id"`
	Category string `json:"category"`
	Title    string `json:"title"`
	Text     string `json:"text"`
}

type tally struct{ correct, total int }

func (t tally) String() string {
	if t.total == 0 {
		return "     -"
	}
	return fmt.Sprintf("%.3f (%d/%d)", float64(t.correct)/float64(t.total), t.correct, t.total)
}

func main() {
	shared := flag.String("shared", "../shared", "the shared data folder")
	showErrors := flag.Int("errors", 0, "print this many misranked dev articles per class")
	fit := flag.Bool("fit", false, "fit the ranking weights on the dev half, write them to -ranking and evaluate with them")
	rankingPath := flag.String("ranking", "annotate/topics/ranking.txt", "where -fit writes the ranking weights")
	flag.Parse()
	log.SetFlags(0)

	articles, err := readArticles(filepath.Join(*shared, "data/topics/bbc_news/bbc_news.jsonl"))
	if err != nil {
		log.Fatal(err)
	}
	if *fit {
		lex := topics.Load()
		var dev []article
		for i := 0; i < len(articles); i += 2 {
			dev = append(dev, articles[i])
		}
		r := fitRanking(lex, dev)
		header := "Fitted by `go run ./cmd/eval-issues -fit` on the dev half of BBC News\n(even positions in the file) only; do not edit by hand."
		if err := os.WriteFile(*rankingPath, []byte(lex.Format(r, header)), 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("\nwrote %s:\n%s", *rankingPath, lex.Format(r, ""))
	}
	splits := []string{"dev", "held-out", "all"}
	scores := map[string]map[string]*tally{}
	for _, s := range splits {
		scores[s] = map[string]*tally{}
	}
	confusions := map[string]map[string]int{}
	printed := map[string]int{}
	start := time.Now()
	var bytes int
	for i, art := range articles {
		text := art.Title + "\n" + art.Text
		bytes += len(text)
		doc := annotate.Annotate(text, annotate.WithOffsets(annotate.Bytes), annotate.WithLayers(annotate.Layers{Issues: true}))
		got, gotLabel := topIssue(doc)
		want := classTopics[art.Category]
		ok := got == want
		split := splits[i%2]
		for _, s := range []string{split, "all"} {
			for _, c := range []string{art.Category, "overall"} {
				if scores[s][c] == nil {
					scores[s][c] = &tally{}
				}
				scores[s][c].total++
				if ok {
					scores[s][c].correct++
				}
			}
		}
		if !ok {
			if confusions[art.Category] == nil {
				confusions[art.Category] = map[string]int{}
			}
			confusions[art.Category][gotLabel]++
			if split == "dev" && printed[art.Category] < *showErrors {
				printed[art.Category]++
				fmt.Printf("%s → %s: %s\n    %s\n", art.ID, gotLabel, art.Title, summary(doc))
			}
		}
	}
	elapsed := time.Since(start)

	fmt.Printf("\nTop-ranked top-level issue vs BBC class (%d articles)\n\n", len(articles))
	fmt.Printf("| class | dev | held-out | all |\n|---|---|---|---|\n")
	classes := append(sortedKeys(classTopics), "overall")
	for _, c := range classes {
		fmt.Printf("| %s | %s | %s | %s |\n", c, scores["dev"][c], scores["held-out"][c], scores["all"][c])
	}
	fmt.Printf("\nMisranked articles, by the top level they got instead:\n\n")
	for _, c := range sortedKeys(classTopics) {
		fmt.Printf("- %s: %s\n", c, confusionSummary(confusions[c]))
	}
	fmt.Printf("\n%d articles, %.1f MB in %v (%.1f MB/s; quotes are not run)\n",
		len(articles), float64(bytes)/1e6, elapsed.Round(time.Millisecond), float64(bytes)/1e6/elapsed.Seconds())
}

func readArticles(path string) ([]article, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, fmt.Errorf("%s is absent: eval-issues needs the shared data folder (-shared)", path)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

// topIssue is the best-ranked top-level issue: the first one without a parent.
func topIssue(doc *annotate.Document) (id, label string) {
	for _, is := range doc.Issues {
		if is.Parent == "" {
			return is.ID, is.Label
		}
	}
	return "", "(none)"
}

// summary lists the top-level scores and the leading narrow topics of a document.
func summary(doc *annotate.Document) string {
	var tops, narrow []string
	for _, is := range doc.Issues {
		entry := fmt.Sprintf("%s %.2f", is.Label, is.Score)
		if is.Parent == "" {
			tops = append(tops, entry)
		} else if len(narrow) < 6 {
			narrow = append(narrow, fmt.Sprintf("%s[%s]", entry, firstWords(is.Mentions)))
		}
	}
	return strings.Join(tops, "; ") + "\n    " + strings.Join(narrow, "; ")
}

func firstWords(ms []annotate.Mention) string {
	var words []string
	for i, m := range ms {
		if i == 4 {
			break
		}
		words = append(words, m.Text)
	}
	return strings.Join(words, ",")
}

func confusionSummary(counts map[string]int) string {
	if len(counts) == 0 {
		return "none"
	}
	labels := sortedKeys(counts)
	sort.SliceStable(labels, func(i, j int) bool { return counts[labels[i]] > counts[labels[j]] })
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = fmt.Sprintf("%s %d", l, counts[l])
	}
	return strings.Join(parts, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
