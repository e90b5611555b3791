package annotate

import "testing"

func TestFDebugNames(t *testing.T) {
	text := "Mrs. Sarah Jenkins spoke first at the meeting.\nThen Mr. David Okafor spoke.\n\"It went well,\" she said."
	toks := Tokenize(text)
	for _, n := range findNames(text, toks, splitSentences(text, toks)) {
		t.Logf("%v %q", n.Type, text[n.Start:n.End])
	}
}
