"""Deleting actors and alliance hubs from the drawing: what the deletion takes with it
(memberships, ties, bloc places) said in words, one undoable step, and the question
asked first."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from explorer.commands import Command, DeleteActor, DeleteAlliance, Macro, actor_dependents
from explorer.ui.session import ProjectSession


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def describe_deletion(session: ProjectSession, nodes: list[str]) -> str:
    """What deleting ``nodes`` takes with it, one sentence per node, for the confirmation.

    ``Deleting Türkiye also removes 5 memberships, 2 ties and its place in 1 bloc.``
    """
    doc = session.project.document()
    lines = []
    for node in nodes:
        kind, _, key = node.partition(":")
        if kind == "actor" and key in doc.actors:
            memberships, ties, blocs = actor_dependents(session.project, key)
            parts = []
            if memberships:
                parts.append(_count(len(memberships), "membership"))
            if ties:
                parts.append(_count(len(ties), "tie"))
            if blocs:
                places = "its place" if len(blocs) == 1 else "its places"
                parts.append(f"{places} in {_count(len(blocs), 'bloc')}")
            name = doc.actors[key].name
            lines.append(
                f"Deleting {name} also removes {_join(parts)}." if parts else f"Delete {name}."
            )
        elif kind == "alliance" and key in doc.alliances:
            n = sum(1 for m in doc.memberships.values() if m.alliance == key)
            name = doc.alliances[key].name
            lines.append(
                f"Deleting {name} also removes {_count(n, 'membership')}." if n
                else f"Delete {name}."
            )
    return "\n".join(lines)


def deletion_command(session: ProjectSession, nodes: list[str]) -> Command | None:
    """One command deleting every existing actor and alliance in ``nodes``."""
    doc = session.project.document()
    steps: list[Command] = []
    names: list[str] = []
    for node in nodes:
        kind, _, key = node.partition(":")
        if kind == "actor" and key in doc.actors:
            steps.append(DeleteActor(key))
            names.append(doc.actors[key].name)
        elif kind == "alliance" and key in doc.alliances:
            steps.append(DeleteAlliance(key))
            names.append(doc.alliances[key].name)
    if not steps:
        return None
    if len(steps) == 1:
        return steps[0]
    return Macro(f"Delete {len(steps)} items ({', '.join(names[:3])}"
                 f"{'…' if len(names) > 3 else ''})", steps)


def delete_nodes(session: ProjectSession, nodes: list[str]) -> bool:
    """Delete ``nodes`` (no questions asked) in one undo step; clears the selection."""
    command = deletion_command(session, nodes)
    if command is None:
        return False
    if not session.push(command):
        return False
    session.select([n for n in session.selection if n not in nodes])
    return True


def confirm_delete(parent: QWidget | None, session: ProjectSession,
                   nodes: list[str] | None = None) -> bool:
    """Ask, then delete ``nodes`` (default: the selection)."""
    nodes = list(session.selection if nodes is None else nodes)
    text = describe_deletion(session, nodes)
    if not text:
        return False
    answer = QMessageBox.question(
        parent, "Delete", f"{text}\n\nYou can undo this.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return delete_nodes(session, nodes)
