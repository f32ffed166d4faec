"""Cross-process reader/writer lock on files in the data dir.

FalkorDB 4.16 crashed here under concurrent multi-hop reads while writes ran, so in embedded mode
every read holds a shared lock and every write batch an exclusive one, across all processes that
use the same data dir. A turnstile file keeps a steady stream of readers from starving a writer:
a waiting writer holds the turnstile, and readers must pass through it before taking their share.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class RWLock:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._rw = directory / "rw.lock"
        self._turnstile = directory / "turnstile.lock"
        self._local = threading.local()

    def _open(self, path: Path) -> int:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)

    @contextmanager
    def shared(self) -> Iterator[None]:
        if getattr(self._local, "held", False):  # re-entrant within one thread
            yield
            return
        gate = self._open(self._turnstile)
        fd = self._open(self._rw)
        try:
            fcntl.flock(gate, fcntl.LOCK_SH)
            fcntl.flock(fd, fcntl.LOCK_SH)
            fcntl.flock(gate, fcntl.LOCK_UN)
            self._local.held = True
            yield
        finally:
            self._local.held = False
            os.close(fd)
            os.close(gate)

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        gate = self._open(self._turnstile)
        fd = self._open(self._rw)
        try:
            fcntl.flock(gate, fcntl.LOCK_EX)
            fcntl.flock(fd, fcntl.LOCK_EX)
            fcntl.flock(gate, fcntl.LOCK_UN)
            self._local.held = True
            yield
        finally:
            self._local.held = False
            os.close(fd)
            os.close(gate)
