"""Route modules are added here as they are built."""

from __future__ import annotations

from fastapi import FastAPI


def include(app: FastAPI) -> None:
    return None
