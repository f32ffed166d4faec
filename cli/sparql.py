"""`provkg sparql` and `provkg sparql-sync`: SPARQL over the mirror of the graph, and keeping it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from cli.main import Fmt, app, err, fail, open_store, out, settings
from core.errors import ProvkgError, QueryFailed, QueryRefused

# CONSTRUCT and DESCRIBE give triples: each --format maps to an RDF syntax
_GRAPH_FORMAT = {"table": "turtle", "json": "jsonld", "csv": "nt"}


@app.command("sparql-sync")
def sparql_sync(
    changed: Annotated[bool, typer.Option("--changed", help="Only sync documents that differ (rebuild if needed)")
                       ] = False,
) -> None:
    """Rebuild the SPARQL store under the data dir from the graph (or catch up with --changed)."""
    from graph.sparql import Mirror

    s = settings()
    mirror = Mirror(s)
    try:
        stats = mirror.repair(open_store(s)) if changed else mirror.rebuild(open_store(s))
    except ProvkgError as exc:
        raise fail(exc) from None
    what = "rebuilt" if stats.rebuilt else f"synced {stats.documents} changed documents"
    err.print(f"SPARQL store {what} ({stats.inserted} triples written) in {stats.seconds:.2f} s: {mirror.root}",
              soft_wrap=True)


@app.command("sparql")
def sparql_cmd(
    query: Annotated[str | None, typer.Argument(help="A SPARQL query; '-' reads it from stdin")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from a file "
                                              "(e.g. queries/sparql/partners_of_province.rq)")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="table, json or csv (CONSTRUCT/DESCRIBE: Turtle, "
                                                      "JSON-LD or N-Triples)")] = Fmt.table,
    max_rows: Annotated[int | None, typer.Option(min=1, help="Row cap (default PROVKG_MAX_ROWS)")] = None,
    sync: Annotated[bool, typer.Option(help="Catch the store up with the graph first")] = True,
) -> None:
    """Run a read-only SPARQL query on the RDF view of the graph."""
    from graph.rdf import prefixes
    from graph.sparql import Mirror, wikidata_graph
    from graph.sparql_exec import execute, vet

    if file is not None:
        text = file.read_text(encoding="utf-8")
    elif query == "-":
        text = sys.stdin.read()
    elif query:
        text = query
    else:
        err.print("[red]give a query, '-' for stdin, or --file[/red]")
        raise typer.Exit(2)
    s = settings()
    mirror = Mirror(s)
    try:
        form = vet(text, s.max_query_length)
        graph_form = form in ("construct", "describe")
        key = _GRAPH_FORMAT[fmt.value] if graph_form else ("csv" if fmt == Fmt.csv else "json")
        if sync or not mirror.built:
            mirror.repair(open_store(s))
        with mirror.reading() as r:
            assert r.store is not None  # reading() opens it or raises
            res = execute(r.store, text, key, max_rows=max_rows or s.max_rows, timeout_ms=s.query_timeout_ms,
                          named_graphs=[wikidata_graph(s)], max_length=s.max_query_length, prefixes=prefixes(s))
    except ProvkgError as exc:
        raise fail(exc, 2 if isinstance(exc, QueryRefused | QueryFailed) else 1) from None
    if res.cut:
        err.print(f"[yellow]cut at the {'row cap' if res.cut == 'rows' else 'time limit'} "
                  f"after {res.rows} {'triples' if graph_form else 'rows'}[/yellow]")
    if graph_form or fmt == Fmt.csv:
        sys.stdout.buffer.write(res.body)
        sys.stdout.flush()
        return
    body = json.loads(res.body)
    if "boolean" in body:
        out.print("true" if body["boolean"] else "false")
        return
    cols = body["head"]["vars"]
    rows = [[b[c]["value"] if c in b else None for c in cols] for b in body["results"]["bindings"]]
    if fmt == Fmt.json:
        sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
        return
    from cli.output import render

    render(cols, rows, "table", console=out)
