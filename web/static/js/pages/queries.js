// Queries: the named query library as forms (typed parameters from the catalog), results as a table
// with a CSV download. The URL carries the query and its parameters, so a result can be shared.
import { navigate } from "../app.js";
import { lang, t } from "../i18n.js";
import { api, conceptName, h } from "../util.js";

function field(p, value) {
  const id = `p-${p.name}`;
  const label = h("label", { for: id }, h("code", {}, p.name), " ", p.description || "",
    p.required ? null : h("span", { class: "muted small" }, ` (${t("optional")})`));
  let input;
  if (p.choices) {
    input = h("select", { id, name: p.name },
      p.required ? null : h("option", { value: "" }, "—"),
      p.choices.map((c) => h("option", { value: c, selected: String(value ?? "") === String(c) },
        conceptName(c) !== c ? `${c} — ${conceptName(c)}` : c)));
  } else if (p.type === "bool") {
    input = h("select", { id, name: p.name }, h("option", { value: "" }, "—"),
      ["true", "false"].map((c) => h("option", { value: c, selected: String(value ?? "") === c }, c)));
  } else {
    const numeric = p.type === "int" || p.type === "float";
    input = h("input", { id, name: p.name, type: numeric ? "number" : "text", value: value ?? "",
      placeholder: p.example !== undefined && p.example !== null ? String(Array.isArray(p.example) ? p.example.join(",") : p.example) : "",
      min: p.minimum, max: p.maximum, step: p.type === "float" ? "any" : null, required: p.required });
  }
  return h("div", { class: "field" }, label, input);
}

function coerce(p, raw) {
  if (raw === "" || raw === null || raw === undefined) return undefined;
  if (p.type === "int") return parseInt(raw, 10);
  if (p.type === "float") return parseFloat(raw);
  if (p.type === "bool") return raw === "true";
  if (p.type && p.type.startsWith("list")) return raw.split(",").map((s) => s.trim()).filter(Boolean);
  return raw;
}

function csvOf(columns, rows) {
  const cell = (v) => {
    const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map(cell).join(","), ...rows.map((r) => r.map(cell).join(","))].join("\r\n") + "\r\n";
}

function show(v) {
  if (v === null || v === undefined) return "—";
  if (Array.isArray(v)) return v.map(show).join(", ");
  if (typeof v === "object") return v.name || v.id || JSON.stringify(v);
  return String(v);
}

async function results(name, params) {
  const res = await api(`/queries/${name}`, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(params) });
  const columns = res.columns;
  const rows = res.rows.map((r) => (Array.isArray(r) ? r : columns.map((c) => r[c])));
  const blob = new Blob(["\ufeff" + csvOf(columns, rows)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  return h("div", { class: "query-result" },
    h("p", {}, `${rows.length} ${t("rows")}`, res.truncated ? ` (${t("truncated")})` : "", " · ",
      h("a", { href: url, download: `${name}.csv`, class: "button", "data-external": "1" }, t("download_csv"))),
    rows.length ? h("div", { class: "table-wrap" }, h("table", {},
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows.map((r) => h("tr", {}, r.map((v) => h("td", {}, show(v)))))))) : h("p", { class: "muted" }, t("no_rows")));
}

export async function render([name], query) {
  const list = await api("/queries");
  const nav = h("nav", { class: "query-nav", "aria-label": t("queries_title") }, h("ul", {}, list.map((q) =>
    h("li", {}, h("a", { href: `/explore/queries/${q.name}`, "aria-current": q.name === name ? "page" : null }, q.title || q.name)))));
  const page = h("div", { class: "page queries-page", "data-title": t("queries_title") }, h("h1", {}, t("queries_title")));
  if (!name) {
    page.append(h("div", { class: "two-col wide-right" }, nav, h("div", { class: "card" }, h("p", {}, t("choose_query")),
      h("dl", { class: "query-cards" }, list.map((q) => [h("dt", {}, h("a", { href: `/explore/queries/${q.name}` }, q.title || q.name)),
        h("dd", {}, (lang() === "vi" ? q.description_vi : q.description_en) || q.description_en || "")])))));
    return page;
  }
  const q = list.find((x) => x.name === name);
  if (!q) throw Object.assign(new Error(name), { status: 404 });
  const params = {};
  for (const p of q.params || []) {
    const v = coerce(p, query.get(p.name));
    if (v !== undefined) params[p.name] = v;
  }
  const ran = [...query.keys()].length > 0 || !(q.params || []).some((p) => p.required);
  const form = h("form", { class: "query-form", onsubmit: (ev) => {
    ev.preventDefault();
    const data = new FormData(ev.target);
    const usp = new URLSearchParams();
    for (const [k, v] of data.entries()) if (v !== "") usp.set(k, v);
    usp.set("run", "1");
    navigate(`/explore/queries/${name}?${usp}`);
  } }, (q.params || []).map((p) => field(p, query.get(p.name))), h("button", { type: "submit", class: "primary" }, t("run")));
  const body = h("div", { class: "card" }, h("h2", {}, q.title || q.name),
    h("p", {}, (lang() === "vi" ? q.description_vi : q.description_en) || ""), form);
  if (ran) body.append(await results(name, params));
  page.append(h("div", { class: "two-col wide-right" }, nav, body));
  return page;
}
