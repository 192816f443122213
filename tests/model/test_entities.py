"""Entities: periods in force, the region tree, figures, change descriptions."""

import dataclasses

import pytest

from explorer.model import Actor, Capability, Change, Document, Membership, Region, Tie

SWEDEN_IN_NATO = Membership("nato", "SWE", joined="2024-03-07")
ARMENIA_IN_CSTO = Membership("csto", "ARM", joined="1992-05-15", left="2024-02-23")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2024-03-06", False),  # the day before joining
        ("2024-03-07", True),  # the joining day itself counts
        ("2030-01-01", True),
        (None, True),  # "now": in force when it has not ended
    ],
)
def test_in_force_open_ended(day, expected):
    assert SWEDEN_IN_NATO.in_force(day) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("1992-05-14", False),
        ("1992-05-15", True),
        ("2024-02-22", True),  # the last day before leaving
        ("2024-02-23", False),  # the leaving day is excluded
        ("2025-01-01", False),
        (None, False),  # ended memberships are not in force "now"
    ],
)
def test_in_force_closed_period(day, expected):
    assert ARMENIA_IN_CSTO.in_force(day) is expected


def test_in_force_without_a_joining_date():
    m = Membership("nato", "USA")
    assert m.in_force("1900-01-01") and m.in_force(None)
    assert not Membership("nato", "FRA", left="1966-07-01").in_force("1970-01-01")
    assert Membership("nato", "FRA", left="1966-07-01").in_force("1966-06-30")


def test_empty_period_is_never_in_force():
    m = Membership("x", "A", joined="2020-01-01", left="2020-01-01")
    assert not m.in_force("2020-01-01")
    assert not m.in_force("2019-12-31")


def test_tie_in_force_uses_the_same_rule():
    tie = Tie("RUS", "UKR", -1, start="2014-02-20", end="2030-01-01")
    assert not tie.in_force("2014-02-19")
    assert tie.in_force("2014-02-20")
    assert not tie.in_force("2030-01-01")
    assert not tie.in_force(None)


def region_tree() -> Document:
    doc = Document()
    for region in (
        Region("world", "World"),
        Region("europe", "Europe", "world"),
        Region("europe_northern", "Northern Europe", "europe"),
        Region("middle_east", "Middle East", "world"),
        Region("orphan", "Orphan", "missing_parent"),
    ):
        doc.regions[region.id] = region
    doc.actors["TUR"] = Actor("TUR", "Türkiye", regions=("europe", "middle_east"))
    doc.actors["SWE"] = Actor("SWE", "Sweden", regions=("europe_northern",))
    doc.actors["XXX"] = Actor("XXX", "Nowhere")
    return doc


def test_region_ancestors_nearest_first():
    doc = region_tree()
    assert doc.region_ancestors("europe_northern") == ["europe_northern", "europe", "world"]
    assert doc.region_ancestors("world") == ["world"]


def test_region_ancestors_of_unknown_region_and_dangling_parent():
    doc = region_tree()
    assert doc.region_ancestors("atlantis") == ["atlantis"]
    assert doc.region_ancestors("orphan") == ["orphan", "missing_parent"]


def test_region_ancestors_survive_a_cycle():
    doc = region_tree()
    doc.regions["a"] = Region("a", "A", "b")
    doc.regions["b"] = Region("b", "B", "a")
    assert doc.region_ancestors("a") == ["a", "b"]
    doc.regions["self"] = Region("self", "Self", "self")
    assert doc.region_ancestors("self") == ["self"]


def test_actor_region_closure():
    doc = region_tree()
    assert doc.actor_region_closure("SWE") == {"europe_northern", "europe", "world"}
    # An actor in several regions gets the union of their ancestors.
    assert doc.actor_region_closure("TUR") == {"europe", "middle_east", "world"}
    assert doc.actor_region_closure("XXX") == set()


def test_actor_figure():
    actor = Actor("SWE", "Sweden", capabilities=(Capability("milex_usd_bn", 8.5, 2023),))
    assert actor.figure("milex_usd_bn") == 8.5
    assert actor.figure("warheads") is None


def test_entities_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        SWEDEN_IN_NATO.role = "observer"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("change", "text"),
    [
        (Change("remove_actor", actor="TUR"), "Remove TUR"),
        (Change("remove_membership", actor="TUR", alliance="nato"), "TUR leaves nato"),
        (Change("dissolve_alliance", alliance="csto"), "Dissolve csto"),
        (Change("move_to_bloc", actor="ARM", bloc="west"), "Move ARM to bloc west"),
        (Change("other"), "other"),
    ],
)
def test_change_describe(change, text):
    assert change.describe() == text
