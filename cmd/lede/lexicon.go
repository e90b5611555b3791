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

// maxOptionFile bounds a newsroom lexicon or corrections file.
const maxOptionFile = 4 << 20

// readLexicon reads a newsroom lexicon (docs/format.md) from a JSON file.
func readLexicon(name string) (*annotate.NewsroomLexicon, error) {
	var lex annotate.NewsroomLexicon
	return &lex, readJSONFile(name, "lexicon", &lex)
}

// readCorrections reads an editor's corrections (docs/format.md,
// Corrections), a JSON array, from a file.
func readCorrections(name string) ([]annotate.Correction, error) {
	var cs []annotate.Correction
	err := readJSONFile(name, "list of corrections", &cs)
	if err == nil && cs == nil {
		err = errors.New("not a list of corrections: null")
	}
	return cs, err
}

// readJSONFile reads one JSON value into v, a what. Unknown fields are
// refused, so a misspelt "canonical" is not silently ignored.
func readJSONFile(name, what string, v any) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxOptionFile+1))
	if err != nil {
		return err
	}
	if len(b) > maxOptionFile {
		return fmt.Errorf("%s is larger than %d MB", name, maxOptionFile>>20)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("not a %s: %w", what, err)
	}
	if dec.More() {
		return fmt.Errorf("not a %s: more than one JSON value", what)
	}
	return nil
}
