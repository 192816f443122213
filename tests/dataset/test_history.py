"""History that is true: walking the as-of slider year by year, no actor and no record
appears before it is known to exist, and NATO grows as it did."""

from __future__ import annotations

import pytest

from explorer.analysis.view import ViewFilter, filtered
from explorer.dataset import load_dataset


@pytest.fixture(scope="module")
def doc():
    return load_dataset()


def test_walking_the_slider_shows_nothing_before_it_existed(doc):
    for year in range(1946, 2026):
        day = f"{year}-06-30"
        data = filtered(doc, ViewFilter(as_of=day))
        for actor in data.actors.values():
            assert actor.start is None or actor.start <= day, (day, actor.id)
            assert actor.end is None or day < actor.end, (day, actor.id)
            if actor.kind == "non_state":
                assert actor.start is not None, (day, actor.id)
        for m in data.memberships:
            start = m.joined or data.alliances[m.alliance].founded
            assert start is not None and start <= day, (day, m)
            assert doc.actors[m.actor].exists(day)
        for t in data.ties:
            assert t.start is not None and t.start <= day, (day, t)


def test_states_of_1991_are_absent_before_they_existed(doc):
    sixties = filtered(doc, ViewFilter(as_of="1960-01-01")).actors
    assert not {"UKR", "KAZ", "UZB", "RUS", "HRV", "CZE", "hamas"} & set(sixties)
    latest = filtered(doc, ViewFilter()).actors
    assert {"UKR", "KAZ", "UZB", "RUS", "houthis", "iraqi_militias"} <= set(latest)


@pytest.mark.parametrize(("year", "members"), [
    (1949, 12), (1955, 15), (1982, 16), (1999, 19), (2004, 26), (2009, 28), (2017, 29),
    (2020, 30), (2023, 31), (2024, 32),
])
def test_nato_membership_count_by_year(doc, year, members):
    data = filtered(doc, ViewFilter(as_of=f"{year}-12-31"))
    assert sum(1 for m in data.memberships if m.alliance == "nato") == members


def test_undated_arrangements_are_not_drawn_in_the_past(doc):
    """The Axis of Resistance, the Türkiye–Pakistan and Türkiye–Qatar arrangements have
    no sourced start: not in 1960, there at the latest data."""
    old = filtered(doc, ViewFilter(as_of="1960-01-01"))
    undated = {m.alliance for m in doc.memberships.values()
               if not m.joined and doc.alliances[m.alliance].founded is None}
    assert undated and not undated & {m.alliance for m in old.memberships}
    latest = filtered(doc, ViewFilter())
    assert undated <= {m.alliance for m in latest.memberships}


def test_bloc_membership_follows_its_dates(doc):
    """In June 1991 Albania, Poland and Romania were not yet Western-aligned."""
    june_1991 = filtered(doc, ViewFilter(as_of="1991-06-30")).blocs["western"].members
    assert not {"ALB", "POL", "ROU"} & set(june_1991)
    assert {"USA", "GBR", "TUR"} <= set(june_1991)
    latest = filtered(doc, ViewFilter()).blocs["western"].members
    assert {"ALB", "POL", "ROU"} <= set(latest)


def test_cold_war_groupings_come_and_go(doc):
    def shown(day):
        return set(filtered(doc, ViewFilter(as_of=day)).alliances)

    assert {"warsaw_pact", "seato", "cento", "sino_soviet_1950", "nato"} <= shown("1956-06-30")
    assert "warsaw_pact" in shown("1985-06-30") and "seato" not in shown("1985-06-30")
    assert not {"warsaw_pact", "cento", "sino_soviet_1950"} & shown("1992-06-30")
    soviet = filtered(doc, ViewFilter(as_of="1985-06-30")).actors
    assert "SUN" in soviet and "DDR" in soviet and "RUS" not in soviet
    assert "SUN" not in filtered(doc, ViewFilter(as_of="1992-06-30")).actors
