"""Issue 15 #9, #12, #15: readers are bounded everywhere, links out of a folder are not followed,
legacy encodings and garbage dates are named."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core.errors import InputError
from ingest.read import decode, read_path, read_url, valid_published

from .conftest import CORPUS


def test_a_fifo_with_no_writer_does_not_hang(tmp_path):
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    start = time.monotonic()
    items = list(read_path(fifo, 1000, timeout_s=1))
    assert time.monotonic() - start < 5
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_a_pipe_is_cut_at_the_cap():
    """`provkg ingest <(yes)`: a pipe has no size to check first."""
    p = subprocess.Popen(["yes", "Quảng Trị hợp tác với Lào"], stdout=subprocess.PIPE)
    try:
        items = list(read_path(__import__("pathlib").Path(f"/dev/fd/{p.stdout.fileno()}"), 100_000, timeout_s=5))
    finally:
        p.kill()
        p.wait()
        p.stdout.close()
    assert len(items) == 1 and isinstance(items[0], InputError) and "cap" in str(items[0])


def test_a_jsonl_line_over_the_cap_is_never_held_whole(tmp_path):
    f = tmp_path / "big.jsonl"
    good = '{"text": "Tỉnh Quảng Trị hợp tác với tỉnh Savannakhet (Lào)."}\n'
    with f.open("w", encoding="utf-8") as fh:
        fh.write(good)
        fh.write('{"text": "' + "a" * 3_000_000 + '"}\n')
        fh.write(good)
    items = list(read_path(f, 10_000))
    assert [type(i).__name__ for i in items] == ["RawArticle", "InputError", "RawArticle"]
    assert "#2" in str(items[1]) and "cap" in str(items[1])


class _Drip(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            for _ in range(40):
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.25)
        except OSError:
            pass


def test_a_dripping_url_hits_a_total_deadline():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        start = time.monotonic()
        item = read_url(f"http://127.0.0.1:{srv.server_port}/", 1_000_000, timeout_s=1.5)
        assert time.monotonic() - start < 4
        assert isinstance(item, InputError) and "deadline" in str(item)
    finally:
        srv.shutdown()
        srv.server_close()


def test_links_out_of_the_folder_are_not_followed(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("Quảng Trị bí mật hợp tác với Lào", encoding="utf-8")
    (d / "passwd.txt").symlink_to(secret)
    (d / "ok.txt").write_text((CORPUS / sorted(os.listdir(CORPUS))[0]).read_text(encoding="utf-8"),
                              encoding="utf-8")
    (d / "inner.txt").symlink_to(d / "ok.txt")  # a link inside the folder is fine
    items = list(read_path(d, 5_000_000))
    sources = {getattr(i, "source", None) for i in items if not isinstance(i, InputError)}
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert sources == {str(d / "ok.txt"), str(d / "inner.txt")}
    assert len(errors) == 1 and "passwd.txt" in errors[0] and "--follow-links" in errors[0]
    followed = list(read_path(d, 5_000_000, follow_links=True))
    assert not any(isinstance(i, InputError) for i in followed) and len(followed) == 3


TCVN3 = "Tỉnh Quảng Trị hợp tác với Việt Nam đã được ký kết từ năm 2008 với tỉnh Savannakhet của Lào. "
TCVN3_BYTES = ("TØnh Qu¶ng TrÞ hîp t¸c víi ViÖt Nam ®· ®­îc ký kÕt tõ n¨m 2008 víi tØnh Savannakhet cña Lµo. "
               * 5).encode("latin-1")
VNI_BYTES = ("Tænh Quaûng Trò hôïp taùc vôùi Vieät Nam ñaõ ñöôïc kyù keát töø naêm 2008 vôùi tænh Savannakhet "
             "cuûa Laøo. " * 5).encode("latin-1")


@pytest.mark.parametrize(("data", "name"), [(TCVN3_BYTES, "TCVN3"), (VNI_BYTES, "VNI")])
def test_legacy_vietnamese_encodings_are_named(data, name):
    with pytest.raises(InputError, match=name):
        decode(data, "old.txt")


def test_western_latin1_is_not_taken_for_a_legacy_vietnamese_encoding():
    text = ("Le préfet a visité l'école. Señor Müller öffnete die Tür. Élève très âgé, déjà né. " * 10)
    with pytest.raises(InputError) as exc:
        decode(text.encode("latin-1"), "fr.txt")
    assert "TCVN3" not in str(exc.value) and "VNI" not in str(exc.value)


@pytest.mark.parametrize("bad", ["2023-99-99T99", "../../etc", "2023-02-30", "yesterday", "2023-13"])
def test_garbage_published_values_are_refused(bad):
    with pytest.raises(InputError, match="published"):
        valid_published(bad)
    assert valid_published("2023-12-31") == "2023-12-31" and valid_published("2024-02-29T10:30") == "2024-02-29T10:30"


def test_cli_ingest_of_a_fifo_returns(tmp_path):
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    env = {**os.environ, "PROVKG_DATA_DIR": str(tmp_path / "d"), "PROVKG_URL_TIMEOUT_S": "1"}
    p = subprocess.run([sys.executable, "-c", "from ingest.read import read_path; from pathlib import Path;"
                        f"print(list(read_path(Path({str(fifo)!r}), 1000, timeout_s=1)))"],
                       env=env, capture_output=True, text=True, timeout=20)
    assert "InputError" in p.stdout, p.stderr
