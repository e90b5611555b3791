package annotate

import (
	"strings"

	"lede/annotate/gazetteer"
)

// Speaker words: the word lists the attribution rules ask about (pronouns,
// determiners, verb modifiers, phrase breaks, source nouns), each token
// looked up once in all of them at a time (see is), and the small tests on
// a word's shape (adverb, participle, plural, possessive).

// sourceNouns head descriptions of sources after a name: "a Clinton
// campaign official", "Pentagon sources".
var sourceNouns = setOf("of official officials source sources campaign spokesperson aide aides lawyer lawyers" +
	" attorney attorneys representative representatives member members staff staffer staffers analyst analysts" +
	" executive executives leader leaders report statement memo document")

func hasLowerHead(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }

// isAdverb: a lower-case word ending in -ly ("cynically").
func isAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && w[0] >= 'a' && w[0] <= 'z'
}

// isTimeWord: a day between a subject and its verb ("Obama on Friday
// declared").
func (at *attributor) isTimeWord(i int) bool {
	w := at.toks[i].Text(at.text)
	return at.is(i, weekday) || w == "on" && i+1 < len(at.toks) && at.is(i+1, weekday)
}

// isPossessive: "'s", or a lone apostrophe after a plural ("Sanders'").
func isPossessive(text string, t Token) bool {
	switch t.Text(text) {
	case "'s", "’s", "'", "’":
		return !t.SpaceBefore
	}
	return false
}

func endsParticiple(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing") && w[0] >= 'a' && w[0] <= 'z'
}

func isPluralNoun(w string) bool {
	return len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && w[len(w)-2] != 'u' && w[0] >= 'a' && w[0] <= 'z'
}

var verbModifiers = setOf("also has have had was is were are will would did does do not never just now then later" +
	" didn't doesn't don't hasn't haven't hadn't wasn't isn't won't wouldn't" +
	" didn’t doesn’t don’t hasn’t haven’t hadn’t wasn’t isn’t won’t wouldn’t" +
	" once first previously recently earlier further again repeatedly reportedly often frequently still simply flatly" +
	" however yesterday today tonight")

// documentNouns head sources that are texts rather than speakers: "the
// report said", "a statement read". A pronoun never refers to one, and
// none is an anonymous person; one with an author ("Smith's statement")
// speaks for the author.
var documentNouns = setOf("statement statements report reports letter letters memo memos document documents" +
	" post posts tweet tweets message messages email emails e-mail filing filings complaint lawsuit indictment" +
	" release transcript note notes study survey poll ruling order affidavit announcement notice website video" +
	" text texts communique communiqué editorial column article book documents records record letter")

// personNouns head descriptions of people ("a senior official", "people
// close to him", "a witness"); nouns of agents ending -er, -or, -ist or
// -ian count too (see isPersonNoun), and so do the titles of the gazetteer
// ("a minister", "the spokeswoman").
var personNouns = setOf("person persons people man men woman women official officials source sources aide aides" +
	" spokesperson spokespeople staff staffer staffers representative representatives member members analyst analysts" +
	" executive executives expert experts witness witnesses resident residents critic critics friend friends" +
	" relative relatives colleague colleagues insider insiders diplomat diplomats employee employees fan fans" +
	" student students activist activists participant participants assistant assistants consultant consultants" +
	" official someone one ally allies delegate delegates candidate candidates nominee nominees veteran veterans" +
	" agent agents guard guards victim victims survivor survivors parent parents child children mother father" +
	" son daughter wife husband sister brother patient patients doctor doctors nurse nurses coach coaches")

// notPersonNouns end like agents but are not people.
var notPersonNouns = setOf("letter letters paper papers order orders number numbers matter matters water border" +
	" borders power powers center centre quarter quarters computer computers poster posters chapter chapters" +
	" corner summer winter error errors factor factors sector sectors motor monitor mirror interior exterior" +
	" behavior behaviour honor honour favor favour labor labour rumor rumours rumors other others" +
	" register meter character disaster disorder cancer filter finger trigger river silver paper")

// isPersonNoun: w, a lower-case word, names a kind of person.
func isPersonNoun(w string) bool {
	return isPersonWord(w) || gazetteer.IsPersonTitle(w)
}

// isPersonWord is isPersonNoun without the titles.
func isPersonWord(w string) bool {
	switch {
	case personNouns.has(w):
		return true
	case documentNouns.has(w) || notPersonNouns.has(w):
		return false
	}
	if stem := strings.TrimSuffix(w, "s"); len(w) >= 5 {
		for _, suffix := range [...]string{"er", "or", "ist", "ian"} {
			if strings.HasSuffix(stem, suffix) {
				return true
			}
		}
	}
	return false
}

// phraseBreakWords end a noun phrase: clause words and prepositions other
// than "of", which stays inside ("the head of the agency").
var phraseBreakWords = setOf("that who whom which whose when where while as because if since although though after before" +
	" and but or nor so than in on at to from with for by about into during without against over under between" +
	" this last next is was are were has have had will would could should can may might must said says told")

var determiners = setOf("a an the one two three several some many other another both its his her their our my")

var leadingConjunctions = setOf("and but so then")

// nonSubjects never name a source on their own.
var nonSubjects = setOf("i we you me us it this that these those there here what which who a an the")

var weekdays = setOf("Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today tonight")

// cueVerbs are the verbs that attribute speech or writing, in every form.
var cueVerbs = newWordSet(strings.Fields(sayingForms + " " + addressingForms))

var pronouns = setOf("he she they it")

// wordClass is a set of the word lists above that a token's text is in.
type wordClass uint16

const (
	verbModifier wordClass = 1 << iota
	phraseBreak
	determiner
	leadingConjunction
	nonSubject
	weekday
	sourceNoun
	cueVerb
	passiveAuxiliary
	pronoun
	// modifiesVerb marks the auxiliaries and adverbs that sit between a
	// subject and its verb ("has also said", "later told"): a word token of
	// verbModifiers or an adverb.
	modifiesVerb
	classKnown // the token's classes have been looked up
)

// wordClasses holds the words of the lists, each with all its classes.
var wordClasses = newClassTable(map[wordClass]wordSet{
	verbModifier: verbModifiers, phraseBreak: phraseBreakWords, determiner: determiners,
	leadingConjunction: leadingConjunctions, nonSubject: nonSubjects, weekday: weekdays,
	sourceNoun: sourceNouns, cueVerb: cueVerbs, passiveAuxiliary: passiveAuxiliaries, pronoun: pronouns,
})

// is reports whether token i's text is in a word list of c. The rules ask
// about the same tokens around each cue and sentence start many times,
// so each token's text is looked up once, in all the lists at a time.
func (at *attributor) is(i int, c wordClass) bool {
	k := at.classes[i]
	if k == 0 {
		k = at.lookUpClasses(i)
	}
	return k&c != 0
}

func (at *attributor) lookUpClasses(i int) wordClass {
	t := &at.toks[i]
	w := at.text[t.Start:t.End]
	k := classKnown
	if wordClasses.hasShapeOf(w) {
		if _, _, slot, found := wordClasses.probe(at.text, t.Start, t.End); found {
			k |= wordClass(wordClasses.words[slot].value)
		}
	}
	if t.Kind == Word && (k&verbModifier != 0 || isAdverb(w)) {
		k |= modifiesVerb
	}
	at.classes[i] = k
	return k
}

// newClassTable maps the words of the lists to their classes.
func newClassTable(lists map[wordClass]wordSet) shortWords {
	t := newShortWords(asWritten, 1024)
	for c, list := range lists {
		for _, w := range list.words() {
			*t.add(w) |= uint16(c)
		}
	}
	return t
}
