// Rendering of highlights, displaCy-style: the article stays text, every span
// becomes an element that carries its layer, and the look is pure CSS per
// layer. Spans may nest or overlap (a person inside a quote, an issue word
// inside both), so the text is cut at every span boundary into segments that
// overlap nothing, and each segment is wrapped once per span covering it.
// Elements are built with createElement and textContent only: article text
// is never parsed as HTML.

import { layerByKey, speakerName, isAnonymous, confidence, LOW } from "./layers.js";

/**
 * renderHighlights builds the highlighted text in doc (the page, or the
 * document of an exported file). It returns the fragment and, per ref, the
 * spans in text order, each with the elements it was cut into (span.els).
 */
export function renderHighlights(text, spans, doc = document) {
  const fragment = doc.createDocumentFragment();
  const byRef = new Map();
  const ordered = spans
    .map((s) => ({ ...s, els: [] }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const blockEnds = blockBoundaries(text);
  const cuts = new Set([0, text.length, ...blockEnds]);
  for (const s of ordered) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const labelled = new Set();
  let active = [];
  let next = 0;
  let block = fragment;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    if (blockEnds.has(from) || i === 0) {
      block = doc.createElement("div");
      block.className = "block";
      fragment.append(block);
    }
    active = active.filter((s) => s.end > from);
    for (; next < ordered.length && ordered[next].start <= from; next++) {
      const s = ordered[next];
      if (s.end <= from) continue;
      active.push(s);
      if (!byRef.has(s.ref)) byRef.set(s.ref, []);
      byRef.get(s.ref).push(s);
    }
    const piece = text.slice(from, to);
    if (active.length === 0) {
      block.append(piece);
      continue;
    }
    let parent = block;
    for (const s of [...active].sort(nesting)) {
      const el = doc.createElement(s.layer === "quote" || s.layer === "issue" ? "span" : "mark");
      // Only salient issues are underlined by default; the rest show
      // with the panel's "more issues" (style.css .hl-more).
      el.className = s.layer === "issue" && !s.item.salient ? "hl hl-issue hl-more" : `hl hl-${s.layer}`;
      el.dataset.ref = s.ref;
      if (low(s)) el.classList.add("low");
      if (s.els.length === 0 && s.layer === "quote" && !labelled.has(s.ref)) {
        labelled.add(s.ref);
        el.dataset.label = speakerName(s.item);
      }
      s.els.push(el);
      parent.append(el);
      parent = el;
    }
    parent.append(piece);
  }
  labelNames(ordered.filter((s) => s.layer !== "quote" && s.layer !== "issue"), labelled);
  return { fragment, byRef };
}

// labelNames puts the small type tag (PER, LOC, ORG) of each name after the
// whole of its first mention, on the mention's last piece (an issue word can
// cut a name in two), and skips a mention that another name contains or
// crosses, so the tag never sits inside a longer name. names are in text
// order, longer first at one start. Issue words carry no tag (their dotted
// underline and the tooltip say what they are); a quote's goes before it.
function labelNames(names, labelled) {
  let reach = -1;
  names.forEach((s, i) => {
    let inside = reach >= s.end;
    for (let j = i + 1; !inside && j < names.length && names[j].start < s.end; j++) inside = names[j].end > s.end;
    reach = Math.max(reach, s.end);
    if (inside || labelled.has(s.ref)) return;
    labelled.add(s.ref);
    s.els[s.els.length - 1].dataset.label = layerByKey.get(s.layer).tag;
  });
}

const low = (s) => confidence(s.layer, s.item) < LOW;

// Long texts are cut into blocks of about BLOCK_SIZE characters, each ending
// after a line break, so the browser can skip laying out the blocks that are
// off screen (content-visibility in the style sheet). A highlight that spans a
// block boundary is simply cut there, like at any other boundary.
const BLOCK_SIZE = 8000;

function blockBoundaries(text) {
  const ends = new Set();
  for (let at = 0; ; ) {
    const nl = text.indexOf("\n", at + BLOCK_SIZE);
    if (nl < 0 || nl + 1 >= text.length) return ends;
    at = nl + 1;
    ends.add(at);
  }
}

// nesting orders the spans over one piece of text outermost first: by the
// registry's depth, then the longer span outside.
function nesting(a, b) {
  return layerByKey.get(a.layer).depth - layerByKey.get(b.layer).depth || b.end - b.start - (a.end - a.start);
}

/**
 * describe lists, outermost first, what the highlights around el are:
 * [{layer, title, details}] for the tooltip and screen readers.
 */
export function describe(el, items, stop) {
  const out = [];
  for (let n = el; n && n !== stop; n = n.parentElement) {
    const entry = n.dataset && n.dataset.ref && items.get(n.dataset.ref);
    if (entry) out.unshift({ layer: entry.layer, ...summarize(entry.layer, entry.item) });
  }
  return out;
}

// summarize adds "confidence 0.42" to what it says of an uncertain item.
function summarize(layer, item) {
  const d = describeItem(layer, item);
  const c = confidence(layer, item);
  if (c < LOW) d.details = [d.details, `confidence ${c.toFixed(2)}`].filter(Boolean).join(" · ");
  return d;
}

function describeItem(layer, item) {
  const one = layerByKey.get(layer).one;
  if (layer === "quote") {
    const who = speakerName(item);
    const flags = [isAnonymous(item) && item.speaker ? "anonymous source" : "", item.partial ? "partial quote" : ""].filter(Boolean);
    return { title: `${one} · ${who}`, details: flags.join(", ") };
  }
  if (layer === "issue") {
    const parent = item.parentLabel ? ` (${item.parentLabel})` : "";
    return { title: `${one} · ${item.label}${parent}`, details: `IPTC ${item.id}` };
  }
  const mentions = (item.mentions || []).length;
  const role = item.role ? `${item.role} · ` : "";
  return { title: `${one} · ${item.name}`, details: `${role}${mentions} mention${mentions === 1 ? "" : "s"}` };
}

/**
 * attachTooltip shows the description of the highlight under the pointer or
 * keyboard focus in tip. items maps ref → {layer, item}; it is read at event
 * time, so it can be replaced after each annotation.
 */
export function attachTooltip(container, tip, getItems) {
  let anchor = null;
  const show = (event) => {
    const target = event.target.closest && event.target.closest(".hl");
    if (!target || !container.contains(target)) return;
    anchor = target;
    const lines = describe(target, getItems(), container);
    if (lines.length === 0) return;
    tip.replaceChildren(
      ...lines.map((l) => {
        const row = document.createElement("div");
        row.className = `tip-row tip-${l.layer}`;
        const title = document.createElement("strong");
        title.textContent = l.title;
        row.append(title);
        if (l.details) {
          const d = document.createElement("span");
          d.textContent = l.details;
          row.append(d);
        }
        return row;
      }),
    );
    tip.hidden = false;
    place(tip, target.getBoundingClientRect());
  };
  const hide = () => {
    tip.hidden = true;
    anchor = null;
  };
  container.addEventListener("mouseover", show);
  container.addEventListener("focusin", show);
  container.addEventListener("mouseleave", hide);
  container.addEventListener("focusout", hide);
  // A focused highlight keeps its tooltip while the page scrolls to it, and
  // while it is on screen (not pinned over the header).
  const follow = () => {
    const r = anchor && anchor.getBoundingClientRect();
    if (anchor === document.activeElement && r.bottom > 0 && r.top < window.innerHeight) place(tip, r);
    else hide();
  };
  window.addEventListener("scroll", follow, { passive: true });
}

function place(tip, rect) {
  const margin = 8;
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const left = Math.min(Math.max(margin, rect.left), window.innerWidth - width - margin);
  const below = rect.bottom + margin;
  const top = below + height > window.innerHeight ? rect.top - height - margin : below;
  tip.style.left = `${left}px`;
  tip.style.top = `${Math.max(margin, top)}px`;
}
