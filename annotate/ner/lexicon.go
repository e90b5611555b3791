package ner

import "sync"

// Lexicon: what the tagger computes from a word alone, kept from one
// document to the next. A word's facts (hashes, casing, gazetteer bits,
// class) and the scores of the features it brings as itself and as each of
// its neighbours depend on nothing else, and neither do the scores its
// memos keep for a fact about an occurrence (the labels before it, how it
// is capitalised, the first pass's evidence), since the memo's key is that
// fact. News repeats its vocabulary, and the facts of its common words:
// most distinct words of an article ("said", "minister", "Tuesday") were in
// the articles before it, and an editor annotates the same text again after
// each change. Scores are integers, so a kept row is the row the tagger
// would compute, to the bit: the lexicon changes how fast the tagger is,
// never what it says.

// maxLexemes bounds the lexicon at about 5.5 MB. Words are kept in the order
// they are first seen until it is full, which keeps the common ones: they
// come first.
const maxLexemes = 8192

// lexicon is a model's store of lexemes, safe for concurrent use: the
// tagger reads it under a read lock, and after the document, under the
// lock, adds its new words and keeps the memos it filled.
type lexicon struct {
	mu      sync.RWMutex
	index   idTable // word hash → index in lexemes
	lexemes []lexeme
}

// lexeme is what the tagger keeps of a word.
type lexeme struct {
	facts  wordFacts
	scores wordScores
}

// find returns the index of the word whose hash is hash, or -1. A nil
// lexicon has no words. The caller holds a read lock.
func (lex *lexicon) find(hash uint64) int32 {
	if lex == nil || len(lex.lexemes) == 0 {
		return -1
	}
	if id, ok := lex.index.find(hash); ok {
		return id
	}
	return -1
}

// learn keeps the scores of the document's distinct words (in the same
// order in scores): the memos of the words it has, and, while it has room,
// the words it lacks.
func (lex *lexicon) learn(words []docWord, scores []wordScores) {
	lex.mu.Lock()
	defer lex.mu.Unlock()
	if lex.index.ids == nil {
		// At its full size at once: grown by appends, it would leave copies
		// of itself behind as garbage, as large as itself in all.
		lex.index.reset(maxLexemes)
		lex.lexemes = make([]lexeme, 0, maxLexemes)
	}
	for id, w := range words {
		switch {
		case w.lexeme >= 0:
			lex.lexemes[w.lexeme].scores.wordMemos = scores[id].wordMemos
		case len(lex.lexemes) < maxLexemes:
			if _, added := lex.index.id(w.hash); added {
				lex.lexemes = append(lex.lexemes, lexeme{facts: w.wordFacts, scores: scores[id]})
			}
		}
	}
}
