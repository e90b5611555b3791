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
	// Warnings tell the user about repairs made to the input, such as invalid
	// UTF-8 replaced with U+FFFD. Offsets refer to the repaired text.
	Warnings []string `json:"warnings,omitempty"`
}

// Mention is one span of the text.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is a person, place or organization with every mention of it.
type Entity struct {
	ID       string     `json:"id"`
	Type     EntityType `json:"type"`
	Name     string     `json:"name"`
	Role     string     `json:"role,omitempty"`
	Mentions []Mention  `json:"mentions"`
	// Confidence is the highest calibrated confidence of its mentions'
	// names (0–1, two decimals): how likely the recognizer is right.
	Confidence float64 `json:"confidence,omitempty"`
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
}

// Speaker is who a quote is attributed to. Entity is empty when the source is
// not named in the text; Name is then its description ("a senior US official").
type Speaker struct {
	Entity    string `json:"entity,omitempty"`
	Name      string `json:"name"`
	Anonymous bool   `json:"anonymous,omitempty"`
}

// Issue is an IPTC Media Topic that the article raises.
type Issue struct {
	ID          string    `json:"id"`
	Label       string    `json:"label"`
	Parent      string    `json:"parent,omitempty"`
	ParentLabel string    `json:"parentLabel,omitempty"`
	Score       float64   `json:"score"`
	Mentions    []Mention `json:"mentions"`
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
