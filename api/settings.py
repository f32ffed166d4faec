"""Settings only the REST API reads (prefix PROVKG_), kept apart from the store and pipeline settings."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.settings import config_error


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PROVKG_", extra="ignore", populate_by_name=True)

    api_key: SecretStr | None = None
    cors_origins: list[str] = []
    rate_limit_per_minute: int = Field(60, ge=1)
    max_body_bytes: int = Field(2_000_000, ge=1_000)
    # API reads get a shorter budget than the CLI's: a slow read holds a shared lock, and what
    # waits behind it (a writer, then every reader) waits as long
    api_query_timeout_ms: int = Field(3_000, ge=100, le=600_000)
    # addresses of reverse proxies whose X-Forwarded-For is believed; none by default, so a client
    # cannot pick a fresh identity per request to escape the rate limits
    trusted_proxies: list[str] = []


def load_api_settings(**overrides: object) -> ApiSettings:
    try:
        return ApiSettings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise config_error(exc) from None


@lru_cache(maxsize=1)
def get_api_settings() -> ApiSettings:
    return load_api_settings()
