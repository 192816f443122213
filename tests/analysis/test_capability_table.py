"""The array-based capability index gives exactly what a plain loop over actors gives,
for any figures, weights and year, and follows edits (a replaced actor's new figures)."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.analysis import figure_table
from explorer.analysis.capability import (
    DEFAULT_WEIGHTS,
    TABLE_METRICS,
    capability_index,
    check_weights,
)
from explorer.analysis.memo import forget_all
from explorer.model.entities import Actor, Capability
from explorer.model.vocab import INDEX_METRICS

METRICS = (*INDEX_METRICS[:4], "warheads")


def reference_index(actors: list[Actor], weights: dict, year: int | None) -> dict:
    """The index as the first build computed it: one figure_at per actor and metric."""
    w = check_weights(weights)
    metrics = [m for m in INDEX_METRICS if w[m] > 0]
    used = {a.id: {m: c for m in metrics if (c := a.figure_at(m, year)) is not None}
            for a in actors}
    sums = dict.fromkeys(metrics, 0)
    for a in actors:
        for m, c in used[a.id].items():
            sums[m] += c.value
    totals = {m: float(v) for m, v in sums.items()}
    usable = [(m, totals[m], w[m]) for m in metrics if totals[m] > 0]
    index, components, no_data = {}, {}, []
    for a in actors:
        mine = used[a.id]
        if not mine:
            no_data.append(a.id)
        comp = {m: mine[m].value / t for m, t, _w in usable if m in mine}
        components[a.id] = comp
        weight_sum = sum(wm for m, _t, wm in usable if m in comp)
        index[a.id] = (sum(wm * comp[m] for m, _t, wm in usable if m in comp) / weight_sum
                       if comp else 0.0)
    grand = sum(index.values())
    return {
        "index": index,
        "share": {a: (v / grand if grand > 0 else 0.0) for a, v in index.items()},
        "components": components,
        "totals": totals,
        "warheads": {a.id: v for a in actors if (v := a.figure("warheads", year)) is not None},
        "no_data": tuple(sorted(no_data)),
        "figures": used,
    }


figures = st.builds(
    Capability,
    metric=st.sampled_from(METRICS),
    value=st.floats(min_value=0, max_value=1e4, allow_nan=False),
    year=st.one_of(st.none(), st.integers(1990, 2025)),
    derived=st.booleans(),
)
actor_lists = st.lists(st.lists(figures, max_size=8), min_size=0, max_size=12).map(
    lambda per_actor: [Actor(f"A{i:02d}", f"Actor {i}", capabilities=tuple(caps))
                       for i, caps in enumerate(per_actor)])
weight_maps = st.dictionaries(st.sampled_from(INDEX_METRICS[:4]),
                              st.sampled_from([0.0, 0.5, 1.0, 2.0]))


@settings(max_examples=200, deadline=None)
@given(actors=actor_lists, weights=weight_maps,
       year=st.one_of(st.none(), st.integers(1985, 2030)))
def test_index_equals_the_per_actor_loop(actors, weights, year):
    forget_all()
    cap = capability_index(actors, weights, year)
    expected = reference_index(actors, weights, year)
    got = {k: getattr(cap, k) for k in expected}
    assert got == expected
    # key order matters to callers that list actors or metrics as the dicts give them
    assert list(cap.index) == [a.id for a in actors]
    assert all(list(cap.figures[a]) == list(expected["figures"][a]) for a in cap.figures)


def test_subsets_and_edits_reuse_and_extend_one_table():
    forget_all()
    figure_table.forget()
    actors = [Actor(f"S{i}", f"S{i}", capabilities=(
        Capability("milex_usd_bn", float(i + 1), 2000), Capability("milex_usd_bn", 50.0, 2020)))
        for i in range(5)]
    capability_index(actors, DEFAULT_WEIGHTS, 2010)
    built = figure_table.table_for(actors, TABLE_METRICS)[0]
    # a subset (another date's view) is answered from the table already built
    few = capability_index(actors[:2], DEFAULT_WEIGHTS, 2010)
    assert few.totals["milex_usd_bn"] == 3.0
    assert figure_table.table_for(actors[:2], TABLE_METRICS)[0] is built
    # an edit replaces an actor object: its new figure counts, the old one does not
    edited = dataclasses.replace(actors[0], capabilities=(Capability("milex_usd_bn", 7.0, 2005),))
    after = capability_index([edited, *actors[1:]], DEFAULT_WEIGHTS, 2010)
    assert after.totals["milex_usd_bn"] == 7.0 + 2 + 3 + 4 + 5
    assert after.figure_year("S0", "milex_usd_bn") == 2005
    assert capability_index([edited], DEFAULT_WEIGHTS, 1999).no_data == ("S0",)


def test_a_table_grown_by_new_actors_answers_as_one_built_at_once():
    figure_table.forget()
    actors = [Actor(f"G{i}", f"G{i}", capabilities=(
        Capability("milex_usd_bn", float(i), 2000 + i % 3),
        Capability("milex_usd_bn", float(10 * i), 2010 + i % 2),
        Capability("population_m", float(i + 1), None))) for i in range(12)]
    early, late = actors[::2], actors
    table, _rows = figure_table.table_for(early, TABLE_METRICS)
    table.column("milex_usd_bn")  # built before growing: appended to, not rebuilt
    grown, rows = figure_table.table_for(late, TABLE_METRICS)
    assert grown is not table and len(grown.actors) == len(actors)
    fresh = figure_table.FigureTable(list(late), TABLE_METRICS)
    fresh_rows = fresh.rows(late)
    for metric in ("milex_usd_bn", "population_m"):
        for year in (None, 1999, 2001, 2010, 2030):
            got = grown.column(metric).pick(rows, year)[1]
            expected = fresh.column(metric).pick(fresh_rows, year)[1]
            assert np.array_equal(got, expected, equal_nan=True), (metric, year)


@settings(max_examples=100, deadline=None)
@given(values=st.lists(st.sampled_from([0.0, 0.1, 0.25, 0.5, 1.0]), min_size=1, max_size=15))
def test_rank_of_is_the_place_in_the_ranking(values):
    actors = [Actor(f"R{(7 * i) % 15:02d}", "x", capabilities=(
        (Capability("milex_usd_bn", v, 2020),) if v else ())) for i, v in enumerate(values)]
    cap = capability_index(actors, DEFAULT_WEIGHTS, None)
    ranking = cap.ranking()
    assert [cap.rank_of(a) for a in ranking] == list(range(1, len(ranking) + 1))
