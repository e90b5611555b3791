package annotate

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Newsroom: a newsroom's own lexicon, applied by the annotator itself so that
// the page, the JS API, the HTTP API, the CLI and the worker agree. It names
// what no model knows (the paper's reporters, local places, the council's
// committees) and what a newsroom never wants flagged:
//
//   - an entity entry forces its type on every occurrence of its name (whole
//     tokens, case-sensitive): the name becomes a mention where the
//     recognizer found none, and replaces any name it overlaps, unless that
//     name is longer and holds it whole ("Jupiter" stays inside "Jupiter
//     Hospital");
//   - a canonical name groups aliases: "the Fed" and "Federal Reserve" are
//     one entity, named "Federal Reserve", with the entry's role;
//   - an ignored string is never an entity, and never a mention of an issue.
//
// The lexicon runs as three small steps of analyse: after the names (over
// the tokens), after grouping (canonical names and roles), and over the
// issues' mentions. A nil *Newsroom changes nothing and costs nothing.

// NewsroomLexicon is a newsroom lexicon as JSON gives it (docs/format.md):
// {"entities": [{"name": "the Fed", "type": "organization", "canonical":
// "Federal Reserve", "role": "central bank"}], "ignore": ["Homes Now"]}.
type NewsroomLexicon struct {
	Entities []NewsroomEntry `json:"entities"`
	Ignore   []string        `json:"ignore"`
}

// NewsroomEntry is one name the newsroom knows.
type NewsroomEntry struct {
	Name      string `json:"name"`
	Type      string `json:"type"`
	Canonical string `json:"canonical,omitempty"`
	Role      string `json:"role,omitempty"`
}

// The limits of a lexicon, so a mistaken one fails with a message.
const (
	maxNewsroomEntries = 10000 // entities and ignored strings together
	maxNewsroomName    = 200   // bytes of a name, canonical name or role
	maxNewsroomWords   = 16    // tokens of a name
)

// Newsroom is a compiled lexicon, safe for concurrent use. Its names are
// found through one keyTable (entities.go), not Go maps, whose runtime
// code the wasm build would otherwise carry.
type Newsroom struct {
	patterns []newsroomPattern
	keys     keyTable
	// byKey is, for each key id, the pattern it leads to: for a first word
	// (firstWordKey), the head of the chain of the patterns that begin with
	// it, longest first; for a name (nameKey), its entity pattern; for a
	// canonical name (canonicalKey), the first entity pattern giving it.
	byKey       []int32
	hasEntities bool // some pattern is an entity
	hasIgnore   bool
}

// The tags of the Newsroom's keys.
const (
	firstWordKey = 'w'
	nameKey      = 'n'
	canonicalKey = 'c'
)

type newsroomPattern struct {
	words           []string
	typ             EntityType // 0: ignored
	canonical, role string
	where           string // "entities[3]", for error messages
	next            int32  // the next pattern with the same first word, -1 for none
}

// NewNewsroom validates and compiles a lexicon, with an error message fit
// to show the user. An empty lexicon compiles to nil: no change.
func NewNewsroom(l NewsroomLexicon) (*Newsroom, error) {
	entries := len(l.Entities) + len(l.Ignore)
	if entries > maxNewsroomEntries {
		return nil, errors.New("the lexicon has more than " + strconv.Itoa(maxNewsroomEntries) + " entries")
	}
	if entries == 0 {
		return nil, nil
	}
	size := 0
	for _, e := range l.Entities {
		size += len(e.Name) + len(e.Canonical) + 3
	}
	for _, s := range l.Ignore {
		size += len(s) + 2
	}
	n := &Newsroom{keys: newKeyTable(3*entries, 2*size)}
	var key []byte
	add := func(where, name string, p newsroomPattern) error {
		if strings.TrimSpace(name) == "" {
			return errors.New(where + ": the name is empty")
		}
		for _, s := range []string{name, p.canonical, p.role} {
			if len(s) > maxNewsroomName {
				return errors.New(where + ": " + quoted(clip(s)) + " is longer than " + strconv.Itoa(maxNewsroomName) + " bytes")
			}
		}
		toks := Tokenize(name)
		if len(toks) > maxNewsroomWords {
			return errors.New(where + ": " + quoted(name) + " has more than " + strconv.Itoa(maxNewsroomWords) + " words")
		}
		id := int32(len(n.patterns))
		key = append(key[:0], nameKey)
		for i, t := range toks {
			if i > 0 {
				key = append(key, ' ')
			}
			key = append(key, t.Text(name)...)
		}
		k, added := n.keys.add(key)
		if !added {
			return errors.New(where + ": " + quoted(name) + " is already listed (" + n.patterns[n.byKey[k]].where + ")")
		}
		n.setKey(k, id)
		p.where, p.next = where, -1
		p.words = make([]string, len(toks))
		for i, t := range toks {
			p.words[i] = t.Text(name)
		}
		n.patterns = append(n.patterns, p)
		n.chain(p.words[0], id)
		if p.typ == 0 {
			n.hasIgnore = true
			return nil
		}
		n.hasEntities = true
		if p.canonical != "" {
			if k, added := n.keys.add(append(append(key[:0], canonicalKey), p.canonical...)); added {
				n.setKey(k, id)
			}
		}
		return nil
	}
	for i, e := range l.Entities {
		where := "entities[" + strconv.Itoa(i) + "]"
		typ := parseEntityType(e.Type)
		if typ == 0 {
			return nil, errors.New(where + ": unknown type " + quoted(clip(e.Type)) + " (want person, place or organization)")
		}
		if err := add(where, e.Name, newsroomPattern{typ: typ, canonical: strings.TrimSpace(e.Canonical), role: strings.TrimSpace(e.Role)}); err != nil {
			return nil, err
		}
	}
	for i, s := range l.Ignore {
		if err := add("ignore["+strconv.Itoa(i)+"]", s, newsroomPattern{}); err != nil {
			return nil, err
		}
	}
	return n, nil
}

func (n *Newsroom) setKey(k int, id int32) {
	for len(n.byKey) <= k {
		n.byKey = append(n.byKey, -1)
	}
	n.byKey[k] = id
}

// chain links pattern id into the chain of its first word, longest first.
func (n *Newsroom) chain(first string, id int32) {
	k, added := n.keys.add(append([]byte{firstWordKey}, first...))
	if added {
		n.setKey(k, id)
		return
	}
	length := len(n.patterns[id].words)
	prev, at := int32(-1), n.byKey[k]
	for at >= 0 && len(n.patterns[at].words) >= length {
		prev, at = at, n.patterns[at].next
	}
	n.patterns[id].next = at
	if prev < 0 {
		n.byKey[k] = id
	} else {
		n.patterns[prev].next = id
	}
}

// lookUp returns the pattern of the key tag+s, or -1; buf is scratch space.
func (n *Newsroom) lookUp(buf *[]byte, tag byte, s string) int32 {
	*buf = append(append((*buf)[:0], tag), s...)
	if k, ok := n.keys.find(*buf); ok {
		return n.byKey[k]
	}
	return -1
}

// WithNewsroom applies a newsroom lexicon (NewNewsroom); nil applies none.
func WithNewsroom(n *Newsroom) Option { return func(c *config) { c.newsroom = n } }

func parseEntityType(s string) EntityType {
	var t EntityType
	t.UnmarshalText([]byte(strings.TrimSpace(s)))
	return t
}

// clip shortens s for an error message, at a character boundary.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	end := 40
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end] + "…"
}

// quoted is s in double quotes (strconv.Quote would link its tables into
// the wasm build).
func quoted(s string) string { return `"` + s + `"` }

// occurrence is a pattern found in the text: tokens [first, last).
type occurrence struct {
	first, last int
	pattern     int32
}

// find lists the occurrences of the patterns, in text order, without
// overlaps: at each token the longest pattern that matches wins. A name does
// not run across a paragraph break.
func (n *Newsroom) find(text string, toks []Token) []occurrence {
	var out []occurrence
	var buf [64]byte
	key := buf[:0]
	for i := 0; i < len(toks); i++ {
		for id := n.lookUp(&key, firstWordKey, toks[i].Text(text)); id >= 0; id = n.patterns[id].next {
			if n.matches(text, toks, i, n.patterns[id].words) {
				out = append(out, occurrence{i, i + len(n.patterns[id].words), id})
				i += len(n.patterns[id].words) - 1
				break
			}
		}
	}
	return out
}

func (n *Newsroom) matches(text string, toks []Token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k := 1; k < len(words); k++ {
		if t := toks[i+k]; t.NewlineBefore || t.Text(text) != words[k] {
			return false
		}
	}
	return true
}

// names applies the lexicon to the recognizer's names (in text order): the
// names an occurrence overlaps give way to it (an ignored string leaves
// none), unless a longer name holds an entity's occurrence whole.
func (n *Newsroom) names(text string, toks []Token, names []Name) []Name {
	if n == nil {
		return names
	}
	occ := n.find(text, toks)
	if len(occ) == 0 {
		return names
	}
	// Occurrences of entities held whole by a longer name are dropped.
	kept := occ[:0]
	q := 0
	for _, o := range occ {
		for q < len(names) && names[q].Last <= o.first {
			q++
		}
		if n.patterns[o.pattern].typ != 0 && q < len(names) {
			nm := names[q]
			if nm.First <= o.first && o.last <= nm.Last && nm.Last-nm.First > o.last-o.first {
				continue
			}
		}
		kept = append(kept, o)
	}
	// The names left and the occurrences, merged in text order.
	out := make([]Name, 0, len(names)+len(kept))
	p, added := 0, 0
	for _, nm := range names {
		for ; added < len(kept) && kept[added].last <= nm.First; added++ {
			out = n.appendOccurrence(out, toks, kept[added])
		}
		for p < len(kept) && kept[p].last <= nm.First {
			p++
		}
		if p < len(kept) && kept[p].first < nm.Last {
			continue // overlapped
		}
		out = append(out, nm)
	}
	for ; added < len(kept); added++ {
		out = n.appendOccurrence(out, toks, kept[added])
	}
	return out
}

func (n *Newsroom) appendOccurrence(out []Name, toks []Token, o occurrence) []Name {
	if typ := n.patterns[o.pattern].typ; typ != 0 {
		out = append(out, Name{First: o.first, Last: o.last, Start: toks[o.first].Start, End: toks[o.last-1].End, Type: typ, Confidence: 1})
	}
	return out
}

// entities gives the entities the lexicon names its type, canonical name and
// role, and merges those that share a canonical name. An entity is the
// lexicon's when one of its mentions is an entry's name, or when its name is
// an entry's canonical name.
func (n *Newsroom) entities(text string, es []*entity) []*entity {
	if n == nil || !n.hasEntities {
		return es
	}
	var groups []*entity // the first entity of each canonical name
	var key []byte
	out := es[:0]
	for _, e := range es {
		id := n.entryOf(&key, text, e)
		if id < 0 {
			out = append(out, e)
			continue
		}
		p := &n.patterns[id]
		e.typ = p.typ
		if p.canonical != "" {
			e.name = p.canonical
		}
		if p.role != "" {
			e.role = p.role
		}
		var first *entity
		for _, g := range groups {
			if g.typ == e.typ && g.name == e.name {
				first = g
				break
			}
		}
		if first == nil {
			groups = append(groups, e)
			out = append(out, e)
			continue
		}
		first.mentions = mergeNames(first.mentions, e.mentions)
		if first.role == "" {
			first.role = e.role
		}
		if first.sex == 0 {
			first.sex = e.sex
		}
	}
	return out
}

// entryOf returns the entity pattern of e, or -1.
func (n *Newsroom) entryOf(key *[]byte, text string, e *entity) int32 {
	for _, m := range e.mentions {
		if id := n.lookUp(key, nameKey, text[m.Start:m.End]); id >= 0 && n.patterns[id].typ != 0 {
			return id
		}
	}
	if id := n.lookUp(key, canonicalKey, e.name); id >= 0 {
		return id
	}
	return -1
}

// issues drops the issues' mentions that overlap an ignored string, and the
// issues left with none.
func (n *Newsroom) issues(text string, toks []Token, is []issue) []issue {
	if n == nil || !n.hasIgnore || len(is) == 0 {
		return is
	}
	var ignored [][2]int
	for _, o := range n.find(text, toks) {
		if n.patterns[o.pattern].typ == 0 {
			ignored = append(ignored, [2]int{toks[o.first].Start, toks[o.last-1].End})
		}
	}
	if len(ignored) == 0 {
		return is
	}
	out := is[:0]
	for _, x := range is {
		ms := make([][2]int, 0, len(x.mentions))
		for _, m := range x.mentions {
			if !overlapsAny(ignored, m) {
				ms = append(ms, m)
			}
		}
		// An issue raised only by silenced words goes; one the article
		// classifier found without any word keeps its place.
		if len(ms) > 0 || len(x.mentions) == 0 {
			x.mentions = ms
			out = append(out, x)
		}
	}
	return out
}

// overlapsAny reports whether m overlaps one of the sorted, disjoint spans.
func overlapsAny(spans [][2]int, m [2]int) bool {
	// The first span ending after m starts.
	lo, hi := 0, len(spans)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if spans[mid][1] <= m[0] {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo < len(spans) && spans[lo][0] < m[1]
}

// mergeNames merges two lists of names in text order into a new one.
func mergeNames(a, b []Name) []Name {
	out := make([]Name, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if b[0].Start < a[0].Start {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}
