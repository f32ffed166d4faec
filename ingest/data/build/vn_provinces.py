"""Build ingest/data/vn_provinces.csv, the reference table of Vietnamese
provinces and centrally governed cities before and after the 2025 reform.

Run from anywhere with the project venv:

    .venv/bin/python ingest/data/build/vn_provinces.py

Machine-read inputs:
  * vietnamadminunits (MIT): the 63 pre-reform units with their statistical
    (GSO) codes (table ``admin_units_legacy`` of ``data/dataset.db``), the 34
    post-reform units with their codes (table ``admin_units``) and the
    old-province -> new-province mapping (``DICT_PROVINCE`` in
    ``data/converter_2025.json``).
  * pycountry (LGPL, data from Debian iso-codes / ISO 3166-2): the 63 ISO
    3166-2:VN codes.

Curated by hand below (facts, see ../SOURCES_vn_provinces.md): English names,
regions, administrative centres, press aliases and Wikidata QIDs.

The CSV is the committed artefact; this script documents how it was made and
asserts the invariants it relies on.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
import unicodedata
from pathlib import Path

import pycountry
import vietnamadminunits

OUT = Path(__file__).resolve().parents[1] / "vn_provinces.csv"

REFORM_FIRST_DAY = "2025-07-01"
REFORM_LAST_DAY_BEFORE = "2025-06-30"

COLUMNS = [
    "id", "name", "old_name", "unit_type", "name_en", "iso3166_2", "gso_code",
    "gso_code_2025", "valid_from", "valid_to", "merged_into", "region",
    "capital", "aliases", "wikidata",
]

TDMNPB = "Trung du và miền núi phía Bắc"
DBSH = "Đồng bằng sông Hồng"
BTB = "Bắc Trung Bộ và duyên hải miền Trung"
TN = "Tây Nguyên"
DNB = "Đông Nam Bộ"
DBSCL = "Đồng bằng sông Cửu Long"

# --- pycountry name fixes -------------------------------------------------
# pycountry (ISO data) spells VN-47 "Kiến Giang"; the official name is Kiên
# Giang. VN-26 is listed as the province "Thừa Thiên-Huế"; since 2025-01-01 it
# is the centrally governed city Huế (same territory, same ISO code).
ISO_NAME_FIX = {"VN-47": "Kiên Giang", "VN-26": "Huế"}

# --- regions ----------------------------------------------------------------
# Pre-reform units, keyed by pre-reform GSO code: the six socio-economic
# regions of Resolution 81/2023/QH15 (national master plan).
REGION_LEGACY = {
    **dict.fromkeys(["02", "04", "06", "08", "10", "11", "12", "14", "15", "17",
                     "19", "20", "24", "25"], TDMNPB),
    **dict.fromkeys(["01", "22", "26", "27", "30", "31", "33", "34", "35", "36",
                     "37"], DBSH),
    **dict.fromkeys(["38", "40", "42", "44", "45", "46", "48", "49", "51", "52",
                     "54", "56", "58", "60"], BTB),
    **dict.fromkeys(["62", "64", "66", "67", "68"], TN),
    **dict.fromkeys(["70", "72", "74", "75", "77", "79"], DNB),
    **dict.fromkeys(["80", "82", "83", "84", "86", "87", "89", "91", "92", "93",
                     "94", "95", "96"], DBSCL),
}
# Post-reform units, keyed by post-reform GSO code: Resolution 306/NQ-CP (2025)
# assignment of the 34 units to the six regions.
REGION_2025 = {
    **dict.fromkeys(["04", "08", "11", "12", "14", "15", "19", "20", "25"], TDMNPB),
    **dict.fromkeys(["01", "22", "24", "31", "33", "37"], DBSH),
    **dict.fromkeys(["38", "40", "42", "44", "46", "48", "51", "56"], BTB),
    **dict.fromkeys(["52", "66", "68"], TN),
    **dict.fromkeys(["75", "79", "80"], DNB),
    **dict.fromkeys(["82", "86", "91", "92", "96"], DBSCL),
}

# --- administrative centres ---------------------------------------------------
# Provincial capital (a provincial city) as of 2025-06-30, keyed by pre-reform
# GSO code. Left empty for centrally governed cities. Ninh Bình's capital is
# the city Hoa Lư (formed from Ninh Bình city and Hoa Lư district in 2025,
# as in vietnamadminunits' legacy table).
CAPITAL_LEGACY = {
    "02": "Hà Giang", "04": "Cao Bằng", "06": "Bắc Kạn", "08": "Tuyên Quang",
    "10": "Lào Cai", "11": "Điện Biên Phủ", "12": "Lai Châu", "14": "Sơn La",
    "15": "Yên Bái", "17": "Hòa Bình", "19": "Thái Nguyên", "20": "Lạng Sơn",
    "22": "Hạ Long", "24": "Bắc Giang", "25": "Việt Trì", "26": "Vĩnh Yên",
    "27": "Bắc Ninh", "30": "Hải Dương", "33": "Hưng Yên", "34": "Thái Bình",
    "35": "Phủ Lý", "36": "Nam Định", "37": "Hoa Lư", "38": "Thanh Hóa",
    "40": "Vinh", "42": "Hà Tĩnh", "44": "Đồng Hới", "45": "Đông Hà",
    "49": "Tam Kỳ", "51": "Quảng Ngãi", "52": "Quy Nhơn", "54": "Tuy Hòa",
    "56": "Nha Trang", "58": "Phan Rang - Tháp Chàm", "60": "Phan Thiết",
    "62": "Kon Tum", "64": "Pleiku", "66": "Buôn Ma Thuột", "67": "Gia Nghĩa",
    "68": "Đà Lạt", "70": "Đồng Xoài", "72": "Tây Ninh", "74": "Thủ Dầu Một",
    "75": "Biên Hòa", "77": "Bà Rịa", "80": "Tân An", "82": "Mỹ Tho",
    "83": "Bến Tre", "84": "Trà Vinh", "86": "Vĩnh Long", "87": "Cao Lãnh",
    "89": "Long Xuyên", "91": "Rạch Giá", "93": "Vị Thanh", "94": "Sóc Trăng",
    "95": "Bạc Liêu", "96": "Cà Mau",
}
# New merged provinces, keyed by post-reform GSO code: Resolution 202/2025/QH15
# places each new province's political-administrative centre in one of the
# merged provinces; we give that province's former capital city (city-level
# units were abolished on 2025-07-01, so the seat now lies in a ward of that
# former city). The new code is, in every case, the old code of the province
# hosting the centre (e.g. Quảng Trị 44 = old Quảng Bình, seat Đồng Hới).
CAPITAL_2025 = {
    "08": "Tuyên Quang", "15": "Yên Bái", "19": "Thái Nguyên", "24": "Bắc Giang",
    "25": "Việt Trì", "33": "Hưng Yên", "37": "Hoa Lư", "44": "Đồng Hới",
    "51": "Quảng Ngãi", "52": "Quy Nhơn", "56": "Nha Trang", "66": "Buôn Ma Thuột",
    "68": "Đà Lạt", "75": "Biên Hòa", "80": "Tân An", "82": "Mỹ Tho",
    "86": "Vĩnh Long", "91": "Rạch Giá", "96": "Cà Mau",
}

# --- English names ------------------------------------------------------------
# Default: the Vietnamese name with diacritics removed (Đ -> D). Overrides:
NAME_EN_OVERRIDE = {
    "Hà Nội": "Hanoi",
    "Hồ Chí Minh": "Ho Chi Minh City",
}

# --- aliases --------------------------------------------------------------------
# Other spellings used by the press, keyed by the entity's name (applies to
# every entity bearing that name: the validity of same-name entities never
# overlaps). No accent-free copies (the matcher folds accents) and no plain
# "tỉnh X" / "thành phố X" forms (the matcher adds them).
ALIASES = {
    "Hồ Chí Minh": ["TP.HCM", "TP. HCM", "TP HCM", "TPHCM", "TP. Hồ Chí Minh",
                    "TP Hồ Chí Minh", "Thành phố HCM", "Sài Gòn", "Saigon"],
    "Huế": ["Thừa Thiên Huế", "Thừa Thiên - Huế", "Thừa Thiên-Huế",
            "Thừa Thiên – Huế", "TT-Huế", "TT Huế", "TT.Huế"],
    "Bà Rịa - Vũng Tàu": ["Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu",
                          "Bà Rịa Vũng Tàu", "BR-VT", "BRVT"],
    "Đắk Lắk": ["Đắc Lắc", "Đắk Lắc", "Đăk Lăk", "Đắk Lăk", "Daklak"],
    "Đắk Nông": ["Đắc Nông", "Đăk Nông", "Daknong"],
    "Kon Tum": ["Kontum"],
    "Hòa Bình": ["Hoà Bình"],
    "Khánh Hòa": ["Khánh Hoà"],
    "Thanh Hóa": ["Thanh Hoá"],
    "Bắc Kạn": ["Bắc Cạn"],
    "Hải Phòng": ["Haiphong"],
    "Đà Nẵng": ["Danang"],
}

# --- Wikidata -------------------------------------------------------------------
# QIDs of the 63 pre-reform units, from the Wikidata "contains the
# administrative territorial entity" (P150) list of Vietnam (Q881) as exported
# in SpocWiki/_Standards, Earth/Continent/Asia/Asia~South~East/Vietnam.md
# (commits 096a9ba2…, 2797c041…; both list the same 63 items). Keyed here by
# the unit's name (the 63 names are distinct) and applied to the pre-reform
# entity of that name only. New 2025 entities have no verified QID.
WIKIDATA_BY_NAME = {
    # name in this table: QID   (label in the source where it differs)
    "Hải Phòng": "",  # blanked: single unconfirmed source
    "Cần Thơ": "",  # blanked: single unconfirmed source
    "Tuyên Quang": "",  # blanked: single unconfirmed source
    "Hồ Chí Minh": "Q1854",  # Ho Chi Minh City
    "Hà Nội": "Q1858",  # Hanoi
    "Quảng Bình": "Q23533",
    "Đà Nẵng": "Q25282",  # Da Nang
    "Thái Nguyên": "Q26575",
    "Long An": "Q26573",
    "Vĩnh Phúc": "Q27566",
    "Đồng Nai": "Q33271",
    "Sóc Trăng": "Q33272",
    "Quảng Ngãi": "Q33304",
    "Hà Tĩnh": "Q33351",
    "Cà Mau": "Q33354",
    "Quảng Nam": "Q33356",
    "Bến Tre": "Q33366",
    "Khánh Hòa": "Q33369",
    "Sơn La": "Q33379",
    "Quảng Ninh": "Q33396",
    "Lạng Sơn": "Q33403",
    "Bắc Ninh": "Q33408",
    "Hòa Bình": "Q36015",
    "Hưng Yên": "Q36235",
    "Kon Tum": "Q36315",
    "Hậu Giang": "Q36320",
    "Yên Bái": "Q36349",
    "Bắc Giang": "Q36367",
    "Huế": "Q36399",  # the former Thừa Thiên Huế province item, labelled Huế
    "Bắc Kạn": "Q36404",
    "Lai Châu": "Q36409",
    "Hà Nam": "Q36413",
    "Lào Cai": "Q36446",
    "Thanh Hóa": "Q36512",
    "Quảng Trị": "Q36579",
    "Kiên Giang": "Q36576",
    "Nghệ An": "Q36587",
    "An Giang": "Q36592",
    "Phú Thọ": "Q36610",
    "Tây Ninh": "Q36608",
    "Trà Vinh": "Q36615",
    "Bạc Liêu": "Q36658",  # Bạc Liêu province
    "Gia Lai": "Q36662",
    "Tiền Giang": "Q36666",
    "Bình Phước": "Q36672",
    "Đồng Tháp": "Q36676",
    "Thái Bình": "Q36681",
    "Hà Giang": "Q36685",
    "Đắk Lắk": "Q36690",
    "Bình Định": "Q36693",
    "Đắk Nông": "Q36723",
    "Lâm Đồng": "Q36721",
    "Phú Yên": "Q36725",  # Phu Yen
    "Hải Dương": "Q36729",
    "Bình Dương": "Q36866",
    "Cao Bằng": "Q36865",
    "Bình Thuận": "Q36869",
    "Bà Rịa - Vũng Tàu": "Q36874",  # Bà Rịa-Vũng Tàu
    "Ninh Thuận": "Q36903",
    "Ninh Bình": "Q36900",
    "Nam Định": "Q36907",
    "Điện Biên": "Q36955",
    "Vĩnh Long": "",  # blanked: single unconfirmed source
}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def strip_prefix(full: str) -> str:
    for p in ("Thành phố ", "Tỉnh "):
        if full.startswith(p):
            return full[len(p):]
    raise ValueError(full)


def unit_type(full: str) -> str:
    return "municipality" if full.startswith("Thành phố ") else "province"


def ascii_name(name: str) -> str:
    if name in NAME_EN_OVERRIDE:
        return NAME_EN_OVERRIDE[name]
    s = name.replace("Đ", "D").replace("đ", "d")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def load_vau():
    data_dir = Path(vietnamadminunits.__file__).parent / "data"
    with sqlite3.connect(data_dir / "dataset.db") as conn:
        legacy_rows = conn.execute(
            "SELECT DISTINCT provinceCode, province, provinceShort, provinceKey "
            "FROM admin_units_legacy").fetchall()
        new_rows = conn.execute(
            "SELECT DISTINCT provinceCode, province, provinceShort, provinceKey "
            "FROM admin_units").fetchall()
    conv = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))
    # provinceKey -> (code, full name, short name, key), all NFC
    legacy = {r[3]: tuple(nfc(x) for x in r) for r in legacy_rows}
    new = {r[3]: tuple(nfc(x) for x in r) for r in new_rows}
    assert len(legacy) == 63 and len({r[0] for r in legacy.values()}) == 63
    assert len(new) == 34 and len({r[0] for r in new.values()}) == 34
    merge = conv["DICT_PROVINCE"]
    assert set(merge) == set(new)
    olds = [k for v in merge.values() for k in v]
    assert sorted(olds) == sorted(legacy), "each old unit maps to exactly one new one"
    return legacy, new, merge


def build() -> list[dict]:
    legacy, new, merge = load_vau()
    by_short = {r[2]: r for r in legacy.values()}
    iso = {}
    for sub in pycountry.subdivisions.get(country_code="VN"):
        name = ISO_NAME_FIX.get(sub.code, nfc(sub.name))
        iso[by_short[name][3]] = sub.code  # KeyError = unmatched ISO name
    assert len(iso) == 63

    rows: dict[str, dict] = {}
    # new-unit key -> entity id of the post-reform unit
    post_id = {}
    for nkey, okeys in merge.items():
        ncode, nfull, nshort, _ = new[nkey]
        if len(okeys) == 1:  # not merged: same entity before and after
            (okey,) = okeys
            assert okey == nkey, (okey, nkey)
            post_id[nkey] = iso[okey]
        else:
            post_id[nkey] = f"VN-2025-{ncode}"
            rows[post_id[nkey]] = {
                "id": post_id[nkey], "name": nshort, "old_name": "",
                "unit_type": unit_type(nfull), "name_en": ascii_name(nshort),
                "iso3166_2": "", "gso_code": ncode, "gso_code_2025": ncode,
                "valid_from": REFORM_FIRST_DAY, "valid_to": "", "merged_into": "",
                "region": REGION_2025[ncode], "capital": CAPITAL_2025.get(ncode, ""),
                "aliases": "|".join(ALIASES.get(nshort, [])), "wikidata": "",
            }
            if unit_type(nfull) == "municipality":
                rows[post_id[nkey]]["capital"] = ""

    new_of_old = {o: n for n, olds in merge.items() for o in olds}
    for okey, (ocode, ofull, oshort, _) in legacy.items():
        eid = iso[okey]
        nkey = new_of_old[okey]
        unchanged = len(merge[nkey]) == 1
        ncode = new[nkey][0]
        name = oshort
        assert name == ISO_NAME_FIX.get(eid, name)
        row = {
            "id": eid, "name": name, "old_name": "", "unit_type": unit_type(ofull),
            "name_en": ascii_name(name), "iso3166_2": eid, "gso_code": ocode,
            "gso_code_2025": ncode if unchanged else "", "valid_from": "",
            "valid_to": "" if unchanged else REFORM_LAST_DAY_BEFORE,
            "merged_into": "" if unchanged else post_id[nkey],
            "region": REGION_LEGACY[ocode],
            "capital": "" if unit_type(ofull) == "municipality" else CAPITAL_LEGACY[ocode],
            "aliases": "|".join(ALIASES.get(name, [])), "wikidata": WIKIDATA_BY_NAME[name],
        }
        if eid == "VN-26":
            row["old_name"] = "Thừa Thiên Huế"
        if unchanged:
            assert REGION_2025[ncode] == row["region"], eid
            if ncode != ocode:  # none in 2025; keep the old code in gso_code
                print(f"note: {eid} code changed {ocode} -> {ncode}", file=sys.stderr)
        rows[eid] = row

    assert len(WIKIDATA_BY_NAME) == 63
    filled = [q for q in WIKIDATA_BY_NAME.values() if q]
    assert len(set(filled)) == len(filled)  # no QID given to two units
    out = [rows[k] for k in sorted(rows)]
    for r in out:
        for k, v in r.items():
            r[k] = nfc(v)
    return out


def main() -> None:
    rows = build()
    assert len(rows) == 86, len(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, quoting=csv.QUOTE_MINIMAL,
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
