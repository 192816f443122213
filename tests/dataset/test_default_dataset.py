"""Validation of the bundled default dataset in ``data/``.

Reads the CSV files directly with the ``csv`` module (no project imports).
"""

import csv
import datetime as dt
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parents[2] / "data"

HEADERS = {
    "sources.csv": ["id", "title", "publisher", "url", "published", "accessed"],
    "regions.csv": ["id", "name", "parent"],
    "actors.csv": ["id", "name", "aliases", "kind", "regions", "start", "end", "notes", "source"],
    "capabilities.csv": ["actor", "metric", "value", "year", "source"],
    "alliances.csv": [
        "id",
        "name",
        "short_name",
        "kind",
        "obligation",
        "formal",
        "founded",
        "ended",
        "source",
        "notes",
        "signed",
    ],
    "memberships.csv": ["alliance", "actor", "role", "joined", "left", "source", "notes", "signed"],
    "ties.csv": ["a", "b", "sign", "kind", "start", "end", "source", "notes", "signed"],
    "blocs.csv": ["id", "name", "color", "description"],
    "bloc_members.csv": ["bloc", "actor", "joined", "left", "source"],
}

ACTOR_KINDS = {"state", "non_state", "organisation"}
METRICS = {"milex_usd_bn", "personnel_k", "population_m", "gdp_usd_bn", "warheads"}
ALLIANCE_KINDS = {
    "collective_defence",
    "bilateral_defence",
    "security_partnership",
    "strategic_alignment",
    "proxy_network",
    "technology",
    "energy",
    "intelligence",
    "political_economic",
}
OBLIGATIONS = {"defence", "offence", "neutrality", "non_aggression", "consultation", "none"}
ROLES = {"founder", "member", "observer", "partner", "suspended"}
SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def load(name):
    with open(DATA / name, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == HEADERS[name], f"{name}: header {reader.fieldnames}"
        rows = list(reader)
    for i, row in enumerate(rows, start=2):
        assert None not in row, f"{name}:{i}: too many fields"
        assert all(v is not None for v in row.values()), f"{name}:{i}: too few fields"
    return rows


def ids(name, key="id"):
    return {r[key] for r in load(name)}


def split_ids(value):
    return value.split(";") if value else []


def parse_date(value):
    """ISO date (or a year alone: its first day) or None for empty; raises on malformed
    values."""
    if value == "":
        return None
    if len(value) == 4 and value.isdigit():
        return dt.date(int(value), 1, 1)
    return dt.date.fromisoformat(value)


def in_force(row, day):
    joined = parse_date(row["joined"])
    left = parse_date(row["left"])
    return (joined is None or joined <= day) and (left is None or day < left)


def members_on(alliance, day):
    return {
        r["actor"]
        for r in load("memberships.csv")
        if r["alliance"] == alliance and in_force(r, day)
    }


# --- structure -------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_parses_with_expected_header(name):
    assert load(name), f"{name} is empty"


@pytest.mark.parametrize(
    "name,key",
    [
        ("sources.csv", "id"),
        ("regions.csv", "id"),
        ("actors.csv", "id"),
        ("alliances.csv", "id"),
        ("blocs.csv", "id"),
    ],
)
def test_no_duplicate_ids(name, key):
    dupes = [k for k, n in Counter(r[key] for r in load(name)).items() if n > 1]
    assert not dupes, f"{name}: duplicate ids {dupes}"


def test_no_duplicate_rows_in_link_tables():
    for name, key in [
        ("memberships.csv", ("alliance", "actor", "role", "joined")),
        ("ties.csv", ("a", "b", "kind", "start")),
        ("capabilities.csv", ("actor", "metric", "year")),
        ("bloc_members.csv", ("bloc", "actor")),
    ]:
        counts = Counter(tuple(r[k] for k in key) for r in load(name))
        dupes = [k for k, n in counts.items() if n > 1]
        assert not dupes, f"{name}: duplicate rows {dupes}"


# --- references -------------------------------------------------------------


def test_region_tree():
    regions = load("regions.csv")
    region_ids = {r["id"] for r in regions}
    parent = {r["id"]: r["parent"] for r in regions}
    for r in regions:
        assert SLUG.match(r["id"]), r["id"]
        assert r["name"].strip(), r["id"]
        assert r["parent"] == "" or r["parent"] in region_ids, f"unknown parent of {r['id']}"
    for rid in region_ids:  # no cycles
        seen, cur = set(), rid
        while cur:
            assert cur not in seen, f"cycle at {rid}"
            seen.add(cur)
            cur = parent[cur]
    required = {
        "europe": "",
        "europe_northern": "europe",
        "europe_eastern": "europe",
        "europe_western": "europe",
        "europe_southern": "europe",
        "indo_pacific": "",
        "middle_east": "",
        "gulf": "middle_east",
        "levant": "middle_east",
        "south_caucasus": "",
        "central_asia": "",
        "south_asia": "",
        "africa": "",
        "americas": "",
        "north_america": "americas",
    }
    for rid, par in required.items():
        assert rid in region_ids, rid
        assert parent[rid] == par, f"{rid} parent {parent[rid]!r}, expected {par!r}"


def test_every_actor_has_valid_regions():
    region_ids = ids("regions.csv")
    for a in load("actors.csv"):
        regs = split_ids(a["regions"])
        assert regs, f"{a['id']} has no region"
        for r in regs:
            assert r in region_ids, f"{a['id']}: unknown region {r!r}"
        assert len(regs) == len(set(regs)), a["id"]


def test_actor_ids_kinds_and_names():
    for a in load("actors.csv"):
        assert a["kind"] in ACTOR_KINDS, a
        assert a["name"].strip(), a["id"]
        if a["kind"] == "state":
            assert re.fullmatch(r"[A-Z]{3}", a["id"]), a["id"]
            # a state of its time carries its ISO 3166-3 (former countries) code
            current = pycountry.countries.get(alpha_3=a["id"]) is not None
            former = pycountry.historic_countries.get(alpha_3=a["id"]) is not None
            assert current or (former and a["end"]), f"not an ISO alpha-3 code: {a['id']}"
        else:
            assert SLUG.match(a["id"]), a["id"]


def test_link_tables_reference_known_ids():
    actors = ids("actors.csv")
    alliances = ids("alliances.csv")
    blocs = ids("blocs.csv")
    for r in load("memberships.csv"):
        assert r["alliance"] in alliances, r
        assert r["actor"] in actors, r
    for r in load("ties.csv"):
        assert r["a"] in actors and r["b"] in actors, r
        assert r["a"] != r["b"], r
    for r in load("capabilities.csv"):
        assert r["actor"] in actors, r
    for r in load("bloc_members.csv"):
        assert r["bloc"] in blocs, r
        assert r["actor"] in actors, r


def test_sources_present_and_resolve():
    source_ids = ids("sources.csv")
    for name in [
        "actors.csv",
        "capabilities.csv",
        "alliances.csv",
        "memberships.csv",
        "ties.csv",
        "bloc_members.csv",
    ]:
        for i, r in enumerate(load(name), start=2):
            refs = split_ids(r["source"])
            assert refs, f"{name}:{i}: empty source"
            for s in refs:
                assert s in source_ids, f"{name}:{i}: unknown source id {s!r}"


def test_sources_table():
    for s in load("sources.csv"):
        assert SLUG.match(s["id"]), s["id"]
        assert s["title"].strip() and s["publisher"].strip(), s["id"]
        assert s["url"] == "" or s["url"].startswith(("http://", "https://")), s["id"]
        if s["published"]:
            assert PARTIAL_DATE.match(s["published"]), s["id"]
            padded = s["published"] + "-01" * ((10 - len(s["published"])) // 3)
            dt.date.fromisoformat(padded)
        parse_date(s["accessed"])


# --- enumerations and values -----------------------------------------------


def test_alliance_enumerations():
    for r in load("alliances.csv"):
        assert SLUG.match(r["id"]), r["id"]
        assert r["name"].strip(), r["id"]
        assert r["kind"] in ALLIANCE_KINDS, r
        assert r["obligation"] in OBLIGATIONS, r
        assert r["formal"] in {"0", "1"}, r


def test_membership_roles():
    for r in load("memberships.csv"):
        assert r["role"] in ROLES, r


def test_tie_values():
    for r in load("ties.csv"):
        assert r["sign"] in {"1", "-1"}, r
        assert SLUG.match(r["kind"]), r


def test_capability_values():
    for r in load("capabilities.csv"):
        assert r["metric"] in METRICS, r
        value = float(r["value"])
        assert value >= 0, r
        assert 1990 <= int(r["year"]) <= 2025, r
    warheads = [r for r in load("capabilities.csv") if r["metric"] == "warheads"]
    for r in warheads:
        assert float(r["value"]).is_integer(), r


def test_bloc_colours():
    for b in load("blocs.csv"):
        assert re.fullmatch(r"#[0-9a-fA-F]{6}", b["color"]), b
        assert SLUG.match(b["id"]) and b["name"].strip(), b


# --- dates -----------------------------------------------------------------


def test_dates_parse_and_are_ordered():
    for r in load("alliances.csv"):
        f, e = parse_date(r["founded"]), parse_date(r["ended"])
        if f and e:
            assert f < e, r
    for r in load("memberships.csv"):
        j, left = parse_date(r["joined"]), parse_date(r["left"])
        if j and left:
            assert j < left, r
    for r in load("ties.csv"):
        s, e = parse_date(r["start"]), parse_date(r["end"])
        if s and e:
            assert s < e, r


def test_unknown_start_dates_are_explained():
    for r in load("memberships.csv"):
        if r["joined"] == "":
            assert r["notes"].strip(), f"membership with unknown start needs a note: {r}"
    for r in load("alliances.csv"):
        if r["founded"] == "":
            assert r["notes"].strip(), r["id"]


def test_memberships_not_before_alliance_founded():
    founded = {r["id"]: parse_date(r["founded"]) for r in load("alliances.csv")}
    for r in load("memberships.csv"):
        j = parse_date(r["joined"])
        if j and founded[r["alliance"]]:
            assert founded[r["alliance"]] <= j, r


def test_membership_periods_of_one_actor_do_not_overlap():
    by_key = {}
    for r in load("memberships.csv"):
        by_key.setdefault((r["alliance"], r["actor"]), []).append(r)
    for key, rows in by_key.items():
        if len(rows) < 2:
            continue
        periods = sorted(
            (parse_date(r["joined"]) or dt.date.min, parse_date(r["left"]) or dt.date.max)
            for r in rows
        )
        for (_, end1), (start2, _) in pairwise(periods):
            assert end1 <= start2, f"overlapping periods for {key}"


# --- known facts -----------------------------------------------------------


def test_nato_counts():
    assert len(members_on("nato", dt.date(2023, 1, 1))) == 30
    assert len(members_on("nato", dt.date(2023, 6, 1))) == 31
    assert len(members_on("nato", dt.date(2025, 1, 1))) == 32
    assert len(members_on("nato", dt.date(1949, 8, 24))) == 12


def test_nato_accessions():
    assert "FIN" in members_on("nato", dt.date(2023, 4, 4))
    assert "FIN" not in members_on("nato", dt.date(2023, 4, 3))
    assert "SWE" in members_on("nato", dt.date(2024, 3, 7))
    assert "SWE" not in members_on("nato", dt.date(2024, 3, 6))


def test_syria_leaves_axis_of_resistance():
    assert "SYR" in members_on("axis_of_resistance", dt.date(2024, 12, 7))
    assert "SYR" not in members_on("axis_of_resistance", dt.date(2024, 12, 9))


def test_armenia_csto_frozen():
    rows = [
        r
        for r in load("memberships.csv")
        if r["alliance"] == "csto" and r["actor"] == "ARM" and in_force(r, dt.date(2025, 1, 1))
    ]
    assert [r["role"] for r in rows] == ["suspended"]
    before = [
        r
        for r in load("memberships.csv")
        if r["alliance"] == "csto" and r["actor"] == "ARM" and in_force(r, dt.date(2023, 1, 1))
    ]
    assert [r["role"] for r in before] == ["founder"]


def test_sco_enlargement():
    assert "IRN" in members_on("sco", dt.date(2024, 1, 1))
    assert "BLR" in members_on("sco", dt.date(2025, 1, 1))
    assert "BLR" not in members_on("sco", dt.date(2024, 1, 1))


def test_brics_2024_expansion():
    members = members_on("brics", dt.date(2024, 1, 1))
    assert {"EGY", "ETH", "IRN", "ARE"} <= members
    assert "EGY" not in members_on("brics", dt.date(2023, 12, 31))


def test_required_rivalries_present():
    pairs = {frozenset((r["a"], r["b"])) for r in load("ties.csv") if r["sign"] == "-1"}
    for a, b in [
        ("RUS", "UKR"),
        ("IRN", "ISR"),
        ("IND", "PAK"),
        ("CHN", "TWN"),
        ("ARM", "AZE"),
        ("SAU", "IRN"),
    ]:
        assert frozenset((a, b)) in pairs, (a, b)


def test_required_actors_present():
    actors = ids("actors.csv")
    required = (
        "RUS BLR UKR CHN PRK IRN SYR IRQ ISR SAU ARE BHR QAT KWT OMN EGY JOR MAR SDN TUR AZE ARM GEO PAK IND "
        "KAZ UZB KGZ TJK TKM JPN KOR AUS NZL PHL hezbollah houthis iraqi_militias hamas"
    ).split()
    assert set(required) <= actors, set(required) - actors
    assert {r["actor"] for r in load("memberships.csv") if r["alliance"] == "nato"} <= actors


# --- coverage --------------------------------------------------------------


def test_minimum_counts():
    assert len(load("actors.csv")) >= 80
    assert len(load("alliances.csv")) >= 25


def test_every_alliance_has_members():
    with_members = {r["alliance"] for r in load("memberships.csv")}
    assert ids("alliances.csv") == with_members


def test_no_orphan_states():
    linked = {r["actor"] for r in load("memberships.csv")}
    for r in load("ties.csv"):
        linked.update((r["a"], r["b"]))
    orphans = [
        a["id"] for a in load("actors.csv") if a["kind"] == "state" and a["id"] not in linked
    ]
    assert not orphans, orphans
