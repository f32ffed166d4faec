"""The learned relation scorer: logistic regression over partner-candidate features.

`make train` (python -m ingest.learn) builds every candidate of the sample and development
articles, labels it by the gold (a candidate is positive when its (province, partner) pair is a gold
partner, matched as ../shared/eval/score.py matches), fits scikit-learn's LogisticRegression and
writes `ingest/data/partner_model.json`: the weights, the decision threshold, the hash of the
training data and the training metrics. Scoring needs no scikit-learn: it is a dot product.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "data" / "partner_model.json"
PRIORS_PATH = Path(__file__).resolve().parent / "data" / "partner_priors.yaml"


@dataclass
class RelationScorer:
    weights: dict[str, float]
    intercept: float
    threshold: float = 0.5
    meta: dict | None = None

    priors: dict[str, float] | None = None

    def score(self, features: dict[str, float]) -> float:
        pri = self.priors or {}
        z = self.intercept + sum((self.weights.get(k, 0.0) + pri.get(k, 0.0)) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def explain(self, features: dict[str, float]) -> list[str]:
        """Features by how much they moved this candidate's score, strongest first."""
        pri = self.priors or {}
        parts = sorted((((self.weights.get(k, 0.0) + pri.get(k, 0.0)) * v, k) for k, v in features.items()),
                       key=lambda x: -abs(x[0]))
        return [f"{k} {w:+.2f}" for w, k in parts if w]

    def to_json(self) -> dict:
        return {"kind": "logistic-regression", "threshold": self.threshold, "intercept": self.intercept,
                "priors": self.priors or {}, "weights": dict(sorted(self.weights.items())), **(self.meta or {})}


@cache
def partner_model(path: Path = MODEL_PATH) -> RelationScorer:
    data = json.loads(path.read_text(encoding="utf-8"))
    return RelationScorer(weights=data["weights"], intercept=data["intercept"], threshold=data["threshold"],
                          priors=data.get("priors") or {},
                          meta={k: v for k, v in data.items() if k not in ("weights", "intercept", "threshold", "priors")})


def priors() -> dict[str, float]:
    import yaml

    return {k: float(v) for k, v in yaml.safe_load(PRIORS_PATH.read_text(encoding="utf-8")).items()}


# -- training ------------------------------------------------------------------------------------
def _articles(include_samples: bool = True, include_dev: list[str] | None = None):
    """(raw article, gold dict) for the training articles."""
    from ingest.evaluate import gold_sets
    from ingest.read import read_path

    sets = gold_sets()
    picks: list[tuple[str, list[str] | None]] = []
    if include_samples:
        picks.append(("samples", None))
    picks.append(("dev", include_dev))
    for name, only in picks:
        corpus, gold = sets[name]
        for g in sorted(gold.glob("*.json")):
            if only is not None and g.stem not in only:
                continue
            src = corpus / f"{g.stem}.txt"
            for raw in read_path(src, 5_000_000):
                yield raw, json.loads(g.read_text(encoding="utf-8")), src, g


def training_rows(include_samples: bool = True, include_dev: list[str] | None = None):
    from ingest.clean import clean
    from ingest.evaluate import scorer
    from ingest.extract.partners import candidates
    from ingest.output import kind_of
    from ingest.pipeline import context

    sc = scorer()
    rows: list[tuple[dict[str, float], int, str, tuple[str, str]]] = []
    digest = hashlib.sha256()
    for raw, gold, src, gfile in _articles(include_samples, include_dev):
        digest.update(src.read_bytes())
        digest.update(gfile.read_bytes())
        ctx = context(clean(raw))
        for c in candidates(ctx):
            pred = {"province": c.province.name, "partner": c.partner.name, "partner_kind": kind_of(c.partner),
                    "country": c.partner.country, "iso3166_2": c.partner.iso3166_2}
            label = int(any(sc.same_name(g.get("province"), pred["province"]) and sc.same_place(g, pred)
                            for g in gold.get("partners", [])))
            rows.append((c.features, label, src.stem, (c.province.id, c.partner.id)))
    return rows, digest.hexdigest()[:16]


def _pair_f1(rows, probs, threshold: float) -> tuple[float, float, float]:
    best: dict[tuple[str, tuple[str, str]], tuple[float, int]] = {}
    for (_, y, doc, pair), p in zip(rows, probs, strict=True):
        k = (doc, pair)
        if k not in best or p > best[k][0]:
            best[k] = (max(p, best.get(k, (0, 0))[0]), y)
    tp = sum(1 for p, y in best.values() if p >= threshold and y)
    npred = sum(1 for p, _ in best.values() if p >= threshold)
    npos = sum(1 for _, y in best.values() if y)
    prec = tp / npred if npred else 0.0
    rec = tp / npos if npos else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def train_model(include_samples: bool = True, include_dev: list[str] | None = None, c: float = 0.5
                ) -> tuple[RelationScorer, dict]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, digest = training_rows(include_samples, include_dev)
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform([r[0] for r in rows])
    y = [r[1] for r in rows]
    pri = priors()
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", random_state=0)
    clf.fit(x, y)
    # the fit does not see the priors; they are added to the learned weights when scoring, so the
    # threshold is chosen on scores that include them
    import numpy as np

    coef = clf.coef_[0]
    offset = np.array([sum(pri.get(k, 0.0) * v for k, v in r[0].items()) for r in rows])
    probs = 1.0 / (1.0 + np.exp(-(x @ coef + clf.intercept_[0] + offset)))
    # the threshold is the pair-level F1 optimum on the training pairs, kept away from the extremes
    grid = [round(0.3 + 0.025 * k, 3) for k in range(17)]
    threshold = max(grid, key=lambda t: (_pair_f1(rows, probs, t)[2], -abs(t - 0.5)))
    p, r, f = _pair_f1(rows, probs, threshold)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), coef, strict=True)
               if abs(w) > 1e-4}
    metrics = {"candidates": len(rows), "positives": sum(y), "train_pair_precision": round(p, 3),
               "train_pair_recall": round(r, 3), "train_pair_f1": round(f, 3)}
    meta = {"training_data_sha256": digest, "C": c, "trained_on": "samples + dev" if include_dev is None
            else f"samples + {len(include_dev)} dev articles", "metrics": metrics}
    scorer_ = RelationScorer(weights=weights, intercept=round(float(clf.intercept_[0]), 4), threshold=threshold,
                             priors=pri, meta=meta)
    return scorer_, metrics


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("-C", type=float, default=0.5, help="inverse regularisation strength")
    a = ap.parse_args(argv)
    model, metrics = train_model(c=a.C)
    a.out.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(metrics), file=sys.stderr)
    print(f"wrote {a.out} ({len(model.weights)} weights, threshold {model.threshold})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
