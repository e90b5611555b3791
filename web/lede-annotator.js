// <lede-annotator>: highlights the people, places, organizations, quotes and
// issues of an article inside any page, with one script tag:
//
//   <script type="module" src="https://lede.example/lede-annotator.js"></script>
//   <lede-annotator layers="entities quotes" theme="auto"
//                   lexicon='{"entities": [{"name": "Jupiter", "type": "place"}]}'>
//     <p>Article text…</p>
//   </lede-annotator>
//
// It annotates the text of its children, or of the element whose id is in
// its `for` attribute (a textarea, an input or any element), and follows
// their edits, typed or set by a script (a CMS loading a draft sets the
// field's `.value`, or the children), or the text given to its own `value`
// property. Under the text: a legend of the layers with their counts, the
// speakers with their quotes, the issues. It renders into its own shadow root with its own styles (a
// constructed stylesheet, so a strict CSP on the host page needs no
// 'unsafe-inline'), builds the DOM from text nodes only, and dispatches
// `lede-annotated` (detail: the document) or `lede-error` (detail:
// {message}). Defining the element is its only global effect.

import { annotate } from "./lede.js";
import { LAYERS, spans, counts, speakerName } from "./layers.js";
import { renderHighlights, describe } from "./render.js";
import { adoptPalette } from "./palette.js";
import { nodeText } from "./input.js";

const TAG = "lede-annotator";
// The document lists the layers attribute chooses from, in the registry's order.
const LISTS = [...new Set(LAYERS.map((l) => l.list))];
// Edits are annotated once the writer pauses, not on every keystroke.
const EDIT_DELAY_MS = 400;

// The highlights are the page's (render.js), coloured by the page's palette
// (palette.js), which follows the host page's scheme or the theme attribute
// (light|dark|auto); hosts may override the tints with --lede-* properties.
const STYLES = `
:host { display: block; line-height: 1.6; color-scheme: light dark; }
:host([hidden]) { display: none; }
:host([theme="light"]) { color-scheme: light; }
:host([theme="dark"]) { color-scheme: dark; }
:host([theme]) { color: light-dark(#1d1f23, #e6e6e6); background: light-dark(#ffffff, #16181d); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.hl { color: inherit; background: none; border-radius: 2px; }
.hl-quote { background: var(--quote-bg); box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.hl-issue { text-decoration: underline dotted var(--issue-line); text-decoration-thickness: 2px; text-underline-offset: 4px; }
.hl-person { background: var(--person-bg); border-bottom: 2px solid var(--person-line); }
.hl-place { background: var(--place-bg); border-bottom: 2px dashed var(--place-line); }
.hl-organization { background: var(--organization-bg); border-bottom: 3px double var(--organization-line); }
.status { font-size: 0.85em; opacity: 0.75; margin: 0 0 0.5em; }
.status:empty { display: none; }
.status.error { color: light-dark(#b91c1c, #f87171); opacity: 1; }
ul { display: flex; flex-wrap: wrap; gap: 0.4em 0.8em; margin: 0.6em 0 0; padding: 0; list-style: none; font-size: 0.85em; }
ul:empty { display: none; }
.legend li::before { content: ""; display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em; border-radius: 2px; vertical-align: -0.05em; }
.k-person::before { background: var(--person-line); }
.k-place::before { background: var(--place-line); }
.k-organization::before { background: var(--organization-line); }
.k-quote::before { background: var(--quote-line); }
.k-issue::before { background: var(--issue-line); }
.speakers::before { content: "Quoted:"; opacity: 0.75; }
.issues li { border: 1px solid var(--issue-line); border-radius: 999px; padding: 0 0.6em; }
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
  static observedAttributes = ["for", "layers", "lexicon"];

  #status;
  #text;
  #legend;
  #speakers;
  #issues;
  #value = null;
  #field = null;
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
    adoptPalette(root);
    this.#status = element("p", "status", { role: "status", part: "status" });
    this.#text = element("div", "text", { part: "text" });
    this.#legend = element("ul", "legend", { part: "legend", "aria-label": "Layers" });
    this.#speakers = element("ul", "speakers", { part: "speakers", "aria-label": "Speakers" });
    this.#issues = element("ul", "issues", { part: "issues", "aria-label": "Issues" });
    root.append(this.#status, this.#text, this.#legend, this.#speakers, this.#issues);
  }

  /**
   * The text annotated. Setting it annotates that text instead of the
   * source's, until it is set to null.
   */
  get value() {
    return this.#value ?? (this.#source ? sourceText(this.#source) : "");
  }

  set value(text) {
    this.#value = text == null ? null : String(text);
    this.#schedule(0);
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
    if (name === "for") this.#bind();
    this.#schedule(0);
  }

  /** Annotates the text again now. */
  refresh() {
    this.#lastRequest = "";
    this.#schedule(0);
  }

  #layers() {
    const asked = (this.getAttribute("layers") || "").split(/[\s,]+/).filter((l) => LISTS.includes(l));
    return asked.length ? asked : LISTS;
  }

  #bind() {
    this.#unbind(); // once: connecting and the for attribute both bind
    const id = this.getAttribute("for");
    this.#source = id ? this.getRootNode().getElementById?.(id) ?? document.getElementById(id) : this;
    if (!this.#source) return;
    this.#observer.observe(this.#source, { childList: true, subtree: true, characterData: true });
    if (this.#source !== this) this.#source.addEventListener("input", this.#onInput);
    this.#watchValue(this.#source);
  }

  #unbind() {
    this.#observer.disconnect();
    this.#source?.removeEventListener("input", this.#onInput);
    if (this.#field) {
      // The value property it had before: its prototype's, or another watcher's.
      if (this.#field.restore) Object.defineProperty(this.#field.el, "value", this.#field.restore);
      else delete this.#field.el.value;
    }
    this.#field = null;
    this.#source = null;
  }

  // watchValue follows a script setting a form field's value, which fires
  // no event: the field gets its own value property, which sets the
  // prototype's and schedules an annotation.
  #watchValue(field) {
    if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return;
    const restore = Object.getOwnPropertyDescriptor(field, "value");
    const { get, set } = restore || Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value");
    const changed = () => this.#schedule(0);
    Object.defineProperty(field, "value", {
      configurable: true,
      get() {
        return get.call(this);
      },
      set(v) {
        set.call(this, v);
        changed();
      },
    });
    this.#field = { el: field, restore };
  }

  #schedule(delay) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#run(), delay);
  }

  async #run() {
    if (this.#value === null && !this.#source) {
      this.#fail(`no element with id "${this.getAttribute("for")}" to annotate`);
      return;
    }
    const text = this.value;
    const layers = this.#layers();
    const lexicon = this.getAttribute("lexicon") || "";
    const request = JSON.stringify([text, layers, lexicon]);
    if (request === this.#lastRequest) return;
    this.#lastRequest = request;
    const generation = ++this.#generation;
    this.#status.className = "status";
    this.#status.textContent = "Annotating…";
    let doc;
    try {
      doc = await annotate(text, { offsets: "utf16", layers, ...(lexicon && { lexicon: parseLexicon(lexicon) }) });
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
    this.#text.replaceChildren(highlight(text, doc, layers));
    this.#legend.replaceChildren(...legend(doc, layers));
    this.#speakers.replaceChildren(...speakers(doc.quotes || []));
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
// the element with its paragraphs separated by blank lines (input.js, as the
// page reads a paste).
function sourceText(source) {
  if (source instanceof HTMLTextAreaElement || source instanceof HTMLInputElement) return source.value;
  return nodeText(source);
}

// highlight renders the spans of the chosen lists as the page does
// (render.js), each highlight a part ("highlight") with its description as
// hover text.
function highlight(text, doc, lists) {
  const chosen = spans(doc, text.length).filter((s) => lists.includes(layerList.get(s.layer)));
  const { fragment } = renderHighlights(text, chosen);
  const items = new Map(chosen.map((s) => [s.ref, { layer: s.layer, item: s.item }]));
  for (const el of fragment.querySelectorAll(".hl")) {
    el.setAttribute("part", "highlight");
    el.title = describe(el, items, null)
      .map((d) => d.title)
      .join("; ");
  }
  return fragment;
}

const layerList = new Map(LAYERS.map((l) => [l.key, l.list]));

// legend names the colours of the chosen layers, with how many of each.
function legend(doc, lists) {
  const n = counts(doc);
  return LAYERS.filter((l) => lists.includes(l.list)).map((l) => element("li", `k-${l.key}`, {}, `${l.label} ${n[l.key]}`));
}

// speakers lists who is quoted, most quotes first.
function speakers(quotes) {
  const by = new Map();
  for (const q of quotes) by.set(speakerName(q), (by.get(speakerName(q)) || 0) + 1);
  return [...by].sort((a, b) => b[1] - a[1]).map(([name, n]) => element("li", "", {}, `${name} (${n})`));
}

function element(tag, className, attrs = {}, text = "") {
  const el = document.createElement(tag);
  if (className) el.className = className;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text) el.textContent = text;
  return el;
}

if (!customElements.get(TAG)) customElements.define(TAG, LedeAnnotator);

// parseLexicon reads the lexicon attribute: a newsroom lexicon as JSON
// (docs/format.md). The annotator validates its entries.
function parseLexicon(json) {
  try {
    return JSON.parse(json);
  } catch {
    throw new Error("the lexicon attribute is not valid JSON");
  }
}
