// The side panel, Hypothesis-style: one tab per layer listing what the
// article contains (people with role, mentions and quotes; places;
// organizations; quotes grouped by speaker with anonymous sources flagged;
// issues in the document's order, narrow topics first). The layer registry
// decides the tabs and their order; each document list has one way to list
// its items. Choosing an item asks the page to select it.

import { LAYERS, speakerName, isAnonymous, wordCount, confidence, LOW } from "./layers.js";

const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

const QUOTE_FILTERS = [
  ["", "All sources"],
  ["female", "Women"],
  ["male", "Men"],
  ["unknown", "Gender unknown"],
  ["anonymous", "Anonymous"],
];

// quoteSource lists what the quote filter knows of a quote's source: the
// speaker's gender (people only) and whether they are anonymous.
function quoteSource(q) {
  const s = q.speaker;
  if (!s) return "none";
  return [s.gender || "", s.anonymous ? "anonymous" : ""].filter(Boolean).join(" ") || "other";
}

export class Panel {
  constructor(tabs, panels, onSelect) {
    this.tabs = tabs;
    this.panels = panels;
    this.onSelect = onSelect;
    this.active = LAYERS[0].key;
    this.buttons = new Map();
    tabs.addEventListener("keydown", (e) => this.arrowKeys(e));
  }

  /** render rebuilds every tab from doc. */
  render(doc) {
    this.buttons.clear();
    this.tabs.replaceChildren();
    this.panels.replaceChildren();
    const lister = {
      entities: (key) => this.entityItems(doc, key),
      quotes: () => this.quoteGroups(doc),
      issues: () => this.issueItems(doc),
    };
    for (const layer of LAYERS) {
      const { nodes, count } = lister[layer.list](layer.key);
      const tab = el("button", `tab tab-${layer.key}`);
      tab.type = "button";
      tab.id = `tab-${layer.key}`;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", `list-${layer.key}`);
      tab.setAttribute("aria-label", `${layer.label}: ${count}`);
      tab.append(el("span", "", layer.short), el("span", "tab-count", String(count)));
      tab.addEventListener("click", () => this.show(layer.key));
      const panel = el("div", "tab-panel");
      panel.id = `list-${layer.key}`;
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      if (nodes.length === 0) panel.append(el("p", "empty", `No ${layer.label.toLowerCase()} found.`));
      else panel.append(...nodes);
      this.tabs.append(tab);
      this.panels.append(panel);
    }
    this.show(this.active);
  }

  show(key) {
    this.active = key;
    for (const tab of this.tabs.children) {
      const on = tab.id === `tab-${key}`;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
    }
    for (const panel of this.panels.children) panel.hidden = panel.id !== `list-${key}`;
  }

  arrowKeys(e) {
    const keys = LAYERS.map((l) => l.key);
    const i = keys.indexOf(this.active);
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    let j;
    if (e.key in moves) j = (i + moves[e.key] + keys.length) % keys.length;
    else if (e.key === "Home") j = 0;
    else if (e.key === "End") j = keys.length - 1;
    else return;
    e.preventDefault();
    this.show(keys[j]);
    document.getElementById(`tab-${keys[j]}`).focus();
  }

  /**
   * reveal shows the tab holding the card of ref and scrolls the list (never
   * the page: on a phone the panel is under the text, one tap on Lists away)
   * to it.
   */
  reveal(ref) {
    const card = (this.buttons.get(ref) || [])[0];
    const panel = card && card.closest(".tab-panel");
    if (!panel) return;
    this.show(panel.id.slice("list-".length));
    const box = this.panels.getBoundingClientRect();
    const r = card.getBoundingClientRect();
    if (r.top < box.top || r.bottom > box.bottom) this.panels.scrollTop += r.top - box.top - 8;
  }

  /** mark shows which item is selected (null for none). */
  mark(ref) {
    for (const [r, buttons] of this.buttons) {
      for (const b of buttons) b.setAttribute("aria-pressed", String(r === ref));
    }
  }

  // item is the card of one entity, quote or issue (item, of layer): an
  // uncertain one says how sure Lede is, and can be hidden.
  item(ref, name, lines, className, layer, item) {
    const c = confidence(layer, item);
    if (c < LOW) lines = [...lines, `confidence ${c.toFixed(2)}`];
    const b = el("button", `item ${className}${c < LOW ? " low" : ""}`);
    b.type = "button";
    b.setAttribute("aria-pressed", "false");
    b.append(el("span", "item-name", name));
    for (const line of lines.filter(Boolean)) b.append(el("span", "item-meta", line));
    b.addEventListener("click", () => this.onSelect(ref, name));
    if (!this.buttons.has(ref)) this.buttons.set(ref, []);
    this.buttons.get(ref).push(b);
    return b;
  }

  entityItems(doc, type) {
    const quotes = new Map();
    for (const q of doc.quotes || []) {
      const id = q.speaker && q.speaker.entity;
      if (id) quotes.set(id, (quotes.get(id) || 0) + 1);
    }
    const entities = (doc.entities || [])
      .filter((e) => e.type === type)
      .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
    const nodes = entities.map((e) => {
      const n = e.mentions.length;
      const q = quotes.get(e.id) || 0;
      const counts = `${n} mention${n === 1 ? "" : "s"}` + (type === "person" ? ` · ${q} quote${q === 1 ? "" : "s"}` : "");
      return this.item(e.id, e.name, [e.role, counts], `item-${type}`, type, e);
    });
    return { nodes, count: entities.length };
  }

  quoteGroups(doc) {
    const groups = new Map();
    for (const q of doc.quotes || []) {
      // A speaker's anonymous quotes (an editor's mark) group apart.
      const key = [(q.speaker && (q.speaker.entity || q.speaker.name)) || "", isAnonymous(q)].join();
      if (!groups.has(key)) groups.set(key, { name: speakerName(q), anonymous: isAnonymous(q), quotes: [], words: 0 });
      const g = groups.get(key);
      g.quotes.push(q);
      g.words += wordCount(q.text);
    }
    const sections = [...groups.values()]
      .sort((a, b) => b.words - a.words)
      .map((g) => {
        const section = el("section", "group");
        const head = el("h3", "group-head");
        head.append(el("span", "", g.name));
        if (g.anonymous) head.append(el("span", "badge badge-anon", g.name === "Unattributed" ? "no source" : "anonymous"));
        head.append(el("span", "group-count", `${g.quotes.length} · ${g.words} words`));
        section.append(head);
        for (const q of g.quotes) {
          const item = this.item(q.id, q.text, [q.partial ? "partial quote" : ""], "item-quote", "quote", q);
          item.dataset.source = quoteSource(q);
          section.append(item);
        }
        return section;
      });
    const nodes = sections.length ? [this.quoteFilter(sections), ...sections] : sections;
    return { nodes, count: (doc.quotes || []).length };
  }

  // quoteFilter is a select that shows only the quotes of one kind of
  // source (by the speaker's gender, or anonymous), as the audit counts them.
  quoteFilter(sections) {
    const select = el("select", "quote-filter");
    select.setAttribute("aria-label", "Show quotes from");
    for (const [value, label] of QUOTE_FILTERS) {
      const o = el("option", "", label);
      o.value = value;
      select.append(o);
    }
    select.value = this.quoteFilterValue || "";
    const apply = () => {
      this.quoteFilterValue = select.value;
      for (const section of sections) {
        let shown = 0;
        for (const item of section.querySelectorAll(".item-quote")) {
          item.classList.toggle("filtered", select.value !== "" && !item.dataset.source.split(" ").includes(select.value));
          item.hidden = item.classList.contains("filtered") || item.classList.contains("unmatched");
          if (!item.hidden) shown++;
        }
        section.hidden = shown === 0;
      }
    };
    select.addEventListener("change", apply);
    apply();
    return select;
  }

  issueItems(doc) {
    // Go ranks the issues (docs/format.md): narrow topics first, then their
    // top levels. Only the salient issues show at first; the rest, and
    // their underlines in the text, behind "more issues".
    const issues = doc.issues || [];
    const items = issues.map((is, rank) => {
      const n = (is.mentions || []).length;
      const b = this.item(is.id, `${rank + 1}. ${is.label}`, [is.parentLabel || "", `${is.id} · ${n} mention${n === 1 ? "" : "s"}`], "item-issue", "issue", is);
      const meter = el("span", "score");
      const fill = el("span", "score-fill");
      fill.style.width = `${Math.round(Math.max(0, Math.min(1, is.score)) * 100)}%`;
      meter.append(fill);
      meter.setAttribute("aria-label", `score ${is.score.toFixed(2)}`);
      b.append(meter);
      return b;
    });
    const nodes = items.filter((_, i) => issues[i].salient);
    const rest = items.filter((_, i) => !issues[i].salient);
    document.body.classList.remove("show-more-issues");
    if (rest.length > 0) {
      const more = el("details", "more-issues");
      more.append(el("summary", "", `${rest.length} more issue${rest.length === 1 ? "" : "s"}`), ...rest);
      more.addEventListener("toggle", () => document.body.classList.toggle("show-more-issues", more.open));
      nodes.push(more);
    }
    return { nodes, count: issues.length };
  }
}
