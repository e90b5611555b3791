// Corrections and the newsroom lexicon as data: pure functions over plain
// values, no DOM and no storage (tests/js runs them under node).
//
// An article's corrections are a list of ops (docs/format.md, Corrections)
// that the annotator applies to the document in one place, so the text, the
// panel, the summary and every export agree. The list is also the undo
// stack: undoing drops its last op. The newsroom lexicon ({entities,
// ignore}) is the annotator's `lexicon` option.

const TYPES = ["person", "place", "organization"];

/** entityKey is the key a correction names an entity by: "type:name". */
export const entityKey = (e) => `${e.type}:${e.name}`;

/** The corrections of one entity, quote or issue of doc. */
export const reject = (e) => ({ op: "reject", entity: entityKey(e) });
export const retype = (e, type) => ({ op: "type", entity: entityKey(e), type });
export const merge = (e, into) => ({ op: "merge", entity: entityKey(e), into: entityKey(into) });
export const dismiss = (issue) => ({ op: "dismiss", issue: issue.id });
export const anonymous = (q, on) => ({ op: "anonymous", quote: q.start, anonymous: Boolean(on) });
/** split makes the mentions of e whose text is exactly name an entity of their own. */
export const split = (e, name) => ({ op: "split", entity: entityKey(e), name });

/**
 * splittable lists the mention texts that can be split off e: when its
 * mentions read more than one way, each but its name (or, when no mention
 * reads as its name, each but the first).
 */
export function splittable(e) {
  const texts = [...new Set((e.mentions || []).map((m) => m.text).filter(Boolean))];
  if (texts.length < 2) return [];
  return texts.includes(e.name) ? texts.filter((t) => t !== e.name) : texts.slice(1);
}

/** setSpeaker credits quote q to an entity, a described source ({name, anonymous}) or, with null, nobody. */
export function setSpeaker(q, who) {
  const c = { op: "speaker", quote: q.start };
  if (who && who.type) c.speaker = entityKey(who);
  else if (who && who.name && who.name.trim()) {
    c.name = who.name.trim();
    if (who.anonymous) c.anonymous = true;
  }
  return c;
}

const nameOf = (key) => key.slice(key.indexOf(":") + 1);

/** describe says what correction c does, for the toast that confirms it. */
export function describe(c) {
  const said = {
    reject: () => `“${nameOf(c.entity)}” is not a name.`,
    type: () => `“${nameOf(c.entity)}” is now a ${c.type}.`,
    merge: () => `“${nameOf(c.entity)}” is now part of “${nameOf(c.into)}”.`,
    split: () => `“${c.name}” is now a name of its own.`,
    speaker: () => (c.speaker || c.name ? `The quote is now credited to ${c.name || nameOf(c.speaker)}.` : "The quote has no speaker now."),
    anonymous: () => `The source is now ${c.anonymous ? "anonymous" : "named"}.`,
    dismiss: () => "The issue is dismissed.",
  };
  return said[c.op]();
}

/** push returns the list with c appended (lists are never changed in place). */
export const push = (list, c) => [...list, c];

/** undo returns the list without its last correction. */
export const undo = (list) => list.slice(0, -1);

/**
 * shift keeps the corrections of list with their quotes when text `before`
 * becomes `after` (one edit: typing, a paste, a cut): the quote offsets past
 * the edit move with it. Unchanged, it returns list itself.
 */
export function shift(list, before, after) {
  if (!list.some((c) => c.quote !== undefined)) return list;
  const n = Math.min(before.length, after.length);
  let at = 0;
  while (at < n && before.charCodeAt(at) === after.charCodeAt(at)) at++;
  let same = 0;
  while (same < n - at && before.charCodeAt(before.length - 1 - same) === after.charCodeAt(after.length - 1 - same)) same++;
  const end = before.length - same;
  const d = after.length - before.length;
  return d ? list.map((c) => (c.quote >= end ? { ...c, quote: c.quote + d } : c)) : list;
}

/** isCorrection checks the shape of one stored correction. */
export function isCorrection(c) {
  return Boolean(c) && typeof c === "object" && ["reject", "type", "merge", "split", "speaker", "anonymous", "dismiss"].includes(c.op);
}

/** emptyLexicon is a lexicon with no entries. */
export const emptyLexicon = () => ({ entities: [], ignore: [] });

/** lexiconSize counts its entries. */
export const lexiconSize = (lex) => lex.entities.length + lex.ignore.length;

/**
 * addEntity returns lex with name always of type (optionally under a canonical
 * name, with a role); an earlier entry for the same name, or an ignore, goes.
 */
export function addEntity(lex, { name, type, canonical = "", role = "" }) {
  name = String(name || "").trim();
  if (!name) throw new Error("The name is empty.");
  if (!TYPES.includes(type)) throw new Error(`Unknown type "${type}": person, place or organization.`);
  const entry = { name, type };
  if (canonical.trim() && canonical.trim() !== name) entry.canonical = canonical.trim();
  if (role.trim()) entry.role = role.trim();
  const rest = without(lex, name);
  return { entities: [...rest.entities, entry], ignore: rest.ignore };
}

/** addIgnore returns lex with name never flagged; an entity entry for it goes. */
export function addIgnore(lex, name) {
  name = String(name || "").trim();
  if (!name) throw new Error("The name is empty.");
  const rest = without(lex, name);
  return { entities: rest.entities, ignore: [...rest.ignore, name] };
}

/** without returns lex with no entry for name. */
export function without(lex, name) {
  return { entities: lex.entities.filter((e) => e.name !== name), ignore: lex.ignore.filter((s) => s !== name) };
}

/**
 * parseLexicon reads a lexicon from JSON text, keeping its entries' known
 * fields; it throws a message fit to show when the shape is wrong. The
 * annotator validates the rest (and reports it).
 */
export function parseLexicon(text) {
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    throw new Error("This file is not JSON.");
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new Error('A lexicon is an object: {"entities": [...], "ignore": [...]}.');
  let lex = emptyLexicon();
  for (const [i, e] of (Array.isArray(v.entities) ? v.entities : []).entries()) {
    if (!e || typeof e !== "object") throw new Error(`entities[${i}] is not an object.`);
    try {
      lex = addEntity(lex, { name: e.name, type: e.type, canonical: String(e.canonical || ""), role: String(e.role || "") });
    } catch (err) {
      throw new Error(`entities[${i}]: ${err.message}`);
    }
  }
  for (const [i, s] of (Array.isArray(v.ignore) ? v.ignore : []).entries()) {
    if (typeof s !== "string" || !s.trim()) throw new Error(`ignore[${i}] is not a name.`);
    lex = addIgnore(lex, s);
  }
  return lex;
}

/** annotateOptions is what the annotator takes: only what is set. */
export function annotateOptions(list, lex) {
  const o = {};
  if (list.length) o.corrections = list;
  if (lex && lexiconSize(lex)) o.lexicon = lex;
  return o;
}
