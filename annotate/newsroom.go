package annotate

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
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

// Newsroom is a compiled lexicon, safe for concurrent use.
type Newsroom struct {
	patterns []newsroomPattern
	// byFirst lists the patterns by their first word, longest first.
	byFirst map[string][]int32
	// byName and byCanonical find the entity pattern of a mention's text
	// and of an entity's canonical name.
	byName, byCanonical map[string]int32
	hasIgnore           bool
}

type newsroomPattern struct {
	words           []string
	typ             EntityType // 0: ignored
	canonical, role string
}

// NewNewsroom validates and compiles a lexicon, with an error message fit
// to show the user. An empty lexicon compiles to nil: no change.
func NewNewsroom(l NewsroomLexicon) (*Newsroom, error) {
	if len(l.Entities)+len(l.Ignore) > maxNewsroomEntries {
		return nil, errors.New("the lexicon has more than " + strconv.Itoa(maxNewsroomEntries) + " entries")
	}
	if len(l.Entities)+len(l.Ignore) == 0 {
		return nil, nil
	}
	n := &Newsroom{byFirst: map[string][]int32{}, byName: map[string]int32{}, byCanonical: map[string]int32{}}
	seen := map[string]string{}
	add := func(where, name string, p newsroomPattern) error {
		if strings.TrimSpace(name) == "" {
			return errors.New(where + ": the name is empty")
		}
		for _, s := range []string{name, p.canonical, p.role} {
			if len(s) > maxNewsroomName {
				return errors.New(where + ": " + strconv.Quote(clip(s)) + " is longer than " + strconv.Itoa(maxNewsroomName) + " bytes")
			}
		}
		toks := Tokenize(name)
		if len(toks) > maxNewsroomWords {
			return errors.New(where + ": " + strconv.Quote(name) + " has more than " + strconv.Itoa(maxNewsroomWords) + " words")
		}
		key := joinTokens(name, toks)
		if other, dup := seen[key]; dup {
			return errors.New(where + ": " + strconv.Quote(name) + " is already listed (" + other + ")")
		}
		seen[key] = where
		p.words = make([]string, len(toks))
		for i, t := range toks {
			p.words[i] = t.Text(name)
		}
		id := int32(len(n.patterns))
		n.patterns = append(n.patterns, p)
		n.byFirst[p.words[0]] = append(n.byFirst[p.words[0]], id)
		if p.typ != 0 {
			n.byName[key] = id
			if _, ok := n.byCanonical[p.canonical]; p.canonical != "" && !ok {
				n.byCanonical[p.canonical] = id
			}
		} else {
			n.hasIgnore = true
		}
		return nil
	}
	for i, e := range l.Entities {
		where := "entities[" + strconv.Itoa(i) + "]"
		typ := parseEntityType(e.Type)
		if typ == 0 {
			return nil, errors.New(where + `: unknown type "` + clip(e.Type) + `" (want person, place or organization)`)
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
	for _, ids := range n.byFirst {
		slices.SortStableFunc(ids, func(x, y int32) int { return cmp.Compare(len(n.patterns[y].words), len(n.patterns[x].words)) })
	}
	return n, nil
}

// WithNewsroom applies a newsroom lexicon (NewNewsroom); nil applies none.
func WithNewsroom(n *Newsroom) Option { return func(c *config) { c.newsroom = n } }

func parseEntityType(s string) EntityType {
	var t EntityType
	t.UnmarshalText([]byte(strings.TrimSpace(s)))
	return t
}

func clip(s string) string {
	if len(s) > 40 {
		return strings.ToValidUTF8(s[:40], "") + "…"
	}
	return s
}

// joinTokens is a name's tokens joined by single spaces: the key of a name
// however it is spaced.
func joinTokens(text string, toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text(text))
	}
	return b.String()
}

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
	for i := 0; i < len(toks); i++ {
		ids, ok := n.byFirst[toks[i].Text(text)]
		if !ok {
			continue
		}
		for _, id := range ids {
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
	out := make([]Name, 0, len(names)+len(kept))
	p := 0
	for _, nm := range names {
		for p < len(kept) && kept[p].last <= nm.First {
			p++
		}
		if p < len(kept) && kept[p].first < nm.Last {
			continue // overlapped
		}
		out = append(out, nm)
	}
	for _, o := range kept {
		if typ := n.patterns[o.pattern].typ; typ != 0 {
			out = append(out, Name{First: o.first, Last: o.last, Start: toks[o.first].Start, End: toks[o.last-1].End, Type: typ})
		}
	}
	slices.SortStableFunc(out, func(x, y Name) int { return cmp.Compare(x.Start, y.Start) })
	return out
}

// entities gives the entities the lexicon names its type, canonical name and
// role, and merges those that share a canonical name. An entity is the
// lexicon's when one of its mentions is an entry's name, or when its name is
// an entry's canonical name.
func (n *Newsroom) entities(text string, es []*entity) []*entity {
	if n == nil || len(n.byName) == 0 {
		return es
	}
	groups := map[string]*entity{}
	out := es[:0]
	for _, e := range es {
		id, ok := n.entryOf(text, e)
		if !ok {
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
		key := p.typ.String() + "\x00" + e.name
		first, dup := groups[key]
		if !dup {
			groups[key] = e
			out = append(out, e)
			continue
		}
		first.mentions = append(first.mentions, e.mentions...)
		slices.SortStableFunc(first.mentions, func(x, y Name) int { return cmp.Compare(x.Start, y.Start) })
		if first.role == "" {
			first.role = e.role
		}
		if first.sex == 0 {
			first.sex = e.sex
		}
	}
	return out
}

func (n *Newsroom) entryOf(text string, e *entity) (int32, bool) {
	for _, m := range e.mentions {
		if id, ok := n.byName[text[m.Start:m.End]]; ok {
			return id, true
		}
	}
	id, ok := n.byCanonical[e.name]
	return id, ok
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
		if len(ms) > 0 {
			x.mentions = ms
			out = append(out, x)
		}
	}
	return out
}

// overlapsAny reports whether m overlaps one of the sorted, disjoint spans.
func overlapsAny(spans [][2]int, m [2]int) bool {
	i, _ := slices.BinarySearchFunc(spans, m[0], func(s [2]int, start int) int { return cmp.Compare(s[1], start+1) })
	return i < len(spans) && spans[i][0] < m[1]
}
