// Evidence: the article's stored text with the evidence sentence highlighted at its offsets, its source
// and date, and every other fact read from the same article. ?hl=START-END picks the sentence.
import { t, typeName } from "../i18n.js";
import { api, entityHeader, entityPath, fmtDate, h, section } from "../util.js";

function highlighted(text, spans, focus) {
  // spans: [{start, end, key}], non-overlapping after sorting; the focused one gets <mark id="hl">
  const out = [];
  let pos = 0;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const s of sorted) {
    if (s.start < pos || s.end > text.length || s.end <= s.start) continue;
    out.push(text.slice(pos, s.start));
    const isFocus = focus && s.start === focus[0] && s.end === focus[1];
    out.push(h("mark", { id: isFocus ? "hl" : null, class: isFocus ? "focus" : "fact", "data-start": s.start, "data-end": s.end,
      title: s.title, tabindex: isFocus ? "-1" : null }, text.slice(s.start, s.end)));
    pos = s.end;
  }
  out.push(text.slice(pos));
  return out;
}

export async function render([id], query) {
  const doc = await api(`/documents/${encodeURIComponent(id)}`);
  const m = (query.get("hl") || "").match(/^(\d+)-(\d+)$/);
  const focus = m ? [Number(m[1]), Number(m[2])] : null;
  const text = doc.content || "";
  const spans = [];
  const seen = new Set();
  for (const f of doc.facts) {
    const key = `${f.evidence.start}-${f.evidence.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    spans.push({ start: f.evidence.start, end: f.evidence.end, title: `${typeName(f.type)}: ${f.name || f.id}` });
  }
  // the sentence asked for wins over any other fact's span that overlaps it
  const shown = focus ? spans.filter((s) => s.end <= focus[0] || s.start >= focus[1]) : spans;
  if (focus) shown.push({ start: focus[0], end: focus[1], title: t("evidence") });
  const focused = focus ? doc.facts.filter((f) => f.evidence.start === focus[0] && f.evidence.end === focus[1]) : [];
  const meta = h("dl", { class: "facts" },
    h("div", {}, h("dt", {}, t("published")), h("dd", {}, fmtDate(doc.published))),
    h("div", {}, h("dt", {}, t("source")), h("dd", {}, doc.url ? h("a", { href: doc.url, rel: "noopener", "data-external": "1" }, doc.url) : (doc.source || "—"))),
    doc.subject_provinces.length ? h("div", {}, h("dt", {}, t("province_label")), h("dd", {},
      doc.subject_provinces.map((p, i) => [i ? ", " : "", h("a", { href: `/id/province/${encodeURIComponent(p.id)}` }, p.name)]))) : null);
  return h("div", { class: "page evidence-page", "data-title": doc.title || id },
    entityHeader("Document", doc.id, doc.title || doc.id, [meta]),
    focused.length ? h("p", { class: "focus-note" }, t("evidence_for"), " ",
      focused.map((f, i) => [i ? ", " : "", h("a", { href: entityPath(f.type, f.id) }, typeName(f.type), ": ", f.name || f.id)])) : null,
    h("div", { class: "two-col wide-left" },
      section(t("article_text"), h("p", { class: "muted small" }, t("highlighted")),
        h("div", { class: "article", lang: "vi" }, highlighted(text, shown, focus))),
      section(t("facts_in_article"), h("ul", { class: "fact-list" }, doc.facts.map((f) => h("li", {},
        h("a", { href: entityPath(f.type, f.id) }, h("span", { class: `badge t-${f.type}` }, typeName(f.type)), " ", f.name || f.id),
        " ", h("a", { href: `?hl=${f.evidence.start}-${f.evidence.end}`, class: "small", "aria-label": `${t("view_evidence")}: ${f.name || f.id}` }, "¶")))))));
}

export function mounted(node) {
  const mark = node.querySelector("#hl");
  if (mark) { mark.scrollIntoView({ block: "center" }); mark.focus({ preventScroll: true }); }
}
