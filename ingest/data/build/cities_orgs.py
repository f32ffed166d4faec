"""Build two gazetteer tables used to recognise foreign places and
organisations in Vietnamese foreign-affairs news:

    ingest/data/foreign_cities.csv   foreign cities, counties, towns that are
                                     NOT ISO 3166-2 first-level subdivisions
    ingest/data/organizations.csv    international organisations, agencies,
                                     missions, companies, NGOs, party bodies

Run from anywhere with the project venv:

    .venv/bin/python ingest/data/build/cities_orgs.py

Everything below is curated by hand as data (facts, no copied prose); see
../SOURCES_cities_orgs.md for sources, method and uncertainties. The script
checks the invariants it relies on (pycountry codes, parent in country,
unique slug ids, aliases distinct after folding) and writes both CSVs sorted
by id, UTF-8 NFC, csv-module quoting.

Alias convention: ``aliases`` holds only surface forms that are genuinely
different from the row's other name columns (name_en / name_vi for cities;
name / name_en / acronym for organisations) once case, diacritics, hyphens,
dots and apostrophes are folded away. A matcher should index every name
column plus the aliases.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parents[1]
CITIES_OUT = DATA / "foreign_cities.csv"
ORGS_OUT = DATA / "organizations.csv"

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


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


def fold(s: str) -> str:
    """Matcher-style folding: no case, no diacritics, no hyphen/dot noise."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("đ", "d").replace("Đ", "D").casefold()
    s = re.sub(r"[-‐‑–—_/]", " ", s)
    s = re.sub(r"[.'’`]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("đ", "d").replace("Đ", "D"))
    s = s.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def clean_aliases(primary: list[str], aliases: list[str], row_id: str) -> str:
    """Drop nothing silently: a duplicate alias is a data error."""
    seen = {fold(p) for p in primary if p}
    out = []
    for a in aliases:
        a = nfc(a)
        f = fold(a)
        if not a or f in seen:
            raise SystemExit(f"{row_id}: alias {a!r} repeats another name")
        seen.add(f)
        out.append(a)
    return "|".join(out)


# --------------------------------------------------------------------------
# Wikidata QIDs: only those read in a public data file found with the search
# tool (see SOURCES_cities_orgs.md, section "QID provenance").  Key = row id,
# value = (QID, source key).  Source keys:
#   SV  confirmordeny/supraverden dist/ALL_BODIES.md and UN_BODIES.md
#       (curated list of international organisations with Wikidata codes)
#   IO  the INTL_ORGS registry of international bodies (OpenSanctions-style
#       Wikidata position code; file found by find_string, two entries
#       cross-checked against SV)
#   JW  a Wikidata JSON-dump extraction example (Belgium's P463 memberships
#       with Japanese labels) in a public repository
#   CO  several independent public files mapping company names to QIDs
#       (agreeing); listed per entry in SOURCES_cities_orgs.md
#   CI  several independent public files mapping city names to QIDs
# --------------------------------------------------------------------------

ORG_QIDS: dict[str, tuple[str, str]] = {
    "org-un": ("Q1065", "SV+IO+JW"),
    "org-unesco": ("Q7809", "SV+IO+JW"),
    "org-unicef": ("Q740308", "SV+IO"),
    "org-undp": ("Q161718", "SV+IO"),
    "org-unfpa": ("Q623036", "SV"),
    "org-who": ("Q7817", "SV+IO"),
    "org-fao": ("Q82151", "SV+IO"),
    "org-ilo": ("Q54129", "SV+IO"),
    "org-iom": ("Q472311", "SV"),
    "org-un-women": ("Q641576", "SV+IO"),
    "org-wfp": ("Q204344", "SV+IO"),
    "org-unido": ("Q386120", "SV"),
    "org-un-habitat": ("Q487883", "SV"),
    "org-unep": ("Q182016", "SV"),
    "org-ifad": ("Q689859", "SV"),
    "org-escap": ("Q1142901", "SV"),
    "org-world-bank": ("Q7164", "SV"),
    "org-ifc": ("Q656801", "SV+JW"),
    "org-adb": ("Q188822", "SV+JW"),
    "org-aiib": ("Q18109843", "SV"),
    "org-imf": ("Q7804", "SV+IO"),
    "org-eib": ("Q192247", "SV+IO"),
    "org-opec-fund": ("Q392787", "SV"),
    "org-eu": ("Q458", "SV+IO+JW"),
    "org-asean": ("Q7768", "SV"),
    "org-mrc": ("Q935878", "SV"),
    "org-wto": ("Q7825", "SV+IO+JW"),
    "org-oif": ("Q134102", "SV"),
    "org-iucn": ("Q48268", "SV"),
    "org-gggi": ("Q12586353", "SV"),
    # companies
    "org-toyota": ("Q53268", "CO"),
    "org-honda": ("Q9584", "CO"),
    "org-canon": ("Q62621", "CO"),
    "org-bosch": ("Q234021", "CO"),
}

CITY_QIDS: dict[str, tuple[str, str]] = {
    # China (prefecture-level city items)
    "cn-guangzhou": ("Q16572", "CI"),
    "cn-shenzhen": ("Q15174", "CI"),
    "cn-chengdu": ("Q30002", "CI"),
    "cn-hangzhou": ("Q4970", "CI"),
    "cn-xi-an": ("Q5826", "CI"),
    "cn-nanjing": ("Q16666", "CI"),
    "cn-wuhan": ("Q11746", "CI"),
    "cn-suzhou": ("Q42622", "CI"),
    # Japan
    "jp-yokohama": ("Q38283", "CI"),
    "jp-nagoya": ("Q11751", "CI"),
    "jp-sapporo": ("Q37951", "CI"),
    "jp-kobe": ("Q48320", "CI"),
    # United States
    "us-seattle": ("Q5083", "CI"),
    "us-san-francisco": ("Q62", "CI"),
    "us-los-angeles": ("Q65", "CI"),
    "us-san-jose": ("Q16553", "CI"),
    "us-san-diego": ("Q16552", "CI"),
    "us-houston": ("Q16555", "CI"),
    "us-chicago": ("Q1297", "CI"),
    "us-boston": ("Q100", "CI"),
    "us-honolulu": ("Q18094", "CI"),
    "us-portland": ("Q6106", "CI"),
    # Australia
    "au-sydney": ("Q3130", "CI"),
    "au-melbourne": ("Q3141", "CI"),
    "au-perth": ("Q3183", "CI"),
    "au-brisbane": ("Q34932", "CI"),
    "au-adelaide": ("Q5112", "CI"),
    "au-canberra": ("Q3114", "CI"),
    # United Kingdom, Canada, Netherlands
    "gb-london": ("Q84", "CI"),
    "gb-manchester": ("Q18125", "CI"),
    "ca-toronto": ("Q172", "CI"),
    "ca-vancouver": ("Q24639", "CI"),
    "ca-montreal": ("Q340", "CI"),
    "nl-amsterdam": ("Q727", "CI"),
    "nl-rotterdam": ("Q34370", "CI"),
    "nl-the-hague": ("Q36600", "CI"),
    # France
    "fr-lyon": ("Q456", "CI"),
    "fr-toulouse": ("Q7880", "CI"),
    "fr-bordeaux": ("Q1479", "CI"),
    "fr-marseille": ("Q23482", "CI"),
    "fr-nantes": ("Q12191", "CI"),
    "fr-lille": ("Q648", "CI"),
    "fr-strasbourg": ("Q6602", "CI"),
    "fr-montpellier": ("Q6441", "CI"),
    # Germany
    "de-leipzig": ("Q2079", "CI"),
    "de-dresden": ("Q1731", "CI"),
    "de-erfurt": ("Q1729", "CI"),
    "de-potsdam": ("Q1711", "CI"),
    "de-munich": ("Q1726", "CI"),
    "de-frankfurt-am-main": ("Q1794", "CI"),
    "de-dusseldorf": ("Q1718", "CI"),
    "de-rostock": ("Q2861", "CI"),
    # Italy
    "it-naples": ("Q2634", "CI"),
    "it-milan": ("Q490", "CI"),
    "it-rome": ("Q220", "CI"),
    "it-venice": ("Q641", "CI"),
    "it-florence": ("Q2044", "CI"),
    "it-turin": ("Q495", "CI"),
    # Czechia, Poland
    "cz-brno": ("Q14960", "CI"),
    "pl-warsaw": ("Q270", "CI"),
    "pl-krakow": ("Q31487", "CI"),
    # Russia
    "ru-vladivostok": ("Q959", "CI"),
    "ru-novosibirsk": ("Q883", "CI"),
    "ru-yekaterinburg": ("Q887", "CI"),
    "ru-kazan": ("Q900", "CI"),
}


# --------------------------------------------------------------------------
# foreign cities
# (country, name_en, name_vi, parent ISO 3166-2, kind, [aliases])
# --------------------------------------------------------------------------

CITIES: list[tuple[str, str, str, str, str, list[str]]] = [
    # --- China: Guangxi (border and partner localities) ---
    ("CN", "Nanning", "Nam Ninh", "CN-GX", "city", []),
    ("CN", "Chongzuo", "Sùng Tả", "CN-GX", "city", []),
    ("CN", "Pingxiang", "Bằng Tường", "CN-GX", "city", []),
    ("CN", "Ningming", "Ninh Minh", "CN-GX", "county", []),
    ("CN", "Longzhou", "Long Châu", "CN-GX", "county", []),
    ("CN", "Daxin", "Đại Tân", "CN-GX", "county", []),
    ("CN", "Baise", "Bách Sắc", "CN-GX", "city", []),
    ("CN", "Jingxi", "Tĩnh Tây", "CN-GX", "city", []),
    ("CN", "Napo", "Na Pha", "CN-GX", "county", []),
    ("CN", "Fangchenggang", "Phòng Thành Cảng", "CN-GX", "city",
     ["Phòng Thành"]),
    ("CN", "Dongxing", "Đông Hưng", "CN-GX", "city", []),
    ("CN", "Qinzhou", "Khâm Châu", "CN-GX", "city", []),
    ("CN", "Beihai", "Bắc Hải", "CN-GX", "city", []),
    ("CN", "Hechi", "Hà Trì", "CN-GX", "city", []),
    ("CN", "Guilin", "Quế Lâm", "CN-GX", "city", []),
    ("CN", "Liuzhou", "Liễu Châu", "CN-GX", "city", []),
    ("CN", "Wuzhou", "Ngô Châu", "CN-GX", "city", []),
    ("CN", "Yulin", "Ngọc Lâm", "CN-GX", "city", []),
    # --- China: Yunnan ---
    ("CN", "Kunming", "Côn Minh", "CN-YN", "city", []),
    ("CN", "Honghe", "Hồng Hà", "CN-YN", "prefecture",
     ["Honghe Hani and Yi Autonomous Prefecture"]),
    ("CN", "Mengzi", "Mông Tự", "CN-YN", "city", []),
    ("CN", "Gejiu", "Cá Cựu", "CN-YN", "city", []),
    ("CN", "Hekou", "Hà Khẩu", "CN-YN", "county",
     ["Hekou Yao Autonomous County"]),
    ("CN", "Jinping", "Kim Bình", "CN-YN", "county",
     ["Jinping Miao, Yao and Dai Autonomous County"]),
    ("CN", "Lüchun", "Lục Xuân", "CN-YN", "county", []),
    ("CN", "Wenshan", "Văn Sơn", "CN-YN", "prefecture",
     ["Wenshan Zhuang and Miao Autonomous Prefecture"]),
    ("CN", "Maguan", "Mã Quan", "CN-YN", "county", []),
    ("CN", "Malipo", "Ma Lật Pha", "CN-YN", "county", []),
    ("CN", "Funing", "Phú Ninh", "CN-YN", "county", []),
    ("CN", "Pu'er", "Phổ Nhĩ", "CN-YN", "city", ["Simao", "Tư Mao"]),
    ("CN", "Jiangcheng", "Giang Thành", "CN-YN", "county",
     ["Jiangcheng Hani and Yi Autonomous County"]),
    ("CN", "Xishuangbanna", "Tây Song Bản Nạp", "CN-YN", "prefecture",
     ["Xishuangbanna Dai Autonomous Prefecture"]),
    ("CN", "Jinghong", "Cảnh Hồng", "CN-YN", "city", []),
    # --- China: Guangdong ---
    ("CN", "Guangzhou", "Quảng Châu", "CN-GD", "city", ["Canton"]),
    ("CN", "Shenzhen", "Thâm Quyến", "CN-GD", "city", []),
    ("CN", "Dongguan", "Đông Quản", "CN-GD", "city", []),
    ("CN", "Foshan", "Phật Sơn", "CN-GD", "city", []),
    ("CN", "Zhuhai", "Chu Hải", "CN-GD", "city", []),
    ("CN", "Zhanjiang", "Trạm Giang", "CN-GD", "city", []),
    ("CN", "Shantou", "Sán Đầu", "CN-GD", "city", []),
    # --- China: other major partner cities (not municipalities: Beijing,
    # Shanghai, Tianjin, Chongqing, Hong Kong, Macao are ISO units) ---
    ("CN", "Chengdu", "Thành Đô", "CN-SC", "city", []),
    ("CN", "Hangzhou", "Hàng Châu", "CN-ZJ", "city", []),
    ("CN", "Ningbo", "Ninh Ba", "CN-ZJ", "city", []),
    ("CN", "Wuhan", "Vũ Hán", "CN-HB", "city", []),
    ("CN", "Xi'an", "Tây An", "CN-SN", "city", []),
    ("CN", "Nanjing", "Nam Kinh", "CN-JS", "city", []),
    ("CN", "Suzhou", "Tô Châu", "CN-JS", "city", []),
    ("CN", "Xiamen", "Hạ Môn", "CN-FJ", "city", []),
    ("CN", "Qingdao", "Thanh Đảo", "CN-SD", "city", []),
    ("CN", "Dalian", "Đại Liên", "CN-LN", "city", []),
    ("CN", "Haikou", "Hải Khẩu", "CN-HI", "city", []),
    ("CN", "Sanya", "Tam Á", "CN-HI", "city", []),
    ("CN", "Guiyang", "Quý Dương", "CN-GZ", "city", []),

    # --- Laos: towns and districts that are not provinces ---
    ("LA", "Kaysone Phomvihane", "Kaysone Phomvihane", "LA-SV", "city",
     ["Cay-xỏn Phôm-vi-hản", "Khanthabouly"]),
    ("LA", "Pakse", "Pắc Xế", "LA-CH", "city", ["Pakxe"]),
    ("LA", "Thakhek", "Thà Khẹt", "LA-KH", "city", ["Thakhaek"]),
    ("LA", "Lak Sao", "Lạc Xao", "LA-BL", "town", ["Lak Xao"]),
    ("LA", "Paksan", "Paksan", "LA-BL", "town", ["Paksane"]),
    ("LA", "Phonsavan", "Phôn-xa-vẳn", "LA-XI", "town", ["Phonsavanh"]),
    ("LA", "Xam Neua", "Sầm Nưa", "LA-HO", "town", ["Sam Neua"]),
    ("LA", "Muang Xay", "Mường Xay", "LA-OU", "town", ["Muang Xai"]),
    ("LA", "Vang Vieng", "Vang Viêng", "LA-VI", "town", []),
    ("LA", "Muang Khua", "Mường Khoa", "LA-PH", "district", []),
    ("LA", "Sepon", "Xê Pôn", "LA-SV", "district", ["Xepon"]),
    ("LA", "Dansavanh", "Đen-xa-vẳn", "LA-SV", "town", ["Densavan"]),
    ("LA", "Nong Het", "Nọng Hẹt", "LA-XI", "district", []),
    ("LA", "Viengxay", "Viêng Xay", "LA-HO", "district", ["Vieng Xai"]),

    # --- Cambodia: towns and districts that are not provinces
    # (Sihanoukville is left out: it also names the province KH-18) ---
    ("KH", "Bavet", "Bavet", "KH-20", "city", ["Ba Vét"]),
    ("KH", "Poipet", "Poipet", "KH-1", "city", []),
    ("KH", "Ta Khmau", "Ta Khmau", "KH-8", "city", []),
    ("KH", "Suong", "Suông", "KH-25", "city", []),
    ("KH", "Ban Lung", "Ban Lung", "KH-16", "city", []),
    ("KH", "Senmonorom", "Senmonorom", "KH-11", "city", []),
    ("KH", "Samraong", "Samraong", "KH-22", "city", []),
    ("KH", "Memot", "Memot", "KH-25", "district", []),
    ("KH", "Snuol", "Snuol", "KH-10", "district", []),

    # --- South Korea: cities (si); metropolitan cities, Seoul, Sejong and
    # Jeju are ISO units and live in the region table ---
    ("KR", "Seongnam", "Seongnam", "KR-41", "city", ["Seongnam-si"]),
    ("KR", "Suwon", "Suwon", "KR-41", "city", ["Suwon-si"]),
    ("KR", "Gunpo", "Gunpo", "KR-41", "city", ["Gunpo-si"]),
    ("KR", "Gwangmyeong", "Gwangmyeong", "KR-41", "city",
     ["Gwangmyeong-si"]),
    ("KR", "Namyangju", "Namyangju", "KR-41", "city", ["Namyangju-si"]),
    ("KR", "Goyang", "Goyang", "KR-41", "city", ["Goyang-si"]),
    ("KR", "Yongin", "Yongin", "KR-41", "city", ["Yongin-si"]),
    ("KR", "Hwaseong", "Hwaseong", "KR-41", "city", ["Hwaseong-si"]),
    ("KR", "Ansan", "Ansan", "KR-41", "city", ["Ansan-si"]),
    ("KR", "Bucheon", "Bucheon", "KR-41", "city", ["Bucheon-si"]),
    ("KR", "Gimpo", "Gimpo", "KR-41", "city", ["Gimpo-si"]),
    ("KR", "Pyeongtaek", "Pyeongtaek", "KR-41", "city", ["Pyeongtaek-si"]),
    ("KR", "Paju", "Paju", "KR-41", "city", ["Paju-si"]),
    ("KR", "Siheung", "Siheung", "KR-41", "city", ["Siheung-si"]),
    ("KR", "Anyang", "Anyang", "KR-41", "city", ["Anyang-si"]),
    ("KR", "Uijeongbu", "Uijeongbu", "KR-41", "city", ["Uijeongbu-si"]),
    ("KR", "Icheon", "Icheon", "KR-41", "city", ["Icheon-si"]),
    ("KR", "Chuncheon", "Chuncheon", "KR-42", "city", ["Chuncheon-si"]),
    ("KR", "Wonju", "Wonju", "KR-42", "city", ["Wonju-si"]),
    ("KR", "Gangneung", "Gangneung", "KR-42", "city", ["Gangneung-si"]),
    ("KR", "Cheongju", "Cheongju", "KR-43", "city", ["Cheongju-si"]),
    ("KR", "Chungju", "Chungju", "KR-43", "city", ["Chungju-si"]),
    ("KR", "Cheonan", "Cheonan", "KR-44", "city", ["Cheonan-si"]),
    ("KR", "Asan", "Asan", "KR-44", "city", ["Asan-si"]),
    ("KR", "Jeonju", "Jeonju", "KR-45", "city", ["Jeonju-si"]),
    ("KR", "Gunsan", "Gunsan", "KR-45", "city", ["Gunsan-si"]),
    ("KR", "Iksan", "Iksan", "KR-45", "city", ["Iksan-si"]),
    ("KR", "Mokpo", "Mokpo", "KR-46", "city", ["Mokpo-si"]),
    ("KR", "Yeosu", "Yeosu", "KR-46", "city", ["Yeosu-si"]),
    ("KR", "Suncheon", "Suncheon", "KR-46", "city", ["Suncheon-si"]),
    ("KR", "Gwangyang", "Gwangyang", "KR-46", "city", ["Gwangyang-si"]),
    ("KR", "Andong", "Andong", "KR-47", "city", ["Andong-si"]),
    ("KR", "Gyeongju", "Gyeongju", "KR-47", "city", ["Gyeongju-si"]),
    ("KR", "Pohang", "Pohang", "KR-47", "city", ["Pohang-si"]),
    ("KR", "Gumi", "Gumi", "KR-47", "city", ["Gumi-si"]),
    ("KR", "Gyeongsan", "Gyeongsan", "KR-47", "city", ["Gyeongsan-si"]),
    ("KR", "Changwon", "Changwon", "KR-48", "city", ["Changwon-si"]),
    ("KR", "Gimhae", "Gimhae", "KR-48", "city", ["Gimhae-si"]),
    ("KR", "Jinju", "Jinju", "KR-48", "city", ["Jinju-si"]),
    ("KR", "Tongyeong", "Tongyeong", "KR-48", "city", ["Tongyeong-si"]),
    ("KR", "Geoje", "Geoje", "KR-48", "city", ["Geoje-si"]),
    ("KR", "Yangsan", "Yangsan", "KR-48", "city", ["Yangsan-si"]),

    # --- Japan: cities whose name is not that of a prefecture ---
    ("JP", "Sapporo", "Sapporo", "JP-01", "city", []),
    ("JP", "Sendai", "Sendai", "JP-04", "city", []),
    ("JP", "Hachioji", "Hachioji", "JP-13", "city", []),
    ("JP", "Yokohama", "Yokohama", "JP-14", "city", []),
    ("JP", "Kawasaki", "Kawasaki", "JP-14", "city", []),
    ("JP", "Kanazawa", "Kanazawa", "JP-17", "city", []),
    ("JP", "Hamamatsu", "Hamamatsu", "JP-22", "city", []),
    ("JP", "Nagoya", "Nagoya", "JP-23", "city", []),
    ("JP", "Sakai", "Sakai", "JP-27", "city", []),
    ("JP", "Higashiosaka", "Higashiosaka", "JP-27", "city",
     ["Higashi-Osaka"]),
    ("JP", "Kobe", "Kobe", "JP-28", "city", []),
    ("JP", "Himeji", "Himeji", "JP-28", "city", []),
    ("JP", "Matsue", "Matsue", "JP-32", "city", []),
    ("JP", "Takamatsu", "Takamatsu", "JP-37", "city", []),
    ("JP", "Kitakyushu", "Kitakyushu", "JP-40", "city", ["Kita-Kyushu"]),
    ("JP", "Naha", "Naha", "JP-47", "city", []),

    # --- Thailand (Pattaya is ISO TH-S; provincial capitals share the
    # province's name and are left to the region table) ---
    ("TH", "Hat Yai", "Hat Yai", "TH-90", "city", []),
    ("TH", "Mae Sot", "Mae Sot", "TH-63", "town", []),
    ("TH", "Hua Hin", "Hua Hin", "TH-77", "town", []),

    # --- Germany ---
    ("DE", "Triptis", "Triptis", "DE-TH", "town", []),
    ("DE", "Erfurt", "Erfurt", "DE-TH", "city", []),
    ("DE", "Potsdam", "Potsdam", "DE-BB", "city", ["Pốt-xđam"]),
    ("DE", "Leipzig", "Leipzig", "DE-SN", "city", ["Lai-pxích"]),
    ("DE", "Dresden", "Dresden", "DE-SN", "city", ["Đrét-xđen"]),
    ("DE", "Munich", "Munich", "DE-BY", "city", ["München", "Muy-ních"]),
    ("DE", "Frankfurt am Main", "Frankfurt", "DE-HE", "city",
     ["Phran-phuốc"]),
    ("DE", "Düsseldorf", "Düsseldorf", "DE-NW", "city", []),
    ("DE", "Rostock", "Rostock", "DE-MV", "city", []),

    # --- France ---
    ("FR", "Toulouse", "Toulouse", "FR-OCC", "city", ["Tu-lu-dơ"]),
    ("FR", "Montpellier", "Montpellier", "FR-OCC", "city",
     ["Mông-pê-li-ê"]),
    ("FR", "Lyon", "Lyon", "FR-ARA", "city", ["Li-ông"]),
    ("FR", "Nantes", "Nantes", "FR-PDL", "city", ["Năng-tơ"]),
    ("FR", "Bordeaux", "Bordeaux", "FR-NAQ", "city", ["Boóc-đô"]),
    ("FR", "Marseille", "Marseille", "FR-PAC", "city", ["Mác-xây"]),
    ("FR", "Strasbourg", "Strasbourg", "FR-GES", "city", ["Xtrát-xbua"]),
    ("FR", "Lille", "Lille", "FR-HDF", "city", []),

    # --- Italy ---
    ("IT", "Naples", "Napoli", "IT-72", "city", ["Na-pô-li"]),
    ("IT", "Milan", "Milano", "IT-25", "city", ["Mi-la-nô"]),
    ("IT", "Rome", "Roma", "IT-62", "city", ["Rô-ma"]),
    ("IT", "Venice", "Venezia", "IT-34", "city", []),
    ("IT", "Florence", "Florence", "IT-52", "city", ["Firenze"]),
    ("IT", "Turin", "Torino", "IT-21", "city", []),

    # --- Czechia, Poland (Karlovy Vary and Plzeň are left out: in the
    # press they mostly mean the regions of the same name) ---
    ("CZ", "Ústí nad Labem", "Ústí nad Labem", "CZ-42", "city", []),
    ("CZ", "Brno", "Brno", "CZ-64", "city", []),
    ("CZ", "Cheb", "Cheb", "CZ-41", "town", []),
    ("CZ", "Ostrava", "Ostrava", "CZ-80", "city", []),
    ("PL", "Warsaw", "Vác-sa-va", "PL-14", "city", ["Warszawa"]),
    ("PL", "Kraków", "Kraków", "PL-12", "city", ["Cracow"]),

    # --- United States ---
    ("US", "Seattle", "Seattle", "US-WA", "city", []),
    ("US", "San Francisco", "San Francisco", "US-CA", "city",
     ["Xan Phran-xi-xcô"]),
    ("US", "Los Angeles", "Los Angeles", "US-CA", "city",
     ["Lốt An-giơ-lét"]),
    ("US", "San Jose", "San Jose", "US-CA", "city", []),
    ("US", "San Diego", "San Diego", "US-CA", "city", []),
    ("US", "Houston", "Houston", "US-TX", "city", ["Hiu-xtơn"]),
    ("US", "Chicago", "Chicago", "US-IL", "city", ["Si-ca-gô"]),
    ("US", "Boston", "Boston", "US-MA", "city", ["Bô-xtơn"]),
    ("US", "Honolulu", "Honolulu", "US-HI", "city", []),
    ("US", "Portland", "Portland", "US-OR", "city", []),

    # --- Australia ---
    ("AU", "Sydney", "Sydney", "AU-NSW", "city", ["Xít-ni"]),
    ("AU", "Melbourne", "Melbourne", "AU-VIC", "city", ["Men-bơn"]),
    ("AU", "Perth", "Perth", "AU-WA", "city", []),
    ("AU", "Darwin", "Darwin", "AU-NT", "city", []),
    ("AU", "Brisbane", "Brisbane", "AU-QLD", "city", []),
    ("AU", "Adelaide", "Adelaide", "AU-SA", "city", []),
    ("AU", "Canberra", "Canberra", "AU-ACT", "city", ["Can-bê-ra"]),
    ("AU", "Hobart", "Hobart", "AU-TAS", "city", []),

    # --- Russia (Moscow and Saint Petersburg are ISO units; Irkutsk,
    # Khabarovsk, Ulyanovsk are left out: the press means the regions) ---
    ("RU", "Vladivostok", "Vladivostok", "RU-PRI", "city",
     ["Vla-đi-vô-xtốc"]),
    ("RU", "Nakhodka", "Nakhodka", "RU-PRI", "city", []),
    ("RU", "Novosibirsk", "Novosibirsk", "RU-NVS", "city",
     ["Nô-vô-xi-biếc"]),
    ("RU", "Yekaterinburg", "Yekaterinburg", "RU-SVE", "city",
     ["Ekaterinburg", "Ê-ca-tê-rin-bua"]),
    ("RU", "Kazan", "Kazan", "RU-TA", "city", ["Ca-dan"]),

    # --- United Kingdom, Canada, Netherlands ---
    ("GB", "London", "Luân Đôn", "GB-ENG", "city", []),
    ("GB", "Manchester", "Manchester", "GB-ENG", "city", []),
    ("CA", "Toronto", "Toronto", "CA-ON", "city", ["Tô-rôn-tô"]),
    ("CA", "Vancouver", "Vancouver", "CA-BC", "city", ["Van-cu-vơ"]),
    ("CA", "Montreal", "Montreal", "CA-QC", "city", ["Môn-trê-an"]),
    ("NL", "Amsterdam", "Amsterdam", "NL-NH", "city", ["Am-xtéc-đam"]),
    ("NL", "Rotterdam", "Rotterdam", "NL-ZH", "city", []),
    ("NL", "The Hague", "La Hay", "NL-ZH", "city",
     ["Den Haag", "'s-Gravenhage"]),
]


# --------------------------------------------------------------------------
# organisations
# (id, name (Vietnamese press form), name_en, acronym, kind, country,
#  [aliases])
# --------------------------------------------------------------------------

IO = "InternationalOrganization"
FGA = "ForeignGovernmentAgency"
DEV = "DevelopmentAgency"
CO = "Company"
BA = "BusinessAssociation"
NGO = "NGO"
PB = "PartyBody"
VGB = "VietnameseGovernmentBody"
ASSOC = "Association"

ORGS: list[tuple[str, str, str, str, str, str, list[str]]] = [
    # --- United Nations family and other intergovernmental bodies ---
    ("org-un", "Liên Hợp Quốc", "United Nations", "UN", IO, "",
     ["Liên hiệp quốc", "LHQ", "Tổ chức Liên Hợp Quốc"]),
    ("org-unesco", "Tổ chức Giáo dục, Khoa học và Văn hóa Liên Hợp Quốc",
     "United Nations Educational, Scientific and Cultural Organization",
     "UNESCO", IO, "",
     ["Tổ chức Giáo dục, Khoa học và Văn hóa của Liên Hợp Quốc"]),
    ("org-unicef", "Quỹ Nhi đồng Liên Hợp Quốc",
     "United Nations Children's Fund", "UNICEF", IO, "", []),
    ("org-undp", "Chương trình Phát triển Liên Hợp Quốc",
     "United Nations Development Programme", "UNDP", IO, "", []),
    ("org-unfpa", "Quỹ Dân số Liên Hợp Quốc",
     "United Nations Population Fund", "UNFPA", IO, "", []),
    ("org-who", "Tổ chức Y tế Thế giới", "World Health Organization", "WHO",
     IO, "", []),
    ("org-fao", "Tổ chức Lương thực và Nông nghiệp Liên Hợp Quốc",
     "Food and Agriculture Organization of the United Nations", "FAO", IO,
     "", ["Tổ chức Nông lương Liên Hợp Quốc"]),
    ("org-ilo", "Tổ chức Lao động Quốc tế", "International Labour Organization",
     "ILO", IO, "", []),
    ("org-iom", "Tổ chức Di cư Quốc tế",
     "International Organization for Migration", "IOM", IO, "", []),
    ("org-un-women",
     "Cơ quan Liên Hợp Quốc về Bình đẳng giới và Trao quyền cho phụ nữ",
     "United Nations Entity for Gender Equality and the Empowerment of Women",
     "UN Women", IO, "", []),
    ("org-unhcr", "Cao ủy Liên Hợp Quốc về người tị nạn",
     "Office of the United Nations High Commissioner for Refugees", "UNHCR",
     IO, "", ["Cao ủy Liên Hợp Quốc về người tỵ nạn"]),
    ("org-wfp", "Chương trình Lương thực Thế giới", "World Food Programme",
     "WFP", IO, "", []),
    ("org-unido", "Tổ chức Phát triển Công nghiệp Liên Hợp Quốc",
     "United Nations Industrial Development Organization", "UNIDO", IO, "",
     []),
    ("org-un-habitat", "Chương trình Định cư Con người Liên Hợp Quốc",
     "United Nations Human Settlements Programme", "UN-Habitat", IO, "", []),
    ("org-unep", "Chương trình Môi trường Liên Hợp Quốc",
     "United Nations Environment Programme", "UNEP", IO, "", []),
    ("org-unodc", "Văn phòng Liên Hợp Quốc về Ma túy và Tội phạm",
     "United Nations Office on Drugs and Crime", "UNODC", IO, "", []),
    ("org-unaids", "Chương trình phối hợp của Liên Hợp Quốc về HIV/AIDS",
     "Joint United Nations Programme on HIV/AIDS", "UNAIDS", IO, "", []),
    ("org-ifad", "Quỹ Quốc tế về Phát triển Nông nghiệp",
     "International Fund for Agricultural Development", "IFAD", IO, "", []),
    ("org-escap",
     "Ủy ban Kinh tế - Xã hội châu Á - Thái Bình Dương của Liên Hợp Quốc",
     "United Nations Economic and Social Commission for Asia and the Pacific",
     "ESCAP", IO, "", ["UNESCAP"]),
    ("org-world-bank", "Ngân hàng Thế giới", "World Bank", "WB", IO, "",
     ["Nhóm Ngân hàng Thế giới", "World Bank Group"]),
    ("org-ifc", "Tổ chức Tài chính Quốc tế",
     "International Finance Corporation", "IFC", IO, "", []),
    ("org-adb", "Ngân hàng Phát triển châu Á", "Asian Development Bank", "ADB",
     IO, "", []),
    ("org-aiib", "Ngân hàng Đầu tư Cơ sở hạ tầng châu Á",
     "Asian Infrastructure Investment Bank", "AIIB", IO, "", []),
    ("org-imf", "Quỹ Tiền tệ Quốc tế", "International Monetary Fund", "IMF",
     IO, "", []),
    ("org-eib", "Ngân hàng Đầu tư châu Âu", "European Investment Bank", "EIB",
     IO, "", []),
    ("org-opec-fund", "Quỹ OPEC vì Phát triển Quốc tế",
     "OPEC Fund for International Development", "OFID", IO, "",
     ["Quỹ OPEC", "OPEC Fund"]),
    ("org-eu", "Liên minh châu Âu", "European Union", "EU", IO, "",
     ["Liên hiệp châu Âu"]),
    ("org-asean", "Hiệp hội các quốc gia Đông Nam Á",
     "Association of Southeast Asian Nations", "ASEAN", IO, "",
     ["Hiệp hội các nước Đông Nam Á"]),
    ("org-apec", "Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương",
     "Asia-Pacific Economic Cooperation", "APEC", IO, "", []),
    ("org-mlc", "Hợp tác Mê Công - Lan Thương", "Mekong-Lancang Cooperation",
     "MLC", IO, "",
     ["Cơ chế Hợp tác Mê Công - Lan Thương", "Hợp tác Lan Thương - Mê Công",
      "Lancang-Mekong Cooperation", "LMC"]),
    ("org-mrc", "Ủy hội sông Mê Công quốc tế", "Mekong River Commission",
     "MRC", IO, "", ["Ủy hội sông Mekong quốc tế", "Ủy hội sông Mê Công"]),
    ("org-gms", "Chương trình Hợp tác Kinh tế Tiểu vùng Mê Công mở rộng",
     "Greater Mekong Subregion Economic Cooperation Program", "GMS", IO, "",
     ["Tiểu vùng Mê Công mở rộng"]),
    ("org-acmecs",
     "Chiến lược Hợp tác Kinh tế Ayeyawady - Chao Phraya - Mê Công",
     "Ayeyawady-Chao Phraya-Mekong Economic Cooperation Strategy", "ACMECS",
     IO, "", []),
    ("org-clv-dta", "Tam giác Phát triển Campuchia - Lào - Việt Nam",
     "Cambodia-Laos-Vietnam Development Triangle Area", "CLV DTA", IO, "",
     ["Khu vực Tam giác Phát triển Campuchia - Lào - Việt Nam"]),
    ("org-wto", "Tổ chức Thương mại Thế giới", "World Trade Organization",
     "WTO", IO, "", []),
    ("org-oif", "Tổ chức Quốc tế Pháp ngữ",
     "International Organisation of La Francophonie", "OIF", IO, "", []),
    ("org-auf", "Tổ chức Đại học Pháp ngữ",
     "Agence universitaire de la Francophonie", "AUF", IO, "",
     ["Cơ quan Đại học Pháp ngữ"]),
    ("org-iucn", "Liên minh Quốc tế Bảo tồn Thiên nhiên",
     "International Union for Conservation of Nature", "IUCN", IO, "", []),
    ("org-gggi", "Viện Tăng trưởng Xanh toàn cầu",
     "Global Green Growth Institute", "GGGI", IO, "", []),
    ("org-gef", "Quỹ Môi trường toàn cầu", "Global Environment Facility",
     "GEF", IO, "", []),
    ("org-gcf", "Quỹ Khí hậu xanh", "Green Climate Fund", "GCF", IO, "", []),

    # --- development and foreign government agencies ---
    ("org-jica", "Cơ quan Hợp tác Quốc tế Nhật Bản",
     "Japan International Cooperation Agency", "JICA", DEV, "JP", []),
    ("org-koica", "Cơ quan Hợp tác Quốc tế Hàn Quốc",
     "Korea International Cooperation Agency", "KOICA", DEV, "KR", []),
    ("org-usaid", "Cơ quan Phát triển Quốc tế Hoa Kỳ",
     "United States Agency for International Development", "USAID", DEV,
     "US", ["Cơ quan Phát triển Quốc tế Mỹ"]),
    ("org-afd", "Cơ quan Phát triển Pháp", "Agence française de développement",
     "AFD", DEV, "FR", ["French Development Agency"]),
    ("org-giz", "Tổ chức Hợp tác Quốc tế Đức",
     "Deutsche Gesellschaft für Internationale Zusammenarbeit", "GIZ", DEV,
     "DE", ["Tổ chức Hợp tác Phát triển Đức"]),
    ("org-kfw", "Ngân hàng Tái thiết Đức", "KfW Development Bank", "KfW", DEV,
     "DE", ["Kreditanstalt für Wiederaufbau"]),
    ("org-kexim", "Ngân hàng Xuất nhập khẩu Hàn Quốc",
     "Export-Import Bank of Korea", "KEXIM", DEV, "KR", ["Korea Eximbank"]),
    ("org-edcf", "Quỹ Hợp tác Phát triển Kinh tế Hàn Quốc",
     "Economic Development Cooperation Fund", "EDCF", DEV, "KR", []),
    ("org-jbic", "Ngân hàng Hợp tác Quốc tế Nhật Bản",
     "Japan Bank for International Cooperation", "JBIC", DEV, "JP", []),
    ("org-enabel", "Cơ quan Phát triển Bỉ", "Enabel", "", DEV, "BE",
     ["Belgian Development Agency", "Cơ quan Hợp tác Kỹ thuật Bỉ",
      "Belgian Technical Cooperation", "BTC"]),
    ("org-sida", "Cơ quan Hợp tác Phát triển Quốc tế Thụy Điển",
     "Swedish International Development Cooperation Agency", "Sida", DEV,
     "SE", []),
    ("org-luxdev", "Cơ quan Hợp tác Phát triển Luxembourg",
     "Luxembourg Agency for Development Cooperation", "LuxDev", DEV, "LU",
     ["Lux-Development"]),
    ("org-danida", "Cơ quan Phát triển Quốc tế Đan Mạch",
     "Danish International Development Agency", "Danida", DEV, "DK", []),
    ("org-irish-aid", "Cơ quan Viện trợ Ireland", "Irish Aid", "", DEV, "IE",
     ["Cơ quan Viện trợ Ai-len"]),
    ("org-sdc", "Cơ quan Hợp tác và Phát triển Thụy Sĩ",
     "Swiss Agency for Development and Cooperation", "SDC", DEV, "CH", []),
    ("org-tica", "Cơ quan Hợp tác Quốc tế Thái Lan",
     "Thailand International Cooperation Agency", "TICA", DEV, "TH", []),
    ("org-cidca", "Cơ quan Hợp tác Phát triển Quốc tế Trung Quốc",
     "China International Development Cooperation Agency", "CIDCA", DEV,
     "CN", []),
    ("org-gac", "Bộ Ngoại giao Canada", "Global Affairs Canada", "GAC", FGA,
     "CA",
     ["Bộ Các vấn đề toàn cầu Canada", "Cơ quan Phát triển Quốc tế Canada",
      "Canadian International Development Agency", "CIDA"]),
    ("org-dfat", "Bộ Ngoại giao và Thương mại Australia",
     "Department of Foreign Affairs and Trade", "DFAT", FGA, "AU",
     ["Bộ Ngoại giao và Thương mại Úc"]),
    ("org-seco", "Cục Kinh tế Liên bang Thụy Sĩ",
     "State Secretariat for Economic Affairs", "SECO", FGA, "CH",
     ["Cục Kinh tế Liên bang Thụy Sỹ"]),
    ("org-kotra", "Cơ quan Xúc tiến Thương mại và Đầu tư Hàn Quốc",
     "Korea Trade-Investment Promotion Agency", "KOTRA", FGA, "KR",
     ["Cơ quan Xúc tiến Thương mại Hàn Quốc"]),
    ("org-jetro", "Tổ chức Xúc tiến Thương mại Nhật Bản",
     "Japan External Trade Organization", "JETRO", FGA, "JP", []),
    ("org-japan-foundation", "Quỹ Giao lưu Quốc tế Nhật Bản",
     "Japan Foundation", "JF", FGA, "JP", []),
    ("org-dpaa", "Cơ quan Tìm kiếm tù binh và quân nhân mất tích Hoa Kỳ",
     "Defense POW/MIA Accounting Agency", "DPAA", FGA, "US", []),
    ("org-us-dos", "Bộ Ngoại giao Hoa Kỳ", "United States Department of State",
     "", FGA, "US", ["Bộ Ngoại giao Mỹ", "US Department of State"]),

    # --- business associations and chambers ---
    ("org-vcci", "Liên đoàn Thương mại và Công nghiệp Việt Nam",
     "Vietnam Chamber of Commerce and Industry", "VCCI", BA, "VN",
     ["Phòng Thương mại và Công nghiệp Việt Nam"]),
    ("org-vafie", "Hiệp hội Doanh nghiệp có vốn đầu tư nước ngoài",
     "Vietnam Association of Foreign Invested Enterprises", "VAFIE", BA, "VN",
     []),
    ("org-amcham", "Phòng Thương mại Hoa Kỳ tại Việt Nam",
     "American Chamber of Commerce in Vietnam", "AmCham", BA, "US",
     ["Phòng Thương mại Mỹ tại Việt Nam", "AmCham Vietnam"]),
    ("org-eurocham", "Phòng Thương mại châu Âu tại Việt Nam",
     "European Chamber of Commerce in Vietnam", "EuroCham", BA, "",
     ["Hiệp hội Doanh nghiệp châu Âu tại Việt Nam"]),
    ("org-kocham", "Hiệp hội Doanh nghiệp Hàn Quốc tại Việt Nam",
     "Korea Chamber of Business in Vietnam", "KoCham", BA, "KR",
     ["Phòng Thương mại Hàn Quốc tại Việt Nam"]),
    ("org-jcci", "Phòng Thương mại và Công nghiệp Nhật Bản tại Việt Nam",
     "Japan Chamber of Commerce and Industry in Vietnam", "JCCI", BA, "JP",
     []),
    ("org-jcch",
     "Phòng Thương mại và Công nghiệp Nhật Bản tại TP Hồ Chí Minh",
     "Japanese Chamber of Commerce and Industry in Ho Chi Minh City", "JCCH",
     BA, "JP", []),
    ("org-thaicham", "Hiệp hội Doanh nghiệp Thái Lan tại Việt Nam",
     "Thai Chamber of Commerce in Vietnam", "Thaicham", BA, "TH", ["TCC"]),
    ("org-ccpit", "Hội đồng Xúc tiến Thương mại Quốc tế Trung Quốc",
     "China Council for the Promotion of International Trade", "CCPIT", BA,
     "CN", []),
    ("org-kcci", "Phòng Thương mại và Công nghiệp Hàn Quốc",
     "Korea Chamber of Commerce and Industry", "KCCI", BA, "KR", []),
    ("org-kita", "Hiệp hội Thương mại Quốc tế Hàn Quốc",
     "Korea International Trade Association", "KITA", BA, "KR", []),
    ("org-keidanren", "Liên đoàn Doanh nghiệp Nhật Bản",
     "Japan Business Federation", "Keidanren", BA, "JP", []),
    ("org-taitra", "Hội đồng Phát triển Ngoại thương Đài Loan",
     "Taiwan External Trade Development Council", "TAITRA", BA, "TW", []),
    ("org-ahk-vietnam", "Phòng Thương mại và Công nghiệp Đức tại Việt Nam",
     "Delegation of German Industry and Commerce in Vietnam", "AHK Vietnam",
     BA, "DE", []),
    ("org-gba", "Hiệp hội Doanh nghiệp Đức tại Việt Nam",
     "German Business Association in Vietnam", "GBA", BA, "DE", []),
    ("org-britcham", "Phòng Thương mại Anh tại Việt Nam",
     "British Chamber of Commerce Vietnam", "BritCham", BA, "GB", []),
    ("org-auscham", "Phòng Thương mại Australia tại Việt Nam",
     "Australian Chamber of Commerce in Vietnam", "AusCham", BA, "AU",
     ["Phòng Thương mại Úc tại Việt Nam"]),
    ("org-cancham", "Phòng Thương mại Canada tại Việt Nam",
     "Canadian Chamber of Commerce in Vietnam", "CanCham", BA, "CA", []),
    ("org-ccifv", "Phòng Thương mại và Công nghiệp Pháp tại Việt Nam",
     "French Chamber of Commerce and Industry in Vietnam", "CCIFV", BA, "FR",
     []),
    ("org-incham", "Phòng Thương mại Ấn Độ tại Việt Nam",
     "Indian Chamber of Commerce in Vietnam", "INCHAM", BA, "IN", []),

    # --- international NGOs and foundations ---
    ("org-plan", "Tổ chức Plan International", "Plan International", "", NGO,
     "GB", ["Tổ chức Plan Quốc tế", "Tổ chức Plan"]),
    ("org-world-vision", "Tổ chức Tầm nhìn Thế giới", "World Vision", "", NGO,
     "US", ["Tầm nhìn Thế giới", "Tổ chức World Vision",
            "World Vision International"]),
    ("org-save-the-children", "Tổ chức Cứu trợ Trẻ em", "Save the Children",
     "", NGO, "GB", ["Tổ chức Save the Children"]),
    ("org-oxfam", "Tổ chức Oxfam", "Oxfam", "", NGO, "GB", []),
    ("org-care", "Tổ chức CARE Quốc tế", "CARE International", "CARE", NGO,
     "CH", ["Tổ chức CARE"]),
    ("org-actionaid", "Tổ chức ActionAid", "ActionAid International", "", NGO,
     "ZA", ["ActionAid"]),
    ("org-habitat", "Tổ chức Habitat for Humanity",
     "Habitat for Humanity International", "", NGO, "US",
     ["Habitat for Humanity"]),
    ("org-crs", "Tổ chức Dịch vụ Cứu trợ Công giáo", "Catholic Relief Services",
     "CRS", NGO, "US", []),
    ("org-peacetrees", "Tổ chức PeaceTrees Vietnam", "PeaceTrees Vietnam", "",
     NGO, "US", ["PeaceTrees"]),
    ("org-mag", "Nhóm Cố vấn Bom mìn", "Mines Advisory Group", "MAG", NGO,
     "GB", ["Tổ chức MAG", "Tổ chức Cố vấn Bom mìn"]),
    ("org-npa", "Tổ chức Viện trợ Nhân dân Na Uy", "Norwegian People's Aid",
     "NPA", NGO, "NO", []),
    ("org-project-renew", "Dự án RENEW", "Project RENEW", "RENEW", NGO, "US",
     []),
    ("org-gibtk", "Tổ chức Giving It Back to Kids", "Giving It Back to Kids",
     "GIBTK", NGO, "US", ["Trả lại tuổi thơ"]),
    ("org-samaritans-purse", "Tổ chức Samaritan's Purse", "Samaritan's Purse",
     "", NGO, "US", []),
    ("org-room-to-read", "Tổ chức Room to Read", "Room to Read", "", NGO, "US",
     []),
    ("org-operation-smile", "Tổ chức Phẫu thuật Nụ cười", "Operation Smile",
     "", NGO, "US", ["Tổ chức Operation Smile"]),
    ("org-orbis", "Tổ chức Orbis Quốc tế", "Orbis International", "", NGO,
     "US", ["Tổ chức Orbis"]),
    ("org-hki", "Tổ chức Helen Keller International",
     "Helen Keller International", "HKI", NGO, "US", []),
    ("org-thrive", "Tổ chức Đông Tây Hội ngộ", "East Meets West Foundation",
     "EMW", NGO, "US",
     ["Quỹ Đông Tây Hội ngộ", "East Meets West", "Thrive Networks"]),
    ("org-fred-hollows", "Quỹ Fred Hollows", "The Fred Hollows Foundation",
     "", NGO, "AU", ["Tổ chức Fred Hollows"]),
    ("org-golden-west", "Tổ chức Golden West",
     "Golden West Humanitarian Foundation", "", NGO, "US", []),
    ("org-hi", "Tổ chức Nhân đạo và Hòa nhập", "Humanity & Inclusion", "HI",
     NGO, "FR", ["Handicap International"]),
    ("org-tdh", "Tổ chức Terre des hommes", "Terre des hommes", "Tdh", NGO,
     "CH", []),
    ("org-snv", "Tổ chức Phát triển Hà Lan",
     "SNV Netherlands Development Organisation", "SNV", NGO, "NL", []),
    ("org-path", "Tổ chức PATH", "PATH", "", NGO, "US", []),
    ("org-fhi360", "Tổ chức FHI 360", "FHI 360", "", NGO, "US",
     ["Family Health International"]),
    ("org-blue-dragon", "Tổ chức Rồng Xanh",
     "Blue Dragon Children's Foundation", "", NGO, "AU",
     ["Tổ chức Blue Dragon"]),
    ("org-good-neighbors", "Tổ chức Good Neighbors Quốc tế",
     "Good Neighbors International", "GNI", NGO, "KR",
     ["Tổ chức Good Neighbors"]),
    ("org-mcnv", "Ủy ban Y tế Hà Lan - Việt Nam",
     "Medical Committee Netherlands-Vietnam", "MCNV", NGO, "NL", []),
    ("org-sos-cv", "Tổ chức Làng trẻ em SOS Quốc tế",
     "SOS Children's Villages International", "", NGO, "AT",
     ["Làng trẻ em SOS"]),
    ("org-wwf", "Quỹ Quốc tế về Bảo vệ Thiên nhiên",
     "World Wide Fund for Nature", "WWF", NGO, "CH", []),
    ("org-icrc", "Ủy ban Chữ thập đỏ Quốc tế",
     "International Committee of the Red Cross", "ICRC", NGO, "CH",
     ["Ủy ban Quốc tế Chữ thập đỏ"]),
    ("org-ifrc", "Hiệp hội Chữ thập đỏ và Trăng lưỡi liềm đỏ Quốc tế",
     "International Federation of Red Cross and Red Crescent Societies",
     "IFRC", NGO, "CH",
     ["Liên đoàn Quốc tế Hội Chữ thập đỏ và Trăng lưỡi liềm đỏ"]),
    ("org-wef", "Diễn đàn Kinh tế Thế giới", "World Economic Forum", "WEF",
     NGO, "CH", []),
    ("org-asia-foundation", "Quỹ Châu Á", "The Asia Foundation", "TAF", NGO,
     "US", []),
    ("org-ford-foundation", "Quỹ Ford", "Ford Foundation", "", NGO, "US", []),
    ("org-gates-foundation", "Quỹ Bill & Melinda Gates",
     "Bill & Melinda Gates Foundation", "", NGO, "US",
     ["Quỹ Gates", "Gates Foundation"]),
    ("org-atlantic-philanthropies", "Quỹ Atlantic Philanthropies",
     "The Atlantic Philanthropies", "", NGO, "US", []),
    ("org-kas", "Quỹ Konrad Adenauer", "Konrad-Adenauer-Stiftung", "KAS", NGO,
     "DE", ["Konrad Adenauer Foundation"]),
    ("org-fes", "Quỹ Friedrich Ebert", "Friedrich-Ebert-Stiftung", "FES", NGO,
     "DE", []),
    ("org-rls", "Quỹ Rosa Luxemburg", "Rosa-Luxemburg-Stiftung", "RLS", NGO,
     "DE", []),
    ("org-hss", "Quỹ Hanns Seidel", "Hanns-Seidel-Stiftung", "HSS", NGO, "DE",
     []),

    # --- foreign companies investing in provinces ---
    ("org-samsung", "Tập đoàn Samsung", "Samsung Group", "", CO, "KR",
     ["Samsung", "Samsung Electronics", "Samsung Việt Nam",
      "Samsung Electronics Việt Nam", "Samsung Display"]),
    ("org-lg", "Tập đoàn LG", "LG Corporation", "", CO, "KR",
     ["LG Group", "LG Electronics", "LG Display", "LG Innotek"]),
    ("org-hyosung", "Tập đoàn Hyosung", "Hyosung", "", CO, "KR", []),
    ("org-lotte", "Tập đoàn Lotte", "Lotte Corporation", "", CO, "KR",
     ["Lotte", "Lotte Group"]),
    ("org-posco", "Tập đoàn POSCO", "POSCO", "", CO, "KR",
     ["POSCO Holdings"]),
    ("org-hyundai", "Tập đoàn Hyundai", "Hyundai Motor Group", "", CO, "KR",
     ["Hyundai", "Hyundai Motor"]),
    ("org-doosan", "Tập đoàn Doosan", "Doosan", "", CO, "KR",
     ["Doosan Enerbility", "Doosan Vina"]),
    ("org-sk", "Tập đoàn SK", "SK Group", "", CO, "KR", []),
    ("org-cj", "Tập đoàn CJ", "CJ Group", "", CO, "KR", []),
    ("org-hanwha", "Tập đoàn Hanwha", "Hanwha Group", "", CO, "KR",
     ["Hanwha"]),
    ("org-sumitomo", "Tập đoàn Sumitomo", "Sumitomo Corporation", "", CO, "JP",
     ["Sumitomo"]),
    ("org-mitsubishi", "Tập đoàn Mitsubishi", "Mitsubishi Corporation", "",
     CO, "JP", []),
    ("org-mitsui", "Tập đoàn Mitsui", "Mitsui & Co.", "", CO, "JP", []),
    ("org-marubeni", "Tập đoàn Marubeni", "Marubeni Corporation", "", CO, "JP",
     ["Marubeni"]),
    ("org-itochu", "Tập đoàn Itochu", "Itochu Corporation", "", CO, "JP",
     ["Itochu"]),
    ("org-sojitz", "Tập đoàn Sojitz", "Sojitz Corporation", "", CO, "JP",
     ["Sojitz"]),
    ("org-idemitsu", "Tập đoàn Idemitsu Kosan", "Idemitsu Kosan", "", CO, "JP",
     ["Idemitsu"]),
    ("org-canon", "Tập đoàn Canon", "Canon Inc.", "", CO, "JP",
     ["Canon", "Canon Việt Nam"]),
    ("org-panasonic", "Tập đoàn Panasonic", "Panasonic", "", CO, "JP", []),
    ("org-toyota", "Tập đoàn Toyota", "Toyota Motor Corporation", "", CO, "JP",
     ["Toyota", "Toyota Việt Nam"]),
    ("org-honda", "Tập đoàn Honda", "Honda Motor Co.", "", CO, "JP",
     ["Honda", "Honda Việt Nam"]),
    ("org-nidec", "Tập đoàn Nidec", "Nidec Corporation", "", CO, "JP",
     ["Nidec"]),
    ("org-aeon", "Tập đoàn AEON", "AEON Group", "", CO, "JP",
     ["AEON", "AEON Mall", "AEON Việt Nam"]),
    ("org-amata", "Tập đoàn Amata", "Amata Corporation", "", CO, "TH",
     ["Amata"]),
    ("org-central-group", "Tập đoàn Central Group", "Central Group", "", CO,
     "TH", ["Central Retail"]),
    ("org-scg", "Tập đoàn SCG", "Siam Cement Group", "SCG", CO, "TH",
     ["Tập đoàn Xi măng Siam"]),
    ("org-cp-group", "Tập đoàn Charoen Pokphand", "Charoen Pokphand Group", "CP",
     CO, "TH", ["Tập đoàn C.P.", "C.P. Việt Nam", "CP Group"]),
    ("org-thaibev", "Tập đoàn ThaiBev", "Thai Beverage", "ThaiBev", CO, "TH",
     []),
    ("org-bgrimm", "Tập đoàn B.Grimm", "B.Grimm", "", CO, "TH",
     ["B.Grimm Power"]),
    ("org-gulf-energy", "Tập đoàn Gulf Energy", "Gulf Energy Development", "",
     CO, "TH", []),
    ("org-wha", "Tập đoàn WHA", "WHA Corporation", "WHA", CO, "TH", []),
    ("org-vsip", "Liên doanh Khu công nghiệp Việt Nam - Singapore",
     "Vietnam Singapore Industrial Park", "VSIP", CO, "SG",
     ["Khu công nghiệp Việt Nam - Singapore"]),
    ("org-sembcorp", "Tập đoàn Sembcorp", "Sembcorp Industries", "", CO, "SG",
     ["Sembcorp"]),
    ("org-capitaland", "Tập đoàn CapitaLand", "CapitaLand", "", CO, "SG", []),
    ("org-keppel", "Tập đoàn Keppel", "Keppel", "", CO, "SG", ["Keppel Land"]),
    ("org-foxconn", "Tập đoàn Foxconn", "Foxconn", "", CO, "TW",
     ["Hon Hai Precision Industry", "Hon Hai", "Hồng Hải"]),
    ("org-formosa", "Tập đoàn Formosa Plastics", "Formosa Plastics Group", "",
     CO, "TW", ["Tập đoàn Formosa", "Formosa", "Formosa Hà Tĩnh"]),
    ("org-pegatron", "Tập đoàn Pegatron", "Pegatron", "", CO, "TW", []),
    ("org-luxshare", "Tập đoàn Luxshare", "Luxshare Precision Industry", "",
     CO, "CN", ["Luxshare", "Luxshare-ICT"]),
    ("org-goertek", "Tập đoàn Goertek", "Goertek", "", CO, "CN", []),
    ("org-intel", "Tập đoàn Intel", "Intel", "", CO, "US", []),
    ("org-boeing", "Tập đoàn Boeing", "Boeing", "", CO, "US", []),
    ("org-amkor", "Tập đoàn Amkor Technology", "Amkor Technology", "", CO,
     "US", ["Amkor"]),
    ("org-bosch", "Tập đoàn Bosch", "Robert Bosch GmbH", "", CO, "DE",
     ["Bosch"]),
    ("org-lego", "Tập đoàn LEGO", "LEGO Group", "", CO, "DK", ["LEGO"]),

    # --- Vietnamese central bodies that co-organise foreign affairs ---
    ("org-vn-mofa", "Bộ Ngoại giao", "Ministry of Foreign Affairs of Viet Nam",
     "MOFA", VGB, "VN", ["Bộ Ngoại giao Việt Nam"]),
    ("org-vn-cfac", "Ban Đối ngoại Trung ương",
     "Central Foreign Affairs Commission of the Communist Party of Vietnam",
     "", PB, "VN", ["Ban Đối ngoại Trung ương Đảng"]),
    ("org-vufo", "Liên hiệp các tổ chức hữu nghị Việt Nam",
     "Viet Nam Union of Friendship Organizations", "VUFO", ASSOC, "VN", []),
    ("org-paccom", "Ban Điều phối viện trợ nhân dân",
     "People's Aid Coordinating Committee", "PACCOM", ASSOC, "VN", []),
    ("org-comingo", "Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài",
     "Committee for Foreign Non-Governmental Organisation Affairs", "COMINGO",
     VGB, "VN", []),
    ("org-vn-mpi", "Bộ Kế hoạch và Đầu tư",
     "Ministry of Planning and Investment", "MPI", VGB, "VN", []),
    ("org-vn-fia", "Cục Đầu tư nước ngoài", "Foreign Investment Agency", "FIA",
     VGB, "VN", []),
    ("org-vn-moit", "Bộ Công Thương", "Ministry of Industry and Trade", "MOIT",
     VGB, "VN", []),
    ("org-vn-mof", "Bộ Tài chính", "Ministry of Finance", "MOF", VGB, "VN", []),
    ("org-vn-mnd", "Bộ Quốc phòng", "Ministry of National Defence", "MND", VGB,
     "VN", []),
    ("org-vn-mps", "Bộ Công an", "Ministry of Public Security", "MPS", VGB,
     "VN", []),
    ("org-vn-mocst", "Bộ Văn hóa, Thể thao và Du lịch",
     "Ministry of Culture, Sports and Tourism", "MOCST", VGB, "VN", []),
    ("org-vn-scov", "Ủy ban Nhà nước về người Việt Nam ở nước ngoài",
     "State Committee for Overseas Vietnamese Affairs", "SCOV", VGB, "VN", []),
    ("org-vn-border-guard", "Bộ Tư lệnh Bộ đội Biên phòng",
     "Border Guard Command", "", VGB, "VN", []),
    ("org-cpv", "Đảng Cộng sản Việt Nam", "Communist Party of Vietnam", "CPV",
     PB, "VN", []),

    # --- foreign party bodies ---
    ("org-lprp", "Đảng Nhân dân Cách mạng Lào",
     "Lao People's Revolutionary Party", "LPRP", PB, "LA",
     ["Đảng NDCM Lào"]),
    ("org-lprp-erc", "Ban Đối ngoại Trung ương Đảng Nhân dân Cách mạng Lào",
     "External Relations Commission of the LPRP Central Committee", "", PB,
     "LA", []),
    ("org-cpc", "Đảng Cộng sản Trung Quốc", "Communist Party of China", "CPC",
     PB, "CN", ["ĐCS Trung Quốc", "Chinese Communist Party", "CCP"]),
    ("org-idcpc", "Ban Liên lạc Đối ngoại Trung ương Đảng Cộng sản Trung Quốc",
     "International Department of the Central Committee of the CPC", "IDCPC",
     PB, "CN", []),
    ("org-cpc-guangxi", "Khu ủy Quảng Tây",
     "Guangxi Zhuang Autonomous Regional Committee of the Communist Party of "
     "China", "", PB, "CN",
     ["Khu ủy Khu tự trị dân tộc Choang Quảng Tây", "Đảng ủy Khu tự trị Quảng Tây"]),
    ("org-cpc-yunnan", "Tỉnh ủy Vân Nam",
     "Yunnan Provincial Committee of the Communist Party of China", "", PB,
     "CN", []),
    ("org-cpp", "Đảng Nhân dân Campuchia", "Cambodian People's Party", "CPP",
     PB, "KH", []),
    ("org-wpk", "Đảng Lao động Triều Tiên", "Workers' Party of Korea", "WPK",
     PB, "KP", []),
    ("org-pcc", "Đảng Cộng sản Cuba", "Communist Party of Cuba", "PCC", PB,
     "CU", []),
    ("org-united-russia", "Đảng Nước Nga Thống nhất", "United Russia", "", PB,
     "RU", []),
    ("org-cprf", "Đảng Cộng sản Liên bang Nga",
     "Communist Party of the Russian Federation", "CPRF", PB, "RU", []),

    # --- EU delegation (the EU is not a country) ---
    ("org-eu-delegation", "Phái đoàn Liên minh châu Âu tại Việt Nam",
     "Delegation of the European Union to Vietnam", "", "Embassy", "",
     ["Phái đoàn EU tại Việt Nam", "Phái đoàn Liên minh châu Âu"]),
]


# --------------------------------------------------------------------------
# diplomatic missions in Vietnam
# country -> (Vietnamese names, first = press form used in the row name;
#             English name as used in "Embassy of X")
# --------------------------------------------------------------------------

COUNTRY_NAMES: dict[str, tuple[list[str], str]] = {
    "TH": (["Thái Lan"], "Thailand"),
    "LA": (["Lào"], "Laos"),
    "KH": (["Campuchia", "Cam-pu-chia"], "Cambodia"),
    "CN": (["Trung Quốc"], "China"),
    "JP": (["Nhật Bản"], "Japan"),
    "KR": (["Hàn Quốc"], "the Republic of Korea"),
    "KP": (["Triều Tiên", "CHDCND Triều Tiên"], "the DPRK"),
    "US": (["Hoa Kỳ", "Mỹ"], "the United States"),
    "RU": (["Liên bang Nga", "Nga"], "Russia"),
    "FR": (["Pháp"], "France"),
    "DE": (["Đức"], "Germany"),
    "GB": (["Anh", "Vương quốc Anh"], "the United Kingdom"),
    "AU": (["Australia", "Úc", "Ô-xtrây-li-a"], "Australia"),
    "NZ": (["New Zealand", "Niu Di-lân"], "New Zealand"),
    "CA": (["Canada", "Ca-na-đa"], "Canada"),
    "IN": (["Ấn Độ"], "India"),
    "SG": (["Singapore", "Xinh-ga-po"], "Singapore"),
    "MY": (["Malaysia", "Ma-lai-xi-a"], "Malaysia"),
    "ID": (["Indonesia", "In-đô-nê-xi-a"], "Indonesia"),
    "PH": (["Philippines", "Phi-líp-pin"], "the Philippines"),
    "MM": (["Myanmar", "Mi-an-ma"], "Myanmar"),
    "BN": (["Brunei", "Bru-nây"], "Brunei Darussalam"),
    "CU": (["Cuba", "Cu-ba"], "Cuba"),
    "IT": (["Italy", "Italia", "I-ta-li-a"], "Italy"),
    "NL": (["Hà Lan"], "the Netherlands"),
    "BE": (["Bỉ"], "Belgium"),
    "SE": (["Thụy Điển"], "Sweden"),
    "DK": (["Đan Mạch"], "Denmark"),
    "NO": (["Na Uy"], "Norway"),
    "FI": (["Phần Lan"], "Finland"),
    "CH": (["Thụy Sĩ", "Thụy Sỹ"], "Switzerland"),
    "AT": (["Áo"], "Austria"),
    "ES": (["Tây Ban Nha"], "Spain"),
    "PL": (["Ba Lan"], "Poland"),
    "CZ": (["Séc", "Cộng hòa Séc"], "the Czech Republic"),
    "SK": (["Slovakia", "Xlô-va-ki-a"], "Slovakia"),
    "HU": (["Hungary", "Hung-ga-ri"], "Hungary"),
    "RO": (["Romania", "Ru-ma-ni"], "Romania"),
    "BG": (["Bulgaria", "Bun-ga-ri"], "Bulgaria"),
    "IE": (["Ireland", "Ai-len"], "Ireland"),
    "BY": (["Belarus", "Bê-la-rút"], "Belarus"),
    "UA": (["Ukraine", "U-crai-na"], "Ukraine"),
    "KZ": (["Kazakhstan", "Ca-dắc-xtan"], "Kazakhstan"),
    "MN": (["Mông Cổ"], "Mongolia"),
    "TR": (["Thổ Nhĩ Kỳ"], "Türkiye"),
    "IL": (["Israel", "I-xra-en"], "Israel"),
    "IR": (["Iran", "I-ran"], "Iran"),
    "AE": (["UAE", "Các Tiểu vương quốc Ả-rập Thống nhất"],
           "the United Arab Emirates"),
    "SA": (["Saudi Arabia", "Ả-rập Xê-út"], "Saudi Arabia"),
    "EG": (["Ai Cập"], "Egypt"),
    "DZ": (["Algeria", "An-giê-ri"], "Algeria"),
    "PS": (["Palestine", "Pa-le-xtin"], "Palestine"),
    "ZA": (["Nam Phi"], "South Africa"),
    "BD": (["Bangladesh", "Băng-la-đét"], "Bangladesh"),
    "PK": (["Pakistan", "Pa-ki-xtan"], "Pakistan"),
    "LK": (["Sri Lanka", "Xri Lan-ca"], "Sri Lanka"),
    "BR": (["Brazil", "Bra-xin"], "Brazil"),
    "AR": (["Argentina", "Ác-hen-ti-na"], "Argentina"),
    "CL": (["Chile", "Chi-lê"], "Chile"),
    "MX": (["Mexico", "Mê-hi-cô"], "Mexico"),
    "VE": (["Venezuela", "Vê-nê-xu-ê-la"], "Venezuela"),
}

EMBASSIES = list(COUNTRY_NAMES)  # every country above has an embassy in Hà Nội

CONSULATES_HCMC = ["TH", "LA", "KH", "CN", "JP", "KR", "US", "RU", "FR", "DE",
                   "GB", "AU", "NZ", "CA", "IN", "SG", "MY", "ID", "NL", "IT",
                   "CU"]
CONSULATES_DANANG = ["LA", "KH", "CN", "KR", "JP"]

HCMC_FORMS = ["TP Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP.HCM"]


def mission_rows() -> list[tuple[str, str, str, str, str, str, list[str]]]:
    rows = []
    for cc in EMBASSIES:
        vis, en = COUNTRY_NAMES[cc]
        name = f"Đại sứ quán {vis[0]} tại Việt Nam"
        aliases = []
        for v in vis:
            if v != vis[0]:
                aliases.append(f"Đại sứ quán {v} tại Việt Nam")
            aliases += [f"Đại sứ quán {v}", f"Đại sứ quán {v} tại Hà Nội"]
        aliases.append(f"ĐSQ {vis[0]}")
        name_en = f"Embassy of {en} in Vietnam"
        rows.append((f"org-embassy-{cc.lower()}", name, name_en, "", "Embassy",
                     cc, aliases))
    for cc in CONSULATES_HCMC:
        vis, en = COUNTRY_NAMES[cc]
        name = f"Tổng Lãnh sự quán {vis[0]} tại {HCMC_FORMS[0]}"
        aliases = []
        for v in vis:
            for city in HCMC_FORMS:
                form = f"Tổng Lãnh sự quán {v} tại {city}"
                if form != name:
                    aliases.append(form)
        aliases.append(f"TLSQ {vis[0]} tại TP.HCM")
        name_en = f"Consulate General of {en} in Ho Chi Minh City"
        rows.append((f"org-consulate-{cc.lower()}-hcmc", name, name_en, "",
                     "Consulate", cc, aliases))
    for cc in CONSULATES_DANANG:
        vis, en = COUNTRY_NAMES[cc]
        name = f"Tổng Lãnh sự quán {vis[0]} tại Đà Nẵng"
        aliases = [f"Tổng Lãnh sự quán {v} tại Đà Nẵng" for v in vis[1:]]
        aliases.append(f"TLSQ {vis[0]} tại Đà Nẵng")
        name_en = f"Consulate General of {en} in Da Nang"
        rows.append((f"org-consulate-{cc.lower()}-danang", name, name_en, "",
                     "Consulate", cc, aliases))
    return rows


# --------------------------------------------------------------------------
# checks and output
# --------------------------------------------------------------------------

def check_country(cc: str, where: str) -> None:
    if cc and pycountry.countries.get(alpha_2=cc) is None:
        raise SystemExit(f"{where}: unknown country {cc}")


def build_cities() -> list[dict]:
    out = []
    for cc, name_en, name_vi, parent, kind, aliases in CITIES:
        rid = f"{cc.lower()}-{slug(name_en)}"
        check_country(cc, rid)
        sub = pycountry.subdivisions.get(code=parent)
        if sub is None or sub.country_code != cc or sub.parent_code:
            raise SystemExit(f"{rid}: bad first-level parent {parent}")
        if kind not in CITY_KINDS:
            raise SystemExit(f"{rid}: bad kind {kind}")
        qid = CITY_QIDS.get(rid, ("", ""))[0]
        out.append({
            "id": rid,
            "name_en": nfc(name_en),
            "name_vi": nfc(name_vi),
            "country": cc,
            "parent_iso3166_2": parent,
            "kind": kind,
            "aliases": clean_aliases([name_en, name_vi], aliases, rid),
            "wikidata": qid,
        })
    return out


def build_orgs() -> list[dict]:
    out = []
    for rid, name, name_en, acr, kind, cc, aliases in ORGS + mission_rows():
        check_country(cc, rid)
        if kind not in ORG_KINDS:
            raise SystemExit(f"{rid}: bad kind {kind}")
        if not re.fullmatch(r"org-[a-z0-9]+(-[a-z0-9]+)*", rid):
            raise SystemExit(f"{rid}: bad id")
        qid = ORG_QIDS.get(rid, ("", ""))[0]
        out.append({
            "id": rid,
            "name": nfc(name),
            "name_en": nfc(name_en),
            "acronym": nfc(acr),
            "kind": kind,
            "country": cc,
            "aliases": clean_aliases([name, name_en, acr], aliases, rid),
            "wikidata": qid,
        })
    return out


def write(path: Path, columns: list[str], rows: list[dict]) -> None:
    ids = [r["id"] for r in rows]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise SystemExit(f"{path.name}: duplicate ids {sorted(dup)}")
    qids = [r["wikidata"] for r in rows if r["wikidata"]]
    if len(qids) != len(set(qids)):
        raise SystemExit(f"{path.name}: a QID is used twice")
    rows = sorted(rows, key=lambda r: r["id"])
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main() -> int:
    for key in list(CITY_QIDS) + list(ORG_QIDS):
        if not re.fullmatch(r"Q[1-9][0-9]*",
                            (CITY_QIDS.get(key) or ORG_QIDS.get(key))[0]):
            raise SystemExit(f"bad QID for {key}")
    cities = build_cities()
    orgs = build_orgs()
    unknown = (set(CITY_QIDS) - {r["id"] for r in cities}) | (
        set(ORG_QIDS) - {r["id"] for r in orgs})
    if unknown:
        raise SystemExit(f"QIDs for unknown ids: {sorted(unknown)}")
    write(CITIES_OUT, CITY_COLUMNS, cities)
    write(ORGS_OUT, ORG_COLUMNS, orgs)
    print(f"{CITIES_OUT.name}: {len(cities)} rows, "
          f"{sum(1 for r in cities if r['wikidata'])} with QID")
    print(f"{ORGS_OUT.name}: {len(orgs)} rows, "
          f"{sum(1 for r in orgs if r['wikidata'])} with QID")
    return 0


if __name__ == "__main__":
    sys.exit(main())
