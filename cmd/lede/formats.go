package main

import (
	"bufio"
	"encoding/json"

	"lede/annotate"
)

// A formatter writes one annotated document. id is the record id in -jsonl
// mode (nil otherwise) and is carried into the output.
type formatter func(w *bufio.Writer, id json.RawMessage, doc *annotate.Document) error

// formats are the -format values besides the exports (package export):
// the document JSON (no -format), and conll-eval and quotes-eval, the
// prediction formats of ../shared/tools/score-conll and score-quotes.
var formats = map[string]formatter{
	"":            writeDocument,
	"conll-eval":  writeConllEval,
	"quotes-eval": writeQuotesEval,
}

func writeDocument(w *bufio.Writer, id json.RawMessage, doc *annotate.Document) error {
	if id == nil {
		if err := doc.WriteJSON(w); err != nil {
			return err
		}
		return w.WriteByte('\n')
	}
	w.WriteString(`{"id":`)
	w.Write(id)
	w.WriteString(`,"document":`)
	if err := doc.WriteJSON(w); err != nil {
		return err
	}
	_, err := w.WriteString("}\n")
	return err
}

func writeRecord(w *bufio.Writer, record any) error {
	b, err := json.Marshal(record)
	if err != nil {
		return err
	}
	w.Write(b)
	return w.WriteByte('\n')
}

var conllTypes = map[annotate.EntityType]string{annotate.Person: "PERSON", annotate.Place: "PLACE", annotate.Organization: "ORG"}

type evalEntity struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

func writeConllEval(w *bufio.Writer, id json.RawMessage, doc *annotate.Document) error {
	ents := []evalEntity{}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			ents = append(ents, evalEntity{conllTypes[e.Type], m.Start, m.End, m.Text})
		}
	}
	return writeRecord(w, struct {
		ID       json.RawMessage `json:"id"`
		Entities []evalEntity    `json:"entities"`
	}{id, ents})
}

type evalQuote struct {
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"`
}

func writeQuotesEval(w *bufio.Writer, id json.RawMessage, doc *annotate.Document) error {
	qs := []evalQuote{}
	for _, q := range doc.Quotes {
		eq := evalQuote{Start: q.Start, End: q.End, Text: q.Text}
		if q.Speaker != nil {
			eq.Speaker = &q.Speaker.Name
		}
		qs = append(qs, eq)
	}
	return writeRecord(w, struct {
		ID     json.RawMessage `json:"id"`
		Quotes []evalQuote     `json:"quotes"`
	}{id, qs})
}
