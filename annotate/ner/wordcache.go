package ner

import "sync"

// Word cache: what the tagger computes from a word alone, kept from one
// document to the next. A word's facts (hashes, casing, gazetteer bits,
// class) and the scores of the features it brings as itself and as each of
// its neighbours depend on nothing else, and neither do the scores its
// memos keep for a fact about an occurrence (the labels before it, how it
// is capitalised, the first pass's evidence), since the memo's key is that
// fact. News repeats its vocabulary, and the facts of its common words:
// most distinct words of an article ("said", "minister", "Tuesday") were in
// the articles before it, and an editor annotates the same text again after
// each change. Scores are integers, so a kept row is the row the tagger
// would compute, to the bit: the word cache changes how fast the tagger is,
// never what it says.

// maxLexemes bounds the word cache at about 5.5 MB.
const maxLexemes = 8192

// wordCache is a model's store of lexemes, safe for concurrent use: the
// tagger reads it under a read lock, and after the document, under the
// lock, keeps the memos it filled and adds its new words.
//
// When it is full, a new word takes the place of one that no document has
// used since the last time the clock hand passed it (the CLOCK policy, a
// cheap approximation of least recently used): the vocabulary follows the
// news of the day, and the words of every story stay.
type wordCache struct {
	mu    sync.RWMutex
	index idTable // word hash → lexeme number
	// chunks hold the lexemes in order, allocated as they fill: a short
	// text's few words take little memory, and a slice grown by appends
	// would leave copies of itself behind as garbage.
	chunks [maxLexemes / lexemeChunk]*[lexemeChunk]lexeme
	n      int // lexemes held
	hand   int // the next lexeme the clock hand considers
}

const lexemeChunk = 256

// at returns lexeme number i.
func (lex *wordCache) at(i int32) *lexeme {
	return &lex.chunks[i/lexemeChunk][i%lexemeChunk]
}

// lexeme is what the tagger keeps of a word.
type lexeme struct {
	hash   uint64
	facts  wordFacts
	scores wordScores
	used   bool // by a document since the clock hand last passed
}

// find returns the index of the word whose hash is hash, or -1. A nil
// cache has no words. The caller holds a read lock.
func (lex *wordCache) find(hash uint64) int32 {
	if lex == nil || lex.n == 0 {
		return -1
	}
	if id, ok := lex.index.find(hash); ok {
		return id
	}
	return -1
}

// learn keeps the scores of the document's distinct words (in the same
// order in scores): the memos of the words it has, and the words it lacks.
func (lex *wordCache) learn(words []docWord, scores []wordScores) {
	lex.mu.Lock()
	defer lex.mu.Unlock()
	if lex.index.ids == nil {
		lex.index.reset(maxLexemes)
	}
	for id, w := range words {
		// Another document may have replaced the word found at the start.
		if w.lexeme >= 0 && lex.at(w.lexeme).hash == w.hash {
			kept := lex.at(w.lexeme)
			// A memo holding the same key holds the same scores.
			if memos := &scores[id].wordMemos; !kept.scores.wordMemos.holdSame(memos) {
				kept.scores.wordMemos = *memos
			}
			kept.used = true
			continue
		}
		if _, ok := lex.index.find(w.hash); !ok {
			lex.keep(lexeme{hash: w.hash, facts: w.wordFacts, scores: scores[id]})
		}
	}
}

// keep adds l, when the word cache is full in place of the first lexeme the
// clock hand finds unused since it last passed.
func (lex *wordCache) keep(l lexeme) {
	if lex.n < maxLexemes {
		if lex.n%lexemeChunk == 0 {
			lex.chunks[lex.n/lexemeChunk] = new([lexemeChunk]lexeme)
		}
		lex.index.put(l.hash, int32(lex.n))
		*lex.at(int32(lex.n)) = l
		lex.n++
		return
	}
	for lex.at(int32(lex.hand)).used {
		lex.at(int32(lex.hand)).used = false
		lex.hand = (lex.hand + 1) % maxLexemes
	}
	old := lex.at(int32(lex.hand))
	lex.index.remove(old.hash)
	lex.index.put(l.hash, int32(lex.hand))
	*old = l
	lex.hand = (lex.hand + 1) % maxLexemes
}

// maxLexemes is a whole number of chunks.
var _ = [1]struct{}{}[maxLexemes%lexemeChunk]
