package annotate

import (
	"slices"
	"strings"
)

// Cues: the table of attribution cues (verbs of saying in every form,
// "according to", a byline dash) and the scan that finds each cue outside
// the quotes with the subject it attributes to (see subjects.go).

// cue is one attribution cue in the text and the subject it attributes to.
type cue struct {
	tok, end int // token range
	kind     cueKind
	subject  referent
}

type cueKind uint8

const (
	// saying verbs take their subject before them, or after them when they
	// directly follow a quote ("…," said Smith).
	saying cueKind = iota + 1
	// addressing verbs are followed by their object (told reporters, called
	// the talks), so their subject is always before them.
	addressing
	// according to puts the source after the cue.
	according
)

// findCues lists every cue outside the quotes, in text order, resolving
// subjects as it goes so that a pronoun can refer back to an earlier speaker
// or to the person an earlier sentence is about. cueStarts are the tokens
// that may start one, in order (see mayStartCue).
func (at *attributor) findCues(cueStarts []int32) {
	// About one cue in two sentences is usual.
	at.sentenceSubjects = make([]placedReferent, len(at.sents))
	at.cues = make([]cue, 0, len(at.sents)/2+1)
	// recent lists the subjects found so far, newest last: k for the one of
	// at.cues[k], ^si for the one of sentence si.
	recent := make([]int32, 0, len(at.sents)+len(at.sents)/2+1)
	next := 0 // in cueStarts
	for si, s := range at.sents {
		subject := placedReferent{tok: -1}
		if r, tok, ok := at.sentenceSubject(si); ok {
			subject = placedReferent{tok, r}
		} else if p := at.leadingPronoun(s); p >= 0 {
			subject = placedReferent{p, at.resolvePronounAt(p, recent)}
		}
		if subject.tok >= 0 && subject.r.found() {
			recent = append(recent, ^int32(si))
			at.sentenceSubjects[si] = subject
		} else {
			at.sentenceSubjects[si].tok = -1
		}
		for from := s.First; next < len(cueStarts) && int(cueStarts[next]) < s.Last; next++ {
			i := int(cueStarts[next])
			if i < from || at.info[i].inQuote {
				continue
			}
			kind, end := at.cueAt(i, i == s.First)
			if kind == 0 {
				continue
			}
			c := cue{tok: i, end: end, kind: kind, subject: at.subjectOf(i, end, kind)}
			if p := at.pronounSubject(i, end, kind); !c.subject.found() && p >= 0 {
				c.subject = at.resolvePronounAt(p, recent)
			}
			if c.subject.found() {
				recent = append(recent, int32(len(at.cues)))
			}
			at.cues = append(at.cues, c)
			from = end
		}
	}
}

type placedReferent struct {
	tok int
	r   referent
}

// mayStartCue rules out most tokens as the start of a cue (see cueAt)
// without looking them up: those that no cue word or byline dash has the
// shape of.
func mayStartCue(text string, t *Token) bool {
	return cueWords.words.hasShapeOf(text[t.Start:t.End])
}

// cueAt returns the kind and token end of a cue starting at token i;
// initial says whether the token opens its sentence, the one place a cue
// word is capitalised (Said Ellis: "…"; According to …).
func (at *attributor) cueAt(i int, initial bool) (cueKind, int) {
	t := &at.toks[i]
	if t.Kind == Punct {
		if at.isByline(i) {
			return according, i + 1
		}
		return 0, 0
	}
	if t.Kind != Word || !initial && !hasLowerHead(at.text[t.Start:t.End]) {
		return 0, 0
	}
	v, ok := cueWords.words.find(at.text, t.Start, t.End)
	if !ok {
		return 0, 0 // most words
	}
	c := &cueWords.cues[v]
	next := ""
	if i+1 < len(at.toks) {
		next = at.toks[i+1].Text(at.text)
	}
	switch {
	case c.next != "": // "according to", "as Smith put it"
		if next != c.next {
			return 0, 0
		}
		return c.kind, i + 2
	// "continued to campaign", "added to the debt": not speech; nor is the
	// passive "was told", whose subject is the listener.
	case next == "to" && notSpeechBeforeTo.has(at.text[t.Start:t.End]), at.isPassive(i):
		return 0, 0
	}
	return c.kind, i + 1
}

// cueWords are the cue words, in any case.
var cueWords = func() (l cueTable) {
	l.words = newShortWords(anyCase, 512)
	for _, w := range strings.Fields(sayingForms) {
		l.add(w, cueWord{kind: saying})
	}
	for _, w := range strings.Fields(addressingForms) {
		l.add(w, cueWord{kind: addressing})
	}
	l.add("according", cueWord{kind: according, next: "to"})
	for _, phrase := range []string{"put it", "pointed out", "went on"} {
		verb, next, _ := strings.Cut(phrase, " ")
		l.add(verb, cueWord{kind: saying, next: next})
	}
	for _, dash := range bylineDashes {
		l.words.addShape(dash)
	}
	return
}()

// cueTable finds the cue words in any case: the attribution tries the
// words of the text outside quotes that have the shape of one.
type cueTable struct {
	words shortWords
	cues  []cueWord // by value in words
}

// cueWord is what a cue word is: its kind, and the word that must follow
// it in a phrase ("according to"), if any.
type cueWord struct {
	kind cueKind
	next string
}

func (l *cueTable) add(w string, c cueWord) {
	*l.words.add(w) = uint16(len(l.cues))
	l.cues = append(l.cues, c)
}

// isPassive: the verb at i follows a form of "be" (was told, is called).
func (at *attributor) isPassive(i int) bool {
	if strings.HasSuffix(at.toks[i].Text(at.text), "ing") {
		return false // the progressive "is saying"
	}
	j := i - 1
	for j >= 0 && at.is(j, modifiesVerb) && !at.is(j, passiveAuxiliary) {
		j--
	}
	return j >= 0 && at.is(j, passiveAuxiliary)
}

var notSpeechBeforeTo = setOf("continue continues continued add adds added adding ask asks asked promised vowed claimed claiming")

var passiveAuxiliaries = setOf("be is was were are been being")

var bylineDashes = [...]string{"―", "—", "–", "-", "--"}

// isByline: a dash after a closing quote mark, followed by a name that ends
// the paragraph, signs the quote: “…” ― Jane Doe.
func (at *attributor) isByline(i int) bool {
	if i == 0 || !at.info[i-1].inQuote || i+1 >= len(at.toks) || at.toks[i+1].NewlineBefore ||
		!slices.Contains(bylineDashes[:], at.toks[i].Text(at.text)) {
		return false
	}
	e := at.phraseEnd(i + 1)
	for e < len(at.toks) && at.toks[e].Kind == Punct && !at.toks[e].NewlineBefore {
		e++
	}
	return e == len(at.toks) || at.toks[e].NewlineBefore
}

// Bare forms that are mostly nouns ("a note", "his remarks") are left out.
const sayingForms = "say says said saying add adds added adding ask asks asked asking write writes wrote written" +
	" noted noting explain explains explained explaining continued" +
	" replied replying responded responding answered insist insists insisted insisting" +
	" argue argues argued arguing claimed claiming stated declare declares declared declaring" +
	" recall recalls recalled recalling remarked observed conclude concluded concludes" +
	" contend contended contends assert asserted asserts maintained predict predicted predicts" +
	" complain complained complains joked quipped laughed shouted yelled screamed whispered" +
	" emphasize emphasized emphasizes emphasise emphasised stressed acknowledge acknowledged acknowledges acknowledging" +
	" admit admitted admits admitting concede conceded concedes countered retorted reiterate reiterated reiterates" +
	" repeated exclaimed boasted mused recount recounted recounts suggest suggested suggests suggesting" +
	" warn warned warns tweeted tweeting posted announce announced announces announcing" +
	" confirmed deny denied denies testify testified testifies vowed promised" +
	" lamented cautioned sighed wondered mentioned demanded demands" +
	" reported allege alleged alleges charged proclaim proclaimed"

const addressingForms = "tell tells told telling calls called calling describe describes described describing" +
	" dubbed labeled labelled branded urge urges urged urging assured assures" +
	" reminded reminds informed informs advised"
