package export

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"html"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
	"lede/internal/testshared"
)

// testArticle is a made-up article with named and unnamed speakers, a quote
// split by its attribution, and issue words.
const testArticle = `WARSAW — Finance Minister Ilona Wrzesińska said on Friday that the government would cut energy taxes before the winter, after talks with the European Commission in Brussels.
"We cannot ask families to pay for the crisis twice," Wrzesińska told reporters. "The budget will hold."
A senior official at the central bank, who asked not to be named, said: “Inflation is still too high for that.”
Opposition leader Marek Dąbrowski called the plan "an election gift" and said his party would vote against it in parliament.
`

type textCase struct {
	name, text string
}

// hardTexts are the inputs every format must survive with exact offsets:
// characters outside the BMP, combining marks, CRLF, right-to-left scripts,
// invalid UTF-8 and markup.
func hardTexts() []textCase {
	return []textCase{
		{"article", testArticle},
		{"empty", ""},
		{"emoji", "🎉 Ana Kovač 👩🏽‍⚕️ said \"we 🇵🇱 agree on trade 😀\" in Geneva 🏔️, and Tomás Ruiz agreed."},
		{"combining marks", "Ana Kovac\u030c said \"the cafe\u0301 stays open\" in Zu\u0308rich, the Ministry of Health said."},
		{"CRLF", strings.ReplaceAll(testArticle, "\n", "\r\n")},
		{"RTL", "אמר שר החוץ \"אנחנו נמשיך לדבר\" בירושלים. قال الوزير «سنواصل الحوار» في القاهرة. Ana Kovač told Reuters: \"We will talk.\""},
		{"invalid UTF-8", "Jos\xe9 M\xfcller told reporters: \"The \xe2\x80 deal is off,\" in Berlin \xff."},
		{"NUL", "Ana\x00Kovač said \"\x00we agree\" today.\x00"},
		{"markup", `Ana <b>Kovač</b> said "<script>alert(1)</script> & more" at the O'Neill & Sons Company in Paris.`},
		{"line separators", "Ana Kovač said \"we agree\u2028on this\" in Paris.\u2029Tomás Ruiz agreed."},
	}
}

// longText is about 1 MB of news.
func longText() string {
	return strings.Repeat(testArticle+"\n", (1<<20)/(len(testArticle)+1)+1)
}

func write(t *testing.T, name, text string, o Options) []byte {
	t.Helper()
	f, ok := Lookup(name)
	require.True(t, ok, name)
	var b bytes.Buffer
	require.NoError(t, Write(&b, f, text, o))
	return b.Bytes()
}

// units slices a text in each offset unit.
type units struct {
	text  string
	runes []rune
	u16   []uint16
}

func newUnits(text string) units {
	r := []rune(text)
	return units{text, r, utf16.Encode(r)}
}

func (u units) slice(t *testing.T, unit string, start, end int) string {
	t.Helper()
	var n int
	switch unit {
	case "byte":
		n = len(u.text)
	case "codepoint":
		n = len(u.runes)
	default:
		n = len(u.u16)
	}
	require.True(t, 0 <= start && start <= end && end <= n, "span %d-%d in %d %s", start, end, n, unit)
	switch unit {
	case "byte":
		return u.text[start:end]
	case "codepoint":
		return string(u.runes[start:end])
	}
	return string(utf16.Decode(u.u16[start:end]))
}

func TestEveryFormatOnHardTexts(t *testing.T) {
	for _, tc := range hardTexts() {
		t.Run(tc.name, func(t *testing.T) { checkAllFormats(t, tc.text, true) })
	}
}

func TestEveryFormatOnTheSeed(t *testing.T) {
	checkAllFormats(t, testshared.Seed(t), true)
}

func TestEveryFormatOnAMegabyte(t *testing.T) {
	if testing.Short() || runtime.GOARCH == "wasm" {
		t.Skip("annotates 1 MB once per format: natively only, and not with -short")
	}
	checkAllFormats(t, longText(), false)
}

// checkAllFormats writes text in every format and checks each; thorough
// also writes it twice (the same bytes) and in every offset unit.
func checkAllFormats(t *testing.T, text string, thorough bool) {
	repaired, _ := annotate.RepairUTF8(text)
	doc := annotate.Annotate(repaired)
	for _, f := range Formats() {
		t.Run(f.Name, func(t *testing.T) {
			out := write(t, f.Name, text, Options{})
			if thorough {
				assert.Equal(t, out, write(t, f.Name, text, Options{}), "the same text gives the same bytes")
			}
			checks[f.Name](t, repaired, doc, out)
		})
	}
	if !thorough {
		return
	}
	for _, unit := range []string{"utf16", "byte", "codepoint"} {
		t.Run("json "+unit, func(t *testing.T) {
			o, err := Settings{Settings: annotate.Settings{Offsets: unit}}.Options()
			require.NoError(t, err)
			checkJSON(t, repaired, doc, write(t, "json", text, o))
		})
		t.Run("csv "+unit, func(t *testing.T) {
			o, err := Settings{Settings: annotate.Settings{Offsets: unit}}.Options()
			require.NoError(t, err)
			checkQuotesCSV(t, repaired, doc, write(t, "csv", text, o))
		})
	}
}

var checks = map[string]func(t *testing.T, text string, doc *annotate.Document, out []byte){
	"json":          checkJSON,
	"webannotation": checkWebAnnotation,
	"html":          checkHTML,
	"csv":           checkQuotesCSV,
	"entities-csv":  checkEntitiesCSV,
	"brat":          checkBrat,
	"geojson":       checkGeoJSON,
}

// checkGeoJSON: a FeatureCollection with one Point per linked place, its
// coordinates in range and its id an entity of the document.
func checkGeoJSON(t *testing.T, text string, doc *annotate.Document, out []byte) {
	var fc struct {
		Type     string
		Features []struct {
			Type     string
			ID       string
			Geometry struct {
				Type        string
				Coordinates []float64
			}
			Properties map[string]any
		}
	}
	require.NoError(t, json.Unmarshal(out, &fc), string(out))
	assert.Equal(t, "FeatureCollection", fc.Type)
	linked := map[string]bool{}
	for _, e := range doc.Entities {
		if e.Geo != nil {
			linked[e.ID] = true
		}
	}
	assert.Len(t, fc.Features, len(linked))
	for _, f := range fc.Features {
		assert.Equal(t, "Feature", f.Type)
		assert.Equal(t, "Point", f.Geometry.Type)
		require.Len(t, f.Geometry.Coordinates, 2)
		assert.InDelta(t, 0, f.Geometry.Coordinates[0], 180)
		assert.InDelta(t, 0, f.Geometry.Coordinates[1], 90)
		id := f.ID
		if id == "" {
			id, _ = f.Properties["entity"].(string)
		}
		assert.True(t, linked[id], "feature %q is a linked entity", id)
	}
}

func TestEveryFormatIsChecked(t *testing.T) {
	for _, f := range Formats() {
		assert.Contains(t, checks, f.Name)
		assert.NotEmpty(t, f.Label)
		assert.NotEmpty(t, f.Ext)
		assert.NotEmpty(t, f.MediaType)
	}
}

type jsonSpan struct {
	Start, End int
	Text       string
}

func checkJSON(t *testing.T, text string, doc *annotate.Document, out []byte) {
	var got struct {
		Offsets  string
		Text     *string
		Entities []struct{ Mentions []jsonSpan }
		Quotes   []struct {
			jsonSpan
			Cue *jsonSpan
		}
		Issues   []struct{ Mentions []jsonSpan }
		Warnings []string
	}
	require.NoError(t, json.Unmarshal(out, &got))
	require.NotNil(t, got.Text, "the text is in by default")
	assert.Equal(t, text, *got.Text)
	assert.Len(t, got.Entities, len(doc.Entities))
	assert.Len(t, got.Quotes, len(doc.Quotes))
	assert.Len(t, got.Issues, len(doc.Issues))
	u := newUnits(text)
	var spans []jsonSpan
	for _, e := range got.Entities {
		spans = append(spans, e.Mentions...)
	}
	for _, q := range got.Quotes {
		spans = append(spans, q.jsonSpan)
		if q.Cue != nil {
			spans = append(spans, *q.Cue)
		}
	}
	for _, is := range got.Issues {
		spans = append(spans, is.Mentions...)
	}
	for _, s := range spans {
		assert.Equal(t, s.Text, u.slice(t, got.Offsets, s.Start, s.End))
	}
}

var (
	iriPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>{}|\\^` + "`" + `]+$`)
	// w3cMotivations is the W3C Web Annotation vocabulary's motivations,
	// which are also the values of a body's purpose.
	w3cMotivations = []string{"assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging"}
)

type waSelector struct {
	Type                  string
	Exact, Prefix, Suffix *string
	Start, End            *int
}

type waBody struct {
	Type, Purpose, Value, Source, Format string
}

type waAnnotation struct {
	Context    any `json:"@context"`
	ID         string
	Type       string
	Motivation string
	Body       []waBody
	Target     struct {
		Source   string
		Selector []waSelector
	}
}

type waCollection struct {
	Context string `json:"@context"`
	ID      string
	Type    string
	Label   string
	Total   int
	First   struct {
		ID         string
		Type       string
		StartIndex *int
		Items      []waAnnotation
	}
}

// checkWebAnnotation checks the MUSTs of the W3C Web Annotation Data Model
// (https://www.w3.org/TR/annotation-model/) that the export touches.
func checkWebAnnotation(t *testing.T, text string, doc *annotate.Document, out []byte) {
	var c waCollection
	require.NoError(t, json.Unmarshal(out, &c))
	assert.Equal(t, "http://www.w3.org/ns/anno.jsonld", c.Context)
	assert.Equal(t, "AnnotationCollection", c.Type)
	assert.Regexp(t, iriPattern, c.ID, "a collection MUST have an IRI id")
	assert.Equal(t, "AnnotationPage", c.First.Type)
	assert.Regexp(t, iriPattern, c.First.ID, "a page MUST have an IRI id")
	require.NotNil(t, c.First.StartIndex)
	assert.Equal(t, c.Total, len(c.First.Items))
	ids := map[string]bool{c.ID: true, c.First.ID: true}
	u := newUnits(text)
	type place struct{ start, end int }
	narrow := map[place][]string{} // per span, the parents named by its topics
	topics := map[place][]string{}
	for _, a := range c.First.Items {
		assert.Regexp(t, iriPattern, a.ID, "an annotation MUST have an IRI id")
		assert.False(t, ids[a.ID], "ids are unique: %s", a.ID)
		ids[a.ID] = true
		assert.Equal(t, "Annotation", a.Type)
		assert.Contains(t, w3cMotivations, a.Motivation)
		require.NotEmpty(t, a.Body)
		for _, b := range a.Body {
			assert.Contains(t, w3cMotivations, b.Purpose)
			switch b.Type {
			case "TextualBody":
				assert.NotEmpty(t, b.Value, "a TextualBody MUST have a value")
				assert.NotContains(t, strings.ToLower(b.Value), "unattributed")
			case "SpecificResource":
				assert.Regexp(t, iriPattern, b.Source, "a SpecificResource MUST have a source")
			default:
				t.Errorf("body type %q", b.Type)
			}
		}
		assert.Regexp(t, iriPattern, a.Target.Source, "a target MUST have a source")
		var quote, pos *waSelector
		for i, s := range a.Target.Selector {
			switch s.Type {
			case "TextQuoteSelector":
				quote = &a.Target.Selector[i]
			case "TextPositionSelector":
				pos = &a.Target.Selector[i]
			}
		}
		require.NotNil(t, quote, "every target has a TextQuoteSelector")
		require.NotNil(t, pos, "every target has a TextPositionSelector")
		require.NotNil(t, quote.Exact, "a TextQuoteSelector MUST have exact")
		require.NotNil(t, pos.Start, "a TextPositionSelector MUST have start")
		require.NotNil(t, pos.End, "a TextPositionSelector MUST have end")
		assert.Equal(t, *quote.Exact, u.slice(t, "codepoint", *pos.Start, *pos.End), "positions count code points")
		if quote.Prefix != nil {
			n := len([]rune(*quote.Prefix))
			assert.Equal(t, *quote.Prefix, string(u.runes[max(0, *pos.Start-n):*pos.Start]))
		}
		if quote.Suffix != nil {
			n := len([]rune(*quote.Suffix))
			assert.Equal(t, *quote.Suffix, string(u.runes[*pos.End:min(len(u.runes), *pos.End+n)]))
		}
		if a.Motivation == "classifying" {
			p := place{*pos.Start, *pos.End}
			topics[p] = append(topics[p], a.Body[0].Source)
			if len(a.Body) > 1 && a.Body[1].Type == "SpecificResource" {
				narrow[p] = append(narrow[p], a.Body[1].Source)
			}
		}
	}
	for p, parents := range narrow {
		for _, parent := range parents {
			assert.NotContains(t, topics[p], parent, "an issue word is written once, under its narrow topic")
		}
	}
}

func TestWebAnnotationIDs(t *testing.T) {
	a := write(t, "webannotation", testArticle, Options{})
	b := write(t, "webannotation", strings.Replace(testArticle, "Friday", "Monday", 1), Options{})
	var ca, cb waCollection
	require.NoError(t, json.Unmarshal(a, &ca))
	require.NoError(t, json.Unmarshal(b, &cb))
	require.NotEmpty(t, ca.First.Items)
	seen := map[string]bool{ca.ID: true, ca.First.ID: true}
	for _, x := range ca.First.Items {
		seen[x.ID] = true
	}
	assert.False(t, seen[cb.ID], "two articles never share ids")
	for _, x := range cb.First.Items {
		assert.False(t, seen[x.ID], "two articles never share ids")
	}
	assert.NotEqual(t, ca.First.Items[0].Target.Source, cb.First.Items[0].Target.Source)

	o, err := Settings{Base: "https://cms.example.org/articles/42/annotations", Source: "https://news.example.org/42"}.Options()
	require.NoError(t, err)
	var based waCollection
	require.NoError(t, json.Unmarshal(write(t, "webannotation", testArticle, o), &based))
	assert.Equal(t, "https://cms.example.org/articles/42/annotations", based.ID)
	assert.Equal(t, "https://cms.example.org/articles/42/annotations/page1", based.First.ID)
	assert.Equal(t, "https://cms.example.org/articles/42/annotations/a1", based.First.Items[0].ID)
	assert.Equal(t, "https://news.example.org/42", based.First.Items[0].Target.Source)
}

func TestWebAnnotationQuotes(t *testing.T) {
	var c waCollection
	require.NoError(t, json.Unmarshal(write(t, "webannotation", testArticle, Options{}), &c))
	ids := map[string]bool{}
	for _, a := range c.First.Items {
		ids[a.ID] = true
	}
	quotes, anonymous, linked := 0, 0, 0
	for _, a := range c.First.Items {
		if a.Motivation != "describing" {
			continue
		}
		quotes++
		for _, b := range a.Body {
			if b.Purpose == "tagging" && b.Value == "anonymous source" {
				anonymous++
			}
			if b.Purpose == "linking" {
				linked++
				assert.True(t, ids[b.Source], "a link points to an annotation of the collection")
			}
		}
	}
	assert.Positive(t, quotes)
	assert.Positive(t, anonymous, "the senior official is an unnamed source")
	assert.Positive(t, linked, "named speakers link to their mention")
}

func checkQuotesCSV(t *testing.T, text string, doc *annotate.Document, out []byte) {
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	header := rows[0]
	require.Len(t, header, 14)
	unit := strings.TrimPrefix(header[1], "start_")
	assert.Contains(t, []string{"utf16", "byte", "codepoint"}, unit, "the header names the unit")
	assert.Equal(t, []string{"id", "start_" + unit, "end_" + unit, "speaker", "speaker_entity", "role", "gender", "anonymous", "cue", "partial", "continuation", "linked", "words", "text"}, header)
	require.Len(t, rows, len(doc.Quotes)+1)
	u := newUnits(text)
	for i, row := range rows[1:] {
		q := doc.Quotes[i]
		start, err1 := strconv.Atoi(row[1])
		end, err2 := strconv.Atoi(row[2])
		require.NoError(t, err1)
		require.NoError(t, err2)
		assert.Equal(t, unformula(row[13]), u.slice(t, unit, start, end))
		assert.Equal(t, q.Text, unformula(row[13]))
		if q.Speaker == nil {
			assert.Empty(t, row[3], "an unknown speaker is empty")
			assert.Empty(t, row[6], "an unknown speaker has no gender")
		} else {
			assert.Equal(t, q.Speaker.Name, unformula(row[3]))
			assert.Equal(t, q.Speaker.Gender, row[6])
		}
		assert.NotEqual(t, "Unattributed", row[3])
		for _, col := range []int{7, 9, 10} {
			assert.Contains(t, []string{"true", "false"}, row[col])
		}
	}
}

// unformula removes the apostrophe that keeps a spreadsheet from running a
// cell as a formula.
func unformula(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

func checkEntitiesCSV(t *testing.T, text string, doc *annotate.Document, out []byte) {
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	assert.Equal(t, []string{"id", "type", "name", "role", "gender", "mentions", "first_start_codepoint", "first_end_codepoint", "first_text"}, rows[0])
	require.Len(t, rows, len(doc.Entities)+1)
	u := newUnits(text)
	for i, row := range rows[1:] {
		e := doc.Entities[i]
		assert.Equal(t, e.ID, row[0])
		assert.Equal(t, e.Type.String(), row[1])
		assert.Equal(t, e.Gender, row[4])
		assert.Equal(t, strconv.Itoa(len(e.Mentions)), row[5])
		start, _ := strconv.Atoi(row[6])
		end, _ := strconv.Atoi(row[7])
		assert.Equal(t, unformula(row[8]), u.slice(t, "codepoint", start, end))
	}
}

var (
	tagPattern     = regexp.MustCompile(`<[^>]*>`)
	handlerPattern = regexp.MustCompile(`<[^>]*\son[a-z]+=`)
	markPattern    = regexp.MustCompile(`<mark class="hl hl-(\w+)"[^>]*>((?:[^<]|<span[^>]*>|</span>)*)</mark>`)
)

func checkHTML(t *testing.T, text string, doc *annotate.Document, out []byte) {
	page := string(out)
	assert.True(t, strings.HasPrefix(page, "<!doctype html>\n"))
	assert.False(t, strings.Contains(strings.ToLower(page), "<script"), "no script")
	assert.False(t, handlerPattern.MatchString(page), "no event handler attributes")
	sum := sha256.Sum256([]byte(htmlCSS))
	assert.Equal(t, "sha256-"+base64.StdEncoding.EncodeToString(sum[:]), htmlCSSHash, "the CSP names the style sheet's hash")
	assert.Contains(t, page, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '`+htmlCSSHash+`'`)
	start := strings.Index(page, `<div class="article">`)
	end := strings.Index(page, "</div>\n")
	require.True(t, start > 0 && end > start)
	article := page[start+len(`<div class="article">`) : end]
	want := strings.ReplaceAll(text, "\x00", "") // HTML cannot hold U+0000
	assert.Equal(t, want, html.UnescapeString(tagPattern.ReplaceAllString(article, "")), "the article is the text, whole")
	assert.Equal(t, len(doc.Quotes), strings.Count(article, `class="hl hl-quote"`), "each quote is one block")
	mentions := map[string]bool{}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			mentions[strings.ReplaceAll(m.Text, "\x00", "")] = true
		}
	}
	for _, m := range markPattern.FindAllStringSubmatch(article, -1) {
		name := html.UnescapeString(tagPattern.ReplaceAllString(m[2], ""))
		assert.True(t, mentions[name], "a name is whole in its element: %q", name)
	}
	for _, q := range doc.Quotes {
		if q.Speaker != nil {
			assert.Contains(t, page, `data-speaker="`+html.EscapeString(q.Speaker.Name)+`"`)
		}
	}
	if len(doc.Quotes) > 0 {
		assert.Contains(t, page, "<h2>Quotes</h2>")
	}
	assert.Contains(t, page, `<dl class="summary">`)
}

// checkBrat opens the bundle as brat would: the .txt and .ann of one name
// and annotation.conf, every annotation declared there and every span
// equal to the text it points at, in code points.
func checkBrat(t *testing.T, text string, doc *annotate.Document, out []byte) {
	z, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	require.NoError(t, err)
	files := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		require.NoError(t, err)
		var b bytes.Buffer
		_, err = b.ReadFrom(r)
		require.NoError(t, err, "the CRC of %s", f.Name)
		files[f.Name] = b.String()
	}
	require.Len(t, files, 3)
	var base string
	for name := range files {
		if strings.HasSuffix(name, ".txt") {
			base = strings.TrimSuffix(name, ".txt")
		}
	}
	require.NotEmpty(t, base)
	assert.Equal(t, text, files[base+".txt"], "the .txt is the exact text")
	require.Contains(t, files, "annotation.conf")
	checkBratAnn(t, text, parseBratConf(t, files["annotation.conf"]), files[base+".ann"], doc)
}

type bratConfig struct {
	entities   map[string]bool
	relations  map[string][2][]string
	attributes map[string][]string
}

func parseBratConf(t *testing.T, conf string) bratConfig {
	c := bratConfig{map[string]bool{}, map[string][2][]string{}, map[string][]string{}}
	section := ""
	for _, line := range strings.Split(conf, "\n") {
		line = strings.TrimRight(line, " ")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		name, args, _ := strings.Cut(line, "\t")
		switch section {
		case "entities":
			c.entities[name] = true
		case "relations":
			if strings.HasPrefix(name, "<") {
				continue
			}
			var r [2][]string
			for i, arg := range strings.Split(args, ", ") {
				_, types, ok := strings.Cut(arg, ":")
				require.True(t, ok, line)
				r[i] = strings.Split(types, "|")
			}
			c.relations[name] = r
		case "attributes":
			_, types, ok := strings.Cut(args, ":")
			require.True(t, ok, line)
			c.attributes[name] = strings.Split(types, "|")
		}
	}
	for _, want := range []string{"Person", "Place", "Organization", "Quote", "Issue"} {
		assert.True(t, c.entities[want], "annotation.conf declares %s", want)
	}
	assert.Contains(t, c.relations, "Speaker")
	assert.Contains(t, c.attributes, "Anonymous")
	return c
}

func checkBratAnn(t *testing.T, text string, c bratConfig, ann string, doc *annotate.Document) {
	u := newUnits(text)
	types := map[string]string{}
	spans := map[string]bool{}
	quotes := 0
	if ann == "" {
		return
	}
	require.True(t, strings.HasSuffix(ann, "\n"))
	for _, line := range strings.Split(strings.TrimSuffix(ann, "\n"), "\n") {
		fields := strings.Split(line, "\t")
		id := fields[0]
		_, dup := types[id]
		assert.False(t, dup, "ids are unique: %s", id)
		switch id[0] {
		case 'T':
			require.Len(t, fields, 3, line)
			typ, offsets, _ := strings.Cut(fields[1], " ")
			assert.True(t, c.entities[typ], "%s is declared", typ)
			assert.False(t, spans[fields[1]], "no span twice: %s", line)
			spans[fields[1]] = true
			var parts []string
			for _, frag := range strings.Split(offsets, ";") {
				var start, end int
				se := strings.Fields(frag)
				require.Len(t, se, 2, line)
				start, _ = strconv.Atoi(se[0])
				end, _ = strconv.Atoi(se[1])
				part := u.slice(t, "codepoint", start, end)
				assert.NotContains(t, part, "\n")
				parts = append(parts, part)
			}
			assert.Equal(t, fields[2], strings.Join(parts, " "), line)
			types[id] = typ
			if typ == "Quote" {
				quotes++
			}
		case 'R':
			require.Len(t, fields, 2, line)
			f := strings.Fields(fields[1])
			require.Len(t, f, 3, line)
			r, ok := c.relations[f[0]]
			require.True(t, ok, "%s is declared", f[0])
			for i, arg := range f[1:] {
				name, target, _ := strings.Cut(arg, ":")
				assert.Equal(t, "Arg"+strconv.Itoa(i+1), name)
				assert.Contains(t, r[i], types[target], line)
			}
			types[id] = f[0]
		case 'A':
			require.Len(t, fields, 2, line)
			f := strings.Fields(fields[1])
			require.Len(t, f, 2, line)
			require.Contains(t, c.attributes, f[0])
			assert.Contains(t, c.attributes[f[0]], types[f[1]], line)
			types[id] = f[0]
		case '#':
			require.Len(t, fields, 3, line)
			f := strings.Fields(fields[1])
			require.Len(t, f, 2, line)
			assert.Equal(t, "AnnotatorNotes", f[0])
			_, ok := types[f[1]]
			assert.True(t, ok, line)
			types[id] = f[0]
		default:
			t.Errorf("not a brat line: %q", line)
		}
	}
	assert.LessOrEqual(t, quotes, len(doc.Quotes))
}

func TestBundleFiles(t *testing.T) {
	f, _ := Lookup("brat")
	files, err := f.Files(Prepare(f, testArticle, Options{}))
	require.NoError(t, err)
	require.Len(t, files, 3)
	assert.Equal(t, "lede-warsaw-finance-minister-ilona-wrzesiska-said.txt", files[0].Name)
	assert.Equal(t, testArticle, string(files[0].Data))
	assert.Equal(t, "annotation.conf", files[2].Name)
}

func TestSettings(t *testing.T) {
	no := false
	tests := []struct {
		name    string
		s       Settings
		want    Options
		wantErr string
	}{
		{name: "defaults", want: Options{Layers: annotate.AllLayers}},
		{name: "offsets", s: Settings{Settings: annotate.Settings{Offsets: "byte"}}, want: Options{Unit: annotate.Bytes, UnitSet: true, Layers: annotate.AllLayers}},
		{name: "layers", s: Settings{Settings: annotate.Settings{Layers: []string{"quotes"}}}, want: Options{Layers: annotate.Layers{Quotes: true}}},
		{name: "no text", s: Settings{Text: &no}, want: Options{Layers: annotate.AllLayers, OmitText: true}},
		{name: "base", s: Settings{Base: "urn:example:a"}, want: Options{Layers: annotate.AllLayers, Base: "urn:example:a"}},
		{name: "unknown offsets", s: Settings{Settings: annotate.Settings{Offsets: "lines"}}, wantErr: `unknown offsets "lines"`},
		{name: "unknown layer", s: Settings{Settings: annotate.Settings{Layers: []string{"quote"}}}, wantErr: `unknown layer "quote"`},
		{name: "no layer", s: Settings{Settings: annotate.Settings{Layers: []string{}}}, wantErr: `"layers" is empty`},
		{name: "relative base", s: Settings{Base: "annotations/42"}, wantErr: "not an absolute IRI"},
		{name: "base with a space", s: Settings{Base: "https://example.org/a b"}, wantErr: "not an absolute IRI"},
		{name: "source with a quote", s: Settings{Source: `https://example.org/"`}, wantErr: "not an absolute IRI"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.s.Options()
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	assert.NoError(t, UnknownKey("offsets"))
	assert.ErrorContains(t, UnknownKey("offset"), `unknown option "offset"`)
}

func TestJSONWithoutText(t *testing.T) {
	var got map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(write(t, "json", testArticle, Options{OmitText: true}), &got))
	assert.NotContains(t, got, "text")
	assert.JSONEq(t, `"utf16"`, string(got["offsets"]))
}

func TestQuotesOnlyLeavesNoDanglingSpeaker(t *testing.T) {
	o, err := Settings{Settings: annotate.Settings{Layers: []string{"quotes"}}}.Options()
	require.NoError(t, err)
	var doc annotate.Document
	require.NoError(t, json.Unmarshal(write(t, "json", testArticle, o), &doc))
	require.NotEmpty(t, doc.Quotes)
	assert.Empty(t, doc.Entities)
	named := 0
	for _, q := range doc.Quotes {
		if q.Speaker != nil {
			assert.Empty(t, q.Speaker.Entity, "no entity to point to")
			if !q.Speaker.Anonymous {
				named++
			}
		}
	}
	assert.Positive(t, named, "the name stays")
}

func TestProgress(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f.Name, func(t *testing.T) {
			var last, total, calls int
			o := Options{Progress: func(d, n int) { last, total, calls = d, n, calls+1 }}
			require.NoError(t, Write(&bytes.Buffer{}, f, testArticle, o))
			if f.Name == "json" {
				return // written in one go
			}
			require.Positive(t, calls)
			assert.Equal(t, total, last, "the last report is the end")
		})
	}
}

func TestFilename(t *testing.T) {
	tests := []struct{ text, want string }{
		{"", "lede-article.csv"},
		{"  \n", "lede-article.csv"},
		{"Breaking: São Paulo votes — again!", "lede-breaking-so-paulo-votes-again.csv"},
		{"one two three four five six seven eight", "lede-one-two-three-four-five-six.csv"},
		{"«Москва»", "lede-article.csv"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Filename(tt.text, "csv"), tt.text)
	}
}
