"""Alliance aggregates, allied capability and alliance-derived blocs on hand-made pacts."""

import dataclasses

import pytest
from _analysis_docs import pact_doc

from explorer.analysis.alliance_power import (
    BINDING_WEIGHTS,
    alliance_power,
    allied_capability,
    bindings,
)
from explorer.analysis.blocs import alliance_blocs
from explorer.analysis.capability import capability_index
from explorer.analysis.graphs import OBLIGATION_WEIGHT, ROLE_FACTOR, TIE_WEIGHT
from explorer.analysis.pipeline import analyse
from explorer.analysis.view import filtered
from explorer.analysis.whatif import apply_scenario
from explorer.model.entities import Alliance, Change, Membership, Tie

SHARE = {"A": 0.55, "B": 0.275, "C": 0.175, "D": 0.0}


def _inputs(doc):
    data = filtered(doc)
    return data, capability_index(data.actors.values())


def test_the_hand_made_shares():
    _, cap = _inputs(pact_doc())
    assert cap.share == pytest.approx(SHARE)


def test_alliance_aggregate_counts_each_full_member_once():
    data, cap = _inputs(pact_doc())
    power = alliance_power(data, cap)
    defence = power["DEF"]
    assert defence.members == ("A", "B")  # A's two records count once
    assert defence.share == pytest.approx(0.825)
    assert defence.figures == pytest.approx({"milex_usd_bn": 90, "population_m": 150})
    assert defence.reported["milex_usd_bn"] == 2 and defence.with_data == 2
    assert power["CON"].share == pytest.approx(0.725)
    # D is only an observer of OBS: not a member of the aggregate
    assert power["OBS"].members == ("A",) and power["OBS"].share == pytest.approx(0.55)
    assert list(power) == ["DEF", "CON", "OBS"]  # largest share first


def test_allied_capability_weights_each_partner_by_its_binding():
    data, cap = _inputs(pact_doc())
    allied = allied_capability(data, cap)
    consult = OBLIGATION_WEIGHT["consultation"]
    observer = OBLIGATION_WEIGHT["defence"] * ROLE_FACTOR["observer"]
    assert allied["A"].own == pytest.approx(0.55)
    assert allied["A"].share == pytest.approx(0.55 + 0.275 + consult * 0.175 + observer * 0)
    assert allied["B"].share == pytest.approx(0.275 + 0.55 + TIE_WEIGHT * 0.175)
    assert allied["C"].share == pytest.approx(0.175 + consult * 0.55 + TIE_WEIGHT * 0.275)
    assert allied["D"].share == pytest.approx(observer * 0.55)
    first = allied["A"].contributions[0]
    assert (first.partner, first.via, first.obligation, first.weight) == ("B", "DEF", "defence", 1)
    assert [c.partner for c in allied["A"].contributions] == ["B", "C", "D"]


def test_a_partner_bound_by_several_treaties_counts_once_at_the_strongest():
    doc = pact_doc()
    doc.alliances["TRI"] = Alliance("TRI", "Tri", obligation="consultation")
    for i, actor in enumerate("ABC", start=20):
        doc.memberships[i] = Membership("TRI", actor, "member")
    data, cap = _inputs(doc)
    bound = bindings(data)
    assert bound["A"]["B"].via == "DEF" and bound["A"]["B"].weight == 1.0
    assert bound["B"]["C"].via == "tie"  # the tie (0.5) beats the consultation pact (0.3)
    allied = allied_capability(data, cap, bound=bound)
    assert allied["B"].share == pytest.approx(0.275 + 0.55 + TIE_WEIGHT * 0.175)
    assert len(allied["B"].contributions) == 2


def test_rivals_are_not_allies_and_weights_are_adjustable():
    doc = pact_doc()
    doc.ties[2] = Tie("A", "C", -1, "rivalry")
    data, cap = _inputs(doc)
    assert "C" not in bindings(data)["A"]
    data, cap = _inputs(pact_doc())
    no_consult = allied_capability(data, cap, {"consultation": 0.0, "tie": 0.0})
    assert no_consult["C"].share == pytest.approx(0.175)
    assert BINDING_WEIGHTS["defence"] == 1.0 and BINDING_WEIGHTS["tie"] == TIE_WEIGHT
    with pytest.raises(ValueError, match="not an obligation"):
        bindings(data, {"alliance": 1.0})
    with pytest.raises(ValueError, match="0 or more"):
        bindings(data, {"defence": -1.0})


def test_alliance_blocs_follow_defence_pacts():
    an = analyse(pact_doc())
    blocs = an.alliance_blocs
    assert [(b.id, b.name, b.members) for b in blocs.blocs] == [
        ("A", "Bloc around Avalon", ("A", "B"))
    ]
    assert blocs.blocs[0].share == pytest.approx(0.825)
    assert blocs.unaligned_share == pytest.approx(0.175)  # C (consultation only) and D


def test_a_membership_change_moves_an_actor_between_alliance_blocs():
    doc = pact_doc()
    doc.alliances["DEF2"] = Alliance("DEF2", "Second pact", obligation="defence")
    doc.memberships[30] = Membership("DEF2", "B", "member")
    doc.memberships[31] = Membership("DEF2", "C", "member")
    data, cap = _inputs(doc)
    assert [b.members for b in alliance_blocs(data, cap).blocs] == [("A", "B", "C")]
    moved = apply_scenario(doc, [Change("remove_membership", actor="B", alliance="DEF")])
    data, cap = _inputs(moved)
    after = alliance_blocs(data, cap)
    assert [(b.id, b.members) for b in after.blocs] == [("B", ("B", "C"))]


def test_suspended_members_do_not_join_a_bloc():
    doc = pact_doc()
    doc.memberships[2] = dataclasses.replace(doc.memberships[2], role="suspended")
    doc.memberships[3] = dataclasses.replace(doc.memberships[3], role="suspended")
    data, cap = _inputs(doc)
    assert alliance_power(data, cap)["DEF"].members == ("A",)
    assert alliance_blocs(data, cap).blocs == ()


def _reference_bindings(data):
    """The definition, pair by pair, without numpy."""
    roles: dict[str, dict[str, str]] = {}
    for m in data.memberships:
        old = roles.setdefault(m.alliance, {}).get(m.actor)
        if old is None or ROLE_FACTOR[m.role] > ROLE_FACTOR[old]:
            roles[m.alliance][m.actor] = m.role
    best: dict[frozenset, float] = {}
    for alliance, members in roles.items():
        base = OBLIGATION_WEIGHT[data.alliances[alliance].obligation]
        for a, ra in members.items():
            for b, rb in members.items():
                if a < b:
                    w = base * min(ROLE_FACTOR[ra], ROLE_FACTOR[rb])
                    best[frozenset((a, b))] = max(best.get(frozenset((a, b)), 0.0), w)
    for t in data.ties:
        if t.sign > 0:
            best[frozenset((t.a, t.b))] = max(best.get(frozenset((t.a, t.b)), 0.0), TIE_WEIGHT)
    for t in data.ties:
        if t.sign < 0:
            best.pop(frozenset((t.a, t.b)), None)
    return {pair: w for pair, w in best.items() if w > 0}


@pytest.mark.parametrize("seed", [1, 3, 7])
def test_bindings_match_the_definition_on_synthetic_projects(seed):
    from explorer.synthetic import synthetic_document

    data = filtered(synthetic_document(60, 20, seed=seed))
    bound = bindings(data)
    got = {frozenset((a, b)): x.weight for a, partners in bound.items()
           for b, x in partners.items()}
    assert got == pytest.approx(_reference_bindings(data))
    cap = capability_index(data.actors.values())
    allied = allied_capability(data, cap, bound=bound)
    for actor, value in allied.items():
        by_hand = cap.share[actor] + sum(
            w * cap.share[next(iter(pair - {actor}))] for pair, w in got.items() if actor in pair
        )
        assert value.share == pytest.approx(by_hand)
        assert value.allies == len(value.contributions)
