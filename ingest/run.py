"""Run the pipeline over many inputs: one article's failure is reported and never stops the rest."""

from __future__ import annotations

import json
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import InputError, ProvkgError
from core.ids import slug
from core.models import ArticleFacts, RawArticle
from ingest.output import to_gold
from ingest.pipeline import process


@dataclass
class RunSummary:
    articles: int = 0
    loaded: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    facts: Counter[str] = field(default_factory=Counter)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)
    verb: str = "loaded"  # what happened to a changed article: "loaded" (ingest) or "written" (extract)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def add_facts(self, f: ArticleFacts) -> None:
        self.facts.update({"partners": len(f.partners), "agreements": len(f.agreements), "events": len(f.events),
                           "observations": len(f.observations), "people": len(f.people)})
        self.rejected.extend((f.document.source, r.section, r.reason) for r in f.rejected)

    def as_dict(self) -> dict[str, object]:
        return {"articles": self.articles, self.verb: self.loaded, "unchanged": self.unchanged,
                "failed": [{"source": s, "error": e} for s, e in self.failed], "facts": dict(self.facts),
                "rejected": [{"source": s, "section": sec, "reason": r} for s, sec, r in self.rejected]}


def output_name(raw: RawArticle) -> str:
    """<input stem>.json; for a JSONL line, a slug of its URL (or file and line)."""
    if raw.fmt == "jsonl":
        return slug(raw.url or raw.source) + ".json"
    return Path(raw.source.split("#", 1)[0]).stem + ".json"


def _work(item: RawArticle) -> tuple[str, ArticleFacts | str]:
    """One article in a worker: facts, or the error as a message (exceptions do not cross cleanly)."""
    try:
        return "ok", process(item)
    except ProvkgError as exc:
        return "err", f"{item.source}: {type(exc).__name__}: {exc}"
    except Exception as exc:  # noqa: BLE001 - a bug on one article must not stop the others
        return "err", f"{item.source}: internal error {type(exc).__name__}: {exc}"


def _results(items: Iterable[RawArticle | InputError], workers: int
             ) -> Iterator[tuple[RawArticle | InputError, tuple[str, ArticleFacts | str] | None]]:
    """(item, result) in input order; articles are extracted in a process pool when workers > 1 (each
    worker loads the segmenter and the gazetteer once), at most a bounded window ahead of the loader."""
    if workers <= 1:
        for item in items:
            yield item, None if isinstance(item, InputError) else _work(item)
        return
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_all_start_methods, get_context

    # load the segmenter, the gazetteer, the patterns and the scorer once here: forked workers share
    # them (copy-on-write) instead of each paying the seconds of start-up
    warm_up()
    method = "fork" if "fork" in get_all_start_methods() else "spawn"
    window = workers * 4
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context(method)) as pool:
        pending: deque = deque()
        for item in items:
            pending.append((item, None if isinstance(item, InputError) else pool.submit(_work, item)))
            while len(pending) >= window:
                it, fut = pending.popleft()
                yield it, fut.result() if fut is not None else None
        while pending:
            it, fut = pending.popleft()
            yield it, fut.result() if fut is not None else None


def warm_up() -> None:
    process(RawArticle(source="warm-up.txt", text="Tỉnh Quảng Trị hợp tác với tỉnh Savannakhet (Lào)."))


def default_workers() -> int:
    env = os.environ.get("PROVKG_WORKERS")
    if env and env.isdigit():
        return max(1, int(env))
    return max(1, min(os.cpu_count() or 1, 8))


def run(items: Iterable[RawArticle | InputError], on_facts: Callable[[RawArticle, ArticleFacts], bool | None],
        tick: Callable[[str], None] | None = None, workers: int = 1, verb: str = "loaded") -> RunSummary:
    """`facts` counts what was loaded (or written): an unchanged article adds none."""
    summary = RunSummary(verb=verb)
    for item, result in _results(items, workers):
        summary.articles += 1
        if isinstance(item, InputError) or result is None:
            summary.failed.append((str(item).split(": ", 1)[0], str(item)))
            if tick:
                tick("failed")
            continue
        status, value = result
        if status == "err" or not isinstance(value, ArticleFacts):
            summary.failed.append((item.source, str(value)))
        else:
            try:
                changed = on_facts(item, value)
            except ProvkgError as exc:
                summary.failed.append((item.source, f"{item.source}: {type(exc).__name__}: {exc}"))
            except Exception as exc:  # noqa: BLE001 - a bug on one article must not stop the others
                summary.failed.append((item.source, f"{item.source}: internal error {type(exc).__name__}: {exc}"))
            else:
                if changed is False:
                    summary.unchanged += 1
                else:
                    summary.loaded += 1
                    summary.add_facts(value)
        if tick:
            tick(item.source)
    return summary


def write_gold(out_dir: Path) -> Callable[[RawArticle, ArticleFacts], bool]:
    out_dir.mkdir(parents=True, exist_ok=True)

    def write(raw: RawArticle, facts: ArticleFacts) -> bool:
        name = output_name(raw)
        doc = Path(raw.source.split("#", 1)[0]).name
        (out_dir / name).write_text(json.dumps(to_gold(facts, doc), ensure_ascii=False, indent=1), encoding="utf-8")
        return True

    return write
