"""Readers: files (.txt, .html/.htm, .jsonl), folders (recursive) and http(s) URLs -> RawArticle.

Every failure is an InputError naming the source and the reason; a reader never stops the run.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
import select
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from core.errors import InputError
from core.models import RawArticle

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
VIETNAMESE_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")

Item = RawArticle | InputError


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1258; anything else is refused."""
    if not data.strip():
        raise InputError(f"{source}: empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: broken UTF-16 ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM shows as ASCII interleaved with NULs; anything else with NULs is binary
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if sum(c.isalpha() or c.isspace() for c in text[:2000]) > 0.8 * min(len(text), 2000):
                return text
        raise InputError(f"{source}: binary data, not text")
    if b"\x00" in data:
        raise InputError(f"{source}: binary data, not text (a NUL byte at offset {data.index(0):,})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    # Windows-1258 writes tone marks as combining characters after precomposed base letters
    if text and sum(c in VIETNAMESE_MARKS or c.isascii() or c in "\u0300\u0301\u0303\u0309\u0323"
                    for c in text) > 0.97 * len(text):
        return text
    legacy = legacy_encoding(data)
    if legacy:
        raise InputError(f"{source}: Vietnamese in the legacy {legacy} encoding (a font encoding of the 1990s, "
                         "not Unicode); convert it to UTF-8 first (e.g. UniKey's converter)")
    raise InputError(f"{source}: not valid UTF-8 (byte {utf8_error.start}: {utf8_error.reason}) "
                     "and not Windows-1258 Vietnamese either")


def read_bounded(path: Path, max_bytes: int, timeout_s: float = 20.0) -> bytes:
    """At most max_bytes of a file, pipe or device, within timeout_s for anything not a regular file.

    Never reads past the cap (a pipe has no size to check first), never waits forever on a FIFO
    with no writer (opened non-blocking: no writer reads as end of data)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot open ({exc.strerror})") from None
    try:
        st = os.fstat(fd)
        regular = stat.S_ISREG(st.st_mode)
        if regular and st.st_size > max_bytes:
            raise InputError(f"{path}: {st.st_size:,} bytes is over the article size cap of {max_bytes:,} "
                             "(PROVKG_MAX_ARTICLE_BYTES)")
        deadline = time.monotonic() + timeout_s
        chunks: list[bytes] = []
        total = 0
        while True:
            if not regular:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([fd], [], [], left)[0]:
                    raise InputError(f"{path}: no end of data within {timeout_s:.0f} s (a pipe or device); "
                                     "save it to a file first")
            try:
                chunk = os.read(fd, min(1 << 16, max_bytes + 1 - total))
            except BlockingIOError:
                continue
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise InputError(f"{path}: over the article size cap of {max_bytes:,} bytes "
                                 "(PROVKG_MAX_ARTICLE_BYTES); reading stopped at the cap")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _outside(f: Path, root: Path) -> bool:
    try:
        f.resolve().relative_to(root)
        return False
    except ValueError:
        return True


# Legacy 8-bit Vietnamese: TCVN3 (ABC) gives every accented letter one byte (đ 0xAE, ư 0xAD, ơ 0xAC,
# á 0xB8, ả 0xB6, ị 0xDE, ệ 0xD6: "ViÖt", "Qu¶ng TrÞ"); VNI writes the base letter then a mark byte
# (đ 0xF1, ư 0xF6, ơ 0xF4, ả "aû", ợ "ôï": "Vieät", "Quaûng Trò").
_TCVN3_MARKS = frozenset(b"\xae\xad\xac\xb8\xb6\xb5\xb7\xb9\xa8\xa9\xaa\xab\xd6\xde\xd8\xee\xed\xe9\xcb\xc6")
_VNI_MARKS = frozenset(b"\xf1\xf6\xf4\xf9\xf8\xfb\xf5\xef\xe4\xe5\xe3\xe2\xe6\xf2\xf3")


def legacy_encoding(data: bytes) -> str | None:
    """'TCVN3' or 'VNI' when bytes look like one of them, else None."""
    sample = data[:200_000]
    high = [b for b in sample if b >= 0x80]
    letters = sum(1 for b in sample if 65 <= b <= 90 or 97 <= b <= 122)
    if len(high) < 20 or letters < 3 * len(high) // 2:
        return None
    tcvn = sum(b in _TCVN3_MARKS for b in high) / len(high)
    vni = sum(b in _VNI_MARKS for b in high) / len(high)
    # Vietnamese spreads over many accented letters; a Western text repeats a few (é, ö, ñ)
    distinct_tcvn = len(set(high) & _TCVN3_MARKS)
    distinct_vni = len(set(high) & _VNI_MARKS)
    if tcvn >= 0.6 and tcvn >= vni and distinct_tcvn >= 5:
        return "TCVN3"
    if vni >= 0.6 and distinct_vni >= 5:
        return "VNI"
    return None


def read_path(path: Path, max_bytes: int, *, follow_links: bool = False, timeout_s: float = 20.0) -> Iterator[Item]:
    """Yield articles (or per-item errors) from a file or a folder, recursively.

    Inside a folder, a link that leads out of it is not read unless follow_links: the folder is what
    the user chose to publish, and `ln -s /etc/passwd x.txt` would otherwise be stored and served."""
    if path.is_dir():
        root = path.resolve()
        files = []
        for dirpath, dirnames, filenames in os.walk(path, followlinks=follow_links):
            dirnames.sort()
            for name in filenames:
                f = Path(dirpath) / name
                if f.suffix.lower() in SUFFIXES:
                    files.append(f)
        files.sort()
        if not files:
            yield InputError(f"{path}: no .txt, .html or .jsonl files in this folder")
        for f in files:
            if not follow_links and _outside(f, root):
                yield InputError(f"{f}: a link to {f.resolve()}, outside {path}; not read "
                                 "(--follow-links reads it)")
                continue
            if not f.is_file():
                continue
            yield from read_path(f, max_bytes, follow_links=follow_links, timeout_s=timeout_s)
        return
    if not path.exists():
        yield InputError(f"{path}: no such file or folder")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes)
        return
    try:
        text = decode(read_bounded(path, max_bytes, timeout_s), str(path))
        if not text.strip():
            raise InputError(f"{path}: no text (whitespace only)")
    except InputError as exc:
        yield exc
        return
    if suffix in HTML_SUFFIXES:
        try:
            yield from_html(text, str(path))
        except InputError as exc:
            yield exc
        return
    yield from_text(text, str(path))


HEADER_LINE = re.compile(r"(URL|TITLE|DATE):[ \t]*(.*)")


def from_text(text: str, source: str) -> RawArticle:
    """A text file, with its `URL:` / `TITLE:` / `DATE:` header (the shared corpora's) read as
    metadata: the header is neither searched for facts nor part of the evidence."""
    meta: dict[str, str] = {}
    pos = 0
    lines = text.split("\n")
    for line in lines[:6]:
        m = HEADER_LINE.fullmatch(line.rstrip("\r"))
        if not m or m.group(1) in meta:
            break
        meta[m.group(1)] = m.group(2).strip()
        pos += len(line) + 1
    if "URL" not in meta and "DATE" not in meta:
        return RawArticle(source=source, text=text, fmt="txt")
    date = meta.get("DATE") or None
    if date and not re.fullmatch(r"(?:19|20)\d{2}(?:-\d{2}(?:-\d{2})?)?", date):
        date = None
    return RawArticle(source=source, text=text, url=meta.get("URL") or None, title=meta.get("TITLE") or None,
                      published=date, fmt="txt", body_start=min(pos, len(text)))


# YYYY, YYYY-MM, YYYY-MM-DD, optionally a time: what `published` may be
_PUBLISHED = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?"
                        r"(Z|[+-]\d{2}:?\d{2})?)?)?)?$")


def valid_published(value: str | None) -> str | None:
    """The value if it is an ISO date a calendar has (`2023-99-99T99`, `../../etc` are not), else InputError."""
    if value is None:
        return None
    if not isinstance(value, str) or not _PUBLISHED.match(value.strip()):
        raise InputError(f"'published' must be an ISO date (YYYY, YYYY-MM, YYYY-MM-DD[THH:MM]); got {str(value)[:40]!r}")
    v = value.strip()
    if len(v) >= 10:
        try:
            dt.date.fromisoformat(v[:10])
        except ValueError:
            raise InputError(f"'published' is not a calendar date: {v[:40]!r}") from None
    return v


JSONL_FIELDS = {"text": "the article text (required)", "url": "where it was published",
                "title": "its headline", "published": "ISO date, YYYY[-MM[-DD]][THH:MM]"}


def _lines(path: Path, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line, or None for a line over the cap, never holding more than the cap."""
    with path.open("rb") as fh:
        lineno = 0
        while True:
            raw = fh.readline(max_bytes + 1)
            if not raw:
                return
            lineno += 1
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                while True:  # skip the rest of the over-long line without keeping it
                    rest = fh.readline(1 << 20)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield lineno, None
                continue
            yield lineno, raw


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    """One article per line; each line is its own success or error (fields in JSONL_FIELDS)."""
    for lineno, raw in _lines(path, max_bytes):
        source = f"{path}#{lineno}"
        if raw is None:
            yield InputError(f"{source}: line is over the size cap of {max_bytes:,} bytes; skipped")
            continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(decode(raw, source))
        except (ValueError, InputError) as exc:
            yield InputError(f"{source}: not a JSON object ({str(exc)[:120]})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield InputError(f"{source}: needs a JSON object with a non-empty 'text'")
            continue
        bad = [k for k in ("url", "title", "published") if obj.get(k) is not None and not isinstance(obj[k], str)]
        if bad:
            yield InputError(f"{source}: {', '.join(repr(k) for k in bad)} must be a string "
                             f"(got {', '.join(type(obj[k]).__name__ for k in bad)})")
            continue
        try:
            published = valid_published(obj.get("published"))
            if "\x00" in obj["text"]:
                raise InputError("'text' contains a NUL character")
            yield RawArticle(source=source, text=obj["text"], url=obj.get("url"), title=obj.get("title"),
                             published=published, fmt="jsonl")
        except InputError as exc:
            yield InputError(f"{source}: {exc}")
        except ValidationError as exc:
            yield InputError(f"{source}: " + "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                                                       for e in exc.errors()))


def from_html(html: str, source: str, url: str | None = None) -> RawArticle:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on hostile HTML
        raise InputError(f"{source}: HTML could not be parsed ({type(exc).__name__})") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(f"{source}: HTML has no article text")
    return RawArticle(source=source, text=text, url=getattr(doc, "url", None) or url,
                      title=getattr(doc, "title", None), published=getattr(doc, "date", None), fmt="html")


def read_url(url: str, max_bytes: int, timeout_s: float = 20.0) -> Item:
    import httpx

    # httpx's timeout is per read: a server dripping a byte a second never trips it, so the whole
    # fetch has its own deadline as well
    deadline = time.monotonic() + timeout_s
    try:
        with httpx.stream("GET", url, timeout=timeout_s, follow_redirects=True,
                          headers={"User-Agent": "provkg/0.1"}) as resp:
            if resp.status_code != 200:
                return InputError(f"{url}: HTTP {resp.status_code}")
            body = bytearray()
            for chunk in resp.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    return InputError(f"{url}: body is over the size cap of {max_bytes:,} bytes")
                if time.monotonic() > deadline:
                    return InputError(f"{url}: not complete within {timeout_s:.0f} s "
                                      "(PROVKG_URL_TIMEOUT_S, a total deadline)")
    except httpx.HTTPError as exc:
        return InputError(f"{url}: {type(exc).__name__}: {exc}")
    try:
        text = decode(bytes(body), url)
        ctype = resp.headers.get("content-type", "")
        if "html" in ctype or text.lstrip().startswith("<"):
            return from_html(text, url, url=url)
        return RawArticle(source=url, text=text, url=url, fmt="url")
    except InputError as exc:
        return exc


def read_all(inputs: list[str], max_bytes: int, url_timeout_s: float = 20.0, *,
             follow_links: bool = False) -> Iterator[Item]:
    for item in inputs:
        if item.startswith(("http://", "https://")):
            yield read_url(item, max_bytes, url_timeout_s)
        else:
            yield from read_path(Path(item), max_bytes, follow_links=follow_links, timeout_s=url_timeout_s)
