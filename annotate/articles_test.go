package annotate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestArticleStarts(t *testing.T) {
	tests := []struct {
		name string
		text string
		// want: the first words of the sentences that begin an article
		want []string
	}{
		{
			name: "one article, headline and dateline together",
			text: "Council approves budget for new depot\n\nLEEDS — The council voted on Tuesday. It was close.\n\nThe mayor said so.",
			want: []string{"Council"},
		},
		{
			name: "two articles, each with a headline",
			text: "Council approves budget for new depot\n\nThe council voted on Tuesday.\n\nStorm closes schools across the north\n\nSchools shut on Friday.",
			want: []string{"Council", "Storm"},
		},
		{
			name: "a dateline without a headline begins an article",
			text: "The council voted on Tuesday.\n\nNAIROBI, Kenya — Opponents marched on Thursday.\n\nKOUROU (AFP) — The probe launched.\nLOVINGTON, N.M. — The vote was 4-1.",
			want: []string{"The", "NAIROBI", "KOUROU", "LOVINGTON"},
		},
		{
			name: "a text without blank lines is one article",
			text: "Council approves budget for new depot\nThe council voted on Tuesday.\nStorm closes schools across the north\nSchools shut on Friday.",
			want: []string{"Council"},
		},
		{
			name: "short paragraphs that end as sentences or quotes are no headlines",
			text: "The council voted on Tuesday.\n\nIt was a close vote.\n\n\"We will appeal,\" she said.\n\nHe said: \"Not now\"\n\nThe vote stands.",
			want: []string{"The"},
		},
		{
			name: "bullets, two-word lines and acronyms before a dash are not cuts",
			text: "The council voted.\n\n- three new depots for buses\n\nRead more\n\nNATO chief Jens Stoltenberg spoke.\n\nUN officials (some of them) said no.\n\nU.S.-led planes flew.\nSOCCER - JAPAN WIN",
			want: []string{"The"},
		},
		{
			name: "the last line is no headline: nothing follows it",
			text: "The council voted on Tuesday.\n\nReporting by Ana Kovac in Leeds",
			want: []string{"The"},
		},
		{
			name: "empty text",
			text: "",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.text)
			sents := splitSentences(tt.text, toks)
			var got []string
			for _, i := range articleStarts(tt.text, toks, sents) {
				got = append(got, toks[sents[i].First].Text(tt.text))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
