// The five kinds of highlight and how a document's items map onto them. Every
// other module (rendering, legend, side panel, the web component, exports)
// reads this registry, so a new layer is added here once. Its order is the
// legend's and the panel's tabs'; `list` is the document list the layer's
// items come from (the web component's `layers` attribute names these);
// `depth` orders nested highlights, outermost first: a quote wraps issue
// words, which wrap names. Its colours are palette.js's --<key>-bg and
// --<key>-line.

export const LAYERS = [
  { key: "person", label: "People", short: "People", one: "Person", tag: "PER", list: "entities", depth: 2 },
  { key: "place", label: "Places", short: "Places", one: "Place", tag: "LOC", list: "entities", depth: 2 },
  { key: "organization", label: "Organizations", short: "Orgs", one: "Organization", tag: "ORG", list: "entities", depth: 2 },
  { key: "quote", label: "Quotes", short: "Quotes", one: "Quote", tag: "QUOTE", list: "quotes", depth: 0 },
  { key: "issue", label: "Issues", short: "Issues", one: "Issue", tag: "ISSUE", list: "issues", depth: 1 },
];

export const layerByKey = new Map(LAYERS.map((l) => [l.key, l]));

/**
 * Spans flattens a document into highlight spans: {start, end, layer, ref,
 * item}, where ref is the id of the entity, quote or issue the span belongs
 * to and item is that object. Spans outside the text are dropped.
 */
export function spans(doc, textLength) {
  const out = [];
  const add = (start, end, layer, item) => {
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= textLength) {
      out.push({ start, end, layer, ref: item.id, item });
    }
  };
  for (const e of doc.entities || []) {
    if (!layerByKey.has(e.type)) continue;
    for (const m of e.mentions || []) add(m.start, m.end, e.type, e);
  }
  for (const q of doc.quotes || []) add(q.start, q.end, "quote", q);
  for (const is of doc.issues || []) {
    for (const m of is.mentions || []) add(m.start, m.end, "issue", is);
  }
  return out;
}

/** counts returns the number of items per layer (entities, quotes, issues). */
export function counts(doc) {
  const c = Object.fromEntries(LAYERS.map((l) => [l.key, 0]));
  for (const e of doc.entities || []) if (e.type in c) c[e.type]++;
  c.quote = (doc.quotes || []).length;
  c.issue = (doc.issues || []).length;
  return c;
}

/** speakerName is who a quote is attributed to, or "Unattributed". */
export function speakerName(q) {
  return (q.speaker && q.speaker.name) || "Unattributed";
}

/**
 * isAnonymous tells a quote from an unnamed source ("a senior official"), as
 * Go marks it: a speaker without an entity is not anonymous when the text
 * names them ("No," Qin said).
 */
export function isAnonymous(q) {
  return Boolean(q.speaker && q.speaker.anonymous);
}

/** wordCount counts the words of a quote, for the voices chart. */
export function wordCount(s) {
  const words = s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}

/** LOW is the confidence under which an item is marked uncertain. */
export const LOW = 0.6;

/**
 * confidence is how sure Lede is of an item of layer (for a quote, of its
 * speaker): 1 when the document does not say.
 */
export function confidence(layer, item) {
  const c = layer === "quote" ? item.speaker && item.speaker.confidence : item.confidence;
  return typeof c === "number" ? c : 1;
}
