// Package annotate finds the people, places, organizations, quotes and issues
// in a news article.
//
// The data flows one way, one stage per file:
//
//	text (repair.go) → tokens and sentences (tokens.go, sentences.go)
//	     → names (names.go, package ner)
//	     → entities (joinnames.go, entities.go, organizations.go, roles.go)
//	     → gender (gender.go) → places (geo.go, package geo)
//	     → quotes (quotes.go) → speakers (speakers.go: cues.go, subjects.go,
//	       referents.go, speakerwords.go) → issues (issues.go, package topics)
//	     → report (report.go) → document (output.go, offsets.go, json.go)
//	     → source audit (audit.go)
//
// The word sets every stage looks words up in are in wordsets.go.
//
// Every stage works on byte offsets into the (UTF-8 repaired) input; offsets
// are converted to the caller's unit once, at the edge, in output.go. Texts
// longer than one block run through the same stages block by block, and the
// blocks' reports are merged into one (blocks.go), so memory stays bounded.
// docs/architecture.md draws the packages and what each may import.
package annotate

import (
	"errors"
	"strings"
)

// OffsetUnit is the unit of the start and end offsets in a Document.
type OffsetUnit uint8

const (
	// UTF16 offsets index JavaScript strings: text.slice(start, end).
	UTF16 OffsetUnit = iota
	// Bytes offsets index the UTF-8 encoding of the text.
	Bytes
	// CodePoints offsets index Unicode code points (Python's str).
	CodePoints
)

// ParseOffsetUnit reads "utf16", "byte" or "codepoint".
func ParseOffsetUnit(s string) (OffsetUnit, bool) {
	switch s {
	case "utf16", "":
		return UTF16, true
	case "byte", "bytes", "utf8":
		return Bytes, true
	case "codepoint", "codepoints", "rune":
		return CodePoints, true
	}
	return UTF16, false
}

type config struct {
	offsets  OffsetUnit
	layers   Layers
	newsroom *Newsroom
	// corrections are an editor's, applied to the Document (corrections.go).
	corrections corrections
}

// Layers selects which kinds of annotation a Document carries.
type Layers struct {
	Entities, Quotes, Issues bool
}

// AllLayers is the default: everything.
var AllLayers = Layers{Entities: true, Quotes: true, Issues: true}

// Option configures Annotate.
type Option func(*config)

// WithOffsets sets the unit of every start and end offset.
func WithOffsets(u OffsetUnit) Option { return func(c *config) { c.offsets = u } }

// WithLayers limits the output to some layers. Stages a requested layer
// depends on still run (quotes need names), they are only left out of the output.
func WithLayers(l Layers) Option { return func(c *config) { c.layers = l } }

// Settings is the serialisable form of the options, as the JS API, the wasm
// bridge and the HTTP API take them:
// {"offsets":"utf16|byte|codepoint","layers":["entities","quotes","issues"]}.
// Empty fields mean the defaults.
type Settings struct {
	Offsets string   `json:"offsets"`
	Layers  []string `json:"layers"`
	// Lexicon is the newsroom lexicon (newsroom.go), nil for none.
	Lexicon *NewsroomLexicon `json:"lexicon,omitempty"`
	// Corrections are an editor's corrections (corrections.go).
	Corrections []Correction `json:"corrections,omitempty"`
}

// layerNames maps each layer name in Settings to the flag it turns on.
var layerNames = map[string]func(*Layers){
	"entities": func(l *Layers) { l.Entities = true },
	"quotes":   func(l *Layers) { l.Quotes = true },
	"issues":   func(l *Layers) { l.Issues = true },
}

// Options validates the settings and converts them into Options, with an
// error message fit to show the user.
func (s Settings) Options() ([]Option, error) {
	unit, ok := ParseOffsetUnit(s.Offsets)
	if !ok {
		return nil, errors.New(`unknown offsets "` + s.Offsets + `" (want utf16, byte or codepoint)`)
	}
	opts := []Option{WithOffsets(unit)}
	if s.Lexicon != nil {
		news, err := NewNewsroom(*s.Lexicon)
		if err != nil {
			return nil, errors.New("lexicon: " + err.Error())
		}
		opts = append(opts, WithNewsroom(news))
	}
	if len(s.Corrections) > 0 {
		// Their quote offsets are in the unit of the document the caller
		// saw, even when the options go on to an export annotated in bytes.
		opt, err := withCorrectionsIn(s.Corrections, unit)
		if err != nil {
			return nil, err
		}
		opts = append(opts, opt)
	}
	if s.Layers == nil {
		return opts, nil
	}
	var layers Layers
	for _, name := range s.Layers {
		enable, ok := layerNames[strings.TrimSpace(name)]
		if !ok {
			return nil, errors.New(`unknown layer "` + name + `" (want entities, quotes or issues)`)
		}
		enable(&layers)
	}
	return append(opts, WithLayers(layers)), nil
}

// analysis is the working state handed from stage to stage.
type analysis struct {
	text      string
	tokens    []Token
	sentences []Sentence
	names     []Name
	entities  []*entity
	quotes    []quote
	issues    []issue
	places    []*Geo // per entity, from linkPlaces (geo.go); nil when none is linked
}

// analyse runs the stages on text; quotes and issues only when asked for.
func analyse(text string, layers Layers, news *Newsroom) *analysis {
	a := &analysis{text: text}
	a.tokens = Tokenize(text)
	a.sentences = splitSentences(text, a.tokens)
	a.names = joinNames(text, a.tokens, findNames(text, a.tokens, a.sentences))
	a.names = news.names(text, a.tokens, a.names)
	a.entities = groupEntities(text, a.tokens, a.names)
	a.entities = news.entities(text, a.entities)
	assignGender(text, a.tokens, a.sentences, a.names, a.entities)
	if layers.Entities {
		a.places = linkPlaces(a)
	}
	if layers.Quotes {
		a.quotes = findQuotes(a)
	}
	if layers.Issues {
		a.issues = findIssues(a)
		a.issues = news.issues(text, a.tokens, a.issues)
	}
	return a
}

// Annotate runs the whole pipeline on text. It never panics on any input:
// invalid UTF-8 is repaired (and reported in Warnings and Repairs) before
// analysis.
func Annotate(text string, opts ...Option) *Document {
	cfg := config{offsets: UTF16, layers: AllLayers}
	for _, o := range opts {
		o(&cfg)
	}
	text, warnings, repairs := repairUTF8(text)
	// The source audit reads the speakers' entities, even when only the
	// quotes are asked for.
	asked := cfg.layers
	cfg.layers.Entities = cfg.layers.Entities || cfg.layers.Quotes
	var r *report
	if len(text) > blockSize {
		r = reportBlocks(text, func(block string) *report { return analyse(block, cfg.layers, cfg.newsroom).report() })
	} else {
		r = analyse(text, cfg.layers, cfg.newsroom).report()
	}
	r.repairs = repairs
	doc := r.document(cfg)
	cfg.corrections.apply(doc, r, cfg.offsets)
	if asked.Quotes && len(doc.Quotes) > 0 {
		doc.Sources = auditSources(doc)
	}
	if !asked.Entities {
		// A document without its entities never points at one: its
		// speakers keep their names alone.
		doc.Entities = []Entity{}
		for i := range doc.Quotes {
			if s := doc.Quotes[i].Speaker; s != nil {
				s.Entity = ""
			}
		}
	}
	doc.Warnings = warnings
	return doc
}
