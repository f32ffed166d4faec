// Search (the home page): one box with typeahead; results grouped by type with counts.
import { navigate } from "../app.js";
import { t, typeName } from "../i18n.js";
import { api, entityPath, h, typeBadge } from "../util.js";

const ORDER = ["VietnameseProvince", "ForeignLocality", "Country", "Organization", "Person", "Agreement", "Event"];

// The units created on 2025-07-01 carry ids VN-2025-NN (ingest/data/vn_provinces.csv): say so, since
// several share a name with a dissolved unit.
function unitNote(it) {
  return it.type === "VietnameseProvince" && /^VN-2025-/.test(it.id) ? h("span", { class: "unit-note" }, t("new_unit")) : null;
}

// A province hit carries the counts of a province row (graph.views.counts_of): its partners with
// those of the units merged into it, the inherited part named as on the province page, and where it
// stands in the reform (a dissolved unit names the unit it merged into; that unit says which
// matching predecessor found it).
const names = (units) => (units || []).map((u) => u.name).join(", ");

function provinceNote(it) {
  if (it.type !== "VietnameseProvince" || it.partners === undefined || it.partners === null) return null;
  const inherited = (it.inherited_counts || {}).partners || 0;
  return h("span", { class: "r-reform" }, ` · ${it.partners} ${t("count_partners")}`,
    inherited ? h("span", { class: "via" }, t("inherited_from"), " ", names(it.rolled_up_from), ` (${inherited})`) : null,
    it.successors && it.successors.length ? h("span", { class: "muted" }, " · ", t("reform_merged_into"), " ", names(it.successors)) : null,
    it.found_via && it.found_via.length ? h("span", { class: "muted" }, " · ", t("reform_successor_of"), " ", names(it.found_via)) : null);
}

function searchBox(q) {
  const listId = "typeahead-list";
  const input = h("input", {
    id: "q", name: "q", type: "search", value: q || "", autocomplete: "off", spellcheck: "false",
    placeholder: t("search_placeholder"), role: "combobox", "aria-autocomplete": "list",
    "aria-expanded": "false", "aria-controls": listId,
  });
  const list = h("ul", { id: listId, role: "listbox", class: "typeahead", hidden: true, "aria-label": t("search_label") });
  let items = [], active = -1, timer = null, seq = 0;

  const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1;
    input.removeAttribute("aria-activedescendant"); };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute("aria-selected", j === i ? "true" : "false"));
    if (i >= 0) input.setAttribute("aria-activedescendant", list.children[i].id);
  };
  const show = (found) => {
    items = found;
    list.replaceChildren(...found.map((it, i) => h("li", {
      id: `ta-${i}`, role: "option", "aria-selected": "false",
      onmousedown: (ev) => { ev.preventDefault(); navigate(entityPath(it.type, it.id)); },
    }, typeBadge(it.type), h("span", { class: "ta-name" }, it.name, unitNote(it)),
      h("span", { class: "muted" }, it.country && it.type !== "Country" ? it.country : "", " ", h("code", {}, it.id)))));
    list.hidden = !found.length;
    input.setAttribute("aria-expanded", found.length ? "true" : "false");
    active = -1;
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const value = input.value.trim();
    if (!value) { close(); return; }
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const res = await api(`/search?limit=8&q=${encodeURIComponent(value)}`);
        if (mine === seq && document.activeElement === input) show(res.items);
      } catch { close(); }
    }, 120);
  });
  input.addEventListener("keydown", (ev) => {
    if (list.hidden) return;
    if (ev.key === "ArrowDown") { ev.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); highlight(Math.max(active - 1, 0)); }
    else if (ev.key === "Escape") { close(); }
    else if (ev.key === "Enter" && active >= 0) { ev.preventDefault(); navigate(entityPath(items[active].type, items[active].id)); }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));

  return h("form", {
    class: "search", role: "search",
    onsubmit: (ev) => { ev.preventDefault(); const v = input.value.trim(); if (v) navigate(`/?q=${encodeURIComponent(v)}`); },
  },
  h("label", { for: "q", class: "search-label" }, t("search_label")),
  h("div", { class: "search-row" }, h("div", { class: "combo" }, input, list),
    h("button", { type: "submit", class: "primary" }, t("search_button"))),
  h("p", { class: "hint" }, t("search_hint")));
}

async function results(q, type) {
  const res = await api(`/search?limit=100&q=${encodeURIComponent(q)}` + (type ? `&type=${encodeURIComponent(type)}` : ""));
  const all = type ? await api(`/search?limit=1&q=${encodeURIComponent(q)}`) : res;
  const facets = all.facets || {};
  const total = Object.values(facets).reduce((a, b) => a + b, 0);
  const chips = h("div", { class: "chips", role: "group", "aria-label": t("results_for") },
    h("a", { href: `/?q=${encodeURIComponent(q)}`, class: "chip", "aria-current": type ? null : "true" },
      t("all_types"), h("span", { class: "count" }, total)),
    Object.entries(facets).sort((a, b) => ORDER.indexOf(a[0]) - ORDER.indexOf(b[0])).map(([ty, n]) =>
      h("a", { href: `/?q=${encodeURIComponent(q)}&type=${ty}`, class: "chip", "aria-current": type === ty ? "true" : null },
        typeName(ty), h("span", { class: "count" }, n))));
  if (!res.items.length) return h("div", {}, chips, h("p", { class: "muted" }, t("no_results")));
  const groups = {};
  for (const it of res.items) (groups[it.type] ||= []).push(it);
  const keys = Object.keys(groups).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  return h("div", { class: "results" }, chips, keys.map((ty) => h("section", { class: "group", "aria-label": typeName(ty) },
    h("h2", {}, typeName(ty), " ", h("span", { class: "count" }, facets[ty] ?? groups[ty].length)),
    h("ul", { class: "result-list" }, groups[ty].map((it) => h("li", {},
      h("a", { href: entityPath(it.type, it.id), class: "result" },
        h("span", { class: "r-name" }, it.name, unitNote(it)),
        h("span", { class: "r-meta" }, it.iso3166_2 || it.id, it.country && it.type !== "Country" ? ` · ${it.country}` : "",
          provinceNote(it)))))))));
}

async function home() {
  const stats = await api("/stats");
  const label = { VietnameseProvince: "type_VietnameseProvince", ForeignLocality: "type_ForeignLocality",
    Country: "type_Country", Organization: "type_Organization", Agreement: "type_Agreement", Event: "type_Event",
    Observation: "type_Observation", Document: "type_Document" };
  const tiles = Object.entries(label).filter(([k]) => stats.nodes[k] !== undefined).map(([k, key]) =>
    h("div", { class: "tile" }, h("span", { class: "n" }, stats.nodes[k].toLocaleString()), h("span", {}, t(key))));
  const starts = [["province", "VN-25", "Quảng Trị"], ["province", "VN-09", "Lạng Sơn"], ["place", "CN-GX", "Quảng Tây"],
    ["place", "LA-SV", "Savannakhet"], ["country", "LA", "Lào"]];
  const top = (stats.partnerships_by_country || []).slice(0, 8);
  return h("div", { class: "home-grid" },
    h("section", { class: "card", "aria-labelledby": "h-stats" }, h("h2", { id: "h-stats" }, t("stats_title")),
      h("div", { class: "tiles" }, tiles)),
    h("section", { class: "card", "aria-labelledby": "h-start" }, h("h2", { id: "h-start" }, t("start_here")),
      h("ul", { class: "starts" }, starts.map(([seg, id, name]) => h("li", {}, h("a", { href: `/id/${seg}/${id}` }, name)))),
      top.length ? h("ul", { class: "bars", "aria-label": t("partners") }, top.map((c) => h("li", {},
        h("a", { href: `/id/country/${c.country}` }, c.country),
        h("span", { class: "bar", style: `width:${Math.round(100 * c.partnerships / top[0].partnerships)}%` }),
        h("span", { class: "num" }, c.partnerships)))) : null));
}

export async function render(_params, query) {
  const q = query.get("q") || "";
  const type = query.get("type") || "";
  const page = h("div", { class: "page search-page", "data-title": q || t("nav_search") },
    h("div", { class: "hero" }, q ? null : h("h1", { class: "hero-title" }, t("brand_sub")), searchBox(q)));
  if (q) {
    page.append(h("div", {}, h("h1", { class: "results-title" }, t("results_for"), " “", q, "”"), await results(q, type)));
  } else {  // the box is usable at once; the dashboard fills in when the counts arrive
    const slot = h("div", { class: "home-slot", "aria-busy": "true" });
    page.append(slot);
    home().then((node) => { slot.replaceChildren(node); slot.removeAttribute("aria-busy"); },
      (err) => { slot.replaceChildren(h("p", { class: "muted" }, String(err.message || err))); });
  }
  return page;
}

export function mounted(node) {
  const input = node.querySelector("#q");
  if (input && !new URLSearchParams(location.search).get("q")) input.focus();
}
