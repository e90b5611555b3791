package main

import (
	"strings"

	"lede/annotate"
	"lede/annotate/topics"
	"lede/cmd/build-topics/corpus"
)

// Pruning: the compiled lexicon keeps every term as written, and only the
// inflections that occur in the training corpus (the training stories and
// the unlabelled articles; never a held-out one). A form 36 million words
// of news never use costs download size and is seldom missed.

// pruneCorpus is the text pruning reads.
func pruneCorpus(shared string) ([]string, error) {
	var texts []string
	bbc, err := corpus.BBC(shared)
	if err != nil {
		return nil, err
	}
	for i := 0; i < len(bbc); i += 2 {
		texts = append(texts, bbc[i].Article())
	}
	for _, read := range []func() ([]corpus.Story, error){
		func() ([]corpus.Story, error) { return corpus.Masakhane(shared, "train") },
		func() ([]corpus.Story, error) { return corpus.AllSides(shared, 0) },
		func() ([]corpus.Story, error) { return corpus.HuffPost(shared) },
	} {
		stories, err := read()
		if err != nil {
			return nil, err
		}
		for _, s := range stories {
			texts = append(texts, s.Article())
		}
	}
	more, err := corpus.Unlabelled(shared)
	return append(texts, more...), err
}

// markSeen sets l.seen to the keys used in texts at least minWritten
// times for a term as written, minUses times for another form.
func (l *lexicon) markSeen(texts []string, minWritten, minUses int) {
	wanted := map[uint64]string{}
	longest := 1
	for key := range l.keys {
		if !strings.HasPrefix(key, "=") {
			wanted[topics.KeyOf(key)] = key
			longest = max(longest, strings.Count(key, " ")+1)
		}
	}
	counts := map[string]int{}
	var hashes []uint64
	for _, text := range texts {
		toks := annotate.Tokenize(text)
		hashes = hashes[:0]
		for _, t := range toks {
			hashes = append(hashes, topics.TokenHash(text, t.Start, t.End))
		}
		for i := range hashes {
			h := topics.Key()
			for n := 0; n < longest && i+n < len(hashes); n++ {
				h = topics.Extend(h, hashes[i+n])
				if key, ok := wanted[h]; ok {
					counts[key]++
				}
			}
		}
	}
	l.seen = map[string]bool{}
	for key, n := range counts {
		if n >= minUses || l.written[key] && n >= minWritten {
			l.seen[key] = true
		}
	}
}
