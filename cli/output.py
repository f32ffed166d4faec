"""Render query results as a table, JSON or CSV for the command line."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich.console import Console
from rich.table import Table


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def render(columns: list[str], rows: list[list[Any]], fmt: str, *, truncated: bool = False,
           console: Console | None = None) -> str | None:
    if fmt == "json":
        return json.dumps({"columns": columns, "rows": [dict(zip(columns, r, strict=False)) for r in rows],
                           "truncated": truncated}, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        w.writerows([[_cell(v) for v in r] for r in rows])
        return buf.getvalue()
    table = Table(*columns, show_lines=False)
    for r in rows:
        table.add_row(*[_cell(v) for v in r])
    (console or Console()).print(table)
    if truncated:
        (console or Console(stderr=True)).print(f"[yellow]truncated at {len(rows)} rows[/yellow]")
    return None
