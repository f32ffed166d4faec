"""The `provkg` command line. Exit codes: 0 ok, 1 partial failure, 2 usage or configuration error."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from core.errors import ConfigError, InputError, NotFound, ProvkgError, QueryFailed, QueryRefused, StoreUnavailable
from core.settings import Settings, get_settings

app = typer.Typer(help="provkg: a knowledge graph of Vietnamese provinces' foreign relations.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
store_app = typer.Typer(help="Start, stop and inspect the embedded FalkorDB server.", no_args_is_help=True)
app.add_typer(store_app, name="store")
# piped output is not a screen: rich would cut tables at 80 columns; let rows be as wide as they are
out = Console() if sys.stdout.isatty() else Console(width=100_000)
err = Console(stderr=True)


class Fmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def settings() -> Settings:
    try:
        return get_settings()
    except ConfigError as exc:
        err.print(f"[red]configuration error:[/red] {exc}")
        raise typer.Exit(2) from None


def fail(exc: ProvkgError, code: int = 1) -> typer.Exit:
    err.print(f"[red]{type(exc).__name__}:[/red] {exc}")
    return typer.Exit(code)


_stores: dict[int, Any] = {}


def as_of_day(value: str | None) -> str | None:
    """--as-of as an ISO day, refused (exit 2) when it is not one."""
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryRefused(f"--as-of must be a date YYYY-MM-DD; got {value!r}") from None


def with_store(fn: Callable[[Any], Any]) -> Any:
    """fn(store) with the store errors mapped to exit codes once: 2 for what the user can fix (an
    unknown name, a refused query, bad input), 1 for the store failing."""
    try:
        return fn(open_store(settings()))
    except (NotFound, QueryRefused, InputError) as exc:
        raise fail(exc, 2) from None
    except ProvkgError as exc:
        raise fail(exc, 1) from None
    except OSError as exc:  # the embedded server could not start (data dir unusable, …)
        err.print(f"store failure: {exc}", markup=False)
        raise typer.Exit(1) from None




def open_store(s: Settings) -> Any:
    """The process's one store (and so one driver or connection pool), closed when the command ends."""
    import atexit

    from graph.store import open_store as _open

    if id(s) not in _stores:
        try:
            _stores[id(s)] = _open(s)
        except ProvkgError as exc:
            raise fail(exc, 2) from None
        atexit.register(_stores[id(s)].close)
    return _stores[id(s)]


def parse_params(pairs: list[str] | None) -> dict[str, Any]:
    """--param k=v; values are JSON when they parse as JSON (numbers, lists), else strings."""
    import json

    params: dict[str, Any] = {}
    for pair in pairs or []:
        if "=" not in pair:
            err.print(f"[red]--param needs key=value, got {pair!r}[/red]")
            raise typer.Exit(2)
        k, v = pair.split("=", 1)
        try:
            params[k] = json.loads(v)
        except ValueError:
            params[k] = v
    return params


# -- store ---------------------------------------------------------------------------------------

@store_app.command("start")
def store_start() -> None:
    """Start the embedded server for PROVKG_DATA_DIR (reuses one that already runs)."""
    from graph.embedded import EmbeddedServer

    s = settings()
    server = EmbeddedServer(s.data_path, s.fsync)
    try:
        started = server.start()
    except ProvkgError as exc:
        raise fail(exc) from None
    out.print(("started" if started else "already running") + f": {server.socket}")


@store_app.command("stop")
def store_stop() -> None:
    """Stop the embedded server cleanly (the append-only file is flushed)."""
    from graph.embedded import EmbeddedServer

    s = settings()
    stopped = EmbeddedServer(s.data_path, s.fsync).stop()
    out.print("stopped" if stopped else "not running")


@store_app.command("status")
def store_status(fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.table) -> None:
    """Where the data lives and whether the server runs."""
    import json

    from graph.embedded import EmbeddedServer

    s = settings()
    if s.store == "neo4j":
        st = open_store(s)
        info = {"store": "neo4j", "uri": s.neo4j_uri, "database": s.neo4j_database, "reachable": st.ping()}
    else:
        info = {"store": "embedded", **EmbeddedServer(s.data_path, s.fsync).status()}
    if fmt == Fmt.json:
        out.print_json(json.dumps(info))
    else:
        for k, v in info.items():
            out.print(f"{k:>10}: {v}")


# -- queries ---------------------------------------------------------------------------------------

@app.command()
def cypher(
    query: Annotated[str, typer.Argument(help="A read-only Cypher query.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value (repeatable)")] = None,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.table,
) -> None:
    """Run read-only Cypher (writes are refused before sending and by the engine)."""
    from cli.output import render
    from graph.guard import vet_read_query
    from graph.plans import read_checked

    s = settings()
    try:
        vet_read_query(query, max_length=s.max_query_length, max_nesting=s.max_query_nesting)
        res, warning = read_checked(open_store(s), query, parse_params(param))
    except (QueryRefused, QueryFailed) as exc:
        raise fail(exc, 2) from None
    except StoreUnavailable as exc:
        raise fail(exc) from None
    if warning:
        typer.echo(f"warning: {warning}", err=True)
    text = render(res.columns, res.rows, fmt.value, truncated=res.truncated, console=out)
    if text is not None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


@app.command()
def stats(fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.table) -> None:
    """Counts of nodes by label and relationships by type."""
    from cli.output import render
    from graph.stats import graph_counts

    s = settings()
    try:
        counts = graph_counts(open_store(s))
    except ProvkgError as exc:
        raise fail(exc) from None
    rows = [["node", k, v] for k, v in counts["nodes"].items()] + \
           [["relationship", k, v] for k, v in counts["relationships"].items()]
    text = render(["kind", "name", "count"], rows, fmt.value, console=out)
    if text is not None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _report(summary: Any, fmt: Fmt) -> None:
    import json

    if fmt == Fmt.json:
        sys.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        unchanged = f"  unchanged: {summary.unchanged}" if summary.verb == "loaded" else ""
        out.print(f"articles: {summary.articles}  {summary.verb}: {summary.loaded}{unchanged}  "
                  f"failed: {len(summary.failed)}")
        if summary.facts:
            out.print(f"facts {summary.verb}: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.facts.items())))
        elif summary.unchanged:
            out.print("facts: none reloaded (unchanged articles are skipped; --force reloads them)")
        # a whole article without a province is worth a line; the scorer's rejected candidates are
        # many and normal, so they are counted here and explained one by one by `extract --explain`
        by_section: dict[str, int] = {}
        for src, section, reason in summary.rejected:
            if section == "document":
                out.print(f"[yellow]rejected[/yellow] {src}: {reason}")
            else:
                by_section[section] = by_section.get(section, 0) + 1
        if by_section:
            out.print("rejected candidates: " + ", ".join(f"{k} {v}" for k, v in sorted(by_section.items()))
                      + " (provkg extract --explain FILE shows each with its reason; --format json lists them)")
        for _, error in summary.failed:
            err.print(f"[red]failed[/red] {error}")


def _progress_run(inputs: list[str], on_facts: Any, *, verb: str = "loaded", follow_links: bool = False) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ingest.read import read_all
    from ingest.run import default_workers, run

    s = settings()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
                  transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("articles", total=None)
        items = list(read_all(inputs, s.max_article_bytes, s.url_timeout_s, follow_links=follow_links))
        # forked workers share what the parent loaded: a pool pays off from about 8 articles
        workers = min(default_workers(), max(1, len(items) // 8))
        return run(items, on_facts, tick=lambda _src: progress.advance(task), workers=workers, verb=verb)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs")],
    out_dir: Annotated[Path | None, typer.Option("--out", help="Folder for one <stem>.json per article")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="Summary format")] = Fmt.table,
    explain: Annotated[bool, typer.Option("--explain", help="Print candidates, features, scores and decisions "
                                                            "instead of writing files")] = False,
    follow_links: Annotated[bool, typer.Option(help="Read links that lead out of a given folder")] = False,
) -> None:
    """Extract facts to JSON files in the gold annotation shape (no store needed)."""
    from ingest.run import write_gold

    if explain:
        from ingest.explain import explain as explain_article
        from ingest.read import read_all

        s = settings()
        for item in read_all(paths, s.max_article_bytes, s.url_timeout_s, follow_links=follow_links):
            if isinstance(item, ProvkgError):
                err.print(str(item))
                continue
            sys.stdout.write(explain_article(item))
        raise typer.Exit(0)
    if out_dir is None:
        raise fail(InputError("--out DIR is needed (or --explain)")) from None

    summary = _progress_run(paths, write_gold(out_dir), verb="written", follow_links=follow_links)
    _report(summary, fmt)
    raise typer.Exit(summary.exit_code)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs")],
    force: Annotated[bool, typer.Option(help="Reload articles whose content is unchanged")] = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="Summary format")] = Fmt.table,
    follow_links: Annotated[bool, typer.Option(help="Read links that lead out of a given folder")] = False,
    first_load: Annotated[bool, typer.Option(
        "--first-load", help="Into a store that holds only the reference data: extract everything, then load it "
                             "in one bulk pass (GRAPH.BULK on the embedded store), indexes built after")] = False,
) -> None:
    """Extract facts and load them into the graph, one transaction per article.

    Inputs: .txt, .html/.htm, .jsonl/.ndjson files, folders (recursive) and http(s) URLs. A .jsonl
    file holds one article per line, a JSON object with the fields "text" (required: the article
    text), "url" (where it was published), "title" (its headline) and "published" (an ISO date:
    YYYY, YYYY-MM, YYYY-MM-DD, optionally THH:MM); each line loads or fails on its own.
    """
    from graph.loader import Loader
    from graph.reference import load_reference
    from graph.sparql import ingest_hook as sparql_hook
    from ingest.gazetteer import gazetteer

    s = settings()
    store = open_store(s)
    try:
        store.ensure_schema()
        loader = Loader(store, batch_size=s.batch_size, after_load=None if first_load else sparql_hook(s, store))
        load_reference(loader, gazetteer())
    except ProvkgError as exc:
        raise fail(exc) from None
    if first_load:
        _first_load(s, store, paths, fmt, follow_links)
    summary = _progress_run(paths, lambda _raw, facts: loader.load_article(facts, force=force),
                            follow_links=follow_links)
    _report(summary, fmt)
    raise typer.Exit(summary.exit_code)


def _first_load(s: Settings, store: Any, paths: list[str], fmt: Fmt, follow_links: bool) -> None:
    """Every article extracted first (kept in memory), then one bulk load of them all: no article
    is in the graph until all are (a failure leaves the store as it was, reference data and all)."""
    from graph.bulk import load_articles

    extracted: list[Any] = []
    summary = _progress_run(paths, lambda _raw, facts: extracted.append(facts), follow_links=follow_links)
    try:
        load_articles(store, extracted)
        if s.sparql_sync:
            from graph.sparql import Mirror

            Mirror(s).rebuild(store)  # one pass over the new graph instead of one sync per article
    except ProvkgError as exc:
        raise fail(exc) from None
    _report(summary, fmt)
    raise typer.Exit(summary.exit_code)



@app.command()
def lookup(
    name: Annotated[str, typer.Argument(help="A name as the press writes it")],
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 filter")] = None,
    on: Annotated[str | None, typer.Option(help="Date (YYYY-MM-DD) for pre/post-2025 provinces")] = None,
    limit: int = 10,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.table,
) -> None:
    """Ranked candidate entities for a name, with ids, ISO codes, type, country and validity."""
    from cli.output import render
    from ingest.gazetteer import gazetteer

    rows = []
    for entry, score, how in gazetteer().lookup(name, country=country, on=on, limit=limit):
        e = entry.entity
        rows.append({"id": e.id, "type": e.type, "name": e.name, "name_en": e.name_en,
                     "iso3166_1": e.country, "iso3166_2": e.iso3166_2, "valid_from": entry.valid_from,
                     "valid_to": entry.valid_to, "successor": e.successor, "wikidata": entry.wikidata,
                     "score": score, "match": how})
    if fmt == Fmt.json:
        import json

        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        cols = ["id", "type", "name", "iso3166_1", "iso3166_2", "valid_to", "score", "match"]
        text = render(cols, [[r[c] for c in cols] for r in rows], fmt.value, console=out)
        if text is not None:
            sys.stdout.write(text)
    if not rows:
        raise typer.Exit(1)


@app.command()
def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the REST API (OpenAPI docs at /docs)."""
    import uvicorn

    from api.app import uvicorn_options
    from api.settings import get_api_settings

    settings()
    try:
        api_settings = get_api_settings()
    except ConfigError as exc:
        err.print(f"[red]configuration error:[/red] {exc}")
        raise typer.Exit(2) from None
    import errno
    import socket

    probe = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    try:
        probe.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            err.print(f"[red]port {port} on {host} is taken[/red] (another `make run` or `provkg serve`?); "
                      f"choose another: [bold]make run PORT={port + 1}[/bold] or provkg serve --port {port + 1}")
            raise typer.Exit(2) from None
        err.print(f"[red]cannot listen on {host}:{port}:[/red] {exc.strerror}")
        raise typer.Exit(2) from None
    finally:
        probe.close()
    base = f"http://{'[' + host + ']' if ':' in host else host}:{port}"

    class Server(uvicorn.Server):
        async def startup(self, sockets: Any = None) -> None:
            await super().startup(sockets)
            if self.started:
                out.print(f"ready: explorer {base}/  API docs {base}/docs  API {base}/provinces  (Ctrl-C stops)")

    # uvloop's event loop and httptools' parser: 1.05-1.25x the throughput of asyncio + h11 (BENCHMARKS.md)
    config = uvicorn.Config("api.app:create_app", factory=True, host=host, port=port, log_level="info",
                            loop="uvloop", http="httptools", **uvicorn_options(api_settings))
    Server(config).run()


@app.command("schema")
def schema_cmd(write: Annotated[bool, typer.Option(help="Regenerate graph/schema.json and shapes.ttl")] = False
               ) -> None:
    """Print (or regenerate) the graph schema derived from ontology.ttl."""
    from core.settings import PROJECT_ROOT
    from graph.schema import schema_json

    text = schema_json(settings().ontology)
    if write:
        (PROJECT_ROOT / "graph" / "schema.json").write_text(text, encoding="utf-8")
        try:
            from graph.shapes import shapes_turtle
        except ImportError:
            pass
        else:
            (PROJECT_ROOT / "shapes.ttl").write_text(shapes_turtle(), encoding="utf-8")
        out.print("wrote graph/schema.json and shapes.ttl")
    else:
        sys.stdout.write(text)


# commands defined in their own modules register themselves on `app`
from cli import provinces, queries, rdf, sparql  # noqa: E402,F401


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    # `python -m cli.main` runs this file as __main__, a second copy of the module; the commands other
    # modules registered live on the importable cli.main.app
    from cli.main import app as _app

    _app()
