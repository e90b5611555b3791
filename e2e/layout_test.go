//go:build browser

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate"
)

// layoutArticles are written for these tests: council and agency names that
// begin with a place's name, a union and its abbreviation, speakers with
// long names for the summary chart, and an anonymous source.
var layoutArticles = []string{
	`OAKMONT - The Oakmont City Council voted on Monday to close the Riverside Library for repairs, a decision that angered parents in Oakmont and drew criticism from the Parent Teacher Association of Oakmont.

"We were not consulted at all," said Linda Park, who chairs the Oakmont Parent Teacher Association. Council member James Whitfield said the building was unsafe. "The roof could fall in," Whitfield said.

The European Union, which paid for part of the library, said in a statement that the EU expected the work to finish by spring. The Washington Post first reported the vote.
`,
	`SPRINGFIELD - Maria Fernanda Gonzalez de la Vega, the head of the Springfield Department of Public Works, said on Friday that the city would repave Main Street this summer.

"We have waited long enough for this," Gonzalez de la Vega said at a news conference outside Springfield City Hall. "Every pothole is a promise we broke."

Bartholomew Kensington-Whitaker, who owns a bakery on Main Street, said the work would hurt his business. "Nobody will come if they cannot park," Kensington-Whitaker said. "We will lose the whole summer."

A senior official in the Illinois Department of Transportation, who asked not to be named, said the state would pay half of the cost. "The money is there," the official said.

The Springfield Chamber of Commerce backed the plan. "Good roads bring customers," said Priya Raghunathan-Oyelaran, its president.
`,
	`The New York State Assembly passed a bill on Thursday that would let New York City set its own speed limits, after a campaign by Transportation Alternatives and the mayor of New York.

"This is a win for every family that has lost someone," said Danny Harper, a spokesman for Families for Safe Streets. Assembly Speaker Carl Heastie said the vote showed that New York listens.

Critics at the Automobile Club of New York said the limits would slow buses. The Bank of England and the Bank of America were not involved.
`,
	`The Oakmont City Council approved a new budget for the Oakmont Fire Department on Tuesday, after the Oakmont Teachers Union and the Ministry of Health warned about cuts to schools and hospitals.

"We cannot run a hospital on promises," said Dr. Helen Okafor, the director of Oakmont General Hospital. The National Football League said its stadium plans for Oakmont would go ahead.

Mayor Robert Lindqvist said the Oakmont Climate Action Plan would cut emissions. "Climate change is not waiting for us," Lindqvist said.
`,
}

// showArticle replaces the page's article with text, as a paste outside the
// editor does, and waits for its highlights.
func showArticle(t *testing.T, tab context.Context, text string) {
	t.Helper()
	Paste(t, tab, "body", text, "")
	WaitFor(t, tab, `document.body.dataset.state === "annotated" && document.getElementById("article").textContent === `+JS(text), 30*time.Second)
}

// allArticles are layoutArticles and the project's own test articles
// (annotate/testdata).
func allArticles(t *testing.T) []string {
	files, err := filepath.Glob("../annotate/testdata/articles/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	articles := append([]string(nil), layoutArticles...)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		articles = append(articles, string(b))
	}
	return articles
}

// chip is a type tag shown in the text: its label and the UTF-16 offset
// of the text it follows.
type chip struct {
	Label string `json:"label"`
	At    int    `json:"at"`
}

// chipsIn lists the name tags under root with their offsets.
const chipsIn = `((root) => {
  const ends = new Map();
  let at = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    at += n.data.length;
    for (let p = n.parentElement; p && p !== root; p = p.parentElement) ends.set(p, at);
  }
  return [...root.querySelectorAll(".hl[data-label]:not(.hl-quote)")].map((e) => ({ label: e.dataset.label, at: ends.get(e) }));
})`

// readChips lists the name tags of the article.
const readChips = chipsIn + `(document.getElementById("article"))`

var tags = map[annotate.EntityType]string{annotate.Person: "PER", annotate.Place: "LOC", annotate.Organization: "ORG"}

func TestTypeChipFollowsTheWholeName(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	OpenApp(t, tab, srv.URL)
	PasteArticle(t, tab, layoutArticles[0])
	for i, text := range allArticles(t) {
		showArticle(t, tab, text)
		doc := annotate.Annotate(text) // offsets in UTF-16 units, as the page's
		units := utf16.Encode([]rune(text))
		ends := map[int]string{}
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				ends[m.End] = tags[e.Type]
			}
		}
		chips := Eval[[]chip](t, tab, readChips)
		assert.Len(t, chips, len(doc.Entities), "article %d: one tag per name", i)
		for _, c := range chips {
			assert.Equal(t, ends[c.At], c.Label, "article %d: the %s tag at %d ends a name of its type", i, c.Label, c.At)
			for _, e := range doc.Entities {
				for _, m := range e.Mentions {
					assert.False(t, m.Start < c.At && c.At < m.End, "article %d: the %s tag at %d is inside %q", i, c.Label, c.At, string(utf16.Decode(units[m.Start:m.End])))
				}
			}
		}
		if i == 0 {
			SaveScreenshot(t, tab, "chips")
		}
	}

	// Highlights the annotator may give together: a name cut by an issue
	// word, a name inside a longer one, two names that cross.
	got := Eval[[]chip](t, tab, `import("./render.js").then(({ renderHighlights }) => {
		const text = "The Oakmont City Council met the Port of Oakmont Authority today.";
		const span = (start, end, layer, ref) => ({ start, end, layer, ref, item: { id: ref, name: ref } });
		const { fragment } = renderHighlights(text, [
			span(4, 24, "organization", "e1"), span(12, 24, "issue", "i1"),
			span(33, 48, "place", "e2"), span(41, 48, "place", "e3"),
			span(41, 58, "organization", "e4"),
		]);
		const root = document.createElement("div");
		root.append(fragment);
		return `+chipsIn+`(root);
	})`)
	assert.Equal(t, []chip{{"ORG", 24}, {"ORG", 58}}, got, "after the whole council; none inside the crossing names but the last")
}

// box is an element's layout rectangle.
type box struct{ Left, Top, Right, Bottom float64 }

const boxOf = `((e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; })`

func TestChartLabelsStayInsideTheChart(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	OpenApp(t, tab, srv.URL)
	PasteArticle(t, tab, layoutArticles[0])
	check := func(t *testing.T, width int64) {
		t.Helper()
		if Eval[bool](t, tab, `!document.querySelector("#summary .chart")`) {
			return // no quotes
		}
		chart := Eval[box](t, tab, boxOf+`(document.querySelector("#summary .chart"))`)
		labels := Eval[[]box](t, tab, `[...document.querySelectorAll("#summary .bar-label")].map(`+boxOf+`)`)
		names := Eval[[]string](t, tab, `[...document.querySelectorAll("#summary .bar-label")].map((e) => e.textContent)`)
		for i, l := range labels {
			assert.True(t, l.Left >= chart.Left-0.5 && l.Right <= chart.Right+0.5 && l.Top >= chart.Top-0.5 && l.Bottom <= chart.Bottom+0.5,
				"width %d: %q at %+v is outside the chart %+v", width, names[i], l, chart)
		}
		assert.True(t, Eval[bool](t, tab, `[...document.querySelectorAll("#summary .bar-label")].every((e) => e.scrollWidth <= e.clientWidth)`), "width %d: no label overflows", width)
	}
	for _, text := range allArticles(t) {
		showArticle(t, tab, text)
		check(t, 1360)
	}
	showArticle(t, tab, layoutArticles[1])
	assert.Contains(t, Eval[[]string](t, tab, `[...document.querySelectorAll("#summary .bar-label")].map((e) => e.textContent)`), "Bartholomew Kensington-Whitaker", "names are whole")
	viewShot(t, tab, "chart-1360")
	for _, width := range []int64{900, 390} {
		require.NoError(t, chromedp.Do(tab, chromedp.EmulateViewport(width, 900)))
		time.Sleep(200 * time.Millisecond)
		check(t, width)
		viewShot(t, tab, "chart-"+JS(width))
	}
}

// A name's type tag never starts a line alone: on a phone, where lines
// break often, the tag shares the line of the name's last letter.
func TestTypeChipStaysOnTheNamesLine(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	require.NoError(t, chromedp.Do(tab, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)))
	OpenApp(t, tab, srv.URL)
	PasteArticle(t, tab, layoutArticles[0])
	checked := 0
	for i, text := range allArticles(t) {
		showArticle(t, tab, text)
		apart := Eval[[]string](t, tab, `[...document.querySelectorAll("#article .hl[data-label]:not(.hl-quote)")].flatMap((el) => {
			const last = el.lastChild;
			if (!last || last.nodeType !== Node.TEXT_NODE || !last.data.length) return [];
			const r = document.createRange();
			r.setStart(last, last.data.length - 1);
			r.setEnd(last, last.data.length);
			const letter = r.getBoundingClientRect(), boxes = el.getClientRects(), box = boxes[boxes.length - 1];
			// The tag ends the element's last box: that box holds the letter.
			return letter.bottom > box.top && letter.top < box.bottom ? [] : [el.textContent];
		})`)
		assert.Empty(t, apart, "article %d: tags on a line apart from their name", i)
		checked += Eval[int](t, tab, `document.querySelectorAll("#article .hl[data-label]:not(.hl-quote)").length`)
	}
	assert.Greater(t, checked, 50, "enough tags were checked")
}

func TestPhoneHeaderIsOneRow(t *testing.T) {
	srv := ServeDist(t)
	tab := NewTab(t)
	require.NoError(t, chromedp.Do(tab, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(3))))
	OpenApp(t, tab, srv.URL)
	PasteArticle(t, tab, layoutArticles[0])
	for _, width := range []int64{390, 600, 800} {
		require.NoError(t, chromedp.Do(tab, chromedp.EmulateViewport(width, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2))))
		time.Sleep(200 * time.Millisecond)
		header := Eval[box](t, tab, boxOf+`(document.querySelector(".topbar"))`)
		button := Eval[float64](t, tab, `document.getElementById("export-download").getBoundingClientRect().height`)
		assert.LessOrEqual(t, header.Bottom-header.Top, button+24, "width %d: one row of controls and its padding", width)
		assert.LessOrEqual(t, Eval[float64](t, tab, `document.documentElement.scrollWidth`), float64(width), "width %d: no sideways scrolling", width)
		for _, id := range []string{"to-lists", "export-download", "clear"} {
			assert.LessOrEqual(t, Eval[float64](t, tab, `document.getElementById(`+JS(id)+`).getBoundingClientRect().right`), float64(width), "width %d: %s is on screen", width, id)
		}
		viewShot(t, tab, "phone-"+JS(width))
	}

	// The lists are one tap away: the header's button scrolls to the panel.
	require.NoError(t, chromedp.Do(tab, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2))))
	Do(t, tab, chromedp.Click(`#to-lists`))
	WaitFor(t, tab, `(() => { const r = document.getElementById("panel").getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; })()`, 5*time.Second)
	viewShot(t, tab, "phone-lists")
}

// viewShot saves what the viewport shows (a full-page shot of a phone is too
// tall to look at) into ArtifactsDir.
func viewShot(t *testing.T, tab context.Context, name string) {
	t.Helper()
	saveShot(t, tab, chromedp.CaptureScreenshot(), name)
}
