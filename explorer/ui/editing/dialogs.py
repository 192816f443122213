"""The create dialogs of the Edit menu and the canvas context menu.

Every dialog is a class that validates inline and pushes its command in ``accept()``,
so tests construct, fill and accept them without an event loop;
:func:`explorer.ui.editing.actions.run_dialog` is the one place that calls ``exec()``.
These classes are re-exported by :mod:`explorer.ui.editing.actions`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.commands import (
    Command,
    Macro,
    MoveNodes,
    PutActor,
    PutAlliance,
    PutBloc,
    PutMembership,
    PutTie,
)
from explorer.model.entities import Actor, Alliance, Bloc, Document, Membership, Tie
from explorer.model.errors import ValidationError
from explorer.model.node_key import actor_key, alliance_key
from explorer.model.validation import (
    validate_actor,
    validate_alliance,
    validate_bloc,
    validate_membership,
    validate_tie,
)
from explorer.model.vocab import ACTOR_KINDS, ALLIANCE_KINDS, OBLIGATIONS, ROLES
from explorer.ui.data.table_models import SIGNS
from explorer.ui.editing.common import (
    FieldForm,
    NotesEdit,
    choice_combo,
    combo_choice,
    push_with_reason,
    searchable_combo,
    set_combo_value,
    text_or_none,
)
from explorer.ui.inspector.widgets import RegionTree, checkable_actor_item
from explorer.ui.session import ProjectSession

DATE_HINT = "YYYY-MM-DD"


# ----- dialogs ------------------------------------------------------------------------


class EditDialog(QDialog):
    """A form that builds one command; ``accept()`` stores it or shows why it cannot."""

    def __init__(self, session: ProjectSession, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.form = FieldForm(self)
        self.pushed: Command | None = None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @property
    def doc(self) -> Document:
        return self.session.project.document()

    def line(self, name: str, text: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"field_{name}")
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda *_: self.form.clear_error(name))
        return self.form.add(name, text, edit)  # type: ignore[return-value]

    def build(self) -> tuple[Command, Callable[[], None]]:
        """The command, and a check that raises ValidationError naming the field."""
        raise NotImplementedError

    def field_for(self, error_field: str | None) -> str | None:
        return error_field if error_field in self.form.widgets else None

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            command, check = self.build()
            check()
        except ValidationError as exc:
            self.form.show_error(self.field_for(exc.field), exc.message)
            return
        except ValueError as exc:
            self.form.show_error(None, str(exc))
            return
        reason = push_with_reason(self.session, command)
        if reason is not None:
            self.form.show_error(None, reason)
            return
        self.pushed = command
        super().accept()

    def errors(self) -> dict[str, str]:
        return self.form.shown_errors()


def _fill_actor_combo(combo, doc: Document, current: str | None) -> None:
    for actor in sorted(doc.actors.values(), key=lambda a: a.name.lower()):
        combo.addItem(f"{actor.name} ({actor.id})", actor.id)
    combo.setCurrentIndex(combo.findData(current) if current else -1)
    if not current:
        combo.setEditText("")


def _fill_alliance_combo(combo, doc: Document, current: str | None) -> None:
    for alliance in sorted(doc.alliances.values(), key=lambda a: a.name.lower()):
        combo.addItem(f"{alliance.name} ({alliance.id})", alliance.id)
    combo.setCurrentIndex(combo.findData(current) if current else -1)
    if not current:
        combo.setEditText("")


def slug(name: str) -> str:
    """A suggested id from a name: ``Shusha Declaration`` -> ``shusha_declaration``."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:64]


class ActorDialog(EditDialog):
    """New actor: id (ISO alpha-3 for states), name, kind, regions, source.

    With ``position`` the actor is placed (and pinned) there, in the same undo step.
    """

    def __init__(self, session: ProjectSession, parent: QWidget | None = None,
                 position: tuple[float, float] | None = None) -> None:
        super().__init__(session, parent, "New Actor")
        self.position = position
        self.id_edit = self.line("id", "ID", "ISO 3166 alpha-3 for states, e.g. SWE")
        self.name_edit = self.line("name", "Name", "e.g. Sweden")
        self.kind_combo = self.form.add("kind", "Kind", choice_combo(ACTOR_KINDS, self))
        self.regions = RegionTree(self)
        self.regions.set_regions(self.doc.regions)
        self.form.add("regions", "Regions", self.regions)
        self.source_edit = self.line("source", "Source", "source id or citation")
        self.notes_edit = self.form.add("notes", "Notes", NotesEdit(self))

    def fill(self, id: str, name: str, kind: str = "state",  # noqa: A002
             regions: tuple[str, ...] = (), source: str = "") -> ActorDialog:
        self.id_edit.setText(id)
        self.name_edit.setText(name)
        set_combo_value(self.kind_combo, kind)
        for region in regions:
            self.regions.set_region_checked(region, True)
        self.source_edit.setText(source)
        return self

    def build(self):
        actor = Actor(
            id=self.id_edit.text().strip(),
            name=self.name_edit.text().strip(),
            kind=self.kind_combo.currentData(),
            regions=self.regions.checked(),
            source=self.source_edit.text().strip(),
            notes=self.notes_edit.toPlainText(),
        )
        doc = self.doc

        def check() -> None:
            validate_actor(actor, doc)
            if actor.id in doc.actors:
                raise ValidationError(
                    f"There is already an actor {actor.id} ({doc.actors[actor.id].name}).", "id"
                )

        command: Command = PutActor(actor, text=f"Add {actor.name}")
        if self.position is not None:
            x, y = self.position
            command = Macro(f"Add {actor.name}", [
                command, MoveNodes({actor_key(actor.id): (x, y, True)}, "Place new actor"),
            ])
        return command, check


class AllianceDialog(EditDialog):
    """New alliance: id, name, kind, obligation, formal, founded, ended, source."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None,
                 position: tuple[float, float] | None = None) -> None:
        super().__init__(session, parent, "New Alliance")
        self.position = position
        self.name_edit = self.line("name", "Name", "e.g. Shusha Declaration")
        self.id_edit = self.line("id", "ID", "short id, e.g. shusha")
        self.name_edit.textEdited.connect(self._suggest_id)
        self._id_touched = False
        self.id_edit.textEdited.connect(lambda *_: setattr(self, "_id_touched", True))
        self.kind_combo = self.form.add("kind", "Kind", choice_combo(ALLIANCE_KINDS, self))
        self.obligation_combo = self.form.add(
            "obligation", "Obligation", choice_combo(OBLIGATIONS, self)
        )
        set_combo_value(self.obligation_combo, "none")
        self.formal_box = self.form.add("formal", "Formal treaty", QCheckBox(self))
        self.formal_box.setChecked(True)
        self.founded_edit = self.line("founded", "Founded", DATE_HINT)
        self.ended_edit = self.line("ended", "Ended", DATE_HINT + " (empty if in force)")
        self.source_edit = self.line("source", "Source", "source id or citation")

    def _suggest_id(self, name: str) -> None:
        if not self._id_touched:
            self.id_edit.setText(slug(name))

    def fill(self, id: str, name: str, kind: str = "security_partnership",  # noqa: A002
             obligation: str = "none", formal: bool = True, founded: str = "",
             ended: str = "", source: str = "") -> AllianceDialog:
        self.name_edit.setText(name)
        self.id_edit.setText(id)
        set_combo_value(self.kind_combo, kind)
        set_combo_value(self.obligation_combo, obligation)
        self.formal_box.setChecked(formal)
        self.founded_edit.setText(founded)
        self.ended_edit.setText(ended)
        self.source_edit.setText(source)
        return self

    def build(self):
        alliance = Alliance(
            id=self.id_edit.text().strip(),
            name=self.name_edit.text().strip(),
            kind=self.kind_combo.currentData(),
            obligation=self.obligation_combo.currentData(),
            formal=self.formal_box.isChecked(),
            founded=text_or_none(self.founded_edit.text()),
            ended=text_or_none(self.ended_edit.text()),
            source=self.source_edit.text().strip(),
        )
        doc = self.doc

        def check() -> None:
            validate_alliance(alliance, doc)
            if alliance.id in doc.alliances:
                raise ValidationError(f"There is already an alliance '{alliance.id}'.", "id")

        command: Command = PutAlliance(alliance, text=f"Add {alliance.name}")
        if self.position is not None:
            x, y = self.position
            command = Macro(f"Add {alliance.name}", [
                command,
                MoveNodes({alliance_key(alliance.id): (x, y, True)}, "Place new alliance"),
            ])
        return command, check


class MembershipDialog(EditDialog):
    """Add an actor to an alliance: actor, alliance, role, joined, left, source."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None,
                 actor: str | None = None, alliance: str | None = None) -> None:
        super().__init__(session, parent, "Add Membership")
        doc = self.doc
        self.actor_combo = self.form.add("actor", "Actor", searchable_combo(self))
        _fill_actor_combo(self.actor_combo, doc, actor)
        self.alliance_combo = self.form.add("alliance", "Alliance", searchable_combo(self))
        _fill_alliance_combo(self.alliance_combo, doc, alliance)
        self.role_combo = self.form.add("role", "Role", choice_combo(ROLES, self))
        set_combo_value(self.role_combo, "member")
        self.joined_edit = self.line("joined", "Joined", DATE_HINT)
        self.left_edit = self.line("left", "Left", DATE_HINT + " (empty if still a member)")
        self.source_edit = self.line("source", "Source", "source id or citation")

    def fill(self, actor: str, alliance: str, role: str = "member", joined: str = "",
             left: str = "", source: str = "") -> MembershipDialog:
        self.actor_combo.setCurrentIndex(self.actor_combo.findData(actor))
        if self.actor_combo.currentIndex() < 0:
            self.actor_combo.setEditText(actor)
        self.alliance_combo.setCurrentIndex(self.alliance_combo.findData(alliance))
        if self.alliance_combo.currentIndex() < 0:
            self.alliance_combo.setEditText(alliance)
        set_combo_value(self.role_combo, role)
        self.joined_edit.setText(joined)
        self.left_edit.setText(left)
        self.source_edit.setText(source)
        return self

    def build(self):
        membership = Membership(
            alliance=combo_choice(self.alliance_combo) or "",
            actor=combo_choice(self.actor_combo) or "",
            role=self.role_combo.currentData(),
            joined=text_or_none(self.joined_edit.text()),
            left=text_or_none(self.left_edit.text()),
            source=self.source_edit.text().strip(),
        )
        doc = self.doc

        def check() -> None:
            validate_membership(membership, doc)

        return PutMembership(membership), check


class TieDialog(EditDialog):
    """A direct tie between two actors: partnership (+1) or rivalry (−1)."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None,
                 a: str | None = None, b: str | None = None) -> None:
        super().__init__(session, parent, "New Tie")
        doc = self.doc
        self.a_combo = self.form.add("a", "Actor A", searchable_combo(self))
        _fill_actor_combo(self.a_combo, doc, a)
        self.b_combo = self.form.add("b", "Actor B", searchable_combo(self))
        _fill_actor_combo(self.b_combo, doc, b)
        from PySide6.QtWidgets import QComboBox

        self.sign_combo = self.form.add("sign", "Sign", QComboBox(self))
        for value, text in SIGNS:
            self.sign_combo.addItem(text, value)
        self.kind_edit = self.line("kind", "Kind", "e.g. war, rivalry, defence pact")
        self.start_edit = self.line("start", "Start", DATE_HINT)
        self.end_edit = self.line("end", "End", DATE_HINT + " (empty if ongoing)")
        self.source_edit = self.line("source", "Source", "source id or citation")

    def fill(self, a: str, b: str, sign: int = 1, kind: str = "", start: str = "",
             end: str = "", source: str = "") -> TieDialog:
        for combo, value in ((self.a_combo, a), (self.b_combo, b)):
            combo.setCurrentIndex(combo.findData(value))
            if combo.currentIndex() < 0:
                combo.setEditText(value)
        set_combo_value(self.sign_combo, sign)
        self.kind_edit.setText(kind)
        self.start_edit.setText(start)
        self.end_edit.setText(end)
        self.source_edit.setText(source)
        return self

    def build(self):
        tie = Tie(
            a=combo_choice(self.a_combo) or "",
            b=combo_choice(self.b_combo) or "",
            sign=int(self.sign_combo.currentData()),
            kind=self.kind_edit.text().strip(),
            start=text_or_none(self.start_edit.text()),
            end=text_or_none(self.end_edit.text()),
            source=self.source_edit.text().strip(),
        )
        doc = self.doc
        return PutTie(tie), lambda: validate_tie(tie, doc)


class BlocDialog(EditDialog):
    """A user-defined side: id, name, colour, description and member actors."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None,
                 members: list[str] | None = None) -> None:
        super().__init__(session, parent, "New Bloc")
        self.name_edit = self.line("name", "Name", "e.g. Western-aligned")
        self.id_edit = self.line("id", "ID", "short id, e.g. west")
        self.name_edit.textEdited.connect(lambda t: self.id_edit.setText(slug(t)))
        self.color_edit = self.line("color", "Colour", "#rrggbb")
        self.color_edit.setText("#4477aa")
        self.description_edit = self.line("description", "Description")
        self.members_list = QListWidget(self)
        self.members_list.setMinimumHeight(160)
        chosen = set(members or ())
        for actor in sorted(self.doc.actors.values(), key=lambda a: a.name.lower()):
            self.members_list.addItem(checkable_actor_item(actor, actor.id in chosen))
        self.form.add("members", "Members", self.members_list)

    def fill(self, id: str, name: str, color: str = "#4477aa", description: str = "",  # noqa: A002
             members: tuple[str, ...] = ()) -> BlocDialog:
        self.name_edit.setText(name)
        self.id_edit.setText(id)
        self.color_edit.setText(color)
        self.description_edit.setText(description)
        for i in range(self.members_list.count()):
            item = self.members_list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in members
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return self

    def build(self):
        members = tuple(
            self.members_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.members_list.count())
            if self.members_list.item(i).checkState() == Qt.CheckState.Checked
        )
        bloc = Bloc(
            id=self.id_edit.text().strip(),
            name=self.name_edit.text().strip(),
            color=self.color_edit.text().strip(),
            description=self.description_edit.text().strip(),
            members=members,
        )
        doc = self.doc

        def check() -> None:
            validate_bloc(bloc, doc)
            if bloc.id in doc.blocs:
                raise ValidationError(f"There is already a bloc '{bloc.id}'.", "id")

        return PutBloc(bloc, text=f"Add bloc {bloc.name}"), check
