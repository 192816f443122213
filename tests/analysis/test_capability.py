import math

import pytest
from _analysis_docs import caps
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.analysis.capability import capability_coverage, capability_index
from explorer.model.entities import Actor, Document

A = Actor("A", "A", "other", capabilities=caps(60, 10, 20, 100, warheads=50))
B = Actor("B", "B", "other", capabilities=caps(30, 30, 60, 50))
C = Actor("C", "C", "other", capabilities=caps(10, 60, 20, 50))

#: The four metrics these hand examples use (the defaults before urban population and
#: energy use replaced personnel and GDP).
FOUR = {"personnel_k": 1.0, "gdp_usd_bn": 1.0, "urban_population_m": 0.0, "energy_mtoe": 0.0}


def test_three_actor_example_by_hand():
    cap = capability_index([A, B, C], FOUR)
    # totals 100, 100, 100, 200
    assert cap.index["A"] == pytest.approx((0.6 + 0.1 + 0.2 + 0.5) / 4)
    assert cap.index["B"] == pytest.approx((0.3 + 0.3 + 0.6 + 0.25) / 4)
    assert cap.index["C"] == pytest.approx((0.1 + 0.6 + 0.2 + 0.25) / 4)
    assert sum(cap.index.values()) == pytest.approx(1.0)  # complete data: CINC sums to 1
    assert cap.share == pytest.approx(cap.index)
    assert cap.totals["gdp_usd_bn"] == 200
    assert cap.warheads == {"A": 50.0}
    assert cap.ranking() == ["B", "A", "C"]


def test_missing_figures_mean_over_components_the_actor_has():
    c = Actor("C", "C", "other", capabilities=caps(10, 60, 20))  # no GDP
    d = Actor("D", "D", "other")  # nothing at all
    cap = capability_index([A, B, c, d], FOUR)
    # GDP total is now 150
    assert cap.index["A"] == pytest.approx((0.6 + 0.1 + 0.2 + 100 / 150) / 4)
    assert cap.index["C"] == pytest.approx((0.1 + 0.6 + 0.2) / 3)
    assert cap.index["D"] == 0.0
    assert cap.no_data == ("D",)
    assert sum(cap.share.values()) == pytest.approx(1.0)
    assert set(cap.components["C"]) == {"milex_usd_bn", "personnel_k", "population_m"}


def test_weights():
    cap = capability_index([A, B, C], {**FOUR, "milex_usd_bn": 2.0})
    assert cap.index["A"] == pytest.approx((2 * 0.6 + 0.1 + 0.2 + 0.5) / 5)
    only_gdp = capability_index(
        [A, B, C], {**FOUR, "milex_usd_bn": 0, "personnel_k": 0, "population_m": 0}
    )
    assert only_gdp.index == pytest.approx({"A": 0.5, "B": 0.25, "C": 0.25})
    with pytest.raises(ValueError, match="warheads"):
        capability_index([A], {"warheads": 1.0})
    with pytest.raises(ValueError):
        capability_index([A], {"gdp_usd_bn": -1.0})


def test_no_actors_or_no_data():
    assert capability_index([]).index == {}
    cap = capability_index([Actor("X", "X", "other")])
    assert cap.share == {"X": 0.0} and cap.no_data == ("X",)


figures = st.one_of(st.none(), st.floats(min_value=0.0, max_value=1e6, allow_nan=False))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(figures, figures, figures, figures), min_size=1, max_size=12))
def test_shares_sum_to_one_when_any_data(rows):
    actors = [Actor(f"X{i}", f"X{i}", "other", capabilities=caps(*r)) for i, r in enumerate(rows)]
    cap = capability_index(actors, FOUR)
    total = sum(cap.share.values())
    if sum(cap.index.values()) > 0:
        assert math.isclose(total, 1.0, rel_tol=1e-9)
    else:
        assert total == 0.0
    assert all(0.0 <= v <= 1.0 + 1e-12 for v in cap.index.values())


def test_coverage_counts_the_actors_with_figures_and_names_a_few():
    d = Actor("D", "Dee", "other")
    e = Actor("E", "Eee", "other")
    doc = Document(actors={x.id: x for x in (A, B, d, e)})
    cap = capability_index([A, B, d, e])
    assert capability_coverage(cap, doc) == (2, 4, ["A", "B"])
    assert capability_coverage(cap, doc, name_up_to=1) == (2, 4, [])
    empty = capability_index([d, e])
    assert capability_coverage(empty, doc) == (0, 2, [])
