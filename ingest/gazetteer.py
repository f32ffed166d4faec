"""Reference data -> entities and a matcher over every name the press uses for them.

Data files (ingest/data/*.csv, sources in ingest/data/README.md): Vietnamese provinces before and
after the 2025 reform, countries, first-level foreign subdivisions (ISO 3166-2), foreign cities,
organisations. Keys are folded (see core.fold), so tone marks and case never stop a match.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick
from rapidfuzz import fuzz, process

from core.fold import fold1, fold_key
from core.models import Entity

DATA = Path(__file__).resolve().parent / "data"
# which entity wins when the press writes the same name for several: a Vietnamese province first,
# then a country, an ISO subdivision, a city, an organisation
TYPE_RANK = {"VietnameseProvince": 0, "Country": 1, "ForeignLocality": 2, "Organization": 4, "Person": 5}
MIN_KEY = 3  # keys shorter than this (folded) are too ambiguous to match in running text ("Ý", "Úc" excepted)
SHORT_OK = {"uc", "my", "y", "lao", "duc", "nga", "anh", "sec", "han"}


@dataclass
class Entry:
    entity: Entity
    names: list[str]
    rank: int
    valid_from: str | None = None
    valid_to: str | None = None
    wikidata: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _rows(name: str) -> list[dict[str, str]]:
    path = DATA / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _split(v: str | None) -> list[str]:
    return [a.strip() for a in (v or "").split("|") if a.strip()]


class Gazetteer:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.by_key: dict[str, list[str]] = {}
        self._automaton: ahocorasick.Automaton | None = None
        self._fuzzy_keys: list[str] = []

    # -- building ------------------------------------------------------------------------------
    def add(self, entry: Entry) -> None:
        self.entries[entry.entity.id] = entry
        for name in entry.names:
            key = fold_key(name)
            if not key:
                continue
            ids = self.by_key.setdefault(key, [])
            if entry.entity.id not in ids:
                ids.append(entry.entity.id)

    @classmethod
    def load(cls) -> Gazetteer:
        g = cls()
        countries: dict[str, str] = {}
        for r in _rows("countries.csv"):
            e = Entity(id=r["iso2"], type="Country", name=r.get("name_vi") or r["name_en"], name_en=r["name_en"],
                       country=r["iso2"])
            names = [e.name, r["name_en"], *_split(r.get("aliases"))]
            g.add(Entry(e, names, TYPE_RANK["Country"], wikidata=r.get("wikidata") or None,
                        extra={"iso3": r.get("iso3", "")}))
            countries[r["iso2"]] = e.name
        for r in _rows("vn_provinces.csv"):
            e = Entity(id=r["id"], type="VietnameseProvince", name=r["name"], name_en=r.get("name_en") or None,
                       country="VN", iso3166_2=r.get("iso3166_2") or None, unit_type=r.get("unit_type") or None,
                       valid_to=r.get("valid_to") or None, successor=r.get("merged_into") or None)
            names = [r["name"], *( [r["old_name"]] if r.get("old_name") else []), *_split(r.get("aliases"))]
            if r.get("name_en"):
                names.append(r["name_en"])
            g.add(Entry(e, names, TYPE_RANK["VietnameseProvince"], valid_from=r.get("valid_from") or None,
                        valid_to=r.get("valid_to") or None, wikidata=r.get("wikidata") or None,
                        extra={k: r.get(k, "") for k in ("gso_code", "gso_code_2025", "region", "capital")}))
        for r in _rows("foreign_subdivisions.csv"):
            e = Entity(id=r["iso3166_2"], type="ForeignLocality", name=r.get("name_vi") or r["name_en"],
                       name_en=r["name_en"], country=r["country"], iso3166_2=r["iso3166_2"],
                       parent=r["country"], unit_type=(r.get("type") or "").lower() or None)
            names = [e.name, r["name_en"], *_split(r.get("aliases"))]
            g.add(Entry(e, names, TYPE_RANK["ForeignLocality"], wikidata=r.get("wikidata") or None))
        for r in _rows("foreign_cities.csv"):
            e = Entity(id=r["id"], type="ForeignLocality", name=r.get("name_vi") or r["name_en"],
                       name_en=r["name_en"], country=r["country"], parent=r.get("parent_iso3166_2") or r["country"],
                       unit_type=r.get("kind") or "city")
            names = [e.name, r["name_en"], *_split(r.get("aliases"))]
            g.add(Entry(e, names, TYPE_RANK["ForeignLocality"] + 1, wikidata=r.get("wikidata") or None))
        for r in _rows("organizations.csv"):
            e = Entity(id=r["id"], type="Organization", name=r["name"], name_en=r.get("name_en") or None,
                       country=r.get("country") or None, org_kind=r.get("kind") or None,
                       parent=r.get("country") or None)
            names = [r["name"], *( [r["name_en"]] if r.get("name_en") else []),
                     *( [r["acronym"]] if r.get("acronym") else []), *_split(r.get("aliases"))]
            g.add(Entry(e, names, TYPE_RANK["Organization"], wikidata=r.get("wikidata") or None))
        for r in _rows("coordinates.csv"):  # the seat of a foreign unit, for the explorer's map
            if r["id"] in g.entries:
                g.entries[r["id"]].extra.update(lat=r["lat"], lon=r["lon"])
        return g

    # -- matching ------------------------------------------------------------------------------
    @property
    def automaton(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            a = ahocorasick.Automaton()
            for key in self.by_key:
                if len(key) >= MIN_KEY or key in SHORT_OK:
                    a.add_word(key, key)
            a.make_automaton()
            self._automaton = a
        return self._automaton

    def scan(self, folded: str) -> list[tuple[int, int, str]]:
        """All whole-word key occurrences in folded text: (start, end, key)."""
        out = []
        n = len(folded)
        for end_idx, key in self.automaton.iter(folded):
            start = end_idx - len(key) + 1
            end = end_idx + 1
            if (start == 0 or folded[start - 1] == " ") and (end == n or folded[end] == " "):
                out.append((start, end, key))
        return out

    def candidates(self, key: str) -> list[Entry]:
        return sorted((self.entries[i] for i in self.by_key.get(key, [])), key=lambda e: e.rank)

    def lookup(self, name: str, country: str | None = None, on: str | None = None,
               limit: int = 10) -> list[tuple[Entry, float, str]]:
        """Ranked candidates for a name as the press writes it: (entry, score 0..1, how)."""
        key = fold_key(name)
        for prefix in ("tinh ", "thanh pho ", "tp ", "vung ", "tieu bang ", "bang ", "khu tu tri dan toc choang ",
                       "khu tu tri ", "quoc gia ", "nuoc ", "chinh quyen vung ", "chinh quyen "):
            if key not in self.by_key and key.startswith(prefix) and key[len(prefix):] in self.by_key:
                key = key[len(prefix):]
                break
        found: dict[str, tuple[Entry, float, str]] = {}
        for entry in self.candidates(key):
            found[entry.entity.id] = (entry, 1.0, "exact")
        if not found:
            for hit, score, _ in process.extract(key, self.fuzzy_keys, scorer=fuzz.WRatio, limit=limit,
                                                 score_cutoff=80):
                for entry in self.candidates(hit):
                    if entry.entity.id not in found:
                        found[entry.entity.id] = (entry, round(score / 100 * 0.9, 3), f"fuzzy:{hit}")
        ranked = list(found.values())
        if country:
            ranked = [r for r in ranked if (r[0].entity.country or "").upper() == country.upper()] or []
        ranked.sort(key=lambda r: (-r[1], r[0].rank, _validity_rank(r[0], on)))
        return ranked[:limit]

    @property
    def fuzzy_keys(self) -> list[str]:
        if not self._fuzzy_keys:
            self._fuzzy_keys = [k for k in self.by_key if len(k) >= 5]
        return self._fuzzy_keys

    def fuzzy_one(self, name: str, types: set[str], cutoff: float = 86) -> tuple[Entry, float] | None:
        key = fold_key(name)
        if len(key) < 5:
            return None
        hit = process.extractOne(key, self.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        if not hit:
            return None
        for entry in self.candidates(hit[0]):
            if entry.entity.type in types:
                return entry, round(hit[1] / 100 * 0.85, 3)
        return None


def _validity_rank(entry: Entry, on: str | None) -> int:
    """Prefer the unit in force on the date (pre-2025 units before 2025-07-01, their successors after)."""
    if entry.entity.type != "VietnameseProvince":
        return 0
    if on is None:
        on = "9999"
    if entry.valid_to and on > entry.valid_to:
        return 1
    if entry.valid_from and on < entry.valid_from:
        return 1
    return 0


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


__all__ = ["Entry", "Gazetteer", "gazetteer", "fold1", "fold_key"]
