"""Reading query plans (GraphStore.explain): what makes a plan slow at scale, and the plan shape on
which the embedded engine returns rows twice.

Plans are lists of lines, one operation each, children indented under their parent (FalkorDB's
GRAPH.EXPLAIN text; Neo4jStore.explain writes Neo4j's plan the same way).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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


def problems(lines: list[str], *, anchored: bool) -> list[str]:
    """Why this plan would not scale: a cartesian product, or (when the query was given an id to
    start from) a scan of every node or of every node of a fact label."""
    out = []
    for line in (x.strip() for x in lines):
        if line.startswith("Cartesian Product"):
            out.append("cartesian product")
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
