// Local persistence: the last article and the layer choices survive a reload.
// Everything stays in this browser's localStorage; clear() removes it. Storage
// may be full or disabled (private mode), so every access is allowed to fail.

const ARTICLE = "lede.article";
const LAYER_CHOICES = "lede.layers";
// The article's corrections (a list of ops, docs/format.md) and the
// newsroom lexicon, which outlives articles (clear() keeps it).
const CORRECTIONS = "lede.corrections";
const LEXICON = "lede.lexicon";

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key, value) {
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
