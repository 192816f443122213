"""History that is true: walking the as-of slider year by year, no actor and no record
appears before it is known to exist, and NATO grows as it did."""

from __future__ import annotations

import datetime as dt

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


def _padded(day: str) -> str:
    """A date known to the year alone ("1952") stands for its first day."""
    return day if len(day) == 10 else f"{day}-01-01"


def test_every_signature_is_a_date_no_later_than_entry_into_force(doc):
    """`signed` ≤ the as-of date (founded, joined or start), and the column is used."""
    records = [(f"alliance {a.id}", a.signed, a.founded) for a in doc.alliances.values()]
    records += [(f"membership {m.alliance}/{m.actor}", m.signed,
                 m.joined or doc.alliances[m.alliance].founded)
                for m in doc.memberships.values()]
    records += [(f"tie {t.a}-{t.b}", t.signed, t.start) for t in doc.ties.values()]
    signed = [(what, s, in_force) for what, s, in_force in records if s]
    assert len(signed) > 50
    for what, signature, in_force in signed:
        assert in_force, f"{what}: a signature without an entry into force"
        dt.date.fromisoformat(_padded(signature))
        assert _padded(signature) <= _padded(in_force), (what, signature, in_force)


@pytest.mark.parametrize(("alliance", "signed_only", "in_force"), [
    ("nato", "1949-06-30", "1949-08-24"),
    ("csto", "1993-06-30", "1994-04-20"),
    ("seato", "1954-12-31", "1955-02-19"),
    ("us_japan", "1960-03-01", "1960-06-23"),
    ("anzus", "1952-01-01", "1952-04-29"),
    ("rio_treaty", "1948-01-01", "1948-12-03"),
    ("russia_iran", "2025-06-30", "2025-10-02"),
])
def test_treaties_are_drawn_from_entry_into_force_not_signature(doc, alliance, signed_only,
                                                                in_force):
    assert doc.alliances[alliance].signed < signed_only
    assert alliance not in filtered(doc, ViewFilter(as_of=signed_only)).alliances
    assert alliance in filtered(doc, ViewFilter(as_of=in_force)).alliances


def test_rio_treaty_parties_shrink_after_mexico_withdraws(doc):
    def parties(day):
        return {m.actor for m in filtered(doc, ViewFilter(as_of=day)).memberships
                if m.alliance == "rio_treaty"}

    assert parties("1947-12-31") == set()
    assert parties("1990-06-30") == {"USA", "BRA", "MEX"}
    assert parties("2005-06-30") == {"USA", "BRA"}


def test_arab_league_defence_treaty_from_1952(doc):
    def parties(day):
        return {m.actor for m in filtered(doc, ViewFilter(as_of=day)).memberships
                if m.alliance == "arab_league_defence"}

    assert parties("1951-06-30") == set()
    assert parties("1952-06-30") == {"EGY", "IRQ", "JOR", "SAU", "SYR"}


#: Yugoslavia's successors with the day each became independent (CIA World Factbook).
YUGOSLAV_SUCCESSORS = {"SVN": "1991-06-25", "HRV": "1991-06-25", "MKD": "1991-09-08",
                       "MNE": "2006-06-03", "SRB": "2006-06-05", "BIH": None, "XKX": None}


def test_yugoslavia_is_a_state_of_its_time_and_its_successors_come_after(doc):
    def shown(day):
        return set(filtered(doc, ViewFilter(as_of=day)).actors)

    assert "YUG" in shown("1980-06-30") and "YUG" in shown("1992-04-26")
    assert "YUG" not in shown("1992-04-27") and "YUG" not in shown("1993-06-30")
    assert not set(YUGOSLAV_SUCCESSORS) & shown("1980-06-30")
    for actor, independence in YUGOSLAV_SUCCESSORS.items():
        if actor not in doc.actors:
            continue  # not an actor in this dataset (Bosnia and Herzegovina, Kosovo)
        assert doc.actors[actor].start == independence, actor
        day_before = (dt.date.fromisoformat(independence) - dt.timedelta(days=1)).isoformat()
        assert actor not in shown(day_before) and actor in shown(independence), actor


def test_the_soviet_yugoslav_split_is_drawn_from_1948_to_1955(doc):
    def split(day):
        return [t for t in filtered(doc, ViewFilter(as_of=day)).ties
                if {t.a, t.b} == {"SUN", "YUG"}]

    assert not split("1948-06-27")
    assert [t.sign for t in split("1950-06-30")] == [-1]
    assert not split("1955-06-02")
