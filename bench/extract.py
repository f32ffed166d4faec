"""Extraction: articles/s and kB/s of the ingest pipeline on one core, over the sample corpus repeated to
1,000 articles, against underthesea's `ner()` alone on the same text.

    .venv/bin/python -m bench.extract [--size tiny|full]

Measured, each on the same articles in one process pinned to one CPU:
* `pipeline`: ingest.pipeline.process(raw) -> ArticleFacts (clean, recognise/link, every extractor);
* `clean_recognise_link`: ingest.clean.clean + ingest.pipeline.context (sentences, gazetteer
  recognition and linking, subject provinces) — the front half alone;
* `underthesea_ner`: underthesea's NER (its CRF model ships with the package, no download) on the
  same raw text, applied as it is meant to be: sent_tokenize, then ner() per sentence — the reference
  a statistical Vietnamese NER costs. ner() over a whole article at once is superlinear in its length
  (5-10 s per sample article), so that way is measured too (`underthesea_ner_whole_text`) but the
  ratios use the per-sentence one, the faster and so stricter reference; `underthesea_word_tokenize`
  is the cheapest underthesea step, for scale.
The reference runs are bounded in time (they are ~100x slower), so they cover fewer articles; the
rate is per article of the same corpus either way. A cProfile of the pipeline names where its time goes.
"""

from __future__ import annotations

import cProfile
import io
import itertools
import os
import pstats
import time
from typing import Any

from bench.common import CORPUS, log, parser, ratio, write_result


def articles(n: int) -> list[Any]:
    from core.models import RawArticle
    from ingest.read import read_path

    base = [a for a in read_path(CORPUS, 5_000_000) if isinstance(a, RawArticle)]
    if not base:
        raise SystemExit(f"no articles in {CORPUS}")
    return list(itertools.islice(itertools.cycle(base), n))


def timed(fn: Any, items: list[Any], budget_s: float | None = None) -> dict[str, Any]:
    n = 0
    size = 0
    t0 = time.perf_counter()
    for a in items:
        fn(a)
        n += 1
        size += len(a.text.encode("utf-8"))
        if budget_s is not None and time.perf_counter() - t0 > budget_s:
            break
    s = time.perf_counter() - t0
    return {"articles": n, "kb": round(size / 1024, 1), "seconds": round(s, 3),
            "articles_per_s": round(n / s, 2), "kb_per_s": round(size / 1024 / s, 1),
            "ms_per_article": round(s / n * 1000, 2)}


def profile(fn: Any, items: list[Any], top: int = 15) -> list[dict[str, Any]]:
    pr = cProfile.Profile()
    pr.enable()
    for a in items:
        fn(a)
    pr.disable()
    st = pstats.Stats(pr, stream=io.StringIO())
    rows = []
    total = sum(v[2] for v in st.stats.values())  # type: ignore[attr-defined]
    for (file, line, func), (_cc, nc, tt, ct, _callers) in sorted(
            st.stats.items(), key=lambda kv: -kv[1][2])[:top]:  # type: ignore[attr-defined]
        rows.append({"function": f"{os.path.relpath(file) if file.startswith('/') else file}:{line}({func})",
                     "calls": nc, "tottime_s": round(tt, 3), "cumtime_s": round(ct, 3),
                     "share_of_total": round(tt / total, 3) if total else None})
    return rows


def pool_speedup(items: list[Any]) -> dict[str, Any]:
    """ingest.run's process pool on every core against one process, on the same articles, workers'
    start-up (segmenter and gazetteer load) included: what `provkg extract|ingest` gains."""
    from ingest.run import _results

    out: dict[str, Any] = {"articles": len(items), "cores": len(os.sched_getaffinity(0))
                           if hasattr(os, "sched_getaffinity") else os.cpu_count()}
    for workers in (1, 2):
        t0 = time.perf_counter()
        for _ in _results(items, workers):
            pass
        out[f"seconds_{workers}_worker{'s' if workers > 1 else ''}"] = round(time.perf_counter() - t0, 2)
    out["speedup"] = round(out["seconds_1_worker"] / out["seconds_2_workers"], 2)
    return out


def main(argv: list[str] | None = None) -> None:
    args = parser(__doc__.splitlines()[0]).parse_args(argv)
    started = time.perf_counter()
    n = 1_000 if args.size == "full" else 6
    # tiny: the reference runs cover the same few articles as the pipeline (no time budget)
    ref_budget: float | None = 20.0 if args.size == "full" else None
    cpu = None
    all_cpus = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
    from ingest.clean import clean
    from ingest.pipeline import context, process, recogniser

    items = articles(n)
    recogniser().recognise("Quảng Trị", None)  # build the gazetteer and automaton before timing
    process(items[0])
    log(f"extract: pipeline over {n} articles")
    full = timed(process, items)
    front = timed(lambda a: context(clean(a)), items)
    log("extract: underthesea references")
    from underthesea import ner, sent_tokenize, word_tokenize

    ner(items[0].text[:200])  # load the model before timing
    word_tokenize(items[0].text[:200])
    ref_ner = timed(lambda a: [ner(s) for s in sent_tokenize(a.text)], items, ref_budget)
    ref_whole = timed(lambda a: ner(a.text), items, ref_budget / 3 if ref_budget else None)
    ref_tok = timed(lambda a: word_tokenize(a.text), items, ref_budget / 3 if ref_budget else None)
    prof = profile(process, items[: min(len(items), 100)])
    if all_cpus is not None:
        os.sched_setaffinity(0, all_cpus)  # the pool is measured on every core
    pool = pool_speedup(articles(48 if args.size == "full" else 12))
    result = {
        "corpus": str(CORPUS), "distinct_articles": len({a.source for a in items}), "cpu_pinned": cpu,
        "pipeline": full, "clean_recognise_link": front, "underthesea_ner": ref_ner,
        "underthesea_ner_whole_text": ref_whole, "underthesea_word_tokenize": ref_tok, "process_pool": pool,
        "ratios": {"pipeline_vs_ner": ratio(full["articles_per_s"], ref_ner["articles_per_s"], 1),
                   "front_vs_ner": ratio(front["articles_per_s"], ref_ner["articles_per_s"], 1),
                   "pipeline_vs_word_tokenize": ratio(full["articles_per_s"], ref_tok["articles_per_s"], 1)},
        "targets": {"pipeline_articles_per_s": 20, "pipeline_met": full["articles_per_s"] >= 20,
                    "front_articles_per_s": 100, "front_met": front["articles_per_s"] >= 100},
        "profile_pipeline_top_tottime": prof,
    }
    write_result(args, "extract", result, started)


if __name__ == "__main__":
    main()
