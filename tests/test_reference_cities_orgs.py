"""Invariants of the gazetteer tables ingest/data/foreign_cities.csv and
ingest/data/organizations.csv (foreign cities and organisations named in
Vietnamese foreign-affairs news)."""

from __future__ import annotations

import csv
import importlib.util
import re
import unicodedata
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).parents[1] / "ingest/data"
CITIES_PATH = DATA / "foreign_cities.csv"
ORGS_PATH = DATA / "organizations.csv"
BUILD_PATH = DATA / "build/cities_orgs.py"

CITY_COLUMNS = ["id", "name_en", "name_vi", "country", "parent_iso3166_2",
                "kind", "aliases", "wikidata"]
ORG_COLUMNS = ["id", "name", "name_en", "acronym", "kind", "country",
               "aliases", "wikidata"]
CITY_KINDS = {"city", "county", "district", "town", "prefecture"}
ORG_KINDS = {
    "InternationalOrganization", "ForeignGovernmentAgency",
    "DevelopmentAgency", "Embassy", "Consulate", "Company",
    "BusinessAssociation", "NGO", "PartyBody", "VietnameseGovernmentBody",
    "Association",
}

# words that only say what kind of unit an ISO 3166-2 name is
# ("Guangxi Zhuangzu Zizhiqu", "Busan-gwangyeoksi", "Novosibirskaya oblast'")
ISO_DESIGNATORS = {
    "sheng", "shi", "zizhiqu", "zhuangzu", "huizu", "uygur", "sar",
    "do", "si", "gwangyeoksi", "teukbyeolsi", "teukbyeoljachido",
    "teukbyeoljachisi", "prefecture", "province", "oblast", "oblast'",
    "kray", "respublika", "avtonomnyy", "okrug", "kraj", "hlavni", "mesto",
    "region", "state", "territory", "city", "capital", "municipality",
}


def fold(s: str) -> str:
    """The matcher's view of a name: no case, diacritics, hyphen/dot noise."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("đ", "d").replace("Đ", "D").casefold()
    s = re.sub(r"[-‐‑–—_/]", " ", s)
    s = re.sub(r"[.'’`]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def ascii_slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("đ", "d").replace("Đ", "D"))
    s = s.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def iso_forms(name: str) -> set[str]:
    """Folded forms of an ISO subdivision name, with and without its
    designator words and with the part after a comma dropped."""
    forms = set()
    for part in {name, name.split(",")[0]}:
        f = fold(part)
        forms.add(f)
        core = " ".join(w for w in f.split() if w not in ISO_DESIGNATORS)
        if core:
            forms.add(core)
    return forms


def read(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


@pytest.fixture(scope="module")
def cities() -> list[dict]:
    cols, rows = read(CITIES_PATH)
    assert cols == CITY_COLUMNS
    return rows


@pytest.fixture(scope="module")
def orgs() -> list[dict]:
    cols, rows = read(ORGS_PATH)
    assert cols == ORG_COLUMNS
    return rows


def aliases(row: dict) -> list[str]:
    return row["aliases"].split("|") if row["aliases"] else []


# --- shape ------------------------------------------------------------------

def test_sizes(cities, orgs):
    assert len(cities) >= 120
    assert len(orgs) >= 150


@pytest.mark.parametrize("path", [CITIES_PATH, ORGS_PATH])
def test_text_is_nfc_and_trimmed(path):
    raw = path.read_text(encoding="utf-8")
    assert raw == unicodedata.normalize("NFC", raw)
    _, rows = read(path)
    for row in rows:
        for key, value in row.items():
            assert value is not None, (row["id"], key)
            assert value == value.strip(), (row["id"], key)
            assert "\n" not in value, (row["id"], key)


@pytest.mark.parametrize("path", [CITIES_PATH, ORGS_PATH])
def test_rows_sorted_by_id(path):
    _, rows = read(path)
    ids = [r["id"] for r in rows]
    assert ids == sorted(ids)


# --- ids ----------------------------------------------------------------------

def test_city_ids_unique_and_slug_shaped(cities):
    ids = [r["id"] for r in cities]
    assert len(ids) == len(set(ids))
    for r in cities:
        assert re.fullmatch(r"[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*", r["id"]), r["id"]
        # stable rule: country code + ascii slug of the English name
        assert r["id"] == f"{r['country'].lower()}-{ascii_slug(r['name_en'])}"


def test_org_ids_unique_and_slug_shaped(orgs):
    ids = [r["id"] for r in orgs]
    assert len(ids) == len(set(ids))
    for r in orgs:
        assert re.fullmatch(r"org-[a-z0-9]+(-[a-z0-9]+)*", r["id"]), r["id"]


# --- codes --------------------------------------------------------------------

def test_city_country_and_parent(cities):
    for r in cities:
        assert pycountry.countries.get(alpha_2=r["country"]), r["id"]
        sub = pycountry.subdivisions.get(code=r["parent_iso3166_2"])
        assert sub is not None, r["id"]
        assert sub.country_code == r["country"], r["id"]
        assert sub.parent_code is None, f"{r['id']}: parent is not first-level"


def test_org_country(orgs):
    for r in orgs:
        if r["country"]:
            assert pycountry.countries.get(alpha_2=r["country"]), r["id"]


def test_kinds(cities, orgs):
    assert {r["kind"] for r in cities} <= CITY_KINDS
    assert {r["kind"] for r in orgs} <= ORG_KINDS


def test_international_organisations_have_no_country(orgs):
    for r in orgs:
        if r["kind"] == "InternationalOrganization":
            assert r["country"] == "", r["id"]


def test_missions_have_country_and_consulates_an_embassy(orgs):
    embassy_countries = {r["country"] for r in orgs if r["kind"] == "Embassy"}
    for r in orgs:
        if r["kind"] == "Consulate":
            assert r["country"] in embassy_countries, r["id"]
        if r["kind"] in {"Embassy", "Consulate"} and r["id"] != "org-eu-delegation":
            assert r["country"] and r["country"] != "VN", r["id"]


def test_vietnamese_government_bodies_are_vietnamese(orgs):
    for r in orgs:
        if r["kind"] == "VietnameseGovernmentBody":
            assert r["country"] == "VN", r["id"]


# --- names and aliases ----------------------------------------------------------

def test_required_names_present(cities, orgs):
    for r in cities:
        assert r["name_en"] and r["name_vi"], r["id"]
    for r in orgs:
        assert r["name"] and r["name_en"], r["id"]


def test_no_alias_repeated_within_a_row(cities, orgs):
    for r, primary in [(c, [c["name_en"], c["name_vi"]]) for c in cities] + [
            (o, [o["name"], o["name_en"], o["acronym"]]) for o in orgs]:
        al = aliases(r)
        assert all(al), f"{r['id']}: empty alias"
        assert len(al) == len(set(al)), f"{r['id']}: alias repeated"
        folded = [fold(a) for a in al]
        assert len(folded) == len(set(folded)), \
            f"{r['id']}: aliases differ only by case/diacritics/punctuation"
        names = {fold(p) for p in primary if p}
        assert not names & set(folded), \
            f"{r['id']}: an alias only repeats a name column"


def test_city_is_not_an_iso_first_level_unit(cities):
    """Cities named like an ISO 3166-2 first-level unit of their country
    (Busan, Osaka, Siem Reap, Pattaya/Phatthaya...) belong in the region
    table, not here."""
    forms_by_country: dict[str, set[str]] = {}
    for r in cities:
        cc = r["country"]
        if cc not in forms_by_country:
            forms = set()
            for sub in pycountry.subdivisions.get(country_code=cc) or []:
                if sub.parent_code is None:
                    forms |= iso_forms(sub.name)
            forms_by_country[cc] = forms
        for name in [r["name_en"], r["name_vi"], *aliases(r)]:
            assert fold(name) not in forms_by_country[cc], \
                f"{r['id']}: {name!r} is an ISO first-level unit of {cc}"


def test_known_skips_are_absent(cities):
    """Units that are ISO first-level although their English name differs
    from the ISO spelling."""
    ids = {r["id"] for r in cities}
    for rid in ["kr-busan", "kr-ulsan", "jp-osaka", "jp-fukuoka",
                "th-pattaya", "la-vientiane", "la-luang-prabang",
                "kh-siem-reap", "kh-phnom-penh", "ru-saint-petersburg",
                "ru-moscow", "de-berlin", "de-hamburg", "cn-beijing",
                "cn-shanghai", "cz-prague"]:
        assert rid not in ids


def test_vietnamese_press_forms(cities, orgs):
    by_id = {r["id"]: r for r in cities}
    assert by_id["cn-nanning"]["name_vi"] == "Nam Ninh"
    assert by_id["cn-pingxiang"]["name_vi"] == "Bằng Tường"
    assert by_id["kr-seongnam"]["parent_iso3166_2"] == "KR-41"
    assert by_id["de-triptis"]["parent_iso3166_2"] == "DE-TH"
    orgs_by_id = {r["id"]: r for r in orgs}
    assert orgs_by_id["org-who"]["name"] == "Tổ chức Y tế Thế giới"
    assert orgs_by_id["org-embassy-th"]["name"] == \
        "Đại sứ quán Thái Lan tại Việt Nam"


# --- Wikidata ----------------------------------------------------------------------

@pytest.mark.parametrize("path", [CITIES_PATH, ORGS_PATH])
def test_wikidata_shape_and_unique(path):
    _, rows = read(path)
    qids = [r["wikidata"] for r in rows if r["wikidata"]]
    for q in qids:
        assert re.fullmatch(r"Q[1-9][0-9]*", q), q
    assert len(qids) == len(set(qids))


# --- the CSVs are what the generator makes -------------------------------------

def test_csv_matches_generator(cities, orgs):
    spec = importlib.util.spec_from_file_location("cities_orgs_build",
                                                  BUILD_PATH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    built_cities = sorted(mod.build_cities(), key=lambda r: r["id"])
    built_orgs = sorted(mod.build_orgs(), key=lambda r: r["id"])
    assert built_cities == cities
    assert built_orgs == orgs
