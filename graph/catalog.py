"""The analysts' query library: named, parametrised, read-only Cypher kept as files in queries/.

Each `queries/NAME.cypher` starts with a header of `// key: value` comment lines (name, title,
descriptions in English and Vietnamese, typed parameters, mode) followed by Cypher in the subset
FalkorDB and Neo4j share. Where the engines need different syntax, `NAME.<store kind>.cypher`
(e.g. `paths_between.neo4j.cypher`) sits beside it with the same header and is picked by the store's
`kind`. A query whose optional filter should become its anchor when given (a province) may have
`NAME.when-PARAM.cypher` beside it, run instead whenever PARAM is not null, so that each file has one
plan: the default starting where it must when PARAM is null, the variant on the index PARAM names.
Files are plain Cypher so an analyst can paste one into a Cypher browser unchanged.

Parameter line grammar (one per parameter)::

    // param: NAME: TYPE[?] [= DEFAULT] [one of [..]] [range LO..HI]  -- DESCRIPTION (example: VALUE)

TYPE is string, int, float, bool, date or list[string]; `?` makes the parameter optional (null turns
the filter off); DEFAULT, the choices and VALUE are JSON. A `date` parameter also gives
`$NAME_first` and `$NAME_last`, the first and last day it can mean (ISO strings for `date()`, to
compare with the date values the loader stores in `day`). A parameter without `?` and without a
default is required. Three more types name graph entities by id or by name and arrive in the Cypher
as the id (folding and name look-up happen once, in Python, see graph.resolve): `province` (a
Vietnamese province, the unit valid at `as_of` when a name fits several), `partner` (a foreign
locality, country or organisation) and `entity` (any entity). An unknown name is a NotFound naming
the closest matches. Type `name` is free text: the query gets it as given in `$NAME` and folded
(lower case, no diacritics, as nodes store their `keys`) in `$NAME_key`, and as a full-text query of
its words' prefixes (`quang* tri*`, what both engines' full-text indexes read) in `$NAME_terms`. A `province` parameter
also gives `$NAME_units`: the province's id and, for a unit formed in the 2025 reform, the ids of
the units merged into it, so that it answers with what its predecessors did (rows carry the
province id they come from); `include_predecessors=False` keeps it to the one unit.

Optional header keys `timeout_ms` and `max_rows` set the query's own time limit and row cap.

The same format serves the read models of the REST API (`queries/views/*.cypher`, see `get_view`);
their `description.vi` is optional, being internal. Labels and relationship types in any file must
be ones the ontology declares.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

from pydantic import BaseModel, Field, computed_field

from core.errors import NotFound, ProvkgError, QueryRefused
from core.fold import fold_key as fold
from graph.guard import vet_read_query
from graph.store import GraphStore, QueryResult

ParamType = Literal["string", "int", "float", "bool", "date", "list[string]", "name", "province", "partner",
                    "entity"]
# types whose value names an entity; bound to its id by graph.resolve before the query runs
ENTITY_TYPES = {"province": "VietnameseProvince", "partner": "Partner", "entity": "Entity"}
DEFAULT_VARIANT = "default"
# Store kinds a variant file may target (GraphStore.kind values).
ENGINES = ("embedded", "neo4j")
# `NAME.when-PARAM.cypher`: the text run when the optional parameter PARAM is given
WHEN = "when-"
# Generous caps: these files are project code, vetted for write clauses, not for size.
_VET_LENGTH, _VET_NESTING = 20_000, 20

_KEY = re.compile(r"^//\s(?P<key>[a-z][a-z0-9_.]*):\s*(?P<value>.*)$")
_CONT = re.compile(r"^//\s{3,}(?P<text>\S.*)$")
_PARAM = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*)\s*:\s*(?P<type>string|int|float|bool|date|list\[string\]|name|province|partner|entity)"
    r"(?P<opt>\?)?"
    r"(?:\s*=\s*(?P<default>.+?))?"
    r"(?:\s+one of\s+(?P<choices>\[.*?\]))?"
    r"(?:\s+range\s+(?P<lo>-?\d+(?:\.\d+)?)\.\.(?P<hi>-?\d+(?:\.\d+)?))?"
    r"\s+--\s+(?P<desc>.+?)\s*\(example:\s*(?P<example>.+)\)\s*$"
)
_SINGLE_KEYS = ("name", "title", "description.en", "description.vi", "mode", "engine", "timeout_ms", "max_rows")
# labels (`(x:Label`, `x:Label`) and relationship types (`[:TYPE|OTHER`) in code, checked against the ontology
_LABEL_REF = re.compile(r"(?<![\w$])(?:[A-Za-z_]\w*)?\s*:\s*([A-Z][A-Za-z]*)\b|\|\s*:?\s*([A-Z][A-Z_]*)\b")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Cypher text with comments and string literals blanked, to find $parameters in code only.
_NOT_CODE = re.compile(r"""//[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`""", re.DOTALL)
_PARAM_REF = re.compile(r"\$([A-Za-z_]\w*)")


class CatalogError(ProvkgError):
    """A query file is malformed; the message names the file and the problem."""

    code = "catalog"


class QueryParam(BaseModel):
    name: str
    type: ParamType
    optional: bool = Field(description="null is allowed and turns the filter off")
    default: Any = None
    has_default: bool = False
    example: Any
    description: str
    choices: list[Any] | None = None
    minimum: float | None = None
    maximum: float | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def required(self) -> bool:
        """Must be given: not optional and no default."""
        return not self.optional and not self.has_default

    def signature(self) -> str:
        """The parameter as the header writes it, e.g. `country: string? = null`."""
        text = f"{self.name}: {self.type}{'?' if self.optional else ''}"
        if self.has_default:
            text += f" = {json.dumps(self.default, ensure_ascii=False)}"
        return text

    def coerce(self, value: Any) -> Any:
        """The value as the query expects it, or QueryRefused naming this parameter."""
        if isinstance(value, str):
            value = unicodedata.normalize("NFC", value).strip()
        if value is None or value == "":
            if self.optional:
                return None
            raise QueryRefused(f"parameter {self.name!r} " + ("must not be empty" if value == "" else "may not be null"))
        out = _COERCE[self.type](self, value)
        if self.choices is not None and out not in self.choices:
            allowed = ", ".join(json.dumps(c, ensure_ascii=False) for c in self.choices)
            raise QueryRefused(f"parameter {self.name!r} must be one of {allowed}; got {value!r}")
        if self.minimum is not None and out < self.minimum:
            raise QueryRefused(f"parameter {self.name!r} must be at least {_num(self.minimum)}; got {value!r}")
        if self.maximum is not None and out > self.maximum:
            raise QueryRefused(f"parameter {self.name!r} must be at most {_num(self.maximum)}; got {value!r}")
        return out


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def _bad(p: QueryParam, value: Any, what: str) -> QueryRefused:
    return QueryRefused(f"parameter {p.name!r} must be {what}; got {value!r}")


def _to_string(p: QueryParam, v: Any) -> str:
    # the CLI reads `--param k=123` as JSON, so a number may arrive for a string parameter
    if isinstance(v, bool) or not isinstance(v, (str, int, float)):
        raise _bad(p, v, "a string")
    return v if isinstance(v, str) else str(v)


def _to_int(p: QueryParam, v: Any) -> int:
    if isinstance(v, bool):
        raise _bad(p, v, "an integer")
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str) and re.fullmatch(r"[+-]?\d+", v):
        return int(v)
    raise _bad(p, v, "an integer")


def _to_float(p: QueryParam, v: Any) -> float:
    if isinstance(v, bool):
        raise _bad(p, v, "a number")
    if isinstance(v, (int, float)):
        return float(v)
    try:
        return float(v)
    except (TypeError, ValueError):
        raise _bad(p, v, "a number") from None


def _to_bool(p: QueryParam, v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.lower() in ("true", "false", "yes", "no", "1", "0"):
        return v.lower() in ("true", "yes", "1")
    if isinstance(v, int) and v in (0, 1):
        return bool(v)
    raise _bad(p, v, "true or false")


def _to_date(p: QueryParam, v: Any) -> str:
    """An ISO date at the precision the data uses: YYYY, YYYY-MM or YYYY-MM-DD (kept as a string,
    since stored dates are strings of those precisions)."""
    if isinstance(v, dt.datetime):
        v = v.date()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, int) and not isinstance(v, bool):
        v = str(v)  # `--param date_from=2023` arrives as a JSON number
    if isinstance(v, str) and _DATE.match(v):
        parts = [int(x) for x in v.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            raise _bad(p, v, "a valid ISO date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
        return v
    raise _bad(p, v, "an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _to_list(p: QueryParam, v: Any) -> list[str]:
    if isinstance(v, str):
        v = [x for x in (s.strip() for s in v.split(",")) if x]  # `--param k=a,b`
    if not isinstance(v, (list, tuple)) or not v:
        raise _bad(p, v, "a non-empty list of strings")
    item = QueryParam(name=p.name, type="string", optional=False, example=None, description="")
    return [unicodedata.normalize("NFC", item.coerce(x)) for x in v]


_COERCE: dict[str, Callable[[QueryParam, Any], Any]] = {
    "string": _to_string, "int": _to_int, "float": _to_float, "bool": _to_bool, "date": _to_date,
    "list[string]": _to_list, "name": _to_string, "province": _to_string, "partner": _to_string,
    "entity": _to_string,
}
_KEYWORDS = {"CASE", "NULL", "TRUE", "FALSE", "NOT", "EXISTS", "WHEN", "THEN", "ELSE", "END"}


def fulltext_terms(key: str) -> str:
    """Every folded word as a prefix, for the full-text index (both engines read `word*`)."""
    return " ".join(f"{w}*" for w in key.split())


def bound_names(params: list[QueryParam]) -> set[str]:
    """The $names a query with these parameters may use: each parameter, and NAME_key for a `name`."""
    return ({p.name for p in params} | {p.name + s for p in params if p.type == "name" for s in ("_key", "_terms")}
            | {p.name + "_units" for p in params if p.type == "province"}
            | {p.name + s for p in params if p.type == "date" for s in ("_first", "_last")})


def check_labels(cypher: str, where: str) -> None:
    """Every label and relationship type in the code is one the ontology declares."""
    from graph.schema import load_schema

    schema = load_schema()
    known = set(schema.labels) | set(schema.rel_types)
    for m in _LABEL_REF.finditer(_NOT_CODE.sub(" ", cypher)):
        term = m.group(1) or m.group(2)
        if term and term not in known and term not in _KEYWORDS:
            raise CatalogError(f"{where}: {term!r} is not a label or relationship type of the ontology")


class NamedQuery(BaseModel):
    name: str
    title: str
    description_en: str
    description_vi: str
    params: list[QueryParam]
    mode: Literal["read"] = "read"
    timeout_ms: int | None = Field(default=None, description="the query's own time limit")
    max_rows: int | None = Field(default=None, description="the query's own row cap")
    texts: dict[str, str] = Field(description="Cypher per engine variant: 'default', or a store kind")
    files: dict[str, str] = Field(description="file name per engine variant")

    def variant_for(self, kind: str | None, params: dict[str, Any] | None = None) -> str:
        """Which file runs: a `when-PARAM` variant when PARAM is given, else the engine's, else the default."""
        for v in self.texts:
            if v.startswith(WHEN) and params and params.get(v[len(WHEN):]) is not None:
                return v
        return kind if kind in self.texts else DEFAULT_VARIANT

    def text_for(self, kind: str | None, params: dict[str, Any] | None = None) -> str:
        return self.texts[self.variant_for(kind, params)]

    def example_params(self) -> dict[str, Any]:
        """Parameters an analyst would try first: each required parameter's example."""
        return {p.name: p.example for p in self.params if p.required}

    def bind(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Validate and coerce raw parameters; every declared parameter is in the result (the Cypher
        refers to all of them), defaults filled in."""
        raw = dict(raw or {})
        known = {p.name for p in self.params}
        unknown = sorted(k for k in raw if k not in known)
        if unknown:
            expected = ", ".join(p.name for p in self.params) or "none"
            raise QueryRefused(f"unknown parameter {unknown[0]!r} for query {self.name!r} (parameters: {expected})")
        bound: dict[str, Any] = {}
        for p in self.params:
            if p.name in raw:
                bound[p.name] = p.coerce(raw[p.name])
            elif p.has_default:
                bound[p.name] = p.default
            elif p.optional:
                bound[p.name] = None
            else:
                raise QueryRefused(f"missing required parameter {p.name!r} for query {self.name!r} "
                                   f"(example: {json.dumps(p.example, ensure_ascii=False)})")
        return bound

    def derive(self, bound: dict[str, Any], kind: str | None = None) -> dict[str, Any]:
        """The derived parameters the query's text uses: NAME_key (folded), NAME_first / NAME_last
        (first and last day of a date)."""
        from graph.loader import first_day, last_day

        used = set().union(*(parameters_used(t) for t in self.texts.values()))
        out = dict(bound)
        for p in self.params:
            value = bound.get(p.name)
            if p.type == "name" and p.name + "_key" in used:
                out[p.name + "_key"] = fold(value) if value is not None else None
            if p.type == "name" and p.name + "_terms" in used:
                out[p.name + "_terms"] = fulltext_terms(fold(value)) if value is not None else None
            if p.type == "date":
                for suffix, fn in (("_first", first_day), ("_last", last_day)):
                    if p.name + suffix in used:
                        out[p.name + suffix] = fn(value) if value is not None else None
        return out


# -- parsing --------------------------------------------------------------------------------------

def split_header(text: str) -> tuple[list[str], str]:
    """The leading block of `//` lines, and the Cypher after it (comments there are the query's own)."""
    lines = text.splitlines()
    i = 0
    while i < len(lines) and lines[i].startswith("//"):
        i += 1
    return lines[:i], "\n".join(lines[i:]).strip() + "\n"


def parse_header(lines: list[str], where: str, *, view: bool = False) -> dict[str, Any]:
    fields: dict[str, str] = {}
    params: list[str] = []
    last: str | None = None
    for line in lines:
        if line.strip() == "//":
            last = None
            continue
        m = _KEY.match(line)
        if m and (m["key"] in _SINGLE_KEYS or m["key"] == "param"):
            key, value = m["key"], m["value"].strip()
            if key == "param":
                params.append(value)
                last = "param"
            else:
                if key in fields:
                    raise CatalogError(f"{where}: header key {key!r} appears twice")
                fields[key] = value
                last = key
            continue
        c = _CONT.match(line)
        if c and last is not None:
            # indented continuation of the previous value (long descriptions)
            if last == "param":
                params[-1] += " " + c["text"].strip()
            else:
                fields[last] += " " + c["text"].strip()
            continue
        raise CatalogError(f"{where}: malformed header line {line!r} (expected '// key: value'; "
                           "the header ends at the first line that is not a comment, e.g. a blank one)")
    for key in ("name", "title", "description.en", "mode") + (() if view else ("description.vi",)):
        if not fields.get(key):
            raise CatalogError(f"{where}: header has no {key!r}")
    if fields["mode"] != "read":
        raise CatalogError(f"{where}: mode must be 'read', got {fields['mode']!r}")
    for key in ("timeout_ms", "max_rows"):
        if key in fields and not re.fullmatch(r"[1-9]\d{0,8}", fields[key]):
            raise CatalogError(f"{where}: {key} must be a positive integer, got {fields[key]!r}")
    return {"fields": fields, "params": [_parse_param(p, where) for p in params]}


def _json(text: str, what: str, where: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise CatalogError(f"{where}: {what} {text!r} is not JSON") from None


def _parse_param(text: str, where: str) -> QueryParam:
    m = _PARAM.match(text)
    if not m:
        raise CatalogError(f"{where}: malformed parameter {text!r}; expected "
                           "'NAME: TYPE[?] [= DEFAULT] -- DESCRIPTION (example: VALUE)'")
    name, typ = m["name"], cast(ParamType, m["type"])
    if (m["lo"] or m["hi"]) and typ not in ("int", "float"):
        raise CatalogError(f"{where}: parameter {name!r}: a range needs an int or float parameter")
    optional = m["opt"] is not None
    has_default = m["default"] is not None
    default = _json(m["default"], f"default of {name!r}", where) if has_default else None
    choices = _json(m["choices"], f"choices of {name!r}", where) if m["choices"] else None
    param = QueryParam(
        name=name, type=typ, optional=optional, has_default=has_default, default=default,
        example=_json(m["example"].strip(), f"example of {name!r}", where), description=m["desc"].strip(),
        choices=choices, minimum=float(m["lo"]) if m["lo"] else None, maximum=float(m["hi"]) if m["hi"] else None,
    )
    # the header's own values must pass the checks analysts' values go through
    try:
        param.coerce(param.example)
        if has_default:
            param.coerce(default)
    except QueryRefused as exc:
        raise CatalogError(f"{where}: {exc}") from None
    return param


@lru_cache(maxsize=1024)
def parameters_used(cypher: str) -> frozenset[str]:
    """The $names in the code (cached: every run of a query asks it of the query's texts)."""
    return frozenset(_PARAM_REF.findall(_NOT_CODE.sub(" ", cypher)))


def parse_query_file(path: Path, *, view: bool = False) -> tuple[str, dict[str, Any], str]:
    """(variant, header, cypher) of one file, checked on its own."""
    where = path.name
    stem, _, variant = path.name.removesuffix(".cypher").partition(".")
    variant = variant or DEFAULT_VARIANT
    if variant != DEFAULT_VARIANT and variant not in ENGINES and not variant.startswith(WHEN):
        raise CatalogError(f"{where}: unknown engine variant {variant!r} (known: {', '.join(ENGINES)}; or when-PARAM)")
    lines, body = split_header(path.read_text(encoding="utf-8"))
    if not lines:
        raise CatalogError(f"{where}: no header (the file must start with '// name: ...')")
    header = parse_header(lines, where, view=view)
    fields = header["fields"]
    if fields["name"] != stem:
        raise CatalogError(f"{where}: header name {fields['name']!r} differs from the file name")
    engine = fields.get("engine")
    if variant.startswith(WHEN):
        known = {p.name: p for p in header["params"]}
        when = known.get(variant[len(WHEN):])
        if when is None or not when.optional:
            raise CatalogError(f"{where}: {variant!r} names no optional parameter of the query")
    elif engine is not None and engine != variant:
        raise CatalogError(f"{where}: header engine {engine!r} differs from the file name")
    if not body.strip():
        raise CatalogError(f"{where}: no Cypher after the header")
    try:
        vet_read_query(body, max_length=_VET_LENGTH, max_nesting=_VET_NESTING)
    except QueryRefused as exc:
        raise CatalogError(f"{where}: not a read-only query: {exc}") from None
    declared = [p.name for p in header["params"]]
    if len(set(declared)) != len(declared):
        raise CatalogError(f"{where}: a parameter is declared twice")
    used = parameters_used(body)
    if undeclared := sorted(used - bound_names(header["params"])):
        raise CatalogError(f"{where}: parameter ${undeclared[0]} is used but not declared in the header")
    if unused := sorted(p.name for p in header["params"]
                        if not used & {p.name, *(p.name + s for s in ("_key", "_terms", "_units", "_first", "_last"))}):
        raise CatalogError(f"{where}: parameter {unused[0]!r} is declared but never used")
    check_labels(body, where)
    return variant, header, body


def load_catalog(directory: Path, *, view: bool = False) -> dict[str, NamedQuery]:
    """Every query in a folder; variants are checked against their default file."""
    found: dict[str, dict[str, tuple[dict[str, Any], str, str]]] = {}
    for path in sorted(directory.glob("*.cypher")):
        variant, header, body = parse_query_file(path, view=view)
        found.setdefault(header["fields"]["name"], {})[variant] = (header, body, path.name)
    catalog: dict[str, NamedQuery] = {}
    for name, variants in sorted(found.items()):
        if DEFAULT_VARIANT not in variants:
            raise CatalogError(f"{name}: engine variants without a default {name}.cypher")
        header = variants[DEFAULT_VARIANT][0]
        for other, _, file in variants.values():
            same = {k: v for k, v in other["fields"].items() if k != "engine"} == header["fields"]
            if not same or other["params"] != header["params"]:
                raise CatalogError(f"{file}: the header must match {name}.cypher's (apart from 'engine')")
        f = header["fields"]
        catalog[name] = NamedQuery(
            name=name, title=f["title"], description_en=f["description.en"],
            description_vi=f.get("description.vi", ""), params=header["params"], mode=f["mode"],
            timeout_ms=int(f["timeout_ms"]) if "timeout_ms" in f else None,
            max_rows=int(f["max_rows"]) if "max_rows" in f else None,
            texts={v: body for v, (_, body, _) in variants.items()},
            files={v: file for v, (_, _, file) in variants.items()},
        )
    return catalog


def queries_dir() -> Path:
    return Path(str(resources.files("queries")))


def views_dir() -> Path:
    return queries_dir() / "views"


@lru_cache(maxsize=8)
def _cached(directory: str, view: bool = False) -> dict[str, NamedQuery]:
    return load_catalog(Path(directory), view=view)


def reload() -> None:
    """Forget the parsed files (after editing them in a running process)."""
    _cached.cache_clear()


# -- public API -----------------------------------------------------------------------------------

def list_queries() -> list[NamedQuery]:
    return list(_cached(str(queries_dir())).values())


def get_query(name: str) -> NamedQuery:
    catalog = _cached(str(queries_dir()))
    if name not in catalog:
        raise NotFound(f"no named query {name!r} (provkg query --list shows them)")
    return catalog[name]


def list_views() -> list[NamedQuery]:
    return list(_cached(str(views_dir()), True).values())


def get_view(name: str) -> NamedQuery:
    catalog = _cached(str(views_dir()), True)
    if name not in catalog:
        raise NotFound(f"no view query {name!r}")
    return catalog[name]


def execute(store: GraphStore, query: NamedQuery, raw_params: dict[str, Any], *, max_rows: int | None = None,
            as_of: str | None = None, include_predecessors: bool = True) -> QueryResult:
    """Bind, resolve entity parameters to ids, and run through the store's read-only path with the
    query's own time limit and row cap (a caller's cap may only lower it)."""
    from graph.resolve import resolve_params

    if "include_predecessors" not in raw_params and any(p.name == "include_predecessors" for p in query.params):
        # a query that rolls up by itself (no province parameter) takes the caller's choice too
        raw_params = {**raw_params, "include_predecessors": include_predecessors}
    params = resolve_params(store, query, query.derive(query.bind(raw_params), store.kind), as_of=as_of,
                            include_predecessors=include_predecessors)
    cap = min(x for x in (max_rows, query.max_rows) if x) if (max_rows or query.max_rows) else None
    return store.read(query.text_for(store.kind, params), params, max_rows=cap, timeout_ms=query.timeout_ms)


def run_view(store: GraphStore, name: str, params: dict[str, Any], *, max_rows: int | None = None) -> QueryResult:
    """Run one of the API's read models (queries/views/NAME.cypher)."""
    return execute(store, get_view(name), params, max_rows=max_rows)


def run_query(store: GraphStore, name: str, raw_params: dict[str, Any], *, max_rows: int | None = None,
              as_of: str | None = None, include_predecessors: bool = True) -> QueryResult:
    """Run a named query through the store's read-only path, picking the store's engine variant;
    province, partner and entity parameters given by name become the id of the entity they name
    (the unit valid at as_of, default today, when a name fits several)."""
    return execute(store, get_query(name), raw_params, max_rows=max_rows, as_of=as_of,
                   include_predecessors=include_predecessors)


def explain(name: str, raw_params: dict[str, Any], *, kind: str | None = None) -> str:
    """The Cypher that would run, with the bound parameters shown as a Cypher-browser `:params`
    line. Text only: nothing is sent to an engine (FalkorDB's EXPLAIN would execute the query)."""
    query = get_query(name)
    bound = query.bind(raw_params)
    variant = query.variant_for(kind, bound)
    params = query.derive(bound, kind)
    for p in query.params:  # no store here: a province stands for itself alone
        if p.type == "province" and p.name + "_units" in parameters_used(query.texts[variant]):
            params[p.name + "_units"] = [bound[p.name]] if bound[p.name] is not None else []
    lines = [f"// {query.name}: {query.title}", f"// file: queries/{query.files[variant]}",
             "// parameters as bound:"]
    for p in query.params:
        lines.append(f"//   {p.signature()}  ->  {json.dumps(params[p.name], ensure_ascii=False)}")
    if any(p.type in ENTITY_TYPES for p in query.params):
        lines.append("// province, partner and entity parameters take ids here: a run resolves names to ids "
                     "(and NAME_units to the unit and its predecessors)")
    lines.append(":params " + json.dumps(params, ensure_ascii=False))
    return "\n".join(lines) + "\n" + query.texts[variant]
