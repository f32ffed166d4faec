"""SPARQL 1.1 queries on the mirror: what is refused, the limits, and the result formats.

Read-only. Oxigraph's query parser already rejects SPARQL Update text, but we refuse writes, LOAD
and federation by name, so a client is told why: after blanking comments, strings and IRIs, an
update keyword (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD, WITH) or SERVICE left
as a bare word can only be an update or a federated query.

Limits. Results are read one solution at a time against a row cap and a deadline, and a cut is
reported by the caller (HTTP headers, a CLI note) rather than failing the query. Solutions are
serialised here, not by oxigraph's writers, because those take the whole result iterator and
cannot stop at a cap. A query that does all its work before its first solution (ORDER BY, GROUP BY
over everything) cannot be interrupted in-process — oxigraph has no cancellation — which is why
the API runs queries in a worker process it can kill (graph/sparql_worker.py).
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from core.errors import QueryFailed, QueryRefused, StoreUnavailable
from graph.linked import parse_accept
from graph.locks import RWLock

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# format key -> media type, for SELECT/ASK and for CONSTRUCT/DESCRIBE
RESULT_FORMATS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_FORMATS = {"turtle": "text/turtle", "nt": "application/n-triples", "jsonld": "application/ld+json",
                 "rdfxml": "application/rdf+xml"}
_GRAPH_OX = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
             "rdfxml": ox.RdfFormat.RDF_XML}
# media type -> format, in our order of preference when wildcards leave the choice to us
_ACCEPT_RESULTS = [("application/sparql-results+json", "json"), ("application/json", "json"),
                   ("application/sparql-results+xml", "xml"), ("application/xml", "xml"), ("text/xml", "xml"),
                   ("text/csv", "csv"), ("text/tab-separated-values", "tsv")]
_ACCEPT_GRAPH = [("text/turtle", "turtle"), ("application/x-turtle", "turtle"), ("application/n-triples", "nt"),
                 ("text/plain", "nt"), ("application/ld+json", "jsonld"), ("application/json", "jsonld"),
                 ("application/rdf+xml", "rdfxml")]
FORMAT_ALIASES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "table": "json",
                  "turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
                  "jsonld": "jsonld", "json-ld": "jsonld", "rdfxml": "rdfxml", "xml-rdf": "rdfxml"}

# SPARQL text with comments, strings and IRIs blanked, so keywords are found in code only
_NOT_CODE = re.compile(r'''#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
                       r'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>''', re.DOTALL)
_WORD = r"(?<![\w?$:\-.])({})(?![\w:\-])"
_UPDATE = re.compile(_WORD.format("INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH"), re.IGNORECASE)
_SERVICE = re.compile(_WORD.format("SERVICE"), re.IGNORECASE)
_FORM = re.compile(_WORD.format("SELECT|ASK|CONSTRUCT|DESCRIBE"), re.IGNORECASE)


def code_only(query: str) -> str:
    return _NOT_CODE.sub(" ", query)


def vet(query: str, max_length: int) -> str:
    """The query form ("select", "ask", "construct", "describe"), or QueryRefused / QueryFailed."""
    if len(query) > max_length:
        raise QueryRefused(f"the query is {len(query)} characters long; the limit is {max_length}")
    code = code_only(query)
    update = _UPDATE.search(code)
    if update:
        raise QueryRefused(f"this endpoint is read-only: SPARQL Update ({update.group(1).upper()}) is refused")
    if _SERVICE.search(code):
        raise QueryRefused("federated queries (SERVICE) are refused: this endpoint answers from its own data only")
    form = _FORM.search(code)
    if form is None:
        raise QueryFailed("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return form.group(1).lower()


# -- content negotiation -------------------------------------------------------------------------

def negotiate(form: str, accept: str | None, fmt: str | None = None) -> str:
    """The format key for a query form from ?format= or Accept; QueryRefused (406) if none fits."""
    graph_form = form in ("construct", "describe")
    table = GRAPH_FORMATS if graph_form else RESULT_FORMATS
    if fmt:
        key = FORMAT_ALIASES.get(fmt.strip().lower())
        if key not in table:
            raise QueryRefused(f"format {fmt!r} does not fit a {form.upper()} query; use one of {', '.join(table)}")
        return key
    if not accept or not accept.strip():
        return next(iter(table))
    ranges = [(main, sub, q) for main, sub, q, _ in parse_accept(accept)]
    best: tuple[tuple[float, int, int], str] | None = None
    for pref, (media, key) in enumerate(_ACCEPT_GRAPH if graph_form else _ACCEPT_RESULTS):
        main, sub = media.split("/")
        match: tuple[float, int] | None = None
        for r_main, r_sub, q in ranges:
            spec = 3 if (r_main, r_sub) == (main, sub) else 2 if (r_main == main and r_sub == "*") else \
                1 if (r_main, r_sub) == ("*", "*") else 0
            if spec and (match is None or spec > match[1]):
                match = (q, spec)
        if match and match[0] > 0:
            cand = ((match[0], match[1], -pref), key)
            if best is None or cand[0] > best[0]:
                best = cand
    if best is None:
        raise QueryRefused(f"none of the accepted media types ({accept}) can carry a {form.upper()} result; "
                           f"supported: {', '.join(table.values())}")
    return best[1]


# -- opening the mirror -----------------------------------------------------------------------
# Here rather than in graph/sparql.py so a query worker process needs neither rdflib nor the graph.

def built_state(root: Path, base_iri: str) -> dict[str, Any] | None:
    """The mirror's state file if the store under `root` was built for these IRIs, else None."""
    try:
        state: dict[str, Any] = json.loads((root / "state.json").read_text())
    except (OSError, ValueError):
        return None
    # a store built for other IRIs would answer with the wrong names
    return state if state.get("base_iri") == base_iri and (root / "store").is_dir() else None


@dataclass
class Reader:
    store: ox.Store | None


@contextmanager
def reading(root: Path, base_iri: str) -> Iterator[Reader]:
    """A read-only view for one operation, under the shared lock; it must not outlive the block."""
    with RWLock(root).shared():
        if built_state(root, base_iri) is None:
            raise StoreUnavailable("the SPARQL store has not been built yet: run `provkg sparql-sync`")
        try:
            reader = Reader(ox.Store.read_only(str(root / "store")))
        except OSError as exc:
            raise StoreUnavailable(f"cannot open the SPARQL store: {exc}") from None
        try:
            yield reader
        finally:
            reader.store = None  # the handle closes with its last reference; writers may come next


# -- running --------------------------------------------------------------------------------------

@dataclass
class Outcome:
    body: bytes
    media_type: str
    form: str
    rows: int
    cut: str | None = None        # "rows" or "time" when the result was cut short
    seconds: float = 0.0


def _limited(items: Iterator[Any], max_rows: int, deadline: float, state: dict[str, Any]) -> Iterator[Any]:
    for n, item in enumerate(items):
        if n >= max_rows:
            state["cut"] = "rows"
            return
        if n % 64 == 0 and time.monotonic() > deadline:
            state["cut"] = "time"
            return
        state["rows"] = n + 1
        yield item


def execute(store: ox.Store, query: str, fmt: str, *, max_rows: int, timeout_ms: int,
            named_graphs: list[str], max_length: int = 100_000, prefixes: dict[str, str] | None = None) -> Outcome:
    """Run a read-only query and serialise at most max_rows solutions (or triples) within the time limit.

    Only the listed named graphs are visible to GRAPH, so bookkeeping never leaks into answers.
    """
    started = time.monotonic()
    deadline = started + timeout_ms / 1000
    form = vet(query, max_length)
    try:
        result = store.query(query, named_graphs=[ox.NamedNode(g) for g in named_graphs])
    except SyntaxError as exc:
        raise QueryFailed(f"SPARQL syntax error: {exc}") from None
    except OSError as exc:
        raise QueryFailed(f"the query failed: {exc}") from None
    state: dict[str, Any] = {"rows": 0, "cut": None}
    out = io.BytesIO()
    try:
        if isinstance(result, ox.QueryBoolean):
            form, state["rows"] = "ask", 1
            _write_boolean(out, fmt, bool(result))
            media = RESULT_FORMATS[fmt]
        elif isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            _write_solutions(out, fmt, variables, _limited(iter(result), max_rows, deadline, state))
            media = RESULT_FORMATS[fmt]
        else:
            triples = _limited(iter(result), max_rows, deadline, state)
            ox.serialize(triples, out, _GRAPH_OX[fmt], prefixes=prefixes or {})
            media = GRAPH_FORMATS[fmt]
    except KeyError:
        raise QueryRefused(f"format {fmt!r} does not fit a {form.upper()} query") from None
    except OSError as exc:
        raise QueryFailed(f"the query failed: {exc}") from None
    return Outcome(out.getvalue(), media, form, state["rows"], state["cut"], time.monotonic() - started)


# -- result writers (SPARQL 1.1 Query Results JSON, XML, CSV and TSV) -----------------------------

def _json_term(t: Any) -> dict[str, Any]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d: dict[str, Any] = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(t.subject), "predicate": _json_term(t.predicate),
                                            "object": _json_term(t.object)}}
    return {"type": "literal", "value": str(t)}


_TSV_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _tsv_term(t: Any) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        return f"<{t.value}>"
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    if isinstance(t, ox.Literal):
        text = '"' + t.value.translate(_TSV_ESCAPE) + '"'
        if t.language:
            return f"{text}@{t.language}"
        return text if t.datatype.value == XSD_STRING else f"{text}^^<{t.datatype.value}>"
    return str(t)


def _csv_term(t: Any) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    return t.value if isinstance(t, ox.NamedNode | ox.Literal) else str(t)


def _xml_term(t: Any) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
        if t.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
        return f"<literal>{escape(t.value)}</literal>"
    return f"<literal>{escape(str(t))}</literal>"


def _write_solutions(out: io.BytesIO, fmt: str, variables: list[str], solutions: Iterator[Any]) -> None:
    if fmt == "json":
        out.write(b'{"head":{"vars":' + json.dumps(variables).encode() + b'},"results":{"bindings":[')
        for n, s in enumerate(solutions):
            row = {v: _json_term(s[v]) for v in variables if s[v] is not None}
            out.write((b"," if n else b"") + json.dumps(row, ensure_ascii=False).encode("utf-8"))
        out.write(b"]}}")
    elif fmt == "xml":
        out.write(b'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>')
        out.write("".join(f"<variable name={quoteattr(v)}/>" for v in variables).encode())
        out.write(b"</head><results>")
        for s in solutions:
            out.write(("<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(s[v])}</binding>"
                                            for v in variables if s[v] is not None) + "</result>").encode("utf-8"))
        out.write(b"</results></sparql>\n")
    elif fmt == "csv":
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        w = csv.writer(text, lineterminator="\r\n")
        w.writerow(variables)
        for s in solutions:
            w.writerow([_csv_term(s[v]) for v in variables])
        text.detach()
    elif fmt == "tsv":
        out.write(("\t".join("?" + v for v in variables) + "\n").encode())
        for s in solutions:
            out.write(("\t".join(_tsv_term(s[v]) for v in variables) + "\n").encode("utf-8"))
    else:
        raise KeyError(fmt)


def _write_boolean(out: io.BytesIO, fmt: str, value: bool) -> None:
    word = "true" if value else "false"
    if fmt == "json":
        out.write(b'{"head":{},"boolean":' + word.encode() + b"}")
    elif fmt == "xml":
        out.write(f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                  f"<boolean>{word}</boolean></sparql>\n".encode())
    elif fmt in ("csv", "tsv"):
        out.write(f"_askResult\n{word}\n".encode() if fmt == "csv" else f"?_askResult\n{word}\n".encode())
    else:
        raise KeyError(fmt)
