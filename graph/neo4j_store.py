"""Neo4j 5 through the official driver (Bolt): the production and multi-machine engine.

Everything Neo4j-specific lives here: constraint DDL, the full-text index behind search, the
shortest-path form, READ access mode for vetted user queries (routed to followers and read replicas
on a neo4j:// cluster), and the retry policy: a dead server is reported after one connect timeout
and one retry, while transient errors on writes (deadlocks between writer processes, a leader
switch) are retried with backoff, which is safe because every write passed in is idempotent.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from core.errors import QueryFailed, QueryRefused, QueryTimeout, StoreUnavailable
from core.settings import Settings
from graph.store import Compensation, QueryResult, Statement, approx_bytes, check_params

T = TypeVar("T")


def plain(value: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": {k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, "properties": {k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "edges": [plain(r) for r in value.relationships]}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def connect(settings: Settings) -> Any:
    """The driver for the configured server (a connection pool; nothing is sent until first use)."""
    import neo4j

    auth = None
    if settings.neo4j_password is not None:
        auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    # Retries are ours (_run). The acquisition timeout also bounds a server that accepts TCP but
    # never answers the Bolt handshake (the connect timeout alone does not); keep_alive spots
    # connections a load balancer dropped.
    return neo4j.GraphDatabase.driver(
        settings.neo4j_uri or "", auth=auth, connection_timeout=settings.neo4j_connect_timeout_s,
        connection_acquisition_timeout=settings.neo4j_connect_timeout_s,
        max_connection_pool_size=settings.neo4j_max_pool_size, max_transaction_retry_time=0, keep_alive=True,
        user_agent="provkg", notifications_min_severity="OFF")  # "property does not exist" on sparse data


class Neo4jStore:
    kind = "neo4j"

    def __init__(self, settings: Settings, driver: Any | None = None) -> None:
        """`driver` is made once by whoever owns the process (open_store, the app's lifespan, the
        CLI's entry) and passed in; the store closes it with itself."""
        import neo4j

        self.settings = settings
        self._neo4j = neo4j
        self.driver = driver if driver is not None else connect(settings)
        self.database = settings.neo4j_database
        self._read_mode = neo4j.READ_ACCESS if settings.neo4j_reads_on_replicas else neo4j.WRITE_ACCESS

    def _map(self, exc: Exception) -> Exception:
        from neo4j import exceptions as ne

        if isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired)):
            return StoreUnavailable(f"Neo4j is unreachable at {self.settings.neo4j_uri}: {exc}")
        if isinstance(exc, ne.AuthError):
            return StoreUnavailable(f"Neo4j refused the credentials for user {self.settings.neo4j_user!r}")
        code = getattr(exc, "code", "") or ""
        if "TransactionTimedOut" in code or "Timeout" in code:
            return QueryTimeout(f"query cut at the time limit: {exc}")
        if "AccessMode" in code or "ForbiddenDueToTransactionType" in code or "WriteOnReadOnly" in code:
            return QueryRefused(f"the engine refused a write in a read transaction: {exc}")
        return QueryFailed(str(getattr(exc, "message", None) or exc))

    def _run(self, mode: str, work: Callable[[Any], T], *, timeout: float | None = None) -> T:
        """work(tx) in one explicit transaction. Unreachable: one retry, then StoreUnavailable.
        Transient (deadlock, leader switch): retried with jittered backoff for neo4j_write_retry_s."""
        from neo4j import exceptions as ne

        deadline = time.monotonic() + self.settings.neo4j_write_retry_s
        unreachable_tries, delay = 0, 0.1
        while True:
            try:
                with self.driver.session(database=self.database, default_access_mode=mode) as s, \
                        s.begin_transaction(timeout=timeout) as tx:
                    out = work(tx)
                    tx.commit()
                    return out
            except (ne.ServiceUnavailable, ne.SessionExpired) as exc:
                unreachable_tries += 1
                if unreachable_tries > 1:
                    raise self._map(exc) from None
                time.sleep(0.2)
            except ne.TransientError as exc:
                if time.monotonic() + delay > deadline or "Terminated" in (exc.code or ""):
                    raise self._map(exc) from None
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 2.0)
            except Exception as exc:  # noqa: BLE001 - mapped to the project's error types
                raise self._map(exc) from None

    def read(self, query: str, params: dict[str, Any] | None = None, *, max_rows: int | None = None,
             timeout_ms: int | None = None, max_bytes: int | None = None) -> QueryResult:
        check_params(params)  # the same refusals as the embedded store
        cap = max_rows or self.settings.max_rows
        # harden (issue 15): a byte cap beside the row cap
        byte_cap = max_bytes or self.settings.max_result_bytes
        timeout = (timeout_ms or self.settings.query_timeout_ms) / 1000

        def work(tx: Any) -> QueryResult:
            res = tx.run(query, params or {})
            cols = list(res.keys())
            rows: list[list[Any]] = []
            truncated = False
            size = 0
            for rec in res:
                if len(rows) >= cap:
                    truncated = True
                    break
                row = [plain(v) for v in rec.values()]
                size += approx_bytes(row)  # harden (issue 15)
                if size > byte_cap and rows:
                    truncated = True
                    break
                rows.append(row)
            return QueryResult(columns=cols, rows=rows, truncated=truncated)

        return self._run(self._read_mode, work, timeout=timeout)

    def write_each(self, statements: Iterable[Statement]) -> None:
        # the driver sends a transaction's statements one Bolt round trip at a time: nothing to overlap
        for stmt in statements:
            self.write([stmt])

    def write(self, statements: Sequence[Statement], compensate: Compensation = ()) -> None:
        # `compensate` is for engines without rollback: a failed statement rolls this transaction back whole
        if not statements:
            return
        for i, (_, params) in enumerate(statements):
            check_params(params, where=f"statement {i + 1}: parameter")

        def work(tx: Any) -> None:
            for query, params in statements:
                tx.run(query, params).consume()

        self._run(self._neo4j.WRITE_ACCESS, work, timeout=max(self.settings.query_timeout_ms, 60_000) / 1000)

    def ensure_schema(self) -> None:
        from graph.schema import load_schema

        schema = load_schema(self.settings.ontology)
        stmts = []
        for label, prop in schema.unique_keys():
            stmts.append(f"CREATE CONSTRAINT {label.lower()}_{prop}_unique IF NOT EXISTS "
                         f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE")
        for label, prop in schema.indexes():
            if (label, prop) in schema.unique_keys():
                continue
            stmts.append(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
        # named as queries/views/search_*.neo4j.cypher call it; no stop words ("to", "an" are Vietnamese
        # syllables); not eventually consistent, so a search right after a load sees what it loaded
        for label, prop in schema.fulltext():
            stmts.append(f"CREATE FULLTEXT INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON EACH [n.{prop}] "
                         "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', "
                         "`fulltext.eventually_consistent`: false}}")
        from neo4j.exceptions import ClientError

        try:
            with self.driver.session(database=self.database) as s:
                for q in stmts:
                    try:
                        s.run(q).consume()
                    except ClientError as exc:
                        # another writer process created it between IF NOT EXISTS and the commit
                        if "AlreadyExists" not in (exc.code or ""):
                            raise
                s.run("CALL db.awaitIndexes(300)").consume()
        except Exception as exc:  # noqa: BLE001
            raise self._map(exc) from None

    def explain(self, query: str, params: dict[str, Any] | None = None) -> list[str]:
        """The planner's plan (EXPLAIN: planned, not run), one operator a line, children indented, in
        the FalkorDB plan's words where they mean the same (Node By Label Scan, All Node Scan…)."""
        words = {"NodeByLabelScan": "Node By Label Scan", "AllNodesScan": "All Node Scan",
                 "CartesianProduct": "Cartesian Product", "NodeIndexSeek": "Node By Index Scan",
                 "NodeUniqueIndexSeek": "Node By Index Scan", "Limit": "Limit", "Optional": "Optional"}
        try:
            with self.driver.session(database=self.database) as s:
                plan = s.run("EXPLAIN " + query, params or {}).consume().plan
        except Exception as exc:  # noqa: BLE001
            raise self._map(exc) from None
        lines: list[str] = []

        def walk(op: Any, depth: int) -> None:
            name = op.get("operatorType", "").split("@")[0]
            ident = op.get("args", {}).get("Details", "")
            lines.append("    " * depth + words.get(name, name) + (f" | ({ident})" if ident else ""))
            for child in op.get("children", []):
                walk(child, depth + 1)

        walk(plan if isinstance(plan, dict) else dict(plan), 0)
        return lines

    def shortest_path_query(self, max_depth: int) -> str:
        depth = int(max_depth)
        return ("MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) "
                f"MATCH p = allShortestPaths((a)-[:PARTNERS_WITH|MERGED_INTO|LOCATED_IN*1..{depth}]-(b)) "
                "RETURN p LIMIT 5")

    def ping(self) -> bool:
        try:
            self.describe()
            return True
        except StoreUnavailable:
            return False

    def describe(self) -> dict[str, Any]:
        """Which server answered: engine, version, address, database (for /ready)."""
        def work(tx: Any) -> dict[str, Any]:
            rec = tx.run("CALL dbms.components() YIELD name, versions, edition "
                         "RETURN name, versions[0] AS version, edition").single()
            return {"engine": rec["name"], "version": rec["version"], "edition": rec["edition"]}

        info = self._run(self._read_mode, work, timeout=self.settings.neo4j_connect_timeout_s * 2)
        return {**info, "database": self.database}

    def clear(self) -> None:
        # batches keep the transaction within the server's memory limits on a big graph: relationships
        # first, since DETACH DELETE of one hub node (tens of thousands of relationships on the 100k
        # synthetic graph) passed the 256 MiB transaction limit by itself
        while self.read("MATCH ()-[r]->() RETURN count(r) AS c").scalar():
            self.write([("MATCH ()-[r]->() WITH r LIMIT 10000 DELETE r", {})])
        while self.read("MATCH (n) RETURN count(n) AS c").scalar():
            self.write([("MATCH (n) WITH n LIMIT 10000 DELETE n", {})])

    def close(self) -> None:
        self.driver.close()
