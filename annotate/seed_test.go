package annotate

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/internal/testshared"
)

// seedGoldPath is the hand-made gold annotation of the seed article, in
// the shared folder.
const seedGoldPath = "data/seed/blinken-beijing.gold.json"

type seedGold struct {
	People []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"people"`
	Places         []string `json:"places"`
	PlacesOptional []string `json:"places_optional"`
	Organizations  []string `json:"organizations"`
}

// readSeedGoldFile returns the seed's gold annotation as JSON, skipping t
// when ../shared is absent.
func readSeedGoldFile(t testing.TB) []byte {
	t.Helper()
	return testshared.ReadFile(t, seedGoldPath, "the seed gold annotation is not available")
}

func readSeedGold(t *testing.T) seedGold {
	t.Helper()
	b := readSeedGoldFile(t)
	var gold seedGold
	require.NoError(t, json.Unmarshal(b, &gold))
	return gold
}

// seedRoles are the roles the seed article gives its people; the gold file
// does not list roles, so they are written out here.
var seedRoles = map[string]string{
	"Antony Blinken": "US Secretary of State",
	"Qin Gang":       "Foreign Minister",
	"Wang Yi":        "China's top diplomat",
	"Matthew Miller": "State Department spokesman",
}

// TestSeedEntities runs the whole pipeline on the seed article and checks its
// people, places and organizations against the gold file.
func TestSeedEntities(t *testing.T) {
	gold := readSeedGold(t)
	text := readSeed(t)
	doc := Annotate(text, WithOffsets(Bytes))

	byName := map[string]Entity{}
	// Mention text → its entity, one map per type.
	personOf, placeOf, orgOf := map[string]Entity{}, map[string]Entity{}, map[string]Entity{}
	for _, e := range doc.Entities {
		byName[e.Type.String()+":"+e.Name] = e
		for _, m := range e.Mentions {
			switch e.Type {
			case Person:
				personOf[m.Text] = e
			case Place:
				placeOf[m.Text] = e
			case Organization:
				orgOf[m.Text] = e
			}
		}
	}

	t.Run("people grouped under their canonical names", func(t *testing.T) {
		for _, p := range gold.People {
			e, ok := byName["person:"+p.Name]
			if !assert.True(t, ok, "no person entity named %q", p.Name) {
				continue
			}
			for _, alias := range p.Aliases {
				// Only aliases the article uses on their own ("Biden" never is).
				if strings.Count(text, alias) > strings.Count(text, p.Name) {
					assert.Equal(t, p.Name, personOf[alias].Name, "mention %q", alias)
				}
			}
			if role, ok := seedRoles[p.Name]; ok {
				assert.Equal(t, role, e.Role, "role of %s", p.Name)
			}
		}
	})
	t.Run("no false person", func(t *testing.T) {
		known := map[string]bool{}
		for _, p := range gold.People {
			known[p.Name] = true
		}
		for _, e := range doc.Entities {
			if e.Type == Person {
				assert.True(t, known[e.Name], "false person %q", e.Name)
			}
		}
	})
	t.Run("places found, country aliases grouped", func(t *testing.T) {
		for _, p := range gold.Places {
			assert.Contains(t, placeOf, p, "place %q not found", p)
		}
		assert.Equal(t, "United States", placeOf["US"].Name)
		assert.Equal(t, "United States", placeOf["United States"].Name)
	})
	t.Run("no false place", func(t *testing.T) {
		known := map[string]bool{}
		for _, p := range append(gold.Places, gold.PlacesOptional...) {
			known[p] = true
		}
		for mention := range placeOf {
			assert.True(t, known[mention], "false place %q", mention)
		}
	})
	t.Run("organizations found", func(t *testing.T) {
		for _, o := range gold.Organizations {
			assert.Contains(t, orgOf, o, "organization %q not found", o)
		}
	})
}
