"""Settings, read once from the environment (prefix PROVKG_) and injected where needed."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# bolt: one server; neo4j: a routing cluster or Aura; +s verifies TLS, +ssc accepts a self-signed one
NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PROVKG_", extra="ignore", populate_by_name=True)

    store: Literal["embedded", "neo4j"] = "embedded"
    data_dir: Path = Path("./data")
    graph_name: str = Field("provkg", pattern=r"^[A-Za-z][A-Za-z0-9_]{0,62}$")
    # "everysec" loses nothing on a crash of the server process (the AOF write happens before the
    # reply); "always" also survives a power loss, at a cost on every write batch.
    fsync: Literal["everysec", "always"] = "everysec"

    neo4j_uri: str | None = Field(None, validation_alias=AliasChoices("NEO4J_URI", "PROVKG_NEO4J_URI"))
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER", "PROVKG_NEO4J_USER"))
    neo4j_password: SecretStr | None = Field(
        None, validation_alias=AliasChoices("NEO4J_PASSWORD", "PROVKG_NEO4J_PASSWORD")
    )
    neo4j_database: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_DATABASE", "PROVKG_NEO4J_DATABASE"))
    # Fail fast: a dead server is reported after one connect timeout and one retry (~2 x this), not
    # after the driver's own 30-60 s of retries. Raise it for a far-away cluster or Aura.
    neo4j_connect_timeout_s: float = Field(2.0, gt=0, le=60)
    # transient errors (deadlocks between writer processes, a leader switch) are retried this long
    neo4j_write_retry_s: float = Field(30.0, ge=0, le=600)
    neo4j_max_pool_size: int = Field(50, ge=1, le=1000)
    # neo4j:// routing: READ sessions go to followers / read replicas unless this is off
    neo4j_reads_on_replicas: bool = True

    batch_size: int = Field(1000, ge=1, le=100_000)
    # one GRAPH.BULK command of a first load (graph.falkor_bulk): a whole Batch into a growing graph
    bulk_command_timeout_s: float = Field(900.0, ge=10, le=86_400)
    query_timeout_ms: int = Field(10_000, ge=100, le=600_000)
    max_rows: int = Field(10_000, ge=1, le=1_000_000)
    max_query_length: int = Field(8_000, ge=100, le=1_000_000)
    max_query_nesting: int = Field(12, ge=2, le=40)
    query_memory_mb: int = Field(2048, ge=64, le=65536)
    # hardening (issue 15): every store call has a client
    # deadline (engine timeout + grace: the engine's own timeout does not cover parsing), results a
    # byte cap as well as a row cap, the engine's replies a hard size limit
    client_grace_ms: int = Field(2_000, ge=100, le=60_000)
    max_result_bytes: int = Field(16_000_000, ge=10_000)
    max_reply_mb: int = Field(64, ge=1, le=4096)
    writer_turnstile_ms: int = Field(500, ge=10, le=60_000)
    ready_timeout_ms: int = Field(2_000, ge=100, le=60_000)
    max_article_bytes: int = Field(5_000_000, ge=1_000)
    url_timeout_s: float = Field(20.0, gt=0, le=300)

    base_iri: str = Field("https://provkg.org/id/", pattern=r"^https?://\S+/$")
    ontology: Path = PROJECT_ROOT / "ontology.ttl"
    # linked open data: the SPARQL mirror and what the dataset description says about the publisher
    sparql_sync: bool = True
    licence: str = Field("https://creativecommons.org/licenses/by/4.0/", pattern=r"^https?://\S+$",
                         validation_alias=AliasChoices("PROVKG_LICENCE", "PROVKG_LICENSE"))
    publisher_name: str = Field("The provkg project", min_length=1, max_length=200)
    publisher_url: str = Field("https://provkg.org/", pattern=r"^https?://\S+$")

    @model_validator(mode="after")
    def _neo4j_needs_uri(self) -> Settings:
        if self.store == "neo4j" and not self.neo4j_uri:
            raise ValueError("NEO4J_URI must be set when PROVKG_STORE=neo4j")
        if self.neo4j_uri and self.neo4j_uri.split("://", 1)[0] not in NEO4J_SCHEMES:
            raise ValueError(f"NEO4J_URI must start with one of {', '.join(s + '://' for s in NEO4J_SCHEMES)}")
        return self

    @property
    def data_path(self) -> Path:
        return self.data_dir.expanduser().resolve()


def config_error(exc: ValidationError) -> ConfigError:
    """Pydantic's report as one message that names each bad setting, never echoing a secret."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        name = f"PROVKG_{loc.upper()}" if loc and not loc.upper().startswith("NEO4J") else (loc or "settings")
        secret = any(w in loc for w in ("password", "key"))
        shown = "" if secret or not loc else f" (got {err.get('input')!r})"
        msg = str(err["msg"]).removeprefix("Value error, ")
        parts.append(f"{name}: {msg}{shown}" if loc else msg)
    return ConfigError("invalid configuration: " + "; ".join(parts))


def load_settings(**overrides: object) -> Settings:
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise config_error(exc) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
