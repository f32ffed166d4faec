"""RDF export speed: rdflib vs pyoxigraph on the same triples, and the streamed export end to end.

    .venv/bin/python bench/rdf_export.py                       # the sample corpus, in a temp store
    .venv/bin/python bench/rdf_export.py --synthetic 20000     # plus 20k synthetic partnerships
    .venv/bin/python bench/rdf_export.py --store               # the store PROVKG_* settings point at

Prints one JSON object. Serialisation is timed from one in-memory list of triples, so both
libraries do the same work: rdflib builds a Graph and serialises it, pyoxigraph serialises the
stream. `stream_nt` is the real `provkg export --format nt` path (store pages -> lines), and its
peak traced memory is measured at two page sizes to show it follows the page, not the graph.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyoxigraph as ox  # noqa: E402

from core.settings import Settings, load_settings  # noqa: E402
from graph.rdf import FORMATS, export, graph_triples, ox_triples, prefixes, to_rdflib, write_lines  # noqa: E402


def _timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def _rate(n: int, seconds: float) -> dict[str, float]:
    return {"seconds": round(seconds, 4), "triples_per_s": round(n / seconds) if seconds else 0}


def _synthetic(store: Any, n: int) -> None:
    from graph.loader import Batch, Loader
    from graph.schema import load_schema

    b = Batch(load_schema())
    b.node("Document", "doc-bench", {"title": "bench", "content_hash": "0", "published": "2024-01-01"})
    for i in range(n):
        prov, place, ps, men = f"VN-B{i % 40}", f"bench-place-{i}", f"ps-bench-{i}", f"men-bench-{i}"
        b.node("VietnameseProvince", prov, {"name": f"Tỉnh {i % 40}", "curated": False})
        b.node("ForeignLocality", place, {"name": f"Nơi {i}", "country": "LA", "aliases": [f"N{i}", f"P{i}"],
                                          "wikidata": f"Q{1000 + i}", "curated": False})
        b.node("Partnership", ps, {"name": f"Tỉnh – Nơi {i}", "since": "2024", "evidence_count": 1,
                                   "confidence": 0.9})
        b.node("Mention", men, {"text": f"câu {i}", "start": i, "end": i + 5, "rule": ["bench"],
                                "doc_id": "doc-bench", "confidence": 0.9})
        b.rel("HAS_PARTNERSHIP", prov, ps)
        b.rel("PARTNER", ps, place)
        b.rel("PARTNERS_WITH", prov, place, {"since": "2024", "evidence_count": 1, "confidence": 0.9})
        b.rel("EVIDENCED_BY", ps, men)
        b.rel("IN_DOCUMENT", men, "doc-bench")
    Loader(store, batch_size=5000).load_batch(b)


def _peak_mb(store: Any, settings: Settings, page_size: int) -> float:
    class Sink(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, b: Any) -> int:
            return len(b)

    tracemalloc.start()
    export(store, settings, "nt", Sink(), page_size=page_size)  # type: ignore[arg-type]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return round(peak / 1e6, 2)


def run(store: Any, settings: Settings, repeat: int) -> dict[str, Any]:
    read_s, triples = _timed(lambda: list(graph_triples(store, settings)), 1)
    n = len(triples)
    result: dict[str, Any] = {"triples": n, "store_to_triples": _rate(n, read_s)}
    stream_s, _ = _timed(lambda: export(store, settings, "nt", io.BytesIO()), repeat)
    result["stream_nt"] = {**_rate(n, stream_s),
                           "peak_traced_mb": {str(p): _peak_mb(store, settings, p) for p in (500, 5000)}}
    pfx = prefixes(settings)
    serialise: dict[str, Any] = {}
    for key, spec in FORMATS.items():
        if key == "nq":
            continue  # same writer as nt, one more term per line

        def with_rdflib(spec: Any = spec) -> int:
            return len(to_rdflib(triples, settings).serialize(format=spec.rdflib_format, encoding="utf-8"))

        def with_oxigraph(spec: Any = spec) -> int:
            return len(ox.serialize(ox_triples(triples), format=spec.ox_format, prefixes=pfx) or b"")

        r_s, r_bytes = _timed(with_rdflib, repeat)
        o_s, o_bytes = _timed(with_oxigraph, repeat)
        serialise[key] = {"rdflib": {**_rate(n, r_s), "bytes": r_bytes},
                          "pyoxigraph": {**_rate(n, o_s), "bytes": o_bytes},
                          "speedup": round(r_s / o_s, 1) if o_s else None}
    lines_s, lines_bytes = _timed(lambda: _lines(triples), repeat)
    serialise["nt"]["provkg_lines"] = {**_rate(n, lines_s), "bytes": lines_bytes}
    result["serialise"] = serialise
    return result


def _lines(triples: list[Any]) -> int:
    buf = io.BytesIO()
    write_lines(triples, buf)
    return len(buf.getvalue())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", action="store_true", help="use the configured store as it is")
    ap.add_argument("--synthetic", type=int, default=0, help="add N synthetic partnerships to the temp store")
    ap.add_argument("--repeat", type=int, default=3, help="best of N timings")
    args = ap.parse_args()
    import rdflib

    meta = {"rdflib": rdflib.__version__, "pyoxigraph": ox.__version__, "python": sys.version.split()[0]}
    if args.store:
        from graph.store import open_store

        settings = load_settings()
        store = open_store(settings)
        print(json.dumps({**meta, "graph": "configured store", **run(store, settings, args.repeat)}, indent=2))
        return
    from core.errors import InputError
    from graph.embedded import EmbeddedServer
    from graph.falkor_store import FalkorStore
    from graph.loader import Loader
    from graph.reference import load_reference
    from ingest.gazetteer import gazetteer
    from ingest.pipeline import process
    from ingest.read import read_path

    corpus = Path(os.environ.get("PROVKG_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    data_dir = Path(tempfile.mkdtemp(prefix="pkb"))  # short path: the server's socket lives under it
    try:
        settings = load_settings(data_dir=data_dir, graph_name="bench" + uuid.uuid4().hex[:8])
        store = FalkorStore(settings)
        loader = Loader(store)
        load_reference(loader, gazetteer())
        for item in read_path(corpus, 5_000_000):
            if not isinstance(item, InputError):
                loader.load_article(process(item))
        if args.synthetic:
            _synthetic(store, args.synthetic)
        graph = f"sample corpus + {args.synthetic} synthetic partnerships" if args.synthetic else "sample corpus"
        print(json.dumps({**meta, "graph": graph, **run(store, settings, args.repeat)}, indent=2))
        store.clear()
        store.close()
    finally:
        EmbeddedServer(data_dir).stop()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
