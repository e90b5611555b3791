package annotate

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// basisArticle is written for this test: one quote for each common way a
// speaker is found.
const basisArticle = `"We will rebuild the bridge before winter," said Ana Kovač, the mayor of Split.

Piotr Nowak, the city engineer, inspected the piers on Monday. "The steel is older than any of us," he said.

"The first span comes down in May," Nowak said. "The second one follows in the autumn."

"Nobody will be left without a crossing for long."

According to Maria Lund, "the ferry will run every half hour until then."

The council had a blunt message for residents: "Plan your journeys early this year."

"Traffic will be heavy for weeks," a senior city official said.
`

func TestSpeakersCarryTheirBasisAndConfidence(t *testing.T) {
	d := Annotate(basisArticle)
	want := []struct{ text, basis, kind string }{
		{"We will rebuild", "cue", "person"},
		{"The steel", "pronoun", "person"},
		{"The first span", "cue", "person"},
		{"The second one", "cue", "person"},
		{"Nobody will", "continuation", "person"},
		{"the ferry", "according", "person"},
		{"Plan your", "colon", "described"},
		{"Traffic will", "cue", "anonymous"},
	}
	require.Len(t, d.Quotes, len(want))
	for i, w := range want {
		q := d.Quotes[i]
		require.Contains(t, q.Text, w.text)
		require.NotNil(t, q.Speaker, q.Text)
		assert.Equal(t, w.basis, q.Speaker.Basis, q.Text)
		b := speakerBasis(slices.Index(speakerBasisNames[:], w.basis))
		k := speakerKind(slices.Index(speakerKindNames[:], w.kind))
		assert.Equal(t, speakerConfidence(b, k), q.Speaker.Confidence, q.Text)
		assert.Greater(t, q.Speaker.Confidence, 0.0, q.Text)
		assert.Less(t, q.Speaker.Confidence, 1.0, q.Text)
	}
	assert.Less(t, d.Quotes[1].Speaker.Confidence, d.Quotes[0].Speaker.Confidence,
		"a resolved pronoun is less sure than a name beside the verb")
}

// The fitted table names only bases and kinds there are, so that none of
// its rows is silently left unused, and gives every basis and kind a share.
func TestSpeakerTableNamesKnownBasesAndKinds(t *testing.T) {
	_, ok := shareOf("")
	require.True(t, ok, "the share of all speakers")
	for _, row := range speakerShares {
		key, share := row.key, row.share
		basis, kind, specific := strings.Cut(key, " ")
		if key != "" {
			assert.Contains(t, speakerBasisNames, basis, key)
		}
		if specific {
			assert.Contains(t, speakerKindNames, kind, key)
		}
		assert.True(t, share > 0 && share < 100, "%s: %d", key, share)
	}
	for b := byCue; b < speakerBases; b++ {
		for k := range speakerKinds {
			c := speakerConfidence(b, k)
			assert.True(t, c > 0 && c < 1, "%s %s: %v", b, speakerKindNames[k], c)
		}
	}
	assert.Zero(t, speakerConfidence(speakerBases, personSpeaker))
}

// An editor's speaker is certain; a merge keeps the attribution's basis.
func TestCorrectedSpeakersConfidence(t *testing.T) {
	base := Annotate(basisArticle)
	q := base.Quotes[1]
	d := correct(t, basisArticle, Correction{Op: "speaker", Quote: at(q.Start), Speaker: "person:Ana Kovač"})
	assert.Equal(t, &Speaker{Entity: base.Quotes[0].Speaker.Entity, Name: "Ana Kovač", Gender: "female", Basis: "editor", Confidence: 1}, d.Quotes[1].Speaker)
	d = correct(t, basisArticle, Correction{Op: "merge", Entity: "person:Piotr Nowak", Into: "person:Ana Kovač"})
	assert.Equal(t, &Speaker{Entity: base.Quotes[0].Speaker.Entity, Name: "Ana Kovač", Gender: "female", Basis: "pronoun", Confidence: q.Speaker.Confidence}, d.Quotes[1].Speaker)
}
