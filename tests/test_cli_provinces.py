"""`provkg provinces`, `provkg province`, `provkg search` and `provkg query` across the 2025 reform
(issue #14): the unit valid on --as-of, and a unit formed in the reform counting what its
predecessors did, shown apart, unless --no-include-predecessors. On the fixture graph, both engines:
Quảng Trị (VN-25, 3 partners) merged into VN-2025-44; Hậu Giang (VN-73, 2 partners) and Cần Thơ (VN-CT,
1 partner, one Hậu Giang has too) merged into VN-2025-92."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import store_env

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def env(fixture_store) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PROVKG_", "NEO4J_"))}
    return {**clean, **store_env(fixture_store), "COLUMNS": "200"}


def provkg(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=180)


def as_json(res: subprocess.CompletedProcess[str]) -> dict:
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def test_provinces_lists_a_merged_unit_with_what_it_inherits(env):
    rows = {i["id"]: i for i in as_json(provkg("provinces", "--current", "--limit", "500", "--format", "json",
                                               env=env))["items"]}
    qt = rows["VN-2025-44"]
    assert qt["partners"] == 3 and qt["counts"]["partners"] == 0 and qt["inherited_counts"]["partners"] == 3
    ct = rows["VN-2025-92"]
    assert ct["partners"] == 2 and ct["counts"]["partners"] == 0 and ct["inherited_counts"]["partners"] == 2
    assert [u["id"] for u in ct["rolled_up_from"]] == ["VN-52", "VN-73", "VN-CT"]
    assert [u["id"] for u in qt["rolled_up_from"]] == ["VN-24", "VN-25"] and rows["VN-09"]["partners"] == 2
    alone = as_json(provkg("provinces", "--current", "--limit", "500", "--no-include-predecessors", "--format",
                           "json", env=env))
    assert next(i for i in alone["items"] if i["id"] == "VN-2025-44")["partners"] == 0
    then = as_json(provkg("provinces", "--as-of", "2024-06-01", "--limit", "500", "--format", "json", env=env))
    assert then["total"] == 63 and "VN-25" in {i["id"] for i in then["items"]}
    table = provkg("provinces", "--current", "--sort", "partners", "--limit", "3", "--format", "csv", env=env)
    assert table.returncode == 0, table.stderr
    header, *top = table.stdout.splitlines()[:4]
    assert header == "id,name,current,partners,own,inherited,inherited_from"
    assert top[0].startswith("VN-26,Huế,True,3,3,0,")  # its own three, then the rolled-up units
    assert top[1].startswith("VN-2025-44,Quảng Trị,True,3,0,3,") and "Quảng Trị (VN-25)" in top[1]
    assert top[2].startswith("VN-2025-92,Cần Thơ,True,2,0,2,") and "Hậu Giang (VN-73)" in top[2]


def test_province_shows_own_inherited_and_total_by_name_and_date(env):
    today = as_json(provkg("province", "quang tri", "--format", "json", env=env))
    assert today["id"] == "VN-2025-44" and today["total_counts"]["partners"] == 3 == today["partners"]
    assert today["counts"]["partners"] == 0 and today["inherited_counts"]["events"] == 3
    csv = provkg("province", "quang tri", "--format", "csv", env=env)
    assert csv.returncode == 0 and "partners,0,3,3" in csv.stdout.splitlines(), csv.stdout
    shared = provkg("province", "can tho", "--format", "csv", env=env)  # Khăm Muồn once, though two units have it
    assert shared.returncode == 0 and "partners,0,2,2" in shared.stdout.splitlines(), shared.stdout
    before = as_json(provkg("province", "quang tri", "--as-of", "2024-06-01", "--format", "json", env=env))
    assert before["id"] == "VN-25" and before["partners"] == 3
    alone = as_json(provkg("province", "VN-2025-44", "--no-include-predecessors", "--format", "json", env=env))
    assert alone["partners"] == 0 and alone["rolled_up_from"] == []
    wrong = provkg("province", "quang trj", env=env)
    assert wrong.returncode == 2 and "closest" in wrong.stderr and "Traceback" not in wrong.stderr
    assert provkg("province", "quang tri", "--as-of", "2024-13-01", env=env).returncode == 2


def test_search_finds_the_unit_a_province_merged_into(env):
    res = as_json(provkg("search", "hau giang", "--type", "VietnameseProvince", "--format", "json", env=env))
    assert [i["id"] for i in res["items"]] == ["VN-2025-92", "VN-73"] and res["facets"] == {"VietnameseProvince": 2}
    assert res["items"][0]["found_via"][0]["id"] == "VN-73" and res["items"][0]["partners"] == 2
    table = provkg("search", "hau giang", "--format", "csv", env=env)
    assert "successor of Hậu Giang (VN-73)" in table.stdout and "merged into Cần Thơ (VN-2025-92)" in table.stdout
    then = as_json(provkg("search", "quang tri", "--as-of", "2024-06-01", "--format", "json", env=env))
    assert then["items"][0]["id"] == "VN-25"


def test_query_takes_the_same_predecessor_switch(env):
    rows = as_json(provkg("query", "province_profile", "-p", "province=Quảng Trị", "--no-include-predecessors",
                          "--format", "json", env=env))["rows"]
    assert [r["province_id"] for r in rows] == ["VN-2025-44"]
    rolled = as_json(provkg("query", "province_profile", "-p", "province=Quảng Trị", "--include-predecessors",
                            "--format", "json", env=env))["rows"]
    assert sorted(r["province_id"] for r in rolled) == ["VN-2025-44", "VN-24", "VN-25"]
