"""`provkg extract --explain FILE`: every partner candidate with its features, score and decision,
and every other section's rejected readings, so an analyst can see why a fact is missing."""

from __future__ import annotations

from core.models import RawArticle
from ingest.clean import clean
from ingest.extract.partners import candidates
from ingest.learn import partner_model
from ingest.pipeline import context, process


def explain(raw: RawArticle) -> str:
    model = partner_model()
    ctx = context(clean(raw))
    lines = [f"# {raw.source}", f"subject provinces: {', '.join(e.name for e in ctx.subjects) or '-'}",
             f"reference date: {ctx.ref_date or '-'}   tokens: {len(ctx.tokens.tokens)}   "
             f"mentions: {len(ctx.mentions)}   threshold: {model.threshold}", "", "## partner candidates"]
    best: dict[tuple[str, str], float] = {}
    cands = candidates(ctx)
    for c in cands:
        c.score = model.score(c.features)
        key = (c.province.id, c.partner.id)
        best[key] = max(best.get(key, 0.0), c.score)
    for c in cands:
        key = (c.province.id, c.partner.id)
        verdict = "KEEP" if c.score >= model.threshold and c.score == best[key] else \
            "dup" if c.score >= model.threshold else "reject"
        lines.append(f"{verdict:6s} {c.score:.3f}  {c.province.name} – {c.partner.name} ({c.partner.type}) "
                     f"«{c.mention.surface}» in: {c.clause.text[:100]}")
        lines.append("         " + ", ".join(model.explain(c.features)))
    facts = process(raw)
    lines += ["", "## facts"]
    for section, items in (("partners", facts.partners), ("agreements", facts.agreements), ("events", facts.events),
                           ("indicators", facts.observations), ("people", facts.people)):
        for f in items:
            lines.append(f"{section:10s} {f.evidence.rule:28s} {f.evidence.confidence:.2f}  «{f.evidence.text[:110]}»")
    lines += ["", "## rejected"]
    lines += [f"{r.section:10s} {r.reason}  «{r.text[:110]}»" for r in facts.rejected]
    return "\n".join(lines) + "\n"
