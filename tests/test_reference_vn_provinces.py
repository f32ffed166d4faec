"""Invariants of the reference table ingest/data/vn_provinces.csv
(Vietnamese provinces before and after the 2025 reform)."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pycountry
import pytest

CSV_PATH = Path(__file__).parents[1] / "ingest/data/vn_provinces.csv"

COLUMNS = [
    "id", "name", "old_name", "unit_type", "name_en", "iso3166_2", "gso_code",
    "gso_code_2025", "valid_from", "valid_to", "merged_into", "region",
    "capital", "aliases", "wikidata",
]
REGIONS = {
    "Trung du và miền núi phía Bắc",
    "Đồng bằng sông Hồng",
    "Bắc Trung Bộ và duyên hải miền Trung",
    "Tây Nguyên",
    "Đông Nam Bộ",
    "Đồng bằng sông Cửu Long",
}
LAST_DAY_BEFORE = date(2025, 6, 30)
FIRST_DAY_AFTER = date(2025, 7, 1)
UNCHANGED = {
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn",
    "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng",
}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == COLUMNS
        return list(reader)


@pytest.fixture(scope="module")
def by_id(rows) -> dict[str, dict]:
    return {r["id"]: r for r in rows}


def valid_on(row: dict, day: date) -> bool:
    start = date.fromisoformat(row["valid_from"]) if row["valid_from"] else date.min
    end = date.fromisoformat(row["valid_to"]) if row["valid_to"] else date.max
    return start <= day <= end


def surface_forms(row: dict) -> set[str]:
    forms = {row["name"], *filter(None, row["aliases"].split("|"))}
    if row["old_name"]:
        forms.add(row["old_name"])
    return forms


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().split())


def test_row_count_and_sorted_unique_ids(rows):
    ids = [r["id"] for r in rows]
    assert len(rows) == 86
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)


def test_every_field_is_nfc_and_stripped(rows):
    for r in rows:
        for k, v in r.items():
            assert unicodedata.is_normalized("NFC", v), (r["id"], k)
            assert v == v.strip(), (r["id"], k)


def test_63_units_before_and_34_after(rows):
    before = [r for r in rows if valid_on(r, LAST_DAY_BEFORE)]
    after = [r for r in rows if valid_on(r, FIRST_DAY_AFTER)]
    assert len(before) == 63
    assert len(after) == 34
    assert sum(r["unit_type"] == "municipality" for r in before) == 6
    assert sum(r["unit_type"] == "municipality" for r in after) == 6


def test_unchanged_units_are_one_entity(rows):
    both = [r for r in rows
            if valid_on(r, LAST_DAY_BEFORE) and valid_on(r, FIRST_DAY_AFTER)]
    assert {r["name"] for r in both} == UNCHANGED
    for r in both:
        assert r["id"] == r["iso3166_2"]
        assert not r["valid_from"] and not r["valid_to"] and not r["merged_into"]
        assert r["gso_code_2025"], r["id"]


def test_merged_into_points_at_new_units(rows, by_id):
    dissolved = [r for r in rows if r["valid_to"]]
    assert len(dissolved) == 52
    for r in rows:
        if r["valid_to"]:
            assert r["valid_to"] == "2025-06-30", r["id"]
            target = by_id.get(r["merged_into"])
            assert target is not None, r["id"]
            assert target["valid_from"] == "2025-07-01", r["id"]
            assert valid_on(target, FIRST_DAY_AFTER)
            assert not r["gso_code_2025"], r["id"]
        else:
            assert not r["merged_into"], r["id"]
    successors = Counter(r["merged_into"] for r in dissolved)
    new_units = [r for r in rows if r["valid_from"]]
    assert len(new_units) == 23
    for r in new_units:
        assert r["valid_from"] == "2025-07-01"
        assert successors[r["id"]] >= 2, r["id"]
        # the new unit keeps the name of one of the units it was formed from
        assert r["name"] in {p["name"] for p in dissolved if p["merged_into"] == r["id"]}


def test_new_unit_ids_follow_new_gso_code(rows):
    for r in rows:
        if r["id"].startswith("VN-2025-"):
            assert re.fullmatch(r"VN-2025-\d\d", r["id"])
            assert r["id"] == "VN-2025-" + r["gso_code"] == "VN-2025-" + r["gso_code_2025"]
            assert r["iso3166_2"] == ""
        else:
            assert r["iso3166_2"] == r["id"]


def test_gso_codes_unique_per_period(rows):
    before = [r["gso_code"] for r in rows if valid_on(r, LAST_DAY_BEFORE)]
    after = [r["gso_code_2025"] for r in rows if valid_on(r, FIRST_DAY_AFTER)]
    for codes in (before, after):
        assert all(re.fullmatch(r"\d\d", c) for c in codes)
        assert len(set(codes)) == len(codes)


def test_iso_codes_exist_in_pycountry(rows):
    vn = {s.code for s in pycountry.subdivisions.get(country_code="VN")}
    ours = {r["iso3166_2"] for r in rows if r["iso3166_2"]}
    assert ours <= vn
    assert ours == vn  # all 63 pre-reform units carry their ISO code


def test_kien_giang_spelling(by_id):
    # pycountry spells VN-47 "Kiến Giang"; the official name is Kiên Giang.
    assert by_id["VN-47"]["name"] == "Kiên Giang"


def test_hue_renamed(by_id):
    hue = by_id["VN-26"]
    assert hue["name"] == "Huế" and hue["old_name"] == "Thừa Thiên Huế"
    assert hue["unit_type"] == "municipality"
    assert "Thừa Thiên Huế" in hue["aliases"].split("|")


def test_enumerations(rows):
    for r in rows:
        assert r["unit_type"] in {"province", "municipality"}, r["id"]
        assert r["region"] in REGIONS, r["id"]
        assert r["name"] and r["name_en"] and r["name_en"].isascii(), r["id"]
        assert not r["name"].startswith(("Tỉnh ", "Thành phố ")), r["id"]
        if r["wikidata"]:
            assert re.fullmatch(r"Q[1-9]\d*", r["wikidata"]), r["id"]
    qids = [r["wikidata"] for r in rows if r["wikidata"]]
    assert len(set(qids)) == len(qids)


def test_no_alias_shared_by_overlapping_entities(rows):
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            overlap = any(valid_on(a, d) and valid_on(b, d)
                          for d in (LAST_DAY_BEFORE, FIRST_DAY_AFTER))
            if not overlap:
                continue
            shared = {fold(x) for x in surface_forms(a)} & {fold(x) for x in surface_forms(b)}
            assert not shared, (a["id"], b["id"], shared)


def test_aliases_are_not_plain_prefixed_forms(rows):
    for r in rows:
        for alias in filter(None, r["aliases"].split("|")):
            assert alias == alias.strip() and alias, r["id"]
            assert alias != r["name"], r["id"]
            # accent-free copies of the name are useless (the matcher folds
            # accents); tone-mark variants such as Hoà/Hòa are wanted.
            assert not (alias.isascii() and fold(alias) == fold(r["name"])), (r["id"], alias)
            plain = {fold(p + r["name"]) for p in ("tỉnh ", "thành phố ")}
            assert fold(alias) not in plain, (r["id"], alias)
