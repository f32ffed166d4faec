"""The one interface both graph stores implement, and the factory that picks one from settings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, runtime_checkable

import orjson
from pydantic import BaseModel

from core.errors import InputError
from core.settings import Settings

Statement = tuple[str, dict[str, Any]]


@runtime_checkable
class Undo(Protocol):
    """Reads what a write may touch (with the reader it is given, under the write's lock) and
    returns the statements that put it back (graph.undo.Undo)."""

    def prepare(self, read: Callable[[str, dict[str, Any]], list[list[Any]]]) -> Sequence[Statement]: ...


# what an engine without rollback runs when a statement of a write fails
Compensation = Sequence[Statement] | Undo


class QueryResult(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=False)) for r in self.rows]

    def scalar(self) -> Any:
        return self.rows[0][0] if self.rows and self.rows[0] else None


def approx_bytes(value: Any) -> int:
    """What a value costs as JSON (the result byte cap): orjson's encoding, in C, is 10-20x faster
    than walking the value in Python, which cost more than the query for a page of 50 partners."""
    return len(orjson.dumps(value, default=str, option=orjson.OPT_NON_STR_KEYS))


@runtime_checkable
class GraphStore(Protocol):
    """Both engines speak the shared Cypher subset through this; differences live in each module."""

    kind: str

    def read(self, query: str, params: dict[str, Any] | None = None, *, max_rows: int | None = None,
             timeout_ms: int | None = None, max_bytes: int | None = None) -> QueryResult:
        """Run a query in the engine's read-only mode (writes are refused by the engine itself).

        At most max_rows rows and about max_bytes bytes come back (`truncated` says so), and the call
        ends by the timeout plus a client grace whatever the engine does."""
        ...

    def write(self, statements: Sequence[Statement], compensate: Compensation = ()) -> None:
        """Run the statements as one atomic transaction (idempotent work only: it may be retried).

        An engine without rollback runs `compensate` when a statement fails (an Undo is prepared
        under the write's lock before anything is sent), then raises; one with rollback ignores it."""
        ...

    def write_each(self, statements: Iterable[Statement]) -> None:
        """Each statement its own transaction, in order (bulk loads of idempotent rows); an engine
        may prepare the next while the current one runs. Stops at the first failure and raises it."""
        ...

    def ensure_schema(self) -> None:
        """Create the constraints and indexes the ontology-derived schema asks for."""
        ...

    def shortest_path_query(self, max_depth: int) -> str:
        """Engine-specific Cypher for the shortest path between $from and $to (ids)."""
        ...

    def ping(self) -> bool: ...

    def describe(self) -> dict[str, Any]:
        """Engine name and version of the server that answered, and where it is (raises StoreUnavailable)."""
        ...

    def clear(self) -> None:
        """Delete the whole graph (tests and `provkg reset`)."""
        ...

    def close(self) -> None: ...


def open_store(settings: Settings) -> GraphStore:
    """The one place a process makes its engine client: the Neo4j driver, or the embedded server
    handle, built here and passed into the store."""
    if settings.store == "neo4j":
        from graph.neo4j_store import Neo4jStore, connect

        return Neo4jStore(settings, connect(settings))
    from graph.embedded import EmbeddedServer
    from graph.falkor_store import FalkorStore

    server = EmbeddedServer(settings.data_path, settings.fsync, settings.query_memory_mb, settings.max_reply_mb)
    return FalkorStore(settings, server=server)


_INT64 = (-(2**63), 2**63 - 1)
MAX_PARAM_DEPTH = 8


def check_params(params: dict[str, Any] | None, where: str = "parameter") -> None:
    """Refuse values an engine would mangle before a statement is sent: FalkorDB reads the query as
    a C string, so a NUL cuts it (the rest of a transaction then ran without that statement), and
    it clamps integers outside 64 bits silently; both stores check, so both refuse the same input."""
    def walk(value: Any, path: str, depth: int = 0) -> None:
        if depth > MAX_PARAM_DEPTH:
            # the parameters travel as Cypher text: nesting costs parse time like brackets in a query
            raise InputError(f"{path} nests deeper than {MAX_PARAM_DEPTH} levels")
        if isinstance(value, str):
            if "\x00" in value:
                raise InputError(f"{path} contains a NUL character (at {value.index(chr(0))})")
        elif isinstance(value, bool):
            return
        elif isinstance(value, int):
            if not _INT64[0] <= value <= _INT64[1]:
                raise InputError(f"{path} is outside the 64-bit integer range")
        elif isinstance(value, dict):
            for k, v in value.items():
                if not isinstance(k, str) or not k or "`" in k or "\x00" in k:
                    raise InputError(f"{path} has an invalid key {str(k)[:40]!r}")
                walk(v, f"{path}.{k}", depth + 1)
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                walk(v, f"{path}[{i}]", depth + 1)
    for name, value in (params or {}).items():
        if not isinstance(name, str) or not name.isidentifier():
            raise InputError(f"{where} name {str(name)[:40]!r} is not a valid identifier")
        walk(value, f"{where} {name!r}")
