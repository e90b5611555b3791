// Exports: the document in five formats, each a pure function of the text and
// the document so the page can copy or download it and tests can check it.
// Formats are a registry: a new one is one entry here.
//
// Web Annotation and brat count characters as Unicode code points, while the
// document's offsets are UTF-16 code units; codePoints() converts them.

import { LAYERS, layerByKey, spans, speakerName, isAnonymous, wordCount } from "./layers.js";
import { renderHighlights, describe } from "./render.js";

export const FORMATS = [
  { key: "json", label: "JSON (document)", ext: "json", mime: "application/json", build: (text, doc) => JSON.stringify(doc, null, 2) },
  { key: "webanno", label: "Web Annotation (JSON-LD)", ext: "jsonld", mime: "application/ld+json", build: webAnnotation },
  { key: "html", label: "Annotated HTML", ext: "html", mime: "text/html", build: annotatedHTML },
  { key: "csv", label: "Quotes (CSV)", ext: "csv", mime: "text/csv", build: quotesCSV },
  { key: "brat", label: "brat standoff (.ann)", ext: "ann", mime: "text/plain", build: brat },
];

/** exportAs returns {content, filename, mime} for format key. */
export async function exportAs(key, text, doc) {
  const f = FORMATS.find((x) => x.key === key);
  if (!f) throw new Error(`unknown export format ${key}`);
  const content = await f.build(text, doc);
  return { content, filename: `${slug(text)}.${f.ext}`, mime: `${f.mime};charset=utf-8` };
}

function slug(text) {
  const words = text.slice(0, 200).trim().split(/\s+/).slice(0, 6).join("-").toLowerCase();
  const s = words.normalize("NFKD").replace(/[^a-z0-9-]+/g, "").replace(/-+/g, "-").replace(/^-|-$/g, "");
  return `lede-${s || "article"}`;
}

/** codePoints maps UTF-16 offsets of text to code-point offsets. */
export function codePoints(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) cp++;
  }
  map[text.length] = cp;
  return (i) => map[i];
}

const isHighSurrogate = (c) => c >= 0xd800 && c <= 0xdbff;

async function sourceId(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return `urn:sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

const CONTEXT = 32;
const IPTC = "http://cv.iptc.org/newscodes/mediatopic/";

async function webAnnotation(text, doc) {
  const source = await sourceId(text);
  const cp = codePoints(text);
  const items = spans(doc, text.length).map((s, i) => ({
    id: `urn:lede:annotation:${i + 1}`,
    type: "Annotation",
    motivation: s.layer === "issue" ? "classifying" : s.layer === "quote" ? "describing" : "identifying",
    body: bodies(s),
    target: {
      source,
      selector: [
        {
          type: "TextQuoteSelector",
          exact: text.slice(s.start, s.end),
          prefix: text.slice(Math.max(0, s.start - CONTEXT), s.start),
          suffix: text.slice(s.end, s.end + CONTEXT),
        },
        { type: "TextPositionSelector", start: cp(s.start), end: cp(s.end) },
      ],
    },
  }));
  const collection = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "AnnotationCollection",
    label: "Lede annotations",
    generator: { type: "Software", name: "Lede" },
    total: items.length,
    first: { type: "AnnotationPage", startIndex: 0, items },
  };
  return JSON.stringify(collection, null, 2);
}

const textBody = (purpose, value) => ({ type: "TextualBody", purpose, value, format: "text/plain" });

function bodies(s) {
  const item = s.item;
  if (s.layer === "quote") {
    const out = [textBody("tagging", "quote"), textBody("identifying", speakerName(item))];
    if (isAnonymous(item) && item.speaker) out.push(textBody("tagging", "anonymous source"));
    return out;
  }
  if (s.layer === "issue") {
    const code = String(item.id).replace(/^medtop:/, "");
    return [{ type: "SpecificResource", purpose: "classifying", source: IPTC + code }, textBody("tagging", item.label)];
  }
  const out = [textBody("tagging", s.layer), textBody("identifying", item.name)];
  if (item.role) out.push(textBody("describing", item.role));
  return out;
}

// EXPORT_CSS styles the standalone HTML file; it carries no script at all.
const EXPORT_CSS = `
body{font:17px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1c1c1c;background:#fff}
h1{font:600 1.2rem system-ui,sans-serif}.legend span{font:.8rem system-ui,sans-serif;margin-right:.8rem;padding:.1rem .4rem;border-radius:3px}
.article{white-space:pre-wrap}mark{color:inherit;background:none;padding:0 1px;border-radius:2px}
.hl-person{background:#dbeafe;border-bottom:2px solid #1d4ed8}.hl-place{background:#dcfce7;border-bottom:2px dashed #15803d}
.hl-organization{background:#f3e8ff;border-bottom:3px double #7e22ce}.hl-quote{background:#fef3c7;box-shadow:inset 3px 0 #b45309}
.hl-issue{text-decoration:underline wavy #be123c;text-decoration-thickness:1px;text-underline-offset:3px}
[data-label]::after{content:attr(data-label);font:600 .6rem system-ui,sans-serif;margin-left:.25rem;vertical-align:.15rem;opacity:.8}`;

function annotatedHTML(text, doc) {
  const out = document.implementation.createHTMLDocument("Lede: annotated article");
  const meta = out.createElement("meta");
  meta.setAttribute("charset", "utf-8");
  const csp = out.createElement("meta");
  csp.httpEquiv = "Content-Security-Policy";
  csp.content = "default-src 'none'; style-src 'unsafe-inline'";
  const style = out.createElement("style");
  style.textContent = EXPORT_CSS;
  out.head.prepend(meta, csp);
  out.head.append(style);
  const h1 = out.createElement("h1");
  h1.textContent = "Annotated with Lede";
  const legend = out.createElement("p");
  legend.className = "legend";
  for (const l of LAYERS) {
    const chip = out.createElement("span");
    chip.className = `hl-${l.key}`;
    chip.textContent = l.label;
    legend.append(chip);
  }
  const article = out.createElement("div");
  article.className = "article";
  const { fragment, byRef } = renderHighlights(text, spans(doc, text.length), out);
  article.append(fragment);
  const items = new Map([...byRef].map(([ref, list]) => [ref, { layer: list[0].layer, item: list[0].item }]));
  for (const list of byRef.values()) {
    for (const s of list) {
      for (const e of s.els) e.title = describe(e, items, article).map((d) => d.title).join(" / ");
    }
  }
  out.body.append(h1, legend, article);
  return `<!doctype html>\n${out.documentElement.outerHTML}\n`;
}

function csvCell(v) {
  let s = String(v);
  // A leading = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function quotesCSV(text, doc) {
  const rows = [["id", "start", "end", "speaker", "speaker_entity", "anonymous", "partial", "words", "text"]];
  for (const q of doc.quotes || []) {
    rows.push([q.id, q.start, q.end, speakerName(q), (q.speaker && q.speaker.entity) || "", isAnonymous(q) && q.speaker ? "yes" : "no", q.partial ? "yes" : "no", wordCount(q.text), text.slice(q.start, q.end)]);
  }
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

// brat spans may not cross a line break: a span that does is written as
// fragments "start end;start end", each trimmed of surrounding spaces.
function bratFragments(text, start, end) {
  const parts = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === "\n") {
      const piece = text.slice(from, i);
      const lead = piece.length - piece.trimStart().length;
      const trail = piece.length - piece.trimEnd().length;
      if (from + lead < i - trail) parts.push([from + lead, i - trail]);
      from = i + 1;
    }
  }
  return parts;
}

// brat writes one T line per span (with the canonical name or issue label as
// an annotator note), a Speaker relation from each quote to the first
// mention of its speaker, and an Anonymous attribute for unnamed sources.
function brat(text, doc) {
  const cp = codePoints(text);
  const lines = [];
  const firstMention = new Map();
  const quoteSpan = new Map();
  const n = { T: 0, note: 0, R: 0, A: 0 };
  const note = (id, value) => lines.push(`#${++n.note}\tAnnotatorNotes ${id}\t${value.replace(/\s+/g, " ")}`);
  for (const s of spans(doc, text.length)) {
    const parts = bratFragments(text, s.start, s.end);
    if (parts.length === 0) continue;
    const id = `T${++n.T}`;
    const offsets = parts.map(([a, b]) => `${cp(a)} ${cp(b)}`).join(";");
    const surface = parts.map(([a, b]) => text.slice(a, b)).join(" ");
    lines.push(`${id}\t${layerByKey.get(s.layer).one} ${offsets}\t${surface}`);
    if (s.layer === "quote") quoteSpan.set(s.ref, id);
    else {
      if (!firstMention.has(s.ref)) firstMention.set(s.ref, id);
      note(id, s.layer === "issue" ? `${s.item.label} (${s.item.id})` : s.item.name);
    }
  }
  for (const q of doc.quotes || []) {
    const id = quoteSpan.get(q.id);
    if (!id || !q.speaker) continue;
    const speaker = firstMention.get(q.speaker.entity);
    if (speaker) lines.push(`R${++n.R}\tSpeaker Arg1:${id} Arg2:${speaker}`);
    else note(id, `speaker: ${speakerName(q)}`);
    if (isAnonymous(q)) lines.push(`A${++n.A}\tAnonymous ${id}`);
  }
  return lines.length ? lines.join("\n") + "\n" : "";
}
