"""Names to ids, once, in Python: the one place a user's spelling of an entity is folded and looked up.

An id is looked up on the Entity.id index; otherwise the folded text (core.fold.fold_key, the same fold
the loader stores in each node's `keys`) on the Entity.keys index. A name can fit several units
(Quảng Trị is VN-25 before the 2025 reform and VN-2025-44 after): the unit valid on `as_of`
(default today) wins, then a current unit, then the smallest id. A name that fits nothing is a
NotFound that names the closest known names.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from core.errors import NotFound
from core.fold import fold_key as fold
from graph.store import GraphStore

PARTNER_LABELS = ("ForeignLocality", "Country", "Organization")
# what each resolvable kind may be; "Entity" is any node a user can name
LABELS: dict[str, tuple[str, ...]] = {
    "VietnameseProvince": ("VietnameseProvince",),
    "Partner": PARTNER_LABELS,
    "Entity": ("Entity",),
}
# where to look for "did you mean" names when an Entity name is unknown (facts have no useful names)
SUGGEST_LABELS: dict[str, tuple[str, ...]] = {"Entity": ("VietnameseProvince", *PARTNER_LABELS)}
WHAT = {"VietnameseProvince": "province", "Partner": "partner", "Entity": "entity"}


def labels_for(kind: str) -> list[str]:
    return list(LABELS.get(kind, (kind,)))


def _valid_on(row: dict[str, Any], day: str) -> bool:
    start, end = row.get("valid_from"), row.get("valid_to")
    return (start is None or str(start) <= day) and (end is None or str(end) >= day)


def pick(rows: list[dict[str, Any]], as_of: str | None) -> dict[str, Any]:
    """The unit valid on as_of, else a current one, else the smallest id."""
    day = as_of or dt.date.today().isoformat()
    return min(rows, key=lambda r: (not _valid_on(r, day), not r.get("current"), r["entity"]["id"]))


def resolve(store: GraphStore, key: str, kind: str = "Entity", *, as_of: str | None = None) -> dict[str, Any]:
    """The entity (id, name, type, country, iso3166_2) a user's id or name stands for."""
    return lookup(store, key, kind, as_of=as_of)["entity"]


def lookup(store: GraphStore, key: str, kind: str = "Entity", *, as_of: str | None = None) -> dict[str, Any]:
    """The entity a user's id or name stands for, with its validity and the ids of the units merged
    into it (one round trip for an id)."""
    from graph.catalog import run_view

    labels = labels_for(kind)
    res = run_view(store, "entity_by_id", {"id": key, "labels": labels})
    if res.rows:
        return res.records()[0]
    folded = fold(key)
    if folded:
        rows = run_view(store, "entities_by_key", {"key": folded, "labels": labels}).records()
        if rows:
            return pick(rows, as_of)
    suggestions = suggest(store, key, kind)
    hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
    raise NotFound(f"no {WHAT.get(kind, kind)} with id or name {key!r}{hint}", suggestions=suggestions)


def suggest(store: GraphStore, key: str, kind: str, n: int = 5) -> list[str]:
    """Known names closest to what was typed (folded both sides), as 'Name (id)'."""
    from graph.catalog import run_view

    folded = fold(key)
    if not folded:
        return []
    labels = list(SUGGEST_LABELS.get(kind, LABELS.get(kind, (kind,))))
    by_key: dict[str, tuple[str, str]] = {}
    for r in run_view(store, "entity_names", {"labels": labels}).records():
        for k in r.get("keys") or [fold(r.get("name") or "")]:
            by_key.setdefault(k, (r.get("name") or r["id"], r["id"]))
        by_key.setdefault(r["id"].lower(), (r.get("name") or r["id"], r["id"]))
    out: list[str] = []
    for k in difflib.get_close_matches(folded, list(by_key), n=n * 2, cutoff=0.6):
        name, eid = by_key[k]
        label = f"{name} ({eid})"
        if label not in out:
            out.append(label)
    return out[:n]


def predecessors(store: GraphStore, pid: str) -> list[dict[str, Any]]:
    """The units merged into a province (MERGED_INTO), as {id, name}."""
    from graph.catalog import run_view

    rows = run_view(store, "province_detail", {"id": pid}).rows
    return rows[0][0]["predecessors"] if rows else []


def resolve_params(store: GraphStore, query: Any, params: dict[str, Any], *, as_of: str | None = None,
                   include_predecessors: bool = True) -> dict[str, Any]:
    """Bound parameters with every province / partner / entity parameter replaced by the id it names
    (and, for a province, `NAME_units`: it and, unless told not to, its predecessors)."""
    from graph.catalog import ENTITY_TYPES

    out = dict(params)
    for p in query.params:
        kind = ENTITY_TYPES.get(p.type)
        found = lookup(store, out[p.name], kind, as_of=as_of) if kind and out.get(p.name) is not None else None
        if found is not None:
            out[p.name] = found["entity"]["id"]
        if p.type == "province":
            units = [out[p.name]] if found is not None else []
            if found is not None and include_predecessors:
                units += sorted(found.get("predecessors") or [])
            out[p.name + "_units"] = units
    return out
