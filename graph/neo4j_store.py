"""Neo4j 5 through the official driver (Bolt): the production and multi-machine engine.

Everything Neo4j-specific lives here: constraint DDL, the shortest-path form, READ access mode
for vetted user queries, and transaction functions (which the driver may retry, so all work
passed in is idempotent).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.errors import QueryFailed, QueryRefused, QueryTimeout, StoreUnavailable
from core.settings import Settings
from graph.store import QueryResult, Statement, approx_bytes


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


class Neo4jStore:
    kind = "neo4j"

    def __init__(self, settings: Settings) -> None:
        import neo4j

        self.settings = settings
        auth = None
        if settings.neo4j_password is not None:
            auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
        self._neo4j = neo4j
        self.driver = neo4j.GraphDatabase.driver(settings.neo4j_uri or "", auth=auth)
        self.database = settings.neo4j_database

    def _map(self, exc: Exception) -> Exception:
        from neo4j import exceptions as ne

        if isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired)):
            return StoreUnavailable(f"Neo4j is unreachable: {exc}")
        code = getattr(exc, "code", "") or ""
        if "TransactionTimedOut" in code or "Timeout" in code:
            return QueryTimeout(f"query cut at the time limit: {exc}")
        if "AccessMode" in code or "ForbiddenDueToTransactionType" in code or "WriteOnReadOnly" in code:
            return QueryRefused(f"the engine refused a write in a read transaction: {exc}")
        return QueryFailed(str(getattr(exc, "message", None) or exc))

    def read(self, query: str, params: dict[str, Any] | None = None, *, max_rows: int | None = None,
             timeout_ms: int | None = None, max_bytes: int | None = None) -> QueryResult:
        neo4j = self._neo4j
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

        work_tx = neo4j.unit_of_work(timeout=timeout)(work)
        try:
            with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as s:
                return s.execute_read(work_tx)
        except Exception as exc:  # noqa: BLE001 - mapped to the project's error types
            raise self._map(exc) from None

    def write(self, statements: Sequence[Statement], compensate: Sequence[Statement] = ()) -> None:
        # harden (issue 15): `compensate` is for engines without rollback; a Neo4j transaction rolls back
        if not statements:
            return

        def work(tx: Any) -> None:
            for query, params in statements:
                tx.run(query, params).consume()

        try:
            with self.driver.session(database=self.database) as s:
                s.execute_write(work)
        except Exception as exc:  # noqa: BLE001
            raise self._map(exc) from None

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
        for label, prop in schema.fulltext():  # named as queries/views/search_*.neo4j.cypher call it
            stmts.append(f"CREATE FULLTEXT INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON EACH [n.{prop}] "
                         "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}")
        try:
            with self.driver.session(database=self.database) as s:
                for q in stmts:
                    s.run(q).consume()
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
            self.driver.verify_connectivity()
            return True
        except Exception:  # noqa: BLE001
            return False

    def clear(self) -> None:
        while True:
            res = self.read("MATCH (n) RETURN count(n) AS c")
            if not res.scalar():
                return
            self.write([("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n", {})])

    def close(self) -> None:
        self.driver.close()
