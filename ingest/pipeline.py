"""read -> clean -> recognise/link -> extract -> resolve: one article in, ArticleFacts out."""

from __future__ import annotations

from pathlib import Path

from core.ids import digest, fact_id, slug
from core.models import ArticleFacts, CleanArticle, DocumentInfo, RawArticle, Rejected
from ingest.clean import clean
from ingest.extract.agreements import extract_agreements
from ingest.extract.context import DocContext, subject_provinces
from ingest.extract.events import extract_events, signing_events
from ingest.extract.figures import extract_figures
from ingest.extract.partners import extract_partners
from ingest.extract.people import extract_people
from ingest.gazetteer import gazetteer
from ingest.meta import reference_date
from ingest.recognise import Recogniser
from ingest.sentences import split

_recogniser: Recogniser | None = None


def recogniser() -> Recogniser:
    global _recogniser
    if _recogniser is None:
        _recogniser = Recogniser(gazetteer())
    return _recogniser


def document_id(raw: RawArticle, content_hash: str, url: str | None = None) -> str:
    """An article's identity: its URL when known, else where it was read from.

    A file is identified by its resolved path, so `a/report.txt` and `b/report.txt` are two articles
    and an edited `a/report.txt` is a new version of the first (the loader replaces it by its content
    hash). A JSONL line or a posted text has no stable place (lines move when a file is edited), so
    its content is part of its identity. The readable part keeps ids recognisable in the API."""
    if url or raw.url:
        return fact_id("doc", url or raw.url)
    path, _, _line = raw.source.partition("#")
    if raw.fmt in ("txt", "html") and path and not path.startswith("api:"):
        where = str(Path(path).expanduser().resolve())
        return f"doc-{slug(Path(path).name)}-{digest(where, size=10)}"
    name = slug(Path(path).name) if path and not path.startswith("api:") else "text"
    return f"doc-{name}-{digest(path, content_hash, size=12)}"


def context(article: CleanArticle, model: object | None = None, budget_s: float | None = None) -> DocContext:
    ref, _ = reference_date(article.text, article.published)
    mentions = recogniser().recognise(article.text, ref)
    ctx = DocContext(article=article, sentences=split(article.text), mentions=mentions, ref_date=ref,
                     model=model, budget_s=budget_s)
    ctx.subjects = subject_provinces(article, mentions)
    return ctx


def process(raw: RawArticle, model: object | None = None, budget_s: float | None = 20.0) -> ArticleFacts:
    article = clean(raw)
    ctx = context(article, model=model, budget_s=budget_s)
    doc = DocumentInfo(id=document_id(raw, article.content_hash, article.url), source=raw.source, url=article.url,
                       title=article.title, published=article.published, content_hash=article.content_hash,
                       text_length=len(article.original), content=article.original, subject_provinces=ctx.subjects)
    facts = ArticleFacts(document=doc)
    if not ctx.subjects:
        facts.rejected.append(Rejected(section="document", reason="no Vietnamese province is named, so no "
                                       "fact can be attributed", text=(article.title or article.text[:80])))
    facts.partners = extract_partners(ctx, facts.rejected)
    facts.agreements = extract_agreements(ctx, facts.partners, facts.rejected)
    facts.events = signing_events(ctx, facts.agreements, extract_events(ctx))
    facts.observations = extract_figures(ctx, facts.rejected)
    facts.people = extract_people(ctx)
    return facts
