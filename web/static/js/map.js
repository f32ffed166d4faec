// The partner map: Natural Earth country shapes (world-atlas TopoJSON, vendored), partner countries
// shaded, foreign localities drawn as points at their curated coordinates. No tiles, works offline.
import { h, vendor } from "./util.js";

let atlas = null;
// Start fetching the libraries and the shapes; a page calls this before it waits for its data.
export function preloadMap() {
  if (!atlas) {
    atlas = Promise.all([vendor("d3.min.js", "topojson-client.min.js"),
      fetch("/assets/vendor/countries-110m.json").then((r) => r.json())])
      .then(([, topo]) => window.topojson.feature(topo, topo.objects.countries).features);
  }
  return atlas;
}

// Greedy label placement: try right, left, above, below of the point; drop a label that fits nowhere
// (the point keeps its tooltip and its row in the table).
function placeLabels(items) {
  const boxes = items.map((it) => ({ x: it.x - 6, y: it.y - 6, w: 12, h: 12 }));  // labels never cover a point
  const hit = (b) => boxes.some((o) => b.x < o.x + o.w && b.x + b.w > o.x && b.y < o.y + o.h && b.y + b.h > o.y);
  for (const it of items) {
    const w = it.name.length * 6.2 + 4, hgt = 13;
    const options = [[it.x + 8, it.y - 6, "start"], [it.x - 8 - w, it.y - 6, "start"], [it.x - w / 2, it.y - 20, "start"],
      [it.x - w / 2, it.y + 8, "start"]];
    it.pos = null;
    for (const [x, y] of options) {
      const b = { x, y, w, h: hgt };
      if (!hit(b)) { boxes.push(b); it.pos = { x: x + 2, y: y + 10 }; break; }
    }
  }
}

// points: [{id, name, lat, lon, href, label}]; shaded: Map(numeric -> {label, href}).
// scope "region" frames the located points and Vietnam; "world" frames every shaded country too.
export async function partnerMap({ points, shaded, title, scope = "region", width = 960, height = 540 }) {
  const features = await preloadMap();
  const d3 = window.d3;
  const located = points.filter((p) => p.lat !== null && p.lat !== undefined);
  const vietnam = features.filter((f) => f.id === "704");
  // a margin of a few degrees around each point keeps it and its label off the edge
  const pointFeatures = located.map((p) => ({ type: "Feature", geometry: { type: "MultiPoint",
    coordinates: [[p.lon - 5, p.lat - 3], [p.lon + 5, p.lat + 3]] } }));
  const frame = { type: "FeatureCollection", features: scope === "world" || !located.length
    ? [...vietnam, ...features.filter((f) => shaded.has(f.id)), ...pointFeatures]
    : [...vietnam, ...pointFeatures] };
  const projection = d3.geoNaturalEarth1();
  projection.fitExtent([[40, 30], [width - 40, height - 30]], frame);
  const path = d3.geoPath(projection);

  const svg = h("svg", { viewBox: `0 0 ${width} ${height}`, class: "map", role: "img", "aria-label": title, "data-scope": scope });
  svg.append(h("title", { svg: true }, title));
  svg.append(h("path", { svg: true, class: "sphere", d: path({ type: "Sphere" }) }));
  svg.append(h("path", { svg: true, class: "graticule", d: path(d3.geoGraticule10()) }));
  const land = h("g", { svg: true, class: "countries" });
  for (const f of features) {
    const info = shaded.get(f.id);
    const el = h("path", { svg: true, d: path(f), class: info ? "partner-country" : f.id === "704" ? "home-country" : null,
      "data-numeric": f.id });
    if (info) {
      el.append(h("title", { svg: true }, info.label));
      const a = h("a", { svg: true, href: info.href, "aria-label": info.label });
      a.append(el); land.append(a);
    } else land.append(el);
  }
  svg.append(land);
  const dots = h("g", { svg: true, class: "points" });
  const items = located.map((p) => { const [x, y] = projection([p.lon, p.lat]); return { ...p, x, y }; })
    .filter((p) => Number.isFinite(p.x)).sort((a, b) => a.y - b.y || a.x - b.x);
  placeLabels(items);
  for (const p of items) {
    const a = h("a", { svg: true, href: p.href, class: "partner-point", "data-id": p.id, "aria-label": p.label });
    a.append(h("circle", { svg: true, cx: p.x, cy: p.y, r: 5.5 }));
    a.append(h("title", { svg: true }, p.label));
    if (p.pos) a.append(h("text", { svg: true, x: p.pos.x, y: p.pos.y }, p.name));
    dots.append(a);
  }
  svg.append(dots);
  return svg;
}
