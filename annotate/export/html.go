package export

import (
	"io"
	"strings"
	"unicode/utf8"

	"lede/annotate"
)

// HTML: a standalone page that looks like Lede's own and can be forwarded,
// archived and printed: the article with its highlights, each quote one
// block with its speaker's chip at the start and each name one element with
// its type's chip after it, then the summary and the lists of people, quotes
// and issues. It carries no script, and its Content-Security-Policy allows
// nothing but its own style sheet (by hash).

var htmlFormat = Format{
	Name:      "html",
	Label:     "HTML with highlights",
	MediaType: "text/html; charset=utf-8",
	Ext:       "html",
	Unit:      annotate.CodePoints,
	write:     writeHTML,
}

// htmlCSS is the export's whole style sheet; htmlCSSHash is its SHA-256 in
// base64, which the CSP names (a test checks that they agree).
const htmlCSS = `:root{--text:#1c1d21;--muted:#5b5f6a;--border:#dedbd3;--person-bg:#dbeafe;--person-line:#1d4ed8;--place-bg:#dcfce7;--place-line:#15803d;--organization-bg:#f3e8ff;--organization-line:#7e22ce;--quote-bg:#fef3c7;--quote-line:#b45309;--issue-line:#be123c;--sans:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;--serif:"Iowan Old Style",Charter,Georgia,"Times New Roman",serif}
body{font:17px/1.65 var(--serif);color:var(--text);background:#fff;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font:700 1.5rem/1.25 var(--serif);margin:0 0 .25rem}h2{font:600 .8rem/1.4 var(--sans);text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:2rem 0 .5rem}
.by,.note{font:.85rem var(--sans);color:var(--muted);margin:0}
.summary{display:flex;flex-wrap:wrap;gap:1.5rem;margin:1.25rem 0;padding:0;font-family:var(--sans)}.summary div{margin:0;display:flex;flex-direction:column-reverse}.summary dd{margin:0;font:700 1.6rem/1.1 var(--serif)}.summary dt{font-size:.75rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.legend{font:.8rem var(--sans)}.legend span{margin-right:.6rem;padding:.05rem .4rem;border-radius:3px}
.article{white-space:pre-wrap;overflow-wrap:break-word;border-top:1px solid var(--border);padding-top:1rem}
.hl{color:inherit;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.hl-person,.legend .hl-person{background:var(--person-bg);border-bottom:2px solid var(--person-line)}
.hl-place,.legend .hl-place{background:var(--place-bg);border-bottom:2px dashed var(--place-line)}
.hl-organization,.legend .hl-organization{background:var(--organization-bg);border-bottom:3px double var(--organization-line)}
.hl-quote,.legend .hl-quote{background:var(--quote-bg);box-shadow:inset 3px 0 var(--quote-line);padding-left:4px}
.hl-issue,.legend .hl-issue{text-decoration:underline dotted var(--issue-line);text-decoration-thickness:2px;text-underline-offset:3px}
.hl[data-label]::after,.hl-quote[data-speaker]::before,.chip{font:600 .62rem/1 var(--sans);letter-spacing:.03em;border-radius:3px;padding:.1rem .3rem;vertical-align:.12rem;white-space:nowrap}
.hl[data-label]::after{content:attr(data-label);margin-left:.2rem;opacity:.75}
.hl-quote[data-speaker]::before,.chip{content:attr(data-speaker);margin-right:.3rem;background:var(--quote-line);color:#fff}
table{border-collapse:collapse;width:100%;font:.9rem var(--sans)}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--border);vertical-align:top}td.n{text-align:right}
ol.quotes,ul.issues{padding-left:1.25rem}ol.quotes li,ul.issues li{margin:.4rem 0;break-inside:avoid}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr,li{break-inside:avoid}}`

const htmlCSSHash = "sha256-+SR81s8yftOGJWlyPqiR0BhYbNK2TEZmAlIae5NSFNQ="

const htmlCSP = "default-src 'none'; style-src '" + htmlCSSHash + "'; base-uri 'none'; form-action 'none'"

type htmlWriter struct{ jsonWriter }

//go:noinline
func (h *htmlWriter) text(s string) { h.b = appendHTML(h.b, s) }

// appendHTML escapes s for text and quoted attribute values.
func appendHTML(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&#34;"...)
		case '\'':
			b = append(b, "&#39;"...)
		case 0: // HTML cannot hold U+0000: parsers drop it

		default:
			b = append(b, c)
		}
	}
	return b
}

func writeHTML(w io.Writer, in *Input) error {
	doc, text := in.Doc, in.Text
	h := &htmlWriter{jsonWriter{w: w}}
	title := htmlTitle(text)
	h.raw("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"")
	h.raw(htmlCSP)
	h.raw("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"Lede\">\n<title>")
	h.text(title)
	h.raw(" · annotated with Lede</title>\n<style>")
	h.raw(htmlCSS)
	h.raw("</style>\n</head>\n<body>\n<header>\n<h1>")
	h.text(title)
	h.raw("</h1>\n<p class=\"by\">Annotated with Lede: people, places, organizations, quotes and who said them, issues.</p>\n</header>\n")
	h.summary(doc)
	h.raw("<p class=\"legend\" aria-hidden=\"true\"><span class=\"hl-person\">People</span><span class=\"hl-place\">Places</span><span class=\"hl-organization\">Organizations</span><span class=\"hl-quote\">Quotes</span><span class=\"hl-issue\">Issues</span></p>\n<div class=\"article\">")
	if err := h.article(in); err != nil {
		return err
	}
	h.raw("</div>\n")
	h.people(doc)
	h.quotes(doc)
	h.issues(doc)
	h.raw("</body>\n</html>\n")
	return h.flush(true)
}

// htmlTitle is the text's first line (its headline, usually), shortened.
func htmlTitle(text string) string {
	line := strings.TrimSpace(text)
	if i := strings.IndexAny(line, "\r\n"); i >= 0 {
		line = strings.TrimSpace(line[:i])
	}
	if len(line) > 120 {
		cut := 117
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		line = strings.TrimSpace(line[:cut]) + "…"
	}
	if line == "" {
		return "Article"
	}
	return line
}

func (h *htmlWriter) summary(doc *annotate.Document) {
	var counts [3]int
	for _, e := range doc.Entities {
		if l, ok := entityLayer(e.Type); ok {
			counts[l-personLayer]++
		}
	}
	anonymous := 0
	for _, q := range doc.Quotes {
		if q.Speaker != nil && q.Speaker.Anonymous {
			anonymous++
		}
	}
	h.raw("<dl class=\"summary\">")
	for i, label := range []string{"people", "places", "organizations", "quotes", "from unnamed sources"} {
		n := anonymous
		if i < 3 {
			n = counts[i]
		} else if i == 3 {
			n = len(doc.Quotes)
		}
		h.raw("<div><dt>")
		h.raw(label)
		h.raw("</dt><dd>")
		h.int(n)
		h.raw("</dd></div>")
	}
	h.raw("</dl>\n")
	if len(doc.Issues) > 0 {
		h.raw("<p class=\"note\">Issues: ")
		for i, is := range doc.Issues[:min(3, len(doc.Issues))] {
			if i > 0 {
				h.raw(", ")
			}
			h.text(is.Label)
		}
		h.raw("</p>\n")
	}
}

// open is a span whose element is open, and where it closes.
type openSpan struct {
	end int
	tag string
}

// article writes the text with one element per span. Spans nest (a quote
// holds names, a name may hold issue words); a span that would cross the end
// of the one around it is cut there, so no element is ever split.
func (h *htmlWriter) article(in *Input) error {
	doc, text := in.Doc, in.Text
	spans := in.spans()
	labelled := make([]bool, len(doc.Entities))
	var stack []openSpan
	pos := 0
	closeTo := func(limit int) {
		for len(stack) > 0 && stack[len(stack)-1].end <= limit {
			top := stack[len(stack)-1]
			h.text(text[pos:top.end])
			pos = top.end
			h.raw("</")
			h.raw(top.tag)
			h.raw(">")
			stack = stack[:len(stack)-1]
		}
	}
	for i, s := range spans {
		closeTo(s.start)
		end := s.end
		if len(stack) > 0 {
			end = min(end, stack[len(stack)-1].end)
		}
		if end <= s.start || s.start < pos {
			continue
		}
		h.text(text[pos:s.start])
		pos = s.start
		tag := "span"
		h.raw("<")
		switch s.layer {
		case quoteLayer:
			q := &doc.Quotes[s.item]
			h.raw("span class=\"hl hl-quote\"")
			title := "Quote"
			if sp := q.Speaker; sp != nil && sp.Name != "" {
				h.raw(" data-speaker=\"")
				h.text(sp.Name)
				h.raw("\"")
				title = "Quote: " + sp.Name
				if sp.Anonymous {
					title += " (unnamed source)"
				}
			}
			h.raw(" title=\"")
			h.text(title)
			h.raw("\"")
		case issueLayer:
			is := &doc.Issues[s.item]
			h.raw("span class=\"hl hl-issue\" title=\"Issue: ")
			h.text(is.Label)
			if is.ParentLabel != "" {
				h.text(" (" + is.ParentLabel + ")")
			}
			h.raw("\"")
		default:
			e := &doc.Entities[s.item]
			tag = "mark"
			h.raw("mark class=\"hl hl-")
			h.raw(s.layer.String())
			h.raw("\"")
			if !labelled[s.item] {
				labelled[s.item] = true
				h.raw(" data-label=\"")
				h.raw(chips[s.layer])
				h.raw("\"")
			}
			h.raw(" title=\"")
			h.text(e.Name)
			if e.Role != "" {
				h.text(", " + e.Role)
			}
			h.raw("\"")
		}
		h.raw(">")
		stack = append(stack, openSpan{end, tag})
		in.progress(i+1, len(spans))
		if err := h.flush(false); err != nil {
			return err
		}
	}
	closeTo(len(text))
	h.text(text[pos:])
	return nil
}

func (h *htmlWriter) people(doc *annotate.Document) {
	quotes := make(map[string]int)
	for _, q := range doc.Quotes {
		if q.Speaker != nil && q.Speaker.Entity != "" {
			quotes[q.Speaker.Entity]++
		}
	}
	first := true
	for _, e := range doc.Entities {
		if e.Type != annotate.Person {
			continue
		}
		if first {
			h.raw("<h2>People</h2>\n<table class=\"people\">\n<thead><tr><th>Name</th><th>Role</th><th>Mentions</th><th>Quotes</th></tr></thead>\n<tbody>\n")
			first = false
		}
		h.raw("<tr><td>")
		h.text(e.Name)
		h.raw("</td><td>")
		h.text(e.Role)
		h.raw("</td><td class=\"n\">")
		h.int(len(e.Mentions))
		h.raw("</td><td class=\"n\">")
		h.int(quotes[e.ID])
		h.raw("</td></tr>\n")
	}
	if !first {
		h.raw("</tbody>\n</table>\n")
	}
}

func (h *htmlWriter) quotes(doc *annotate.Document) {
	h.list("Quotes", "ol", "quotes", len(doc.Quotes), func(i int) {
		q := doc.Quotes[i]
		if sp := q.Speaker; sp != nil && sp.Name != "" {
			h.span("chip", sp.Name)
			h.raw(" ")
			if sp.Anonymous {
				h.span("note", "unnamed source")
				h.raw(" ")
			}
		} else {
			h.span("note", "speaker unknown")
			h.raw(" ")
		}
		h.text(q.Text)
	})
}

func (h *htmlWriter) issues(doc *annotate.Document) {
	h.list("Issues", "ul", "issues", len(doc.Issues), func(i int) {
		is := doc.Issues[i]
		h.text(is.Label)
		if is.ParentLabel != "" {
			h.raw(" ")
			h.span("note", is.ParentLabel)
		}
	})
}

// list writes a section of the summary: its heading and a list (tag ol or
// ul, of class) of n items, each written by item; nothing when n is 0.
func (h *htmlWriter) list(heading, tag, class string, n int, item func(i int)) {
	if n == 0 {
		return
	}
	h.raw("<h2>" + heading + "</h2>\n<" + tag + " class=\"" + class + "\">\n")
	for i := range n {
		h.raw("<li>")
		item(i)
		h.raw("</li>\n")
	}
	h.raw("</" + tag + ">\n")
}

// span writes text in a span of class.
func (h *htmlWriter) span(class, text string) {
	h.raw("<span class=\"")
	h.raw(class)
	h.raw("\">")
	h.text(text)
	h.raw("</span>")
}
