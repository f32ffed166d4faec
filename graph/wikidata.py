"""Partnerships as Wikidata twinning statements (P190, "twinned administrative body").

Wikidata keeps sister-city links as P190 on both items (the property has a symmetric constraint),
so every partnership between a province and a foreign locality (a province, prefecture, state or
city: an administrative body, unlike a country or an organisation) whose two ends have QIDs gives
two statements. `quickstatements` writes them in
QuickStatements v1 syntax with the article that evidences the partnership as reference URL (S854),
for a person to review and submit; nothing here talks to Wikidata. Pairs Wikidata already has can be
left out with `known`: QID pairs exported from the Wikidata Query Service (e.g.
`SELECT ?a ?b { ?a wdt:P190 ?b }` for the items concerned, as CSV).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.rdf import EXPORT_TIMEOUT_MS, Triple
from graph.store import GraphStore

WD_ENTITY = "http://www.wikidata.org/entity/"
P190 = "http://www.wikidata.org/prop/direct/P190"
_QID = re.compile(r"Q[1-9]\d*")

TWINNINGS = """
MATCH (p:VietnameseProvince)-[:HAS_PARTNERSHIP]->(f:Partnership)-[:PARTNER]->(x:ForeignLocality)
WHERE p.wikidata IS NOT NULL AND x.wikidata IS NOT NULL AND p.wikidata <> x.wikidata
OPTIONAL MATCH (f)-[:EVIDENCED_BY]->(:Mention)-[:IN_DOCUMENT]->(d:Document)
WITH p, x, f, d ORDER BY d.published, d.id
RETURN p.wikidata, x.wikidata, p.name, x.name, f.id, collect(d.url) AS urls
ORDER BY p.wikidata, x.wikidata, f.id
"""


@dataclass
class Twinning:
    province_qid: str
    partner_qid: str
    province: str
    partner: str
    partnerships: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)  # evidence articles with a URL, oldest first


def twinnings(store: GraphStore) -> list[Twinning]:
    """One entry per QID pair (two graph nodes may share an item, e.g. a province before and after 2025)."""
    pairs: dict[tuple[str, str], Twinning] = {}
    for pq, xq, pname, xname, fid, urls in store.read(TWINNINGS, max_rows=10_000_000, timeout_ms=EXPORT_TIMEOUT_MS).rows:
        if not (_QID.fullmatch(str(pq)) and _QID.fullmatch(str(xq))):
            continue
        t = pairs.setdefault((pq, xq), Twinning(pq, xq, pname, xname))
        t.partnerships.append(fid)
        t.urls.extend(u for u in urls if u and u.startswith(("http://", "https://")) and u not in t.urls)
    return list(pairs.values())


def p190_triples(items: Iterable[Twinning]) -> Iterator[Triple]:
    for t in items:
        a, b = WD_ENTITY + t.province_qid, WD_ENTITY + t.partner_qid
        yield a, P190, b
        yield b, P190, a


def read_known(path: Path) -> set[frozenset[str]]:
    """QID pairs from a CSV/TSV (any columns; the QIDs or entity IRIs found in each row)."""
    known: set[frozenset[str]] = set()
    with path.open(encoding="utf-8", newline="") as fh:
        sample = fh.read(4096)
        fh.seek(0)
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;") if sample.strip() else csv.excel
        for row in csv.reader(fh, dialect):
            qids = [q for cell in row for q in _QID.findall(cell)]
            if len(qids) >= 2:
                known.add(frozenset(qids[:2]))
    return known


def quickstatements(items: Iterable[Twinning], known: set[frozenset[str]] | None = None) -> Iterator[str]:
    """QuickStatements v1 lines: both directions of each pair Wikidata is not known to have.

    The edit summary (`/* … */`) names the pair; without an evidence URL the statement has no
    reference and the summary says so, for the reviewer to add one.
    """
    for t in items:
        if known and frozenset((t.province_qid, t.partner_qid)) in known:
            continue
        ref = f'\tS854\t"{t.urls[0]}"' if t.urls else ""
        note = f"\t/* provkg: {t.province} – {t.partner}{'' if t.urls else ', no evidence URL'} */"
        yield f"{t.province_qid}\tP190\t{t.partner_qid}{ref}{note}"
        yield f"{t.partner_qid}\tP190\t{t.province_qid}{ref}{note}"
