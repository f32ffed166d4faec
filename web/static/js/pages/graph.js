// Graph: the neighbourhood of an entity as a force layout (d3-force), expanded by clicking a node,
// filtered by relationship type. The layout is run to rest before drawing, so it does not jitter.
import { navigate } from "../app.js";
import { t, typeName } from "../i18n.js";
import { api, entityPath, h, vendor } from "../util.js";

const W = 1000, H = 640;
// bookkeeping edges that the PARTNERS_WITH shortcut and the fact pages already show; one click brings them back
const HIDDEN_BY_DEFAULT = ["EVIDENCED_BY", "IN_DOCUMENT", "HAS_PARTNERSHIP", "PARTNER", "ABOUT", "OBSERVATION_OF"];
const LABELLED = new Set(["VietnameseProvince", "ForeignLocality", "Country", "Organization", "Person"]);
const COLORS = { VietnameseProvince: "#c0392b", ForeignLocality: "#1f6feb", Country: "#0a7d5a", Organization: "#8e44ad",
  Person: "#b7791f", Agreement: "#d35400", Event: "#2c7a7b", Partnership: "#6b7280", Mention: "#9ca3af",
  Document: "#4b5563", Observation: "#a16207", Role: "#a855f7" };

function hash(s) {
  let x = 0;
  for (let i = 0; i < s.length; i++) x = (x * 31 + s.charCodeAt(i)) | 0;
  return (x >>> 0) % 6283 / 1000;
}

export async function render([id], query) {
  const start = id || query.get("id") || "VN-25";
  const state = { nodes: new Map(), edges: new Map(), hidden: new Set(HIDDEN_BY_DEFAULT), expanded: new Set() };
  const svg = h("svg", { viewBox: `0 0 ${W} ${H}`, class: "graph", role: "group", "aria-label": t("graph_title") });
  const filters = h("fieldset", { class: "rel-filters" }, h("legend", {}, t("rel_types")));
  const summary = h("p", { class: "muted small", "aria-live": "polite" });
  const nodeList = h("ul", { class: "node-list" });

  async function expand(nodeId) {
    if (state.expanded.has(nodeId)) return;
    state.expanded.add(nodeId);
    const g = await api(`/graph/neighborhood/${encodeURIComponent(nodeId)}?depth=1&limit=150`);
    const origin = state.nodes.get(nodeId) || { x: W / 2, y: H / 2 };
    for (const n of g.nodes) {
      if (!state.nodes.has(n.id)) {
        const a = hash(n.id);  // a fixed start per node: the same graph draws the same way every time
        state.nodes.set(n.id, { ...n, x: origin.x + Math.cos(a) * 40, y: origin.y + Math.sin(a) * 40 });
      }
    }
    for (const e of g.edges) state.edges.set(`${e.source}|${e.type}|${e.target}`, { ...e });
    if (!state.root) state.root = g.root.id;
  }

  function draw() {
    const d3 = window.d3;
    const types = [...new Set([...state.edges.values()].map((e) => e.type))].sort();
    filters.replaceChildren(h("legend", {}, t("rel_types")), ...types.map((ty) => h("label", { class: "check" },
      h("input", { type: "checkbox", value: ty, checked: !state.hidden.has(ty),
        onchange: (ev) => { if (ev.target.checked) state.hidden.delete(ty); else state.hidden.add(ty); draw(); } }),
      " ", h("code", {}, ty))));
    const edges = [...state.edges.values()].filter((e) => !state.hidden.has(e.type));
    const linked = new Set([state.root]);
    for (const e of edges) { linked.add(e.source); linked.add(e.target); }
    const nodes = [...state.nodes.values()].filter((n) => linked.has(n.id));
    const links = edges.map((e) => ({ ...e, source: e.source, target: e.target }));
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((n) => n.id).distance(95).strength(0.5))
      .force("charge", d3.forceManyBody().strength(-420))
      .force("center", d3.forceCenter(W / 2, H / 2))
      .force("collide", d3.forceCollide(22))
      .alphaDecay(0.04)  // ~110 ticks to rest instead of d3's 300: the same picture at a third of the CPU
      .stop();
    while (sim.alpha() > sim.alphaMin()) sim.tick();
    // scale the layout into the frame, leaving room for labels on the right
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const k = Math.min((W - 220) / Math.max(x1 - x0, 1), (H - 60) / Math.max(y1 - y0, 1), 1.6);
    const place = (n) => ({ x: 60 + (n.x - x0) * k + ((W - 220) - (x1 - x0) * k) / 2, y: 30 + (n.y - y0) * k + ((H - 60) - (y1 - y0) * k) / 2 });
    const pos = new Map(nodes.map((n) => [n.id, place(n)]));
    svg.replaceChildren();
    const gl = h("g", { svg: true, class: "g-links" });
    for (const l of links) {
      const a = pos.get(l.source.id), b = pos.get(l.target.id);
      gl.append(h("line", { svg: true, x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `rel rel-${l.type}` },
        h("title", { svg: true }, l.type)));
    }
    const gn = h("g", { svg: true, class: "g-nodes" });
    for (const n of nodes) {
      const r = n.id === state.root ? 13 : 8;
      const g = h("g", { svg: true, class: "node" + (state.expanded.has(n.id) ? " expanded" : ""), tabindex: "0", role: "button",
        "data-id": n.id, transform: `translate(${pos.get(n.id).x},${pos.get(n.id).y})`,
        "aria-label": `${typeName(n.type)}: ${n.name || n.id}. Enter: expand; O: open`,
        onclick: async () => { await expand(n.id); draw(); svg.querySelector(`[data-id="${CSS.escape(n.id)}"]`)?.focus(); },
        ondblclick: () => navigate(entityPath(n.type, n.id)),
        onkeydown: async (ev) => {
          if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); await expand(n.id); draw(); svg.querySelector(`[data-id="${CSS.escape(n.id)}"]`)?.focus(); }
          if (ev.key === "o" || ev.key === "O") navigate(entityPath(n.type, n.id));
        } });
      g.append(h("circle", { svg: true, r, fill: COLORS[n.type] || "#888" }));
      g.append(h("title", { svg: true }, `${typeName(n.type)}: ${n.name || n.id} (${n.id})`));
      if (LABELLED.has(n.type) || n.id === state.root) {
        const label = n.name || n.id;
        g.append(h("text", { svg: true, x: r + 4, y: 4 }, label.length > 26 ? label.slice(0, 25) + "…" : label));
      }
      gn.append(g);
    }
    svg.append(gl, gn);
    summary.textContent = `${nodes.length} ${t("nodes")} · ${links.length} ${t("edges")}`;
    nodeList.replaceChildren(...nodes.slice().sort((a, b) => (a.type + a.name).localeCompare(b.type + b.name))
      .map((n) => h("li", {}, h("span", { class: "dot", style: `background:${COLORS[n.type] || "#888"}` }),
        h("a", { href: entityPath(n.type, n.id) }, n.name || n.id), " ", h("span", { class: "muted small" }, typeName(n.type)))));
  }

  await Promise.all([expand(start), vendor("d3.min.js")]);
  draw();
  const input = h("input", { id: "graph-entity", name: "id", value: start, autocomplete: "off" });
  const legend = h("ul", { class: "legend-list" }, Object.entries(COLORS).slice(0, 8).map(([ty, c]) =>
    h("li", {}, h("span", { class: "dot", style: `background:${c}` }), typeName(ty))));
  return h("div", { class: "page graph-page", "data-title": t("graph_title") },
    h("h1", {}, t("graph_title")),
    h("form", { class: "inline-form", onsubmit: (ev) => { ev.preventDefault(); const v = input.value.trim(); if (v) navigate(`/explore/graph/${encodeURIComponent(v)}`); } },
      h("label", { for: "graph-entity" }, t("graph_entity")), input, h("button", { type: "submit", class: "primary" }, t("graph_go"))),
    h("p", { class: "muted" }, t("graph_help")), filters, summary,
    h("div", { class: "graph-wrap card" }, svg), legend,
    h("details", {}, h("summary", {}, `${t("nodes")}`), nodeList));
}
