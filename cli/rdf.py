"""`provkg export` and `provkg validate`: RDF out of the graph, checked against shapes.ttl."""

from __future__ import annotations

import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cli.main import app, err, fail, open_store, out, settings
from core.errors import ProvkgError


class RdfFmt(str, Enum):
    ttl = "ttl"
    nt = "nt"
    nq = "nq"
    jsonld = "jsonld"
    rdfxml = "rdfxml"


_SUFFIXES = {".ttl": "ttl", ".turtle": "ttl", ".nt": "nt", ".ntriples": "nt", ".nq": "nq", ".nquads": "nq",
             ".jsonld": "jsonld", ".json": "jsonld", ".rdf": "rdfxml", ".xml": "rdfxml", ".owl": "rdfxml"}


@app.command("export")
def export_cmd(
    fmt: Annotated[RdfFmt, typer.Option("--format", help="RDF syntax")] = RdfFmt.ttl,
    out_file: Annotated[Path | None, typer.Option("--out", help="File to write (default: stdout)")] = None,
    with_dataset: Annotated[bool, typer.Option("--with-dataset",
                                               help="Append the DCAT/VoID description of the dataset")] = False,
    page_size: Annotated[int, typer.Option(min=1, max=100_000, help="Nodes read per query")] = 5_000,
    wikidata_qs: Annotated[bool, typer.Option("--wikidata-qs", help="Instead of RDF, write QuickStatements for "
                                              "the partnerships' P190 twinning statements (nothing is uploaded)")
                           ] = False,
    known: Annotated[Path | None, typer.Option("--known", help="With --wikidata-qs: a CSV/TSV of QID pairs "
                                               "Wikidata already has (e.g. from its query service), left out")
                     ] = None,
) -> None:
    """Export the whole graph as RDF (read page by page from the store; N-Triples/N-Quads line by line)."""
    from graph.rdf import export

    s = settings()
    store = open_store(s)
    if wikidata_qs:
        _quickstatements(store, out_file, known)
        return
    started = time.perf_counter()
    try:
        if out_file is None:
            stats = export(store, s, fmt.value, sys.stdout.buffer, with_dataset=with_dataset, page_size=page_size)
            sys.stdout.buffer.flush()
        else:
            # write beside the target and rename, so a failed export never leaves half a file behind
            tmp = out_file.with_name(out_file.name + ".part")
            try:
                with tmp.open("wb") as fh:
                    stats = export(store, s, fmt.value, fh, with_dataset=with_dataset, page_size=page_size)
                os.replace(tmp, out_file)
            finally:
                tmp.unlink(missing_ok=True)
    except ProvkgError as exc:
        raise fail(exc) from None
    except OSError as exc:
        err.print(f"[red]cannot write {out_file}:[/red] {exc}")
        raise typer.Exit(1) from None
    took = time.perf_counter() - started
    where = str(out_file) if out_file else "stdout"
    err.print(f"exported {stats.triples} triples ({stats.entities} entities, {stats.edges} relationships) "
              f"as {fmt.value} to {where} in {took:.1f} s", soft_wrap=True)
    if stats.reified_edge_keys:
        err.print(f"[yellow]{stats.reified_edge_keys} relationship keys were on no qualified node; "
                  "they are exported as rdf:Statement reifications[/yellow]", soft_wrap=True)


def _quickstatements(store: object, out_file: Path | None, known_file: Path | None) -> None:
    from graph.wikidata import quickstatements, read_known, twinnings

    try:
        known = read_known(known_file) if known_file else None
        items = twinnings(store)  # type: ignore[arg-type]
    except ProvkgError as exc:
        raise fail(exc) from None
    except OSError as exc:
        err.print(f"[red]cannot read {known_file}:[/red] {exc}")
        raise typer.Exit(2) from None
    lines = list(quickstatements(items, known))
    text = "".join(line + "\n" for line in lines)
    if out_file is None:
        sys.stdout.write(text)
    else:
        out_file.write_text(text, encoding="utf-8")
    skipped = len(items) - len(lines) // 2
    err.print(f"{len(lines)} QuickStatements for {len(lines) // 2} twinnings"
              + (f" ({skipped} already in Wikidata)" if known else "")
              + f" to {out_file or 'stdout'}; review them, then paste into QuickStatements", soft_wrap=True)


def _parse(path: Path, fmt: str | None) -> object:
    from rdflib import Dataset, Graph

    from graph.rdf import FORMATS

    key = fmt or _SUFFIXES.get(path.suffix.lower())
    if key is None:
        err.print(f"[red]cannot tell the RDF syntax of {path.name}; pass --format[/red] "
                  f"({', '.join(f.value for f in RdfFmt)})")
        raise typer.Exit(2)
    if key == "nq":
        ds = Dataset()
        ds.parse(path, format="nquads")
        merged = Graph()
        for quad in ds.quads((None, None, None, None)):
            merged.add(quad[:3])
        return merged
    return Graph().parse(path, format=FORMATS[key].rdflib_format)


@app.command("validate")
def validate_cmd(
    file: Annotated[Path | None, typer.Argument(help="An RDF file (default: a fresh export of the store)")] = None,
    fmt: Annotated[RdfFmt | None, typer.Option("--format", help="Syntax of FILE (default: from its suffix)")] = None,
    show: Annotated[int, typer.Option(min=1, help="Focus nodes listed per group")] = 10,
) -> None:
    """Check RDF against shapes.ttl (with ontology.ttl): exit 0 if it conforms, 1 if not."""
    from rdflib import Graph

    from graph.shapes import format_report, validate

    if file is not None:
        if not file.is_file():
            err.print(f"[red]no such file: {file}[/red]")
            raise typer.Exit(2)
        try:
            data = _parse(file, fmt.value if fmt else None)
        except typer.Exit:
            raise
        except Exception as exc:  # noqa: BLE001 - every parser has its own error types
            err.print(f"[red]{file} is not valid {fmt.value if fmt else 'RDF'}:[/red] {exc}")
            raise typer.Exit(2) from None
        source = str(file)
    else:
        from graph.rdf import graph_triples, to_rdflib

        s = settings()
        try:
            data = to_rdflib(graph_triples(open_store(s), s))
        except ProvkgError as exc:
            raise fail(exc) from None
        source = "the store"
    assert isinstance(data, Graph)
    report = validate(data)
    out.print(f"{source}: ", end="", highlight=False)
    for line in format_report(report, per_group=show):
        out.print(line, highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(0 if report.conforms else 1)
