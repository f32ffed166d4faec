// Any other entity (person, role, figure, partnership, mention…): its properties and relationships,
// read from its linked-data description. A mention opens its article with the sentence highlighted.
import { navigate } from "../app.js";
import { t } from "../i18n.js";
import { api, entityHeader, entityPath, fmtDate, h, section, table } from "../util.js";

const HIDDEN = new Set(["search_text", "id", "curated"]);

function typeOf(labels) {
  return (labels || []).find((l) => l !== "Entity") || "Entity";
}

export async function render([segment, id]) {
  const d = await api(`/id/${segment}/${encodeURIComponent(id)}?format=json`);
  if (d.type === "Mention") {
    const doc = d.outgoing.find((r) => r.type === "IN_DOCUMENT");
    if (doc) {
      navigate(`/id/document/${encodeURIComponent(doc.target.id)}?hl=${d.properties.start}-${d.properties.end}`, { replace: true });
      return h("div", {});
    }
  }
  const props = Object.entries(d.properties).filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== "");
  const name = d.properties.name || d.properties.title || d.properties.text || id;
  const rels = [...d.outgoing.map((r) => ({ dir: "→", type: r.type, other: r.target, props: r.properties })),
    ...d.incoming.map((r) => ({ dir: "←", type: r.type, other: r.source, props: r.properties }))];
  const evidence = rels.filter((r) => r.type === "EVIDENCED_BY");
  // a person's evidence sits on their roles: bring each role's in, so the page shows every piece
  const roles = d.type === "Person" ? await Promise.all(d.outgoing.filter((r) => r.type === "HAS_ROLE")
    .map((r) => api(`/id/role/${encodeURIComponent(r.target.id)}?format=json`))) : [];
  for (const role of roles) {
    for (const r of role.outgoing) {
      if (r.type === "EVIDENCED_BY") evidence.push({ other: r.target, role: role.properties.title || role.properties.name });
    }
  }
  const roleSection = roles.length ? section(t("roles"), h("ul", { class: "plain" }, roles.map((role) => h("li", {},
    h("a", { href: entityPath("Role", role.id) }, role.properties.title || role.properties.name || role.id),
    ...role.outgoing.filter((r) => !["EVIDENCED_BY"].includes(r.type)).map((r) => [" · ",
      h("a", { href: entityPath(typeOf(r.target.labels), r.target.id) }, r.target.name || r.target.id)]))))) : null;
  const others = rels.filter((r) => r.type !== "EVIDENCED_BY");
  return h("div", { class: "page entity-page", "data-title": name },
    entityHeader(d.type, id, name, []),
    h("div", { class: "two-col" },
      section(t("properties"), table([
        { label: t("key"), cell: ([k]) => h("code", {}, k) },
        { label: t("value"), cell: ([k, v]) => Array.isArray(v) ? v.join(" · ") : /date|period|valid|published/.test(k) ? fmtDate(v) : String(v) },
      ], props, { caption: t("properties") })),
      section(t("relations"), table([
        { label: t("kind"), cell: (r) => h("span", {}, r.dir, " ", h("code", {}, r.type)) },
        { label: t("entity"), cell: (r) => h("a", { href: entityPath(typeOf(r.other.labels), r.other.id) }, r.other.name || r.other.id) },
      ], others, { caption: t("relations") }))),
    roleSection,
    evidence.length ? section(t("evidence"), h("ul", { class: "evidence" }, evidence.map((r) => h("li", {},
      h("blockquote", {}, "“", r.other.name || r.other.id, "”"),
      r.role ? h("p", { class: "ev-meta" }, r.role) : null,
      h("p", { class: "ev-meta" }, h("a", { href: entityPath("Mention", r.other.id), class: "ev-link" }, t("view_evidence"))))))) : null);
}
