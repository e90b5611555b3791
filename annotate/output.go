package annotate

import (
	"cmp"
	"math"
	"slices"
)

// Output: assembles the Document from a report (report.go), converting
// byte offsets to the requested unit through one offset index (offsets.go);
// json.go writes its JSON form. This is the only place a Document is built.

// document assembles the Document of the report with cfg's offsets and layers.
func (r *report) document(cfg config) *Document {
	idx := newOffsetIndex(r.text, cfg.offsets)
	mention := func(start, end int) Mention {
		return Mention{Start: idx.at(start), End: idx.at(end), Text: r.text[start:end]}
	}
	// The mentions, speakers and cues are carved out of one slice each, and
	// the ids out of one string: a few allocations per document, not a few
	// per entity and quote, which the wasm build pays dearly for.
	total := 0
	for _, is := range r.issues {
		total += len(is.mentions)
	}
	if cfg.layers.Entities {
		for _, e := range r.entities {
			total += len(e.mentions)
		}
	}
	mentions := make([]Mention, total)
	carve := func(n int) []Mention {
		ms := mentions[:n:n]
		mentions = mentions[n:]
		return ms
	}
	doc := &Document{Entities: []Entity{}, Quotes: make([]Quote, len(r.quotes)), Issues: make([]Issue, len(r.issues))}
	entityIDs := numberedIDs('e', len(r.entities))
	if cfg.layers.Entities {
		doc.Entities = make([]Entity, len(r.entities))
		for i, e := range r.entities {
			out := Entity{ID: entityIDs[i], Type: e.typ, Name: e.name, Role: e.role, Confidence: e.confidence, Geo: e.geo, Mentions: carve(len(e.mentions))}
			if e.typ == Person {
				out.Gender = genderName(e.gender)
				if e.genderBasis != noBasis {
					out.GenderBasis = e.genderBasis.String()
				}
			}
			for j, m := range e.mentions {
				out.Mentions[j] = mention(int(m.start), int(m.end))
			}
			sortMentions(out.Mentions)
			doc.Entities[i] = out
		}
	}
	quoteIDs := numberedIDs('q', len(r.quotes))
	speakers := make([]Speaker, 0, len(r.quotes))
	cues := make([]Mention, 0, len(r.quotes))
	for i := range r.quotes {
		q := &r.quotes[i]
		out := &doc.Quotes[i]
		*out = Quote{ID: quoteIDs[i], Start: idx.at(q.start), End: idx.at(q.end), Text: r.text[q.start:q.end],
			Partial: q.partial, Continuation: q.continuation}
		switch {
		case q.speaker >= 0:
			speakers = append(speakers, Speaker{Name: r.entities[q.speaker].name})
			if cfg.layers.Entities { // a document without its entities never points at one
				speakers[len(speakers)-1].Entity = entityIDs[q.speaker]
			}
			kind := bodySpeaker
			if r.entities[q.speaker].typ == Person {
				speakers[len(speakers)-1].Gender = genderName(r.entities[q.speaker].gender)
				kind = personSpeaker
			}
			out.Speaker = &speakers[len(speakers)-1]
			out.Speaker.setBasis(q.basis, kind)
		case q.speakerDesc != "":
			speakers = append(speakers, Speaker{Name: q.speakerDesc, Anonymous: q.anonymous})
			kind := describedSpeaker
			if q.anonymous {
				speakers[len(speakers)-1].Gender = genderName(descriptionGender(q.speakerDesc))
				kind = anonymousSpeaker
			}
			out.Speaker = &speakers[len(speakers)-1]
			out.Speaker.setBasis(q.basis, kind)
		}
		if q.cueStart >= 0 {
			cues = append(cues, mention(q.cueStart, q.cueEnd))
			out.Cue = &cues[len(cues)-1]
		}
		if q.linked >= 0 {
			out.Linked = quoteIDs[q.linked]
		}
	}
	for i, is := range r.issues {
		out := Issue{ID: is.id, Label: is.label, Parent: is.parent, ParentLabel: is.parentLabel, Score: roundScore(is.score), Salient: is.salient, Mentions: carve(len(is.mentions))}
		for j, m := range is.mentions {
			out.Mentions[j] = mention(m[0], m[1])
		}
		sortMentions(out.Mentions)
		doc.Issues[i] = out
	}
	if len(r.repairs) > 0 {
		doc.Repairs = make([]Repair, len(r.repairs))
		for i, rp := range r.repairs {
			doc.Repairs[i] = Repair{Start: idx.at(rp.Start), End: idx.at(rp.End), Message: rp.Message}
		}
	}
	return doc
}

// setBasis notes how the speaker, of kind k, was found, and the
// confidence that gives it.
func (s *Speaker) setBasis(b speakerBasis, k speakerKind) {
	s.Basis, s.Confidence = b.String(), speakerConfidence(b, k)
}

// numberedIDs returns the ids prefix+"1" to prefix+n, cut out of one string.
func numberedIDs(prefix byte, n int) []string {
	b := make([]byte, 0, 5*n) // room enough below 10,000 ids
	for k := 1; k <= n; k++ {
		b = appendDecimal(append(b, prefix), k)
	}
	all := string(b)
	ids := make([]string, n)
	size, longer := 2, 10 // ids from 10 on have one more digit, from 100 on two
	for k := 1; k <= n; k++ {
		if k == longer {
			size, longer = size+1, longer*10
		}
		ids[k-1], all = all[:size], all[size:]
	}
	return ids
}

// sortMentions orders mentions by position. They nearly always come in
// order already, which one pass confirms; slices.SortFunc, unlike
// sort.Slice, needs no reflection and allocates nothing.
func sortMentions(ms []Mention) {
	for i := 1; i < len(ms); i++ {
		if a, b := &ms[i-1], &ms[i]; b.Start < a.Start || b.Start == a.Start && b.End < a.End {
			slices.SortFunc(ms, func(a, b Mention) int {
				return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
			})
			return
		}
	}
}

// The document's numbers are rounded, so that its JSON (json.go, through
// package decimal) is short and reads the same as encoding/json writes it:
// scores and shares to scorePlaces decimals, coordinates to geoPlaces
// (GeoNames gives them to a hundredth at most).
const (
	scorePlaces = 3
	geoPlaces   = 4
)

// roundScore rounds a score to scorePlaces decimals; a positive score stays
// positive (at least 0.001), as the document promises scores in (0, 1].
func roundScore(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return max(0.001, math.Round(x*1000)/1000)
}
