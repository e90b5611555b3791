package annotate

import (
	"runtime"
	"unicode/utf8"
)

// Blocks: a text longer than blockSize (a book pasted by mistake, a corpus
// dump) is annotated in paragraph-aligned blocks whose reports are merged,
// so that memory and the recognizer's per-document buffers stay bounded
// whatever the length. Document-level evidence (name consistency, quote
// continuations) then spans one block, which is longer than any article.

const blockSize = 256 << 10

// nextBlockEnd returns where the block that starts at start should end: at
// the last line break in its second half, else the last space, else any rune
// boundary.
func nextBlockEnd(text string, start int) int {
	end := start + blockSize
	if end >= len(text) {
		return len(text)
	}
	half := start + blockSize/2
	for _, isCut := range []func(byte) bool{
		func(c byte) bool { return c == '\n' },
		func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' },
	} {
		for i := end - 1; i >= half; i-- {
			if isCut(text[i]) {
				return i + 1
			}
		}
	}
	for end > start && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}

// reportBlocks reports on text block by block, with reportOn, and merges
// the blocks' reports into the report of the whole text.
func reportBlocks(text string, reportOn func(block string) *report) *report {
	m := newBlockMerger()
	for start := 0; start < len(text); {
		end := nextBlockEnd(text, start)
		m.add(reportOn(text[start:end]), start, end-start)
		start = end
		// In the wasm build, which never preempts, a GC cycle can only
		// finish when the goroutine yields. A call that never yields keeps
		// the cycle open, and all it allocates meanwhile counts as live:
		// annotating 10 MB once grew the wasm memory past 300 MB this way.
		runtime.Gosched()
	}
	return m.report(text)
}

type entityKey struct {
	typ  EntityType
	name string
}

// blockMerger joins block reports: entities with the same type and name
// become one, quote references are shifted to the merged lists, and issue
// scores are averaged over the blocks weighted by their length.
//
// It keeps mentions as per-block references and builds each final slice
// once, at its exact length: a slice grown by append leaves its old copies
// behind, and the wasm build's memory never shrinks back after them.
type blockMerger struct {
	entities       []reportEntity // without mentions until report
	entityIndex    map[entityKey]int
	entityMentions mentionLists
	quotes         [][]reportQuote
	quoteCount     int
	issues         []issue // without mentions until report
	issueIndex     map[string]int
	issueMentions  mentionLists
	issueWeight    []float64
	length         int
}

func newBlockMerger() *blockMerger {
	return &blockMerger{entityIndex: map[entityKey]int{}, issueIndex: map[string]int{}}
}

// add merges the report of a block that starts at offset. It takes r over:
// r's quotes are shifted in place.
func (m *blockMerger) add(r *report, offset, length int) {
	n := 0
	for _, e := range r.entities {
		n += len(e.mentions)
	}
	m.entityMentions.startBlock(offset, n)
	merged := make([]int32, len(r.entities))
	for k, e := range r.entities {
		key := entityKey{e.typ, e.name}
		i, ok := m.entityIndex[key]
		if !ok {
			i = len(m.entities)
			m.entityIndex[key] = i
			m.entities = append(m.entities, reportEntity{typ: e.typ, name: e.name})
		}
		if m.entities[i].role == "" {
			m.entities[i].role = e.role
		}
		m.entities[i].confidence = max(m.entities[i].confidence, e.confidence)
		if m.entities[i].geo == nil {
			m.entities[i].geo = e.geo // the first block that links the place
		}
		if m.entities[i].genderBasis == noBasis || m.entities[i].genderBasis == byName && e.genderBasis == byText {
			m.entities[i].gender, m.entities[i].genderBasis = e.gender, e.genderBasis
		}
		m.entityMentions.add(i, e.mentions)
		merged[k] = int32(i)
	}
	firstQuote := int32(m.quoteCount)
	for i := range r.quotes {
		q := &r.quotes[i]
		q.start, q.end = q.start+offset, q.end+offset
		if q.cueStart >= 0 {
			q.cueStart, q.cueEnd = q.cueStart+offset, q.cueEnd+offset
		}
		if q.speaker >= 0 {
			q.speaker = merged[q.speaker]
		}
		if q.linked >= 0 {
			q.linked += firstQuote
		}
	}
	m.quotes = append(m.quotes, r.quotes)
	m.quoteCount += len(r.quotes)
	n = 0
	for _, is := range r.issues {
		n += len(is.mentions)
	}
	m.issueMentions.startBlock(offset, n)
	for _, is := range r.issues {
		i, ok := m.issueIndex[is.id]
		if !ok {
			i = len(m.issues)
			m.issueIndex[is.id] = i
			m.issues = append(m.issues, issue{id: is.id, label: is.label, parent: is.parent, parentLabel: is.parentLabel})
			m.issueWeight = append(m.issueWeight, 0)
		}
		m.issueMentions.addPairs(i, is.mentions)
		m.issueWeight[i] += is.score * float64(length)
		m.issues[i].salient = m.issues[i].salient || is.salient
	}
	m.length += length
}

// report returns the merged report of text, its issues ranked by the rule
// of one article (rankMergedIssues).
func (m *blockMerger) report(text string) *report {
	r := &report{text: text, entities: m.entities, quotes: make([]reportQuote, 0, m.quoteCount), issues: m.issues}
	for _, quotes := range m.quotes {
		r.quotes = append(r.quotes, quotes...)
	}
	m.quotes = nil
	for i, ms := range m.entityMentions.build() {
		r.entities[i].mentions = ms
	}
	for i, ms := range m.issueMentions.build() {
		pairs := make([][2]int, len(ms))
		for j, s := range ms {
			pairs[j] = [2]int{int(s.start), int(s.end)}
		}
		r.issues[i].mentions = pairs
		r.issues[i].score = m.issueWeight[i] / float64(max(1, m.length))
	}
	rankMergedIssues(r.issues)
	return r
}

// rankMergedIssues orders the merged issues as findIssues orders an
// article's: the narrower topics, then the top levels, each best first by
// issues.go's own rule (sortByRank).
func rankMergedIssues(issues []issue) {
	if len(issues) < 2 {
		return
	}
	lex := topicLexicon()
	if lex == nil {
		return
	}
	tallies := make([]topicTally, len(issues))
	ranked := make([]int32, 0, len(issues))
	for i, is := range issues {
		tallies[i] = topicTally{topic: lex.Find(is.id), score: is.score}
		if len(is.mentions) > 0 {
			tallies[i].first = is.mentions[0]
		}
		if is.parent != "" {
			ranked = append(ranked, int32(i))
		}
	}
	narrow := len(ranked)
	for i, is := range issues {
		if is.parent == "" {
			ranked = append(ranked, int32(i))
		}
	}
	sortByRank(ranked[:narrow], tallies, lex)
	sortByRank(ranked[narrow:], tallies, lex)
	sorted := make([]issue, len(issues))
	for k, i := range ranked {
		sorted[k] = issues[i]
	}
	copy(issues, sorted)
}

// mentionLists gathers the mentions of merged entities (or issues) block by
// block, as 12-byte references, until each owner's count is known.
type mentionLists struct {
	counts []int // per owner
	blocks []blockMentions
}

// blockMentions are one block's mentions, with offsets relative to the
// block (blockSize fits an int32).
type blockMentions struct {
	offset int
	refs   []mentionRef
}

type mentionRef struct{ owner, start, end int32 }

// startBlock begins the block at offset, which will hold n mentions.
func (l *mentionLists) startBlock(offset, n int) {
	l.blocks = append(l.blocks, blockMentions{offset: offset, refs: make([]mentionRef, 0, n)})
}

// count makes room for n more mentions of owner.
func (l *mentionLists) count(owner, n int) *blockMentions {
	for owner >= len(l.counts) {
		l.counts = append(l.counts, 0)
	}
	l.counts[owner] += n
	return &l.blocks[len(l.blocks)-1]
}

// add records mentions of owner in the current block.
func (l *mentionLists) add(owner int, mentions []span) {
	b := l.count(owner, len(mentions))
	for _, m := range mentions {
		b.refs = append(b.refs, mentionRef{int32(owner), m.start, m.end})
	}
}

// addPairs is add for mentions as [start, end] pairs.
func (l *mentionLists) addPairs(owner int, mentions [][2]int) {
	b := l.count(owner, len(mentions))
	for _, m := range mentions {
		b.refs = append(b.refs, mentionRef{int32(owner), int32(m[0]), int32(m[1])})
	}
}

// build returns each owner's mentions, in the order they were added, with
// offsets into the whole text, carved out of one slice. It lets go of each
// block's references once they are used.
func (l *mentionLists) build() [][]span {
	total := 0
	for _, n := range l.counts {
		total += n
	}
	all := make([]span, total)
	lists := make([][]span, len(l.counts))
	for i, n := range l.counts {
		lists[i], all = all[:0:n], all[n:]
	}
	for i := range l.blocks {
		b := &l.blocks[i]
		offset := int32(b.offset)
		for _, r := range b.refs {
			lists[r.owner] = append(lists[r.owner], span{offset + r.start, offset + r.end})
		}
		b.refs = nil
	}
	return lists
}
