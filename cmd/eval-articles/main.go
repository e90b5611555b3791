// Command eval-articles scores the entities Lede finds in the test articles
// of annotate/testdata/articles (short articles written for the project in
// today's news styles, each with the people, places and organizations a
// careful reader would list). It prints entity-level precision and recall per
// type (an entity matches a gold one of its type by name or alias; a second
// entity matching the same gold one is a split and counts as a false
// positive), the false people per article, and how many roles were right.
//
//	go run ./cmd/eval-articles [-dir annotate/testdata/articles] [-v]
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
)

func main() {
	dir := flag.String("dir", "annotate/testdata/articles", "the folder of NN-slug.txt articles and their .gold.json")
	verbose := flag.Bool("v", false, "list every miss, false positive, split, wrong name and wrong role")
	flag.Parse()
	articles, err := loadArticles(*dir)
	if err != nil {
		log.Fatal(err)
	}
	total, per := evaluate(articles)
	report(os.Stdout, len(articles), total)
	if *verbose {
		for i, r := range per {
			fmt.Printf("\n%s: %d false people\n", articles[i].Name, len(r.FalsePeople))
			for _, lines := range [][]string{r.Misses, r.FalsePeople, r.FalsePositives, r.Splits, r.BadNames, r.WrongRoles} {
				for _, l := range lines {
					fmt.Println("  ", l)
				}
			}
		}
	}
}

func report(w *os.File, n int, r result) {
	fmt.Fprintf(w, "%d articles\n%-13s %5s %5s %5s %7s %7s %7s\n", n, "type", "tp", "fp", "fn", "P", "R", "F1")
	for _, t := range types {
		c := *r.ByType[t]
		fmt.Fprintf(w, "%-13s %5d %5d %5d %7.2f %7.2f %7.2f\n", t, c.TP, c.FP, c.FN, 100*c.precision(), 100*c.recall(), 100*c.f1())
	}
	c := r.micro()
	fmt.Fprintf(w, "%-13s %5d %5d %5d %7.2f %7.2f %7.2f\n", "micro", c.TP, c.FP, c.FN, 100*c.precision(), 100*c.recall(), 100*c.f1())
	fmt.Fprintf(w, "false people: %d (%.2f per article)  splits: %d  invented names: %d  roles: %d of %d right\n",
		len(r.FalsePeople), float64(len(r.FalsePeople))/float64(n), len(r.Splits), len(r.BadNames), r.RolesCorrect, r.RolesExpected)
	if len(r.FalsePeople) > 0 {
		fmt.Fprintf(w, "false people: %s\n", strings.Join(r.FalsePeople, "; "))
	}
}
