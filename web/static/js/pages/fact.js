// Agreement or event: the fact, its parties, dates, fields, and every piece of evidence.
import { t } from "../i18n.js";
import { api, conceptName, entityHeader, entityLink, evidenceList, fmtDate, h, section } from "../util.js";

export async function render([kind, id]) {
  const isAgreement = kind === "agreement";
  const f = await api(`/${isAgreement ? "agreements" : "events"}/${encodeURIComponent(id)}`);
  const parties = (isAgreement ? f.parties : f.participants) || [];
  const row = (label, value) => value ? h("div", {}, h("dt", {}, label), h("dd", {}, value)) : null;
  const facts = h("dl", { class: "facts" },
    row(t("kind"), conceptName(f.kind)),
    row(t("date"), isAgreement ? fmtDate(f.date) : [fmtDate(f.date_start), f.date_end ? ` – ${fmtDate(f.date_end)}` : ""]),
    isAgreement ? row(t("level"), f.level) : row(t("place"), [f.place, ...(f.held_in || []).map((p) => [" ", entityLink({ ...p, type: "ForeignLocality" })])]),
    isAgreement ? row(t("fields"), (f.fields || []).map(conceptName).join(", ")) : null,
    f.count ? row("#", f.count) : null,
    row(t("confidence"), f.confidence !== null && f.confidence !== undefined ? f.confidence.toFixed(2) : null));
  return h("div", { class: "page fact-page", "data-title": f.name || id },
    entityHeader(isAgreement ? "Agreement" : "Event", f.id, f.name || f.title || f.id, [facts]),
    section(t("parties"), h("ul", { class: "party-list" }, parties.map((p) => h("li", {}, entityLink(p),
      " ", h("span", { class: "muted small" }, p.country || ""))))),
    section(t("evidence"), evidenceList(f.evidence)));
}
