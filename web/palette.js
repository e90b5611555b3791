// The highlight colours, in one place for the page (app.js adopts them), the
// <lede-annotator> component (in its shadow root) and the standalone HTML
// export (inlined in its <style>). Each layer of the registry (layers.js)
// has a tint, --<key>-bg, and a line, --<key>-line; a pair meets WCAG AA in
// its scheme (text 4.5:1 on the tint, the line 3:1 on the page). The scheme
// is the element's color-scheme, through light-dark(). Hosts of the
// component may override the tints with --lede-person, --lede-place,
// --lede-organization and --lede-quote.

export const PALETTE_CSS = `:root, :host {
  --person-bg: var(--lede-person, light-dark(#dbeafe, #1e3a5f)); --person-line: light-dark(#1d4ed8, #93c5fd);
  --place-bg: var(--lede-place, light-dark(#dcfce7, #14432a)); --place-line: light-dark(#15803d, #86efac);
  --organization-bg: var(--lede-organization, light-dark(#f3e8ff, #3b2155)); --organization-line: light-dark(#7e22ce, #d8b4fe);
  --quote-bg: var(--lede-quote, light-dark(#fef3c7, #3d2e0c)); --quote-line: light-dark(#b45309, #fcd34d);
  --issue-bg: light-dark(#ffe4e6, #4c1424); --issue-line: light-dark(#be123c, #fda4af);
}`;

let sheet = null;

/**
 * adoptPalette adds the palette to a document or a shadow root, once, as a
 * constructed stylesheet: a strict CSP needs no 'unsafe-inline' for it.
 */
export function adoptPalette(root) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(PALETTE_CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
