//go:build browser

package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"lede/annotate/export"
)

// AllowDownloads lets the tab save files into a new temporary folder, which
// it returns, and report their progress to Download.
func AllowDownloads(t testing.TB, tab context.Context) string {
	t.Helper()
	dir := t.TempDir()
	_, err := chromedp.CallBrowser(tab, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: new(true),
	})
	require.NoError(t, err)
	return dir
}

// Download picks an export format, clicks Download and returns the file,
// which the worker writes through the Go export registry.
func Download(t testing.TB, tab context.Context, dir, format string) []byte {
	t.Helper()
	events := chromedp.BrowserEvents(tab, browser.DownloadProgress)
	Do(t, tab,
		chromedp.SetValue(chromedp.ID("export-format"), format),
		chromedp.Click(chromedp.ID("export-download")),
	)
	deadline, cancel := context.WithTimeout(tab, 20*time.Second)
	defer cancel()
	for ev, err := range events {
		require.NoError(t, err)
		if deadline.Err() != nil {
			t.Fatalf("the %s download did not finish", format)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			b, err := os.ReadFile(filepath.Join(dir, ev.GUID))
			require.NoError(t, err)
			return b
		}
	}
	t.Fatalf("no %s download", format)
	return nil
}

// utf16Slice is JavaScript's text.slice(start, end).
func utf16Slice(units []uint16, start, end int) string {
	return string(utf16.Decode(units[start:end]))
}

type span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type exportedDoc struct {
	Offsets  string `json:"offsets"`
	Text     string `json:"text"`
	Entities []struct {
		Type     string `json:"type"`
		Mentions []span `json:"mentions"`
	} `json:"entities"`
	Quotes []span `json:"quotes"`
	Issues []struct {
		Mentions []span `json:"mentions"`
	} `json:"issues"`
}

// TestExports downloads every format of the menu, which lists the Go
// registry: each is the bytes package export writes for the article (and so
// the CLI and the API), and opens in the tool it targets.
func TestExports(t *testing.T) {
	seed := SeedArticle(t)
	srv := ServeDist(t)
	tab := NewTab(t)
	dir := AllowDownloads(t, tab)
	OpenApp(t, tab, srv.URL)
	PasteArticle(t, tab, seed)
	units := utf16.Encode([]rune(seed))
	runes := []rune(seed)

	var menu []string
	require.NoError(t, json.Unmarshal([]byte(Eval[string](t, tab, `JSON.stringify([...document.querySelectorAll("#export-format option")].map((o) => o.value))`)), &menu))
	var names []string
	for _, f := range export.Formats() {
		names = append(names, f.Name)
	}
	assert.Equal(t, names, menu, "the menu lists the registry")

	downloads := map[string][]byte{}
	for _, f := range export.Formats() {
		t.Run("same bytes as the library: "+f.Name, func(t *testing.T) {
			got := Download(t, tab, dir, f.Name)
			downloads[f.Name] = got
			var want bytes.Buffer
			require.NoError(t, export.Write(&want, f, seed, export.Options{}))
			assert.True(t, bytes.Equal(want.Bytes(), got), "the page's %s export differs from the CLI's and the API's", f.Name)
		})
	}

	var doc exportedDoc
	t.Run("json", func(t *testing.T) {
		require.NoError(t, json.Unmarshal(downloads["json"], &doc))
		assert.Equal(t, "utf16", doc.Offsets)
		assert.Equal(t, seed, doc.Text, "the JSON carries its text")
		require.NotEmpty(t, doc.Entities)
		require.NotEmpty(t, doc.Quotes)
		spans := doc.Quotes
		for _, e := range doc.Entities {
			spans = append(spans, e.Mentions...)
		}
		for _, is := range doc.Issues {
			spans = append(spans, is.Mentions...)
		}
		for _, s := range spans {
			assert.Equal(t, s.Text, utf16Slice(units, s.Start, s.End))
		}
	})

	t.Run("web annotation", func(t *testing.T) {
		var collection struct {
			Context string `json:"@context"`
			ID      string `json:"id"`
			Total   int    `json:"total"`
			First   struct {
				ID    string `json:"id"`
				Items []struct {
					ID     string `json:"id"`
					Type   string `json:"type"`
					Target struct {
						Selector []struct {
							Type  string `json:"type"`
							Exact string `json:"exact"`
							Start *int   `json:"start"`
							End   *int   `json:"end"`
						} `json:"selector"`
					} `json:"target"`
				} `json:"items"`
			} `json:"first"`
		}
		require.NoError(t, json.Unmarshal(downloads["webannotation"], &collection))
		assert.Equal(t, "http://www.w3.org/ns/anno.jsonld", collection.Context)
		assert.NotEmpty(t, collection.ID)
		assert.NotEmpty(t, collection.First.ID)
		require.NotEmpty(t, collection.First.Items)
		assert.Len(t, collection.First.Items, collection.Total)
		ids := map[string]bool{}
		for _, a := range collection.First.Items {
			assert.Equal(t, "Annotation", a.Type)
			assert.False(t, ids[a.ID], "ids are unique")
			ids[a.ID] = true
			byType := map[string]int{}
			exact := ""
			for i, s := range a.Target.Selector {
				byType[s.Type] = i
				if s.Type == "TextQuoteSelector" {
					exact = s.Exact
				}
			}
			require.Contains(t, byType, "TextQuoteSelector")
			require.Contains(t, byType, "TextPositionSelector")
			pos := a.Target.Selector[byType["TextPositionSelector"]]
			require.NotNil(t, pos.Start)
			// Web Annotation positions count code points.
			assert.Equal(t, exact, string(runes[*pos.Start:*pos.End]))
		}
	})

	t.Run("csv", func(t *testing.T) {
		rows, err := csv.NewReader(bytes.NewReader(downloads["csv"])).ReadAll()
		require.NoError(t, err)
		require.Len(t, rows, len(doc.Quotes)+1)
		assert.Equal(t, []string{"id", "start_codepoint", "end_codepoint", "speaker"}, rows[0][:4])
		for i, q := range doc.Quotes {
			row := rows[i+1]
			start, _ := strconv.Atoi(row[1])
			end, _ := strconv.Atoi(row[2])
			assert.Equal(t, q.Text, row[len(row)-1])
			assert.Equal(t, q.Text, string(runes[start:end]))
			assert.NotEqual(t, "Unattributed", row[3])
		}
	})

	t.Run("entities csv", func(t *testing.T) {
		rows, err := csv.NewReader(bytes.NewReader(downloads["entities-csv"])).ReadAll()
		require.NoError(t, err)
		require.Len(t, rows, len(doc.Entities)+1)
		assert.Equal(t, []string{"id", "type", "name", "role", "gender", "mentions"}, rows[0][:6])
	})

	t.Run("brat", func(t *testing.T) {
		b := downloads["brat"]
		z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		require.NoError(t, err)
		files := map[string]string{}
		for _, f := range z.File {
			r, err := f.Open()
			require.NoError(t, err)
			var content bytes.Buffer
			_, err = content.ReadFrom(r)
			require.NoError(t, err)
			files[path.Ext(f.Name)] = content.String()
		}
		assert.Equal(t, seed, files[".txt"], "the bundle carries the exact text")
		assert.Contains(t, files[".conf"], "[entities]")
		textBound := 0
		for _, line := range strings.Split(strings.TrimSpace(files[".ann"]), "\n") {
			if !strings.HasPrefix(line, "T") {
				continue
			}
			textBound++
			fields := strings.Split(line, "\t")
			require.Len(t, fields, 3, line)
			typeAndOffsets := strings.Fields(fields[1])
			if len(typeAndOffsets) != 3 {
				continue // a span split at a line break
			}
			start, _ := strconv.Atoi(typeAndOffsets[1])
			end, _ := strconv.Atoi(typeAndOffsets[2])
			assert.Equal(t, fields[2], string(runes[start:end]), line)
		}
		assert.Positive(t, textBound)
	})

	t.Run("copy", func(t *testing.T) {
		Do(t, tab, chromedp.SetValue(chromedp.ID("export-format"), "csv"), chromedp.Click(chromedp.ID("export-copy")))
		WaitFor(t, tab, `!document.getElementById("toast").hidden`, 5*time.Second)
		assert.Contains(t, Eval[string](t, tab, `document.getElementById("toast").textContent`), "Copied")
	})

	t.Run("html reopens", func(t *testing.T) {
		file := filepath.Join(dir, "export.html")
		require.NoError(t, os.WriteFile(file, downloads["html"], 0o644))
		Do(t, tab, chromedp.Navigate("file://"+file))
		assert.Equal(t, seed, Eval[string](t, tab, `document.querySelector(".article").textContent`))
		assert.Positive(t, Eval[int](t, tab, `document.querySelectorAll(".article .hl-person").length`))
		assert.Zero(t, Eval[int](t, tab, `document.scripts.length`))
		// Every quote is one block, whole, with its speaker's chip first.
		var quotes []string
		require.NoError(t, json.Unmarshal([]byte(Eval[string](t, tab, `JSON.stringify([...document.querySelectorAll(".article .hl-quote")].map((q) => q.textContent))`)), &quotes))
		require.Len(t, quotes, len(doc.Quotes), "one block per quote")
		for i, q := range doc.Quotes {
			assert.Equal(t, q.Text, quotes[i])
		}
		chip := Eval[string](t, tab, `(() => { const q = document.querySelector(".article .hl-quote[data-speaker]"); return q ? getComputedStyle(q, "::before").content : "" })()`)
		assert.NotEqual(t, "none", chip)
		assert.NotEmpty(t, chip, "the speaker chip is drawn before the quote")
		// Names are whole: the type chip follows the name, never cuts it.
		assert.Zero(t, Eval[int](t, tab, `[...document.querySelectorAll(".article mark")].filter((m) => m.querySelector("mark")).length`))
		assert.Positive(t, Eval[int](t, tab, `document.querySelectorAll("table.people tbody tr").length`))
		assert.Equal(t, len(doc.Quotes), Eval[int](t, tab, `document.querySelectorAll("ol.quotes li").length`))
	})
}
