"""One root exception for the project; every layer raises these, the API maps them once."""

from __future__ import annotations


class ProvkgError(Exception):
    """Root of every error this project raises on purpose."""

    code = "error"


class ConfigError(ProvkgError):
    """A setting is missing or malformed; the message names the setting."""

    code = "config"


class StoreUnavailable(ProvkgError):
    """The graph store cannot be reached (retrying later may help)."""

    code = "store-unavailable"


class QueryRefused(ProvkgError):
    """A query was refused before or by the engine (write, too long, too deep)."""

    code = "query-refused"


class QueryFailed(ProvkgError):
    """The engine rejected or aborted a query (syntax, timeout)."""

    code = "query-failed"


class QueryTimeout(QueryFailed):
    code = "query-timeout"


class NotFound(ProvkgError):
    code = "not-found"

    def __init__(self, message: str, *, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        # closest known names, for a misspelt one (the API adds them to its 404 problem)
        self.suggestions = suggestions or []


class InputError(ProvkgError):
    """An input article cannot be read (encoding, size, format)."""

    code = "bad-input"


class SchemaViolation(ProvkgError):
    """Something tried to write a label, type or key the ontology does not declare."""

    code = "schema-violation"
