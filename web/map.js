// The map: a small world map of the article's linked places, drawn as inline
// SVG from Natural Earth's land outline (map-land.js, made by cmd/build-geo),
// with no tiles and no network. It zooms to the places, draws one dot per
// place sized by its mentions; hovering a dot names it, and clicking it
// selects its mentions in the text, then steps through them.
//
// The projection is equirectangular in the outline's units: x = 2·(lon+180),
// y = 2·(90−lat), a 720 × 360 world.

import { LAND } from "./map-land.js";

const SVG = "http://www.w3.org/2000/svg";
const WORLD_W = 720;
const WORLD_H = 360;
const MIN_W = 40; // the closest zoom: 20° of longitude
const DOT_PX = 4; // the radius of a dot of one mention, at the map's width in pixels
const MAP_PX = 320;

const svgEl = (tag, attrs) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
};

/** project returns the outline's [x, y] of a latitude and longitude. */
export function project(lat, lon) {
  return [2 * (lon + 180), 2 * (90 - lat)];
}

/** places returns the linked places of a document that can be drawn. */
export function places(doc) {
  const out = [];
  for (const e of (doc && doc.entities) || []) {
    const g = e.geo;
    if (e.type !== "place" || !g || !Number.isFinite(g.lat) || !Number.isFinite(g.lon)) continue;
    if (Math.abs(g.lat) > 90 || Math.abs(g.lon) > 180) continue;
    out.push({ entity: e, geo: g, mentions: (e.mentions || []).length });
  }
  return out;
}

/** frame returns the view box [x, y, w, h] that shows every point, 2:1. */
export function frame(points) {
  if (points.length === 0) return [0, 0, WORLD_W, WORLD_H];
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x); x1 = Math.max(x1, x);
    y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  let w = Math.max(MIN_W, (x1 - x0) * 1.3, (y1 - y0) * 1.3 * 2);
  w = Math.min(w, WORLD_W);
  const h = w / 2;
  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
  const x = clamp((x0 + x1) / 2 - w / 2, 0, WORLD_W - w);
  const y = clamp((y0 + y1) / 2 - h / 2, 0, WORLD_H - h);
  return [x, y, w, h];
}

export class WorldMap {
  /**
   * The map goes at the top of parent. select(ref, name) selects an
   * entity's mentions; step(1) moves to its next; selected() is the ref of
   * the current selection.
   */
  constructor(parent, { select, step, selected }) {
    this.select = select;
    this.step = step;
    this.selected = selected;
    this.root = document.createElement("figure");
    this.root.className = "map";
    this.root.id = "map";
    this.root.hidden = true;
    parent.prepend(this.root);
  }

  /** render draws the places of doc, or hides the map when it has none. */
  render(doc) {
    const list = places(doc);
    this.root.replaceChildren();
    this.root.hidden = list.length === 0;
    if (list.length === 0) return;
    const points = list.map((p) => project(p.geo.lat, p.geo.lon));
    const [x, y, w, h] = frame(points);
    const unit = w / MAP_PX; // outline units per pixel
    const svg = svgEl("svg", { viewBox: `${x} ${y} ${w} ${h}`, role: "group", class: "map-svg" });
    svg.setAttribute("aria-label", `Map of ${list.length} place${list.length === 1 ? "" : "s"}`);
    svg.append(svgEl("rect", { x: 0, y: 0, width: WORLD_W, height: WORLD_H, class: "map-sea" }));
    svg.append(svgEl("path", { d: LAND, class: "map-land", "stroke-width": unit }));
    // The biggest dots first, so the small ones stay clickable on top.
    const order = list.map((p, i) => i).sort((a, b) => list[b].mentions - list[a].mentions);
    for (const i of order) {
      const p = list[i];
      const [cx, cy] = points[i];
      const r = (DOT_PX + 2.5 * Math.sqrt(Math.max(0, p.mentions - 1))) * unit;
      const dot = svgEl("circle", { cx, cy, r, class: "map-dot", tabindex: 0, role: "button", "stroke-width": unit * 1.5 });
      dot.dataset.ref = p.entity.id;
      dot.dataset.geonames = p.geo.geonames || "";
      const label = `${p.entity.name} (${p.geo.name}, ${p.geo.country}) · ${p.mentions} mention${p.mentions === 1 ? "" : "s"}`;
      dot.setAttribute("aria-label", label);
      const title = svgEl("title");
      title.textContent = label;
      dot.append(title);
      const activate = () => {
        if (this.selected() === p.entity.id) this.step(1);
        else this.select(p.entity.id, p.entity.name);
      };
      dot.addEventListener("click", activate);
      dot.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          activate();
        }
      });
      svg.append(dot);
    }
    const caption = document.createElement("figcaption");
    caption.className = "map-caption";
    caption.textContent = `${list.length} place${list.length === 1 ? "" : "s"} on the map · GeoNames, Natural Earth`;
    this.root.append(svg, caption);
  }

  /** mark highlights the dot of the selected entity (ref), if any. */
  mark(ref) {
    for (const dot of this.root.querySelectorAll(".map-dot")) {
      dot.classList.toggle("map-dot-selected", dot.dataset.ref === ref);
    }
  }
}
