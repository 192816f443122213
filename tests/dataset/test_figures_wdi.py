"""The World Bank figures of the default dataset, checked by hand against raw WDI lines.

``tests/data/wdi_excerpt`` holds unmodified lines of the six WDI files (see its README);
each expected value here is computed from those lines, not copied from ``figures.csv``.
"""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from explorer.analysis.capability import capability_index
from explorer.dataset import load_dataset
from explorer.model.vocab import METRICS

ROOT = Path(__file__).resolve().parents[2]
EXCERPT = ROOT / "tests" / "data" / "wdi_excerpt"
DATA = ROOT / "data"


def raw(code: str) -> dict[tuple[str, int], float]:
    """(ISO code, year) -> value of one excerpt file, read with the csv module."""
    with open(EXCERPT / f"{code}.csv", encoding="utf-8", newline="") as handle:
        return {
            (r["Country Code"], int(r["Year"])): float(r["Value"])
            for r in csv.DictReader(handle)
            if r["Value"]
        }


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def doc():
    return load_dataset()


def test_turkiye_population_2020_is_the_wdi_value_in_millions(doc):
    expected = raw("sp.pop.totl")[("TUR", 2020)] / 1e6
    found = doc.actors["TUR"].figure_at("population_m", 2020)
    assert found.value == pytest.approx(expected, rel=1e-9)
    assert (found.year, found.derived, found.source) == (2020, False, "wb_wdi_sp_pop_totl")


def test_india_military_expenditure_2023_is_derived_from_share_and_gdp(doc):
    share = raw("ms.mil.xpnd.gd.zs")[("IND", 2023)]
    gdp = raw("ny.gdp.mktp.cd")[("IND", 2023)]
    found = doc.actors["IND"].figure_at("milex_usd_bn", 2023)
    assert found.value == pytest.approx(share / 100 * gdp / 1e9, rel=1e-9)
    assert found.value == pytest.approx(82.5, abs=0.05)  # the README's spot check
    assert found.derived is True
    assert found.source == "wb_wdi_ms_mil_xpnd_gd_zs;wb_wdi_ny_gdp_mktp_cd"


def test_published_sipri_figure_wins_over_the_derived_one_of_its_year(doc):
    india = doc.actors["IND"]
    both = [c for c in india.capabilities if c.metric == "milex_usd_bn" and c.year == 2024]
    assert sorted(c.derived for c in both) == [False, True]
    chosen = india.figure_at("milex_usd_bn", 2024)
    assert chosen.derived is False and chosen.source == "sipri_milex_2025"
    published = next(
        float(r["value"]) for r in rows("capabilities.csv")
        if r["actor"] == "IND" and r["metric"] == "milex_usd_bn"
    )
    assert chosen.value == published


def test_readme_spot_checks(doc):
    assert doc.actors["USA"].figure("population_m", 2023) == pytest.approx(336.76, abs=0.005)
    assert doc.actors["CHN"].figure("gdp_usd_bn", 2023) == pytest.approx(18270, abs=5)


def test_derived_energy_and_gdp_ppp_multiply_per_capita_by_population(doc):
    pop = raw("sp.pop.totl")[("SGP", 2020)]
    energy = raw("eg.use.pcap.kg.oe")[("SGP", 2020)] * pop / 1e9
    ppp = raw("ny.gdp.pcap.pp.cd")[("SGP", 2020)] * pop / 1e9
    assert doc.actors["SGP"].figure("energy_mtoe", 2020) == pytest.approx(energy, rel=1e-9)
    assert doc.actors["SGP"].figure("gdp_ppp_bn", 2020) == pytest.approx(ppp, rel=1e-9)


def test_nato_population_2020_sums_the_members_wdi_values(doc):
    day = "2020-12-31"
    members = {
        m.actor for m in doc.memberships.values() if m.alliance == "nato" and m.in_force(day)
    }
    assert len(members) == 30  # North Macedonia joined 2020-03-27, Finland only in 2023
    population = raw("sp.pop.totl")
    by_hand = sum(population[(code, 2020)] for code in members) / 1e6
    cap = capability_index([doc.actors[a] for a in members], year=2020)
    assert cap.totals["population_m"] == pytest.approx(by_hand, rel=1e-9)
    urban = sum(raw("sp.urb.totl")[(code, 2020)] for code in members) / 1e6
    assert cap.totals["urban_population_m"] == pytest.approx(urban, rel=1e-9)
    # Iceland has no military expenditure: the NATO total rests on the other members
    assert "milex_usd_bn" not in cap.figures["ISL"]


def test_the_build_script_reproduces_the_committed_rows_from_raw_lines():
    spec = importlib.util.spec_from_file_location("build_figures", ROOT / "scripts" / "build_figures.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    series = {code: build.read_series(EXCERPT / f"{code}.csv") for code in build.SOURCE_IDS}
    states = sorted({code for code, _year in series["sp.pop.totl"]})
    rebuilt = build.build_rows(series, states)
    committed = {
        (r["actor"], r["metric"], r["year"]): [r[k] for k in build.HEADER] for r in rows("figures.csv")
    }
    assert len(rebuilt) > 500
    for row in rebuilt:
        assert committed[(row[0], row[1], row[2])] == row


def test_figures_csv_is_well_formed():
    states = {r["id"] for r in rows("actors.csv") if r["kind"] == "state"}
    sources = {r["id"] for r in rows("sources.csv")}
    seen = set()
    figures = rows("figures.csv")
    assert list(figures[0]) == ["actor", "metric", "year", "value", "source", "derived"]
    for r in figures:
        key = (r["actor"], r["metric"], r["year"])
        assert key not in seen, key
        seen.add(key)
        assert r["actor"] in states and r["metric"] in METRICS, r
        assert 1960 <= int(r["year"]) <= 2025 and float(r["value"]) >= 0, r
        ids = r["source"].split(";")
        assert set(ids) <= sources, r
        assert r["derived"] == ("1" if len(ids) > 1 else "0"), r  # derived = two inputs
    for source in {i for r in figures for i in r["source"].split(";")}:
        row = next(s for s in rows("sources.csv") if s["id"] == source)
        assert row["publisher"] == "World Bank" and "CC BY 4.0" in row["title"]
        assert row["url"].startswith("https://data.worldbank.org/indicator/")


def test_gaps_stay_gaps(doc):
    taiwan = doc.actors["TWN"]
    assert {c.metric for c in taiwan.capabilities} == {"milex_usd_bn"}  # SIPRI only
    assert all(not c.derived for c in taiwan.capabilities)
    north_korea = {c.metric for c in doc.actors["PRK"].capabilities}
    assert not north_korea & {"gdp_usd_bn", "gdp_ppp_bn", "milex_usd_bn"}
    assert {"population_m", "urban_population_m", "energy_mtoe"} <= north_korea
    assert ("ISL", 2023) not in raw("ms.mil.xpnd.gd.zs")
    assert doc.actors["ISL"].figure("milex_usd_bn") is None
    for actor in doc.actors.values():
        assert all(c.year is None or c.year >= 1960 for c in actor.capabilities)
        if actor.kind != "state":
            assert actor.capabilities == ()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("TUR,population_m,2020,lots,wb_wdi_sp_pop_totl,0", "line 3: could not convert"),
        ("TUR,population_m,2020,83.4,wb_wdi_sp_pop_totl,yes", "line 3: derived must be 0 or 1"),
        ("TUR,population_m,2020,83.4", "line 3: not enough values"),
    ],
)
def test_a_broken_figures_row_is_named_by_file_and_line(tmp_path, line, message):
    import shutil

    from explorer.dataset import DatasetError

    for name in ("regions.csv", "sources.csv", "actors.csv", "alliances.csv", "memberships.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    good = "TUR,population_m,2019,83.0,wb_wdi_sp_pop_totl,0"
    (tmp_path / "figures.csv").write_text(
        "actor,metric,year,value,source,derived\n" + good + "\n" + line + "\n", encoding="utf-8"
    )
    with pytest.raises(DatasetError, match=message) as info:
        load_dataset(tmp_path)
    assert "figures.csv" in str(info.value)
    (tmp_path / "figures.csv").write_text(
        "actor,metric,year,value,source,derived\n" + good.replace("TUR", "XXX") + "\n",
        encoding="utf-8",
    )
    with pytest.raises(DatasetError, match="unknown actors XXX"):
        load_dataset(tmp_path)


def test_a_quoted_field_added_by_hand_still_loads(tmp_path):
    import shutil

    for name in ("regions.csv", "sources.csv", "actors.csv", "alliances.csv", "memberships.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "figures.csv").write_text(
        "actor,metric,year,value,source,derived\n"
        'TUR,population_m,2019,83.0,"wb_wdi_sp_pop_totl",0\n'
        "TUR,population_m,2020,83.4,wb_wdi_sp_pop_totl,0\n",
        encoding="utf-8",
    )
    turkiye = load_dataset(tmp_path).actors["TUR"]
    assert [(c.year, c.value, c.source) for c in turkiye.series("population_m")] == [
        (2019, 83.0, "wb_wdi_sp_pop_totl"), (2020, 83.4, "wb_wdi_sp_pop_totl"),
    ]
