// The summary strip: the article at a glance for an editor — how many people
// and how many of them are quoted, how many quotes and how many anonymous,
// the top issues, a bar chart of the words quoted per speaker,
// so whose voice dominates is visible before reading, and beside it the
// source audit Go computed (doc.sources): people, quotes and quoted words by
// gender, the anonymous share and the kinds of source.

import { speakerName, isAnonymous, wordCount } from "./layers.js";

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

// chart draws horizontal bars, one per speaker, longest first, as a grid
// whose label column fits the names (up to a share of the width, then they
// wrap): no name is ever cut off.
function chart(voices) {
  const max = Math.max(...voices.map((v) => v.words), 1);
  const grid = el("div", "chart");
  grid.setAttribute("role", "img");
  grid.setAttribute("aria-label", voices.map((v) => `${v.name}: ${v.words} words`).join("; "));
  for (const v of voices) {
    const bar = el("span", v.anonymous ? "bar bar-anon" : "bar");
    bar.style.width = `calc((100% - 3em) * ${Math.max(0.01, v.words / max).toFixed(3)})`;
    const cell = el("span", "bar-cell");
    cell.append(bar, el("span", "bar-value", String(v.words)));
    grid.append(el("span", "bar-label", v.name), cell);
  }
  return grid;
}
