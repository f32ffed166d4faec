"""Cross-process reader/writer lock on files in the data dir.

FalkorDB 4.16 crashed here under concurrent multi-hop reads while writes ran, so in embedded mode
every read holds a shared lock and every write batch an exclusive one, across all processes that
use the same data dir. A turnstile file keeps a steady stream of readers from starving a writer:
a waiting writer holds the turnstile, and readers must pass through it before taking their share.

Both waits are bounded. A writer holds the turnstile for `turnstile_s` at first, then lets the
queued readers through and tries again with twice the window: with an unbounded turnstile one slow read
plus one waiting writer stopped every other reader (a 10 s read made `/search` take 8 s instead of
8 ms). A reader waits at most its own deadline, then gives up with LockTimeout.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class LockTimeout(TimeoutError):
    pass


def _flock(fd: int, mode: int, deadline: float | None) -> None:
    if deadline is None:
        fcntl.flock(fd, mode)
        return
    delay = 0.0005
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            left = deadline - time.monotonic()
            if left <= 0:
                raise LockTimeout("lock wait exceeded its deadline") from None
            time.sleep(min(delay, left))
            delay = min(delay * 2, 0.01)


class RWLock:
    def __init__(self, directory: Path, turnstile_s: float = 0.5) -> None:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._rw = directory / "rw.lock"
        self._turnstile = directory / "turnstile.lock"
        self.turnstile_s = turnstile_s
        self._local = threading.local()

    def _open(self, path: Path) -> int:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)

    @contextmanager
    def shared(self, timeout_s: float | None = None) -> Iterator[None]:
        if getattr(self._local, "held", False):  # re-entrant within one thread
            yield
            return
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        gate = self._open(self._turnstile)
        fd = self._open(self._rw)
        try:
            _flock(gate, fcntl.LOCK_SH, deadline)
            try:
                _flock(fd, fcntl.LOCK_SH, deadline)
            finally:
                fcntl.flock(gate, fcntl.LOCK_UN)
            self._local.held = True
            yield
        finally:
            self._local.held = False
            os.close(fd)
            os.close(gate)

    @contextmanager
    def exclusive(self, timeout_s: float | None = None) -> Iterator[None]:
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        gate = self._open(self._turnstile)
        fd = self._open(self._rw)
        try:
            hold = self.turnstile_s
            while True:
                _flock(gate, fcntl.LOCK_EX, deadline)
                window = time.monotonic() + hold
                # each round holds the turnstile twice as long (up to 8x): reads in flight are bounded
                # by their deadlines, so the writer gets in once the window outlasts them
                hold = min(hold * 2, self.turnstile_s * 8)
                try:
                    _flock(fd, fcntl.LOCK_EX, window if deadline is None else min(window, deadline))
                    break
                except LockTimeout:
                    if deadline is not None and time.monotonic() >= deadline:
                        raise
                finally:
                    fcntl.flock(gate, fcntl.LOCK_UN)
                time.sleep(0.02)  # the readers queued behind the turnstile go first
            self._local.held = True
            yield
        finally:
            self._local.held = False
            os.close(fd)
            os.close(gate)
