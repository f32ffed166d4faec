"""The embedded default: FalkorDB through the `falkordb` client, over the server in graph.embedded.

Everything FalkorDB-specific lives here: constraint DDL, the shortest-path form, the MULTI/EXEC
transaction that makes one article's statements atomic, and the read/write lock that keeps the
engine away from the concurrent read-during-write crash measured on 4.16.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, cast

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FPath
from falkordb.query_result import QueryResult as FResult

from core.errors import InputError, QueryFailed, QueryRefused, QueryTimeout, StoreUnavailable
from core.settings import Settings
from graph.embedded import EmbeddedServer
from graph.locks import LockTimeout, RWLock
from graph.store import Compensation, QueryResult, Statement, approx_bytes, check_params

T = TypeVar("T")
PATH_TYPES = "PARTNERS_WITH|MERGED_INTO|LOCATED_IN"  # how places connect; evidence and facts are not routes
_CONN_ERRORS = (redis.ConnectionError, ConnectionError, BrokenPipeError)


_SCALARS = (str, int, float, bool)


def plain(value: Any) -> Any:
    """Engine values as JSON-ready Python: nodes and edges as dicts, temporals as ISO strings."""
    if value is None or type(value) in _SCALARS:  # most values: answered before five isinstance checks
        return value
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




def _literal(value: Any) -> str:
    """A parameter value as the Cypher literal of FalkorDB's `CYPHER name=value` header: the text
    falkordb's stringify_param_value writes (tests/test_falkor_params.py), in about half its time
    (it was a quarter of a bulk loader's process: BENCHMARKS.md)."""
    t = type(value)
    if t is str:
        if "\\" in value:
            value = value.replace("\\", "\\\\")
        if '"' in value:
            value = value.replace('"', '\\"')
        return f'"{value}"'
    if t is dict:
        parts = []
        for k, v in value.items():
            if type(k) is not str or not k or "`" in k:
                raise InputError(f"parameter map key {str(k)[:40]!r} is empty or holds a backtick")
            parts.append(f"`{k}`:{_literal(v)}")
        return "{" + ",".join(parts) + "}"
    if t is list or t is tuple:
        return "[" + ",".join([_literal(v) for v in value]) + "]"
    if value is None:
        return "null"
    if t is bytes:
        return _literal(value.decode())
    # subclasses (a StrEnum, an OrderedDict) take the slow road, as falkordb's isinstance checks do
    if isinstance(value, str):
        return _literal(str.__str__(value))
    if isinstance(value, dict):
        return _literal(dict(value))
    if isinstance(value, (list, tuple)):
        return _literal(list(value))
    return str(value)


def params_header(params: dict[str, Any] | None) -> str:
    """The `CYPHER …` header falkordb's Graph._build_params_header writes for these parameters."""
    if params is None:
        return ""
    return "CYPHER " + "".join([f"`{k}`={_literal(v)} " for k, v in params.items()])


class _NotSent(Exception):
    """The command never reached the server (a stale or refused connection): safe to send again."""


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

    def __init__(self, settings: Settings, *, server: EmbeddedServer | None = None, autostart: bool = True) -> None:
        """`server` is the embedded server's handle, made once by open_store and passed in."""
        self.settings = settings
        self.server = server or EmbeddedServer(settings.data_path, settings.fsync, settings.query_memory_mb,
                                               settings.max_reply_mb)
        self.server.make_dirs()
        self.lock = RWLock(self.server.dir, turnstile_s=settings.writer_turnstile_ms / 1000)
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
                # a socket deadline on every call: no engine state (a parse that never ends, both
                # engine threads busy) may hold a caller forever
                self._db = FalkorDB(unix_socket_path=str(self.server.socket), password=self.server.password(),
                                    socket_timeout=self._write_timeout_s() + self.settings.client_grace_ms / 1000,
                                    socket_connect_timeout=5)
                graph = self._db.select_graph(self.settings.graph_name)
                if not self._db.connection.exists(self.settings.graph_name):
                    self._ensure_schema(graph)  # a new data dir: create the graph with its indexes
                return graph
            return self._db.select_graph(self.settings.graph_name)

    def _write_timeout_s(self) -> float:
        return max(self.settings.query_timeout_ms, 60_000) / 1000

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

    def _in_flight_lost(self, exc: Exception) -> Exception:
        """The connection dropped after a read was sent: never re-send it (it may be what killed the
        server); say whether the server lives (then it cut an over-long reply) or died."""
        self._reset()
        try:
            alive = self.server.is_running()
        except StoreUnavailable:
            alive = False
        if alive:
            return QueryRefused(f"the answer is over the reply limit of {self.settings.max_reply_mb} MB "
                                "(PROVKG_MAX_REPLY_MB); add LIMIT or return fewer or smaller columns")
        return StoreUnavailable("the store stopped while running this query; it is not retried "
                                f"(the next call restarts the store): {exc}")

    # -- GraphStore ------------------------------------------------------------------------------
    def read(self, query: str, params: dict[str, Any] | None = None, *, max_rows: int | None = None,
             timeout_ms: int | None = None, max_bytes: int | None = None) -> QueryResult:
        timeout = int(timeout_ms or self.settings.query_timeout_ms)
        cap = max_rows or self.settings.max_rows
        byte_cap = max_bytes or self.settings.max_result_bytes
        deadline_s = (timeout + self.settings.client_grace_ms) / 1000
        check_params(params)
        g, reply = self._shared_call(
            lambda g: ["GRAPH.RO_QUERY", g.name, params_header(params or {}) + query, "--compact",
                       "timeout", timeout], deadline_s)
        return self._result(FResult(g, reply), cap, byte_cap)

    def _shared_call(self, build: Callable[[Any], list[Any]], deadline_s: float) -> tuple[Any, Any]:
        """A read-side command under the shared lock, sent again once only if it never left (a stale
        connection after a restart); one that was sent is never repeated."""
        for attempt in (1, 2):
            g = self._graph()
            try:
                with self.lock.shared(timeout_s=deadline_s):
                    return g, self._call(g, build(g), deadline_s)
            except LockTimeout:
                raise QueryTimeout(f"the store stayed busy with writes for {deadline_s:.1f} s; retry") from None
            except _NotSent:
                self._reset()
                if attempt == 2:
                    raise StoreUnavailable("embedded FalkorDB is unreachable") from None
        raise AssertionError("unreachable")

    def _call(self, g: Any, command: list[Any], deadline_s: float) -> Any:
        """One command with a client-side deadline; _NotSent if it never left, errors mapped otherwise."""
        pool = g.client.connection.connection_pool
        try:
            conn = pool.get_connection()
        except _CONN_ERRORS as exc:
            raise _NotSent(str(exc)) from None
        try:
            try:
                conn.send_command(*command)
            except _CONN_ERRORS as exc:
                conn.disconnect()
                raise _NotSent(str(exc)) from None
            try:
                if not conn.can_read(timeout=deadline_s):
                    conn.disconnect()  # its late reply must not be read as the next command's
                    raise QueryTimeout(f"no answer within {deadline_s:.1f} s (client deadline); "
                                       "the query was abandoned")
                reply = conn.read_response()
            except redis.ResponseError as exc:
                raise _map_error(exc) from None
            except (*_CONN_ERRORS, redis.TimeoutError, OSError) as exc:
                conn.disconnect()
                raise self._in_flight_lost(exc) from None
            if isinstance(reply, redis.ResponseError):
                raise _map_error(reply)
            return reply
        finally:
            pool.release(conn)

    def write(self, statements: Sequence[Statement], compensate: Compensation = ()) -> None:
        """One MULTI/EXEC. It does not roll back: if a statement fails, the others have run, so the
        compensation runs next, under the same exclusive lock (no reader sees the half-written
        graph), then the error is raised. A compensation with `prepare` (graph.undo.Undo) reads what
        the write may touch under that lock before anything is sent and puts it back exactly.
        Every row is checked before anything is sent."""
        if not statements:
            return
        self._write_texts(self._encode(statements), compensate)

    def write_each(self, statements: Iterable[Statement]) -> None:
        """Each statement its own transaction, as write([s]) one after the other, but the next one
        is checked and encoded while the engine runs the current one: the encoding is Python, the
        wait is the engine's, so a second thread doing the waiting overlaps the two."""
        todo: queue.Queue[str | None] = queue.Queue(maxsize=2)
        errors: list[BaseException] = []

        def sender() -> None:
            while (text := todo.get()) is not None:
                if errors:
                    continue  # drain: nothing more is sent after a failure
                try:
                    self._write_texts([text], ())
                except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread
                    errors.append(exc)

        thread = threading.Thread(target=sender, name="provkg-write-each", daemon=True)
        thread.start()
        try:
            for stmt in statements:
                if errors:
                    break
                todo.put(self._encode([stmt])[0])
        finally:
            todo.put(None)
            thread.join()
        if errors:
            raise errors[0]

    def _encode(self, statements: Iterable[Statement]) -> list[str]:
        out = []
        for i, (query, params) in enumerate(statements):
            check_params(params, where=f"statement {i + 1}: parameter")
            out.append(params_header(params) + query)
        return out

    def _write_texts(self, texts: list[str], compensate: Compensation) -> None:
        def work(g: Any) -> None:
            with self.lock.exclusive(timeout_s=self._write_timeout_s()):
                undo = self._undo_texts(g, compensate)
                failure = self._first_failure(g, self._exec(g, texts))
                if failure is None:
                    return
                if undo:
                    undo_failure = self._first_failure(g, self._exec(g, undo))
                    if undo_failure is not None:
                        raise QueryFailed(f"{failure}; putting back what was there before failed too: "
                                          f"{undo_failure}")
                    raise type(failure)(f"{failure} (nothing was changed: the graph is as it was before)")
                raise failure

        try:
            self._supervised(work)
        except LockTimeout:
            raise StoreUnavailable("the store stayed locked by other work past the write deadline") from None

    def _undo_texts(self, g: Any, compensate: Compensation) -> list[str]:
        prepare = getattr(compensate, "prepare", None)
        if prepare is None:
            return self._encode(cast(Sequence[Statement], compensate))
        timeout = max(self.settings.query_timeout_ms, 60_000)

        def read(query: str, params: dict[str, Any]) -> list[list[Any]]:
            try:  # inside the write's exclusive lock: the plain client, not self.read (which would wait for it)
                return g.ro_query(query, params, timeout=timeout).result_set or []
            except redis.ResponseError as exc:
                raise _map_error(exc) from None

        return self._encode(prepare(read))

    def _exec(self, g: Any, texts: list[str]) -> list[Any]:
        pipe = g.client.connection.pipeline(transaction=True)
        for text in texts:
            pipe.execute_command("GRAPH.QUERY", g.name, text,
                                 "--compact", "timeout", max(self.settings.query_timeout_ms, 60_000))
        return list(pipe.execute(raise_on_error=False))

    @staticmethod
    def _first_failure(g: Any, replies: list[Any]) -> Exception | None:
        for reply in replies:
            if isinstance(reply, redis.ResponseError):
                return _map_error(reply)
            if isinstance(reply, Exception):
                return QueryFailed(str(reply))
            try:
                FResult(g, reply)  # raises on an error embedded in the reply
            except redis.ResponseError as exc:
                return _map_error(exc)
        return None

    def _result(self, res: FResult, cap: int, byte_cap: int) -> QueryResult:
        header = [h[1] if isinstance(h, (list, tuple)) else h for h in (res.header or [])]
        rows_in = res.result_set or []
        rows: list[list[Any]] = []
        size = 0
        truncated = False
        for r in rows_in:
            if len(rows) >= cap:
                truncated = True
                break
            row = [plain(v) for v in r]
            size += approx_bytes(row)
            if size > byte_cap and rows:
                truncated = True
                break
            rows.append(row)
        return QueryResult(columns=[str(c) for c in header], rows=rows, truncated=truncated)

    def ensure_schema(self, *, ids_only: bool = False) -> None:
        """The ontology's constraints and indexes; ids_only keeps just the unique Entity.id index (a
        first bulk load runs faster without the others, and builds them after: ensure_schema())."""
        self._supervised(lambda g: self._ensure_schema(g, ids_only=ids_only))

    def _ensure_schema(self, g: Any, *, ids_only: bool = False) -> None:
        from graph.schema import load_schema

        schema: Any = load_schema(self.settings.ontology)  # or the ids-only view of it below
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
        # Ask first, never rely on the "already exists" error: FalkorDB writes the refused
        # GRAPH.CONSTRAINT to the AOF, and replaying it makes the restarted server abort its load.
        constrained: set[tuple[str, str]] = set()
        if g.client.connection.exists(g.name):
            constrained = {(r[1], p) for r in g.ro_query("CALL db.constraints()").result_set
                           if r[0] == "UNIQUE" for p in r[2]}
        created = False
        for label, prop in schema.unique_keys():
            if (label, prop) in constrained:
                continue
            with self.lock.exclusive():
                try:
                    g.create_node_unique_constraint(label, prop)
                    created = True
                except redis.ResponseError as exc:
                    if "already exists" not in str(exc).lower():  # another process created it meanwhile
                        raise _map_error(exc) from None
        if created:
            self._compact_aof(g)

    # -- bulk first load (graph.falkor_bulk) ------------------------------------------------------
    def graph_exists(self) -> bool:
        return bool(self._supervised(lambda g: g.client.connection.exists(g.name)))

    @contextmanager
    def bulk_session(self) -> Iterator[Callable[[list[Any]], str]]:
        """The store's write lock for a whole bulk load, the graph dropped (GRAPH.BULK BEGIN builds
        a new one), and a sender of GRAPH.BULK commands. Not retried on a lost connection: a bulk
        command half applied cannot be told from one never sent."""
        g = self._graph()
        # a connection of its own without the store's per-call deadline: one command inserts a
        # whole Batch into a graph that grows to millions of rows, and a timeout cannot stop it
        conn = redis.Redis(unix_socket_path=str(self.server.socket), password=self.server.password(),
                           socket_timeout=self.settings.bulk_command_timeout_s, socket_connect_timeout=5)
        with self.lock.exclusive(timeout_s=self._write_timeout_s()), conn:
            if conn.exists(g.name):
                conn.execute_command("GRAPH.DELETE", g.name)

            def send(args: list[Any]) -> str:
                try:
                    reply = conn.execute_command("GRAPH.BULK", g.name, *args)
                except redis.ResponseError as exc:
                    raise _map_error(exc) from None
                except _CONN_ERRORS as exc:
                    self._reset()
                    raise StoreUnavailable(f"the embedded server went away during a bulk load: {exc}") from None
                return reply.decode() if isinstance(reply, bytes) else str(reply)
            yield send

    def wait_for_indexes(self, timeout_s: float = 600.0) -> None:
        """Until every index and constraint is built: FalkorDB builds them in the background over
        the nodes already there, and a query planned meanwhile scans the label instead."""
        deadline = time.monotonic() + timeout_s
        while True:
            idx = self.read("CALL db.indexes() YIELD status RETURN status").rows
            cons = self.read("CALL db.constraints() YIELD status RETURN status").rows
            if all(r[0] == "OPERATIONAL" for r in idx + cons):
                return
            if any(r[0] == "FAILED" for r in cons):
                raise QueryFailed("a constraint failed to build (duplicate ids in the loaded graph?)")
            if time.monotonic() > deadline:
                raise StoreUnavailable(f"indexes still building after {timeout_s:.0f} s")
            time.sleep(0.05)

    def _compact_aof(self, g: Any, timeout_s: float = 60.0) -> None:
        """FalkorDB 4.16 appends GRAPH.CONSTRAINT CREATE to the AOF twice, and replaying the second
        copy ("Constraint already exists") makes a restarted server abort its load. A rewrite folds
        the log into a snapshot that holds the constraint once, so the duplicate never replays."""
        conn = g.client.connection
        try:
            conn.execute_command("BGREWRITEAOF")
        except redis.ResponseError as exc:  # one is already running: wait for it instead
            if "in progress" not in str(exc).lower():
                raise _map_error(exc) from None
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            info = conn.info("persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                return
            time.sleep(0.05)
        raise StoreUnavailable("the embedded server did not finish compacting its append-only file in time")

    def explain(self, query: str, params: dict[str, Any] | None = None) -> list[str]:
        """The engine's plan (GRAPH.EXPLAIN: planned, not run), one operation a line, children indented."""
        from falkordb.execution_plan import ExecutionPlan

        check_params(params)
        deadline_s = (self.settings.query_timeout_ms + self.settings.client_grace_ms) / 1000
        _, reply = self._shared_call(
            lambda g: ["GRAPH.EXPLAIN", g.name, params_header(params or {}) + query], deadline_s)
        return [line for line in str(ExecutionPlan(reply)).splitlines() if line.strip()]

    def shortest_path_query(self, max_depth: int) -> str:
        # FalkorDB 4.16 has no undirected shortestPath: enumerate bounded paths, shortest first
        depth = int(max_depth)
        return (f"MATCH p = (a:Entity {{id: $from}})-[:{PATH_TYPES}*1..{depth}]-(b:Entity {{id: $to}}) "
                "RETURN p ORDER BY length(p) LIMIT 5")

    def ping(self) -> bool:
        """The engine answers a query in time (a PING is answered by redis even when every engine
        thread is stuck, so readiness asks the engine itself)."""
        try:
            return self.read("RETURN 1", timeout_ms=self.settings.ready_timeout_ms).scalar() == 1
        except (StoreUnavailable, QueryFailed, QueryRefused):
            return False

    def describe(self) -> dict[str, Any]:
        """Which server answered: engine, version (the FalkorDB module's), where (for /ready).

        StoreUnavailable unless the engine itself answers a query in time: MODULE LIST and PING are
        answered by redis even while every engine thread is stuck (a parse that never ends)."""
        if not self.ping():
            raise StoreUnavailable(f"the engine does not answer a query within {self.settings.ready_timeout_ms} ms")

        def work(g: Any) -> dict[str, Any]:
            assert self._db is not None
            modules = self._db.connection.execute_command("MODULE", "LIST")
            for m in modules:
                info = m if isinstance(m, dict) else dict(zip(m[::2], m[1::2], strict=False))
                info = {(k.decode() if isinstance(k, bytes) else k): v for k, v in info.items()}
                name = info.get("name")
                if (name.decode() if isinstance(name, bytes) else name) == "graph":
                    v = int(info.get("ver", 0))
                    return {"engine": "FalkorDB", "version": f"{v // 10000}.{v // 100 % 100}.{v % 100}"}
            return {"engine": "FalkorDB", "version": None}

        return {**self._supervised(work), "graph": self.settings.graph_name}

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
