// The summary strip: the article at a glance for an editor — how many people
// and how many of them are quoted, how many quotes and how many anonymous,
// the top issues, an inline-SVG bar chart of the words quoted per speaker,
// so whose voice dominates is visible before reading, and beside it the
// source audit Go computed (doc.sources): people, quotes and quoted words by
// gender, the anonymous share and the kinds of source.

import { speakerName, isAnonymous, wordCount } from "./layers.js";

const SVG = "http://www.w3.org/2000/svg";
const MAX_BARS = 6;

const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** facts computes the summary numbers from a document. */
export function facts(doc) {
  const people = (doc.entities || []).filter((e) => e.type === "person");
  const quotes = doc.quotes || [];
  const quotedIds = new Set(quotes.map((q) => q.speaker && q.speaker.entity).filter(Boolean));
  const voices = new Map();
  for (const q of quotes) {
    const name = speakerName(q);
    const v = voices.get(name) || { name, words: 0, anonymous: isAnonymous(q) };
    v.words += wordCount(q.text);
    voices.set(name, v);
  }
  return {
    people: people.length,
    quotedPeople: people.filter((p) => quotedIds.has(p.id)).length,
    quotes: quotes.length,
    // The audit's count: sources described and never named. (Without one,
    // the older reading of the speakers.)
    anonymous: doc.sources ? doc.sources.anonymous : quotes.filter((q) => q.speaker && isAnonymous(q)).length,
    topIssues: (doc.issues || []).slice(0, 3), // in the document's order, as Go ranks them
    voices: [...voices.values()].sort((a, b) => b.words - a.words),
  };
}

export function renderSummary(root, doc) {
  const f = facts(doc);
  const stats = el("dl", "stats");
  const stat = (value, label) => {
    const d = el("div", "stat");
    d.append(el("dt", "", label), el("dd", "", String(value)));
    stats.append(d);
  };
  stat(f.people, f.people === 1 ? "person" : "people");
  stat(f.quotedPeople, "quoted");
  stat(f.quotes, f.quotes === 1 ? "quote" : "quotes");
  stat(f.anonymous, "anonymous");
  const issues = el("div", "top-issues");
  issues.append(el("h2", "", "Top issues"));
  if (f.topIssues.length === 0) issues.append(el("p", "muted", "None found"));
  else {
    const list = el("ol");
    for (const is of f.topIssues) list.append(el("li", "", is.label));
    issues.append(list);
  }
  const voices = el("figure", "voices");
  const caption = el("figcaption", "", "Words quoted per speaker");
  voices.append(caption, f.voices.length ? chart(f.voices.slice(0, MAX_BARS)) : el("p", "muted", "No quotes"));
  const parts = [stats, issues, voices];
  if (doc.sources) parts.push(audit(doc.sources));
  root.replaceChildren(...parts);
  root.hidden = false;
}

const GENDERS = [
  ["female", "women"],
  ["male", "men"],
  ["unknown", "unknown"],
];

const percent = (n, total) => (total ? Math.round((100 * n) / total) : 0);

/** audit shows the source audit: who is heard, by gender, and how. */
export function audit(s) {
  const fig = el("figure", "audit");
  fig.append(el("figcaption", "", "Who is heard"));
  const rows = el("div", "audit-rows");
  const row = (label, counts, unit) => {
    const total = GENDERS.reduce((t, [g]) => t + (counts[g] || 0), 0);
    const r = el("div", "audit-row");
    r.append(el("span", "audit-label", label));
    const bar = el("span", "gbar");
    bar.setAttribute("role", "img");
    const parts = GENDERS.map(([g, name]) => `${name} ${counts[g] || 0} (${percent(counts[g] || 0, total)}%)`);
    bar.setAttribute("aria-label", `${label}: ${parts.join(", ")}`);
    for (const [g] of GENDERS) {
      const n = counts[g] || 0;
      if (!n) continue;
      const seg = el("span", `gseg g-${g}`);
      seg.style.width = `${(100 * n) / total}%`;
      bar.append(seg);
    }
    const text = GENDERS.filter(([g]) => counts[g]).map(([g, name]) => `${percent(counts[g], total)}% ${name}`);
    r.append(bar, el("span", "audit-value", total ? text.join(" · ") : `no ${unit}`));
    rows.append(r);
  };
  row("People", s.people, "people");
  row("Quotes", s.quotesByGender, "quotes");
  row("Words", s.wordsByGender, "words");
  const k = s.kinds;
  fig.append(
    rows,
    el("p", "audit-line", `Anonymous: ${s.anonymous} of ${s.attributed} attributed (${percent(s.anonymous, s.attributed)}%)`),
    el(
      "p",
      "audit-line",
      `Sources: ${k.person} named · ${k.anonymous} anonymous · ${k.organization} organization · ${k.document} document` +
        (k.unattributed ? ` · ${k.unattributed} unattributed` : ""),
    ),
  );
  return fig;
}

// chart draws horizontal bars, one per speaker, longest first.
function chart(voices) {
  const rowHeight = 20;
  const width = 320;
  const labelWidth = 120;
  const max = Math.max(...voices.map((v) => v.words), 1);
  const svg = document.createElementNS(SVG, "svg");
  const height = voices.length * rowHeight;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", voices.map((v) => `${v.name}: ${v.words} words`).join("; "));
  voices.forEach((v, i) => {
    const y = i * rowHeight;
    const name = document.createElementNS(SVG, "text");
    name.setAttribute("x", String(labelWidth - 6));
    name.setAttribute("y", String(y + 14));
    name.setAttribute("text-anchor", "end");
    name.setAttribute("class", "bar-label");
    name.textContent = v.name.length > 18 ? `${v.name.slice(0, 17)}…` : v.name;
    const bar = document.createElementNS(SVG, "rect");
    const w = Math.max(2, ((width - labelWidth - 40) * v.words) / max);
    bar.setAttribute("x", String(labelWidth));
    bar.setAttribute("y", String(y + 4));
    bar.setAttribute("width", w.toFixed(1));
    bar.setAttribute("height", String(rowHeight - 8));
    bar.setAttribute("rx", "3");
    bar.setAttribute("class", v.anonymous ? "bar bar-anon" : "bar");
    const count = document.createElementNS(SVG, "text");
    count.setAttribute("x", (labelWidth + w + 5).toFixed(1));
    count.setAttribute("y", String(y + 14));
    count.setAttribute("class", "bar-value");
    count.textContent = String(v.words);
    svg.append(name, bar, count);
  });
  return svg;
}
