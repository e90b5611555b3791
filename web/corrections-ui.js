// The page's corrections: a "Fix" menu beside every card of the side panel
// (reject, change type, merge, split off one way a name is written, set a
// quote's speaker, mark a source anonymous or named, dismiss an issue,
// "always treat X as…", "never flag X"), an undo button, and the newsroom
// lexicon manager (list, remove, add, import and export as JSON). The
// corrections and the lexicon are data (corrections.js) kept in local
// storage; the annotator applies both, so the text, panel, summary and
// exports all show the corrected document.
// DOM built with createElement and textContent only.

import * as fix from "./corrections.js";
import * as storage from "./storage.js";

const TYPES = ["person", "place", "organization"];

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(label, onClick, className = "fix-action") {
  const b = el("button", className, label);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

function select(options, label) {
  const s = el("select");
  s.setAttribute("aria-label", label);
  for (const [value, text] of options) s.append(new Option(text, value));
  return s;
}

export class Corrections {
  /**
   * @param {HTMLElement} anchor the bar goes before it (the panel's tabs)
   * @param {() => void} onChange asks the page to annotate again
   * @param {(message: string) => void} toast tells the user what happened
   */
  constructor(anchor, onChange, toast) {
    this.list = storage.loadCorrections().filter(fix.isCorrection);
    this.lexicon = storage.loadLexicon() || fix.emptyLexicon();
    // What Undo takes back, last first: a correction (null) or a lexicon
    // change (the lexicon before it, kept for this visit only).
    this.history = this.list.map(() => null);
    this.onChange = onChange;
    this.toast = toast;
    this.bar = el("div", "fix-bar");
    this.undoButton = button("Undo", () => this.undo(), "fix-undo");
    this.undoButton.id = "fix-undo";
    this.lexButton = button("", () => this.toggleManager(), "fix-lexicon");
    this.lexButton.id = "lexicon-toggle";
    this.lexButton.setAttribute("aria-expanded", "false");
    this.manager = el("section", "lexicon-manager");
    this.manager.id = "lexicon-manager";
    this.manager.hidden = true;
    this.manager.setAttribute("aria-label", "Newsroom lexicon");
    this.bar.append(this.undoButton, this.lexButton);
    anchor.before(this.bar, this.manager);
    this.refreshBar();
  }

  /** options are the annotator's: the corrections and the lexicon. */
  options() {
    return fix.annotateOptions(this.list, this.lexicon);
  }

  /** reset forgets the corrections: a new article. */
  reset() {
    this.list = [];
    this.history = this.history.filter(Boolean);
    storage.saveCorrections(this.list);
    this.refreshBar();
  }

  /** edited keeps the corrections with their quotes as the text changes from before to after. */
  edited(before, after) {
    const list = fix.shift(this.list, before, after);
    if (list === this.list) return;
    this.list = list;
    storage.saveCorrections(list);
  }

  correct(c) {
    this.list = fix.push(this.list, c);
    this.history.push(null);
    storage.saveCorrections(this.list);
    this.refreshBar();
    // The card may leave the open tab: say what happened.
    this.toast(fix.describe(c));
    this.onChange();
  }

  undo() {
    if (!this.history.length) return;
    const lex = this.history.pop();
    if (lex) return this.setLexicon(lex, "Undone.", false);
    this.list = fix.undo(this.list);
    storage.saveCorrections(this.list);
    this.refreshBar();
    this.toast("Undone.");
    this.onChange();
  }

  setLexicon(lex, message, undoable = true) {
    if (undoable) this.history.push(this.lexicon);
    this.lexicon = lex;
    storage.saveLexicon(lex);
    this.refreshBar();
    if (!this.manager.hidden) this.renderManager();
    if (message) this.toast(message);
    this.onChange();
  }

  refreshBar() {
    const n = this.history.length;
    this.undoButton.disabled = n === 0;
    this.undoButton.textContent = n ? `Undo (${n})` : "Undo";
    this.undoButton.title = "Undo the last correction or lexicon change";
    this.lexButton.textContent = `Lexicon (${fix.lexiconSize(this.lexicon)})`;
  }

  // ---- the cards' menus ----

  /** decorate adds a Fix menu after every card of the panel for doc. */
  decorate(panel, doc) {
    const byId = new Map();
    for (const e of doc.entities || []) byId.set(e.id, { kind: "entity", item: e });
    for (const q of doc.quotes || []) byId.set(q.id, { kind: "quote", item: q });
    for (const is of doc.issues || []) byId.set(is.id, { kind: "issue", item: is });
    for (const [ref, cards] of panel.buttons) {
      const found = byId.get(ref);
      if (!found) continue;
      for (const card of cards) {
        if (found.item.corrected) card.classList.add("corrected");
        const toggle = button("Fix", () => this.toggleMenu(toggle, found, doc), "fix-toggle");
        toggle.setAttribute("aria-expanded", "false");
        toggle.setAttribute("aria-label", `Correct ${found.item.name || found.item.label || "this quote"}`);
        toggle.dataset.ref = ref;
        card.after(toggle);
      }
    }
  }

  toggleMenu(toggle, found, doc) {
    const open = toggle.nextElementSibling && toggle.nextElementSibling.classList.contains("fix-menu");
    if (open) {
      toggle.nextElementSibling.remove();
      toggle.setAttribute("aria-expanded", "false");
      return;
    }
    const menu = el("div", "fix-menu");
    menu.setAttribute("role", "group");
    const build = { entity: () => this.entityMenu(found.item, doc), quote: () => this.quoteMenu(found.item, doc), issue: () => this.issueMenu(found.item) };
    menu.append(...build[found.kind]());
    toggle.after(menu);
    toggle.setAttribute("aria-expanded", "true");
  }

  entityMenu(e, doc) {
    const rows = [];
    rows.push(row(button("Not a name", () => this.correct(fix.reject(e)), "fix-action fix-reject")));
    rows.push(row(el("span", "fix-label", "Type:"), ...TYPES.filter((t) => t !== e.type).map((t) => button(t, () => this.correct(fix.retype(e, t)), `fix-action fix-type-${t}`))));
    const others = (doc.entities || []).filter((o) => o.id !== e.id).sort((a, b) => (a.type === e.type ? 0 : 1) - (b.type === e.type ? 0 : 1) || a.name.localeCompare(b.name));
    if (others.length) {
      const into = select(others.map((o) => [o.id, `${o.name} (${o.type})`]), "Merge into");
      into.className = "fix-merge-into";
      rows.push(row(el("span", "fix-label", "Same as:"), into, button("Merge", () => this.correct(fix.merge(e, others.find((o) => o.id === into.value))), "fix-action fix-merge")));
    }
    const parts = fix.splittable(e);
    if (parts.length) rows.push(row(el("span", "fix-label", "Not the same:"), ...parts.map((name) => button(`split off “${name}”`, () => this.correct(fix.split(e, name)), "fix-action fix-split"))));
    const always = select(TYPES.map((t) => [t, t]), "Always treat as");
    always.value = e.type;
    rows.push(
      row(
        el("span", "fix-label", `Always treat “${e.name}” as`),
        always,
        button("Add to lexicon", () => this.setLexicon(fix.addEntity(this.lexicon, { name: e.name, type: always.value }), `“${e.name}” is now always a ${always.value}.`), "fix-action fix-always"),
      ),
    );
    rows.push(row(button(`Never flag “${e.name}”`, () => this.setLexicon(fix.addIgnore(this.lexicon, e.name), `“${e.name}” will not be flagged.`), "fix-action fix-ignore")));
    return rows;
  }

  quoteMenu(q, doc) {
    // The menu opens on the current speaker, even an organization or a
    // described source, so that Set unchanged changes nothing.
    const cur = q.speaker || {};
    const people = (doc.entities || []).filter((e) => e.type === "person" || e.id === cur.entity);
    const who = select([["", "no speaker"], ...people.map((p) => [p.id, p.name]), ["other", "someone else…"]], "Speaker");
    who.className = "fix-speaker";
    who.value = cur.entity || (cur.name ? "other" : "");
    const desc = el("input", "fix-speaker-name");
    desc.type = "text";
    desc.placeholder = "a senior official";
    desc.setAttribute("aria-label", "Who said it");
    if (!cur.entity) desc.value = cur.name || "";
    desc.hidden = who.value !== "other";
    who.addEventListener("change", () => (desc.hidden = who.value !== "other"));
    const set = () => {
      const person = people.find((p) => p.id === who.value);
      this.correct(fix.setSpeaker(q, person || (who.value === "other" ? { name: desc.value, anonymous: cur.anonymous } : null)));
    };
    const anon = cur.anonymous;
    return [
      row(el("span", "fix-label", "Said by:"), who, desc, button("Set", set, "fix-action fix-set-speaker")),
      row(button(anon ? "Mark the source named" : "Mark the source anonymous", () => this.correct(fix.anonymous(q, !anon)), "fix-action fix-anonymous")),
    ];
  }

  issueMenu(issue) {
    return [row(button("Dismiss this issue", () => this.correct(fix.dismiss(issue)), "fix-action fix-dismiss"))];
  }

  // ---- the lexicon manager ----

  toggleManager() {
    this.manager.hidden = !this.manager.hidden;
    this.lexButton.setAttribute("aria-expanded", String(!this.manager.hidden));
    if (!this.manager.hidden) this.renderManager();
  }

  renderManager() {
    const lex = this.lexicon;
    const list = el("ul", "lexicon-list");
    const entry = (name, what) => {
      const li = el("li", "lexicon-entry");
      li.append(el("span", "lexicon-name", name), el("span", "lexicon-what", what));
      li.append(button("Remove", () => this.setLexicon(fix.without(this.lexicon, name), `“${name}” left the lexicon.`), "fix-action lexicon-remove"));
      return li;
    };
    for (const e of lex.entities) list.append(entry(e.name, [e.type, e.canonical && `→ ${e.canonical}`, e.role].filter(Boolean).join(" · ")));
    for (const s of lex.ignore) list.append(entry(s, "never flagged"));
    if (!fix.lexiconSize(lex)) list.append(el("li", "empty", "No entries: use a card's Fix menu, add one here, or import a lexicon."));

    const input = (className, label) => {
      const i = el("input", className);
      i.type = "text";
      i.placeholder = label;
      i.setAttribute("aria-label", label);
      return i;
    };
    const name = input("lexicon-new-name", "Name");
    // An alias: "the Fed" is the Federal Reserve.
    const canonical = input("lexicon-new-canonical", "Canonical name (optional)");
    const kind = select([...TYPES.map((t) => [t, `always a ${t}`]), ["ignore", "never flag"]], "Entry");
    kind.className = "lexicon-new-kind";
    const add = button(
      "Add",
      () => {
        try {
          const lex2 = kind.value === "ignore" ? fix.addIgnore(this.lexicon, name.value) : fix.addEntity(this.lexicon, { name: name.value, type: kind.value, canonical: canonical.value });
          this.setLexicon(lex2, `“${name.value.trim()}” added.`);
        } catch (err) {
          this.toast(err.message);
        }
      },
      "fix-action lexicon-add",
    );
    const file = el("input", "lexicon-import");
    file.type = "file";
    file.accept = "application/json,.json";
    file.setAttribute("aria-label", "Import a lexicon (JSON)");
    file.addEventListener("change", async () => {
      const f = file.files && file.files[0];
      if (!f) return;
      try {
        const imported = fix.parseLexicon(await f.text());
        this.setLexicon(imported, `Imported ${fix.lexiconSize(imported)} entries.`);
      } catch (err) {
        this.toast(err.message);
      }
    });
    const exportButton = button("Export JSON", () => this.exportLexicon(), "fix-action lexicon-export");
    const importLabel = el("label", "lexicon-import-label", "Import JSON ");
    importLabel.append(file);
    const form = row(name, kind, canonical, add);
    form.addEventListener("keydown", (e) => e.key === "Enter" && e.target.tagName === "INPUT" && add.click());
    this.manager.replaceChildren(el("h3", "lexicon-title", "Newsroom lexicon"), list, form, row(importLabel, exportButton));
  }

  /** lexiconJSON is the lexicon as the file Export writes. */
  lexiconJSON() {
    return JSON.stringify(this.lexicon, null, 2) + "\n";
  }

  exportLexicon() {
    const url = URL.createObjectURL(new Blob([this.lexiconJSON()], { type: "application/json" }));
    const a = el("a");
    a.href = url;
    a.download = "lede-lexicon.json";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

function row(...children) {
  const r = el("div", "fix-row");
  r.append(...children);
  return r;
}
