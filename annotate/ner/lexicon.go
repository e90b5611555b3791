package ner

import "sync"

// Lexicon: what the tagger computes from a word alone, kept from one
// document to the next. A word's facts (hashes, casing, gazetteer bits,
// class) and the scores of the features it brings as itself and as each of
// its neighbours depend on nothing else, and news repeats its vocabulary:
// most distinct words of an article ("said", "minister", "Tuesday") were in
// the articles before it, and an editor annotates the same text again after
// each change. Scores are integers, so a kept row is the row the tagger
// would compute, to the bit: the lexicon changes how fast the tagger is,
// never what it says.

// maxLexemes bounds the lexicon at about 3.5 MB. Words are kept in the order
// they are first seen until it is full, which keeps the common ones: they
// come first.
const maxLexemes = 8192

// lexicon is a model's store of lexemes, safe for concurrent use: the
// tagger reads it under a read lock and adds a document's new words after.
type lexicon struct {
	mu      sync.RWMutex
	index   idTable // word hash → index in lexemes
	lexemes []lexeme
}

// lexeme is what the tagger keeps of a word.
type lexeme struct {
	facts wordFacts
	rows  wordRows
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

// learn adds the document's distinct words that the lexicon lacks, while it
// has room; rows holds their scores, in the same order.
func (lex *lexicon) learn(words []docWord, rows []wordScores) {
	lex.mu.Lock()
	defer lex.mu.Unlock()
	if lex.index.ids == nil {
		lex.index.reset(maxLexemes)
	}
	for id := range words {
		if len(lex.lexemes) == maxLexemes {
			return
		}
		if words[id].lexeme >= 0 {
			continue
		}
		if _, added := lex.index.id(words[id].hash); added {
			lex.lexemes = append(lex.lexemes, lexeme{facts: words[id].wordFacts, rows: rows[id].wordRows})
		}
	}
}
