// Selection of one item (a person, a quote, an issue): every mention of it is
// marked, and the navigator steps through them in text order, scrolling each
// into view and moving keyboard focus to it so its tooltip is read out.

export class Selection {
  constructor({ nav, label, prev, next, close, onChange, onStep }) {
    this.nav = nav;
    this.label = label;
    this.onChange = onChange || (() => {});
    this.onStep = onStep || (() => {});
    this.mentions = [];
    this.index = -1;
    this.ref = null;
    prev.addEventListener("click", () => this.step(-1));
    next.addEventListener("click", () => this.step(1));
    close.addEventListener("click", () => this.clear());
  }

  /**
   * select marks every mention of ref (a list of spans with .els), or of
   * what ref is one of (a speaker's quotes), and goes to mention `at`;
   * `unit` names them in the navigator.
   */
  select(ref, mentions, name, { at = 0, unit = "mention" } = {}) {
    this.clear();
    if (!mentions || mentions.length === 0) return;
    this.ref = ref;
    this.name = name;
    this.unit = unit;
    this.mentions = mentions;
    for (const m of mentions) for (const el of m.els) el.classList.add("selected");
    this.nav.hidden = false;
    this.go(Math.max(0, at));
    this.onChange(ref);
  }

  step(delta) {
    if (this.mentions.length === 0) return;
    const n = this.mentions.length;
    this.go((this.index + delta + n) % n);
  }

  go(i) {
    const old = this.mentions[this.index];
    if (old) for (const el of old.els) el.classList.remove("current");
    this.index = i;
    const m = this.mentions[i];
    for (const el of m.els) el.classList.add("current");
    const first = m.els[0];
    first.tabIndex = -1;
    first.scrollIntoView({ block: "center", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
    first.focus({ preventScroll: true });
    this.label.textContent = `${this.name}: ${this.unit} ${i + 1} of ${this.mentions.length}`;
    this.onStep(m);
  }

  clear() {
    for (const m of this.mentions) for (const el of m.els) el.classList.remove("selected", "current");
    const had = this.ref !== null;
    this.mentions = [];
    this.index = -1;
    this.ref = null;
    this.nav.hidden = true;
    if (had) this.onChange(null);
  }
}
