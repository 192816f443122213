"""Bloc edits shared by the bloc table, the bloc form and the canvas menu.

A bloc's members are a tuple of actor ids; every way of changing them (typing names in
a cell, ticking a box, a context-menu entry) becomes one ``PutBloc`` built here, so the
three places agree on order, wording and what they refuse.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QMenu

from explorer.commands import DeleteBloc, PutBloc
from explorer.model.entities import Bloc, Change, Document
from explorer.ui.session import ProjectSession

# ----- members as text ----------------------------------------------------------------


def member_names(doc: Document, bloc: Bloc) -> str:
    """``United States, France``: the members' names in the bloc's order."""
    return ", ".join(doc.actors[m].name if m in doc.actors else m for m in bloc.members)


def parse_members(doc: Document, text: str) -> tuple[str, ...]:
    """Actor ids from ``text``: ids or names separated by commas (any case).

    Raises ValueError naming the first part that is no actor, or a name that several
    actors share (the user then types the id instead).
    """
    ids_by_lower = {actor_id.lower(): actor_id for actor_id in doc.actors}
    ids_by_name: dict[str, list[str]] = {}
    for actor in doc.actors.values():
        ids_by_name.setdefault(actor.name.strip().lower(), []).append(actor.id)
    found: list[str] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if part in doc.actors:
            actor_id = part
        elif part.lower() in ids_by_lower:
            actor_id = ids_by_lower[part.lower()]
        else:
            named = ids_by_name.get(part.lower(), [])
            if not named:
                raise ValueError(
                    f"No actor is called or has the id '{part}'. "
                    "Type actor ids or names separated by commas."
                )
            if len(named) > 1:
                raise ValueError(
                    f"Several actors are called '{part}' ({', '.join(named)}): type the id."
                )
            actor_id = named[0]
        if actor_id not in found:
            found.append(actor_id)
    return tuple(found)


def with_member(bloc: Bloc, actor_id: str, member: bool) -> Bloc:
    """``bloc`` with ``actor_id`` added at the end or taken out; others keep their order."""
    kept = tuple(m for m in bloc.members if m != actor_id)
    return dataclasses.replace(bloc, members=kept + ((actor_id,) if member else ()))


# ----- commands -----------------------------------------------------------------------


def set_bloc_member(session: ProjectSession, bloc_id: str, actor_id: str, member: bool) -> bool:
    """Add ``actor_id`` to the bloc or remove it, as one undoable command."""
    doc = session.project.document()
    bloc, actor = doc.blocs.get(bloc_id), doc.actors.get(actor_id)
    if bloc is None or actor is None or (actor_id in bloc.members) == member:
        return False
    text = (f"Add {actor.name} to bloc {bloc.name}" if member
            else f"Remove {actor.name} from bloc {bloc.name}")
    return session.push(PutBloc(with_member(bloc, actor_id, member), text=text))


def pruned_changes(doc: Document, bloc_id: str) -> list[tuple[str, Change]]:
    """(scenario, change) of every what-if change that deleting the bloc drops with it."""
    return [
        (scenario.name, change)
        for scenario in doc.scenarios.values()
        for change in scenario.changes
        if change.bloc == bloc_id
    ]


def deletion_warning(doc: Document, bloc_id: str) -> str:
    """What deleting the bloc takes with it, or '' when it takes nothing else."""
    dropped = pruned_changes(doc, bloc_id)
    if not dropped:
        return ""
    scenarios = sorted({name for name, _ in dropped})
    moves = "1 what-if change" if len(dropped) == 1 else f"{len(dropped)} what-if changes"
    where = ", ".join(f"'{name}'" for name in scenarios)
    name = doc.blocs[bloc_id].name if bloc_id in doc.blocs else bloc_id
    return (f"Deleting bloc {name} also removes {moves} that move actors into it "
            f"(scenario {where}).")


def delete_bloc_command(doc: Document, bloc_id: str) -> DeleteBloc:
    command = DeleteBloc(bloc_id)
    if bloc_id in doc.blocs:
        command.text = f"Delete bloc {doc.blocs[bloc_id].name}"
    return command


# ----- the canvas menu ----------------------------------------------------------------


def color_icon(color: str, size: int = 12) -> QIcon:
    """A square of ``color`` (grey when it is no colour) for menus and cells."""
    pixmap = QPixmap(size, size)
    shown = QColor(color)
    pixmap.fill(shown if shown.isValid() else QColor("#cccccc"))
    return QIcon(pixmap)


def add_bloc_submenus(menu: QMenu, session: ProjectSession, actor_id: str) -> None:
    """"Add to bloc" (blocs without the actor) and "Remove from bloc" (blocs with it).

    A submenu with nothing to list is left out, so a project without blocs adds nothing.
    """
    doc = session.project.document()
    blocs = sorted(doc.blocs.values(), key=lambda b: b.name.lower())
    for title, member in (("Add to bloc", True), ("Remove from bloc", False)):
        listed = [b for b in blocs if (actor_id in b.members) != member]
        if not listed:
            continue
        submenu = menu.addMenu(title)
        for bloc in listed:
            action = submenu.addAction(color_icon(bloc.color), bloc.name)
            action.triggered.connect(
                lambda _=False, b=bloc.id, m=member: set_bloc_member(session, b, actor_id, m)
            )
