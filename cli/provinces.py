"""`provkg provinces`, `provkg province`, `provkg search`: the API's province list, detail and search
on the command line, with the same rows (graph.views) and the same choice across the 2025 reform:
`--as-of` (a name shared by units before and after it means the unit valid that day; for the list,
only the units valid that day) and `--include-predecessors/--no-include-predecessors` (a unit formed
in the reform counts what the units merged into it did, shown apart as inherited).

Exit codes: 0 ok, 1 the store failed, 2 bad usage or an unknown name (with the closest names).
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from cli.main import Fmt, app, as_of_day, err, fail, out, with_store
from core.errors import QueryRefused

AsOf = Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD: a name shared across the 2025 reform means "
                                          "the unit valid on this day (default today)")]
WithPredecessors = Annotated[bool, typer.Option("--include-predecessors/--no-include-predecessors",
                                                help="A unit formed in the 2025 reform also counts what the units "
                                                "merged into it did (shown apart as inherited)")]
KINDS = ("partners", "agreements", "events", "observations", "documents")


def _names(units: list[dict[str, Any]] | None) -> str:
    return ", ".join(f"{u['name']} ({u['id']})" for u in units or [])


def _emit(columns: list[str], rows: list[list[Any]], fmt: Fmt) -> None:
    from cli.output import render

    text = render(columns, rows, fmt.value, console=out)
    if text is not None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _row(item: dict[str, Any]) -> list[Any]:
    own, inherited = item.get("counts") or {}, item.get("inherited_counts") or {}
    return [item["id"], item["name"], item.get("current"), item.get("partners"), own.get("partners"),
            inherited.get("partners"), _names(item.get("rolled_up_from"))]


ROW_COLUMNS = ["id", "name", "current", "partners", "own", "inherited", "inherited_from"]


@app.command("provinces")
def provinces_cmd(
    current: Annotated[bool | None, typer.Option("--current/--dissolved", help="Only the 34 units since 2025-07-01, "
                                                 "or only those dissolved in the reform")] = None,
    region: Annotated[str | None, typer.Option(help="Socio-economic region as stored")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD: only the units valid on this day")] = None,
    include_predecessors: WithPredecessors = True,
    sort: Annotated[str, typer.Option(help="name, id or partners")] = "name",
    limit: Annotated[int, typer.Option(min=1, max=500)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.table,
) -> None:
    """Provinces with their partner counts: `partners` is the unit's own plus, for a unit formed in the
    2025 reform, its predecessors' (`inherited`, from `inherited_from`)."""
    from graph import views as V

    if sort not in ("name", "id", "partners"):
        raise fail(QueryRefused(f"--sort must be name, id or partners; got {sort!r}"), 2)
    items, total = with_store(lambda st: V.provinces(st, current=current, region=region, as_of=as_of_day(as_of), sort=sort,
                                               include_predecessors=include_predecessors, limit=limit,
                                               offset=offset))
    if fmt == Fmt.json:
        _json({"total": total, "limit": limit, "offset": offset, "items": items})
        return
    _emit(ROW_COLUMNS, [_row(i) for i in items], fmt)
    if fmt == Fmt.table:
        err.print(f"{len(items)} of {total}")


@app.command("province")
def province_cmd(
    key: Annotated[str, typer.Argument(help="An id (VN-25) or any spelling of a name (quang tri)")],
    as_of: AsOf = None,
    include_predecessors: WithPredecessors = True,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.table,
) -> None:
    """One province: validity, the units merged into it or the unit it merged into, and its counts
    own, inherited and total."""
    from graph import views as V

    item = with_store(lambda st: V.province(st, key, as_of=as_of_day(as_of), include_predecessors=include_predecessors))
    if fmt == Fmt.json:
        _json(item)
        return
    if fmt == Fmt.table:
        valid = f"{item.get('valid_from') or '…'} – {item.get('valid_to') or '…'}"
        out.print(f"[bold]{item['name']}[/bold] ({item['id']})  valid {valid}", highlight=False)
        if item.get("successors"):
            out.print(f"merged into {_names(item['successors'])}", highlight=False)
        if item.get("rolled_up_from"):
            out.print(f"inherits from {_names(item['rolled_up_from'])}", highlight=False)
    own, inh, tot = item["counts"], item["inherited_counts"], item["total_counts"]
    _emit(["what", "own", "inherited", "total"], [[k, own[k], inh[k], tot[k]] for k in KINDS], fmt)


@app.command("search")
def search_cmd(
    q: Annotated[str, typer.Argument(help="Any part of a name, accents and case ignored")],
    type_: Annotated[list[str] | None, typer.Option("--type", help="Only this kind (repeatable)")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100)] = 20,
    as_of: AsOf = None,
    include_predecessors: WithPredecessors = True,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.table,
) -> None:
    """Entities by name, best first, with the counts by kind; a province dissolved in the 2025 reform
    comes with the unit it merged into (and that unit's counts, rolled up)."""
    from graph import views as V

    res = with_store(lambda st: V.search(st, q, types=type_, limit=limit, as_of=as_of_day(as_of),
                                   include_predecessors=include_predecessors))
    if fmt == Fmt.json:
        _json(res)
        return

    def note(i: dict[str, Any]) -> str:
        if i.get("found_via"):
            return f"successor of {_names(i['found_via'])}"
        if i.get("successors"):
            return f"merged into {_names(i['successors'])}"
        return ""

    rows = [[i["id"], i["type"], i["name"], i.get("partners"), (i.get("inherited_counts") or {}).get("partners"),
             note(i)] for i in res["items"]]
    _emit(["id", "type", "name", "partners", "inherited", "reform"], rows, fmt)
    if fmt == Fmt.table:
        err.print("by kind: " + ", ".join(f"{k} {n}" for k, n in res["facets"].items()))
