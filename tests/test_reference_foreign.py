"""Invariants of the foreign gazetteer tables (countries.csv, foreign_subdivisions.csv)."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).parents[1] / "ingest/data"
COUNTRIES = DATA / "countries.csv"
SUBDIVISIONS = DATA / "foreign_subdivisions.csv"
VN_PROVINCES = DATA / "vn_provinces.csv"

COUNTRY_COLUMNS = ["iso2", "iso3", "name_en", "name_vi", "aliases", "wikidata"]
SUBDIVISION_COLUMNS = ["iso3166_2", "country", "type", "name_en", "name_vi", "aliases", "wikidata"]

FULL_COVERAGE = ["LA", "KH", "CN", "TH", "JP", "KR"]
IN_SCOPE = set(FULL_COVERAGE) | {
    "DE", "IT", "CZ", "FR", "US", "AU", "RU", "GB", "PL", "SK", "HU", "BE", "NL", "IN", "MY", "ID", "PH", "MM",
}

# Known, deliberate overlaps (documented in ingest/data/SOURCES_foreign.md).
VN_NAME_COLLISIONS = {("CN-HA", "ha nam")}
SAME_TERRITORY_AS_COUNTRY = {
    "CN-HK": "HK", "CN-MO": "MO", "CN-TW": "TW",
    "FR-971": "GP", "FR-972": "MQ", "FR-973": "GF", "FR-974": "RE", "FR-976": "YT",
}
OTHER_COUNTRY_COLLISIONS = {("US-GA", "georgia", "GE")}
SHARED_WITHIN_COUNTRY = {
    frozenset({"LA-VI", "LA-VT"}), frozenset({"RU-AL", "RU-ALT"}), frozenset({"HU-VE", "HU-VM"}),
}
# Bare forms that fold to common Vietnamese words: kept in name_en only.
AMBIGUOUS_BARE = {"nan", "tak", "trang", "kep", "chin", "mon", "goa", "vladimir"}


def fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"['’ʼ`]", "", s.lower())
    s = re.sub(r"[-‐–—.,/()]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def aliases(row: dict[str, str]) -> list[str]:
    return row["aliases"].split("|") if row["aliases"] else []


def all_names(row: dict[str, str]) -> list[str]:
    return [row["name_en"], row["name_vi"], *aliases(row)]


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    header, rows = read(COUNTRIES)
    assert header == COUNTRY_COLUMNS
    return rows


@pytest.fixture(scope="module")
def subdivisions() -> list[dict[str, str]]:
    header, rows = read(SUBDIVISIONS)
    assert header == SUBDIVISION_COLUMNS
    return rows


@pytest.mark.parametrize("path", [COUNTRIES, SUBDIVISIONS])
def test_text_is_nfc_and_trimmed(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", raw) == raw
    _, rows = read(path)
    for row in rows:
        for key, value in row.items():
            assert value == value.strip(), (row, key)


def test_every_country_is_an_iso_3166_1_entry(countries) -> None:
    codes = [r["iso2"] for r in countries]
    assert len(codes) == len(set(codes))
    assert set(codes) == {c.alpha_2 for c in pycountry.countries}
    for r in countries:
        c = pycountry.countries.get(alpha_2=r["iso2"])
        assert c is not None and c.alpha_3 == r["iso3"]
        assert r["name_en"] == (getattr(c, "common_name", None) or c.name)


def test_every_row_has_a_vietnamese_name(countries, subdivisions) -> None:
    for r in countries + subdivisions:
        assert r["name_vi"], r
        assert r["name_en"], r


def test_every_subdivision_exists_in_pycountry(subdivisions) -> None:
    codes = [r["iso3166_2"] for r in subdivisions]
    assert len(codes) == len(set(codes))
    for r in subdivisions:
        sub = pycountry.subdivisions.get(code=r["iso3166_2"])
        assert sub is not None, r["iso3166_2"]
        assert sub.country_code == r["country"] == r["iso3166_2"].split("-")[0]
        assert sub.type == r["type"]
        assert r["country"] in IN_SCOPE


@pytest.mark.parametrize("cc", FULL_COVERAGE)
def test_first_level_coverage_is_complete(subdivisions, cc) -> None:
    expected = {s.code for s in pycountry.subdivisions.get(country_code=cc) if s.parent_code is None}
    got = {r["iso3166_2"] for r in subdivisions if r["country"] == cc}
    assert got == expected


def test_scope_rules(subdivisions) -> None:
    by_cc = defaultdict(list)
    for r in subdivisions:
        by_cc[r["country"]].append(pycountry.subdivisions.get(code=r["iso3166_2"]))
    for cc, subs in by_cc.items():
        for s in subs:
            if cc == "ID":
                assert s.type != "Geographical unit"
            else:
                assert s.parent_code is None, s.code  # CZ: kraje only; IT: regions only; FR: no départements
    assert len(by_cc["CZ"]) == 14 and len(by_cc["IT"]) == 20 and len(by_cc["DE"]) == 16
    assert {s.type for s in by_cc["US"]} == {"State", "District"} and len(by_cc["US"]) == 51
    assert len(by_cc["FR"]) == 18  # 12 regions + Corse + 5 overseas regions
    assert not any(s.type == "Country" for s in by_cc["NL"])


def test_aliases_are_clean(countries, subdivisions) -> None:
    for r in countries + subdivisions:
        al = aliases(r)
        assert len(al) == len(set(al)), r  # no alias repeated within a row
        assert all(a and a == a.strip() and "|" not in a for a in al), r
        assert r["name_vi"] not in al, r


def test_wikidata_ids(countries, subdivisions) -> None:
    for rows in (countries, subdivisions):
        qids = [r["wikidata"] for r in rows if r["wikidata"]]
        assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
        assert len(qids) == len(set(qids))
    same = {r["iso3166_2"]: r["wikidata"] for r in subdivisions}
    by_iso2 = {r["iso2"]: r["wikidata"] for r in countries}
    for sub, cc in SAME_TERRITORY_AS_COUNTRY.items():
        if sub.startswith("FR-") or sub in ("CN-HK", "CN-MO"):
            assert same[sub] == by_iso2[cc], sub


def test_no_collision_with_vietnamese_provinces(subdivisions) -> None:
    vn: set[str] = {fold(s.name) for s in pycountry.subdivisions.get(country_code="VN")}
    if VN_PROVINCES.exists():
        _, rows = read(VN_PROVINCES)
        for r in rows:
            vn.add(fold(r["name"]))
            vn.update(fold(a) for a in r.get("aliases", "").split("|") if a)
    hits = {(r["iso3166_2"], fold(n)) for r in subdivisions for n in all_names(r) if fold(n) in vn}
    assert hits <= VN_NAME_COLLISIONS, hits - VN_NAME_COLLISIONS


def test_no_unexpected_collision_with_country_names(countries, subdivisions) -> None:
    keys: dict[str, set[str]] = defaultdict(set)
    for r in countries:
        for n in all_names(r):
            keys[fold(n)].add(r["iso2"])
    for r in subdivisions:
        for n in all_names(r):
            for cc in keys.get(fold(n), ()):
                if SAME_TERRITORY_AS_COUNTRY.get(r["iso3166_2"]) == cc:
                    continue
                assert (r["iso3166_2"], fold(n), cc) in OTHER_COUNTRY_COLLISIONS, (r["iso3166_2"], n, cc)


def test_names_shared_within_a_country_are_deliberate(subdivisions) -> None:
    seen: dict[tuple[str, str], str] = {}
    for r in subdivisions:
        for k in {fold(n) for n in all_names(r)}:
            other = seen.setdefault((r["country"], k), r["iso3166_2"])
            if other != r["iso3166_2"]:
                assert frozenset({other, r["iso3166_2"]}) in SHARED_WITHIN_COUNTRY, (k, other, r["iso3166_2"])


def test_ambiguous_bare_forms_stay_out_of_vietnamese_names(countries, subdivisions) -> None:
    for r in subdivisions:
        for n in [r["name_vi"], *aliases(r)]:
            assert fold(n) not in AMBIGUOUS_BARE, (r["iso3166_2"], n)
    forbidden = {"cai", "nam"}
    for r in countries + subdivisions:
        for n in all_names(r):
            assert fold(n) not in forbidden, (r, n)


def test_press_names(countries, subdivisions) -> None:
    c = {r["iso2"]: r for r in countries}
    expected = {"US": "Hoa Kỳ", "KR": "Hàn Quốc", "KP": "Triều Tiên", "LA": "Lào", "GB": "Anh", "AU": "Úc",
                "CZ": "Séc", "IT": "Italia", "RU": "Nga", "DE": "Đức", "TW": "Đài Loan", "VN": "Việt Nam"}
    for iso2, name in expected.items():
        assert c[iso2]["name_vi"] == name
    for iso2, alias in [("US", "Mỹ"), ("IT", "Ý"), ("AU", "Australia"), ("RU", "Liên bang Nga"),
                        ("DE", "CHLB Đức"), ("LA", "CHDCND Lào"), ("CH", "Thuỵ Sĩ"), ("SE", "Thuỵ Điển"),
                        ("KH", "Cam-pu-chia"), ("NZ", "Niu Di-lân"), ("JP", "Nhật"), ("KR", "Đại Hàn Dân Quốc")]:
        assert alias in aliases(c[iso2]), (iso2, alias)
    s = {r["iso3166_2"]: r for r in subdivisions}
    for code, name in [("LA-HO", "Hủa Phăn"), ("LA-XI", "Xiêng Khoảng"), ("LA-KH", "Khăm Muồn"),
                       ("CN-GX", "Quảng Tây"), ("CN-YN", "Vân Nam"), ("CN-HA", "Hà Nam"), ("TH-10", "Băng Cốc")]:
        assert s[code]["name_vi"] == name
    assert "Xavannakhet" in aliases(s["LA-SV"])
    assert "Thuringia" in aliases(s["DE-TH"])
    # bare "Viêng Chăn" is the capital; the province is written "tỉnh Viêng Chăn"
    assert "Viêng Chăn" in aliases(s["LA-VT"]) and "Viêng Chăn" not in aliases(s["LA-VI"])
    assert s["LA-VI"]["name_vi"] == "tỉnh Viêng Chăn"


def test_tone_mark_variants_are_paired(countries, subdivisions) -> None:
    old = re.compile(r"(?<![qQ])(?:[òóỏõọ][ae]|[ùúủũụ]y)(?=$|[\s-])")
    for r in countries + subdivisions:
        names = set(all_names(r))
        for n in names:
            if old.search(n):
                assert any(m != n and fold(m) == fold(n) for m in names), (r, n)
