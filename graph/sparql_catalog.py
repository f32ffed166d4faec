"""The example SPARQL queries in queries/sparql/: the same questions as five named Cypher queries.

Each file runs as it is (its parameters carry example values in `VALUES ?name { … }` blocks, so
`curl --data-urlencode query@FILE` works); `bind` swaps those values for others.
"""

from __future__ import annotations

import re

from core.errors import NotFound, QueryRefused
from core.settings import PROJECT_ROOT

QUERY_DIR = PROJECT_ROOT / "queries" / "sparql"
_NAME = re.compile(r"^[a-z0-9_]{1,80}$")


def names() -> list[str]:
    return sorted(p.stem for p in QUERY_DIR.glob("*.rq"))


def text(name: str) -> str:
    if not _NAME.match(name) or not (QUERY_DIR / f"{name}.rq").is_file():
        raise NotFound(f"no SPARQL example {name!r}; examples: {', '.join(names())}")
    return (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")


def term(value: object) -> str:
    """A Python value as a SPARQL term: None is UNDEF (the filter is off)."""
    if value is None:
        return "UNDEF"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    s = str(value)
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def bind(query: str, params: dict[str, object]) -> str:
    """`query` with the value of each `VALUES ?{name}_in` (or `?{name}`) block replaced."""
    for name, value in params.items():
        pattern = re.compile(r"VALUES\s+\?(" + re.escape(name) + r"_in|" + re.escape(name) + r")\s*\{[^}]*\}")
        if not pattern.search(query):
            raise QueryRefused(f"the query has no parameter {name!r}")
        value_term = term(value)

        def values_block(m: re.Match[str], t: str = value_term) -> str:
            return f"VALUES ?{m.group(1)} {{ {t} }}"

        query = pattern.sub(values_block, query)
    return query
