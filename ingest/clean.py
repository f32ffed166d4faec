"""Clean Vietnamese article text without losing track of where anything came from.

The output keeps `offsets[i]` = index in the original of cleaned character i, so evidence found in
the cleaned text is reported at its place in the original article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from core.models import CleanArticle, RawArticle
from ingest.meta import find_header_date

SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u2002", "\u2003", "\u2005", "\u2006",
          "\u3000", "\t", "\x0b", "\x0c"}
# C0/C1 control characters (but newline) split words invisibly; drop them with the zero-width ones
CONTROL = {chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0))}
DROP = CONTROL | {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u061c", "\r", "\u00ad",
        *(chr(c) for c in range(0x202A, 0x202F)), *(chr(c) for c in range(0x2066, 0x206A))}

# Old-style tone placement on open "oa", "oe", "uy" -> the placement the press mostly uses now
# ("hoá" -> "hóa", "thoả" -> "thỏa", "Uỷ" -> "Ủy"); same length, so offsets do not move.
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def _retone(pair: str) -> str:
    first, second = pair[0], pair[1]
    d = unicodedata.normalize("NFD", second)
    tone = next((m for m in d if m in _TONES), None)
    if tone is None:
        return pair
    bare = unicodedata.normalize("NFC", "".join(m for m in d if m != tone))
    moved = unicodedata.normalize("NFC", first + tone)
    return moved + bare if len(moved) == 1 else pair


_OLD_TONE = re.compile(r"(?<![qQ])([oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])")

FURNITURE_LINE = re.compile(
    r"^\s*(?:ĐÁNH GIÁ|Đánh giá|\d{1,3}|Ý kiến bình luận|\d+\s+bình luận|Bình luận|Chia sẻ|In bài|"
    r"Lượt xem:?.*|Return to top|Về đầu trang|Lên đầu trang|Ảnh:.*|Nguồn:.*|Tags?:.*|Từ khóa:.*|"
    r"(?:Địa chỉ|Điện thoại|Tel|Fax|E-?mail|Hotline|ĐT)\s*[:.]?.*\d.*|Bản quyền.*|Copyright.*|©.*)\s*$",
    re.IGNORECASE)
RELATED_BLOCK = re.compile(r"^\s*(?:BẠN CÓ THỂ QUAN TÂM|TIN LIÊN QUAN|Tin liên quan|BÀI VIẾT LIÊN QUAN|"
                           r"Bài viết liên quan|TIN CÙNG CHUYÊN MỤC|Tin cùng chuyên mục|Xem thêm)\s*:?\s*$")
ALLCAPS_FOOTER = re.compile(r"^\s*(?:TRANG THÔNG TIN ĐIỆN TỬ|CỔNG THÔNG TIN ĐIỆN TỬ|BÁO ĐIỆN TỬ)\b.*$")
BYLINE = re.compile(r"^\s*([A-ZÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZÀ-Ỹ][\wÀ-ỹ]*){1,3})\s*(\([^)]{2,60}\))?\s*$")
# "YeonXác lập": a capitalised Vietnamese syllable glued to the word before (a lost line break)
GLUE = re.compile(r"(?<=[a-zà-ỹ])(?=[A-ZĐ][a-zà-ỹ]*[à-ỹđ])")


def _normalise_chars(text: str) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    offs: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        if cluster in DROP:
            i = j
            continue
        if cluster in SPACES:
            cluster = " "
        elif j - i > 1 or not cluster.isascii():
            cluster = unicodedata.normalize("NFC", cluster)
        for c in cluster:
            chars.append(c)
            offs.append(i)
        i = j
    return chars, offs


def clean(raw: RawArticle) -> CleanArticle:
    original = raw.text
    chars, offs = _normalise_chars(original)
    text = _OLD_TONE.sub(lambda m: _retone(m.group(0)), "".join(chars))

    published = raw.published
    byline = None
    out_chars: list[str] = []
    out_offs: list[int] = []
    lines = text.split("\n")
    pos = 0
    spans = []
    for line in lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    cut = next((k for k, ln in enumerate(lines) if RELATED_BLOCK.match(ln) or ALLCAPS_FOOTER.match(ln)),
               len(lines))
    nonempty = [k for k, ln in enumerate(lines[:cut]) if ln.strip() and not FURNITURE_LINE.match(ln)]
    tail = set(nonempty[-3:])
    title_line, title_end = False, 0
    for k, (line, (a, b)) in enumerate(zip(lines, spans, strict=True)):
        stripped = line.strip()
        if k >= cut:  # related-article blocks and site footers run to the end of the page
            break
        head_skip = 0
        if raw.body_start and (offs[a] if a < len(offs) else len(original)) < raw.body_start:
            # the metadata header: only the headline is text (read as the title, the body wins over it)
            if not line.startswith("TITLE:") or not line[6:].strip():
                continue
            head_skip = 6
            title_line = True
        elif title_line:
            title_end = len(out_chars)
            title_line = False
        if k < 6 and len(stripped) < 80:
            found = find_header_date(stripped)
            if found:
                published = published or found
                continue
        if not stripped or FURNITURE_LINE.match(line):
            continue
        credit = BYLINE.match(line) if k in tail and not stripped.endswith(".") else None
        if credit:
            byline = byline or stripped
            if credit.group(2):  # "Thái Bình (Thực hiện)": a credit, metadata only
                continue
        # drop leading/trailing blanks and fold runs of spaces, keeping the offset map
        start = a + head_skip + (len(line[head_skip:]) - len(line[head_skip:].lstrip()))
        end = b - (len(line) - len(line.rstrip()))
        prev_space = False
        for idx in range(start, end):
            c = text[idx]
            if c == " ":
                if prev_space:
                    continue
                prev_space = True
            else:
                prev_space = False
            out_chars.append(c)
            out_offs.append(offs[idx] if idx < len(offs) else len(original))
        out_chars.append("\n")
        out_offs.append(offs[end] if end < len(offs) else len(original))
    cleaned = "".join(out_chars)
    # break glued lines: insert a newline mapped to the glued capital's original offset
    pieces: list[str] = []
    piece_offs: list[int] = []
    last = 0
    for m in GLUE.finditer(cleaned):
        pieces.append(cleaned[last:m.start()])
        piece_offs.extend(out_offs[last:m.start()])
        pieces.append("\n")
        piece_offs.append(out_offs[m.start()])
        last = m.start()
    pieces.append(cleaned[last:])
    piece_offs.extend(out_offs[last:])
    cleaned = "".join(pieces)
    piece_offs.append(len(original))
    title = raw.title or _title(cleaned)
    return CleanArticle(source=raw.source, original=original, text=cleaned, offsets=piece_offs, url=raw.url,
                        title=title, published=published, byline=byline, title_end=title_end,
                        content_hash=hashlib.sha256(original.encode("utf-8")).hexdigest())


def _title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    if 8 <= len(first) <= 160 and not first.endswith((".", "?", "!")) and first.count(" ") >= 2:
        return first.rstrip(":").strip()
    return None
