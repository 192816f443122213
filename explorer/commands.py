"""Every edit of the document as a command with do/undo, run through one stack (no Qt).

Front ends never write to the project directly: they build a command and push it, so
every edit can be undone and every edit is one transaction in the file. The Qt adapter
(``explorer.ui.undo``) mirrors this stack in the Edit menu.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from explorer.model.entities import Actor, Alliance, Bloc, Membership, Scenario, Tie
from explorer.model.errors import ValidationError
from explorer.model.node_key import actor_key, alliance_key
from explorer.model.validation import (
    validate_actor,
    validate_alliance,
    validate_bloc,
    validate_membership,
    validate_scenario,
    validate_tie,
)
from explorer.store.project import Project

Position = tuple[float, float, bool]


class Command:
    """One undoable edit. ``do`` may be called again after ``undo`` (redo)."""

    text = "Edit"

    def do(self, project: Project) -> None:
        raise NotImplementedError

    def undo(self, project: Project) -> None:
        raise NotImplementedError


class Macro(Command):
    """Several commands as one step; undone in reverse order."""

    def __init__(self, text: str, commands: Sequence[Command]) -> None:
        self.text = text
        self.commands = list(commands)

    def do(self, project: Project) -> None:
        for command in self.commands:
            command.do(project)

    def undo(self, project: Project) -> None:
        for command in reversed(self.commands):
            command.undo(project)


# ----- actors --------------------------------------------------------------------------


class PutActor(Command):
    """Add an actor, or replace the one with the same id."""

    def __init__(self, actor: Actor, text: str | None = None) -> None:
        self.actor = actor
        self.old: Actor | None = None
        self.text = text or f"Edit {actor.name}"

    def do(self, project: Project) -> None:
        doc = project.document()
        validate_actor(self.actor, doc)
        self.old = doc.actors.get(self.actor.id)
        if self.old is None and text_is_default(self.text, self.actor.name):
            self.text = f"Add {self.actor.name}"
        project.put_actor(self.actor)

    def undo(self, project: Project) -> None:
        if self.old is None:
            project.delete_actor(self.actor.id)
        else:
            project.put_actor(self.old)


def text_is_default(text: str, name: str) -> bool:
    return text == f"Edit {name}"


class _DeleteRow(Command):
    """Delete one row, keeping it to restore on undo."""

    def __init__(self, getter: Callable, putter: Callable, deleter: Callable, key) -> None:
        self._get, self._put, self._delete, self.key = getter, putter, deleter, key
        self.old = None

    def do(self, project: Project) -> None:
        self.old = self._get(project.document()).get(self.key)
        if self.old is None:
            raise ValidationError(f"'{self.key}' does not exist.")
        self._delete(project, self.key)

    def undo(self, project: Project) -> None:
        self._put(project, self.old)


def _delete_actor_row(actor_id: str) -> _DeleteRow:
    return _DeleteRow(
        lambda d: d.actors, Project.put_actor, Project.delete_actor, actor_id
    )


class DeleteActor(Command):
    """Delete an actor with its memberships, ties, bloc places and saved position."""

    def __init__(self, actor_id: str) -> None:
        self.actor_id = actor_id
        self.text = f"Delete {actor_id}"
        self._steps: Macro | None = None
        self._position: Position | None = None

    def do(self, project: Project) -> None:
        doc = project.document()
        if self.actor_id not in doc.actors:
            raise ValidationError(f"Unknown actor '{self.actor_id}'.")
        self.text = f"Delete {doc.actors[self.actor_id].name}"
        steps: list[Command] = [
            DeleteMembership(m.id) for m in doc.memberships.values() if m.actor == self.actor_id
        ]
        steps += [
            DeleteTie(t.id) for t in doc.ties.values() if self.actor_id in (t.a, t.b)
        ]
        steps += [
            PutBloc(dataclasses.replace(b, members=tuple(x for x in b.members if x != self.actor_id)))
            for b in doc.blocs.values()
            if self.actor_id in b.members
        ]
        steps += _prune_scenarios(doc, actor=self.actor_id)
        steps.append(_delete_actor_row(self.actor_id))
        self._position = project.positions().get(actor_key(self.actor_id))
        self._steps = Macro(self.text, steps)
        with project.transaction():
            self._steps.do(project)

    def undo(self, project: Project) -> None:
        assert self._steps is not None
        with project.transaction():
            self._steps.undo(project)
            if self._position is not None:
                project.set_positions({actor_key(self.actor_id): self._position})


def actor_dependents(project: Project, actor_id: str) -> tuple[list[Membership], list[Tie], list[Bloc]]:
    """What deleting an actor takes with it, for the confirmation a UI shows first."""
    doc = project.document()
    return (
        [m for m in doc.memberships.values() if m.actor == actor_id],
        [t for t in doc.ties.values() if actor_id in (t.a, t.b)],
        [b for b in doc.blocs.values() if actor_id in b.members],
    )


# ----- alliances -----------------------------------------------------------------------


class PutAlliance(Command):
    def __init__(self, alliance: Alliance, text: str | None = None) -> None:
        self.alliance = alliance
        self.old: Alliance | None = None
        self.text = text or f"Edit {alliance.name}"

    def do(self, project: Project) -> None:
        doc = project.document()
        validate_alliance(self.alliance, doc)
        self.old = doc.alliances.get(self.alliance.id)
        if self.old is None and text_is_default(self.text, self.alliance.name):
            self.text = f"Add {self.alliance.name}"
        project.put_alliance(self.alliance)

    def undo(self, project: Project) -> None:
        if self.old is None:
            project.delete_alliance(self.alliance.id)
        else:
            project.put_alliance(self.old)


class DeleteAlliance(Command):
    """Delete an alliance with its memberships and saved position."""

    def __init__(self, alliance_id: str) -> None:
        self.alliance_id = alliance_id
        self.text = f"Delete {alliance_id}"
        self._steps: Macro | None = None
        self._position: Position | None = None

    def do(self, project: Project) -> None:
        doc = project.document()
        if self.alliance_id not in doc.alliances:
            raise ValidationError(f"Unknown alliance '{self.alliance_id}'.")
        self.text = f"Delete {doc.alliances[self.alliance_id].name}"
        steps: list[Command] = [
            DeleteMembership(m.id)
            for m in doc.memberships.values()
            if m.alliance == self.alliance_id
        ]
        steps += _prune_scenarios(doc, alliance=self.alliance_id)
        steps.append(
            _DeleteRow(
                lambda d: d.alliances, Project.put_alliance, Project.delete_alliance,
                self.alliance_id,
            )
        )
        self._position = project.positions().get(alliance_key(self.alliance_id))
        self._steps = Macro(self.text, steps)
        with project.transaction():
            self._steps.do(project)

    def undo(self, project: Project) -> None:
        assert self._steps is not None
        with project.transaction():
            self._steps.undo(project)
            if self._position is not None:
                project.set_positions({alliance_key(self.alliance_id): self._position})


# ----- memberships and ties ------------------------------------------------------------


class PutMembership(Command):
    """Add a membership (id None) or replace an existing one."""

    def __init__(self, membership: Membership, text: str | None = None) -> None:
        self.membership = membership
        self.old: Membership | None = None
        self.text = text or ""

    def do(self, project: Project) -> None:
        doc = project.document()
        validate_membership(self.membership, doc)
        if self.membership.id is not None:
            self.old = doc.memberships.get(self.membership.id)
        if not self.text:
            actor = doc.actors[self.membership.actor].name
            alliance = doc.alliances[self.membership.alliance].name
            when = f" on {self.membership.joined}" if self.membership.joined else ""
            self.text = (
                f"Add {actor} to {alliance}{when}"
                if self.old is None
                else f"Edit {actor} in {alliance}"
            )
        new_id = project.put_membership(self.membership)
        # Redo must recreate the same row, so the id assigned on first do is kept.
        self.membership = dataclasses.replace(self.membership, id=new_id)

    def undo(self, project: Project) -> None:
        if self.old is None:
            project.delete_membership(self.membership.id)
        else:
            project.put_membership(self.old)


class DeleteMembership(_DeleteRow):
    def __init__(self, membership_id: int) -> None:
        super().__init__(
            lambda d: d.memberships, Project.put_membership, Project.delete_membership,
            membership_id,
        )
        self.text = "Delete membership"


class PutTie(Command):
    def __init__(self, tie: Tie, text: str | None = None) -> None:
        self.tie = tie
        self.old: Tie | None = None
        self.text = text or ""

    def do(self, project: Project) -> None:
        doc = project.document()
        validate_tie(self.tie, doc)
        if self.tie.id is not None:
            self.old = doc.ties.get(self.tie.id)
        if not self.text:
            verb = "Add" if self.old is None else "Edit"
            what = "rivalry" if self.tie.sign < 0 else "partnership"
            self.text = f"{verb} {what} {self.tie.a}–{self.tie.b}"
        new_id = project.put_tie(self.tie)
        self.tie = dataclasses.replace(self.tie, id=new_id)

    def undo(self, project: Project) -> None:
        if self.old is None:
            project.delete_tie(self.tie.id)
        else:
            project.put_tie(self.old)


class DeleteTie(_DeleteRow):
    def __init__(self, tie_id: int) -> None:
        super().__init__(lambda d: d.ties, Project.put_tie, Project.delete_tie, tie_id)
        self.text = "Delete tie"


# ----- blocs and scenarios -------------------------------------------------------------


class PutBloc(Command):
    def __init__(self, bloc: Bloc, text: str | None = None) -> None:
        self.bloc = bloc
        self.old: Bloc | None = None
        self.text = text or f"Edit bloc {bloc.name}"

    def do(self, project: Project) -> None:
        doc = project.document()
        validate_bloc(self.bloc, doc)
        self.old = doc.blocs.get(self.bloc.id)
        project.put_bloc(self.bloc)

    def undo(self, project: Project) -> None:
        if self.old is None:
            project.delete_bloc(self.bloc.id)
        else:
            project.put_bloc(self.old)


class DeleteBloc(Command):
    """Delete a bloc, and the what-if changes that move actors into it."""

    def __init__(self, bloc_id: str) -> None:
        self.bloc_id = bloc_id
        self.text = f"Delete bloc {bloc_id}"
        self._steps: Macro | None = None

    def do(self, project: Project) -> None:
        doc = project.document()
        steps = _prune_scenarios(doc, bloc=self.bloc_id)
        steps.append(
            _DeleteRow(lambda d: d.blocs, Project.put_bloc, Project.delete_bloc, self.bloc_id)
        )
        self._steps = Macro(self.text, steps)
        with project.transaction():
            self._steps.do(project)

    def undo(self, project: Project) -> None:
        assert self._steps is not None
        with project.transaction():
            self._steps.undo(project)


def _prune_scenarios(
    doc, actor: str | None = None, alliance: str | None = None, bloc: str | None = None
) -> list[Command]:
    """Commands dropping the what-if changes that name an entity about to be deleted.

    A scenario may not refer to what no longer exists; the pruning is part of the delete,
    so one undo brings both back.
    """

    def names_it(change) -> bool:
        return (
            (actor is not None and change.actor == actor)
            or (alliance is not None and change.alliance == alliance)
            or (bloc is not None and change.bloc == bloc)
        )

    steps: list[Command] = []
    for scenario in doc.scenarios.values():
        kept = tuple(c for c in scenario.changes if not names_it(c))
        if len(kept) != len(scenario.changes):
            steps.append(PutScenario(dataclasses.replace(scenario, changes=kept)))
    return steps


class PutScenario(Command):
    def __init__(self, scenario: Scenario, text: str | None = None) -> None:
        self.scenario = scenario
        self.old: Scenario | None = None
        self.text = text or f"Edit scenario {scenario.name}"

    def do(self, project: Project) -> None:
        doc = project.document()
        validate_scenario(self.scenario, doc)
        self.old = doc.scenarios.get(self.scenario.name)
        project.put_scenario(self.scenario)

    def undo(self, project: Project) -> None:
        if self.old is None:
            project.delete_scenario(self.scenario.name)
        else:
            project.put_scenario(self.old)


class DeleteScenario(_DeleteRow):
    def __init__(self, name: str) -> None:
        super().__init__(
            lambda d: d.scenarios, Project.put_scenario, Project.delete_scenario, name
        )
        self.text = f"Delete scenario {name}"


class SetTitle(Command):
    def __init__(self, title: str) -> None:
        self.title = title
        self.old: str | None = None
        self.text = "Rename project"

    def do(self, project: Project) -> None:
        if not self.title.strip():
            raise ValidationError("A project needs a title.", "title")
        self.old = project.stored_title()
        project.set_title(self.title)

    def undo(self, project: Project) -> None:
        project.set_title(self.old)


# ----- layout --------------------------------------------------------------------------


class MoveNodes(Command):
    """Move and/or pin nodes (``actor:ID`` / ``alliance:ID``): a drag, a pin, an unpin."""

    def __init__(self, moves: dict[str, Position], text: str = "Move node") -> None:
        self.moves = dict(moves)
        self.old: dict[str, Position] = {}
        self.text = text

    def do(self, project: Project) -> None:
        saved = project.positions()
        self.old = {node: saved[node] for node in self.moves if node in saved}
        project.set_positions(self.moves)

    def undo(self, project: Project) -> None:
        with project.transaction():
            missing = [node for node in self.moves if node not in self.old]
            if missing:
                project.remove_positions(missing)
            if self.old:
                project.set_positions(self.old)


# ----- the stack -----------------------------------------------------------------------


class CommandStack:
    """The one undo history of a project.

    ``push`` runs the command in one transaction: if it fails (a validation error, a
    database error) nothing is stored and nothing enters the history.
    """

    def __init__(self, project: Project) -> None:
        self.project = project
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._clean_index = 0
        self._listeners: list[Callable[[], None]] = []

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()

    def push(self, command: Command) -> Command:
        with self.project.transaction():
            command.do(self.project)
        self._done.append(command)
        self._undone.clear()
        self._notify()
        return command

    def undo(self) -> Command | None:
        if not self._done:
            return None
        command = self._done.pop()
        with self.project.transaction():
            command.undo(self.project)
        self._undone.append(command)
        self._notify()
        return command

    def redo(self) -> Command | None:
        if not self._undone:
            return None
        command = self._undone.pop()
        with self.project.transaction():
            command.do(self.project)
        self._done.append(command)
        self._notify()
        return command

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_text(self) -> str:
        return self._done[-1].text if self._done else ""

    @property
    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""

    @property
    def redo_history(self) -> list[str]:
        """Texts of the undone commands, next redo first (shown greyed in the history)."""
        return [c.text for c in reversed(self._undone)]

    @property
    def history(self) -> list[str]:
        """Texts of the done commands, oldest first (for a history view)."""
        return [c.text for c in self._done]

    def __len__(self) -> int:
        return len(self._done)
