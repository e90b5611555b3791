// Local persistence: the last article and the layer choices survive a reload.
// Everything stays in this browser's localStorage; clear() removes it. Storage
// may be full or disabled (private mode), so every access is allowed to fail.

const ARTICLE = "lede.article";
const LAYER_CHOICES = "lede.layers";
// The article's corrections (a list of ops, docs/format.md) and the
// newsroom lexicon, which outlives articles (clear() keeps it).
const CORRECTIONS = "lede.corrections";
const LEXICON = "lede.lexicon";

// In a frame (a CMS embedding Lede, iframe.js) the article and its
// corrections are the CMS's: they live in memory only, so the reader's own
// saved article is neither shown to the frame nor replaced by the CMS's.
// The layer choices and the newsroom lexicon are the reader's everywhere.
const framed = globalThis.window !== undefined && window.parent !== window;
const inMemory = new Map();
const ownedByFrame = (key) => framed && (key === ARTICLE || key === CORRECTIONS);

function read(key) {
  if (ownedByFrame(key)) return inMemory.get(key) ?? null;
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key, value) {
  if (ownedByFrame(key)) {
    inMemory.set(key, value);
    return true;
  }
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export const loadArticle = () => read(ARTICLE) || "";

/** saveArticle returns false when the article did not fit. */
export function saveArticle(text) {
  if (text) return write(ARTICLE, text);
  remove(ARTICLE);
  return true;
}

/** loadLayers returns {layer: visible} for the layers the user changed. */
export function loadLayers() {
  try {
    const v = JSON.parse(read(LAYER_CHOICES) || "{}");
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

export const saveLayers = (layers) => write(LAYER_CHOICES, JSON.stringify(layers));

function readJSON(key, fallback, valid) {
  try {
    const v = JSON.parse(read(key) || "null");
    return valid(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

/** loadCorrections returns the article's list of corrections ([] for none). */
export const loadCorrections = () => readJSON(CORRECTIONS, [], Array.isArray);

export function saveCorrections(list) {
  if (list.length) return write(CORRECTIONS, JSON.stringify(list));
  remove(CORRECTIONS);
  return true;
}

/** loadLexicon returns the stored newsroom lexicon, or null. */
export const loadLexicon = () => readJSON(LEXICON, null, (v) => v && Array.isArray(v.entities) && Array.isArray(v.ignore));

export function saveLexicon(lex) {
  if (lex.entities.length + lex.ignore.length) return write(LEXICON, JSON.stringify(lex));
  remove(LEXICON);
  return true;
}

function remove(key) {
  if (ownedByFrame(key)) return inMemory.delete(key);
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to remove.
  }
}

export function clear() {
  remove(ARTICLE);
  remove(LAYER_CHOICES);
  remove(CORRECTIONS);
}
