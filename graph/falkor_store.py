"""The embedded default: FalkorDB through the `falkordb` client, over the server in graph.embedded.

Everything FalkorDB-specific lives here: constraint DDL, the shortest-path form, the MULTI/EXEC
transaction that makes one article's statements atomic, and the read/write lock that keeps the
engine away from the concurrent read-during-write crash measured on 4.16.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FPath
from falkordb.query_result import QueryResult as FResult

from core.errors import QueryFailed, QueryRefused, QueryTimeout, StoreUnavailable
from core.settings import Settings
from graph.embedded import EmbeddedServer
from graph.locks import RWLock
from graph.store import QueryResult, Statement

T = TypeVar("T")
PATH_TYPES = "PARTNERS_WITH|MERGED_INTO|LOCATED_IN"  # how places connect; evidence and facts are not routes
_CONN_ERRORS = (redis.ConnectionError, ConnectionError, BrokenPipeError)


def plain(value: Any) -> Any:
    """Engine values as JSON-ready Python: nodes and edges as dicts, temporals as ISO strings."""
    if isinstance(value, Node):
        return {"labels": list(value.labels or []), "properties": {k: plain(v) for k, v in value.properties.items()}}
    if isinstance(value, Edge):
        return {"type": value.relation, "properties": {k: plain(v) for k, v in value.properties.items()}}
    if isinstance(value, FPath):
        return {"nodes": [plain(n) for n in value.nodes()], "edges": [plain(e) for e in value.edges()]}
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def _map_error(exc: redis.ResponseError) -> Exception:
    msg = str(exc)
    low = msg.lower()
    if "timed out" in low or "timeout" in low:
        return QueryTimeout(f"query cut at the time limit: {msg}")
    if "read-only" in low or "read only" in low:
        return QueryRefused(f"the engine refused a write in read-only mode: {msg}")
    return QueryFailed(msg)


class _IdsOnly:
    """A schema view with the unique id key and the full-text index only (FalkorStore.ensure_schema(ids_only=True))."""

    def __init__(self, schema: Any) -> None:
        self.schema = schema

    def unique_keys(self) -> list[tuple[str, str]]:
        return self.schema.unique_keys()

    def indexes(self) -> list[tuple[str, str]]:
        return []

    def fulltext(self) -> list[tuple[str, str]]:
        return self.schema.fulltext()

    def label(self, name: str) -> str:
        return self.schema.label(name)


class FalkorStore:
    kind = "embedded"

    def __init__(self, settings: Settings, *, autostart: bool = True) -> None:
        self.settings = settings
        self.server = EmbeddedServer(settings.data_path, settings.fsync, settings.query_memory_mb)
        self.lock = RWLock(self.server.dir)
        self.autostart = autostart
        self._db: FalkorDB | None = None
        self._mutex = threading.Lock()

    # -- connection and supervision -----------------------------------------------------------
    def _graph(self) -> Any:
        with self._mutex:
            if self._db is None:
                if self.autostart:
                    self.server.start()
                elif not self.server.is_running():
                    raise StoreUnavailable("the embedded FalkorDB server is not running (provkg store start)")
                self._db = FalkorDB(unix_socket_path=str(self.server.socket), password=self.server.password())
                graph = self._db.select_graph(self.settings.graph_name)
                if not self._db.connection.exists(self.settings.graph_name):
                    self._ensure_schema(graph)  # a new data dir: create the graph with its indexes
                return graph
            return self._db.select_graph(self.settings.graph_name)

    def _reset(self) -> None:
        with self._mutex:
            if self._db is not None:
                try:
                    self._db.connection.close()
                except Exception:  # noqa: BLE001 - closing a dead connection may fail any way
                    pass
            self._db = None

    def _supervised(self, work: Callable[[Any], T]) -> T:
        """Run work; if the server died, restart it and run the (idempotent) work once more."""
        try:
            return work(self._graph())
        except _CONN_ERRORS:
            self._reset()
        try:
            return work(self._graph())
        except _CONN_ERRORS as exc:
            self._reset()
            raise StoreUnavailable(f"embedded FalkorDB is unreachable: {exc}") from None

    # -- GraphStore ------------------------------------------------------------------------------
    def read(self, query: str, params: dict[str, Any] | None = None, *, max_rows: int | None = None,
             timeout_ms: int | None = None) -> QueryResult:
        timeout = timeout_ms or self.settings.query_timeout_ms
        cap = max_rows or self.settings.max_rows

        def work(g: Any) -> QueryResult:
            with self.lock.shared():
                try:
                    res = g.ro_query(query, params or {}, timeout=timeout)
                except redis.ResponseError as exc:
                    raise _map_error(exc) from None
            return self._result(res, cap)

        return self._supervised(work)

    def write(self, statements: Sequence[Statement]) -> None:
        if not statements:
            return

        def work(g: Any) -> None:
            with self.lock.exclusive():
                pipe = g.client.connection.pipeline(transaction=True)
                for query, params in statements:
                    pipe.execute_command("GRAPH.QUERY", g.name, g._build_params_header(params) + query,
                                         "--compact", "timeout", max(self.settings.query_timeout_ms, 60_000))
                replies = pipe.execute(raise_on_error=False)
            for reply in replies:
                if isinstance(reply, redis.ResponseError):
                    raise _map_error(reply)
                if isinstance(reply, Exception):
                    raise QueryFailed(str(reply))
                FResult(g, reply)  # raises on an error embedded in the reply

        self._supervised(work)

    def _result(self, res: FResult, cap: int) -> QueryResult:
        header = [h[1] if isinstance(h, (list, tuple)) else h for h in (res.header or [])]
        rows = res.result_set or []
        truncated = len(rows) > cap
        return QueryResult(columns=[str(c) for c in header], rows=[[plain(v) for v in r] for r in rows[:cap]],
                           truncated=truncated)

    def ensure_schema(self, *, ids_only: bool = False) -> None:
        """The ontology's constraints and indexes; ids_only keeps just the unique Entity.id index (a
        first bulk load runs faster without the others, and builds them after: ensure_schema())."""
        self._supervised(lambda g: self._ensure_schema(g, ids_only=ids_only))

    def _ensure_schema(self, g: Any, *, ids_only: bool = False) -> None:
        from graph.schema import load_schema

        schema = load_schema(self.settings.ontology)
        if not g.client.connection.exists(g.name):
            existing: set[tuple[str, str]] = set()
        else:
            existing = {(r[0], r[1]) for r in g.ro_query(
                "CALL db.indexes() YIELD label, properties UNWIND properties AS p RETURN label, p").result_set}
        if ids_only:
            # the full-text index stays: FalkorDB cannot recreate it with its options (no stop words)
            # on a label that still has the unique id index ("Can not override index configuration")
            schema = _IdsOnly(schema)
        wanted = set(schema.indexes()) | set(schema.unique_keys()) | set(schema.fulltext())
        for label, prop in sorted(existing - wanted):  # an index the ontology stopped declaring
            with self.lock.exclusive():
                try:
                    g.query(f"DROP INDEX ON :{schema.label(label)}({prop})")
                except redis.ResponseError:
                    pass  # a constraint's index, or one another process dropped
        for label, prop in schema.indexes():
            if (label, prop) not in existing:
                with self.lock.exclusive():
                    try:
                        g.query(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
                    except redis.ResponseError as exc:
                        if "already indexed" not in str(exc):
                            raise _map_error(exc) from None
        for label, prop in schema.fulltext():
            if (label, prop) not in existing:
                with self.lock.exclusive():
                    # no stop words: Vietnamese names are full of English ones ("an", "to", "la")
                    g.query(f"CALL db.idx.fulltext.createNodeIndex({{label: '{label}', stopwords: []}}, '{prop}')")
        for label, prop in schema.unique_keys():
            with self.lock.exclusive():
                try:
                    g.create_node_unique_constraint(label, prop)
                except redis.ResponseError as exc:
                    if "already exists" not in str(exc).lower():
                        raise _map_error(exc) from None

    def explain(self, query: str, params: dict[str, Any] | None = None) -> list[str]:
        """The engine's plan (GRAPH.EXPLAIN: planned, not run), one operation a line, children indented."""
        def work(g: Any) -> list[str]:
            with self.lock.shared():
                try:
                    plan = g.explain(query, params or {})
                except redis.ResponseError as exc:
                    raise _map_error(exc) from None
            return [line for line in str(plan).splitlines() if line.strip()]

        return self._supervised(work)

    def shortest_path_query(self, max_depth: int) -> str:
        # FalkorDB 4.16 has no undirected shortestPath: enumerate bounded paths, shortest first
        depth = int(max_depth)
        return (f"MATCH p = (a:Entity {{id: $from}})-[:{PATH_TYPES}*1..{depth}]-(b:Entity {{id: $to}}) "
                "RETURN p ORDER BY length(p) LIMIT 5")

    def ping(self) -> bool:
        try:
            return self._supervised(lambda g: bool(self._db and self._db.connection.ping()))
        except StoreUnavailable:
            return False

    def clear(self) -> None:
        def work(g: Any) -> None:
            with self.lock.exclusive():
                try:
                    g.delete()
                except redis.ResponseError as exc:
                    if "empty key" not in str(exc).lower() and "invalid graph" not in str(exc).lower():
                        raise
        self._supervised(work)

    def close(self) -> None:
        self._reset()
