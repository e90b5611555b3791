// Command build-topics compiles Lede's issue lexicon. It reads the IPTC Media
// Topics release 2025-10-09 (mediatopics_flat.tsv in ../shared) for codes,
// English labels and parents, checks every topic of annotate/topics/lexicon.txt
// against it, expands inflections, and writes annotate/topics/compiled.txt in
// the line format that package topics parses.
//
//	go run ./cmd/build-topics -shared ../shared
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"lede/annotate"
	"lede/annotate/topics"
	"lede/internal/cli"
)

func main() {
	shared := cli.SharedFlag()
	lexPath := flag.String("lexicon", "annotate/topics/lexicon.txt", "the lexicon source")
	outPath := flag.String("out", "annotate/topics/compiled.txt", "where to write the compiled lexicon")
	prune := flag.Bool("prune", true, "drop the inflections of terms that the training corpus never uses")
	minUses := flag.Int("min-uses", 6, "with -prune: the uses in the corpus an inflected form needs to be kept")
	minWritten := flag.Int("min-written", 4, "with -prune: the uses in the corpus a term as written needs to be kept")
	trainModel := flag.Bool("train", false, "train the article classifier instead, and write it to -model")
	modelPath := flag.String("model", "annotate/topics/classifier.bin", "where -train writes the classifier")
	cache := flag.String("cache", "", "with -train: a file to keep the extracted features in between runs")
	cfg := defaultTrain
	flag.IntVar(&cfg.features, "features", cfg.features, "with -train: how many features the classifier keeps")
	flag.IntVar(&cfg.epochs, "epochs", cfg.epochs, "with -train: passes over the training stories")
	flag.Float64Var(&cfg.rate, "rate", cfg.rate, "with -train: learning rate")
	flag.Float64Var(&cfg.l2, "l2", cfg.l2, "with -train: weight decay")
	flag.Float64Var(&cfg.wmasakhane, "wmas", cfg.wmasakhane, "with -train: weight of a MasakhaNEWS story")
	flag.Float64Var(&cfg.wbbc, "wbbc", cfg.wbbc, "with -train: weight of a BBC story")
	flag.Float64Var(&cfg.wallsides, "wall", cfg.wallsides, "with -train: weight of an AllSides story")
	flag.IntVar(&cfg.maxPerClass, "allsides-per-class", cfg.maxPerClass, "with -train: AllSides stories read per top level")
	flag.Float64Var(&cfg.balance, "balance", cfg.balance, "with -train: how far the top levels are weighed to one mass (0 none, 1 fully)")
	flag.Float64Var(&cfg.whuffpost, "whuff", cfg.whuffpost, "with -train: weight of a HuffPost story")
	flag.Float64Var(&cfg.wheadline, "whead", cfg.wheadline, "with -train: weight of a headline alone")
	flag.IntVar(&cfg.levels, "levels", cfg.levels, "with -train: the largest quantised weight (at most 127)")
	flag.BoolVar(&cfg.withDev, "with-dev", cfg.withDev, "with -train: train on MasakhaNEWS dev.tsv too")
	flag.BoolVar(&checkHeldOut, "check", false, "with -train: print held-out accuracy of the float model")
	cv := flag.Bool("cv", false, "with -train: print the accuracy on MasakhaNEWS train.tsv by cross-validation instead")
	cli.Run("build-topics", func() error {
		if !*trainModel {
			return compile(*shared, *lexPath, *outPath, *prune, *minWritten, *minUses)
		}
		sourceWeight = map[string]float64{"bbc": cfg.wbbc, "masakhane": cfg.wmasakhane, "allsides": cfg.wallsides, "huffpost": cfg.whuffpost, "headline": cfg.wheadline}
		classBalance = cfg.balance
		if *cv {
			crossValidate(*shared, *cache, cfg)
		} else {
			train(*shared, *cache, *modelPath, cfg)
		}
		return nil
	})
}

// compile checks the lexicon source at lexPath against the IPTC release,
// prunes the inflections the corpus does not use (if prune) and writes the
// compiled lexicon to outPath.
func compile(shared, lexPath, outPath string, prune bool, minWritten, minUses int) error {
	iptc, err := readIPTC(filepath.Join(shared, "data/taxonomy/iptc/mediatopics_flat.tsv"))
	if err != nil {
		return err
	}
	src, err := os.ReadFile(lexPath)
	if err != nil {
		return err
	}
	lex, err := parseLexicon(string(src), iptc)
	if err != nil {
		return err
	}
	if prune {
		texts, err := pruneCorpus(shared)
		if err != nil {
			return err
		}
		lex.markSeen(texts, minWritten, minUses)
	}
	out := lex.compile()
	if err := os.WriteFile(outPath, out, 0o644); err != nil {
		return err
	}
	fmt.Printf("%d terms, %d keys, %d topics (%d with terms), %d context groups; %s: %d bytes, %d brotli\n",
		len(lex.terms), len(lex.keys), len(lex.order), lex.topicsWithTerms(), len(lex.groups), outPath, len(out), cli.BrotliSize(out))
	return nil
}

// concept is one IPTC Media Topic as the release describes it.
type concept struct {
	id, label, broader string
	retired            bool
}

func readIPTC(path string) (map[string]concept, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]concept{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 5 || f[0] == "qcode" {
			continue
		}
		out[f[0]] = concept{id: f[0], label: f[1], broader: f[3], retired: f[4] != ""}
	}
	return out, sc.Err()
}

// top follows broader links up to the top level.
func top(iptc map[string]concept, id string) string {
	for iptc[id].broader != "" {
		id = iptc[id].broader
	}
	return id
}

type sense struct {
	topic        string
	weight       float64
	need, forbid []string // context names: "@group" or "#toplevel"
}

type keyInfo struct {
	senses  []sense
	context []string
}

type lexicon struct {
	iptc   map[string]concept
	order  []string          // topic ids: the 17 top levels first, then in order of use
	index  map[string]int    // topic id → position in order
	tops   map[string]string // "#sport" → top-level id
	groups []string          // context groups in order of definition
	keys   map[string]*keyInfo
	terms  map[string]bool // topic and lower-cased words of each distinct term
	used   map[string]bool
	frames map[string]bool // topics marked [frame]
	// written holds each term's key as written; seen, when not nil, the
	// other keys (inflections) found in the corpus: the rest are dropped.
	written, seen map[string]bool
	source        string // the SHA-256 of lexicon.txt, in hex
}

func parseLexicon(src string, iptc map[string]concept) (*lexicon, error) {
	sum := sha256.Sum256([]byte(src))
	l := &lexicon{source: hex.EncodeToString(sum[:]), iptc: iptc, index: map[string]int{}, tops: map[string]string{}, keys: map[string]*keyInfo{}, terms: map[string]bool{}, used: map[string]bool{}, frames: map[string]bool{}, written: map[string]bool{}}
	var levelOne []string
	for id, c := range iptc {
		if c.broader == "" && !c.retired {
			levelOne = append(levelOne, id)
		}
	}
	sort.Strings(levelOne)
	for _, id := range levelOne {
		l.addTopic(id)
		name := strings.TrimRight(strings.Fields(iptc[id].label)[0], ",")
		l.tops["#"+name] = id
	}
	topic := ""
	for n, line := range strings.Split(src, "\n") {
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		fail := func(format string, args ...any) error {
			return fmt.Errorf("lexicon line %d: %s", n+1, fmt.Sprintf(format, args...))
		}
		switch {
		case line == "" || line[0] == '#':
		case strings.HasPrefix(line, "=="):
			rest, frame := strings.CutSuffix(strings.TrimSpace(line[2:]), "[frame]")
			f := strings.Fields(rest)
			if len(f) == 0 {
				return nil, fail("a topic needs its code")
			}
			c, ok := iptc[f[0]]
			switch {
			case !ok:
				return nil, fail("%s is not an IPTC Media Topic", f[0])
			case c.retired:
				return nil, fail("%s (%s) is retired", f[0], c.label)
			case len(f) > 1 && strings.Join(f[1:], " ") != c.label:
				return nil, fail("%s is labelled %q, not %q", f[0], c.label, strings.Join(f[1:], " "))
			case frame && c.broader == "":
				return nil, fail("%s is a top level, which cannot be a frame", f[0])
			}
			topic = f[0]
			l.addTopic(topic)
			if frame {
				l.frames[topic] = true
			}
		case line[0] == '@':
			name, terms, ok := strings.Cut(line, ":")
			if !ok {
				return nil, fail("a context group is @name: terms")
			}
			l.groups = append(l.groups, name)
			if len(l.groups) > topics.MaskBits-len(levelOne) {
				return nil, fail("too many context groups")
			}
			for _, t := range splitTerms(terms) {
				keys := expand(strings.Fields(t))
				l.written[keys[0]] = true
				for _, key := range keys {
					info := l.key(key)
					info.context = append(info.context, name)
				}
			}
		default:
			if topic == "" {
				return nil, fail("terms before the first topic")
			}
			for _, t := range splitTerms(line) {
				if err := l.addTerm(topic, t); err != nil {
					return nil, fail("%v", err)
				}
			}
		}
	}
	return l, nil
}

func splitTerms(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func (l *lexicon) addTopic(id string) {
	if _, ok := l.index[id]; !ok {
		l.index[id] = len(l.order)
		l.order = append(l.order, id)
	}
}

func (l *lexicon) key(k string) *keyInfo {
	info := l.keys[k]
	if info == nil {
		info = &keyInfo{}
		l.keys[k] = info
	}
	return info
}

// addTerm reads "words [^weight] [+@group|+#top]… [-@group|-#top]…".
func (l *lexicon) addTerm(topic, spec string) error {
	s := sense{topic: topic, weight: 1}
	var words []string
	for _, f := range strings.Fields(spec) {
		switch {
		case f[0] == '^':
			w, err := strconv.ParseFloat(f[1:], 64)
			if err != nil {
				return fmt.Errorf("bad weight in %q", spec)
			}
			s.weight = w
		case len(f) > 1 && (f[0] == '+' || f[0] == '-') && (f[1] == '@' || f[1] == '#'):
			if !l.knownContext(f[1:]) {
				return fmt.Errorf("unknown context %s in %q", f[1:], spec)
			}
			if f[0] == '+' {
				s.need = append(s.need, f[1:])
			} else {
				s.forbid = append(s.forbid, f[1:])
			}
		default:
			words = append(words, f)
		}
	}
	if len(words) == 0 {
		return fmt.Errorf("no words in %q", spec)
	}
	l.terms[topic+" "+strings.ToLower(strings.TrimLeft(strings.Join(words, " "), "!"))] = true
	l.used[topic] = true
	keys := expand(words)
	l.written[keys[0]] = true
	for _, key := range keys {
		info := l.key(key)
		info.senses = append(info.senses, s)
	}
	return nil
}

func (l *lexicon) knownContext(name string) bool {
	if name[0] == '#' {
		return l.tops[name] != ""
	}
	for _, g := range l.groups {
		if g == name {
			return true
		}
	}
	return false
}

func (l *lexicon) topicsWithTerms() int { return len(l.used) }

// bit is the context bit of "#toplevel" or "@group" (see topics.Lexicon.TopBit).
func (l *lexicon) bit(name string) int {
	if name[0] == '#' {
		return l.index[l.tops[name]]
	}
	for i, g := range l.groups {
		if g == name {
			return len(l.tops) + i
		}
	}
	panic("unknown context " + name)
}

// mask writes the bits of names in the compiled form: "17+40".
func (l *lexicon) mask(names []string) string {
	bits := map[int]bool{}
	for _, n := range names {
		bits[l.bit(n)] = true
	}
	sorted := make([]int, 0, len(bits))
	for b := range bits {
		sorted = append(sorted, b)
	}
	sort.Ints(sorted)
	parts := make([]string, len(sorted))
	for i, b := range sorted {
		parts[i] = strconv.Itoa(b)
	}
	return strings.Join(parts, "+")
}

// compile writes the topics, then the keys grouped by identical senses.
func (l *lexicon) compile() []byte {
	var b bytes.Buffer
	b.WriteString("# Compiled by cmd/build-topics from lexicon.txt and IPTC Media Topics 2025-10-09 (CC-BY 4.0). Do not edit.\n")
	b.WriteString("# lexicon.txt sha256 " + l.source + "\n")
	for _, id := range l.order {
		kind := ""
		if l.frames[id] {
			kind = "frame"
		}
		fmt.Fprintf(&b, "T\t%s\t%s\t%d\t%s\n", id, l.iptc[id].label, l.index[top(l.iptc, id)], kind)
	}
	bySignature := map[string][]string{}
	for key, info := range l.keys {
		if l.seen != nil && !l.seen[key] && !strings.HasPrefix(key, "=") {
			continue
		}
		sig := l.signature(info)
		bySignature[sig] = append(bySignature[sig], key)
	}
	sigs := make([]string, 0, len(bySignature))
	for sig := range bySignature {
		sigs = append(sigs, sig)
	}
	sort.Strings(sigs)
	for _, sig := range sigs {
		keys := bySignature[sig]
		sort.Strings(keys)
		fmt.Fprintf(&b, "S\t%s\n", sig)
		for _, k := range keys {
			b.WriteString(k)
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

func (l *lexicon) signature(info *keyInfo) string {
	parts := make([]string, 0, len(info.senses))
	seen := map[string]bool{}
	for _, s := range info.senses {
		p := fmt.Sprintf("%d:%s:%s:%s", l.index[s.topic], strconv.FormatFloat(s.weight, 'g', -1, 64), l.mask(s.need), l.mask(s.forbid))
		if !seen[p] {
			seen[p] = true
			parts = append(parts, p)
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, ";") + "\t" + l.mask(info.context)
}

// expand turns the words of a term into every key it matches: each word's
// inflections, tokenized the way the annotator tokenizes text. A one-word
// term marked with ! ("!WHO", "!Labour") matches that case only.
func expand(words []string) []string {
	if len(words) == 1 && strings.HasPrefix(words[0], "!") {
		var out []string
		for _, f := range inflect(words[0][1:], true) {
			out = append(out, "="+f)
		}
		return out
	}
	forms := [][]string{}
	for i, w := range words {
		forms = append(forms, inflect(w, i == len(words)-1))
	}
	var out []string
	var walk func(i int, prefix []string)
	walk = func(i int, prefix []string) {
		if i == len(forms) {
			out = append(out, keyOf(strings.Join(prefix, " ")))
			return
		}
		for _, f := range forms[i] {
			walk(i+1, append(prefix[:i:i], f))
		}
	}
	walk(0, nil)
	return out
}

func keyOf(phrase string) string {
	toks := annotate.Tokenize(phrase)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text(phrase)
	}
	// Written folded the way topics.TokenHash reads text, so that the loader
	// hashes each key as it stands.
	return strings.ReplaceAll(strings.ToLower(strings.Join(parts, " ")), "’", "'")
}

// inflect returns a word's forms. "vote~" is a verb (votes, voted, voting);
// "news=" never changes; otherwise the last word of a term takes its plural.
func inflect(w string, last bool) []string {
	switch {
	case strings.HasSuffix(w, "="):
		return []string{strings.TrimSuffix(w, "=")}
	case strings.HasSuffix(w, "~"):
		return verbForms(strings.TrimSuffix(w, "~"))
	case last:
		return append([]string{w}, plurals(w)...)
	}
	return []string{w}
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func plurals(w string) []string {
	n := len(w)
	lw := strings.ToLower(w)
	switch {
	case n < 2 || !isLetter(w[n-1]):
		return nil
	case w == strings.ToUpper(w):
		return []string{w + "s"} // MPs, NGOs
	case strings.HasSuffix(lw, "sis"):
		return []string{w[:n-2] + "es"} // crises
	case strings.HasSuffix(lw, "ss"), strings.HasSuffix(lw, "x"), strings.HasSuffix(lw, "z"),
		strings.HasSuffix(lw, "ch"), strings.HasSuffix(lw, "sh"):
		return []string{w + "es"}
	case strings.HasSuffix(lw, "s"):
		return nil // news, politics, athletics
	case strings.HasSuffix(lw, "y") && n > 2 && !isVowel(lw[n-2]):
		return []string{w[:n-1] + "ies"}
	case strings.HasSuffix(lw, "man"):
		return []string{w + "s", w[:n-3] + "men"}
	}
	return []string{w + "s"}
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func verbForms(w string) []string {
	n := len(w)
	out := append([]string{w}, plurals(w)...)
	switch {
	case strings.HasSuffix(w, "ee"):
		out = append(out, w+"d", w+"ing")
	case strings.HasSuffix(w, "e"):
		out = append(out, w+"d", w[:n-1]+"ing")
	case strings.HasSuffix(w, "y") && n > 2 && !isVowel(w[n-2]):
		out = append(out, w[:n-1]+"ied", w+"ing")
	default:
		out = append(out, w+"ed", w+"ing")
		if n >= 3 && !isVowel(w[n-1]) && isVowel(w[n-2]) && !isVowel(w[n-3]) && strings.IndexByte("wxy", w[n-1]) < 0 {
			out = append(out, w+w[n-1:]+"ed", w+w[n-1:]+"ing") // banned, banning
		}
	}
	return out
}
