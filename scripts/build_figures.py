"""Build ``data/figures.csv``: World Bank WDI figures, by year, for every state actor.

    .venv/bin/python scripts/build_figures.py [--wdi FOLDER] [--check]

Reads the long CSV copies (``Country Name,Country Code,Year,Value``) described in
``/work/shared/open-data/README.md`` and writes one row per actor, metric and year. The
program reads only the committed CSV, never the WDI folder. ``--check`` rebuilds in memory
and fails when the committed file differs (so a reviewer can confirm it is reproducible).

Published series are converted to the project's units; derived series are products of two
published series of the **same year**, and exist only when both do (a gap stays a gap):

- ``population_m`` = SP.POP.TOTL / 1e6; ``urban_population_m`` = SP.URB.TOTL / 1e6
- ``gdp_usd_bn`` = NY.GDP.MKTP.CD / 1e9
- ``gdp_ppp_bn`` (derived) = NY.GDP.PCAP.PP.CD × SP.POP.TOTL / 1e9
- ``milex_usd_bn`` (derived) = MS.MIL.XPND.GD.ZS / 100 × NY.GDP.MKTP.CD / 1e9
- ``energy_mtoe`` (derived) = EG.USE.PCAP.KG.OE × SP.POP.TOTL / 1e9 (kg -> million tonnes)
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WDI = Path("/work/shared/open-data/wdi")
OUT = ROOT / "data" / "figures.csv"
HEADER = ["actor", "metric", "year", "value", "source", "derived"]

#: WDI indicator code (file stem) -> the source id it has in data/sources.csv.
SOURCE_IDS = {
    "sp.pop.totl": "wb_wdi_sp_pop_totl",
    "sp.urb.totl": "wb_wdi_sp_urb_totl",
    "ny.gdp.mktp.cd": "wb_wdi_ny_gdp_mktp_cd",
    "ny.gdp.pcap.pp.cd": "wb_wdi_ny_gdp_pcap_pp_cd",
    "ms.mil.xpnd.gd.zs": "wb_wdi_ms_mil_xpnd_gd_zs",
    "eg.use.pcap.kg.oe": "wb_wdi_eg_use_pcap_kg_oe",
}

#: metric -> (indicator codes multiplied together, divisor to the project's unit).
RECIPES: dict[str, tuple[tuple[str, ...], float]] = {
    "population_m": (("sp.pop.totl",), 1e6),
    "urban_population_m": (("sp.urb.totl",), 1e6),
    "gdp_usd_bn": (("ny.gdp.mktp.cd",), 1e9),
    "gdp_ppp_bn": (("ny.gdp.pcap.pp.cd", "sp.pop.totl"), 1e9),
    "milex_usd_bn": (("ms.mil.xpnd.gd.zs", "ny.gdp.mktp.cd"), 100 * 1e9),
    "energy_mtoe": (("eg.use.pcap.kg.oe", "sp.pop.totl"), 1e9),
}

Series = dict[tuple[str, int], float]


def read_series(path: Path) -> Series:
    """(ISO alpha-3 code, year) -> value of one WDI long CSV; empty values are gaps."""
    out: Series = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            value = (row.get("Value") or "").strip()
            if value:
                out[(row["Country Code"], int(row["Year"]))] = float(value)
    return out


def state_ids(actors_csv: Path) -> list[str]:
    """Ids of the state actors of the dataset (aggregates such as WLD are never among them)."""
    with open(actors_csv, encoding="utf-8", newline="") as handle:
        return [r["id"] for r in csv.DictReader(handle) if r["kind"] == "state"]


def fmt(value: float) -> str:
    """Ten significant digits: exact to one person or US$ 1 million at these magnitudes."""
    return f"{value:.10g}"


def build_rows(series: dict[str, Series], states: Iterable[str]) -> list[list[str]]:
    """One row per state, metric and year where every input series has a value."""
    rows: list[list[str]] = []
    for actor in sorted(states):
        for metric, (codes, divisor) in sorted(RECIPES.items()):
            years = set.intersection(
                *({y for (c, y) in series[code] if c == actor} for code in codes)
            )
            for year in sorted(years):
                value = 1.0
                for code in codes:
                    value *= series[code][(actor, year)]
                rows.append([
                    actor, metric, str(year), fmt(value / divisor),
                    ";".join(SOURCE_IDS[c] for c in codes), "1" if len(codes) > 1 else "0",
                ])
    return rows


def render(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wdi", type=Path, default=DEFAULT_WDI, help="folder of the WDI CSVs")
    parser.add_argument("--check", action="store_true", help="fail if data/figures.csv differs")
    args = parser.parse_args(argv)
    series = {code: read_series(args.wdi / f"{code}.csv") for code in SOURCE_IDS}
    text = render(build_rows(series, state_ids(ROOT / "data" / "actors.csv")))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT}: {'up to date' if same else 'DIFFERS from a fresh build'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
