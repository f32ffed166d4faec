"""SPARQL queries in child processes, so the time limit holds even for a query oxigraph cannot stop.

Oxigraph evaluates ORDER BY, GROUP BY or a cartesian product before its first solution and has no
cancellation, so a cooperative deadline alone would leave such a query burning a core. Each worker
runs one query at a time; when one overruns its limit (plus a grace period for serialising) it is
killed — its shared lock on the mirror dies with it — and replaced on the next request.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from core.errors import ProvkgError, QueryFailed, QueryTimeout

GRACE_S = 2.0


@dataclass(frozen=True)
class Job:
    query: str
    fmt: str
    max_rows: int
    timeout_ms: int


def _serve(conn: Connection, root: str, base_iri: str, named_graphs: list[str], max_length: int,
           prefixes: dict[str, str]) -> None:
    from graph.sparql_exec import execute, reading

    while True:
        try:
            job: Job = conn.recv()
        except EOFError:
            return
        try:
            with reading(Path(root), base_iri) as r:
                assert r.store is not None  # reading() opens it or raises
                out = execute(r.store, job.query, job.fmt, max_rows=job.max_rows, timeout_ms=job.timeout_ms,
                              named_graphs=named_graphs, max_length=max_length, prefixes=prefixes)
            conn.send(("ok", out))
        except ProvkgError as exc:
            conn.send(("error", exc))
        except Exception as exc:  # noqa: BLE001 - anything else is reported, and the worker lives on
            conn.send(("error", QueryFailed(f"the query failed: {type(exc).__name__}: {exc}")))


class _Worker:
    def __init__(self, ctx: Any, args: tuple[Any, ...]) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, *args), daemon=True, name="provkg-sparql")
        self.proc.start()
        child.close()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class QueryPool:
    """A few query processes shared by the threads of one API process."""

    def __init__(self, root: Path, base_iri: str, named_graphs: list[str], *, size: int = 2,
                 max_length: int = 100_000, prefixes: dict[str, str] | None = None) -> None:
        self._ctx = mp.get_context("spawn")  # no fork of a threaded server
        self._args = (str(root), base_iri, list(named_graphs), max_length, dict(prefixes or {}))
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        for _ in range(size):
            self._idle.put(None)  # started on first use
        self._closed = threading.Event()

    def run(self, job: Job) -> Any:
        """The Outcome of the job, or its ProvkgError raised; QueryTimeout if it overran and was killed."""
        worker = self._idle.get()
        try:
            if worker is None or not worker.proc.is_alive():
                worker = _Worker(self._ctx, self._args)
            worker.conn.send(job)
            if not worker.conn.poll(job.timeout_ms / 1000 + GRACE_S):
                worker.kill()
                worker = None
                raise QueryTimeout(f"the query ran past the time limit of {job.timeout_ms} ms and was stopped")
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            if worker is not None:
                worker.kill()
            worker = None
            raise QueryFailed("the query process died; the query may need too much memory") from None
        finally:
            self._idle.put(worker)
        if status == "error":
            raise payload
        return payload

    def close(self) -> None:
        self._closed.set()
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            if worker is not None:
                worker.kill()
