package annotate

import (
	"cmp"
	"runtime"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Blocks: a text longer than blockSize (a book pasted by mistake, a corpus
// dump) is annotated in paragraph-aligned blocks whose documents are merged,
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

// annotateBlocks annotates text block by block with byte offsets and merges
// the blocks' documents, converting offsets to cfg's unit at the end.
func annotateBlocks(text string, cfg config) *Document {
	blockCfg := config{offsets: Bytes, layers: cfg.layers}
	blockCfg.layers.Entities = true // speakers are merged through their entities
	m := newBlockMerger()
	for start := 0; start < len(text); {
		end := nextBlockEnd(text, start)
		m.add(analyse(text[start:end], cfg.layers).document(blockCfg), start, end-start)
		start = end
		// In the wasm build, which never preempts, a GC cycle can only
		// finish when the goroutine yields. A call that never yields keeps
		// the cycle open, and all it allocates meanwhile counts as live:
		// annotating 10 MB once grew the wasm memory past 300 MB this way.
		runtime.Gosched()
	}
	doc := m.document(text)
	if !cfg.layers.Entities {
		doc.Entities = []Entity{}
	}
	convertOffsets(doc, newOffsetIndex(text, cfg.offsets))
	return doc
}

type entityKey struct {
	typ  EntityType
	name string
}

// blockMerger joins block documents: entities with the same type and name
// become one, quote and entity ids are renumbered, issue scores are averaged
// over the blocks weighted by their length.
//
// It keeps mentions and quotes as per-block parts and builds each final
// slice once, at its exact length: a slice grown by append leaves its old
// copies behind, and the wasm build's memory never shrinks back after them.
type blockMerger struct {
	entities       []Entity // without mentions until document
	entityIndex    map[entityKey]int
	entityMentions mentionLists
	quotes         [][]Quote
	quoteCount     int
	issues         []Issue // without mentions until document
	issueIndex     map[string]int
	issueMentions  mentionLists
	issueWeight    []float64
	length         int
}

func newBlockMerger() *blockMerger {
	return &blockMerger{entityIndex: map[entityKey]int{}, issueIndex: map[string]int{}}
}

// add merges the document of a block that starts at offset. It takes d over:
// d's quotes are renumbered and shifted in place.
func (m *blockMerger) add(d *Document, offset, length int) {
	m.entityMentions.startBlock(offset, mentionCount(d.Entities, func(e Entity) []Mention { return e.Mentions }))
	ids := make(map[string]string, len(d.Entities))
	for _, e := range d.Entities {
		k := entityKey{e.Type, e.Name}
		i, ok := m.entityIndex[k]
		if !ok {
			i = len(m.entities)
			m.entityIndex[k] = i
			m.entities = append(m.entities, Entity{ID: "e" + strconv.Itoa(i+1), Type: e.Type, Name: e.Name})
		}
		merged := &m.entities[i]
		if merged.Role == "" {
			merged.Role = e.Role
		}
		m.entityMentions.add(i, e.Mentions)
		ids[e.ID] = merged.ID
	}
	firstQuote := m.quoteCount
	for i := range d.Quotes {
		q := &d.Quotes[i]
		q.ID = "q" + strconv.Itoa(firstQuote+i+1)
		q.Start, q.End = q.Start+offset, q.End+offset
		if q.Cue != nil {
			q.Cue.Start, q.Cue.End = q.Cue.Start+offset, q.Cue.End+offset
		}
		if q.Speaker != nil && q.Speaker.Entity != "" {
			q.Speaker.Entity = ids[q.Speaker.Entity]
		}
		if n, err := strconv.Atoi(q.Linked[min(1, len(q.Linked)):]); err == nil {
			q.Linked = "q" + strconv.Itoa(firstQuote+n)
		}
	}
	m.quotes = append(m.quotes, d.Quotes)
	m.quoteCount += len(d.Quotes)
	m.issueMentions.startBlock(offset, mentionCount(d.Issues, func(is Issue) []Mention { return is.Mentions }))
	for _, is := range d.Issues {
		i, ok := m.issueIndex[is.ID]
		if !ok {
			i = len(m.issues)
			m.issueIndex[is.ID] = i
			m.issues = append(m.issues, Issue{ID: is.ID, Label: is.Label, Parent: is.Parent, ParentLabel: is.ParentLabel})
			m.issueWeight = append(m.issueWeight, 0)
		}
		m.issueMentions.add(i, is.Mentions)
		m.issueWeight[i] += is.Score * float64(length)
		m.issues[i].Salient = m.issues[i].Salient || is.Salient
	}
	m.length += length
}

// document returns the merged document of text, issues ranked as in one
// block: narrower topics by score, then the top-level topics by score.
func (m *blockMerger) document(text string) *Document {
	doc := &Document{Entities: nonNil(m.entities), Quotes: make([]Quote, 0, m.quoteCount), Issues: nonNil(m.issues)}
	for _, quotes := range m.quotes {
		doc.Quotes = append(doc.Quotes, quotes...)
	}
	for i, ms := range m.entityMentions.build(text) {
		doc.Entities[i].Mentions = ms
	}
	for i, ms := range m.issueMentions.build(text) {
		doc.Issues[i].Mentions = ms
		doc.Issues[i].Score = m.issueWeight[i] / float64(max(1, m.length))
	}
	slices.SortStableFunc(doc.Issues, func(x, y Issue) int {
		if xTop, yTop := x.Parent == "", y.Parent == ""; xTop != yTop {
			if xTop {
				return 1
			}
			return -1
		}
		return cmp.Compare(y.Score, x.Score)
	})
	return doc
}

// mentionLists gathers the mentions of merged entities (or issues) block by
// block, as 12-byte references rather than 32-byte Mentions, until each
// owner's count is known.
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

// add records mentions of owner in the current block.
func (l *mentionLists) add(owner int, mentions []Mention) {
	for owner >= len(l.counts) {
		l.counts = append(l.counts, 0)
	}
	l.counts[owner] += len(mentions)
	b := &l.blocks[len(l.blocks)-1]
	for _, m := range mentions {
		b.refs = append(b.refs, mentionRef{int32(owner), int32(m.Start), int32(m.End)})
	}
}

// build returns each owner's mentions, in the order they were added, with
// offsets into text. It lets go of each block's references once they are
// used, as the Mentions that replace them grow.
func (l *mentionLists) build(text string) [][]Mention {
	lists := make([][]Mention, len(l.counts))
	for i, n := range l.counts {
		lists[i] = make([]Mention, 0, n)
	}
	for i := range l.blocks {
		b := &l.blocks[i]
		for _, r := range b.refs {
			start, end := b.offset+int(r.start), b.offset+int(r.end)
			lists[r.owner] = append(lists[r.owner], Mention{Start: start, End: end, Text: text[start:end]})
		}
		b.refs = nil
	}
	return lists
}

// mentionCount counts the mentions of all items.
func mentionCount[T, M any](items []T, mentions func(T) []M) int {
	n := 0
	for _, item := range items {
		n += len(mentions(item))
	}
	return n
}

// nonNil keeps an empty list a JSON [] for encoding/json users, not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// convertOffsets turns every byte offset of doc into idx's unit.
func convertOffsets(doc *Document, idx *offsetIndex) {
	if idx.same {
		return
	}
	convert := func(m *Mention) { m.Start, m.End = idx.at(m.Start), idx.at(m.End) }
	for i := range doc.Entities {
		for j := range doc.Entities[i].Mentions {
			convert(&doc.Entities[i].Mentions[j])
		}
	}
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		q.Start, q.End = idx.at(q.Start), idx.at(q.End)
		if q.Cue != nil {
			convert(q.Cue)
		}
	}
	for i := range doc.Issues {
		for j := range doc.Issues[i].Mentions {
			convert(&doc.Issues[i].Mentions[j])
		}
	}
}
