package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate/ner"
)

func TestWnutTag(t *testing.T) {
	for tag, want := range map[string]string{
		"O": "O", "B-person": "B-PER", "I-location": "I-LOC", "B-corporation": "B-ORG",
		"I-group": "I-ORG", "B-product": "O", "I-creative-work": "O",
	} {
		assert.Equal(t, want, wnutTag(tag), tag)
	}
}

func TestReadTweets(t *testing.T) {
	tests := []struct {
		name, data string
		cols       conllColumns
		want       [][]string // per tweet, its names' types
	}{
		{
			name: "WNUT-17 types mapped",
			data: "Ana\tB-person\nKovac\tI-person\nat\tO\nAcme\tB-corporation\nphone\tB-product\n\nOk\tO\n",
			cols: conllColumns{sentencesPerDoc: 1, tag: wnutTag},
			want: [][]string{{"PER", "ORG"}, nil},
		},
		{
			name: "handles and tokens of white space left out",
			data: "@ana_k\tB-PER\nmet\tO\nAna\tB-PER\n \tO\nin\tO\nLeeds\tB-LOC\n",
			cols: conllColumns{sentencesPerDoc: 1, dropHandles: true},
			want: [][]string{{"PER", "LOC"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tweets.conll")
			require.NoError(t, os.WriteFile(path, []byte(tt.data), 0o644))
			examples, err := readCoNLL(path, tt.cols)
			require.NoError(t, err)
			var got [][]string
			for _, ex := range examples {
				var types []string
				for _, s := range ner.Spans(ex.Labels) {
					types = append(types, s.Type.String())
				}
				got = append(got, types)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
