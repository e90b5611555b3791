package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"lede/annotate"
)

// maxLexicon bounds a newsroom lexicon file.
const maxLexicon = 4 << 20

// readLexicon reads a newsroom lexicon (docs/format.md) from a JSON file.
// Unknown fields are refused, so a misspelt "canonical" is not silently
// ignored.
func readLexicon(name string) (*annotate.NewsroomLexicon, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxLexicon+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxLexicon {
		return nil, fmt.Errorf("%s is larger than %d MB", name, maxLexicon>>20)
	}
	return parseLexicon(b)
}

func parseLexicon(b []byte) (*annotate.NewsroomLexicon, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var lex annotate.NewsroomLexicon
	if err := dec.Decode(&lex); err != nil {
		return nil, fmt.Errorf("not a lexicon: %w", err)
	}
	if dec.More() {
		return nil, errors.New("not a lexicon: more than one JSON value")
	}
	return &lex, nil
}
