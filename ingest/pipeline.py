"""read -> clean -> recognise/link -> extract -> resolve: one article in, ArticleFacts out."""

from __future__ import annotations

from core.ids import fact_id, slug
from core.models import ArticleFacts, CleanArticle, DocumentInfo, RawArticle, Rejected
from ingest.clean import clean
from ingest.extract.agreements import extract_agreements
from ingest.extract.context import DocContext, subject_provinces
from ingest.extract.events import extract_events
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


def document_id(raw: RawArticle) -> str:
    """Stable per article identity: its URL when known, else its file name (and line for JSONL)."""
    if raw.url:
        return fact_id("doc", raw.url)
    name = raw.source.replace("\\", "/").rsplit("/", 1)[-1]
    return f"doc-{slug(name)}"


def context(article: CleanArticle) -> DocContext:
    ref, _ = reference_date(article.text, article.published)
    mentions = recogniser().recognise(article.text, ref)
    ctx = DocContext(article=article, sentences=split(article.text), mentions=mentions, ref_date=ref)
    ctx.subjects = subject_provinces(article, mentions)
    return ctx


def process(raw: RawArticle) -> ArticleFacts:
    article = clean(raw)
    ctx = context(article)
    doc = DocumentInfo(id=document_id(raw), source=raw.source, url=article.url, title=article.title,
                       published=article.published, content_hash=article.content_hash,
                       text_length=len(article.original), content=article.original, subject_provinces=ctx.subjects)
    facts = ArticleFacts(document=doc)
    if not ctx.subjects:
        facts.rejected.append(Rejected(section="document", reason="no Vietnamese province is named, so no "
                                       "fact can be attributed", text=(article.title or article.text[:80])))
    facts.partners = extract_partners(ctx)
    facts.agreements = extract_agreements(ctx)
    facts.events = extract_events(ctx)
    facts.observations = extract_figures(ctx)
    facts.people = extract_people(ctx)
    return facts
