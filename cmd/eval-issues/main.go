// Command eval-issues measures the issues stage, through the whole pipeline,
// with the classifier as shipped (annotate/topics/classifier.bin):
//
//   - top-level accuracy on BBC News 2004–05 (Greene & Cunningham 2006),
//     on the held-out half (odd positions; the even half is trained on) and
//     on the training half, per class;
//   - top-level accuracy on MasakhaNEWS English dev.tsv (BBC 2022; the
//     classifier trains on train.tsv only; the test split is never read);
//   - how often the class is the first or second top level: a desk's label
//     is often a reader's second field (a tech firm's merger, a choir for
//     people with dementia on the health desk);
//   - the same on the headlines alone;
//   - the reliability of the first top level's confidence on the held-out
//     stories (by tenths: how many, their mean confidence, the share right;
//     the temperature is fitted by cmd/build-topics on training stories);
//   - Lede's own test articles (annotate/testdata/issues): whether the
//     issues a reader expects are among the top five, and how many words
//     are underlined as salient issues.
//
// The top-ranked top level is the first issue without a parent.
//
//	go run ./cmd/eval-issues -shared ../shared [-errors 5]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"lede/annotate"
	"lede/cmd/build-topics/corpus"
	"lede/cmd/internal/halves"
	"lede/internal/cli"
)

type tally struct{ correct, total int }

func (t tally) String() string {
	if t.total == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f (%d/%d)", float64(t.correct)/float64(t.total), t.correct, t.total)
}

func main() {
	shared := cli.SharedFlag()
	own := flag.String("own", "annotate/testdata/issues", "Lede's own test articles")
	showErrors := flag.Int("errors", 0, "print this many misranked held-out stories per class")
	flag.Parse()
	log.SetFlags(0)

	bbc, err := corpus.BBC(*shared)
	if err != nil {
		log.Fatal(err)
	}
	trained, held := halves.Alternate(bbc)
	dev, err := corpus.Masakhane(*shared, "dev")
	if err != nil {
		log.Fatal(err)
	}
	start := time.Now()
	var bytes int
	// The reliability of the first top level's confidence on the held-out
	// stories: BBC News, MasakhaNEWS, and their headlines alone.
	var bbcRel, devRel, headRel reliability
	topTwo := map[string]int{} // by run title: stories whose class is the second top level
	run := func(title string, stories []corpus.Story, headlines bool, rel *reliability) map[string]*tally {
		scores := map[string]*tally{}
		printed := map[string]int{}
		confusions := map[string]map[string]int{}
		for _, s := range stories {
			text := s.Article()
			if headlines {
				text = s.Title
			}
			bytes += len(text)
			doc := annotate.Annotate(text, annotate.WithOffsets(annotate.Bytes), annotate.WithLayers(annotate.Layers{Issues: true}))
			got, label := topIssue(doc)
			ok := got == s.Topic
			if secondTopLevel(doc) == s.Topic {
				topTwo[title]++
			}
			if rel != nil {
				rel.add(topConfidence(doc), ok)
			}
			for _, c := range []string{s.Class, "overall"} {
				if scores[c] == nil {
					scores[c] = &tally{}
				}
				scores[c].total++
				if ok {
					scores[c].correct++
				}
			}
			if !ok {
				if confusions[s.Class] == nil {
					confusions[s.Class] = map[string]int{}
				}
				confusions[s.Class][label]++
				if !headlines && printed[s.Class] < *showErrors {
					printed[s.Class]++
					fmt.Printf("  %s → %s: %s\n", s.Class, label, s.Title)
				}
			}
		}
		if title != "" {
			fmt.Printf("\n%s\n\n| class | accuracy | misranked as |\n|---|---|---|\n", title)
			for _, c := range append(sortedKeys(scores), "overall") {
				fmt.Printf("| %s | %s | %s |\n", c, scores[c], confusionSummary(confusions[c]))
			}
			o := scores["overall"]
			fmt.Printf("\nThe class first or second of the top levels: %s\n", tally{o.correct + topTwo[title], o.total})
		}
		return scores
	}
	run("BBC News 2004–05, held-out half (odd positions), full articles", held, false, &bbcRel)
	run("MasakhaNEWS English dev.tsv (BBC 2022), full articles", dev, false, &devRel)
	bbcTrained := run("", trained, false, nil)
	bbcHeadlines := run("", held, true, &headRel)
	devHeadlines := run("", dev, true, &headRel)
	elapsed := time.Since(start)
	fmt.Printf("\n| | full articles | headlines alone |\n|---|---|---|\n")
	fmt.Printf("| BBC held-out half | (above) | %s |\n", bbcHeadlines["overall"])
	fmt.Printf("| MasakhaNEWS dev | (above) | %s |\n", devHeadlines["overall"])
	fmt.Printf("| BBC training half (trained on) | %s | |\n", bbcTrained["overall"])
	printReliability([]string{"BBC held-out half", "MasakhaNEWS dev", "their headlines alone"}, []*reliability{&bbcRel, &devRel, &headRel})
	fmt.Printf("\n%.1f MB in %v (%.1f MB/s; names and issues, no quotes)\n", float64(bytes)/1e6, elapsed.Round(time.Millisecond), float64(bytes)/1e6/elapsed.Seconds())
	if err := ownArticles(*own); err != nil {
		log.Fatal(err)
	}
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

// secondTopLevel is the ID of the second-ranked top-level issue, "" if none.
func secondTopLevel(doc *annotate.Document) string {
	n := 0
	for _, is := range doc.Issues {
		if is.Parent == "" {
			if n++; n == 2 {
				return is.ID
			}
		}
	}
	return ""
}

// topConfidence is the confidence of the best-ranked top-level issue.
func topConfidence(doc *annotate.Document) float64 {
	for _, is := range doc.Issues {
		if is.Parent == "" {
			return is.Confidence
		}
	}
	return 0
}

// reliability counts, for each tenth of confidence, the stories whose first
// top level is given that confidence, their summed confidence, and how many
// are right.
type reliability struct {
	bins [10]tally
	sum  [10]float64
}

func (r *reliability) add(confidence float64, right bool) {
	b := min(int(confidence*10), 9)
	r.bins[b].total++
	r.sum[b] += confidence
	if right {
		r.bins[b].correct++
	}
}

// printReliability writes the reliability tables side by side, with the
// expected calibration error of each (the stories' mean gap between
// confidence and accuracy, bin by bin).
func printReliability(names []string, rels []*reliability) {
	fmt.Printf("\nReliability of the first top level's confidence (stories, mean confidence → share right):\n\n| confidence | %s |\n|---|%s\n", strings.Join(names, " | "), strings.Repeat("---|", len(names)))
	gaps := make([]float64, len(rels))
	counts := make([]int, len(rels))
	for b := range 10 {
		fmt.Printf("| %.1f–%.1f |", float64(b)/10, float64(b+1)/10)
		for i, r := range rels {
			t := r.bins[b]
			if t.total == 0 {
				fmt.Printf(" |")
				continue
			}
			mean, right := r.sum[b]/float64(t.total), float64(t.correct)/float64(t.total)
			fmt.Printf(" %d, %.2f → %.2f |", t.total, mean, right)
			gaps[i] += float64(t.total) * math.Abs(mean-right)
			counts[i] += t.total
		}
		fmt.Println()
	}
	fmt.Printf("| expected calibration error |")
	for i := range rels {
		fmt.Printf(" %.3f |", gaps[i]/float64(max(counts[i], 1)))
	}
	fmt.Println()
}

// expectation is what a reader expects of one of Lede's own test articles
// (cases.json): the top level, and issues that should be among the top five.
type expectation struct {
	File   string   `json:"file"`
	Top    string   `json:"top"`
	Issues []string `json:"issues"`
}

// ownArticles reports, for Lede's own articles, whether the top level is
// right, whether the expected issues are among the top five (the first five
// narrow issues, or the first two top levels), and the words underlined.
func ownArticles(dir string) error {
	src, err := os.ReadFile(filepath.Join(dir, "cases.json"))
	if err != nil {
		return err
	}
	var cases []expectation
	if err := json.Unmarshal(src, &cases); err != nil {
		return err
	}
	fmt.Printf("\nLede's own test articles (%s)\n\n| article | top level | expected in top five | words underlined | salient issues |\n|---|---|---|---|---|\n", dir)
	var words []int
	tops, found, expected := 0, 0, 0
	for _, c := range cases {
		text, err := os.ReadFile(filepath.Join(dir, c.File))
		if err != nil {
			return err
		}
		doc := annotate.Annotate(string(text), annotate.WithOffsets(annotate.Bytes))
		top, _ := topIssue(doc)
		if top == c.Top {
			tops++
		}
		five := annotate.TopIssueIDs(doc.Issues, 5, 2)
		hits := 0
		for _, id := range c.Issues {
			if slices.Contains(five, id) {
				hits++
			}
		}
		found += hits
		expected += len(c.Issues)
		n, salient := 0, []string{}
		for _, is := range doc.Issues {
			if is.Salient {
				salient = append(salient, is.Label)
				for _, m := range is.Mentions {
					n += len(strings.Fields(m.Text))
				}
			}
		}
		words = append(words, n)
		fmt.Printf("| %s | %v | %d/%d | %d | %s |\n", c.File, top == c.Top, hits, len(c.Issues), n, strings.Join(salient, "; "))
	}
	slices.Sort(words)
	fmt.Printf("\ntop level right %d/%d; expected issues in the top five %d/%d; words underlined per article: median %d, max %d\n",
		tops, len(cases), found, expected, words[len(words)/2], words[len(words)-1])
	return nil
}

func confusionSummary(counts map[string]int) string {
	if len(counts) == 0 {
		return ""
	}
	labels := sortedKeys(counts)
	sort.SliceStable(labels, func(i, j int) bool { return counts[labels[i]] > counts[labels[j]] })
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = fmt.Sprintf("%s %d", l, counts[l])
	}
	return strings.Join(parts, ", ")
}

// sortedKeys lists the keys of m, sorted, without "overall".
func sortedKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		if k != "overall" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}
