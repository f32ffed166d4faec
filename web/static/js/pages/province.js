// Province: partners on a map and in a table, a timeline, figures as small charts, the 2025 reform.
import { indicatorName, t, typeName } from "../i18n.js";
import { partnerMap, preloadMap } from "../map.js";
import { barChart } from "../charts.js";
import { api, conceptName, entityHeader, entityLink, entityPath, fmtDate, h, section, table, typeBadge } from "../util.js";

function viaNote(via) {
  const list = Array.isArray(via) ? via : via ? [via] : [];
  if (!list.length) return null;
  return h("span", { class: "via" }, t("inherited_from"), " ",
    list.map((v, i) => [i ? ", " : "", h("a", { href: `/id/province/${encodeURIComponent(v.id)}` }, v.name)]));
}

function reformBox(p, rolledUp) {
  if (p.successors && p.successors.length) {
    return h("aside", { class: "reform", "aria-label": t("reform") },
      h("strong", {}, t("reform")), h("p", {}, t("reform_merged_into"), " ",
        p.successors.map((s, i) => [i ? ", " : "", h("a", { href: `/id/province/${encodeURIComponent(s.id)}` }, s.name, " (", s.id, ")")]),
        "."));
  }
  if (p.predecessors && p.predecessors.length) {
    return h("aside", { class: "reform", "aria-label": t("reform") },
      h("strong", {}, t("reform")), h("p", {}, t("reform_successor_of"), " ",
        p.predecessors.map((s, i) => [i ? ", " : "", h("a", { href: `/id/province/${encodeURIComponent(s.id)}` }, s.name, " (", s.id, ")")]),
        "."), rolledUp.length ? h("p", { class: "muted" }, t("reform_rollup")) : null);
  }
  return null;
}

function facts(p) {
  const valid = p.current ? t("current_unit") : t("former_unit");
  const range = p.valid_from || p.valid_to ? `${p.valid_from ? fmtDate(p.valid_from) : "…"} – ${p.valid_to ? fmtDate(p.valid_to) : "…"}` : "";
  return h("dl", { class: "facts" },
    h("div", {}, h("dt", {}, t("valid")), h("dd", {}, range, " ", h("span", { class: p.current ? "pill ok" : "pill" }, valid))),
    p.region ? h("div", {}, h("dt", {}, t("region")), h("dd", {}, p.region)) : null,
    h("div", {}, h("dt", {}, t("codes")), h("dd", {}, [p.iso3166_2, p.gso_code && `GSO ${p.gso_code}`,
      p.gso_code_2025 && `GSO 2025 ${p.gso_code_2025}`, p.wikidata].filter(Boolean).join(" · ") || "—")));
}

function timeline(items) {
  if (!items.length) return h("p", { class: "muted" }, t("no_timeline"));
  return h("ol", { class: "timeline" }, items.map((it) => h("li", { class: `tl-${it.type}` },
    h("time", { datetime: it.date || "" }, fmtDate(it.date)),
    h("div", { class: "tl-body" },
      h("div", {}, typeBadge(it.type === "agreement" ? "Agreement" : "Event"), " ", h("span", { class: "muted" }, conceptName(it.kind))),
      h("a", { href: entityPath(it.type === "agreement" ? "Agreement" : "Event", it.id), class: "tl-title" }, it.name || it.id),
      it.parties.length ? h("div", { class: "tl-parties" }, it.parties.map((x, i) => [i ? ", " : "", entityLink(x)])) : null,
      viaNote(it.via)))));
}

function figures(list) {
  if (!list.length) return h("p", { class: "muted" }, t("no_figures"));
  return h("div", { class: "charts" }, list.map((f) => h("figure", { class: "chart" },
    h("figcaption", {}, indicatorName(f.indicator),
      f.unit && !["count", "USD", "VND"].includes(f.unit) ? h("span", { class: "muted" }, ` (${f.unit})`) : null),
    barChart(f.points.map((pt) => ({ label: pt.period || "?", value: pt.value, max: pt.value_max,
      href: `/id/observation/${encodeURIComponent(pt.id)}`,
      note: [pt.reports > 1 ? `(${pt.reports} ${t("reports")})` : "", pt.via ? `${t("inherited_from")} ${pt.via.name}` : ""].join(" ") }))))));
}

export async function render([id]) {
  preloadMap();
  const data = await api(`/views/province/${encodeURIComponent(id)}`);
  const p = data.province;
  const c = p.counts || {};
  const partners = data.partners;
  const points = data.points.filter((x) => x.type === "ForeignLocality").map((x) => ({
    id: x.id, name: x.name, lat: x.lat, lon: x.lon, href: entityPath(x.type, x.id),
    label: `${x.name} (${x.country || ""}) — ${x.agreements} ${t("count_agreements")}, ${x.events} ${t("count_events")}`,
  }));
  const shaded = new Map();
  for (const ctry of data.countries) {
    if (ctry.numeric) shaded.set(ctry.numeric, { label: `${ctry.iso2}: ${ctry.partners} ${t("count_partners")}`, href: `/id/country/${ctry.iso2}` });
  }
  const mapTitle = `${t("map")}: ${p.name}`;
  const mapBox = h("div", { class: "map-wrap" }, await partnerMap({ points, shaded, title: mapTitle }));
  const scopeButtons = h("div", { class: "seg", role: "group", "aria-label": t("map") }, [["region", "map_region"], ["world", "map_world"]].map(([scope, key]) =>
    h("button", { type: "button", "aria-pressed": scope === "region" ? "true" : "false", onclick: async (ev) => {
      mapBox.replaceChildren(await partnerMap({ points, shaded, title: mapTitle, scope }));
      ev.target.parentNode.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", b === ev.target ? "true" : "false"));
    } }, t(key))));
  const tot = data.totals;
  const tiles = [["count_partners", tot.partners], ["count_agreements", tot.agreements], ["count_events", tot.events],
    ["count_documents", c.documents ?? 0]];
  const capped = (shown, total, all) => shown < total ? h("p", { class: "muted small" }, `${t("showing")} ${shown} / ${total}`,
    all ? [" · ", h("a", { href: all }, t("show_all"))] : null) : null;

  const partnerTable = partners.length ? table([
    { label: t("partner"), cell: (x) => h("span", {}, entityLink(x), " ", h("span", { class: "muted small" }, typeName(x.type)),
      x.type === "ForeignLocality" && (x.lat === null || x.lat === undefined) ? h("span", { class: "muted small" }, ` · ${t("not_drawn")}`) : null,
      viaNote(x.via)) },
    { label: t("country"), cell: (x) => x.country ? h("a", { href: `/id/country/${x.country}` }, x.country) : "—" },
    { label: t("since"), cell: (x) => fmtDate(x.since) },
    partners.some((x) => x.first_reported) ? { label: t("first_reported"), cell: (x) => fmtDate(x.first_reported) } : null,
    { label: t("agreements"), num: true, cell: (x) => x.agreements },
    { label: t("events"), num: true, cell: (x) => x.events },
    { label: t("evidence_count"), num: true, cell: (x) => x.evidence_count ?? 0 },
  ].filter(Boolean), partners, { caption: t("partners") }) : h("p", { class: "muted" }, t("no_partners"));

  return h("div", { class: "page province-page", "data-title": p.name },
    entityHeader("VietnameseProvince", p.id, p.name, [p.name_en ? h("p", { class: "subtitle" }, p.name_en) : null, facts(p)]),
    reformBox(p, data.rolled_up_from),
    h("div", { class: "tiles wide" }, tiles.map(([k, n]) => h("div", { class: "tile" }, h("span", { class: "n" }, n), h("span", {}, t(k))))),
    section(t("map"), scopeButtons, mapBox,
      h("p", { class: "legend" }, h("span", { class: "key partner-country" }), t("map_legend_country"), " ",
        h("span", { class: "key partner-point" }), t("map_legend_point"))),
    section(t("partners"), capped(partners.length, tot.partners,
      `/explore/queries/partners_of_province?province=${encodeURIComponent(p.id)}&run=1`), partnerTable),
    h("div", { class: "two-col" },
      section(t("timeline"), capped(data.timeline.length, tot.agreements + tot.events), timeline(data.timeline)),
      section(t("figures"), figures(data.figures))));
}
