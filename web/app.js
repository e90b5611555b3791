// The page: holds the one state (text, document, layer choices, view mode),
// wires the user's actions to it and derives the view from it through the
// other modules: boot and annotator (worker bridge, which also writes the
// exports in Go), render (highlights), panel (side lists), summary, storage,
// input, the service worker.
//
// body[data-state] is "loading", "idle", "annotating", "annotated" or
// "error"; tests and the embedding API wait on it.

import { started } from "./boot.js";
import { Annotator } from "./worker-client.js";
import { LAYERS, spans, counts, speakerName, confidence, LOW } from "./layers.js";
import { renderHighlights, attachTooltip } from "./render.js";
import { adoptPalette } from "./palette.js";
import { Panel } from "./panel.js";
import { Selection } from "./selection.js";
import { renderSummary } from "./summary.js";
import * as storage from "./storage.js";
import { clipboardText, fileText, normalizeNewlines } from "./input.js";
import { SAMPLE } from "./sample.js";
import { WorldMap } from "./map.js";
import { Corrections } from "./corrections-ui.js";
import { PanelSearch } from "./panel-search.js";

// MAX_CHARS is the documented size limit: longer texts are not annotated
// (a message says so) because rendering millions of highlights would make
// the page sluggish. 3 million UTF-16 units is about a 3 MB article.
const MAX_CHARS = 3_000_000;
const TYPING_DELAY_MS = 350;
const SAVE_DELAY_MS = 600;
const PROGRESS_AFTER_MS = 150;

const $ = (id) => document.getElementById(id);
adoptPalette(document);
const ui = {
  editor: $("editor"),
  article: $("article"),
  stage: $("stage"),
  status: $("status"),
  progress: $("progress"),
  progressBar: $("progress-bar"),
  legend: $("legend"),
  summary: $("summary"),
  viewButton: $("mode-view"),
  editButton: $("mode-edit"),
  exportFormat: $("export-format"),
  exportCopy: $("export-copy"),
  exportDownload: $("export-download"),
  toast: $("toast"),
  tooltip: $("tooltip"),
  sample: $("sample"),
};

// allLayers shows every layer, and the uncertain items.
const allLayers = () => ({ ...Object.fromEntries(LAYERS.map((l) => [l.key, true])), low: true });

const state = {
  text: "",
  annotated: null, // {text, doc, byRef, items} of the last result
  layers: allLayers(),
  mode: "edit",
  unsaved: false, // the article did not fit in local storage
};

/** The page's annotator, which the iframe mode (iframe.js) shares. */
export const annotator = new Annotator("worker.js", started);
const panel = new Panel($("tabs"), $("tab-panels"), selectItem);
const corrections = new Corrections($("tabs"), () => annotateNow(), (m) => toast(m));
const search = new PanelSearch($("tabs"), $("tab-panels"));
const selection = new Selection({
  nav: $("navigator"),
  label: $("nav-label"),
  prev: $("nav-prev"),
  next: $("nav-next"),
  close: $("nav-close"),
  onChange: (ref) => {
    panel.mark(ref);
    worldMap.mark(ref);
    announce(ref);
  },
  // Stepping through a speaker's quotes follows with their cards.
  onStep: (m) => {
    announce(selection.ref);
    if (m.layer !== "quote") return;
    panel.mark(m.ref);
    panel.reveal(m.ref);
  },
});
const worldMap = new WorldMap($("panel"), { select: selectItem, step: (d) => selection.step(d), selected: () => selection.ref });

function setState(name) {
  document.body.dataset.state = name;
}

function say(message, kind = "") {
  ui.status.textContent = message;
  ui.status.className = `status ${kind}`;
}

let toastTimer = 0;
function toast(message) {
  ui.toast.textContent = message;
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    ui.toast.hidden = true;
  }, 2500);
}

// ---- view mode ----

function setMode(mode) {
  state.mode = mode;
  const viewing = mode === "view";
  ui.editor.hidden = viewing;
  showSampleButton();
  ui.article.hidden = !viewing;
  ui.viewButton.setAttribute("aria-pressed", String(viewing));
  ui.editButton.setAttribute("aria-pressed", String(!viewing));
  if (!viewing) selection.clear();
  if (viewing && (!state.annotated || state.annotated.text !== state.text)) showPlainText();
  if (viewing && state.annotated && state.annotated.text === state.text) showHighlights();
}

// The example article is offered while there is no text.
function showSampleButton() {
  ui.sample.hidden = state.mode === "view" || Boolean(state.text.trim());
}

// ---- legend (layer toggles) ----

// The legend's last button shows or hides the uncertain items (lowCount of
// them), when there are any.
function renderLegend(layerCounts, lowCount = 0) {
  const low = { key: "low", label: "Uncertain" };
  ui.legend.replaceChildren(
    ...[...LAYERS, ...(lowCount ? [low] : [])].map((l) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = `layer layer-${l.key}`;
      b.dataset.layer = l.key;
      b.setAttribute("aria-pressed", String(state.layers[l.key]));
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.setAttribute("aria-hidden", "true");
      const name = document.createElement("span");
      name.textContent = l.label;
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = l === low ? String(lowCount) : layerCounts ? String(layerCounts[l.key]) : "–";
      b.append(swatch, name, count);
      b.title = l === low ? `Show or hide what Lede is less than ${LOW * 100}% sure of` : `Show or hide ${l.label.toLowerCase()}`;
      b.addEventListener("click", () => toggleLayer(l.key));
      return b;
    }),
  );
  applyLayers();
}

function toggleLayer(key) {
  state.layers[key] = !state.layers[key];
  storage.saveLayers(state.layers);
  for (const b of ui.legend.querySelectorAll("button")) b.setAttribute("aria-pressed", String(state.layers[b.dataset.layer]));
  applyLayers();
}

function applyLayers() {
  for (const l of LAYERS) ui.article.classList.toggle(`hide-${l.key}`, !state.layers[l.key]);
  document.body.classList.toggle("hide-low", state.layers.low === false);
}

// lowCount counts the uncertain entities, speakers and salient issues of
// doc: the rest of the issues are neither underlined nor listed at first, and
// a mixed article gives every one of them a low field probability.
function lowCount(doc) {
  const n = (list, layer) => (list || []).filter((x) => confidence(layer, x) < LOW).length;
  return n(doc.entities, "entity") + n(doc.quotes, "quote") + n((doc.issues || []).filter((i) => i.salient), "issue");
}

// ---- annotation ----

let typingTimer = 0;
let saveTimer = 0;
let running = false;
let rerun = false;

function saveNow() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  state.unsaved = !storage.saveArticle(state.text);
}

// A reload or a closed tab within the save delay must not lose the text.
window.addEventListener("pagehide", () => {
  if (saveTimer) saveNow();
});

function textChanged({ immediate = false } = {}) {
  clearTimeout(typingTimer);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
  if (state.mode === "view") showPlainText();
  showSampleButton();
  if (immediate) annotateNow();
  else typingTimer = setTimeout(annotateNow, TYPING_DELAY_MS);
}

async function annotateNow() {
  if (running) {
    rerun = true;
    return;
  }
  const text = state.text;
  if (!text.trim()) {
    showEmpty();
    return;
  }
  if (refuseTooLong(text.length)) return;
  running = true;
  setState("annotating");
  const stopProgress = startProgress(text.length);
  try {
    await annotator.ready;
    const { doc, ms } = await annotator.annotate(text, corrections.options());
    if (text === state.text) showResult(text, doc, ms);
  } catch (err) {
    setState("error");
    say(err.message, "error");
  } finally {
    stopProgress();
    running = false;
    if (rerun) {
      rerun = false;
      annotateNow();
    }
  }
}

// startProgress shows a bar for texts that take a while, advancing with the
// time the measured throughput predicts; it returns the function that ends it.
function startProgress(length) {
  const expected = Math.max(annotator.estimateMs(length), 1);
  const started = performance.now();
  let frame = 0;
  const tick = () => {
    const elapsed = performance.now() - started;
    if (elapsed > PROGRESS_AFTER_MS) {
      const pct = Math.min(95, (100 * elapsed) / expected);
      ui.progress.hidden = false;
      ui.progress.setAttribute("aria-valuenow", String(Math.round(pct)));
      ui.progressBar.style.width = `${pct}%`;
      say(`Annotating ${length.toLocaleString()} characters…`);
    }
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  return () => {
    cancelAnimationFrame(frame);
    ui.progress.hidden = true;
  };
}

function showEmpty() {
  state.annotated = null;
  selection.clear();
  ui.article.replaceChildren();
  panel.render({ entities: [], quotes: [], issues: [] });
  worldMap.render(null);
  renderLegend(null);
  ui.summary.hidden = true;
  enableExports(false);
  setState("idle");
  say("");
}

function showResult(text, doc, ms) {
  selection.clear();
  const { fragment, byRef } = renderHighlights(text, spans(doc, text.length));
  const items = new Map([...byRef].map(([ref, list]) => [ref, { layer: list[0].layer, item: list[0].item }]));
  state.annotated = { text, doc, byRef, items, fragment };
  if (state.mode === "view") showHighlights();
  panel.render(doc);
  worldMap.render(doc);
  corrections.decorate(panel, doc);
  search.apply();
  renderLegend(counts(doc), lowCount(doc));
  renderSummary(ui.summary, doc);
  enableExports(true);
  const notes = [...(doc.warnings || []), state.unsaved ? "This article is too large to keep for your next visit." : ""].filter(Boolean);
  const warnings = notes.length ? ` ${notes.join(" ")}` : "";
  say(`Annotated ${text.length.toLocaleString()} characters in ${Math.max(1, Math.round(ms))} ms.${warnings}`, warnings ? "warn" : "");
  setState("annotated");
}

// showPlainText shows the text while its annotation is on its way.
function showPlainText() {
  ui.article.replaceChildren(renderHighlights(state.text, []).fragment);
}

function showHighlights() {
  const a = state.annotated;
  if (a.fragment) {
    ui.article.replaceChildren(a.fragment);
    a.fragment = null;
  }
}

// ---- selection ----

function selectItem(ref, name) {
  const a = state.annotated;
  const mentions = a && a.byRef.get(ref);
  if (!mentions) {
    toast("It has no mentions to show in the text.");
    return;
  }
  if (state.mode !== "view") setMode("view");
  const layer = a.items.get(ref).layer;
  if (!state.layers[layer]) toggleLayer(layer);
  if (layer === "quote") selectSpeaker(a, a.items.get(ref).item);
  else selection.select(ref, mentions, name);
}

// selectSpeaker selects quote q among every quote of its speaker, in text
// order, so the navigator steps through what they said.
function selectSpeaker(a, q) {
  const key = (x) => (x.speaker && (x.speaker.entity || x.speaker.name)) || "";
  const quotes = (a.doc.quotes || []).filter((o) => key(o) === key(q) && a.byRef.has(o.id));
  const mentions = quotes.flatMap((o) => a.byRef.get(o.id));
  selection.select(q.id, mentions, speakerName(q), { at: mentions.findIndex((m) => m.ref === q.id), unit: "quote" });
}

// announce tells the page's embedder (iframe.js) what is selected and which
// of its mentions the navigator is on, once per change.
let announced = "";
function announce(ref) {
  const entry = ref && state.annotated && state.annotated.items.get(ref);
  const item = entry && {
    id: ref,
    layer: entry.layer,
    name: selection.name,
    mentions: selection.mentions.map((m) => ({ start: m.start, end: m.end })),
    current: selection.index,
  };
  const key = item ? `${ref} ${item.current}` : "";
  if (key === announced) return;
  announced = key;
  window.dispatchEvent(new CustomEvent("lede-select", { detail: item || null }));
}

// ---- exports ----

function enableExports(on) {
  for (const c of [ui.exportFormat, ui.exportCopy, ui.exportDownload]) c.disabled = !on;
}

// The export menu lists the formats of the Go registry (package export),
// which the worker sends when it is ready.
function fillExportMenu() {
  ui.exportFormat.replaceChildren(...annotator.formats.map((f) => new Option(f.label, f.name)));
}

// runExport writes the current article in the chosen format in the worker,
// with a progress bar for long texts: the page never waits on it.
async function runExport() {
  const a = state.annotated;
  const format = ui.exportFormat.value;
  const before = { text: ui.status.textContent, kind: ui.status.className };
  const show = (pct) => {
    ui.progress.hidden = false;
    ui.progress.setAttribute("aria-valuenow", String(Math.round(pct)));
    ui.progressBar.style.width = `${pct}%`;
    say(`Exporting ${format}…`);
  };
  // The text is annotated again before it is written: a long one shows the
  // bar at once, then how much of the export is written.
  const timer = setTimeout(() => show(2), PROGRESS_AFTER_MS);
  let shown = false;
  const progress = (done, total) => {
    if (total && (shown || done < total)) {
      shown = true;
      show(Math.min(99, (100 * done) / total));
    }
  };
  try {
    // The editor's corrections and the newsroom lexicon shape every export,
    // as they shape the page.
    return await annotator.export(a.text, format, corrections.options(), progress);
  } finally {
    clearTimeout(timer);
    ui.progress.hidden = true;
    if (ui.status.textContent.startsWith("Exporting")) {
      ui.status.textContent = before.text;
      ui.status.className = before.kind;
    }
  }
}

function selectedFormat() {
  return annotator.formats.find((f) => f.name === ui.exportFormat.value);
}

async function copyExport() {
  const format = selectedFormat();
  if (format && format.bundle) {
    toast("This format is a zip archive of several files: use Download.");
    return;
  }
  const content = await (await runExport()).blob.text();
  try {
    await navigator.clipboard.writeText(content);
  } catch {
    const scratch = document.createElement("textarea");
    scratch.value = content;
    document.body.append(scratch);
    scratch.select();
    document.execCommand("copy");
    scratch.remove();
  }
  toast("Copied to the clipboard.");
}

async function downloadExport() {
  const { blob, filename } = await runExport();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- input ----

// refuseTooLong tells the user that a text is over the size limit; the page
// keeps its current article rather than freeze on laying out megabytes.
function refuseTooLong(length) {
  if (length <= MAX_CHARS) return false;
  setState("error");
  say(`This text has ${length.toLocaleString()} characters; Lede annotates up to ${MAX_CHARS.toLocaleString()}. Split it into articles.`, "error");
  return true;
}

function replaceText(text) {
  if (refuseTooLong(text.length)) return;
  state.text = normalizeNewlines(text);
  ui.editor.value = state.text;
  corrections.reset();
  setMode(state.text.trim() ? "view" : "edit");
  textChanged({ immediate: true });
}

async function openFile(file) {
  try {
    replaceText(await fileText(file));
  } catch (err) {
    say(err.message, "error");
  }
}

function wireInput() {
  // An article sent to the framed page (iframe.js).
  window.addEventListener("lede-show", (event) => replaceText(event.detail));
  ui.editor.addEventListener("input", () => {
    corrections.edited(state.text, ui.editor.value);
    state.text = ui.editor.value;
    textChanged();
  });
  ui.editor.addEventListener("paste", (event) => {
    if (!event.clipboardData) return;
    event.preventDefault();
    const pasted = normalizeNewlines(clipboardText(event.clipboardData));
    const selected = ui.editor.selectionEnd - ui.editor.selectionStart;
    if (refuseTooLong(ui.editor.value.length - selected + pasted.length)) return;
    const wasEmpty = !ui.editor.value.trim();
    // A paste over the whole text is a new article: the last one's corrections go.
    if (wasEmpty || selected === ui.editor.value.length) corrections.reset();
    ui.editor.setRangeText(pasted, ui.editor.selectionStart, ui.editor.selectionEnd, "end");
    corrections.edited(state.text, ui.editor.value);
    state.text = ui.editor.value;
    if (wasEmpty) setMode("view");
    textChanged({ immediate: true });
  });
  document.addEventListener("paste", (event) => {
    if (event.defaultPrevented || !event.clipboardData || event.target.closest("textarea, input, select")) return;
    event.preventDefault();
    replaceText(clipboardText(event.clipboardData));
  });
  $("file-input").addEventListener("change", (event) => {
    const file = event.target.files[0];
    if (file) openFile(file);
    event.target.value = "";
  });
  ui.stage.addEventListener("dragover", (event) => {
    event.preventDefault();
    ui.stage.classList.add("dropping");
  });
  ui.stage.addEventListener("dragleave", () => ui.stage.classList.remove("dropping"));
  ui.stage.addEventListener("drop", (event) => {
    event.preventDefault();
    ui.stage.classList.remove("dropping");
    const file = event.dataTransfer.files[0];
    if (file) openFile(file);
    else if (event.dataTransfer.getData("text/plain")) replaceText(clipboardText(event.dataTransfer));
  });
}

// ---- keyboard and buttons ----

function wireControls() {
  ui.viewButton.addEventListener("click", () => setMode("view"));
  ui.editButton.addEventListener("click", () => {
    setMode("edit");
    ui.editor.focus();
  });
  ui.article.addEventListener("click", (event) => {
    const hit = event.target.closest(".hl");
    if (!hit || !state.annotated) return;
    const entry = state.annotated.items.get(hit.dataset.ref);
    if (entry) selectItem(hit.dataset.ref, entry.item.name || entry.item.label || "Quote");
    if (entry) panel.reveal(hit.dataset.ref);
  });
  ui.sample.addEventListener("click", () => replaceText(SAMPLE));
  $("clear").addEventListener("click", () => {
    storage.clear();
    state.layers = allLayers();
    replaceText("");
    ui.editor.focus();
    toast("Cleared: nothing of this article is kept in the browser.");
  });
  ui.exportCopy.addEventListener("click", () => copyExport().catch((err) => say(err.message, "error")));
  ui.exportDownload.addEventListener("click", () => downloadExport().catch((err) => say(err.message, "error")));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (state.text.trim()) setMode("view");
      ui.article.focus();
      return;
    }
    if (event.target.closest("textarea, input, select") || event.altKey || event.ctrlKey || event.metaKey) return;
    const actions = {
      n: () => selection.step(1),
      j: () => selection.step(1),
      p: () => selection.step(-1),
      k: () => selection.step(-1),
      Escape: () => selection.clear(),
      e: () => {
        setMode("edit");
        ui.editor.focus();
      },
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  attachTooltip(ui.article, ui.tooltip, () => (state.annotated ? state.annotated.items : new Map()));
}

// ---- start ----

function start() {
  setState("loading");
  Object.assign(state.layers, storage.loadLayers());
  renderLegend(null);
  panel.render({ entities: [], quotes: [], issues: [] });
  wireInput();
  wireControls();
  say("Loading the annotator…");
  annotator.ready.then(
    () => {
      fillExportMenu();
      // Milliseconds from the start of navigation until the annotator is ready.
      document.body.dataset.readyMs = String(Math.round(performance.now()));
      if (document.body.dataset.state === "loading") {
        setState("idle");
        say("");
      }
    },
    (err) => {
      setState("error");
      say(err.message, "error");
    },
  );
  const saved = storage.loadArticle();
  if (saved) {
    state.text = saved;
    ui.editor.value = saved;
    setMode("view");
    annotateNow();
  } else {
    setMode("edit");
  }
  // The service worker pre-caches every asset, the wasm included: register it
  // once the annotator is ready so that it does not compete with loading it.
  if ("serviceWorker" in navigator) {
    annotator.ready
      .finally(() => navigator.serviceWorker.register("sw.js"))
      .catch(() => {
        // No offline support here (file:// or an insecure origin); the page works online.
      });
  }
}

start();
