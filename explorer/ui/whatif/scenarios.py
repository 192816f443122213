"""Scenario helpers of the What-if dock, also used by the canvas context menu.

:func:`describe_change` names a change, :func:`unique_scenario_name` picks a free
scenario name, :func:`add_change_to_scenario` adds a change through an undoable
``PutScenario``, and :func:`whatif_menu_actions` lists the canvas "What if…" entries.
They are re-exported by :mod:`explorer.ui.whatif.panel`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from explorer.commands import PutScenario
from explorer.model.describe import describe_change  # noqa: F401 - re-exported
from explorer.model.entities import Change, Document, Scenario
from explorer.ui.session import ProjectSession

# ----- public helpers (also used by the canvas context menu) -----------------------------


def unique_scenario_name(doc: Document, wanted: str) -> str:
    """``wanted``, or ``wanted (2)``, ``wanted (3)`` … whichever is free."""
    wanted = wanted.strip() or "Scenario"
    if wanted not in doc.scenarios:
        return wanted
    n = 2
    while f"{wanted} ({n})" in doc.scenarios:
        n += 1
    return f"{wanted} ({n})"


def add_change_to_scenario(
    session: ProjectSession, change: Change, scenario_name: str | None = None
) -> str | None:
    """Add ``change`` to a scenario through an undoable ``PutScenario``.

    The scenario is ``scenario_name``, else the session's active one; with neither, a
    new scenario named after the change ("Türkiye leaves NATO") is created. The
    scenario becomes the active one. Returns its name, or None when the edit was refused
    (the session reports why through ``editRejected``).
    """
    doc = session.project.document()
    name = scenario_name or session.scenario_name
    if name is not None and name in doc.scenarios:
        scenario = doc.scenarios[name]
        if change in scenario.changes:
            session.set_scenario(name)
            return name
        updated = dataclasses.replace(scenario, changes=(*scenario.changes, change))
        text = f"What-if: {describe_change(doc, change)}"
    else:
        name = name or unique_scenario_name(doc, describe_change(doc, change))
        updated = Scenario(name=name, changes=(change,))
        text = f"New scenario {name}"
    if not session.push(PutScenario(updated, text=text)):
        return None
    session.set_scenario(name)
    return name


def whatif_menu_actions(session: ProjectSession, node_key: str) -> list[tuple[str, Callable]]:
    """What-if entries for the canvas context menu of ``node_key``.

    An actor node gets "What if X left A?" for each alliance it belongs to under the
    current view date, then "What if X were removed?"; an alliance node gets "What if A
    were dissolved?". Each callable adds the change to the active scenario (or starts
    one) via :func:`add_change_to_scenario`.
    """
    doc = session.project.document()
    kind, _, ident = node_key.partition(":")
    entries: list[tuple[str, Callable]] = []

    changes: list[tuple[str, Change]] = []

    def entry(text: str, change: Change) -> tuple[str, Callable]:
        changes.append((text, change))
        # a question from the menu starts its own scenario, named after it; adding to the
        # scenario on show is a separate, explicit entry below
        return text, lambda *_: start_scenario(session, change)

    if kind == "actor" and ident in doc.actors:
        name = doc.actors[ident].name
        as_of = session.view_filter.as_of
        current = sorted(
            {
                m.alliance
                for m in doc.memberships.values()
                if m.actor == ident and m.in_force(as_of) and m.alliance in doc.alliances
            },
            key=lambda a: doc.alliances[a].name.casefold(),
        )
        for alliance in current:
            entries.append(
                entry(
                    f"What if {name} left {doc.alliances[alliance].name}?",
                    Change("remove_membership", actor=ident, alliance=alliance),
                )
            )
        entries.append(entry(f"What if {name} were removed?", Change("remove_actor", actor=ident)))
    elif kind == "alliance" and ident in doc.alliances:
        entries.append(
            entry(
                f"What if {doc.alliances[ident].name} were dissolved?",
                Change("dissolve_alliance", alliance=ident),
            )
        )
    active = session.scenario_name
    if active is not None:
        scenario = doc.scenarios[active]
        for _text, change in list(changes):
            if change not in scenario.changes:
                entries.append((
                    f"Add to \u201c{active}\u201d: {describe_change(doc, change)}",
                    lambda *_, c=change: add_change_to_scenario(session, c, active),
                ))
    return entries


def start_scenario(session: ProjectSession, change: Change) -> str | None:
    """A new scenario holding only ``change``, named after it, made the active one; the
    scenario that already asks exactly this question is reused."""
    doc = session.project.document()
    for name, scenario in doc.scenarios.items():
        if scenario.changes == (change,):
            session.set_scenario(name)
            return name
    name = unique_scenario_name(doc, describe_change(doc, change))
    if not session.push(PutScenario(Scenario(name=name, changes=(change,)),
                                    text=f"New scenario {name}")):
        return None
    session.set_scenario(name)
    return name
