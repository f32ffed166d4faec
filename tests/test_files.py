"""Issue 15 #11, #13: nothing the store writes is readable by other users, the engine keeps no
query telemetry, and a socket directory another user could reach is refused."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

from core.errors import StoreUnavailable
from core.settings import load_settings
from graph.embedded import EmbeddedServer
from graph.falkor_store import FalkorStore


def test_data_dir_0700_files_0600_and_no_telemetry_stream():
    root = Path(tempfile.mkdtemp(prefix="pkf"))
    os.chmod(root, 0o755)
    data = root / "data"
    st = FalkorStore(load_settings(data_dir=data, graph_name="f"))
    try:
        st.write([("CREATE (:Country {id: $id, name: 'secret article text'})", {"id": "ZZ"})])
        assert st.read("MATCH (n:Country {id: $id}) RETURN n.name", {"id": "ZZ"}).scalar()
        conn = st.server.connection(timeout=5)
        assert conn.keys("telemetry*") == []
        conn.close()
        for p in [data, *data.rglob("*")]:
            mode = stat.S_IMODE(p.lstat().st_mode)
            if p.is_dir():
                assert mode == 0o700, (p, oct(mode))
            elif p.is_file():
                assert mode & 0o077 == 0, (p, oct(mode))
    finally:
        st.close()
        st.server.stop()
        shutil.rmtree(root, ignore_errors=True)


def test_a_socket_directory_another_user_could_reach_is_refused(monkeypatch):
    runtime = Path(tempfile.mkdtemp(prefix="pkr"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    deep = runtime / ("d" * 90)
    server = EmbeddedServer(deep)
    assert len(str(deep / "falkordb" / "falkordb.sock")) > 100
    planted = server.socket.parent
    planted.mkdir(mode=0o755)
    os.chmod(planted, 0o755)  # what another user's pre-created directory looks like to us
    try:
        with pytest.raises(StoreUnavailable, match="refusing the socket directory"):
            server.start()
        with pytest.raises(StoreUnavailable, match="refusing"):
            server.connection()
        os.chmod(planted, 0o700)
        assert server.start() and server.is_running()
    finally:
        server.stop()
        shutil.rmtree(runtime, ignore_errors=True)
