package annotate

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate/gazetteer"
)

// markedNames reads a fixture in which names are written [P:like this]
// (P person, L place, O organization) and returns the plain text and its
// name spans, so entity grouping is tested independently of the recognizer.
func markedNames(t *testing.T, marked string) (string, []Token, []Name) {
	t.Helper()
	types := map[byte]EntityType{'P': Person, 'L': Place, 'O': Organization}
	var text strings.Builder
	type span struct {
		start, end int
		typ        EntityType
	}
	var spans []span
	for {
		open := strings.Index(marked, "[")
		if open < 0 {
			text.WriteString(marked)
			break
		}
		closing := strings.Index(marked[open:], "]")
		require.Positive(t, closing, "unclosed name in %q", marked)
		closing += open
		text.WriteString(marked[:open])
		typ, ok := types[marked[open+1]]
		require.True(t, ok && marked[open+2] == ':', "bad mark in %q", marked[open:closing])
		start := text.Len()
		text.WriteString(marked[open+3 : closing])
		spans = append(spans, span{start, text.Len(), typ})
		marked = marked[closing+1:]
	}
	toks := Tokenize(text.String())
	var names []Name
	for _, s := range spans {
		n := Name{First: -1, Start: s.start, End: s.end, Type: s.typ}
		for i, tok := range toks {
			if tok.Start == s.start {
				n.First = i
			}
			if tok.End == s.end {
				n.Last = i + 1
			}
		}
		require.True(t, n.First >= 0 && n.Last > n.First, "name %q does not fall on token boundaries", text.String()[s.start:s.end])
		names = append(names, n)
	}
	return text.String(), toks, names
}

// entitySummary is "type name: mention | mention".
func entitySummary(text string, es []*entity) []string {
	var out []string
	for _, e := range es {
		var ms []string
		for _, m := range e.mentions {
			ms = append(ms, text[m.Start:m.End])
		}
		out = append(out, e.typ.String()+" "+e.name+": "+strings.Join(ms, " | "))
	}
	return out
}

func TestGroupEntities(t *testing.T) {
	tests := []struct {
		name   string
		marked string
		want   []string
	}{
		{
			name:   "surnames join their full names",
			marked: "[P:Amara Osei] met [P:Li Qiang]. [P:Osei] smiled and [P:Li] nodded.",
			want:   []string{"person Amara Osei: Amara Osei | Osei", "person Li Qiang: Li Qiang | Li"},
		},
		{
			name:   "a surname before the full name joins it",
			marked: "[P:Okafor-Lindqvist] arrived late.\nLater [P:Ngozi Okafor-Lindqvist] spoke.",
			want:   []string{"person Ngozi Okafor-Lindqvist: Okafor-Lindqvist | Ngozi Okafor-Lindqvist"},
		},
		{
			name:   "two people sharing a surname stay apart; the lone one goes to the latest",
			marked: "[P:Chen Wei] spoke first. Then [P:Chen Ling] arrived, and [P:Chen] said no.",
			want:   []string{"person Chen Wei: Chen Wei", "person Chen Ling: Chen Ling | Chen"},
		},
		{
			name:   "titles and possessives are not part of the canonical name",
			marked: "[P:President Dana Whitfield]'s plan. [P:Mr. Whitfield] agreed with [P:Dana Whitfield's] aide.",
			want:   []string{"person Dana Whitfield: President Dana Whitfield | Mr. Whitfield | Dana Whitfield's"},
		},
		{
			name:   "local offices are titles, not part of the name",
			marked: "said [P:Councilwoman Dana Okoro]. [P:City Councilman Tomas Ek] and [P:Alderwoman Okoro] disagreed.",
			want:   []string{"person Dana Okoro: Councilwoman Dana Okoro | Alderwoman Okoro", "person Tomas Ek: City Councilman Tomas Ek"},
		},
		{
			name:   "party and country labels are not part of the name",
			marked: "[P:Democrat Dana Whitfield] met [P:King Olaf] and [P:America Ferrera]. [P:Dana Whitfield] left.",
			want: []string{
				"person Dana Whitfield: Democrat Dana Whitfield | Dana Whitfield",
				"person Olaf: King Olaf", "person America Ferrera: America Ferrera",
			},
		},
		{
			name:   "a given name before a title keeps the title in the name",
			marked: "[P:Martin Luther King] spoke.",
			want:   []string{"person Martin Luther King: Martin Luther King"},
		},
		{
			name:   "headline capitals do not split an entity or name it",
			marked: "[P:BLINKEN] IN [L:BEIJING]\n[P:Antony Blinken] reached [L:Beijing]. [O:STATE DEPARTMENT] and [O:State Department] and [O:NATO] agreed.",
			want: []string{
				"person Antony Blinken: BLINKEN | Antony Blinken", "place Beijing: BEIJING | Beijing",
				"organization State Department: STATE DEPARTMENT | State Department", "organization NATO: NATO",
			},
		},
		{
			name:   "unrelated single names stay separate",
			marked: "[P:Marlow] and [P:Tennant] and [P:Marlow] again.",
			want:   []string{"person Marlow: Marlow | Marlow", "person Tennant: Tennant"},
		},
		{
			name:   "a lone word of a person's full name is that person whatever its tag",
			marked: "[P:Amara Osei] spoke. Later [L:Osei] left and [O:Osei] returned.",
			want:   []string{"person Amara Osei: Amara Osei | Osei | Osei"},
		},
		{
			name:   "a city's name can be a surname, a state's stays a place",
			marked: "[P:Tess Garland] and [P:Tess Washington] spoke. [L:Garland] and [L:Washington] left.",
			want:   []string{"person Tess Garland: Tess Garland | Garland", "person Tess Washington: Tess Washington", "place Washington: Washington"},
		},
		{
			name:   "a title alone is no name, but the country in it is a place",
			marked: "[O:US Secretary] of State [P:Harriet Vale] met [P:President] [L:Ruiz].",
			want:   []string{"place US: US", "person Harriet Vale: Harriet Vale", "place Ruiz: Ruiz"},
		},
		{
			name:   "a title that is also a surname in the text stays a name",
			marked: "[P:Billie Jean King] won. Later [P:King] said so.",
			want:   []string{"person Billie Jean King: Billie Jean King | King"},
		},
		{
			name:   "a party swept into a person's name does not make the party a person",
			marked: "[P:Labour Blair] spoke. [O:Labour] won.",
			want:   []string{"person Labour Blair: Labour Blair", "organization Labour: Labour"},
		},
		{
			name:   "a name after a courtesy title is a person",
			marked: "[L:Mrs. Ek] and [O:Dr. Ek] spoke.",
			want:   []string{"person Ek: Mrs. Ek | Dr. Ek"},
		},
		{
			name:   "an organization word alone names no one",
			marked: "[P:Ministry] staff and [P:Ada Church] spoke. [P:Church] left.",
			want:   []string{"person Ada Church: Ada Church | Church"},
		},
		{
			name:   "a country alone is a place even when tagged an organization; its name is one the text uses",
			marked: "[O:UK] officials and [L:Britain] agreed. [L:Czechia] and [L:Czech Republic] too.",
			want:   []string{"place Britain: UK | Britain", "place Czech Republic: Czechia | Czech Republic"},
		},
		{
			name:   "country aliases share the canonical name",
			marked: "The [L:US] and [L:China] talked. The [L:United States] and [L:U.S.] officials flew to [L:Chengdu].",
			want:   []string{"place United States: US | United States | U.S.", "place China: China", "place Chengdu: Chengdu"},
		},
		{
			name:   "a place keeps its capitalised article",
			marked: "Talks in [L:The Hague] ended.",
			want:   []string{"place The Hague: The Hague"},
		},
		{
			name:   "an acronym in parentheses joins its organization",
			marked: "The [O:Global Ocean Fund] ([O:GOF]) said the [O:GOF] would pay.",
			want:   []string{"organization Global Ocean Fund: Global Ocean Fund | GOF | GOF"},
		},
		{
			name:   "an acronym of a name in the text joins it without parentheses",
			marked: "The [O:World Rowing League] met. Later the [O:WRL] voted.",
			want:   []string{"organization World Rowing League: World Rowing League | WRL"},
		},
		{
			name:   "a two-letter acronym joins a name of two words",
			marked: "The [O:EU] agreed. The [O:European Union] met and the [O:EU] voted.",
			want:   []string{"organization European Union: EU | European Union | EU"},
		},
		{
			name:   "an acronym of more than initials joins the name it spells",
			marked: "[O:ECOWAS] met. The [O:Economic Community of West African States] and [O:NTSB] and [O:National Transportation Safety Board].",
			want: []string{
				"organization Economic Community of West African States: ECOWAS | Economic Community of West African States",
				"organization National Transportation Safety Board: NTSB | National Transportation Safety Board",
			},
		},
		{
			name:   "an acronym that spells no name stays apart",
			marked: "The [O:Economic Council of States] and [O:ECOWAS] and [O:ESA].",
			want: []string{
				"organization Economic Council of States: Economic Council of States",
				"organization ECOWAS: ECOWAS", "organization ESA: ESA",
			},
		},
		{
			name:   "a short form joins the one organization it shortens",
			marked: "[O:Hartfield] won. [O:Hartfield United] and [O:Larkspur Capital] agreed; [O:Larkspur] paid.",
			want: []string{
				"organization Hartfield United: Hartfield | Hartfield United",
				"organization Larkspur Capital: Larkspur Capital | Larkspur",
			},
		},
		{
			name:   "a short form of two organizations stays apart",
			marked: "[O:Manchester United] beat [O:Manchester City]; [O:Manchester] fans left.",
			want: []string{
				"organization Manchester United: Manchester United", "organization Manchester City: Manchester City",
				"organization Manchester: Manchester",
			},
		},
		{
			name:   "a title before a full name is no part of it, even after a place",
			marked: "[P:Franklin County Commissioner Erica Nunez] spoke. [P:Nunez] left.",
			want:   []string{"person Erica Nunez: Franklin County Commissioner Erica Nunez | Nunez"},
		},
		{
			name:   "the and a country qualifier do not split an organization",
			marked: "[O:the State Department] and the [O:US State Department] and [O:State Department] staff.",
			want:   []string{"organization US State Department: the State Department | US State Department | State Department"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, toks, names := markedNames(t, tt.marked)
			assert.Equal(t, tt.want, entitySummary(text, groupEntities(text, toks, names)))
		})
	}
}

func TestPersonRoles(t *testing.T) {
	tests := []struct {
		marked string
		role   string
	}{
		{"[L:US] Secretary of State [P:Harriet Vale] opened talks.", "US Secretary of State"},
		{"He met Foreign Minister [P:Tomas Ek] on Sunday.", "Foreign Minister"},
		{"They could meet President [P:Ilse Marten] soon.", "President"},
		{"On Monday President [P:Ilse Marten] spoke.", "President"},
		{"He met [L:Norway]'s top diplomat, [P:Tomas Ek], on Monday.", "Norway's top diplomat"},
		{"[P:Harriet Vale], a [O:State Department] spokeswoman, said so.", "State Department spokeswoman"},
		{"[P:Harriet Vale], a State Department spokeswoman, said so.", "State Department spokeswoman"},
		{"[O:State Department] spokesman [P:Omar Haddad] said.", "State Department spokesman"},
		{"They quoted State [P:Department] spokesman [P:Omar Haddad].", "State Department spokesman"},
		{"[P:Tomas Ek], the prime minister of Sweden, spoke.", "prime minister of Sweden"},
		{"Swedish Prime Minister [P:Tomas Ek] spoke.", "Swedish Prime Minister"},
		{"[P:Foreign Minister Tomas Ek] spoke.", "Foreign Minister"},
		{"In [L:Oslo], [P:Tomas Ek] said.", ""},
		{"[P:Mr. Ek] said.", ""},
		{"Then [P:Tomas Ek], who spoke first, left.", ""},
		{"Officials met [P:Tomas Ek] on Friday.", ""},
		{"[P:Tomas Ek], [P:Ilse Marten] and others spoke.", ""},
		{"Both Mr. King and Mr. [P:Tomas Ek] spoke.", ""},
		{"Rep. Gregory W. [P:Ek] spoke.", ""},
		{"[L:Ohio] Gov. [P:Tomas Ek] spoke.", "Ohio Gov."},
		{"It passed, said Coun. [P:Rita Osei], who chairs it.", "Coun."},
		{"They met first lady [P:Ilse Marten].", "first lady"},
		{"They met Secretary of the Treasury [P:Ilse Marten].", "Secretary of the Treasury"},
		{"[P:Omar Haddad], a spokesman for the [O:Foreign Office], said.", "spokesman for the Foreign Office"},
		{"He met the foreign minister, [P:Tomas Ek], today.", "foreign minister"},
		{"He thanked [P:Tomas Ek], the foreign minister.", "foreign minister"},
		{"He thanked [P:Tomas Ek], the man who won.", ""},
		{"Voters in [L:Kent] and former President [P:Tomas Ek] agreed.", "former President"},
		{"South Korean President [P:Ilse Marten] spoke.", "South Korean President"},
		{"Then President [P:Ilse Marten] spoke.", "President"},
		{"[P:Ana Ruiz], the department's chief epidemiologist, said so.", "department's chief epidemiologist"},
		{"The department's chief epidemiologist, [P:Ana Ruiz], said so.", "department's chief epidemiologist"},
		{"The ministry's chief epidemiologist, Dr. [P:Ana Ruiz], said so.", "ministry's chief epidemiologist"},
		{"[P:Tom Hale], his lawyer, asked for less.", "his lawyer"},
		{"She thanked her coach, [P:Marco Bellandi].", "her coach"},
		{"[P:Jo Rodstrom], a spokeswoman for the agency, said so.", "spokeswoman for the agency"},
		{"[P:Rafa Ito], a planetary scientist at the [O:University of Arizona] who was not involved, said so.", "planetary scientist at the University of Arizona"},
		{"[P:Musa Dikko], the chairman of a traders' association in [L:Kano], said so.", "chairman of a traders' association in Kano"},
		{"[P:Tom Hale], a lawyer representing the family, said so.", "lawyer"},
		{"Its head of ocean policy, [P:Tomas Wiecz], said so.", "head of ocean policy"},
		{"Foreign Minister [P:Ngozi Adebayo-Okonkwo] spoke.", "Foreign Minister"},
		{"Interior Minister [P:Joseph Kiprono] spoke.", "Interior Minister"},
		{"They praised coach [P:Mia Lund] and substitute [P:Kieran Doyle].", "coach"},
		{"Race director [P:Mark Milde] spoke.", "Race director"},
		{"He met foreign minister, [P:Tomas Ek], today.", "foreign minister"},
		{"He met [P:Tomas Ek], said to be a lawyer, today.", ""},
		{"[P:Tomas Ek], the leader said, was late.", ""},
		{"[P:Tomas Ek], 64, a pilot, died.", ""},
		{"Aides will head [P:Tomas Ek]'s team.", ""},
		{"In 2019, [P:Tomas Ek], who chairs the board, said so.", ""},
		{"Officials said on Monday, [P:Tomas Ek] said.", ""},
		{"\"No,\" said [P:Councilwoman Ilse Marten], who chairs it.", "Councilwoman"},
		{"[P:Assemblyman Tomas Ek] and others spoke.", "Assemblyman"},
		{"[P:Ana Ruiz], chief financial officer of [O:Hollis Freight], said so.", "chief financial officer of Hollis Freight"},
	}
	for _, tt := range tests {
		t.Run(tt.marked, func(t *testing.T) {
			text, toks, names := markedNames(t, tt.marked)
			var roles []string
			for _, e := range groupEntities(text, toks, names) {
				if e.typ == Person {
					roles = append(roles, e.role)
				}
			}
			require.NotEmpty(t, roles)
			assert.Equal(t, tt.role, roles[0])
		})
	}
}

func TestSpells(t *testing.T) {
	tests := []struct {
		acronym, name string
		want          bool
	}{
		{"WHO", "World Health Organization", true},
		{"ECOWAS", "Economic Community of West African States", true},
		{"ECI", "Election Commission of India", true},
		{"NASA", "National Aeronautics and Space Administration", true},
		{"ESA", "Economic Council of States", false},
		{"ECOWAS", "Economic Union of West African States", false},
		{"WH", "World Health Organization", false},
		{"WHOO", "World Health Organization", false},
		{"", "World", false},
		{"", "of the", true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, spells(tt.acronym, tt.name), "%s %s", tt.acronym, tt.name)
	}
}

func TestPersonSex(t *testing.T) {
	tests := []struct {
		marked string
		sex    gazetteer.Sex
	}{
		{"[P:Mr. Ek] said.", gazetteer.Male},
		{"Mrs [P:Ek] said.", gazetteer.Female},
		{"[P:Ek], a spokeswoman, said.", gazetteer.Female},
		{"[P:Margaret Ek] said.", gazetteer.Female},
		{"[P:Tomas Ek] said.", gazetteer.Male},
		{"[P:Jordan Ek] said.", gazetteer.Either},
		{"[P:Xu Jiayin] said.", 0},
		{"[P:Ek] said.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.marked, func(t *testing.T) {
			text, toks, names := markedNames(t, tt.marked)
			es := groupEntities(text, toks, names)
			require.Len(t, es, 1)
			assert.Equal(t, tt.sex, es[0].sex)
		})
	}
}

func TestIsRoleModifierInAnyCase(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"former", true}, {"Former", true}, {"FOREIGN", true}, {"cOmMuNiCaTiOnS", true},
		{"Formerly", false}, {"communicationsx", false}, {"minister", false}, {"", false},
		{"ſenior", false}, {"toP", true}, {"tôp", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, isRoleModifierInAnyCase(tt.word), tt.word)
	}
}

// BenchmarkEntities measures grouping alone, on the recognizer's names
// joined as the pipeline joins them.
func BenchmarkEntities(b *testing.B) {
	benchmarkTexts(b, func(text string) func() {
		toks := Tokenize(text)
		names := joinNames(text, toks, findNames(text, toks, splitSentences(text, toks)))
		return func() { groupEntities(text, toks, names) }
	})
}

// BenchmarkJoinNames measures mending the recognizer's names (in a copy,
// since joinNames writes in place).
func BenchmarkJoinNames(b *testing.B) {
	benchmarkTexts(b, func(text string) func() {
		toks := Tokenize(text)
		names := findNames(text, toks, splitSentences(text, toks))
		scratch := make([]Name, len(names))
		return func() { joinNames(text, toks, scratch[:copy(scratch, names)]) }
	})
}

// hasLower answers as comparing with strings.ToUpper does, on ASCII, on
// letters of other scripts, on U+FFFD written out and on bytes that are no
// UTF-8, and allocates nothing.
func TestHasLowerIsToUpperDiffers(t *testing.T) {
	words := []string{
		"", "NAIROBI", "Nairobi", "U.S.", "N.M.", "—", "6-0", "ÉLYSÉE", "Élysée", "ZÜRICH", "Zürich",
		"ΑΘΗΝΑ", "Αθηνα", "МОСКВА", "Москва", "STRAßE", "ǅ", "İSTANBUL", "\uFFFD", "AB\uFFFD",
		"AB\xff", "\xe2\x80", "ÀB\xc3", "東京", "ＡＢＣ", "ａｂｃ",
	}
	for _, w := range words {
		assert.Equal(t, w != strings.ToUpper(w), hasLower(w), "%q", w)
	}
	assert.Zero(t, testing.AllocsPerRun(10, func() { hasLower("Zürich") }))
}
