"""Vet user-written Cypher before anything reaches an engine.

This is the first of two refusals: the engine's own read-only mode (GRAPH.RO_QUERY, a READ-mode
Neo4j transaction) is the second. The guard reads the query as tokens (`graph/cypher_lex.py`), so
a clause is told from a property key, label, map key, alias, quoted name, string or comment of the
same spelling. Beyond writes it bounds what a read may cost before it is sent, because the
engine's limits do not cover it:

* parse time: FalkorDB's parser doubles its time per level of nesting, counting brackets, CASE and
  every prefix operator (`- - - 1`, `NOT (NOT (`); measured 13 ms at 12 levels, 0.17 s at 16, 50 s
  at 24, and the query timeout does not cover parsing. Every level counts against one cap.
* memory: `range()` is materialised in one step no timeout interrupts, a `reduce()` whose step uses
  its accumulator twice doubles per element, and `s + s` projections double per WITH; none of them
  is charged to the engine's per-query memory cap, and past a few GB the server aborts.
"""

from __future__ import annotations

from core.errors import QueryRefused
from graph.cypher_lex import Token, tokens

WRITE_WORDS = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "LOAD", "FOREACH",
    "GRANT", "DENY", "REVOKE", "ALTER", "RENAME", "START", "STOP", "TERMINATE", "USE", "IMPORT",
    "PERIODIC", "COMMIT", "INSERT", "FINISH", "SHOW",
})
READ_STARTS = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})
# Read-only procedures analysts may CALL; everything else (dbms.*, apoc.*, db.create*, GRAPH.*) is refused.
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes",
    "db.idx.fulltext.querynodes", "db.index.fulltext.querynodes",
})
# words after which + and - are prefix operators, not binary ones
KEYWORDS = frozenset({
    "MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL", "YIELD", "WHERE", "AND", "OR", "XOR", "NOT",
    "IN", "IS", "CASE", "WHEN", "THEN", "ELSE", "END", "AS", "ORDER", "BY", "SKIP", "LIMIT", "DISTINCT",
    "CONTAINS", "STARTS", "ENDS", "UNION", "ALL", "ASC", "DESC", "ASCENDING", "DESCENDING", "EXISTS",
}) | WRITE_WORDS
OPEN, CLOSE = "([{", ")]}"
MAX_RANGE = 1_000_000          # values one range() may produce
MAX_RANGE_PRODUCT = 1_000_000  # all range()s of a query multiplied (nested UNWINDs multiply rows)
MAX_INNER_RANGE = 1_000        # a range() inside a comprehension or reduce step runs once per element
MAX_GROWTH = 64                # product of the self-concatenations (`s + s`) of all projections


def vet_read_query(query: str, *, max_length: int, max_nesting: int) -> str:
    """Return the query to send, or raise QueryRefused saying why."""
    if not query or not query.strip():
        raise QueryRefused("empty query")
    if len(query) > max_length:
        raise QueryRefused(f"query is {len(query)} characters long; the limit is {max_length}")
    toks = tokens(query)
    if not toks:
        raise QueryRefused("empty query (only comments)")
    semis = [i for i, t in enumerate(toks) if t.text == ";" and t.kind == "punct"]
    if semis and semis != [len(toks) - 1]:
        raise QueryRefused("only one statement may be sent at a time")
    if semis:
        toks = toks[:-1]
    first = toks[0]
    if first.kind != "word" or first.upper not in READ_STARTS:
        raise QueryRefused(f"a read query starts with {', '.join(sorted(READ_STARTS))}; got {first.text[:20]!r}")
    _check_words(toks)
    _check_depth(toks, max_nesting)
    _check_growth(toks)
    return query


def is_name(toks: list[Token], i: int) -> bool:
    """True where a word can only be a name: property key, label or type, map key, alias, node variable."""
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is not None and prev.kind == "punct" and prev.text in (".", ":"):
        return True
    if nxt is not None and nxt.kind == "punct" and nxt.text == ":":
        return True
    if prev is not None and prev.kind == "word" and prev.upper == "AS":
        return True
    return (prev is not None and prev.text == "(" and nxt is not None and nxt.kind == "punct"
            and nxt.text in (")", ":", "{"))


def keyword_at(toks: list[Token], i: int) -> str | None:
    t = toks[i]
    if t.kind == "word" and not is_name(toks, i):
        return t.upper
    return None


def _check_words(toks: list[Token]) -> None:
    for i in range(len(toks)):
        word = keyword_at(toks, i)
        if word is None:
            continue
        if word in WRITE_WORDS:
            raise QueryRefused(f"{word} is a write or admin clause; this endpoint is read-only")
        if word == "CALL":
            _check_call(toks, i)


def _check_call(toks: list[Token], i: int) -> None:
    j = i + 1
    if j < len(toks) and toks[j].text == "{" and toks[j].kind == "punct":
        return  # a subquery: its clauses are checked like any others
    parts: list[str] = []
    while j < len(toks) and toks[j].kind in ("word", "quoted"):
        parts.append(toks[j].name)
        if j + 1 < len(toks) and toks[j + 1].kind == "punct" and toks[j + 1].text == ".":
            j += 2
            continue
        break
    proc = ".".join(parts)
    if not proc:
        raise QueryRefused("CALL must name a read-only procedure or open a { subquery }")
    if proc.lower() not in READ_PROCEDURES:
        raise QueryRefused(f"procedure {proc!r} may not be called from a read-only query")


def _prefix_operator(toks: list[Token], i: int) -> bool:
    t = toks[i]
    if t.kind == "word":
        return t.upper == "NOT" and not is_name(toks, i)
    if t.kind != "punct" or t.text not in "+-":
        return False
    if i == 0:
        return True
    prev = toks[i - 1]
    if prev.kind == "punct":
        return prev.text not in CLOSE
    return prev.kind == "word" and not is_name(toks, i - 1) and prev.upper in KEYWORDS


def _check_depth(toks: list[Token], max_nesting: int) -> None:
    """Nesting as the parser pays for it: brackets, CASE and pending prefix operators, all one scale."""
    pending = [0]  # prefix operators waiting for their operand, per open bracket or CASE
    for i, t in enumerate(toks):
        word = keyword_at(toks, i)
        if _prefix_operator(toks, i):
            pending[-1] += 1
        elif (t.kind == "punct" and t.text in OPEN) or word == "CASE":
            pending.append(0)
        elif (t.kind == "punct" and t.text in CLOSE) or word == "END":
            if len(pending) > 1:
                pending.pop()
            pending[-1] = 0
            continue
        elif t.kind in ("number", "string", "param", "quoted") or (t.kind == "word" and word not in KEYWORDS):
            pending[-1] = 0
            continue
        else:
            continue
        level = len(pending) - 1 + sum(pending)
        if level > max_nesting:
            raise QueryRefused(f"expressions nest deeper than {max_nesting} levels (brackets, CASE and "
                               "prefix operators such as - or NOT each count one)")


def _matching(toks: list[Token], i: int) -> int:
    """Index of the bracket closing the one at i (or the end)."""
    depth = 0
    for j in range(i, len(toks)):
        t = toks[j]
        if t.kind == "punct" and t.text in OPEN:
            depth += 1
        elif t.kind == "punct" and t.text in CLOSE:
            depth -= 1
            if depth == 0:
                return j
    return len(toks)


def _bodies(toks: list[Token]) -> list[tuple[int, int]]:
    """Token spans that run once per element: after `|` in a comprehension, reduce or pattern comprehension."""
    spans = []
    for i, t in enumerate(toks):
        if t.kind == "punct" and t.text in "[(":
            end = _matching(toks, i)
            depth = 0
            for j in range(i + 1, end):
                u = toks[j]
                if u.kind == "punct" and u.text in OPEN:
                    depth += 1
                elif u.kind == "punct" and u.text in CLOSE:
                    depth -= 1
                elif depth == 0 and u.kind == "punct" and u.text == "|":
                    spans.append((j + 1, end))
                    break
    return spans


def _int_literal(toks: list[Token], j: int) -> tuple[int | None, int]:
    neg = 1
    if j < len(toks) and toks[j].kind == "punct" and toks[j].text in "+-":
        neg = -1 if toks[j].text == "-" else 1
        j += 1
    if j < len(toks) and toks[j].kind == "number":
        try:
            return neg * int(toks[j].text, 0), j + 1
        except ValueError:
            return None, j + 1
    return None, j + 1


def _range_span(toks: list[Token], i: int) -> int:
    """Values a range() call at i produces; QueryRefused unless its bounds are integer literals."""
    args: list[int] = []
    j = i + 2
    while True:
        value, j = _int_literal(toks, j)
        if value is None:
            raise QueryRefused("range() in a user query needs integer literal bounds")
        args.append(value)
        if j < len(toks) and toks[j].text == "," and len(args) < 3:
            j += 1
            continue
        if j < len(toks) and toks[j].text == ")" and len(args) >= 2:
            break
        raise QueryRefused("range() in a user query needs integer literal bounds")
    lo, hi = args[0], args[1]
    step = args[2] if len(args) == 3 else 1
    if step == 0:
        raise QueryRefused("range() with a step of 0 never ends")
    return max(0, (hi - lo) // step + 1)


def _check_growth(toks: list[Token]) -> None:
    bodies = _bodies(toks)
    product = 1
    for i in range(len(toks)):
        if keyword_at(toks, i) == "RANGE" and i + 1 < len(toks) and toks[i + 1].text == "(":
            span = _range_span(toks, i)
            if span > MAX_RANGE:
                raise QueryRefused(f"range() may span at most {MAX_RANGE:,} values in a user query")
            if any(a <= i < b for a, b in bodies) and span > MAX_INNER_RANGE:
                raise QueryRefused(f"a range() inside a list comprehension or reduce() runs once per element; "
                                   f"it may span at most {MAX_INNER_RANGE:,} values there")
            product *= max(span, 1)
            if product > MAX_RANGE_PRODUCT:
                raise QueryRefused(f"the range()s of one query may multiply to at most {MAX_RANGE_PRODUCT:,} values")
        if keyword_at(toks, i) == "REDUCE" and i + 2 < len(toks) and toks[i + 1].text == "(":
            _check_reduce(toks, i, bodies)
    _check_self_concatenation(toks)


def _references(toks: list[Token], a: int, b: int, name: str) -> int:
    return sum(1 for j in range(a, b) if toks[j].kind in ("word", "quoted") and toks[j].name == name
               and not (j > 0 and toks[j - 1].text in (".", ":")) and not (j + 1 < len(toks) and toks[j + 1].text == ":"))


def _check_reduce(toks: list[Token], i: int, bodies: list[tuple[int, int]]) -> None:
    acc = toks[i + 2]
    if acc.kind not in ("word", "quoted"):
        return
    step = next(((a, b) for a, b in bodies if a > i + 1 and b == _matching(toks, i + 1)), None)
    if step and _references(toks, step[0], step[1], acc.name) > 1:
        raise QueryRefused(f"reduce() whose step uses its accumulator {acc.name!r} more than once grows "
                           "exponentially; rewrite the step to use it once")


def _check_self_concatenation(toks: list[Token]) -> None:
    """`WITH s + s AS s` doubles per clause: bound the product of such factors over the query."""
    growth = 1
    items: list[tuple[int, int]] = []
    start = None
    depth = 0
    for i, t in enumerate(toks):
        word = keyword_at(toks, i)
        if t.kind == "punct" and t.text in OPEN:
            depth += 1
        elif t.kind == "punct" and t.text in CLOSE:
            depth -= 1
        if depth == 0 and word in ("WITH", "RETURN", "UNWIND", "WHERE", "ORDER", "SKIP", "LIMIT", "MATCH",
                                   "OPTIONAL", "CALL", "UNION", "YIELD"):
            if start is not None:
                items.append((start, i))
            start = i + 1 if word in ("WITH", "RETURN", "UNWIND") else None
        elif depth == 0 and start is not None and t.text == "," and t.kind == "punct":
            items.append((start, i))
            start = i + 1
    if start is not None:
        items.append((start, len(toks)))
    for a, b in items:
        if not any(toks[j].kind == "punct" and toks[j].text == "+" for j in range(a, b)):
            continue
        names = [toks[j].name for j in range(a, b) if toks[j].kind in ("word", "quoted")
                 and keyword_at(toks, j) not in KEYWORDS
                 and not (j > 0 and (toks[j - 1].text in (".", ":") or toks[j - 1].upper == "AS"))
                 and not (j + 1 < len(toks) and toks[j + 1].text in ("(", "."))]
        if names:
            growth *= max(names.count(n) for n in set(names))
            if growth > MAX_GROWTH:
                raise QueryRefused(f"projections that concatenate a value with itself (s + s) grow the result "
                                   f"by more than {MAX_GROWTH}x; rewrite the query")
