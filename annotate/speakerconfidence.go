package annotate

// Speaker confidence: how likely a quote's speaker is right, from how the
// attribution found it (its basis: the subject of a verb of saying, a
// pronoun resolved to an earlier person, the speaker of the quote before…)
// and what kind of speaker it is. The table (speakertable.go) is the share
// of speakers found that way that were right on PolNeAR train, fitted by
// cmd/eval-confidence -fit; its reliability on dev is in the README.

// speakerBasis is how a quote's speaker was found.
type speakerBasis uint8

const (
	noSpeakerBasis speakerBasis = iota
	// byCue: the named or described subject of a verb of saying beside
	// the quote ("…," said X; X said: "…").
	byCue
	// byAccording: "according to X", or a byline dash (“…” ― X).
	byAccording
	// byPronoun: the subject is a pronoun ("…," she said), resolved to the
	// nearest earlier person who fits.
	byPronoun
	// byColon: the subject of a clause ending in a colon ("X fired back:").
	byColon
	// byOtherVerb: a verb not in the cue lexicon right after the quote
	// ("…," scoffed X).
	byOtherVerb
	// bySubject: no cue; the person or body the quote's sentence is about.
	bySubject
	// byLink: the second half of a quote split by its attribution.
	byLink
	// byContinuation: no cue; the speaker of the quote before, in the same
	// or the previous paragraph.
	byContinuation
	// byReportedSpeech: no cue; the subject of the verb of saying in the
	// sentence before ("X said the plan had failed. ¶ “It is over.”").
	byReportedSpeech
	// byPersonBefore: no cue; the person the sentence before is about.
	byPersonBefore
	speakerBases
)

// speakerBasisNames are the bases as the document's quote.speaker.basis
// gives them (docs/format.md).
var speakerBasisNames = [speakerBases]string{byCue: "cue", byAccording: "according", byPronoun: "pronoun", byColon: "colon",
	byOtherVerb: "verb", bySubject: "subject", byLink: "link", byContinuation: "continuation",
	byReportedSpeech: "reported", byPersonBefore: "previous"}

func (b speakerBasis) String() string {
	if b < speakerBases {
		return speakerBasisNames[b]
	}
	return ""
}

// speakerKind is what kind of speaker a quote is credited to.
type speakerKind uint8

const (
	personSpeaker    speakerKind = iota
	bodySpeaker                  // an organization or a place ("Moscow said")
	describedSpeaker             // a description that names no one the recognizer found
	anonymousSpeaker             // "a senior official"
	speakerKinds
)

// speakerKindNames name the kinds in the fitted table's comments and in
// cmd/eval-confidence.
var speakerKindNames = [speakerKinds]string{"person", "body", "described", "anonymous"}

// credit gives the quote to r, found on basis b (a pronoun's referent is
// byPronoun whatever found the pronoun).
func (q *quote) credit(r referent, b speakerBasis) {
	q.speaker, q.speakerDesc, q.anonymous = r.entity, r.desc, r.anonymous
	if r.pronoun && (b == byCue || b == bySubject) {
		b = byPronoun
	}
	q.basis = b
}

// basis is how a cue's subject is found: after "according to" or a byline
// dash, or beside a verb of saying.
func (c *cue) basis() speakerBasis {
	if c.kind == according {
		return byAccording
	}
	return byCue
}

// speakerConfidence is the calibrated confidence (0–1, two decimals) of a
// speaker found on basis b of kind k; 0 when unknown.
func speakerConfidence(b speakerBasis, k speakerKind) float64 {
	if b >= speakerBases || k >= speakerKinds {
		return 0
	}
	return float64(speakerTable[b][k]) / 100
}

// speakerShare is one row of the fitted table (speakertable.go): the
// share right, in hundredths, of the speakers of a key, "basis kind",
// "basis" or "" for all.
type speakerShare struct {
	key   string
	share uint8
}

// shareOf returns the share of key in the fitted table.
func shareOf(key string) (uint8, bool) {
	for _, s := range speakerShares {
		if s.key == key {
			return s.share, true
		}
	}
	return 0, false
}

// speakerTable is speakerShares by basis and kind: the share of a basis
// and kind, else of the basis, else of all speakers.
var speakerTable = func() (t [speakerBases][speakerKinds]uint8) {
	for b := byCue; b < speakerBases; b++ {
		for k := range speakerKinds {
			share, ok := shareOf(speakerBasisNames[b] + " " + speakerKindNames[k])
			if !ok {
				share, ok = shareOf(speakerBasisNames[b])
			}
			if !ok {
				share, _ = shareOf("")
			}
			t[b][k] = share
		}
	}
	return t
}()
