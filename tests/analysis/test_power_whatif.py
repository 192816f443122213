"""Pooled power in the what-if: comparison rows, bloc views, sentences, member impact."""

import pytest
from _analysis_docs import pact_doc

from explorer.analysis.graphs import OBLIGATION_WEIGHT, TIE_WEIGHT
from explorer.analysis.impact import impact_ranks, member_impact, removal_impact
from explorer.analysis.narrative import comparison_summary, pct
from explorer.analysis.whatif import apply_scenario, compare
from explorer.model.entities import (
    Actor,
    Alliance,
    Bloc,
    Capability,
    Change,
    Document,
    Membership,
    Scenario,
)
from explorer.model.errors import ValidationError
from explorer.model.validation import validate_scenario

B_LEAVES = [Change("remove_membership", actor="B", alliance="DEF")]
CONSULT = OBLIGATION_WEIGHT["consultation"]


def test_comparison_has_alliance_aggregates_and_allied_capability():
    c = compare(pact_doc(), B_LEAVES)
    row = c.alliances["DEF"]
    assert (row["baseline"], row["scenario"]) == pytest.approx((0.825, 0.55))
    assert row["lost"] == ["B"] and row["members_scenario"] == 1
    assert row["figures"]["milex_usd_bn"]["delta"] == pytest.approx(-30)
    assert row["figures"]["population_m"]["delta"] == pytest.approx(-50)
    assert next(iter(c.alliances)) == "DEF"  # the largest change first
    b = c.allied["B"]
    assert b["baseline"] == pytest.approx(0.275 + 0.55 + TIE_WEIGHT * 0.175)
    assert b["scenario"] == pytest.approx(0.275 + TIE_WEIGHT * 0.175)
    assert c.allied["C"]["delta"] == pytest.approx(0.0)


def test_three_bloc_views_and_the_headline():
    c = compare(pact_doc(), B_LEAVES)
    assert set(c.bloc_views) == {"user", "detected", "alliance"}
    assert c.headline == "alliance"
    gone = c.bloc_views["alliance"]["A"]
    assert gone["baseline"] == pytest.approx(0.825) and gone["scenario"] is None
    assert c.bloc_views["user"]["north"]["delta"] == pytest.approx(0.0)
    assert compare(pact_doc(), B_LEAVES, headline="user").headline == "user"
    with pytest.raises(ValueError, match="bloc view"):
        compare(pact_doc(), B_LEAVES, headline="stars")
    assert c.figures["alliance_blocs"]["delta"] == -1


def test_sentences_carry_the_numbers():
    c = compare(pact_doc(), B_LEAVES)
    text = " ".join(comparison_summary(c))
    assert f"Defence Pact loses Brigand: its share of world capability falls from " \
           f"{pct(0.825)} to {pct(0.55)} (−US$ 30 bn expenditure, −50 M people)." in text
    before, after = 0.275 + 0.55 + TIE_WEIGHT * 0.175, 0.275 + TIE_WEIGHT * 0.175
    assert f"Brigand's allied capability falls from {pct(before)} to {pct(after)}" in text
    assert "it keeps ties with Castile" in text
    assert "Capability rests on figures for 3 of 4 actors in view" in text
    assert 2 <= len(comparison_summary(c)) <= 4


def test_a_dissolution_that_moves_nothing_says_why():
    doc = pact_doc()
    doc.alliances["ALT"] = Alliance("ALT", "Alt Pact", obligation="defence")
    doc.memberships[40] = Membership("ALT", "A", "member")
    doc.memberships[41] = Membership("ALT", "B", "member")
    c = compare(doc, [Change("dissolve_alliance", alliance="DEF")])
    assert all(abs(r["delta"] or 0) < 1e-12 for r in c.allied.values())
    summary = comparison_summary(c)
    assert summary[0] == f"Defence Pact is dissolved: its 2 members held {pct(0.825)} of " \
                         "world capability together."
    assert ("Defence Pact members remain bound through Alt Pact; no allied capability or "
            "bloc share changes.") in summary


def test_a_dissolution_that_cuts_allies_names_the_loss():
    c = compare(pact_doc(), [Change("dissolve_alliance", alliance="CON")])
    assert c.allied["A"]["delta"] == pytest.approx(-CONSULT * 0.175)
    text = " ".join(comparison_summary(c))
    assert f"Avalon's allied capability falls from {pct(c.allied['A']['baseline'])}" in text
    assert "remain bound" not in text


def test_unaligned_is_a_bloc_target():
    doc = pact_doc()
    out = apply_scenario(doc, [Change("move_to_bloc", actor="A", bloc="unaligned")])
    assert out.blocs["north"].members == ("B",)
    for target in ("unaligned", None, "north"):
        validate_scenario(Scenario("s", (Change("move_to_bloc", actor="A", bloc=target),)), doc)
    with pytest.raises(ValidationError, match="Unknown bloc"):
        validate_scenario(Scenario("s", (Change("move_to_bloc", actor="A", bloc="nope"),)), doc)
    # a user bloc really called "unaligned" is a bloc, not the absence of one
    doc.blocs["unaligned"] = Bloc("unaligned", "Non-aligned movement")
    out = apply_scenario(doc, [Change("move_to_bloc", actor="A", bloc="unaligned")])
    assert out.blocs["unaligned"].members == ("A",)


def _impact_doc() -> Document:
    """BIG (defence): P 50, Q 20, R 20; S, T, X, Y without figures. SIDE (P-T and X) and
    SIDE2 (P-T and Y) also join every pair but X-Y, so only X's or Y's departure from BIG
    cuts a link (X-Y, which then takes two hops)."""
    doc = Document(title="Impact")
    figures = {"P": 50, "Q": 20, "R": 20}
    for k in "PQRSTXY":
        caps = (Capability("milex_usd_bn", float(figures[k]), 2023),) if k in figures else ()
        doc.actors[k] = Actor(k, f"State {k}", capabilities=caps)
    doc.alliances["BIG"] = Alliance("BIG", "Big", obligation="defence")
    doc.alliances["SIDE"] = Alliance("SIDE", "Side", obligation="consultation")
    doc.alliances["SIDE2"] = Alliance("SIDE2", "Side 2", obligation="consultation")
    members = [Membership("BIG", k) for k in "PQRSTXY"]
    members += [Membership("SIDE", k) for k in "PQRSTX"]
    members += [Membership("SIDE2", k) for k in "PQRSTY"]
    doc.memberships = dict(enumerate(members, start=1))
    return doc


def test_member_impact_shares_ranks_and_leaves_no_effect_unranked():
    rows = member_impact(_impact_doc(), None, "big")
    by = {r.actor: r for r in rows}
    assert by["P"].capability_loss == pytest.approx(50 / 90)
    assert [(r.actor, r.rank) for r in rows] == [
        ("P", 1), ("Q", 2), ("R", 2), ("X", 4), ("Y", 4), ("S", None), ("T", None)
    ]
    # 7 actors, 21 pairs: X-Y goes from 1 hop to 2
    assert by["X"].connectivity_loss == pytest.approx((1 - 1 / 2) / 21)
    assert by["X"].capability_loss == pytest.approx(0)
    assert not by["S"].measurable and by["S"].connectivity_loss == pytest.approx(0)


def test_impact_ranks_for_the_old_rows():
    rows = [("a", -0.3), ("b", -0.3), ("c", 0.1), ("d", 0.0), ("e", None)]
    assert impact_ranks(rows) == [1, 1, 3, None, None]


def test_removal_impact_by_alliance_share_ranks_figures_not_ids():
    rows = removal_impact(_impact_doc(), None, "BIG", "alliance_share")
    assert rows[0] == ("P", pytest.approx(-50 / 90))
    assert impact_ranks(rows) == [1, 2, 2, None, None, None, None]
    with pytest.raises(ValueError, match="needs an alliance"):
        removal_impact(_impact_doc(), None, None, "alliance_share")


def test_removing_an_actor_explains_the_shrinking_world():
    doc = pact_doc()
    doc.memberships[50] = Membership("CON", "D", "member")
    c = compare(doc, [Change("remove_actor", actor="C")])
    first = comparison_summary(c)[0]
    # without C the world is A + B, so CON (A, D) holds A's .55 of .825
    assert first.startswith(f"Without Castile, Consultation Pact's share of world capability "
                            f"falls from {pct(0.725)} to {pct(0.55 / 0.825)} (−US$ 10 bn "
                            "expenditure, −50 M people; 1 of 2 remaining members have figures)")
    assert f"as Castile's {pct(0.175)} leaves the world total" in first
    alone = comparison_summary(compare(pact_doc(), [Change("remove_actor", actor="A")]))
    assert alone[0] == "Without Avalon, Defence Pact, Consultation Pact and Observed Pact keep " \
                       "one member or none."


def test_the_basis_sentence_names_year_and_derived_figures():
    from explorer.analysis.narrative import basis_sentence
    from explorer.analysis.pipeline import analyse
    from explorer.analysis.view import ViewFilter

    doc = pact_doc()
    a = doc.actors["A"]
    derived = Capability("gdp_usd_bn", 500.0, 2023, derived=True)
    doc.actors["A"] = Actor(a.id, a.name, capabilities=(*a.capabilities, derived))
    text = basis_sentence(analyse(doc, ViewFilter(as_of="2024-06-30")))
    assert text == ("Capability rests on figures for 3 of 4 actors in view (figures of 2024 or "
                    "earlier, 1 of them partly derived); the others count as having no "
                    "capability.")
    del doc.actors["D"]
    del doc.memberships[7]
    assert basis_sentence(analyse(doc)) is None  # complete figures need no caveat


def test_moving_to_a_bloc_or_to_unaligned_is_told():
    doc = pact_doc()
    doc.blocs["south"] = Bloc("south", "South", members=("C",))
    to_south = comparison_summary(compare(doc, [Change("move_to_bloc", actor="B", bloc="south")]))
    assert to_south[0] == (f"Brigand moves to South: North falls from {pct(0.825)} to "
                           f"{pct(0.55)}; South rises from {pct(0.175)} to {pct(0.45)}. "
                           "Alliances and allies do not depend on blocs.")
    out = comparison_summary(compare(doc, [Change("move_to_bloc", actor="B", bloc="unaligned")]))
    assert out[0].startswith(f"Brigand leaves every user bloc: North falls from {pct(0.825)}")


def test_removing_an_actor_names_the_alliance_that_moves_most():
    doc = pact_doc()
    doc.memberships[60] = Membership("DEF", "D", "member")
    doc.memberships[61] = Membership("CON", "D", "member")
    # without A the shares are recomputed over B and C: milex .75/.25, population .5/.5,
    # so B .625 and C .375; DEF (B, D) falls by .2, CON (C, D) by .35, the larger change
    first = comparison_summary(compare(doc, [Change("remove_actor", actor="A")]))[0]
    assert first.startswith(f"Without Avalon, Consultation Pact's share of world capability "
                            f"falls from {pct(0.725)} to {pct(0.375)}")
