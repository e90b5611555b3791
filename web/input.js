// Getting an article in: pasted rich text, dropped or opened files. Markup is
// reduced to plain text with paragraphs kept and is never rendered: HTML is
// parsed by DOMParser into an inert document (no scripts run, no images load)
// and only its text nodes are read.

const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER",
  "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "OL", "P", "PRE", "SECTION", "TABLE", "TR", "UL",
]);
// The <lede-annotator> element is skipped too: a component reading its own
// children must not read what it rendered.
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "SVG", "HEAD", "TITLE", "LEDE-ANNOTATOR"]);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** htmlToText returns the text of an HTML string, one paragraph per block. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  return nodeText(doc.body || doc.documentElement);
}

/**
 * nodeText returns what a reader sees of a node's children: runs of white
 * space collapsed, line breaks kept, one paragraph per block element, the
 * paragraphs separated by blank lines. It reads only nodeType, nodeName,
 * data, textContent, firstChild and nextSibling, so it works on any tree of
 * that shape (the page's pastes, the web component's children, tests).
 */
export function nodeText(root) {
  const out = [];
  const walk = (node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      const name = String(n.nodeName).toUpperCase(); // XHTML and SVG names keep their case
      if (n.nodeType === TEXT_NODE) {
        out.push(n.data.replace(/\s+/g, " "));
      } else if (name === "BR") {
        out.push("\n");
      } else if (n.nodeType === ELEMENT_NODE && !SKIPPED.has(name)) {
        const block = BLOCKS.has(name);
        if (block) out.push("\n\n");
        if (name === "PRE") out.push(n.textContent);
        else walk(n);
        if (block) out.push("\n\n");
      }
    }
  };
  walk(root);
  return out
    .join("")
    .split(/\n{2,}/)
    .map((p) => p.replace(/[ \t]+/g, " ").replace(/ ?\n ?/g, "\n").trim())
    .filter(Boolean)
    .join("\n\n");
}

/** markdownToText drops Markdown syntax that is not part of the prose. */
export function markdownToText(md) {
  return md
    .replace(/^```.*$/gm, "")
    .replace(/^\s{0,3}#{1,6}\s+/gm, "")
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/^\s{0,3}([-*+]|\d+\.)\s+/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1");
}

/** clipboardText reads a paste: rich text reduced to text, else plain text. */
export function clipboardText(data) {
  const html = data.getData("text/html");
  if (html && html.trim()) return htmlToText(html);
  return data.getData("text/plain");
}

const READERS = [
  { test: /\.(html?|xhtml)$/i, mime: /html/, read: htmlToText },
  { test: /\.(md|markdown)$/i, mime: /markdown/, read: markdownToText },
  { test: /\.(txt|text)$/i, mime: /^text\//, read: (s) => s },
];

/** fileText reads a dropped or opened file; it rejects other types. */
export async function fileText(file) {
  const reader = READERS.find((r) => r.test.test(file.name)) || READERS.find((r) => r.mime.test(file.type));
  if (!reader) throw new Error(`${file.name}: Lede opens .txt, .md and .html files`);
  return reader.read(await file.text());
}

/** normalizeNewlines keeps offsets stable whatever the source's line ends. */
export const normalizeNewlines = (s) => s.replace(/\r\n?/g, "\n");
