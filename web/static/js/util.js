// Small DOM and data helpers shared by the pages.
import { lang, t, typeName } from "./i18n.js";

// h("a", {href: "/x", class: "c"}, "text", child…): an element; null/false children are skipped.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElementNS(
    tag === "svg" || attrs.svg ? "http://www.w3.org/2000/svg" : "http://www.w3.org/1999/xhtml", tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false || k === "svg") continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

export async function api(path, options = {}) {
  const resp = await fetch(path, { headers: { Accept: "application/json" }, ...options });
  if (!resp.ok) {
    let detail = resp.statusText;
    try { detail = (await resp.json()).detail || detail; } catch { /* not JSON */ }
    throw new ApiError(resp.status, detail);
  }
  return resp.json();
}

// The IRI segment of each node label, as in graph/rdf.py.
export const SEGMENT = {
  VietnameseProvince: "province", ForeignLocality: "place", Country: "country", Organization: "org",
  Person: "person", Role: "role", Partnership: "partnership", Agreement: "agreement", Event: "event",
  Observation: "observation", Document: "document", Mention: "mention",
};

export function entityPath(type, id) {
  return `/id/${SEGMENT[type] || "entity"}/${encodeURIComponent(id)}`;
}

export function iriOf(type, id) {
  const base = document.querySelector('meta[name="provkg-iri-base"]')?.content || "https://provkg.org/id/";
  return base + `${SEGMENT[type] || "entity"}/${encodeURIComponent(id)}`;
}

export function entityLink(ent, label) {
  if (!ent || !ent.id) return h("span", {}, label ?? "—");
  return h("a", { href: entityPath(ent.type, ent.id), "data-type": ent.type }, label ?? ent.name ?? ent.id);
}

export function typeBadge(type) {
  return h("span", { class: `badge t-${type || "Entity"}` }, typeName(type));
}

// The page header every entity page shares: type, name, IRI, links to its graph and its data.
export function entityHeader(type, id, name, extra = []) {
  const iri = iriOf(type, id);
  const path = entityPath(type, id);
  return h("header", { class: "entity-head" },
    h("div", { class: "eyebrow" }, typeBadge(type), h("code", { class: "id" }, id)),
    h("h1", {}, name || id),
    ...extra,
    h("p", { class: "iri" }, h("span", { class: "muted" }, t("iri") + ": "),
      h("a", { href: path, title: iri, class: "iri-link" }, iri),
      " · ", h("a", { href: `/explore/graph/${encodeURIComponent(id)}` }, t("open_graph")),
      " · ", h("span", { class: "muted" }, t("data_formats") + ": "),
      h("a", { href: path + "?format=json", "data-external": "1" }, "JSON"), " ",
      h("a", { href: path + "?format=turtle", "data-external": "1" }, "Turtle"), " ",
      h("a", { href: path + "?format=jsonld", "data-external": "1" }, "JSON-LD")));
}

export function section(title, ...children) {
  const id = "s-" + title.toLowerCase().normalize("NFD").replace(/[^a-z0-9]+/g, "-");
  return h("section", { class: "card", "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

export function table(columns, rows, { caption } = {}) {
  return h("div", { class: "table-wrap" },
    h("table", {},
      caption ? h("caption", { class: "sr-only" }, caption) : null,
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col", class: c.num ? "num" : null }, c.label)))),
      h("tbody", {}, rows.map((r) => h("tr", {}, columns.map((c) => h("td", { class: c.num ? "num" : null }, c.cell(r))))))));
}

export function fmtDate(d) {
  if (!d) return "—";
  const [y, m, day] = String(d).split("-");
  if (!m) return y;
  return day ? `${day}/${m}/${y}` : `${m}/${y}`;
}

export function fmtNumber(v) {
  if (v === null || v === undefined) return "—";
  const n = Number(v);
  const abs = Math.abs(n);
  const vi = lang() === "vi";
  const locale = vi ? "vi-VN" : "en-GB";
  const f = (x) => x.toLocaleString(locale, { maximumFractionDigits: 2 });
  if (abs >= 1e9) return f(n / 1e9) + (vi ? " tỷ" : " bn");
  if (abs >= 1e6) return f(n / 1e6) + (vi ? " tr" : " m");
  return f(n);
}

export function loading() {
  return h("p", { class: "loading", role: "status" }, t("loading"));
}

export function errorBox(err) {
  const notFound = err && err.status === 404;
  return h("div", { class: "card error", role: "alert" },
    h("h1", {}, notFound ? t("not_found") : t("error")), h("p", {}, String(err && err.message || err)));
}

export function evidenceHref(ev) {
  return `/id/document/${encodeURIComponent(ev.document)}?hl=${ev.start}-${ev.end}`;
}

export function evidenceList(evidence) {
  const items = (evidence || []).filter(Boolean);
  if (!items.length) return h("p", { class: "muted" }, "—");
  return h("ul", { class: "evidence" }, items.map((ev) => h("li", {},
    h("blockquote", {}, "“", ev.text, "”"),
    h("p", { class: "ev-meta" },
      h("a", { href: evidenceHref(ev), class: "ev-link" }, t("view_evidence")), " · ",
      ev.title || ev.document, ev.published ? " · " + fmtDate(ev.published) : "",
      ev.url ? [" · ", h("a", { href: ev.url, rel: "noopener", "data-external": "1" }, t("source"))] : null))));
}

// The vendored libraries (d3, topojson-client) are classic scripts, loaded once by the pages that draw.
const scripts = new Map();
export function vendor(...names) {
  return Promise.all(names.map((name) => {
    if (!scripts.has(name)) {
      scripts.set(name, new Promise((resolve, reject) => {
        const el = document.createElement("script");
        el.src = `/assets/vendor/${name}`;
        el.onload = resolve;
        el.onerror = () => reject(new Error(`could not load ${name}`));
        document.head.append(el);
      }));
    }
    return scripts.get(name);
  }));
}

// Concept labels from the ontology (GET /views/vocabulary), fetched once: a kind or field code -> its name.
let vocabulary = null;
export async function loadVocabulary() {
  if (!vocabulary) vocabulary = api("/views/vocabulary").catch(() => ({}));
  const v = await vocabulary;
  conceptLabels = new Map(Object.values(v).flatMap((scheme) => Object.entries(scheme)));
}
let conceptLabels = new Map();
export function conceptName(code) {
  const labels = conceptLabels.get(code);
  return (labels && (labels[lang()] || labels.vi)) || code || "";
}
