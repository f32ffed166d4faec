"""docker-compose.yml, Dockerfile and .dockerignore checked against the settings (no Docker engine
runs here, so this is what keeps the compose setup from rotting)."""

from __future__ import annotations

import re
import shlex
import urllib.parse

import pytest
import yaml

from api.settings import ApiSettings
from core.settings import NEO4J_SCHEMES, Settings

from .conftest import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]
# what the neo4j image itself sets or reads inside its container
NEO4J_CONTAINER_VARS = {"NEO4J_AUTH", "NEO4J_HOME", "HOME", "PATH"}


def _env_names() -> set[str]:
    """Every environment variable the project's settings read."""
    names: set[str] = set()
    for model in (Settings, ApiSettings):
        prefix = model.model_config.get("env_prefix", "")
        for name, field in model.model_fields.items():
            alias = field.validation_alias
            choices = getattr(alias, "choices", None)
            names |= {str(c) for c in choices} if choices else {f"{prefix}{name}".upper()}
    return names


def _container_vars(command: str) -> set[str]:
    """Variables a healthcheck expands in the container ($$ in compose is a literal $)."""
    return set(re.findall(r"\$\$\{?([A-Za-z_][A-Za-z0-9_]*)", command))


def test_services_and_ports():
    assert set(SERVICES) == {"neo4j", "api", "ingest"}
    assert SERVICES["ingest"]["profiles"] == ["ingest"]
    assert "127.0.0.1:7687:7687" in SERVICES["neo4j"]["ports"]
    assert "127.0.0.1:8000:8000" in SERVICES["api"]["ports"]
    cmd = SERVICES["api"]["command"]
    assert cmd[cmd.index("--port") + 1] == "8000"
    for name in ("api", "ingest"):
        assert SERVICES[name]["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_neo4j_healthcheck_uses_only_variables_its_container_has():
    check = SERVICES["neo4j"]["healthcheck"]
    test = check["test"]
    assert test[0] == "CMD-SHELL"
    used = _container_vars(test[1])
    assert used and used <= set(SERVICES["neo4j"]["environment"]) | NEO4J_CONTAINER_VARS, used
    words = shlex.split(test[1])
    assert words[0] == "cypher-shell" and "RETURN 1" in words
    assert check["retries"] >= 3 and "start_period" in check


@pytest.mark.parametrize("service", ["api", "ingest"])
def test_app_environment_matches_the_settings(service):
    env = SERVICES[service]["environment"]
    unknown = set(env) - _env_names()
    assert not unknown, f"{service} sets variables no setting reads: {sorted(unknown)}"
    settings = Settings(**{"store": env["PROVKG_STORE"], "neo4j_uri": env["NEO4J_URI"],
                           "neo4j_user": env["NEO4J_USER"], "neo4j_database": env["NEO4J_DATABASE"]})
    assert settings.store == "neo4j"
    uri = urllib.parse.urlparse(settings.neo4j_uri)
    assert uri.scheme in NEO4J_SCHEMES and uri.hostname == "neo4j"  # the service name on compose's network
    assert f"{uri.port}" in {p.rsplit(":", 1)[-1] for p in SERVICES["neo4j"]["ports"]}
    # the password reaches the app from the same variable the neo4j service builds NEO4J_AUTH from
    assert "${NEO4J_PASSWORD" in env["NEO4J_PASSWORD"] and "${NEO4J_PASSWORD" in SERVICES["neo4j"]["environment"]["NEO4J_AUTH"]
    assert env["NEO4J_USER"] == SERVICES["neo4j"]["environment"]["NEO4J_AUTH"].split("/")[0]


def test_image_is_neo4j_5_lts():
    assert re.fullmatch(r"neo4j:5\.26(\.\d+)?-community", SERVICES["neo4j"]["image"])


def test_dockerignore_keeps_venv_data_and_secrets_out():
    patterns = {ln.strip() for ln in (ROOT / ".dockerignore").read_text().splitlines()
                if ln.strip() and not ln.startswith("#")}
    assert {".venv", "data", ".git", "**/*.env", "**/secret"} <= patterns


def test_image_installs_runtime_dependencies_only():
    text = (ROOT / "Dockerfile").read_text()
    runs = [ln for ln in text.splitlines() if ln.startswith("RUN ")]
    assert runs and all("-r requirements.lock" not in r for r in runs), "the lock pins test tools too"
    assert any("-c requirements.lock" in r for r in runs)
    assert "COPY . ." not in text
    assert re.search(r"^USER (?!root)\w+", text, re.M)
