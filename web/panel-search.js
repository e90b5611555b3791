// The side panel's search box: typing filters the cards of every tab to
// those whose text holds the query (case-insensitive), with their Fix
// buttons; a quote group with no card left is hidden. The filter is applied
// again after every render.

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
    this.input.addEventListener("input", () => this.apply());
    anchor.before(this.input);
  }

  /** apply shows only the cards that match the query. */
  apply() {
    const query = this.input.value.trim().toLocaleLowerCase();
    for (const card of this.panels.querySelectorAll(".item")) {
      const hide = query !== "" && !card.textContent.toLocaleLowerCase().includes(query);
      card.hidden = hide;
      for (let next = card.nextElementSibling; next && !next.classList.contains("item"); next = next.nextElementSibling) {
        if (next.classList.contains("fix-toggle") || next.classList.contains("fix-menu")) next.hidden = hide;
      }
    }
    for (const group of this.panels.querySelectorAll(".group")) {
      group.hidden = query !== "" && !group.querySelector(".item:not([hidden])");
    }
  }
}
