"""Readers: files (.txt, .html/.htm, .jsonl), folders (recursive) and http(s) URLs -> RawArticle.

Every failure is an InputError naming the source and the reason; a reader never stops the run.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

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
    raise InputError(f"{source}: not valid UTF-8 (byte {utf8_error.start}: {utf8_error.reason}) "
                     "and not Windows-1258 Vietnamese either")


def read_path(path: Path, max_bytes: int) -> Iterator[Item]:
    """Yield articles (or per-item errors) from a file or a folder, recursively."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            yield InputError(f"{path}: no .txt, .html or .jsonl files in this folder")
        for f in files:
            yield from read_path(f, max_bytes)
        return
    if not path.exists():
        yield InputError(f"{path}: no such file or folder")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes)
        return
    size = path.stat().st_size
    if size > max_bytes:
        yield InputError(f"{path}: {size:,} bytes is over the article size cap of {max_bytes:,} "
                         "(PROVKG_MAX_ARTICLE_BYTES)")
        return
    try:
        text = decode(path.read_bytes(), str(path))
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
    yield RawArticle(source=str(path), text=text, fmt="txt")


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            source = f"{path}#{lineno}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield InputError(f"{source}: line of {len(raw):,} bytes is over the size cap")
                continue
            try:
                obj = json.loads(decode(raw, source))
            except (ValueError, InputError) as exc:
                yield InputError(f"{source}: not a JSON object ({str(exc)[:120]})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
                yield InputError(f"{source}: needs a JSON object with a non-empty 'text'")
                continue
            yield RawArticle(source=source, text=obj["text"], url=obj.get("url"), title=obj.get("title"),
                             published=obj.get("published"), fmt="jsonl")


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


def read_all(inputs: list[str], max_bytes: int, url_timeout_s: float = 20.0) -> Iterator[Item]:
    for item in inputs:
        if item.startswith(("http://", "https://")):
            yield read_url(item, max_bytes, url_timeout_s)
        else:
            yield from read_path(Path(item), max_bytes)
