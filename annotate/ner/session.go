package ner

// Sessions: a text too long to tag at once is tagged block by block, and its
// blocks share most of their words. A Session tags them in turn and keeps,
// from one block to the next, what it computed of each word alone: its facts
// (hashes, casing, gazetteer bits, class) and the scores of its own features
// and of those it gives its neighbours. These depend on nothing but the word
// and the model, so a session tags each block exactly as Tag would.

// Session tags the blocks of one text in turn. It is not safe for
// concurrent use.
type Session struct {
	model   *Model
	scratch *scratch
}

// NewSession starts a session; Close ends it.
func (m *Model) NewSession() *Session {
	s := scratchPool.Get().(*scratch)
	s.maps.cache.start()
	return &Session{model: m, scratch: s}
}

// Tag labels every word of doc as Model.Tag does.
func (ss *Session) Tag(doc Document, labels []Label) {
	ss.model.tag(ss.scratch, doc, labels)
}

// Close ends the session and frees what it kept.
func (ss *Session) Close() {
	ss.scratch.maps.cache.stop()
	scratchPool.Put(ss.scratch)
	ss.scratch = nil
}

// wordCache keeps what a session computed of each word alone.
type wordCache struct {
	on      bool
	index   idTable
	entries []cachedWord
}

// maxCachedWords bounds a session's memory at some 6 MB (a cached word takes
// about 400 bytes); a text's first words in order of appearance include its
// most frequent ones.
const maxCachedWords = 1 << 14

// cachedWord is what a session keeps of a word.
type cachedWord struct {
	facts  wordFacts // but lowerID, which is the document's
	scored bool      // whether rows holds the word's scores yet
	rows   wordRows
}

func (c *wordCache) start() {
	c.on = true
	c.index.reset(maxCachedWords)
	c.entries = c.entries[:0]
}

func (c *wordCache) stop() {
	c.on = false
	c.entries = nil
}

// facts returns the facts kept of the word with hash, if any.
func (c *wordCache) facts(hash uint64) (wordFacts, bool) {
	if !c.on {
		return wordFacts{}, false
	}
	id, ok := c.index.find(hash)
	if !ok {
		return wordFacts{}, false
	}
	return c.entries[id].facts, true
}

// keepFacts keeps the facts of the word with hash, unless the cache is off
// or full, and returns its cacheID (-1 when not kept).
func (c *wordCache) keepFacts(hash uint64, facts wordFacts) int32 {
	if !c.on || len(c.entries) == maxCachedWords {
		return -1
	}
	id, _ := c.index.id(hash)
	facts.cacheID = id
	c.entries = append(c.entries, cachedWord{facts: facts})
	return id
}

// rows returns the scores kept of a word, if any.
func (c *wordCache) rows(id int32) (*wordRows, bool) {
	if !c.on || id < 0 || !c.entries[id].scored {
		return nil, false
	}
	return &c.entries[id].rows, true
}

// keepRows keeps the scores of a word kept as id (-1: not kept).
func (c *wordCache) keepRows(id int32, rows *wordRows) {
	if c.on && id >= 0 {
		c.entries[id].rows, c.entries[id].scored = *rows, true
	}
}
