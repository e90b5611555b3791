// <lede-annotator>: highlights the people, places, organizations, quotes and
// issues of an article inside any page, with one script tag:
//
//   <script type="module" src="https://lede.example/lede-annotator.js"></script>
//   <lede-annotator layers="entities quotes" theme="auto">
//     <p>Article text…</p>
//   </lede-annotator>
//
// It annotates the text of its children, or of the element whose id is in
// its `for` attribute (a textarea, an input or any element), and follows
// their edits. It renders into its own shadow root with its own styles (a
// constructed stylesheet, so a strict CSP on the host page needs no
// 'unsafe-inline'), builds the DOM from text nodes only, and dispatches
// `lede-annotated` (detail: the document) or `lede-error` (detail:
// {message}). Defining the element is its only global effect.

import { annotate } from "./lede.js";

const TAG = "lede-annotator";
const LAYERS = ["entities", "quotes", "issues"];
// Edits are annotated once the writer pauses, not on every keystroke.
const EDIT_DELAY_MS = 400;

// Colours follow the host page's scheme, or the theme attribute
// (light|dark|auto); hosts may override them with --lede-* properties.
const STYLES = `
:host { display: block; line-height: 1.6; color-scheme: light dark;
  --person: var(--lede-person, light-dark(#dbeafe, #1e3a5f)); --person-edge: light-dark(#2563eb, #60a5fa);
  --place: var(--lede-place, light-dark(#dcfce7, #14412a)); --place-edge: light-dark(#16a34a, #4ade80);
  --organization: var(--lede-organization, light-dark(#fef3c7, #4a3510)); --organization-edge: light-dark(#d97706, #fbbf24);
  --quote: var(--lede-quote, light-dark(#f3e8ff, #3b2452));
  --issue-edge: light-dark(#64748b, #94a3b8); }
:host([hidden]) { display: none; }
:host([theme="light"]) { color-scheme: light; }
:host([theme="dark"]) { color-scheme: dark; }
:host([theme]) { color: light-dark(#1d1f23, #e6e6e6); background: light-dark(#ffffff, #16181d); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
mark { color: inherit; background: none; border-radius: 2px; }
mark.quote { background: var(--quote); }
mark.issue { text-decoration: underline dotted var(--issue-edge); text-underline-offset: 3px; }
mark.person { background: var(--person); border-bottom: 2px solid var(--person-edge); }
mark.place { background: var(--place); border-bottom: 2px solid var(--place-edge); }
mark.organization { background: var(--organization); border-bottom: 2px solid var(--organization-edge); }
.status { font-size: 0.85em; opacity: 0.75; margin: 0 0 0.5em; }
.status:empty { display: none; }
.status.error { color: light-dark(#b91c1c, #f87171); opacity: 1; }
.issues { display: flex; flex-wrap: wrap; gap: 0.4em; margin: 0.75em 0 0; padding: 0; list-style: none; font-size: 0.85em; }
.issues:empty { display: none; }
.issues li { border: 1px solid var(--issue-edge); border-radius: 999px; padding: 0 0.6em; }
`;

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

class LedeAnnotator extends HTMLElement {
  static observedAttributes = ["for", "layers"];

  #status;
  #text;
  #issues;
  #observer = new MutationObserver(() => this.#schedule(EDIT_DELAY_MS));
  #source = null;
  #onInput = () => this.#schedule(EDIT_DELAY_MS);
  #timer = 0;
  #generation = 0;
  #lastRequest = "";
  #result = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [styleSheet()];
    this.#status = element("p", "status", { role: "status", part: "status" });
    this.#text = element("div", "text", { part: "text" });
    this.#issues = element("ul", "issues", { part: "issues", "aria-label": "Issues" });
    root.append(this.#status, this.#text, this.#issues);
  }

  /** The last document, or null before the first annotation. */
  get result() {
    return this.#result;
  }

  connectedCallback() {
    this.#bind();
    this.#schedule(0);
  }

  disconnectedCallback() {
    this.#unbind();
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.isConnected || oldValue === newValue) return;
    if (name === "for") {
      this.#unbind();
      this.#bind();
    }
    this.#schedule(0);
  }

  /** Annotates the text again now. */
  refresh() {
    this.#lastRequest = "";
    this.#schedule(0);
  }

  #layers() {
    const asked = (this.getAttribute("layers") || "").split(/[\s,]+/).filter((l) => LAYERS.includes(l));
    return asked.length ? asked : LAYERS;
  }

  #bind() {
    const id = this.getAttribute("for");
    this.#source = id ? this.getRootNode().getElementById?.(id) ?? document.getElementById(id) : this;
    if (!this.#source) return;
    this.#observer.observe(this.#source, { childList: true, subtree: true, characterData: true });
    if (this.#source !== this) this.#source.addEventListener("input", this.#onInput);
  }

  #unbind() {
    this.#observer.disconnect();
    this.#source?.removeEventListener("input", this.#onInput);
    this.#source = null;
  }

  #schedule(delay) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#run(), delay);
  }

  async #run() {
    if (!this.#source) {
      this.#fail(`no element with id "${this.getAttribute("for")}" to annotate`);
      return;
    }
    const text = sourceText(this.#source);
    const layers = this.#layers();
    const request = JSON.stringify([text, layers]);
    if (request === this.#lastRequest) return;
    this.#lastRequest = request;
    const generation = ++this.#generation;
    this.#status.className = "status";
    this.#status.textContent = "Annotating…";
    let doc;
    try {
      doc = await annotate(text, { offsets: "utf16", layers });
    } catch (err) {
      if (generation !== this.#generation) return;
      this.#lastRequest = ""; // so that the next edit tries again
      this.#fail(err.message || String(err));
      return;
    }
    // A newer edit started while this one ran: its answer wins.
    if (generation !== this.#generation) return;
    this.#result = doc;
    this.#status.textContent = "";
    this.#text.replaceChildren(highlight(text, spansOf(doc, layers)));
    this.#issues.replaceChildren(...(layers.includes("issues") ? doc.issues.map((i) => element("li", "", { title: i.id }, i.label)) : []));
    this.dispatchEvent(new CustomEvent("lede-annotated", { detail: doc, bubbles: true, composed: true }));
  }

  #fail(message) {
    this.#status.className = "status error";
    this.#status.textContent = `Lede: ${message}`;
    this.dispatchEvent(new CustomEvent("lede-error", { detail: { message }, bubbles: true, composed: true }));
  }
}

// sourceText reads what a reader sees: a form field's value, or the text of
// the element with its paragraphs separated by blank lines.
function sourceText(source) {
  if (source instanceof HTMLTextAreaElement || source instanceof HTMLInputElement) return source.value;
  const paragraphs = [];
  let current = "";
  const flush = () => {
    const p = current.replace(/\s+/g, " ").trim();
    if (p) paragraphs.push(p);
    current = "";
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        current += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE && !SKIPPED.has(child.localName)) {
        const block = BLOCKS.has(child.localName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(source);
  flush();
  return paragraphs.join("\n\n");
}

const SKIPPED = new Set(["script", "style", "template", "noscript", "lede-annotator"]);
const BLOCKS = new Set(["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "section", "article", "header", "footer", "figcaption", "tr", "dd", "dt"]);

// spansOf lists the highlighted spans of the chosen layers, each with the
// classes and hover text of its mark.
function spansOf(doc, layers) {
  const spans = [];
  if (layers.includes("entities")) {
    for (const e of doc.entities) {
      for (const m of e.mentions) spans.push({ start: m.start, end: m.end, kind: e.type, title: `${e.name} (${e.type})`, data: { entity: e.id } });
    }
  }
  if (layers.includes("quotes")) {
    for (const q of doc.quotes) {
      const who = q.speaker ? `quote by ${q.speaker.name}` : "quote, speaker unknown";
      spans.push({ start: q.start, end: q.end, kind: "quote", title: who, data: { quote: q.id, speaker: q.speaker?.entity || "" } });
    }
  }
  if (layers.includes("issues")) {
    for (const i of doc.issues) {
      for (const m of i.mentions) spans.push({ start: m.start, end: m.end, kind: "issue", title: i.label, data: { issue: i.id } });
    }
  }
  return spans;
}

// highlight cuts text at every span boundary and wraps each piece covered by
// spans in one <mark> carrying all of their classes, so overlapping layers
// (a name inside a quote) need no nesting rules. It returns a fragment, as a
// long article has more pieces than a spread argument list may hold.
function highlight(text, allSpans) {
  const spans = allSpans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set([0, text.length]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const starting = new Map();
  for (const s of spans) {
    if (!starting.has(s.start)) starting.set(s.start, []);
    starting.get(s.start).push(s);
  }
  const fragment = document.createDocumentFragment();
  let active = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    active = active.filter((s) => s.end > from).concat(starting.get(from) || []);
    const piece = text.slice(from, to);
    if (!active.length) {
      fragment.append(piece);
      continue;
    }
    const attrs = { title: active.map((s) => s.title).join("; "), part: "highlight" };
    for (const s of active) for (const [k, v] of Object.entries(s.data)) if (v) attrs[`data-${k}`] = v;
    fragment.append(element("mark", [...new Set(active.map((s) => s.kind))].join(" "), attrs, piece));
  }
  return fragment;
}

function element(tag, className, attrs = {}, text = "") {
  const el = document.createElement(tag);
  if (className) el.className = className;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text) el.textContent = text;
  return el;
}

if (!customElements.get(TAG)) customElements.define(TAG, LedeAnnotator);
