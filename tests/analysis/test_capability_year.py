"""The capability index by year: which figure each actor contributes, and what it rests on."""

from __future__ import annotations

import pytest

from explorer.analysis.capability import (
    DEFAULT_WEIGHTS,
    capability_coverage,
    capability_index,
    check_weights,
    coverage_text,
)
from explorer.analysis.pipeline import analyse
from explorer.analysis.view import ViewFilter
from explorer.dataset import load_dataset
from explorer.model.entities import Actor, Capability, Document


@pytest.fixture(scope="module")
def doc() -> Document:
    return load_dataset()


def series_actor(id_: str, *figures: Capability) -> Actor:
    return Actor(id_, id_, "other", capabilities=figures)


A = series_actor(
    "A",
    Capability("population_m", 10.0, 1990),
    Capability("population_m", 20.0, 2020),
    Capability("milex_usd_bn", 4.0, 2020, "share;gdp", derived=True),
    Capability("milex_usd_bn", 5.0, 2020, "sipri"),
    Capability("milex_usd_bn", 3.0, 2010, "share;gdp", derived=True),
)
B = series_actor(
    "B",
    Capability("population_m", 30.0, 1990),
    Capability("population_m", 20.0, 2020),
    Capability("milex_usd_bn", 5.0, 2020, "sipri"),
)


def test_defaults_are_the_four_open_cinc_components():
    on = sorted(m for m, w in DEFAULT_WEIGHTS.items() if w > 0)
    assert on == ["energy_mtoe", "milex_usd_bn", "population_m", "urban_population_m"]
    assert {m for m, w in DEFAULT_WEIGHTS.items() if w == 0} == {
        "gdp_usd_bn", "gdp_ppp_bn", "personnel_k",
    }
    assert check_weights({"gdp_ppp_bn": 2})["gdp_ppp_bn"] == 2.0
    for unknown in ("warheads", "tanks"):
        with pytest.raises(ValueError, match=unknown):
            check_weights({unknown: 1.0})


def test_each_actor_contributes_its_latest_figure_at_or_before_the_year():
    cap_1990 = capability_index([A, B], year=1990)
    assert cap_1990.components["A"] == {"population_m": pytest.approx(0.25)}
    assert cap_1990.figure_year("A", "population_m") == 1990
    cap_2015 = capability_index([A, B], year=2015)
    # A's 2010 derived expenditure counts in 2015; B has none before 2020
    assert cap_2015.figures["A"]["milex_usd_bn"] == Capability(
        "milex_usd_bn", 3.0, 2010, "share;gdp", derived=True
    )
    assert "milex_usd_bn" not in cap_2015.figures["B"]
    assert cap_2015.components["A"]["milex_usd_bn"] == 1.0
    assert cap_2015.older_figures() == [
        ("A", "population_m", 1990), ("B", "population_m", 1990), ("A", "milex_usd_bn", 2010),
    ]
    assert capability_index([A, B], year=2011).older_figures() == [
        ("A", "population_m", 1990), ("B", "population_m", 1990),
    ]  # 2010 is within a year of 2011
    assert cap_2015.derived_count() == {"milex_usd_bn": 1}


def test_published_wins_over_derived_in_the_same_year():
    cap = capability_index([A, B], year=2020)
    used = cap.figures["A"]["milex_usd_bn"]
    assert (used.value, used.derived, used.source) == (5.0, False, "sipri")
    assert cap.totals["milex_usd_bn"] == 10.0
    assert cap.derived_count() == {}


def test_a_year_older_than_any_figure_gives_no_data_not_a_guess(doc):
    cap = capability_index([A, B], year=1980)
    assert cap.no_data == ("A", "B") and cap.share == {"A": 0.0, "B": 0.0}
    assert cap.figures == {"A": {}, "B": {}}
    an = analyse(doc, ViewFilter(as_of="1955-01-01"))
    assert len(an.capability.no_data) == len(an.data.actors) > 0
    assert sum(an.capability.share.values()) == 0.0
    assert "No capability figures (as of 1955)" in coverage_text(an.capability, doc)
    assert coverage_text(capability_index([]), doc) == "No actors in view, so no capability shares."


def test_1990_and_today_give_different_shares(doc):
    today = analyse(doc)
    past = analyse(doc, ViewFilter(as_of="1990-01-01"))
    assert (today.year, past.year) == (None, 1990)
    assert past.capability.year == 1990
    for an in (today, past):
        assert sum(an.capability.share.values()) == pytest.approx(1.0)
    common = set(today.capability.share) & set(past.capability.share)
    diff = max(abs(today.capability.share[a] - past.capability.share[a]) for a in common)
    assert diff > 0.01
    assert past.capability.figure_year("USA", "population_m") == 1990
    assert today.capability.figure_year("USA", "population_m") > 2020
    assert today.capability.figure_year("USA", "milex_usd_bn") == 2024


def test_default_dataset_has_figures_for_every_state(doc):
    cap = analyse(doc).capability
    # the states of today (the Soviet Union, East Germany, Czechoslovakia are of the past)
    today = {a for a, actor in doc.actors.items() if actor.exists(None)}
    states = {a for a in today if doc.actors[a].kind == "state"}
    assert states.isdisjoint(cap.no_data)
    assert set(cap.no_data) == today - states
    assert capability_coverage(cap, doc)[:2] == (len(states), len(today))


def test_coverage_text_names_gaps_derived_and_old_figures(doc):
    an = analyse(doc)
    text = coverage_text(an.capability, doc)
    today = [a for a in doc.actors.values() if a.exists(None)]
    states = sum(a.kind == "state" for a in today)
    assert text.startswith(
        f"Capability shares rest on figures for {states} of {len(today)} actors"
    )
    assert "Taiwan (military expenditure only)" in text
    assert "North Korea (no military expenditure)" in text
    assert "Hezbollah" in text and "hezbollah" not in text  # names, not ids
    assert "Turkmenistan military expenditure from 1999" in text
    derived = an.capability.derived_count()["milex_usd_bn"]
    assert f"military expenditure of {derived}" in text
    published = sum(
        1 for a in an.capability.figures.values()
        if "milex_usd_bn" in a and not a["milex_usd_bn"].derived
    )
    assert published == 23  # the SIPRI rows of capabilities.csv
    short = coverage_text(an.capability, doc, name_up_to=2)
    assert "and 3 more" in short  # five actors without figures, two named


def test_figure_at_lookup_and_series():
    undated = Capability("personnel_k", 7.0)
    actor = series_actor("X", Capability("personnel_k", 9.0, 2000), undated,
                         Capability("personnel_k", 8.0, 1995))
    assert actor.figure("personnel_k", 1999) == 8.0
    assert actor.figure("personnel_k", 2000) == 9.0
    assert actor.figure("personnel_k") == 9.0
    assert actor.figure_at("personnel_k", 1990) is undated  # only when no dated figure applies
    assert [c.year for c in actor.series("personnel_k")] == [1995, 2000]
    assert actor.figure("gdp_usd_bn", 2000) is None


def test_coverage_text_names_states_without_figures_first(doc):
    an = analyse(doc, ViewFilter(as_of="1990-01-01"))
    assert "TWN" in an.capability.no_data  # Taiwan's only figure is SIPRI's 2024 one
    text = coverage_text(an.capability, doc, name_up_to=1)
    # states of 1991 and later are not in 1990; the Soviet Union, East Germany and
    # Czechoslovakia are, with no World Bank figures
    others = len(an.capability.no_data) - 1
    assert {"SUN", "DDR", "CSK"} <= set(an.capability.no_data)
    assert "No figures: " in text and f" and {others} more." in text
