// Local persistence: the last article and the layer choices survive a reload.
// Everything stays in this browser's localStorage; clear() removes it. Storage
// may be full or disabled (private mode), so every access is allowed to fail.

const ARTICLE = "lede.article";
const LAYER_CHOICES = "lede.layers";

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
}
