// Command eval-pronouns measures pronoun attribution and gender on the GUM
// documents with coreference (../shared/data/ner/gum/coref: Wikinews news
// and interviews in CoNLL-U, entities and chains in MISC Entity=). It
// rebuilds each document's text from its tokens, annotates it, and scores:
//
//   - pronoun cues: for every quote whose cue has a third-person pronoun as
//     its subject ("…," she said; he said: "…"), whether the speaker Lede
//     gives is the person GUM's chain puts that pronoun in;
//   - gender: for every GUM person whose chain holds gendered pronouns
//     (he, him, his, himself; she, her, hers, herself), whether the gender
//     of the person entity Lede found for them is the one the pronouns show.
//
// Nothing is fitted on GUM: it is a measure only.
//
//	go run ./cmd/eval-pronouns -shared ../shared [-v]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"lede/annotate"
	"lede/internal/cli"
)

func main() {
	shared := cli.SharedFlag()
	verbose := flag.Bool("v", false, "print every miss")
	flag.Parse()
	log.SetFlags(0)
	files, err := filepath.Glob(filepath.Join(*shared, "data", "ner", "gum", "coref", "*.conllu"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no GUM coref documents under %s", *shared)
	}
	var total score
	for _, f := range files {
		d, err := readDoc(f)
		if err != nil {
			log.Fatal(err)
		}
		s := evaluate(d, annotate.Annotate(d.text, annotate.WithOffsets(annotate.Bytes)), *verbose)
		total.add(s)
	}
	fmt.Printf("GUM coref: %d documents (news and interviews)\n", len(files))
	fmt.Printf("pronoun cues: %d of %d quotes whose cue's subject is he/she/they resolved to the right entity (%.1f%%); %d with no speaker\n",
		total.cueRight, total.cues, pct(total.cueRight, total.cues), total.cueNone)
	fmt.Printf("gender: %d of %d GUM people whose pronouns show it, found as person entities, right (%.1f%%); %d unknown, %d wrong; by text %d/%d, by name %d/%d\n",
		total.genderRight, total.gendered, pct(total.genderRight, total.gendered), total.genderUnknown,
		total.gendered-total.genderRight-total.genderUnknown, total.textRight, total.text, total.nameRight, total.name)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

type score struct {
	cues, cueRight, cueNone              int
	gendered, genderRight, genderUnknown int
	text, textRight, name, nameRight     int
}

func (s *score) add(o score) {
	s.cues += o.cues
	s.cueRight += o.cueRight
	s.cueNone += o.cueNone
	s.gendered += o.gendered
	s.genderRight += o.genderRight
	s.genderUnknown += o.genderUnknown
	s.text += o.text
	s.textRight += o.textRight
	s.name += o.name
	s.nameRight += o.nameRight
}

// doc is a GUM document: its text and its entity mentions.
type doc struct {
	name     string
	text     string
	tokens   []span // by token, in text order
	mentions []mention
	types    map[string]string // entity id → type
}

type span struct {
	start, end int
	word       string
}

type mention struct {
	entity     string
	start, end int // bytes
}

// readDoc rebuilds the text of a CoNLL-U document (paragraphs apart by a
// blank line) and its Entity= mentions.
func readDoc(path string) (*doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &doc{name: filepath.Base(path), types: map[string]string{}}
	var b strings.Builder
	type open struct {
		entity string
		start  int
	}
	var stack []open
	space := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# newpar") && !strings.HasPrefix(line, "# newpar_block") {
			if b.Len() > 0 {
				space = "\n\n"
			}
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 10 || strings.ContainsAny(cols[0], "-.") {
			continue // multi-word token ranges and empty nodes
		}
		b.WriteString(space)
		start := b.Len()
		b.WriteString(cols[1])
		end := b.Len()
		d.tokens = append(d.tokens, span{start, end, cols[1]})
		space = " "
		for _, m := range strings.Split(cols[9], "|") {
			if m == "SpaceAfter=No" {
				space = ""
			}
			v, ok := strings.CutPrefix(m, "Entity=")
			if !ok {
				continue
			}
			// "(1-event-…(2-person-…" opens, "2)" closes, "(4-time-…)" both.
			for v != "" {
				if v[0] == '(' {
					j := strings.IndexAny(v[1:], "()")
					body := v[1:]
					if j >= 0 {
						body = v[1 : 1+j]
					}
					fields := strings.Split(body, "-")
					id := fields[0]
					if len(fields) > 1 {
						d.types[id] = fields[1]
					}
					if j >= 0 && v[1+j] == ')' {
						d.mentions = append(d.mentions, mention{id, start, end})
						v = v[2+j:]
					} else {
						stack = append(stack, open{id, start})
						if j < 0 {
							v = ""
						} else {
							v = v[1+j:]
						}
					}
					continue
				}
				j := strings.IndexByte(v, ')')
				if j < 0 {
					break
				}
				id := v[:j]
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k].entity == id {
						d.mentions = append(d.mentions, mention{id, stack[k].start, end})
						stack = append(stack[:k], stack[k+1:]...)
						break
					}
				}
				v = v[j+1:]
			}
		}
	}
	d.text = b.String()
	sort.Slice(d.mentions, func(i, j int) bool { return d.mentions[i].start < d.mentions[j].start })
	return d, sc.Err()
}

var thirdPerson = map[string]bool{"he": true, "she": true, "they": true, "He": true, "She": true, "They": true}

var pronounSex = map[string]string{
	"he": "male", "him": "male", "his": "male", "himself": "male",
	"she": "female", "her": "female", "hers": "female", "herself": "female",
}

// evaluate scores one document's annotation.
func evaluate(d *doc, out *annotate.Document, verbose bool) score {
	var s score
	byID := map[string]*annotate.Entity{}
	for i := range out.Entities {
		byID[out.Entities[i].ID] = &out.Entities[i]
	}
	// The GUM entity of a single-token mention at [start, end).
	entityAt := func(start, end int) string {
		for _, m := range d.mentions {
			if m.start == start && m.end == end {
				return m.entity
			}
		}
		return ""
	}
	overlaps := func(a, b int, gumEntity string) bool {
		for _, m := range d.mentions {
			if m.entity == gumEntity && m.start < b && a < m.end {
				return true
			}
		}
		return false
	}
	for _, q := range out.Quotes {
		if q.Cue == nil {
			continue
		}
		p := cuePronoun(d, q.Cue.Start, q.Cue.End)
		if p < 0 {
			continue
		}
		gold := entityAt(d.tokens[p].start, d.tokens[p].end)
		if gold == "" {
			continue
		}
		s.cues++
		right := false
		switch sp := q.Speaker; {
		case sp == nil:
			s.cueNone++
		case sp.Entity != "":
			for _, m := range byID[sp.Entity].Mentions {
				if overlaps(m.Start, m.End, gold) {
					right = true
					break
				}
			}
		}
		if right {
			s.cueRight++
		} else if verbose {
			name := "none"
			if q.Speaker != nil {
				name = q.Speaker.Name
			}
			fmt.Printf("%s\tcue\t%q\t%s\tgold %s\n", d.name, d.text[q.Cue.Start:q.Cue.End], name, goldName(d, gold))
		}
	}

	// Gender: the pronouns of each GUM person.
	female, male := map[string]int{}, map[string]int{}
	for _, m := range d.mentions {
		if d.types[m.entity] != "person" {
			continue
		}
		switch pronounSex[strings.ToLower(d.text[m.start:m.end])] {
		case "female":
			female[m.entity]++
		case "male":
			male[m.entity]++
		}
	}
	for _, e := range out.Entities {
		if e.Type != annotate.Person {
			continue
		}
		// The GUM entity most of its mentions are in.
		votes := map[string]int{}
		for _, em := range e.Mentions {
			for _, m := range d.mentions {
				if d.types[m.entity] == "person" && m.start <= em.Start && em.End <= m.end {
					votes[m.entity]++
				}
			}
		}
		gold, best := "", 0
		for id, n := range votes {
			if n > best || n == best && id < gold {
				gold, best = id, n
			}
		}
		f, m := female[gold], male[gold]
		if gold == "" || f == m {
			continue
		}
		want := "female"
		if m > f {
			want = "male"
		}
		s.gendered++
		switch {
		case e.Gender == want:
			s.genderRight++
		case e.Gender == "unknown":
			s.genderUnknown++
		}
		switch e.GenderBasis {
		case "text":
			s.text++
			if e.Gender == want {
				s.textRight++
			}
		case "name":
			s.name++
			if e.Gender == want {
				s.nameRight++
			}
		}
		if verbose && e.Gender != want {
			fmt.Printf("%s\tgender\t%s\t%s (%s)\twant %s\n", d.name, e.Name, e.Gender, e.GenderBasis, want)
		}
	}
	return s
}

// cuePronoun returns the token of the third-person pronoun that is the
// subject of the cue at [start, end): right before it, perhaps past an
// adverb or auxiliary ("she also said"), or right after it ("said he").
func cuePronoun(d *doc, start, end int) int {
	i := sort.Search(len(d.tokens), func(i int) bool { return d.tokens[i].start >= start })
	if i >= len(d.tokens) || d.tokens[i].start != start {
		return -1
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		w := d.tokens[j].word
		if thirdPerson[w] {
			return j
		}
		if !strings.HasSuffix(w, "ly") && !auxiliaries[strings.ToLower(w)] {
			break
		}
	}
	k := i + 1
	for k < len(d.tokens) && d.tokens[k].end <= end {
		k++
	}
	if k < len(d.tokens) && thirdPerson[d.tokens[k].word] {
		return k
	}
	return -1
}

var auxiliaries = map[string]bool{"has": true, "had": true, "have": true, "also": true, "then": true, "later": true, "was": true, "is": true, "would": true, "will": true}

func goldName(d *doc, id string) string {
	for _, m := range d.mentions {
		if m.entity == id && m.end-m.start > 3 {
			return d.text[m.start:m.end]
		}
	}
	return id
}
