"""A small Cypher lexer: the one place that decides what a character of a user query is.

The guard (`graph/guard.py`) asks it which words are clauses, which are names (property keys,
labels, map keys, aliases, parameters, quoted names) and what is only text (strings, comments), so
that `m.start` or `'DELETE'` are not taken for clauses and `CALL/**/dbms.x()` is not taken for a
harmless call. It must split a query exactly where the engines do: anything it cannot split the
same way for certain (an unterminated string or comment, a line break the engine may read
differently inside a comment, a non-ASCII character in code) is refused rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from core.errors import QueryRefused

# kinds: word, quoted (backtick name), string, number, param, punct
_SCAN = re.compile(
    r"""(?P<ws>[ \t\r\n]+)"""
    r"""|(?P<lc>//[^\r\n]*)"""
    r"""|(?P<bc>/\*.*?\*/)|(?P<open_comment>/\*)"""
    r"""|(?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    r"""|(?P<quoted>`(?:[^`]|``)*`)"""
    r"""|(?P<param>\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|`(?:[^`]|``)*`))"""
    r"""|(?P<number>0[xX][0-9A-Fa-f]+|(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"""
    r"""|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"""
    r"""|(?P<punct><>|!=|<=|>=|=~|\.\.|\+=|->|<-|[-+*/%^=<>()\[\]{}.,:;|!&])""",
    re.DOTALL,
)
# characters an engine may treat as a line end or that hide text from a reader: never inside a
# comment, where a disagreement about the comment's end would let code through unseen
_UNSAFE_IN_COMMENT = {"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"}


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # word | quoted | string | number | param | punct
    text: str
    pos: int

    @property
    def upper(self) -> str:
        return self.text.upper()

    @property
    def name(self) -> str:
        """A word or a quoted name as the engine reads it (backticks removed, `` unescaped)."""
        if self.kind == "quoted":
            return self.text[1:-1].replace("``", "`")
        return self.text


def tokens(query: str) -> list[Token]:
    """Split a query into tokens, comments and whitespace dropped; QueryRefused if it cannot be split safely."""
    out: list[Token] = []
    pos = 0
    n = len(query)
    while pos < n:
        m = _SCAN.match(query, pos)
        if m is None:
            ch = query[pos]
            if ch in "'\"`":
                raise QueryRefused(f"unterminated {'quoted name' if ch == '`' else 'string'} at character {pos}")
            if ord(ch) > 127 or unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cn", "Zl", "Zp", "Zs"):
                raise QueryRefused(f"unexpected character U+{ord(ch):04X} outside string literals "
                                   f"(at character {pos}); names may be quoted with backticks")
            raise QueryRefused(f"unexpected character {ch!r} at character {pos}")
        kind = m.lastgroup or ""
        text = m.group()
        if kind == "open_comment":
            raise QueryRefused(f"unterminated /* comment at character {pos}")
        if kind in ("lc", "bc"):
            bad = next((c for c in text if unicodedata.category(c) in _UNSAFE_IN_COMMENT and c != "\t"
                        and not (kind == "bc" and c in "\r\n")), None)
            if bad is not None:
                raise QueryRefused(f"character U+{ord(bad):04X} inside a comment (at character {pos})")
        elif kind in ("string", "quoted"):
            bad = next((c for c in text if unicodedata.category(c) in ("Zl", "Zp")), None)
            if bad is not None and kind == "quoted":
                raise QueryRefused(f"character U+{ord(bad):04X} inside a quoted name")
            out.append(Token(kind, text, pos))
        elif kind != "ws":
            out.append(Token(kind, text, pos))
        pos = m.end()
    return out
