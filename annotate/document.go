package annotate

// Document is the result of annotating one text: the contract that the page,
// the JS API, the HTTP API and the CLI all return. Its JSON form is documented
// in docs/format.md. Fields may be added; none may be renamed or removed.
//
// Offsets in a Document are in the unit chosen with WithOffsets (UTF-16 code
// units by default, so JavaScript's text.slice(start, end) returns Text).
type Document struct {
	Entities []Entity `json:"entities"`
	Quotes   []Quote  `json:"quotes"`
	Issues   []Issue  `json:"issues"`
	// Sources is the source audit of the quotes (audit.go); nil when there
	// are none or they were not asked for.
	Sources *Sources `json:"sources,omitempty"`
	// Warnings tell the user about repairs made to the input, such as invalid
	// UTF-8 replaced with U+FFFD. Offsets refer to the repaired text.
	Warnings []string `json:"warnings,omitempty"`
	// Repairs say where each repair was made, in the document's offsets
	// into the repaired text: the position and message of go/scanner's
	// errors. At most maxRepairs are listed; Warnings counts them all.
	Repairs []Repair `json:"repairs,omitempty"`
}

// Repair is one change made to the input before analysis: the text
// [Start, End) of the repaired text is what replaced the bytes Message
// describes.
type Repair struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Message string `json:"message"`
}

// Mention is one span of the text.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is a person, place or organization with every mention of it.
type Entity struct {
	ID   string     `json:"id"`
	Type EntityType `json:"type"`
	Name string     `json:"name"`
	Role string     `json:"role,omitempty"`
	// Gender is a person's: "female", "male" or "unknown" (empty for places
	// and organizations). GenderBasis says where it comes from: "text"
	// (pronouns, honorifics, titles and kinship words) or "name" (a given
	// name one sex clearly holds); empty when unknown.
	Gender      string `json:"gender,omitempty"`
	GenderBasis string `json:"genderBasis,omitempty"`
	// Confidence is the highest calibrated confidence of its mentions'
	// names (0–1, two decimals): how likely the recognizer is right.
	Confidence float64   `json:"confidence,omitempty"`
	Mentions   []Mention `json:"mentions"`
	// Corrected marks an entity an editor changed (corrections.go).
	Corrected bool `json:"corrected,omitempty"`
	// Geo is the gazetteer record a place is linked to; nil when the
	// article does not let Lede decide which place it is (see geo.go).
	Geo *Geo `json:"geo,omitempty"`
}

// Geo is a place's GeoNames record: which Washington, which Georgia.
type Geo struct {
	// GeoNames is the record's GeoNames id, https://sws.geonames.org/ID/;
	// 0 (and left out of the JSON) for a county, whose id Lede lacks.
	GeoNames int    `json:"geonames,omitempty"`
	Name     string `json:"name"`
	// Country is the ISO 3166 alpha-2 code of the place's country.
	Country string `json:"country"`
	// Kind is "country", "region" (a state, a province), "county" or "city".
	Kind string  `json:"kind"`
	Lat  float64 `json:"lat"`
	Lon  float64 `json:"lon"`
	// Confidence, between 0.5 and 1, is how clearly the article picks this
	// record over the others of the same name.
	Confidence float64 `json:"confidence"`
}

// Quote is a quoted passage and who said it.
type Quote struct {
	ID      string   `json:"id"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Text    string   `json:"text"`
	Speaker *Speaker `json:"speaker"`
	Cue     *Mention `json:"cue,omitempty"`
	// Partial marks a quoted fragment inside the reporter's own sentence.
	Partial bool `json:"partial,omitempty"`
	// Continuation marks a quote attributed by carrying the speaker over from
	// the quote before it, with no cue of its own.
	Continuation bool `json:"continuation,omitempty"`
	// Linked is the id of the other half of a quote split by its attribution.
	Linked string `json:"linked,omitempty"`
	// Corrected marks a quote whose speaker an editor's correction set.
	Corrected bool `json:"corrected,omitempty"`
}

// Speaker is who a quote is attributed to. Entity is empty when the source is
// not named in the text; Name is then its description ("a senior US official").
type Speaker struct {
	Entity    string `json:"entity,omitempty"`
	Name      string `json:"name"`
	Anonymous bool   `json:"anonymous,omitempty"`
	// Gender is the speaker's when the speaker is a person, named or
	// described ("a spokeswoman"): "female", "male" or "unknown"; empty for
	// organizations and texts.
	Gender string `json:"gender,omitempty"`
	// Basis is how the speaker was found: "cue", "according", "pronoun",
	// "colon", "verb", "subject", "link", "continuation", "reported",
	// "previous", or "editor" for a correction's (docs/format.md).
	Basis string `json:"basis,omitempty"`
	// Confidence (0–1, two decimals) is how likely the speaker is right,
	// calibrated on PolNeAR by basis and kind of speaker; 1 for an editor's.
	Confidence float64 `json:"confidence,omitempty"`
}

// Issue is an IPTC Media Topic that the article raises.
type Issue struct {
	ID          string  `json:"id"`
	Label       string  `json:"label"`
	Parent      string  `json:"parent,omitempty"`
	ParentLabel string  `json:"parentLabel,omitempty"`
	Score       float64 `json:"score"`
	// Salient marks the issues a reader would name (typically 2–6).
	Salient  bool      `json:"salient,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// EntityType is the kind of a named entity.
type EntityType uint8

const (
	Person EntityType = iota + 1
	Place
	Organization
)

var entityTypeNames = [...]string{Person: "person", Place: "place", Organization: "organization"}

func (t EntityType) String() string {
	if int(t) < len(entityTypeNames) && entityTypeNames[t] != "" {
		return entityTypeNames[t]
	}
	return "unknown"
}

// MarshalText writes the type as its lower-case name.
func (t EntityType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText reads the lower-case name written by MarshalText.
func (t *EntityType) UnmarshalText(b []byte) error {
	for i, name := range entityTypeNames {
		if name != "" && name == string(b) {
			*t = EntityType(i)
			return nil
		}
	}
	*t = 0
	return nil
}
