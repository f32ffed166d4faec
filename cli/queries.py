"""`provkg query`: the named query library (see queries/README.md).

Exit codes: 0 ok, 1 the store failed (unreachable, timeout), 2 bad usage, unknown query or bad
parameter.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from cli.main import Fmt, app, as_of_day, err, fail, out, parse_params, settings, with_store
from core.errors import NotFound, ProvkgError, QueryRefused


def _emit(columns: list[str], rows: list[list[Any]], fmt: Fmt, truncated: bool = False) -> None:
    from cli.output import render

    text = render(columns, rows, fmt.value, truncated=truncated, console=out)
    if text is not None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _list(fmt: Fmt) -> None:
    from graph.catalog import list_queries

    queries = list_queries()
    if fmt == Fmt.json:
        sys.stdout.write(json.dumps([q.model_dump(exclude={"texts"}) for q in queries], ensure_ascii=False,
                                    indent=2) + "\n")
        return
    rows = [[q.name, q.title, ", ".join(p.signature() for p in q.params)] for q in queries]
    _emit(["name", "title", "parameters"], rows, fmt)


def _describe(name: str, fmt: Fmt) -> None:
    from graph.catalog import get_query

    q = get_query(name)
    if fmt == Fmt.json:
        sys.stdout.write(json.dumps(q.model_dump(), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == Fmt.table:
        out.print(f"[bold]{q.name}[/bold]: {q.title}", markup=True, highlight=False)
        out.print(q.description_en, markup=False, highlight=False)
        out.print(q.description_vi, markup=False, highlight=False)
    rows = [[p.name, p.type, "yes" if p.required else "no",
             json.dumps(p.default, ensure_ascii=False) if p.has_default else "",
             json.dumps(p.example, ensure_ascii=False), p.description] for p in q.params]
    _emit(["parameter", "type", "required", "default", "example", "description"], rows, fmt)


@app.command("query")
def query_cmd(
    name: Annotated[str | None, typer.Argument(help="Query name; `provkg query --list` shows them all")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value (repeatable)")] = None,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.table,
    list_: Annotated[bool, typer.Option("--list", help="List the queries (with NAME: its parameters)")] = False,
    explain_: Annotated[bool, typer.Option("--explain", help="Print the Cypher and bound parameters; run nothing")]
    = False,
    max_rows: Annotated[int | None, typer.Option("--max-rows", min=1, help="Cap on returned rows")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="A province name means the unit valid on this day "
                                              "(YYYY-MM-DD; default today)")] = None,
    predecessors: Annotated[bool, typer.Option("--include-predecessors/--no-include-predecessors",
                                               "--predecessors/--no-predecessors",
                                               help="A unit formed in the 2025 reform answers with its "
                                               "predecessors' facts too")] = True,
) -> None:
    """Run a named query from the analysts' library (read-only)."""
    from graph.catalog import explain, get_query, run_query

    try:
        if list_:
            if name:
                _describe(name, fmt)
            else:
                _list(fmt)
            return
        if not name:
            err.print("give a query name, or --list to see them")
            raise typer.Exit(2)
        params = parse_params(param)
        if explain_:
            # text only: no store is opened, nothing is sent to an engine
            sys.stdout.write(explain(name, params, kind=settings().store))
            return
        get_query(name).bind(params)  # refuse a bad parameter before starting or reaching a store
        day = as_of_day(as_of)
    except (NotFound, QueryRefused) as exc:
        raise fail(exc, 2) from None
    except ProvkgError as exc:
        raise fail(exc, 1) from None
    res = with_store(lambda st: run_query(st, name, params, max_rows=max_rows, as_of=day,
                                          include_predecessors=predecessors))
    _emit(res.columns, res.rows, fmt, res.truncated)
