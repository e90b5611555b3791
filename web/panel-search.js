// The side panel's search box: typing filters the cards of every tab to
// those whose text holds the query (case-insensitive), their Fix buttons
// with them (style.css), and opens a tab with a match when the open one has none; a quote
// group with no card left is hidden. A card is hidden when the search
// (class "unmatched") or the quote filter (class "filtered") leaves it out,
// so clearing one keeps the other's choice. The filter is applied again
// after every render.

export class PanelSearch {
  /**
   * @param {HTMLElement} anchor the box goes before it (the panel's tabs)
   * @param {HTMLElement} panels the tab panels holding the cards
   */
  constructor(anchor, panels) {
    this.panels = panels;
    this.input = document.createElement("input");
    this.input.type = "search";
    this.input.id = "panel-search";
    this.input.className = "panel-search";
    this.input.placeholder = "Search the lists";
    this.input.setAttribute("aria-label", "Search the lists");
    this.input.addEventListener("input", () => {
      this.apply();
      this.openMatch();
    });
    anchor.before(this.input);
  }

  /** apply shows only the cards that match the query. */
  apply() {
    const query = this.input.value.trim().toLocaleLowerCase();
    for (const card of this.panels.querySelectorAll(".item")) {
      const hide = query !== "" && !card.textContent.toLocaleLowerCase().includes(query);
      card.classList.toggle("unmatched", hide);
      card.hidden = hide || card.classList.contains("filtered");
    }
    for (const group of this.panels.querySelectorAll(".group")) group.hidden = !group.querySelector(".item:not([hidden])");
  }

  // openMatch opens the first tab with a match when the open one has none.
  openMatch() {
    const shown = (p) => p.querySelector(".item:not([hidden])");
    const open = this.panels.querySelector(".tab-panel:not([hidden])");
    if (!open || shown(open)) return;
    const other = [...this.panels.children].find(shown);
    if (other) document.getElementById(other.getAttribute("aria-labelledby")).click();
  }
}
