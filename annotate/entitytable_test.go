package annotate

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"lede/annotate/gazetteer"
)

// TestKeyTable checks that keys get ids in the order they are added and
// are told apart however alike they are: short keys, keys of eight bytes
// or more that share their first and last eight, keys one byte apart.
func TestKeyTable(t *testing.T) {
	keys := []string{
		"a", "b", "ab", "ba", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi",
		"abcdefgh-abcdefgh", "abcdefgh--abcdefgh", "abcdefgh_abcdefgh", "f the key", "\x00",
	}
	table := newKeyTable(len(keys), 0)
	for i, k := range keys {
		id, added := table.add([]byte(k))
		assert.Equal(t, i, id, k)
		assert.True(t, added, k)
	}
	for i, k := range keys {
		id, added := table.add([]byte(k))
		assert.Equal(t, i, id, k)
		assert.False(t, added, k)
		id, ok := table.find([]byte(k))
		assert.True(t, ok, k)
		assert.Equal(t, i, id, k)
	}
	for _, absent := range []string{"", "c", "abcdefgh-abcdefgi", "abcdefgh--abcdefghh", "A"} {
		_, ok := table.find([]byte(absent))
		assert.False(t, ok, absent)
	}
}

// TestKeyTableSpreadsAlikeKeys checks that keys of one length that share
// their first and last eight bytes, as a hostile text's names can, probe
// from different slots: if they all started at one, each add would walk
// past every key before it.
func TestKeyTableSpreadsAlikeKeys(t *testing.T) {
	table := newKeyTable(4096, 0)
	starts := map[int]bool{}
	for i := range 4096 {
		key := []byte("Aaaaaaaa " + strconv.Itoa(10000+i) + " Zzzzzzzz")
		starts[table.shape.Start(hashKey(key))] = true
		id, added := table.add(key)
		assert.Equal(t, i, id)
		assert.True(t, added)
	}
	assert.Greater(t, len(starts), 2048, "distinct probe starts of 4,096 alike keys")
}

// TestAppendLower checks appendLower against strings.ToLower, ASCII eight
// bytes at a time or not, and text beyond ASCII anywhere in the word.
func TestAppendLower(t *testing.T) {
	for _, s := range []string{
		"", "A", "Blinken", "BLINKEN", "Okafor-Lindqvist", "ABCDEFGHIJKLMNOPQRSTUVWXYZ[@`",
		"MÜLLER", "ÀB", "ABCDEFGHİ", "ABCDEFGH\u212a", "São Paulo", "ǅemal",
	} {
		assert.Equal(t, strings.ToLower(s), string(appendLower(nil, s)), s)
		assert.Equal(t, "key "+strings.ToLower(s), string(appendLower([]byte("key "), s)), s)
	}
}

// TestChain checks linking and splicing the chains that hold an entity's
// mentions.
func TestChain(t *testing.T) {
	next := make([]int32, 6)
	items := func(c chain) []int32 {
		var out []int32
		for k := c.head; k != 0; k = next[k-1] {
			out = append(out, k)
		}
		return out
	}
	var a, b, empty chain
	for _, k := range []int32{1, 3, 4} {
		a.link(k, next)
	}
	b.link(2, next)
	b.link(6, next)
	assert.Equal(t, []int32{1, 3, 4}, items(a))
	a.splice(&empty, next)
	assert.Equal(t, []int32{1, 3, 4}, items(a))
	a.splice(&b, next)
	assert.Equal(t, []int32{1, 3, 4, 2, 6}, items(a))
	assert.Equal(t, int32(5), a.count)
	assert.Equal(t, chain{}, b)
	empty.splice(&a, next)
	assert.Equal(t, []int32{1, 3, 4, 2, 6}, items(empty))
	assert.Equal(t, chain{}, a)
}

// TestWordFacts checks that the facts the grouper keeps of each token are
// what the gazetteer says, whichever kind of fact is asked for first.
func TestWordFacts(t *testing.T) {
	text := "Mr. President Mrs spokeswoman US China Chinese Georgia Beijing Texas Europe Jordan Margaret Blinken the said"
	toks := Tokenize(text)
	for _, countryFirst := range []bool{true, false} {
		g := newTokenFacts(text, toks)
		for i := range toks {
			w := g.word(i)
			if countryFirst {
				_, country := gazetteer.Country(w)
				assert.Equal(t, country, g.isCountryAt(i), w)
			}
			kind, place := gazetteer.Place(w)
			gotKind, gotPlace := g.placeAt(i)
			assert.Equal(t, place, gotPlace, w)
			assert.Equal(t, kind, gotKind, w)
			_, country := gazetteer.Country(w)
			_, demonym := gazetteer.Demonym(w)
			assert.Equal(t, country, g.isCountryAt(i), w)
			assert.Equal(t, country || demonym, g.isPlaceQualifierAt(i), w)
			_, given := gazetteer.GivenName(w)
			assert.Equal(t, given, g.isGivenNameAt(i), w)
			title, isTitle := gazetteer.PersonTitle(w)
			sex, gotTitle := g.titleAt(i)
			assert.Equal(t, isTitle, gotTitle, w)
			assert.Equal(t, isTitle, g.isTitleAt(i), w)
			assert.Equal(t, title.Sex, sex, w)
			assert.Equal(t, title.Honorific, g.isHonorificAt(i), w)
		}
	}
}
