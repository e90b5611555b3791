//go:build browser

package e2e

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
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

// Download picks an export format, clicks Download and returns the file.
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
	Entities []struct {
		Type     string `json:"type"`
		Mentions []span `json:"mentions"`
	} `json:"entities"`
	Quotes []span `json:"quotes"`
	Issues []struct {
		Mentions []span `json:"mentions"`
	} `json:"issues"`
}

func TestExports(t *testing.T) {
	seed := SeedArticle(t)
	srv := ServeDist(t)
	tab := NewTab(t)
	dir := AllowDownloads(t, tab)
	OpenApp(t, tab, srv.URL)
	PasteArticle(t, tab, seed)
	units := utf16.Encode([]rune(seed))
	runes := []rune(seed)

	var doc exportedDoc
	t.Run("json", func(t *testing.T) {
		require.NoError(t, json.Unmarshal(Download(t, tab, dir, "json"), &doc))
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
			Total   int    `json:"total"`
			First   struct {
				Items []struct {
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
		require.NoError(t, json.Unmarshal(Download(t, tab, dir, "webanno"), &collection))
		assert.Equal(t, "http://www.w3.org/ns/anno.jsonld", collection.Context)
		require.NotEmpty(t, collection.First.Items)
		assert.Len(t, collection.First.Items, collection.Total)
		for _, a := range collection.First.Items {
			assert.Equal(t, "Annotation", a.Type)
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
		rows, err := csv.NewReader(strings.NewReader(string(Download(t, tab, dir, "csv")))).ReadAll()
		require.NoError(t, err)
		require.Len(t, rows, len(doc.Quotes)+1)
		assert.Equal(t, "speaker", rows[0][3])
		for i, q := range doc.Quotes {
			assert.Equal(t, q.Text, rows[i+1][len(rows[i+1])-1])
		}
	})

	t.Run("brat", func(t *testing.T) {
		lines := strings.Split(strings.TrimSpace(string(Download(t, tab, dir, "brat"))), "\n")
		textBound := 0
		for _, line := range lines {
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
		require.NoError(t, os.WriteFile(file, Download(t, tab, dir, "html"), 0o644))
		Do(t, tab, chromedp.Navigate("file://"+file))
		assert.Equal(t, seed, Eval[string](t, tab, `document.querySelector(".article").textContent`))
		assert.Positive(t, Eval[int](t, tab, `document.querySelectorAll(".article .hl-person").length`))
		assert.Zero(t, Eval[int](t, tab, `document.scripts.length`))
	})
}
