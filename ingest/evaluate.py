"""Score the extractor against the shared gold sets, per section: the samples, the development set,
its two halves, and the cross-half check (relation scorer trained on samples + one half, scored on
the other). `make eval` runs this; `--diff` lists every miss and extra.

The gold and the scorer are read from ../shared at run time (never copied into the project).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

SECTIONS = ("partners", "agreements", "events", "indicators", "people")
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def scorer(shared: Path = SHARED) -> ModuleType:
    spec = importlib.util.spec_from_file_location("provkg_score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_sets(shared: Path = SHARED) -> dict[str, tuple[Path, Path]]:
    """name -> (corpus dir, gold dir)."""
    return {"samples": (shared / "corpus", shared / "gold"), "dev": (shared / "dev" / "corpus", shared / "dev" / "gold")}


def halves(gold_dir: Path) -> tuple[list[str], list[str]]:
    names = sorted(p.stem for p in gold_dir.glob("*.json"))
    return [n for n in names if int(n[:2]) <= 12], [n for n in names if int(n[:2]) > 12]


def predict(corpus: Path, names: list[str] | None = None, model: Any = None) -> dict[str, dict]:
    """Gold-shaped predictions for the articles of a corpus (all, or those named)."""
    from core.models import RawArticle
    from ingest.output import to_gold
    from ingest.pipeline import process
    from ingest.read import read_path

    out = {}
    for f in sorted(corpus.glob("*.txt")):
        if names is not None and f.stem not in names:
            continue
        for raw in read_path(f, 5_000_000):
            if isinstance(raw, RawArticle):
                out[f.stem] = to_gold(process(raw, model=model), f.name)
    return out


def score(gold_dir: Path, preds: dict[str, dict], names: list[str] | None = None,
          diff: Callable[[str, str, list, list], None] | None = None) -> dict[str, dict]:
    sc = scorer()
    m = sc.matchers()
    totals = {s: [0, 0, 0] for s in SECTIONS}
    for g in sorted(gold_dir.glob("*.json")):
        if names is not None and g.stem not in names:
            continue
        gold = json.loads(g.read_text(encoding="utf-8"))
        pred = preds.get(g.stem, {})
        for s in SECTIONS:
            gs, ps = gold.get(s, []), pred.get(s, []) or []
            tp, npred, ngold = sc.score_pair(gs, ps, m[s])
            for k, v in enumerate((tp, npred, ngold)):
                totals[s][k] += v
            if diff is not None:
                diff(g.stem, s, gs, ps)
    report = {s: sc.prf(*totals[s]) for s in SECTIONS}
    report["micro"] = sc.prf(*[sum(totals[s][k] for s in SECTIONS) for k in range(3)])
    return report


def print_diff(stem: str, section: str, gold: list, pred: list) -> None:
    m = scorer().matchers()[section]
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and m(g, p)), None)
        if hit is None:
            print(f"  MISS  {stem} {section}: {_brief(section, g)}")
        else:
            used.add(hit)
    for i, p in enumerate(pred):
        if i not in used:
            print(f"  EXTRA {stem} {section}: {_brief(section, p)}  [{p.get('rule')} {p.get('confidence')}]")


def _brief(section: str, f: dict) -> str:
    keys = {"partners": ("province", "partner", "partner_kind", "country"),
            "agreements": ("province", "partner", "kind", "date", "count"),
            "events": ("kind", "name", "date_start", "date_end"),
            "indicators": ("name", "value", "unit", "period"),
            "people": ("name", "role")}[section]
    return " | ".join(str(f.get(k)) for k in keys) + f"  «{(f.get('evidence') or '')[:90]}»"


def line(name: str, r: dict) -> str:
    return f"{name:16s} " + " ".join(f"{s[:5]} {r[s]['f1']:.3f}" for s in SECTIONS) + \
        f"  micro {r['micro']['f1']:.3f} (P {r['micro']['precision']:.3f} R {r['micro']['recall']:.3f})"


def run(cross: bool = True, diff: bool = False, only: str | None = None) -> dict[str, dict]:
    sets = gold_sets()
    results: dict[str, dict] = {}
    for name, (corpus, gold) in sets.items():
        if only and name != only:
            continue
        preds = predict(corpus)
        if diff:
            print(f"-- {name}")
        results[name] = score(gold, preds, diff=print_diff if diff else None)
        if name == "dev":
            a, b = halves(gold)
            results["dev 01-12"] = score(gold, preds, a)
            results["dev 13-24"] = score(gold, preds, b)
    if cross and not only:
        from ingest.learn import train_model

        corpus, gold = sets["dev"]
        a, b = halves(gold)
        for train_half, test_half, label in ((a, b, "cross 13-24"), (b, a, "cross 01-12")):
            model, _ = train_model(include_dev=train_half)
            preds = predict(corpus, test_half, model=model)
            results[label] = score(gold, preds, test_half)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--diff", action="store_true", help="list every miss and extra")
    ap.add_argument("--no-cross", action="store_true", help="skip the cross-half check")
    ap.add_argument("--only", choices=["samples", "dev"])
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    results = run(cross=not a.no_cross, diff=a.diff, only=a.only)
    if a.json:
        print(json.dumps(results, indent=1))
    else:
        for name, r in results.items():
            print(line(name, r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
