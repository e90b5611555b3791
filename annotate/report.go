package annotate

import (
	"math"

	"lede/annotate/gazetteer"
)

// Report: what the stages found that a Document shows, in byte offsets into
// one text, with integer references between its parts. An article's analysis
// becomes one report (analysis.report); a long text's blocks each become one
// and are merged into one (blocks.go); output.go turns the report into the
// Document, once, whatever the path.

// report is the input of document assembly.
type report struct {
	text     string
	entities []reportEntity
	quotes   []reportQuote
	issues   []issue
	repairs  []Repair // in bytes
}

// span is a mention's bytes [start, end). The merged report of a long text
// keeps one per mention, so it is two int32s: texts are below 2 GB.
type span struct{ start, end int32 }

// reportEntity is an entity with its mentions.
type reportEntity struct {
	typ        EntityType
	name, role string
	geo        *Geo // the place's GeoNames record (geo.go), or nil
	// confidence is the highest calibrated confidence of its names (names.go).
	confidence float64
	// gender and genderBasis are a person's (gender.go).
	gender      gazetteer.Sex
	genderBasis genderBasis
	mentions    []span
}

// reportQuote is a quote; speaker and linked are indices into the report's
// entities and quotes, or -1.
type reportQuote struct {
	start, end int
	cueStart   int // -1 for no cue
	cueEnd     int
	speaker    int32
	linked     int32
	// speakerDesc is the name of a speaker that is no entity.
	speakerDesc           string
	anonymous             bool
	partial, continuation bool
	basis                 speakerBasis // how the speaker was found
}

// report reduces the analysis to its report. The mentions of all entities
// are carved out of one slice.
func (a *analysis) report() *report {
	r := &report{text: a.text, entities: make([]reportEntity, len(a.entities)), quotes: make([]reportQuote, len(a.quotes)), issues: a.issues}
	total := 0
	for _, e := range a.entities {
		total += len(e.mentions)
	}
	spans := make([]span, total)
	for i, e := range a.entities {
		ms := spans[:len(e.mentions):len(e.mentions)]
		spans = spans[len(e.mentions):]
		confidence := 0.0
		for j, n := range e.mentions {
			ms[j] = span{int32(n.Start), int32(n.End)}
			confidence = max(confidence, math.Round(100*n.Confidence)/100)
		}
		r.entities[i] = reportEntity{typ: e.typ, name: e.name, role: e.role, confidence: confidence, gender: e.gender, genderBasis: e.genderBasis, mentions: ms}
		if a.places != nil {
			r.entities[i].geo = a.places[i]
		}
	}
	var index map[*entity]int32
	if len(a.quotes) > 0 {
		index = make(map[*entity]int32, len(a.entities))
		for i, e := range a.entities {
			index[e] = int32(i)
		}
	}
	for i, q := range a.quotes {
		out := reportQuote{start: q.start, end: q.end, cueStart: -1, speaker: -1, linked: int32(q.linked),
			partial: q.partial, continuation: q.continuation, basis: q.basis}
		if q.speaker != nil {
			if e, ok := index[q.speaker]; ok {
				out.speaker = e
			} else {
				out.speakerDesc = q.speaker.name
			}
		} else {
			out.speakerDesc, out.anonymous = q.speakerDesc, q.anonymous
		}
		if q.cue >= 0 {
			out.cueStart, out.cueEnd = a.tokens[q.cue].Start, q.cueEnd
		}
		r.quotes[i] = out
	}
	return r
}
