import copy

import pytest
from _analysis_docs import small_doc
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.analysis.errors import UnknownName
from explorer.analysis.graphs import positive_projection, signed_projection
from explorer.analysis.view import ViewFilter, filtered
from explorer.analysis.whatif import apply_scenario, compare, removal_impact, split_off
from explorer.model.entities import Change
from explorer.synthetic import synthetic_document


def _dump(doc):
    return repr(copy.deepcopy(doc.__dict__))


def test_remove_actor_removes_its_links_and_bloc_place():
    doc = small_doc()
    before = _dump(doc)
    new = apply_scenario(doc, [Change("remove_actor", actor="TUR")])
    assert _dump(doc) == before
    assert "TUR" not in new.actors
    assert all(m.actor != "TUR" for m in new.memberships.values())
    assert "TUR" not in new.blocs["west"].members
    assert "TUR" in doc.blocs["west"].members


def test_remove_actor_removes_its_ties():
    new = apply_scenario(small_doc(), [Change("remove_actor", actor="RUS")])
    assert all("RUS" not in (t.a, t.b) for t in new.ties.values())


def test_remove_membership_and_dissolve():
    doc = small_doc()
    new = apply_scenario(doc, doc.scenarios["Turkey leaves NATO"])
    assert not any(m.actor == "TUR" and m.alliance == "NATO" for m in new.memberships.values())
    assert any(m.actor == "TUR" and m.alliance == "SHUSHA" for m in new.memberships.values())
    gone = apply_scenario(doc, [Change("dissolve_alliance", alliance="CSTO")])
    assert "CSTO" not in gone.alliances
    assert all(m.alliance != "CSTO" for m in gone.memberships.values())
    assert "CSTO" in doc.alliances


def test_move_to_bloc():
    doc = small_doc()
    new = apply_scenario(doc, [Change("move_to_bloc", actor="TUR", bloc="east")])
    assert "TUR" in new.blocs["east"].members and "TUR" not in new.blocs["west"].members
    out = apply_scenario(doc, [Change("move_to_bloc", actor="TUR", bloc=None)])
    assert all("TUR" not in b.members for b in out.blocs.values())


def test_unknown_ids_raise_unknown_name():
    with pytest.raises(UnknownName, match="TUR"):
        apply_scenario(small_doc(), [Change("remove_actor", actor="TRU")])
    with pytest.raises(ValueError):
        apply_scenario(small_doc(), [Change("explode", actor="TUR")])


def test_compare_turkey_removed():
    doc = small_doc()
    before = _dump(doc)
    c = compare(doc, [Change("remove_actor", actor="TUR")])
    assert _dump(doc) == before
    assert c.removed_actors == ["TUR"]
    assert c.newly_isolated == ["AZE"]  # its only positive link was TUR (SHUSHA)
    f = c.figures
    assert f["actors"] == {"baseline": 8, "scenario": 7, "delta": -1}
    assert f["largest_component_share"]["baseline"] == pytest.approx(5 / 8)  # NATO + AZE
    assert f["largest_component_share"]["scenario"] == pytest.approx(3 / 7)
    assert f["isolated"]["delta"] == 1
    assert c.bloc_shares["west"]["delta"] < 0
    assert c.bloc_shares["east"]["delta"] > 0
    brokers = {r["actor"]: r for r in c.brokers}
    assert brokers["TUR"]["baseline_rank"] == 1 and brokers["TUR"]["scenario_rank"] is None


def test_compare_with_empty_view():
    c = compare(
        small_doc(), [Change("remove_actor", actor="TUR")], ViewFilter(regions=frozenset({"x"}))
    )
    assert c.figures["actors"]["delta"] == 0
    assert c.brokers == [] and c.newly_isolated == []


def test_split_off():
    before = [("a", "b", "c", "d", "e"), ("f",)]
    after = [("a", "b"), ("c", "d", "e"), ("f",)]
    assert split_off(before, after) == [["a", "b"]]
    assert split_off(before, [("a", "b", "c", "d"), ("f",)]) == []


def test_removal_impact_of_nato_members():
    doc = small_doc()
    impact = dict(removal_impact(doc, alliance_id="nato"))
    assert set(impact) == {"USA", "GBR", "TUR", "FIN"}
    # baseline: USA-GBR-FIN-TUR-AZE is the largest component, 5/8 of the actors.
    # TUR leaving NATO splits TUR-AZE from USA-GBR-FIN: 3/8; FIN leaving: 4/8.
    assert impact["TUR"] == pytest.approx(3 / 8 - 5 / 8)
    assert impact["FIN"] == pytest.approx(4 / 8 - 5 / 8)
    assert removal_impact(doc, alliance_id="nato")[0] == ("TUR", pytest.approx(-0.25))
    ranked = removal_impact(doc, measure="bloc_share", bloc="west")
    assert ranked[0][0] == "USA" and ranked[0][1] < 0
    eff = removal_impact(doc, alliance_id="NATO", measure="efficiency")
    assert len(eff) == 4
    with pytest.raises(ValueError):
        removal_impact(doc, measure="nonsense")


changes = st.one_of(
    st.builds(
        Change,
        st.just("remove_actor"),
        actor=st.sampled_from(["A00001", "A00005", "A00010", "A00020"]),
    ),
    st.builds(
        Change,
        st.just("remove_membership"),
        actor=st.sampled_from(["A00001", "A00002", "A00008"]),
        alliance=st.sampled_from(["AL0001", "AL0010", "AL0015"]),
    ),
    st.builds(Change, st.just("dissolve_alliance"), alliance=st.sampled_from(["AL0002", "AL0010"])),
    st.builds(
        Change,
        st.just("move_to_bloc"),
        actor=st.sampled_from(["A00003", "A00004"]),
        bloc=st.sampled_from(["west", "east", None]),
    ),
)
SYNTH = synthetic_document(40, 15, seed=3)


@settings(max_examples=40, deadline=None)
@given(st.lists(changes, max_size=4))
def test_scenarios_never_change_the_baseline(seq):
    doc = SYNTH
    before = _dump(doc)
    try:
        apply_scenario(doc, seq)
    except UnknownName:
        pass  # a change may name an actor an earlier change removed
    assert _dump(doc) == before


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(SYNTH.actors)), st.sampled_from([None, "2000-01-01"]))
def test_removing_an_actor_never_adds_a_link(actor, as_of):
    view = ViewFilter(as_of=as_of)
    new = apply_scenario(SYNTH, [Change("remove_actor", actor=actor)])
    assert set(new.ties) <= set(SYNTH.ties)
    assert set(new.memberships) <= set(SYNTH.memberships)
    for make in (positive_projection, signed_projection):
        before = {frozenset(e) for e in make(filtered(SYNTH, view)).edges}
        after = {frozenset(e) for e in make(filtered(new, view)).edges}
        assert after <= before


def test_changes_outside_the_view_are_named():
    from explorer.analysis.whatif import changes_outside
    from explorer.dataset import load_dataset

    doc = load_dataset()
    view = ViewFilter(as_of="2022-06-30", regions=frozenset({"central_asia", "south_caucasus"}))
    data = filtered(doc, view)
    changes = [
        Change("remove_membership", "TUR", "nato"),  # Türkiye is not in these regions
        Change("remove_membership", "ARM", "csto"),
        Change("remove_membership", "FIN", "nato"),  # not a member in 2022, nor in view
        Change("remove_actor", "KAZ"),
        Change("dissolve_alliance", alliance="nato"),
        Change("dissolve_alliance", alliance="csto"),
        Change("move_to_bloc", "TUR", bloc="western"),
    ]
    outside = changes_outside(data, changes)
    assert [c.describe() for c in outside] == [
        "TUR leaves nato", "FIN leaves nato", "Dissolve nato", "Move TUR to bloc western",
    ]
    # the whole world as of today holds all of them
    everything = filtered(doc, ViewFilter())
    assert changes_outside(everything, changes) == []
