// Partner (foreign locality, country, organisation): which provinces work with it, since when, how.
import { t, typeName } from "../i18n.js";
import { partnerMap, preloadMap } from "../map.js";
import { api, entityHeader, entityLink, entityPath, fmtDate, h, section, table } from "../util.js";

export async function render([, id]) {
  preloadMap();
  const data = await api(`/views/partner/${encodeURIComponent(id)}`);
  const ent = data.entity;
  const byProvince = new Map();
  for (const p of data.provinces) byProvince.set(p.province.id, { ...p, agreements: [], events: [] });
  for (const a of data.agreements) byProvince.get(a.province.id)?.agreements.push(a);
  for (const e of data.events) byProvince.get(e.province.id)?.events.push(e);
  const rows = [...byProvince.values()].sort((a, b) => (a.province.name || "").localeCompare(b.province.name || "", "vi"));

  const list = (items, type) => items.length ? h("ul", { class: "plain" }, items.map((x) => h("li", {},
    h("a", { href: entityPath(type, x.id) }, x.name || x.id), " ", h("span", { class: "muted small" }, fmtDate(x.date))))) : "—";

  const provinceTable = rows.length ? table([
    { label: t("province_label"), cell: (r) => entityLink({ ...r.province, type: "VietnameseProvince" }) },
    { label: t("since"), cell: (r) => fmtDate(r.since) },
    { label: t("agreements"), cell: (r) => list(r.agreements, "Agreement") },
    { label: t("events"), cell: (r) => list(r.events, "Event") },
    { label: t("evidence_count"), num: true, cell: (r) => r.evidence_count ?? 0 },
  ], rows, { caption: t("provinces") }) : h("p", { class: "muted" }, t("no_partners"));

  const via = data.country_partnerships || [];
  const viaTable = via.length ? section(`${t("partnerships_with")} ${ent.name}`, table([
    { label: t("province_label"), cell: (r) => entityLink({ ...r.province, type: "VietnameseProvince" }) },
    { label: t("partner"), cell: (r) => h("span", {}, entityLink(r.partner), " ", h("span", { class: "muted small" }, typeName(r.partner.type))) },
    { label: t("since"), cell: (r) => fmtDate(r.since) },
    { label: t("evidence_count"), num: true, cell: (r) => r.evidence_count ?? 0 },
  ], via, { caption: ent.name })) : null;

  let map = null;
  if (data.lat !== null && data.lat !== undefined || data.country_numeric) {
    const shaded = new Map();
    if (data.country_numeric) shaded.set(data.country_numeric, { label: ent.country, href: `/id/country/${ent.country}` });
    const own = data.lat !== null && data.lat !== undefined && ent.type !== "Country"
      ? [{ id: ent.id, name: ent.name, lat: data.lat, lon: data.lon, href: entityPath(ent.type, ent.id), label: ent.name }] : [];
    const places = new Map(via.filter((r) => r.partner.lat !== null && r.partner.lat !== undefined)
      .map((r) => [r.partner.id, { id: r.partner.id, name: r.partner.name, lat: r.partner.lat, lon: r.partner.lon,
        href: entityPath(r.partner.type, r.partner.id), label: r.partner.name }]));
    const points = [...own, ...places.values()];
    map = await partnerMap({ points, shaded, width: 560, height: 440, title: `${t("map")}: ${ent.name}` });
  }
  const located = (data.located_in || []).map((l, i) => [i ? ", " : "", h("a", { href: entityPath(l.id.length === 2 ? "Country" : "ForeignLocality", l.id) }, l.name)]);
  return h("div", { class: "page partner-page", "data-title": ent.name },
    entityHeader(ent.type, ent.id, ent.name, [
      data.name_en && data.name_en !== ent.name ? h("p", { class: "subtitle" }, data.name_en) : null,
      h("dl", { class: "facts" },
        ent.country && ent.type !== "Country" ? h("div", {}, h("dt", {}, t("country")), h("dd", {}, h("a", { href: `/id/country/${ent.country}` }, ent.country))) : null,
        located.length ? h("div", {}, h("dt", {}, t("located_in")), h("dd", {}, located)) : null,
        data.wikidata ? h("div", {}, h("dt", {}, "Wikidata"), h("dd", {}, data.wikidata)) : null,
        (data.aliases || []).length ? h("div", {}, h("dt", {}, "Aliases"), h("dd", {}, data.aliases.slice(0, 6).join(" · "))) : null)]),
    h("div", { class: "two-col wide-left" },
      section(t("provinces"), provinceTable),
      map ? section(t("map"), h("div", { class: "map-wrap small" }, map)) : null),
    viaTable);
}
