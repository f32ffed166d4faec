import subprocess
import sys

import pytest

from api.settings import load_api_settings
from core.errors import ConfigError
from core.settings import load_settings


def test_defaults_are_embedded(monkeypatch):
    monkeypatch.delenv("PROVKG_STORE", raising=False)
    s = load_settings()
    assert s.store == "embedded" and s.data_dir.name == "data"


def test_bad_store_names_the_setting(monkeypatch):
    monkeypatch.setenv("PROVKG_STORE", "postgres")
    with pytest.raises(ConfigError, match="PROVKG_STORE"):
        load_settings()


def test_neo4j_without_uri_names_neo4j_uri(monkeypatch):
    monkeypatch.setenv("PROVKG_STORE", "neo4j")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(ConfigError, match="NEO4J_URI"):
        load_settings()


def test_secret_values_never_echoed(monkeypatch):
    monkeypatch.setenv("PROVKG_BATCH_SIZE", "zero")
    monkeypatch.setenv("NEO4J_PASSWORD", "hunter2-secret")
    with pytest.raises(ConfigError, match="PROVKG_BATCH_SIZE") as info:
        load_settings()
    assert "hunter2" not in str(info.value)


def test_api_settings_name_the_setting_and_hide_the_key(monkeypatch):
    monkeypatch.setenv("PROVKG_RATE_LIMIT_PER_MINUTE", "zero")
    monkeypatch.setenv("PROVKG_API_KEY", "hunter3-secret")
    with pytest.raises(ConfigError, match="PROVKG_RATE_LIMIT_PER_MINUTE") as info:
        load_api_settings()
    assert "hunter3" not in str(info.value)


def test_store_settings_do_not_carry_api_settings(monkeypatch):
    monkeypatch.setenv("PROVKG_API_KEY", "k")
    assert not hasattr(load_settings(), "api_key")
    assert load_api_settings().api_key.get_secret_value() == "k"


def test_cli_exits_2_on_bad_setting(tmp_path):
    env = {"PROVKG_STORE": "mysql", "PATH": "/usr/bin:/bin", "PROVKG_DATA_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "cli.main", "stats"], env=env, capture_output=True, text=True)
    assert proc.returncode == 2
    assert "PROVKG_STORE" in proc.stderr
