"""Gzipped dumps of the whole graph for download, written once per version of the data.

A dump is the streamed export (graph/rdf.py) piped through gzip into a file under
`{data_dir}/dumps/{graph}/`, so memory follows the export's page size, and the web server sends
the file from disk. The version — and so the ETag — is a digest of what changes when data is
loaded: the number of documents, nodes and relationships and the latest ingest time. A reference
update that changes no count keeps the version; `provkg sparql-sync` does not touch dumps, and
deleting the folder forces new ones.
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from core.ids import digest
from core.settings import Settings
from graph.locks import RWLock
from graph.rdf import EXPORT_TIMEOUT_MS, ExportStats, export, write_lines
from graph.store import GraphStore


@dataclass(frozen=True)
class Dump:
    name: str        # file name offered for download
    fmt: str         # graph/rdf.py FORMATS key, or "wikidata"
    media_type: str  # of the uncompressed content


DUMPS: dict[str, Dump] = {
    "provkg.nt.gz": Dump("provkg.nt.gz", "nt", "application/n-triples"),
    "provkg.ttl.gz": Dump("provkg.ttl.gz", "ttl", "text/turtle"),
    "provkg.jsonld.gz": Dump("provkg.jsonld.gz", "jsonld", "application/ld+json"),
    "provkg-wikidata.nt.gz": Dump("provkg-wikidata.nt.gz", "wikidata", "application/n-triples"),
}
MAIN_DUMPS = ("provkg.nt.gz", "provkg.ttl.gz", "provkg.jsonld.gz")

VERSION = """
MATCH (d:Document) WITH count(d) AS docs, max(d.ingested_at) AS latest
MATCH (n:Entity) WITH docs, latest, count(n) AS nodes
OPTIONAL MATCH ()-[r]->() RETURN docs, latest, nodes, count(r)
"""


@dataclass(frozen=True)
class DumpFile:
    path: Path
    etag: str
    stats: dict[str, object]


def data_version(store: GraphStore, settings: Settings) -> str:
    row = store.read(VERSION, timeout_ms=EXPORT_TIMEOUT_MS).rows[0]
    return digest(settings.base_iri, settings.licence, *row)


def folder(settings: Settings) -> Path:
    return settings.data_path / "dumps" / settings.graph_name


def ensure(store: GraphStore, settings: Settings, name: str, version: str | None = None) -> DumpFile:
    """The dump file for the current data, written first if it is not there yet."""
    dump = DUMPS[name]
    version = version or data_version(store, settings)
    root = folder(settings)
    path = root / f"{version}-{name}"
    etag = f'"{version}-{dump.fmt}"'
    meta = path.with_name(path.name + ".json")
    if not path.exists():
        with RWLock(root).exclusive():  # one writer per dump; others wait and then find it
            if not path.exists():
                stats = _write(store, settings, dump, path)
                meta.write_text(json.dumps(stats))
                for old in root.glob(f"*-{name}*"):
                    if not old.name.startswith(version):
                        old.unlink(missing_ok=True)
    try:
        stats = json.loads(meta.read_text())
    except (OSError, ValueError):
        stats = {}
    return DumpFile(path, etag, stats)


def _write(store: GraphStore, settings: Settings, dump: Dump, path: Path) -> dict[str, object]:
    part = path.with_name(path.name + ".part")
    try:
        # mtime=0: the same data gives the same bytes
        with part.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as gz:
            if dump.fmt == "wikidata":
                from graph.wikidata import p190_triples, twinnings

                triples = write_lines(p190_triples(twinnings(store)), cast(BinaryIO, gz))
                stats: dict[str, object] = {"triples": triples}
            else:
                st: ExportStats = export(store, settings, dump.fmt, cast(BinaryIO, gz))
                stats = {"triples": st.triples, "entities": st.entities, "classes": dict(st.classes)}
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    stats["bytes"] = path.stat().st_size
    return stats
