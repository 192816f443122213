"""Apply what-if changes to a copy of a document (the baseline is never touched).

:func:`apply_scenario` returns a new :class:`Document` whose dicts are new (the entities
are frozen, so sharing them is safe).

- ``remove_actor``: the actor, its memberships, its ties and its place in user blocs go.
- ``remove_membership``: every membership of the actor in the alliance goes (all periods).
- ``dissolve_alliance``: the alliance and all its memberships go.
- ``move_to_bloc``: the actor leaves every user bloc and joins ``bloc``; ``bloc=None`` or
  ``"unaligned"`` (:data:`~explorer.model.vocab.UNALIGNED`, unless a user bloc has that
  id) leaves it in none.

Ids are resolved with :func:`~explorer.analysis.names.resolve_name` (ids or names, any
case); unknown ones raise :class:`~explorer.analysis.errors.UnknownName`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from explorer.analysis.names import resolve_name
from explorer.model.entities import Change, Document, Scenario
from explorer.model.vocab import CHANGE_KINDS, UNALIGNED


def is_unaligned(doc: Document, bloc: str | None) -> bool:
    """Whether a ``move_to_bloc`` target means "in no user bloc"."""
    if bloc is None:
        return True
    return bloc not in doc.blocs and bloc.strip().casefold() == UNALIGNED


def _changes(scenario: Scenario | Iterable[Change]) -> tuple[Change, ...]:
    return scenario.changes if isinstance(scenario, Scenario) else tuple(scenario)


def apply_scenario(doc: Document, scenario: Scenario | Iterable[Change]) -> Document:
    """A new document with ``scenario``'s changes applied in order; ``doc`` is unchanged."""
    new = Document(
        title=doc.title,
        actors=dict(doc.actors),
        alliances=dict(doc.alliances),
        memberships=dict(doc.memberships),
        ties=dict(doc.ties),
        blocs=dict(doc.blocs),
        scenarios=dict(doc.scenarios),
        regions=dict(doc.regions),
        sources=dict(doc.sources),
    )
    for change in _changes(scenario):
        _apply(new, change)
    return new


def _apply(doc: Document, change: Change) -> None:
    if change.kind not in CHANGE_KINDS:
        raise ValueError(f"Unknown change '{change.kind}'; expected one of {CHANGE_KINDS}.")
    actor = resolve_name(doc, change.actor, "actor") if change.kind != "dissolve_alliance" else None
    alliance = (
        resolve_name(doc, change.alliance, "alliance")
        if change.kind in ("remove_membership", "dissolve_alliance")
        else None
    )
    if change.kind == "remove_actor":
        del doc.actors[actor]
        doc.memberships = {k: m for k, m in doc.memberships.items() if m.actor != actor}
        doc.ties = {k: t for k, t in doc.ties.items() if actor not in (t.a, t.b)}
        _drop_from_blocs(doc, actor)
    elif change.kind == "remove_membership":
        doc.memberships = {
            k: m
            for k, m in doc.memberships.items()
            if not (m.actor == actor and m.alliance == alliance)
        }
    elif change.kind == "dissolve_alliance":
        del doc.alliances[alliance]
        doc.memberships = {k: m for k, m in doc.memberships.items() if m.alliance != alliance}
    else:  # move_to_bloc
        target = None if is_unaligned(doc, change.bloc) else resolve_name(doc, change.bloc, "bloc")
        _drop_from_blocs(doc, actor)
        if target is not None:
            bloc = doc.blocs[target]
            doc.blocs[target] = dataclasses.replace(bloc, members=(*bloc.members, actor))


def _drop_from_blocs(doc: Document, actor: str) -> None:
    for key, bloc in list(doc.blocs.items()):
        if actor in bloc.members:
            doc.blocs[key] = dataclasses.replace(
                bloc, members=tuple(m for m in bloc.members if m != actor)
            )
