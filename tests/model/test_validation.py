"""Every validation rule gives a message a user can act on, naming the offending field."""

import math

import pytest

from explorer.model import (
    Actor,
    Alliance,
    Bloc,
    Capability,
    Change,
    Document,
    Membership,
    Region,
    Scenario,
    Tie,
    ValidationError,
)
from explorer.model.validation import (
    check_date,
    validate_actor,
    validate_alliance,
    validate_bloc,
    validate_document,
    validate_membership,
    validate_scenario,
    validate_tie,
)


def small_document() -> Document:
    doc = Document(title="Test")
    doc.regions["europe"] = Region("europe", "Europe")
    doc.regions["europe_northern"] = Region("europe_northern", "Northern Europe", "europe")
    for actor in (
        Actor("SWE", "Sweden", regions=("europe_northern",)),
        Actor("FIN", "Finland", regions=("europe_northern",)),
        Actor("hezbollah", "Hezbollah", kind="non_state"),
    ):
        doc.actors[actor.id] = actor
    doc.alliances["nato"] = Alliance("nato", "NATO", "collective_defence", "defence")
    doc.blocs["west"] = Bloc("west", "Western-aligned", "#1f77b4", members=("SWE",))
    return doc


def raises(check, *args, field=None, match=None) -> ValidationError:
    with pytest.raises(ValidationError, match=match) as info:
        check(*args)
    assert info.value.message == str(info.value)
    assert info.value.message.strip(), "the message must not be empty"
    if field is not None:
        assert info.value.field == field
    return info.value


def test_the_small_document_is_valid():
    assert validate_document(small_document()) == []


# ----- memberships -------------------------------------------------------------------


def test_unknown_actor_in_membership():
    error = raises(
        validate_membership, Membership("nato", "NOR"), small_document(), field="actor"
    )
    assert error.message == "Unknown actor 'NOR'."


def test_unknown_alliance_in_membership():
    error = raises(
        validate_membership, Membership("csto", "SWE"), small_document(), field="alliance"
    )
    assert error.message == "Unknown alliance 'csto'."


def test_membership_left_before_joined():
    m = Membership("nato", "SWE", joined="2024-03-07", left="2020-01-01")
    error = raises(validate_membership, m, small_document(), field="left")
    assert error.message == "Left (2020-01-01) is before joined (2024-03-07)."


def test_membership_left_on_the_day_it_joined_is_allowed():
    validate_membership(
        Membership("nato", "SWE", joined="2024-03-07", left="2024-03-07"), small_document()
    )


def test_membership_bad_role():
    error = raises(
        validate_membership, Membership("nato", "SWE", role="boss"), small_document(), field="role"
    )
    assert "'boss'" in error.message and "founder" in error.message


def test_membership_bad_joined_date():
    error = raises(
        validate_membership, Membership("nato", "SWE", joined="7 March 2024"), small_document(),
        field="joined",
    )
    assert error.message == "Joined '7 March 2024' is not a date; write it as YYYY-MM-DD (or YYYY when only the year is known)."


# ----- actors ------------------------------------------------------------------------


def test_negative_expenditure():
    actor = Actor("SWE", "Sweden", capabilities=(Capability("milex_usd_bn", -1.5, 2023),))
    error = raises(validate_actor, actor, field="milex_usd_bn")
    assert error.message == "milex_usd_bn cannot be negative (got -1.5)."


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_finite_figure(value):
    actor = Actor("SWE", "Sweden", capabilities=(Capability("gdp_usd_bn", value),))
    error = raises(validate_actor, actor, field="gdp_usd_bn")
    assert "finite" in error.message


def test_duplicate_figure():
    actor = Actor(
        "SWE",
        "Sweden",
        capabilities=(Capability("personnel_k", 15.0, 2024), Capability("personnel_k", 16.0, 2024)),
    )
    error = raises(validate_actor, actor, field="personnel_k")
    assert error.message == "Figure 'personnel_k' for 2024 is given twice."


def test_a_series_of_years_and_a_derived_twin_are_not_duplicates():
    actor = Actor(
        "SWE",
        "Sweden",
        capabilities=(
            Capability("milex_usd_bn", 8.0, 2023),
            Capability("milex_usd_bn", 9.0, 2024),
            Capability("milex_usd_bn", 9.2, 2024, derived=True),
        ),
    )
    validate_actor(actor)
    twice = Actor("SWE", "Sweden", capabilities=actor.capabilities + (actor.capabilities[-1],))
    error = raises(validate_actor, twice, field="milex_usd_bn")
    assert error.message == "Derived figure 'milex_usd_bn' for 2024 is given twice."


def test_unknown_metric():
    actor = Actor("SWE", "Sweden", capabilities=(Capability("tanks", 100.0),))
    error = raises(validate_actor, actor, field="metric")
    assert "'tanks'" in error.message and "milex_usd_bn" in error.message


def test_implausible_year():
    actor = Actor("SWE", "Sweden", capabilities=(Capability("warheads", 0, 1066),))
    error = raises(validate_actor, actor, field="warheads")
    assert error.message == "Year 1066 of warheads is implausible."


@pytest.mark.parametrize("bad_id", ["SE", "swe", "SWED", "SW1", "S E", "Swe"])
def test_bad_iso_style_state_id(bad_id):
    error = raises(validate_actor, Actor(bad_id, "Sweden"), field="id")
    # Either the general id rule or the ISO rule fires; both name the id.
    assert bad_id in error.message


def test_state_id_message_names_the_iso_rule():
    error = raises(validate_actor, Actor("swe", "Sweden"), field="id")
    assert error.message == "State id 'swe' must be an ISO 3166 alpha-3 code such as TUR."


@pytest.mark.parametrize("bad_id", ["", "has space", "a/b", "x" * 65, "ünï"])
def test_bad_general_id(bad_id):
    error = raises(validate_actor, Actor(bad_id, "Someone", kind="non_state"), field="id")
    assert "must be 1-64 letters, digits" in error.message


def test_non_state_ids_need_not_be_iso():
    validate_actor(Actor("hezbollah", "Hezbollah", kind="non_state"))


def test_actor_needs_a_name():
    error = raises(validate_actor, Actor("SWE", "   "), field="name")
    assert error.message == "An actor needs a name."


def test_actor_bad_kind():
    error = raises(validate_actor, Actor("SWE", "Sweden", kind="empire"), field="kind")
    assert error.message.startswith("Kind 'empire' is not one of: state")


def test_actor_unknown_region_when_the_document_has_regions():
    doc = small_document()
    error = raises(validate_actor, Actor("SWE", "Sweden", regions=("atlantis",)), doc,
                   field="regions")
    assert error.message == "Unknown region 'atlantis'."
    # Without a region tree there is nothing to check against.
    validate_actor(Actor("SWE", "Sweden", regions=("atlantis",)), Document())


# ----- dates, alliances --------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["2024-02-30", "2024-13-01", "24-03-07", "2024/03/07", "20240307", "2024-3-7", "", "x"]
)
def test_bad_date(value):
    error = raises(check_date, value, "founded", field="founded")
    assert error.message == f"Founded '{value}' is not a date; write it as YYYY-MM-DD (or YYYY when only the year is known)."


@pytest.mark.parametrize("value", [None, "2024-02-29", "1949-04-04", "0001-01-01"])
def test_good_date(value):
    check_date(value, "founded")


def test_alliance_ended_before_founded():
    alliance = Alliance("nato", "NATO", founded="1949-04-04", ended="1900-01-01")
    error = raises(validate_alliance, alliance, field="ended")
    assert error.message == "Ended (1900-01-01) is before founded (1949-04-04)."


def test_alliance_bad_date():
    error = raises(validate_alliance, Alliance("nato", "NATO", founded="49"), field="founded")
    assert "YYYY-MM-DD" in error.message
    # a date known only to the year is written as the year alone
    validate_alliance(Alliance("cento", "CENTO", founded="1955-02-24", ended="1979"))


def test_alliance_bad_kind_and_obligation():
    raises(validate_alliance, Alliance("x", "X", kind="club"), field="kind")
    error = raises(validate_alliance, Alliance("x", "X", obligation="maybe"), field="obligation")
    assert "defence" in error.message


def test_alliance_needs_a_name():
    raises(validate_alliance, Alliance("nato", ""), field="name", match="needs a name")


# ----- ties ------------------------------------------------------------------------


def test_tie_unknown_actor():
    doc = small_document()
    assert raises(validate_tie, Tie("SWE", "RUS", -1), doc, field="b").message == (
        "Unknown actor 'RUS'."
    )
    assert raises(validate_tie, Tie("RUS", "SWE", -1), doc, field="a").message == (
        "Unknown actor 'RUS'."
    )


def test_tie_to_itself_and_bad_sign():
    doc = small_document()
    raises(validate_tie, Tie("SWE", "SWE"), doc, field="b", match="two different actors")
    raises(validate_tie, Tie("SWE", "FIN", 0), doc, field="sign", match="sign")


def test_tie_end_before_start():
    doc = small_document()
    raises(
        validate_tie, Tie("SWE", "FIN", start="2020-01-01", end="2019-01-01"), doc, field="end",
        match="before start",
    )


# ----- blocs -----------------------------------------------------------------------


@pytest.mark.parametrize("color", ["red", "#fff", "#12345g", "1f77b4", "#1f77b4ff", ""])
def test_bad_colour(color):
    error = raises(validate_bloc, Bloc("b", "B", color), small_document(), field="color")
    assert error.message == f"Colour '{color}' must be written #rrggbb."


def test_bloc_unknown_member():
    error = raises(
        validate_bloc, Bloc("b", "B", "#000000", members=("SWE", "XXX")), small_document(),
        field="members",
    )
    assert error.message == "Unknown actor 'XXX' in bloc b."


# ----- scenarios -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (Change("remove_actor", actor="XXX"), "actor", "Unknown actor 'XXX'."),
        (Change("remove_membership", actor="XXX", alliance="nato"), "actor", "Unknown actor 'XXX'."),
        (Change("remove_membership", actor="SWE", alliance="csto"), "alliance",
         "Unknown alliance 'csto'."),
        (Change("dissolve_alliance", alliance="csto"), "alliance", "Unknown alliance 'csto'."),
        (Change("move_to_bloc", actor="SWE", bloc="east"), "bloc", "Unknown bloc 'east'."),
        (Change("move_to_bloc", actor="XXX", bloc="west"), "actor", "Unknown actor 'XXX'."),
    ],
)
def test_scenario_unknown_references(change, field, message):
    error = raises(validate_scenario, Scenario("What if", (change,)), small_document(), field=field)
    assert error.message == message


def test_scenario_bad_change_kind_and_name():
    raises(
        validate_scenario, Scenario("What if", (Change("invade", actor="SWE"),)),
        small_document(), field="change",
    )
    raises(validate_scenario, Scenario(" "), small_document(), field="name")


def test_valid_scenario():
    validate_scenario(
        Scenario(
            "Sweden leaves",
            (
                Change("remove_membership", actor="SWE", alliance="nato"),
                Change("remove_actor", actor="FIN"),
                Change("dissolve_alliance", alliance="nato"),
                Change("move_to_bloc", actor="FIN", bloc="west"),
            ),
        ),
        small_document(),
    )


# ----- whole documents -------------------------------------------------------------


def test_validate_document_lists_every_problem():
    doc = small_document()
    doc.memberships[1] = Membership("nato", "NOR", id=1)
    doc.ties[1] = Tie("SWE", "SWE", id=1)
    doc.blocs["bad"] = Bloc("bad", "Bad", "blue")
    doc.scenarios["s"] = Scenario("s", (Change("remove_actor", actor="XXX"),))
    problems = validate_document(doc)
    assert problems == [
        "Unknown actor 'NOR'.",
        "A tie joins two different actors.",
        "Colour 'blue' must be written #rrggbb.",
        "Unknown actor 'XXX'.",
    ]
