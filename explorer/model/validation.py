"""Validation of single entities and of whole documents, with messages meant for users.

Entity checks need the document for references (an unknown actor in a membership), so
every function takes the document the entity is about to join.
"""

from __future__ import annotations

import math
import re
from datetime import date

from explorer.model.entities import (
    Actor,
    Alliance,
    Bloc,
    Document,
    Membership,
    Scenario,
    Tie,
)
from explorer.model.errors import ValidationError
from explorer.model.vocab import (
    ACTOR_KINDS,
    ALLIANCE_KINDS,
    CHANGE_KINDS,
    METRICS,
    OBLIGATIONS,
    ROLES,
    UNALIGNED,
)

_ID_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


def check_date(value: str | None, field: str) -> None:
    """Accept None, a real calendar date written ``YYYY-MM-DD``, or a year alone
    (``YYYY``: a date known only to the year, which sorts before that year's days)."""
    if value is None:
        return
    try:
        if isinstance(value, str) and len(value) == 4 and value.isdigit():
            return
        if len(value) != 10:
            raise ValueError
        date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationError(
            f"{field.capitalize()} '{value}' is not a date; write it as YYYY-MM-DD (or YYYY "
            "when only the year is known).", field
        ) from None


def _check_choice(value: str, allowed: tuple[str, ...], field: str) -> None:
    if value not in allowed:
        raise ValidationError(
            f"{field.capitalize()} '{value}' is not one of: {', '.join(allowed)}.", field
        )


def _check_id(value: str, what: str) -> None:
    if not isinstance(value, str) or not _ID_RE.match(value):
        raise ValidationError(
            f"{what} id '{value}' must be 1-64 letters, digits, '_', '-' or '.'.", "id"
        )


def _check_period(start: str | None, end: str | None, start_name: str, end_name: str) -> None:
    check_date(start, start_name)
    check_date(end, end_name)
    if start and end and end < start:
        raise ValidationError(
            f"{end_name.capitalize()} ({end}) is before {start_name} ({start}).", end_name
        )


def _check_signed(signed: str | None, in_force: str | None, in_force_name: str) -> None:
    """A signature date is a date, and no later than entry into force."""
    check_date(signed, "signed")
    if signed and in_force and in_force < signed:
        raise ValidationError(
            f"Entry into force ({in_force_name} {in_force}) is before the signature ({signed}).",
            "signed")


def validate_actor(actor: Actor, doc: Document | None = None) -> None:
    """Raise ValidationError when ``actor`` breaks a rule; ``doc`` enables region checks."""
    _check_id(actor.id, "Actor")
    if not actor.name.strip():
        raise ValidationError("An actor needs a name.", "name")
    _check_choice(actor.kind, ACTOR_KINDS, "kind")
    if actor.kind == "state" and not re.fullmatch(r"[A-Z]{3}", actor.id):
        raise ValidationError(
            f"State id '{actor.id}' must be an ISO 3166 alpha-3 code such as TUR.", "id"
        )
    if doc is not None and doc.regions:
        for region in actor.regions:
            if region not in doc.regions:
                raise ValidationError(f"Unknown region '{region}'.", "regions")
    # A metric may have one published and one derived figure per year (a time series).
    seen: set[tuple[str, int | None, bool]] = set()
    for cap in actor.capabilities:
        _check_choice(cap.metric, METRICS, "metric")
        key = (cap.metric, cap.year, bool(cap.derived))
        if key in seen:
            when = f" for {cap.year}" if cap.year is not None else ""
            kind = "Derived figure" if cap.derived else "Figure"
            raise ValidationError(f"{kind} '{cap.metric}'{when} is given twice.", cap.metric)
        seen.add(key)
        if not isinstance(cap.value, (int, float)) or math.isnan(cap.value) or math.isinf(cap.value):
            raise ValidationError(f"{cap.metric} must be a finite number.", cap.metric)
        if cap.value < 0:
            raise ValidationError(
                f"{cap.metric} cannot be negative (got {cap.value:g}).", cap.metric
            )
        if cap.year is not None and not 1800 <= cap.year <= 2100:
            raise ValidationError(f"Year {cap.year} of {cap.metric} is implausible.", cap.metric)
    place = actor.place
    if place is not None:
        for value, low, high, name in ((place.lat, -90, 90, "latitude"),
                                       (place.lon, -180, 180, "longitude")):
            if not isinstance(value, (int, float)) or not low <= value <= high:
                raise ValidationError(
                    f"The {name} must be a number from {low} to {high} (got {value!r}).",
                    "place")


def validate_alliance(alliance: Alliance, doc: Document | None = None) -> None:
    _check_id(alliance.id, "Alliance")
    if not alliance.name.strip():
        raise ValidationError("An alliance needs a name.", "name")
    _check_choice(alliance.kind, ALLIANCE_KINDS, "kind")
    _check_choice(alliance.obligation, OBLIGATIONS, "obligation")
    _check_period(alliance.founded, alliance.ended, "founded", "ended")
    _check_signed(alliance.signed, alliance.founded, "founded")


def validate_membership(membership: Membership, doc: Document) -> None:
    if membership.actor not in doc.actors:
        raise ValidationError(f"Unknown actor '{membership.actor}'.", "actor")
    if membership.alliance not in doc.alliances:
        raise ValidationError(f"Unknown alliance '{membership.alliance}'.", "alliance")
    _check_choice(membership.role, ROLES, "role")
    _check_period(membership.joined, membership.left, "joined", "left")
    _check_signed(membership.signed, membership.joined, "joined")


def validate_tie(tie: Tie, doc: Document) -> None:
    for end in (tie.a, tie.b):
        if end not in doc.actors:
            raise ValidationError(f"Unknown actor '{end}'.", "a" if end == tie.a else "b")
    if tie.a == tie.b:
        raise ValidationError("A tie joins two different actors.", "b")
    if tie.sign not in (1, -1):
        raise ValidationError("A tie's sign is +1 (partnership) or -1 (rivalry).", "sign")
    _check_period(tie.start, tie.end, "start", "end")
    _check_signed(tie.signed, tie.start, "start")


def validate_bloc(bloc: Bloc, doc: Document) -> None:
    _check_id(bloc.id, "Bloc")
    if not bloc.name.strip():
        raise ValidationError("A bloc needs a name.", "name")
    if not _COLOR_RE.match(bloc.color):
        raise ValidationError(f"Colour '{bloc.color}' must be written #rrggbb.", "color")
    for member in bloc.members:
        if member not in doc.actors:
            raise ValidationError(f"Unknown actor '{member}' in bloc {bloc.id}.", "members")


def validate_scenario(scenario: Scenario, doc: Document) -> None:
    if not scenario.name.strip():
        raise ValidationError("A scenario needs a name.", "name")
    for change in scenario.changes:
        _check_choice(change.kind, CHANGE_KINDS, "change")
        if change.kind in ("remove_actor", "remove_membership", "move_to_bloc"):
            if change.actor not in doc.actors:
                raise ValidationError(f"Unknown actor '{change.actor}'.", "actor")
        if change.kind in ("remove_membership", "dissolve_alliance"):
            if change.alliance not in doc.alliances:
                raise ValidationError(f"Unknown alliance '{change.alliance}'.", "alliance")
        if change.kind == "move_to_bloc" and not _bloc_target(change.bloc, doc):
            raise ValidationError(f"Unknown bloc '{change.bloc}'.", "bloc")


def _bloc_target(bloc: str | None, doc: Document) -> bool:
    """A user bloc, or None / "unaligned": the actor then leaves every user bloc."""
    return bloc is None or bloc in doc.blocs or bloc.strip().casefold() == UNALIGNED


def validate_document(doc: Document) -> list[str]:
    """Every problem in ``doc``, one message each; an empty list means valid."""
    problems: list[str] = []

    def run(check, *args) -> None:
        try:
            check(*args)
        except ValidationError as exc:
            problems.append(exc.message)

    for actor in doc.actors.values():
        run(validate_actor, actor, doc)
    for alliance in doc.alliances.values():
        run(validate_alliance, alliance, doc)
    for membership in doc.memberships.values():
        run(validate_membership, membership, doc)
    for tie in doc.ties.values():
        run(validate_tie, tie, doc)
    for bloc in doc.blocs.values():
        run(validate_bloc, bloc, doc)
    for scenario in doc.scenarios.values():
        run(validate_scenario, scenario, doc)
    return problems
