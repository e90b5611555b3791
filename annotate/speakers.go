package annotate

import "sort"

// Speakers: decides who said each quote. News attributes speech with a cue
// (a verb of saying in any tense, "according to", a colon) beside the quote;
// its subject is a name, a pronoun, or a description ("a senior US
// official"). Without a parser, the subject is found from the shape of the
// words around the cue: the phrase before the verb, after it when it
// follows the quote ("…," said X), across an appositive ("X, the minister,
// said"), or the subject of the clause a participle hangs from ("X attacked
// Y, saying …"). Pronouns go to the nearest earlier speaker or sentence
// subject of a compatible sex (from the entities stage). A quote with no cue
// of its own takes the speaker of the quote just before it in the same or
// the previous paragraph, which covers split quotes ("First part," she said.
// "Second part.") and remarks that run on into the next paragraph. Every
// search is bounded, so the stage stays linear in the length of the text.
//
// The rules ask about the same few tokens around each cue and sentence
// start many times (is it a pronoun? a verb of saying?), so each token's
// text is looked up once, in all the word lists at a time (see is), and
// words are read eight bytes at a time rather than byte by byte (see
// shortWords); the words outside quotes that could be cues come from the
// one pass over the tokens that finds the quote marks (scanTokens).

// How far (in tokens) a cue or its subject may be from what it attributes.
const (
	maxCueGap      = 40
	maxSubjectSpan = 40
	maxClauseSpan  = 100
	maxPhraseLen   = 10
	maxPronounBack = 30
	// maxLeadingSubject bounds how far into a sentence its cue may come
	// when the sentence only attributes the quote before it.
	maxLeadingSubject = 8
	// maxTrailingSubject bounds what may follow a cue that ends a sentence
	// ("said Mr. Jones.").
	maxTrailingSubject = 5
	// maxAdjacentSubject bounds the subject between a quote and its cue
	// ('"No," Fox's Chris Wallace said').
	maxAdjacentSubject = 7
)

// attributor holds the per-document indexes the attribution rules share.
type attributor struct {
	text     string
	toks     []Token
	sents    []Sentence
	names    []Name
	info     []tokenInfo // by token
	classes  []wordClass // by token: its word classes, once looked up (see is)
	entityOf []int32     // name index → index + 1 in entities, 0 for none
	// sentenceSubjects holds the person each sentence is about (see
	// sentenceSubject), tok -1 for none.
	sentenceSubjects []placedReferent
	entities         []*entity
	cues             []cue
	// personByWord and organizationByWord index the entities' names by
	// word in a long block (see onlyNamed).
	personByWord, organizationByWord map[string]*entity
	// described lists the people named in apposition to a description
	// so far ("Lin Xiaoqing, a spokeswoman for the ministry"), for a
	// later "the spokeswoman" (see describedPerson).
	described []describedPerson
}

// tokenInfo is what the attribution rules look up about a token.
type tokenInfo struct {
	name     int32 // name index + 1, 0 outside names
	sentence int32 // sentence index (see scanTokens)
	inQuote  bool  // inside a quote, marks included
}

// attributeQuotes attributes the quotes and returns them without titles
// that no cue attributes to anyone; info holds the sentence of each token.
func attributeQuotes(a *analysis, qs []quote, info []tokenInfo, cueStarts []int32) []quote {
	if len(qs) == 0 {
		return qs
	}
	var at attributor
	at.init(a, info)
	for _, q := range qs {
		for i := q.open; i <= q.close; i++ {
			at.info[i].inQuote = true
		}
	}
	at.findCues(cueStarts)
	kept := qs[:0]
	for _, q := range qs {
		at.attribute(&q)
		if q.cue >= 0 || !isTitle(at.text, at.toks, q) {
			kept = append(kept, q)
		}
	}
	at.linkFollowers(kept)
	return kept
}

func (at *attributor) init(a *analysis, info []tokenInfo) {
	*at = attributor{text: a.text, toks: a.tokens, sents: a.sentences, names: a.names, entities: a.entities,
		info: info, classes: make([]wordClass, len(a.tokens)), entityOf: make([]int32, len(a.names))}
	for i, n := range a.names {
		for t := n.First; t < n.Last; t++ {
			at.info[t].name = int32(i + 1)
		}
	}
	for k, e := range a.entities {
		for _, m := range e.mentions {
			if m.First < len(at.info) {
				if i := at.info[m.First].name; i > 0 {
					at.entityOf[i-1] = int32(k + 1)
				}
			}
		}
	}
}

// entityNamed returns the entity of the name with index n, or nil.
func (at *attributor) entityNamed(n int32) *entity {
	if e := at.entityOf[n]; e > 0 {
		return at.entities[e-1]
	}
	return nil
}

// attribute picks the cue for one quote: the first one after it in its
// sentence ("…," X said), else the nearest before it (X said: "…"), or in a
// sentence that only introduces it (X continued: ¶ "…"). For a fragment
// inside a sentence, the verb before it governs it, so that 'Qin told
// Blinken that relations "are at a low", according to CCTV' is Qin's. A
// colon with no verb of saying in its clause is a cue itself ("Rubio fired
// back: “…”"). Quotes with no cue at all go to attributeWithoutCue.
func (at *attributor) attribute(q *quote) {
	q.partial = at.isPartial(q)
	after := at.cueAfter(q)
	before := at.cueBefore(q.open, max(at.sentenceStart(q.open), q.open-maxCueGap))
	if before == nil {
		before = at.precedingCue(q)
	}
	var c *cue
	switch {
	case at.isPunct(q.open-1, ':') && (before == nil || at.hasChunkBreak(before.end, q.open-1)) && at.attributeToColonClause(q):
		return
	case before != nil && (q.partial || after == nil || after.kind == according):
		c = before
	default:
		c = after
	}
	if c == nil {
		at.attributeWithoutCue(q)
		return
	}
	if at.isScareQuote(q, c) {
		q.partial = true
		return
	}
	q.cue, q.cueEnd = c.tok, at.toks[c.end-1].End
	q.credit(c.subject, c.basis())
}

// attributeWithoutCue handles quotes beside a verb that is not in the
// cue table: an inverted one right after the quote ('"…," scoffed Arianna
// Gil'), else the person the quote's sentence is about ('Trump also
// embraced harsh methods — "I think waterboarding is fine."').
func (at *attributor) attributeWithoutCue(q *quote) {
	v := q.close + 1
	if at.isPunct(v, ',') {
		v++
	}
	if v+1 < len(at.toks) && at.toks[v].Kind == Word && hasLowerHead(at.toks[v].Text(at.text)) && at.startsWithPerson(v+1) {
		e := at.phraseEnd(v + 1)
		if r := at.phraseReferent(v+1, e); r.entity != nil && (e == len(at.toks) || at.toks[e].Kind == Punct) {
			q.cue, q.cueEnd = v, at.toks[v].End
			q.credit(r, byOtherVerb)
			return
		}
	}
	if at.isScareQuote(q, nil) {
		q.partial = true
		return
	}
	si := at.sentenceIndex(q.open)
	if subject := at.sentenceSubjects[si]; subject.tok >= 0 && subject.tok < q.open {
		q.credit(subject.r, bySubject)
		return
	}
	// A fragment belongs to the subject of its sentence, whoever or
	// whatever it is: 'A Government Accountability Office report found that
	// the money was not coming from "the drug trade, …"'.
	if c := at.subjectStart(si); q.partial && c < q.open && !at.info[c].inQuote {
		if r, ok := at.leadingSubject(c); ok && at.phraseEnd(c) <= q.open {
			q.credit(r, bySubject)
		}
	}
}

// attributeToColonClause attributes a quote introduced by a colon without
// a verb of saying ("Rubio fired back: “…”", "Sanders delivered a retort:
// "…"") to the subject of the clause before the colon; the colon is the cue.
func (at *attributor) attributeToColonClause(q *quote) bool {
	colon := q.open - 1
	c := colon
	for lo := max(at.sentenceStart(colon), colon-maxSubjectSpan); c > lo && !at.isChunkBreak(c-1) && !at.info[c-1].inQuote; {
		c--
	}
	r, ok := at.leadingSubject(c)
	if ok {
		q.cue, q.cueEnd = colon, at.toks[colon].End
		q.credit(r, byColon)
	}
	return ok
}

// startsClause: token i coordinates a new clause (", and", ", but"). A
// subordinate one may sit between a quote and its cue ('"…," since …,
// said Epstein').
func (at *attributor) startsClause(i int) bool {
	switch at.toks[i].Text(at.text) {
	case "and", "but", "or":
		return at.isPunct(i-1, ',')
	}
	return false
}

func (at *attributor) hasChunkBreak(from, to int) bool {
	for i := from; i < to; i++ {
		if at.isChunkBreak(i) {
			return true
		}
	}
	return false
}

// cueAfter returns the first cue after the quote's closing mark, within its
// sentence and before the next quote. A quote that ends its own sentence is
// often attributed by a short one after it ("…?" Graham asked.), so then the
// cue may open the next sentence.
func (at *attributor) cueAfter(q *quote) *cue {
	limit := min(at.sentenceEnd(q.close), q.close+maxCueGap)
	if next := q.close + 1; limit == next && next < len(at.toks) && !at.toks[next].NewlineBefore {
		limit = min(at.sentenceEnd(next), next+maxLeadingSubject)
	}
	k := sort.Search(len(at.cues), func(k int) bool { return at.cues[k].tok > q.close })
	for k < len(at.cues) && at.cues[k].tok < limit && !at.cues[k].subject.found() {
		k++
	}
	if k == len(at.cues) || at.cues[k].tok >= limit {
		return nil
	}
	for i := q.close + 1; i < at.cues[k].tok; i++ {
		if at.info[i].inQuote || at.startsClause(i) {
			return nil // '"…," the crowd chanted, and Smith said' is not Smith's
		}
	}
	return &at.cues[k]
}

// cueBefore returns the last cue in tokens [lo, open).
func (at *attributor) cueBefore(open, lo int) *cue {
	k := sort.Search(len(at.cues), func(k int) bool { return at.cues[k].tok >= open }) - 1
	for ; k >= 0 && at.cues[k].tok >= lo; k-- {
		if at.cues[k].subject.found() {
			return &at.cues[k]
		}
	}
	return nil
}

// precedingCue handles a quote that opens its sentence right after one that
// only introduces it: one ending in a colon ("Caddell continued: ¶ “…”") or
// ending with its cue in the same paragraph ('…, Schiff said. "…"').
func (at *attributor) precedingCue(q *quote) *cue {
	start := at.sentenceStart(q.open)
	if start != q.open || start == 0 {
		return nil
	}
	if at.isPunct(start-1, ':') {
		return at.cueBefore(start, max(at.sentenceStart(start-1), start-maxCueGap))
	}
	if at.toks[start].NewlineBefore {
		return nil
	}
	// The cue must end the sentence before: '…, Schiff said. "…"'.
	c := at.cueBefore(start, start-maxLeadingSubject)
	if c == nil || c.end < start-maxTrailingSubject {
		return nil
	}
	return c
}

// isScareQuote: one or two quoted words with no cue (c may be nil) right
// beside them are scare quotes or titles, not speech.
func (at *attributor) isScareQuote(q *quote, c *cue) bool {
	if at.wordsInside(q) > 2 {
		return false
	}
	if c == nil {
		return true
	}
	if c.tok > q.close {
		return c.tok-q.close > maxAdjacentSubject || at.hasChunkBreak(q.close+2, c.tok)
	}
	return c.end < q.open-1 || c.end == q.open-1 && at.toks[c.end].Kind != Punct
}

func (at *attributor) wordsInside(q *quote) int {
	n := 0
	for i := q.open + 1; i < q.close; i++ {
		if k := at.toks[i].Kind; k == Word || k == Number {
			n++
		}
	}
	return n
}

// isPartial: the quote is a fragment of the reporter's sentence rather than
// a sentence of its own: it starts in lower case, or words of the reporter's
// (other than the cue) run straight into it.
func (at *attributor) isPartial(q *quote) bool {
	for i := q.open + 1; i < q.close; i++ {
		t := at.toks[i]
		if t.Kind == Word {
			if w := t.Text(at.text); w[0] >= 'a' && w[0] <= 'z' {
				return true
			}
			break
		}
	}
	p := q.open - 1
	if p < 0 || at.toks[q.open].NewlineBefore || p < at.sentenceStart(q.open) {
		return false
	}
	t := at.toks[p]
	return t.Kind == Word && !at.is(p, cueVerb)
}

// linkFollowers gives cue-less quotes the speaker of the quote before them:
// the second half of a split quote (linked to the first), or the next
// paragraph of the same speaker's remarks (a continuation). A paragraph
// that opens with a quote after one that reports someone's words without
// quoting them ("Smith said the plan had failed. ¶ “It is over.”") also
// continues that speaker's remarks.
func (at *attributor) linkFollowers(qs []quote) {
	prev := -1
	for i := range qs {
		q := &qs[i]
		if q.cue >= 0 || q.hasSpeaker() {
			if q.cue >= 0 && prev >= 0 && qs[prev].cue == q.cue {
				q.linked, qs[prev].linked = prev, i
			}
			prev = i
			continue
		}
		if q.partial {
			continue
		}
		if prev >= 0 && qs[prev].hasSpeaker() {
			p := &qs[prev]
			breaks := at.paragraphBreaks(p.close, q.open)
			switch {
			case breaks == 0 && p.cue > p.close && p.cue < q.open:
				q.linked, p.linked = prev, i
				q.cue, q.cueEnd = p.cue, p.cueEnd
			case breaks == 0 || breaks == 1 && at.toks[q.open].NewlineBefore && !at.isHeading(q):
				q.continuation = true
			}
			if q.linked >= 0 || q.continuation {
				q.speaker, q.speakerDesc, q.anonymous = p.speaker, p.speakerDesc, p.anonymous
				q.basis = byContinuation
				if q.linked >= 0 {
					q.basis = byLink
				}
				prev = i
				continue
			}
		}
		if c := at.reportedSpeechBefore(q); c != nil {
			q.continuation = true
			q.credit(c.subject, byReportedSpeech)
		} else if p := at.personBefore(q); p != nil {
			q.continuation = true
			q.speaker, q.basis = p, byPersonBefore
		}
		prev = i
	}
}

// reportedSpeechBefore returns the cue of the sentence before the one q
// opens, if any: the last of the paragraph before ("Smith said the plan
// had failed. ¶ “It is over.”"), or the one before in the same paragraph
// ("His partner, Lawrence Cummings, called him a master. “He showed …”").
func (at *attributor) reportedSpeechBefore(q *quote) *cue {
	si := at.sentenceIndex(q.open)
	if si == 0 || si >= len(at.sents) || at.sents[si].First != q.open || at.isHeading(q) {
		return nil
	}
	return at.cueBefore(q.open, at.sents[si-1].First)
}

// personBefore returns the person the sentence before q's is about, when q
// opens a sentence in the same paragraph: the reporter introduces a
// speaker, then quotes them ("Sanders identified young voters' exhaustion
// as one reason. “The younger people are …”").
func (at *attributor) personBefore(q *quote) *entity {
	si := at.sentenceIndex(q.open)
	if si == 0 || si >= len(at.sents) || at.sents[si].First != q.open || at.toks[q.open].NewlineBefore {
		return nil
	}
	if subject := at.sentenceSubjects[si-1]; subject.tok >= 0 && subject.r.entity != nil && subject.r.entity.typ == Person {
		return subject.r.entity
	}
	return nil
}

// isHeading: the quote is a line of its own with no punctuation to end it,
// as a subheading that quotes the article ("'A real conversation'").
func (at *attributor) isHeading(q *quote) bool {
	alone := q.close+1 == len(at.toks) || at.toks[q.close+1].NewlineBefore
	return alone && at.toks[q.open].NewlineBefore && at.toks[q.close-1].Kind != Punct
}

func (q *quote) hasSpeaker() bool { return q.speaker != nil || q.speakerDesc != "" }

// paragraphBreaks counts the line breaks between tokens a and b.
func (at *attributor) paragraphBreaks(a, b int) int {
	n := 0
	for i := a + 1; i <= b && n < 2; i++ {
		if at.toks[i].NewlineBefore {
			n++
		}
	}
	return n
}

// sentenceIndex returns the index of the sentence of token tok: the first
// one before a token before the text, len(sents) past the last one.
func (at *attributor) sentenceIndex(tok int) int {
	switch {
	case tok < 0:
		return 0
	case tok >= len(at.info):
		return len(at.sents)
	}
	return int(at.info[tok].sentence)
}

func (at *attributor) sentenceStart(tok int) int {
	if si := at.sentenceIndex(tok); si < len(at.sents) {
		return at.sents[si].First
	}
	return tok
}

func (at *attributor) sentenceEnd(tok int) int {
	if si := at.sentenceIndex(tok); si < len(at.sents) {
		return at.sents[si].Last
	}
	return tok + 1
}

func (at *attributor) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(at.toks) && at.toks[i].Kind == Punct && at.text[at.toks[i].Start] == c
}

// isChunkBreak: a comma, dash or bracket that sets off an appositive.
func (at *attributor) isChunkBreak(i int) bool {
	t := at.toks[i]
	if t.Kind != Punct {
		return false
	}
	switch at.text[t.Start:t.End] {
	case ",", "—", "–", "--", "(", ")", ";":
		return true
	}
	return false
}
