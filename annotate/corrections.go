package annotate

import (
	"errors"
	"strconv"
	"strings"
)

// Corrections: an editor's corrections of a document, applied in one place,
// to the assembled Document, so the page, its exports and every front end
// show the same corrected result. A correction names what it corrects by
// keys that survive re-annotating the same text: an entity by its type and
// name ("person:Jupiter"), a quote by its start offset (in the document's
// unit), an issue by its id. A correction whose target is gone (the text
// was edited) is skipped. What a correction changed carries "corrected":
// true; what it removed is gone. Corrections apply in order, so a later one
// sees the result of those before it (after a type change the entity's key
// is the new one).

// Correction is one correction, as JSON gives it (docs/format.md).
type Correction struct {
	// Op is reject, type, merge, split, speaker, anonymous or dismiss.
	Op string `json:"op"`
	// Entity is the key ("type:name") of the entity to reject, retype,
	// merge away or split.
	Entity string `json:"entity,omitempty"`
	// Type is the new type of a type correction.
	Type string `json:"type,omitempty"`
	// Into is the key of the entity a merge keeps.
	Into string `json:"into,omitempty"`
	// Quote is the start offset of the quote of a speaker or anonymous
	// correction.
	Quote *int `json:"quote,omitempty"`
	// Speaker is the key of the entity who said the quote; Name a
	// description of a source that is no entity; neither clears the speaker.
	// In a split, Name is the surface text of the mentions split off.
	Speaker string `json:"speaker,omitempty"`
	Name    string `json:"name,omitempty"`
	// Anonymous marks the source anonymous (true) or named (false).
	Anonymous bool `json:"anonymous,omitempty"`
	// Issue is the id of the issue to dismiss.
	Issue string `json:"issue,omitempty"`
}

const maxCorrections = 10000

// editorBasis is the basis of a speaker an editor set (Speaker.Basis).
const editorBasis = "editor"

// corrections is a validated list of corrections, with the unit of their
// quote offsets when it is not the document's (see Settings.Options).
type corrections struct {
	list   []Correction
	unit   OffsetUnit
	pinned bool
}

// WithCorrections applies an editor's corrections (see Correction) to the
// document; an error names the first invalid one.
func WithCorrections(cs []Correction) (Option, error) {
	if len(cs) > maxCorrections {
		return nil, errors.New("more than " + strconv.Itoa(maxCorrections) + " corrections")
	}
	for i, c := range cs {
		if err := c.validate(); err != nil {
			return nil, errors.New("corrections[" + strconv.Itoa(i) + "]: " + err.Error())
		}
	}
	valid := corrections{list: append([]Correction(nil), cs...)}
	return func(cfg *config) { cfg.corrections = valid }, nil
}

// withCorrectionsIn is WithCorrections for corrections whose quote offsets
// are in unit whatever the document's: an export, annotated in bytes,
// applies the corrections made on the document the caller saw.
func withCorrectionsIn(cs []Correction, unit OffsetUnit) (Option, error) {
	opt, err := WithCorrections(cs)
	if err != nil {
		return nil, err
	}
	return func(cfg *config) {
		opt(cfg)
		cfg.corrections.unit, cfg.corrections.pinned = unit, true
	}, nil
}

func (c *Correction) validate() error {
	problem := ""
	switch c.Op {
	case "reject":
		problem = needKey("entity", c.Entity)
	case "type":
		problem = needKey("entity", c.Entity)
		if parseEntityType(c.Type) == 0 {
			problem = "type is not person, place or organization"
		}
	case "merge":
		problem = needKey("entity", c.Entity) + needKey("into", c.Into)
	case "split":
		problem = needKey("entity", c.Entity)
		if problem == "" && strings.TrimSpace(c.Name) == "" {
			problem = "no name (the text of the mentions to split off)"
		}
	case "speaker", "anonymous":
		if c.Speaker != "" {
			problem = needKey("speaker", c.Speaker)
		}
		if c.Quote == nil {
			problem = "no quote (its start offset)"
		}
	case "dismiss":
		if c.Issue == "" {
			problem = "no issue"
		}
	default:
		return errors.New("unknown op " + quoted(clip(c.Op)) + " (want reject, type, merge, split, speaker, anonymous or dismiss)")
	}
	if problem != "" {
		return errors.New(c.Op + ": " + problem)
	}
	return nil
}

// needKey says what is wrong with an entity key, or "".
func needKey(field, key string) string {
	if _, _, ok := splitEntityKey(key); !ok {
		return field + ` is not "type:name" (type person, place or organization)`
	}
	return ""
}

// splitEntityKey reads "type:name".
func splitEntityKey(key string) (EntityType, string, bool) {
	typ, name, ok := strings.Cut(key, ":")
	t := parseEntityType(typ)
	return t, name, ok && t != 0 && name != ""
}

// apply applies the corrections to doc, the document of the report r in
// the unit docUnit.
func (cs corrections) apply(doc *Document, r *report, docUnit OffsetUnit) {
	if len(cs.list) == 0 {
		return
	}
	// starts are the quotes' start offsets in the corrections' unit.
	starts := make([]int, len(doc.Quotes))
	for i := range doc.Quotes {
		starts[i] = doc.Quotes[i].Start
	}
	if cs.pinned && cs.unit != docUnit {
		idx := newOffsetIndex(r.text, cs.unit)
		for i := range starts {
			starts[i] = idx.at(r.quotes[i].start)
		}
	}
	find := doc.entityIndex
	quoteAt := func(start *int) *Quote {
		for i := range doc.Quotes {
			if starts[i] == *start {
				return &doc.Quotes[i]
			}
		}
		return nil
	}
	// next numbers the entities splits create, after the recognizer's.
	next := len(doc.Entities) + 1
	// retarget points the quotes of entity id at into (nil: no speaker).
	retarget := func(id string, into *Entity) {
		for i := range doc.Quotes {
			q := &doc.Quotes[i]
			if q.Speaker == nil || q.Speaker.Entity != id {
				continue
			}
			q.Corrected = true
			if into == nil {
				q.Speaker = nil
			} else {
				// The attribution stands, so its basis and confidence do.
				s := *q.Speaker
				s.Entity, s.Name, s.Gender = into.ID, into.Name, into.Gender
				q.Speaker = &s
			}
		}
	}
	for _, c := range cs.list {
		switch c.Op {
		case "reject":
			if i := find(c.Entity); i >= 0 {
				retarget(doc.Entities[i].ID, nil)
				doc.Entities = append(doc.Entities[:i], doc.Entities[i+1:]...)
			}
		case "type":
			if i := find(c.Entity); i >= 0 {
				doc.Entities[i].Type = parseEntityType(c.Type)
				doc.Entities[i].Corrected = true
			}
		case "merge":
			from, into := find(c.Entity), find(c.Into)
			if from < 0 || into < 0 || from == into {
				continue
			}
			e := &doc.Entities[into]
			absorb(e, doc.Entities[from].Mentions)
			retarget(doc.Entities[from].ID, e)
			doc.Entities = append(doc.Entities[:from], doc.Entities[from+1:]...)
		case "split":
			next = doc.split(find(c.Entity), c.Name, next)
		case "speaker":
			q := quoteAt(c.Quote)
			if q == nil {
				continue
			}
			switch {
			case c.Speaker != "":
				i := find(c.Speaker)
				if i < 0 {
					continue
				}
				e := &doc.Entities[i]
				q.Speaker = &Speaker{Entity: e.ID, Name: e.Name, Gender: e.Gender, Basis: editorBasis, Confidence: 1}
			case strings.TrimSpace(c.Name) != "":
				q.Speaker = &Speaker{Name: strings.TrimSpace(c.Name), Anonymous: c.Anonymous, Basis: editorBasis, Confidence: 1}
			default:
				q.Speaker = nil
			}
			q.Corrected = true
		case "anonymous":
			q := quoteAt(c.Quote)
			if q == nil {
				continue
			}
			s := Speaker{Name: "unnamed source", Basis: editorBasis, Confidence: 1}
			if q.Speaker != nil {
				s = *q.Speaker
			}
			s.Anonymous = c.Anonymous
			q.Speaker, q.Corrected = &s, true
		case "dismiss":
			kept := doc.Issues[:0]
			for _, is := range doc.Issues {
				if is.ID != c.Issue {
					kept = append(kept, is)
				}
			}
			doc.Issues = kept
		}
	}
}

// entityIndex returns the index of the entity with key "type:name", or -1.
// The helpers of apply are not inlined: each copy would cost the wasm
// download more than the call costs an editor.
//
//go:noinline
func (doc *Document) entityIndex(key string) int {
	typ, name, _ := splitEntityKey(key)
	for i := range doc.Entities {
		if doc.Entities[i].Type == typ && doc.Entities[i].Name == name {
			return i
		}
	}
	return -1
}

// split moves the mentions of entity i (none when i < 0) that read name
// into the entity of its type and that name, made if need be with the id
// number next; it returns the next free number. The entity keeps its
// quotes; one none or all of whose mentions read name is left alone.
//
//go:noinline
func (doc *Document) split(i int, name string, next int) int {
	if i < 0 || doc.Entities[i].Name == name {
		return next
	}
	e := &doc.Entities[i]
	n := 0 // mentions that move
	for _, m := range e.Mentions {
		if m.Text == name {
			n++
		}
	}
	if n == 0 || n == len(e.Mentions) {
		return next
	}
	// The kept mentions, then the moved ones, in one new slice.
	ms := make([]Mention, len(e.Mentions))
	k, mv := 0, len(ms)-n
	for _, m := range e.Mentions {
		if m.Text == name {
			ms[mv], mv = m, mv+1
		} else {
			ms[k], k = m, k+1
		}
	}
	moved := ms[k:]
	e.Mentions, e.Corrected = ms[:k:k], true
	into := doc.entityIndex(e.Type.String() + ":" + name)
	if into < 0 {
		// It shares only the type: a role, a gender or a place record
		// found for the entity is not known to be its.
		into = len(doc.Entities)
		doc.Entities = append(doc.Entities, Entity{ID: "e" + strconv.Itoa(next), Type: e.Type, Name: name, Confidence: e.Confidence})
		if e.Type == Person {
			doc.Entities[into].Gender = "unknown"
		}
		next++
	}
	absorb(&doc.Entities[into], moved)
	return next
}

// absorb adds mentions to e, in text order, and marks it corrected.
//
//go:noinline
func absorb(e *Entity, ms []Mention) {
	e.Mentions = append(e.Mentions[:len(e.Mentions):len(e.Mentions)], ms...)
	sortMentions(e.Mentions)
	e.Corrected = true
}
