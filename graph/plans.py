"""Reading query plans (GraphStore.explain): what makes a plan slow at scale, and the plan shape on
which the embedded engine returns rows twice.

Plans are lists of lines, one operation each, children indented under their parent (FalkorDB's
GRAPH.EXPLAIN text; Neo4jStore.explain writes Neo4j's plan the same way).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# nodes that grow with the articles read: scanning one of these labels is a scan of the data
FACT_LABELS = frozenset({"Partnership", "Agreement", "Event", "Observation", "Role", "Mention", "Document",
                         "Person"})
_SCAN = re.compile(r"^Node By Label Scan \| \((?:\w+)?:(\w+)\)")
_PASS_THROUGH = ("Project", "Filter")


@dataclass
class Op:
    name: str
    detail: str
    children: list[Op] = field(default_factory=list)


def parse(lines: list[str]) -> Op:
    """The plan as a tree (the first line is the root)."""
    root: Op | None = None
    stack: list[tuple[int, Op]] = []
    for line in lines:
        depth = (len(line) - len(line.lstrip(" "))) // 4
        name, _, detail = line.strip().partition(" | ")
        op = Op(name.strip(), detail.strip())
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            stack[-1][1].children.append(op)
        else:
            root = op
        stack.append((depth, op))
    if root is None:
        raise ValueError("empty plan")
    return root


def _walk(op: Op):
    yield op
    for c in op.children:
        yield from _walk(c)


def _single_row(op: Op) -> bool:
    """A branch that yields at most one row: filters and projections over a look-up of one value on a
    unique index (Neo4j: `Node By Index Scan | (UNIQUE a:Entity(id) WHERE id = $x, …)`)."""
    while op.name in _PASS_THROUGH + ("Projection",) and len(op.children) == 1:
        op = op.children[0]
    return (not op.children and op.name.startswith("Node By Index") and op.detail.startswith("(UNIQUE ")
            and re.search(r" WHERE \w+ = \$\w+", op.detail) is not None)


def problems(lines: list[str], *, anchored: bool) -> list[str]:
    """Why this plan would not scale: a cartesian product (except of single-row unique look-ups, which
    is one row), or (when the query was given an id to start from) a scan of every node or of every
    node of a fact label."""
    out = []
    for op in _walk(parse(lines)):
        if op.name.startswith("Cartesian Product") and not all(_single_row(c) for c in op.children):
            out.append("cartesian product")
    for line in (x.strip() for x in lines):
        if anchored and line.startswith("All Node Scan"):
            out.append(f"all-node scan although an anchor id is given: {line}")
        m = _SCAN.match(line)
        if anchored and m and m.group(1) in FACT_LABELS:
            out.append(f"label scan of the fact label {m.group(1)} although an anchor id is given")
    return out


def duplicates_rows(lines: list[str]) -> bool:
    """The embedded engine's (FalkorDB 4.16) double-rows shape: a Limit fed, through projections and
    filters only, by an OPTIONAL MATCH; it then repeats the last optional row of each input row
    (`MATCH (a {id:$id}) OPTIONAL MATCH (a)-->(m) RETURN a.id, m.id LIMIT 10`). A Sort, Aggregate or
    Distinct between them, or the LIMIT before the OPTIONAL MATCH, avoids it."""
    for op in _walk(parse(lines)):
        if op.name != "Limit":
            continue
        cur = op.children[0] if op.children else None
        while cur is not None and cur.name in _PASS_THROUGH:
            cur = cur.children[0] if cur.children else None
        if cur is not None and cur.name.startswith("Optional"):
            return True
    return False


_TAIL = re.compile(r"(?:\s+SKIP\s+(?P<skip>\d+|\$\w+))?\s+LIMIT\s+(?P<limit>\d+|\$\w+)\s*;?\s*$", re.IGNORECASE)


def _value(token: str | None, params: dict[str, Any], default: int) -> int | None:
    if token is None:
        return default
    if token.startswith("$"):
        v = params.get(token[1:])
        return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else None
    return int(token)


def read_checked(store: Any, query: str, params: dict[str, Any] | None = None) -> tuple[Any, str | None]:
    """Run ad-hoc read Cypher so that the embedded engine's double-rows shape cannot silently give
    wrong rows: when the plan has it and the LIMIT (with its SKIP) ends the query, the query runs
    without them and the rows are cut here, which is what the LIMIT means; otherwise the rows come
    back with a warning. The second value is the warning (None when the plan is safe)."""
    params = params or {}
    if getattr(store, "kind", None) != "embedded" or not duplicates_rows(store.explain(query, params)):
        return store.read(query, params), None
    m = _TAIL.search(query)
    skip, limit = (_value(m["skip"], params, 0), _value(m["limit"], params, 0)) if m else (None, None)
    if m is None or skip is None or limit is None:
        return store.read(query, params), (
            "this query has the plan shape on which the embedded engine repeats rows (a LIMIT over an "
            "OPTIONAL MATCH, FalkorDB 4.16): rows may be doubled; put an ORDER BY before the LIMIT")
    res = store.read(query[:m.start()], params, max_rows=skip + limit)
    res.rows = res.rows[skip:skip + limit]
    res.truncated = False
    return res, ("the trailing LIMIT was applied outside the engine: with it, the embedded engine repeats rows "
                 "of a LIMIT over an OPTIONAL MATCH (FalkorDB 4.16)")
