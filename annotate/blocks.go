package annotate

import (
	"cmp"
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
	}
	doc := m.document()
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
type blockMerger struct {
	doc         Document
	entityIndex map[entityKey]int
	issueIndex  map[string]int
	issueWeight []float64
	length      int
}

func newBlockMerger() *blockMerger {
	return &blockMerger{
		doc:         Document{Entities: []Entity{}, Quotes: []Quote{}, Issues: []Issue{}},
		entityIndex: map[entityKey]int{},
		issueIndex:  map[string]int{},
	}
}

func (m *blockMerger) add(d *Document, offset, length int) {
	ids := make(map[string]string, len(d.Entities))
	for _, e := range d.Entities {
		k := entityKey{e.Type, e.Name}
		i, ok := m.entityIndex[k]
		if !ok {
			i = len(m.doc.Entities)
			m.entityIndex[k] = i
			m.doc.Entities = append(m.doc.Entities, Entity{ID: "e" + strconv.Itoa(i+1), Type: e.Type, Name: e.Name})
		}
		merged := &m.doc.Entities[i]
		if merged.Role == "" {
			merged.Role = e.Role
		}
		merged.Mentions = appendShifted(merged.Mentions, e.Mentions, offset)
		ids[e.ID] = merged.ID
	}
	firstQuote := len(m.doc.Quotes)
	for _, q := range d.Quotes {
		q.ID = "q" + strconv.Itoa(len(m.doc.Quotes)+1)
		q.Start, q.End = q.Start+offset, q.End+offset
		if q.Cue != nil {
			cue := shift(*q.Cue, offset)
			q.Cue = &cue
		}
		if q.Speaker != nil && q.Speaker.Entity != "" {
			speaker := *q.Speaker
			speaker.Entity = ids[speaker.Entity]
			q.Speaker = &speaker
		}
		if n, err := strconv.Atoi(q.Linked[min(1, len(q.Linked)):]); err == nil {
			q.Linked = "q" + strconv.Itoa(firstQuote+n)
		}
		m.doc.Quotes = append(m.doc.Quotes, q)
	}
	for _, is := range d.Issues {
		i, ok := m.issueIndex[is.ID]
		if !ok {
			i = len(m.doc.Issues)
			m.issueIndex[is.ID] = i
			m.doc.Issues = append(m.doc.Issues, Issue{ID: is.ID, Label: is.Label, Parent: is.Parent, ParentLabel: is.ParentLabel})
			m.issueWeight = append(m.issueWeight, 0)
		}
		m.doc.Issues[i].Mentions = appendShifted(m.doc.Issues[i].Mentions, is.Mentions, offset)
		m.issueWeight[i] += is.Score * float64(length)
	}
	m.length += length
}

// document returns the merged document, issues ranked as in one block:
// narrower topics by score, then the top-level topics by score.
func (m *blockMerger) document() *Document {
	for i := range m.doc.Issues {
		m.doc.Issues[i].Score = m.issueWeight[i] / float64(max(1, m.length))
	}
	slices.SortStableFunc(m.doc.Issues, func(x, y Issue) int {
		if xTop, yTop := x.Parent == "", y.Parent == ""; xTop != yTop {
			if xTop {
				return 1
			}
			return -1
		}
		return cmp.Compare(y.Score, x.Score)
	})
	return &m.doc
}

func shift(m Mention, offset int) Mention {
	m.Start += offset
	m.End += offset
	return m
}

func appendShifted(dst, src []Mention, offset int) []Mention {
	for _, m := range src {
		dst = append(dst, shift(m, offset))
	}
	return dst
}

// convertOffsets turns every byte offset of doc into idx's unit.
func convertOffsets(doc *Document, idx *offsetIndex) {
	if idx.unit == Bytes || idx.ascii {
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
