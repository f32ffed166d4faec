"""Vet user-written Cypher before anything reaches an engine.

This is the first of two refusals: the engine's own read-only mode (GRAPH.RO_QUERY, a READ-mode
Neo4j transaction) is the second. The caps matter on their own: FalkorDB's parser time doubles per
level of nested brackets and its query timeout does not cover parsing, so depth must be bounded
before a query is sent.
"""

from __future__ import annotations

import re
import unicodedata

from core.errors import QueryRefused

WRITE_WORDS = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "LOAD", "FOREACH",
    "GRANT", "DENY", "REVOKE", "ALTER", "RENAME", "START", "STOP", "TERMINATE", "USE", "IMPORT",
    "PERIODIC", "COMMIT", "INSERT", "FINISH",
})
READ_STARTS = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})
# Read-only procedures analysts may CALL; everything else (dbms.*, apoc.*, db.create*, GRAPH.*) is refused.
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes",
    "db.idx.fulltext.querynodes", "db.index.fulltext.querynodes",
})

_TOKEN = re.compile(
    r"""(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    r"""|(?P<bt>`[^`]*`)"""
    r"""|(?P<lc>//[^\n]*)"""
    r"""|(?P<bc>/\*.*?\*/)"""
    r"""|(?P<call>\bCALL\s+(?P<proc>[A-Za-z_][\w.]*)?)"""
    r"""|(?P<word>[A-Za-z_]\w*)"""
    r"""|(?P<open>[(\[{])|(?P<close>[)\]}])|(?P<semi>;)|(?P<other>\S)""",
    re.DOTALL | re.IGNORECASE,
)


def vet_read_query(query: str, *, max_length: int, max_nesting: int) -> str:
    """Return the query to send, or raise QueryRefused saying why."""
    if not query or not query.strip():
        raise QueryRefused("empty query")
    if len(query) > max_length:
        raise QueryRefused(f"query is {len(query)} characters long; the limit is {max_length}")
    folded = unicodedata.normalize("NFKC", query)
    if folded != query and _outside_literals_changed(query, folded):
        raise QueryRefused("query uses look-alike Unicode characters outside string literals")
    depth = 0
    deepest = 0
    statements_ended = False
    first_word = True
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind in ("str", "bt", "lc"):
            continue
        if kind == "bc":
            continue
        if statements_ended:
            raise QueryRefused("only one statement may be sent at a time")
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > max_nesting:
                raise QueryRefused(f"brackets nest deeper than {max_nesting} levels")
        elif kind == "close":
            depth -= 1
        elif kind == "semi":
            statements_ended = True
        elif kind == "call":
            proc = (m.group("proc") or "").lower()
            if proc and proc not in READ_PROCEDURES:
                raise QueryRefused(f"procedure {m.group('proc')!r} may not be called from a read-only query")
        elif kind == "word" and m.group().upper() in WRITE_WORDS:
            raise QueryRefused(f"{m.group().upper()} is a write or admin clause; this endpoint is read-only")
        if first_word and kind in ("word", "call", "other", "open"):
            word = m.group().split()[0].upper()
            if word not in READ_STARTS:
                raise QueryRefused(f"a read query starts with {', '.join(sorted(READ_STARTS))}; got {word[:20]!r}")
            first_word = False
        elif kind == "other":
            ch = m.group()
            if ord(ch) > 127 or unicodedata.category(ch) in ("Cf", "Co", "Cn"):
                raise QueryRefused(f"unexpected character U+{ord(ch):04X} outside string literals")
    _check_ranges(_strip_literals(query))
    return query


_RANGE = re.compile(r"\brange\s*\(", re.IGNORECASE)
_RANGE_LITERAL = re.compile(r"\brange\s*\(\s*(-?\d+)\s*,\s*(-?\d+)\s*(?:,\s*(-?\d+)\s*)?\)", re.IGNORECASE)
MAX_RANGE = 1_000_000


def _check_ranges(query: str) -> None:
    """range() is materialised in one step that no timeout interrupts: only literal, bounded spans."""
    for m in _RANGE.finditer(query):
        lit = _RANGE_LITERAL.match(query, m.start())
        if not lit:
            raise QueryRefused("range() in a user query needs integer literal bounds")
        lo, hi = int(lit.group(1)), int(lit.group(2))
        step = abs(int(lit.group(3))) if lit.group(3) else 1
        if step == 0 or abs(hi - lo) // step > MAX_RANGE:
            raise QueryRefused(f"range() may span at most {MAX_RANGE:,} values in a user query")


def _outside_literals_changed(original: str, folded: str) -> bool:
    strip = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`""", re.DOTALL)
    return strip.sub("", original) != strip.sub("", folded)


def _strip_literals(query: str) -> str:
    """The query without string literals, quoted names and comments (what the engine executes)."""
    return re.sub(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/""", "''", query,
                  flags=re.DOTALL)
