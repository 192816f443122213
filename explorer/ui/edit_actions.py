"""Create and delete: the Edit menu's actions, their dialogs, the canvas context menu and
the history panel.

Every dialog is a class that validates inline and pushes its command in ``accept()``,
so tests construct, fill and accept them without an event loop; ``run_dialog`` is the
one place that calls ``exec()``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from explorer.commands import (
    Command,
    DeleteActor,
    DeleteAlliance,
    Macro,
    MoveNodes,
    PutActor,
    PutAlliance,
    PutBloc,
    PutMembership,
    PutTie,
    actor_dependents,
)
from explorer.model.entities import Actor, Alliance, Bloc, Document, Membership, Tie
from explorer.model.errors import ValidationError
from explorer.model.validation import (
    validate_actor,
    validate_alliance,
    validate_bloc,
    validate_membership,
    validate_tie,
)
from explorer.model.vocab import ACTOR_KINDS, ALLIANCE_KINDS, OBLIGATIONS, ROLES
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
from explorer.ui.editing.widgets import RegionTree
from explorer.ui.session import ProjectSession
from explorer.ui.table_models import SIGNS

DATE_HINT = "YYYY-MM-DD"


def run_dialog(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; True when the user accepted (and the edit was stored)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


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
                command, MoveNodes({f"actor:{actor.id}": (x, y, True)}, "Place new actor"),
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
                MoveNodes({f"alliance:{alliance.id}": (x, y, True)}, "Place new alliance"),
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
            item = QListWidgetItem(f"{actor.name} ({actor.id})")
            item.setData(Qt.ItemDataRole.UserRole, actor.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if actor.id in chosen else Qt.CheckState.Unchecked
            )
            self.members_list.addItem(item)
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


# ----- deleting -----------------------------------------------------------------------


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


# ----- canvas context menu ------------------------------------------------------------


def _is_pinned(session: ProjectSession, node: str) -> bool:
    saved = session.project.positions().get(node)
    return bool(saved and saved[2])


def set_pinned(window, session: ProjectSession, node: str, pinned: bool,
               scene_pos: QPointF | None = None) -> None:
    """Pin or unpin through the canvas when it can, else as a MoveNodes command."""
    canvas = getattr(window, "canvas", None)
    if canvas is not None and hasattr(canvas, "pin"):
        canvas.pin(node, pinned)
        return
    saved = session.project.positions().get(node)
    if saved is not None:
        x, y = saved[0], saved[1]
    elif scene_pos is not None:
        x, y = scene_pos.x(), scene_pos.y()
    else:
        return
    session.push(MoveNodes({node: (x, y, pinned)}, "Pin node" if pinned else "Unpin node"))


def build_canvas_menu(window, session: ProjectSession, node: str | None,
                      scene_pos: QPointF) -> QMenu:
    """The context menu for ``node`` (or empty space at ``scene_pos``); not yet shown."""
    parent = window if isinstance(window, QWidget) else None
    menu = QMenu(parent)
    doc = session.project.document()
    kind, _, key = (node or "").partition(":")
    if kind == "actor" and key in doc.actors:
        menu.addAction("Add to alliance…").triggered.connect(
            lambda: run_dialog(MembershipDialog(session, parent, actor=key)))
        menu.addAction("Add tie…").triggered.connect(
            lambda: run_dialog(TieDialog(session, parent, a=key)))
    elif kind == "alliance" and key in doc.alliances:
        menu.addAction("Add member…").triggered.connect(
            lambda: run_dialog(MembershipDialog(session, parent, alliance=key)))
    if node and kind in ("actor", "alliance"):
        from explorer.ui.whatif_panel import whatif_menu_actions

        whatif = whatif_menu_actions(session, node)
        if whatif:
            submenu = menu.addMenu("What if…")
            for text, run in whatif:
                submenu.addAction(text).triggered.connect(lambda _=False, f=run: f())
        pinned = _is_pinned(session, node)
        menu.addAction("Unpin" if pinned else "Pin").triggered.connect(
            lambda: set_pinned(window, session, node, not pinned, scene_pos))
        menu.addSeparator()
        menu.addAction("Delete…").triggered.connect(
            lambda: confirm_delete(parent, session, [node]))
    if not node:
        xy = (scene_pos.x(), scene_pos.y())
        menu.addAction("New actor here…").triggered.connect(
            lambda: run_dialog(ActorDialog(session, parent, position=xy)))
        menu.addAction("New alliance here…").triggered.connect(
            lambda: run_dialog(AllianceDialog(session, parent, position=xy)))
    return menu


def link_dialog(session: ProjectSession, parent, source: str, target: str):
    """The dialog a link drag opens: membership for actor–alliance, tie for actor–actor.

    Returns None for two alliances, which have no direct relation in the model.
    """
    kinds = {source.partition(":")[0], target.partition(":")[0]}
    ids = {k.partition(":")[0]: k.partition(":")[2] for k in (source, target)}
    widget = parent if isinstance(parent, QWidget) else None
    if kinds == {"actor", "alliance"}:
        return MembershipDialog(session, widget, actor=ids["actor"], alliance=ids["alliance"])
    if kinds == {"actor"}:
        return TieDialog(session, widget, a=source.partition(":")[2], b=target.partition(":")[2])
    return None


def show_canvas_menu(window, session: ProjectSession, node: str | None,
                     scene_pos: QPointF, global_pos) -> None:
    """Slot for the canvas's ``contextMenuRequested(node_or_None, scene_pos, global_pos)``."""
    if node and node not in session.selection:
        session.select([node])
    menu = build_canvas_menu(window, session, node, scene_pos)
    menu.exec(global_pos)
    menu.deleteLater()


# ----- history ------------------------------------------------------------------------


class HistoryView(QListWidget):
    """The undo history, oldest first; clicking an entry undoes or redoes to it."""

    EMPTY = "<opened project>"

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.itemClicked.connect(self._clicked)
        session.historyChanged.connect(self.refresh)
        self.refresh()

    def entries(self) -> list[tuple[str, bool]]:
        """(text, done) for each entry; redoable ones are shown greyed when known."""
        stack = self.session.stack
        done = [(t, True) for t in stack.history]
        redo = getattr(stack, "redo_history", None)
        undone = [(t, False) for t in (redo or [])]
        return done + undone

    def refresh(self) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(self.EMPTY)
        for text, done in self.entries():
            item = QListWidgetItem(text)
            if not done:
                item.setForeground(self.palette().placeholderText())
            self.addItem(item)
        self.setCurrentRow(len(self.session.stack))
        self.blockSignals(False)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.go_to(self.row(item))

    def go_to(self, depth: int) -> None:
        """Undo or redo until ``depth`` commands are done."""
        stack = self.session.stack
        while len(stack) > depth and stack.can_undo:
            self.session.undo()
        while len(stack) < depth and stack.can_redo:
            self.session.redo()


# ----- installing ---------------------------------------------------------------------


class EditActions:
    """The actions and the history dock installed in a window for one session."""

    def __init__(self, window: QMainWindow, session: ProjectSession) -> None:
        self.window = window
        self.session = session
        self.actions: dict[str, QAction] = {}

        def act(name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
            action = QAction(text, window)
            action.setObjectName(f"act_{name}")
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            if tip:
                action.setStatusTip(tip)
            action.triggered.connect(lambda *_: self._guarded(slot))
            self.actions[name] = action
            return action

        act("new_actor", "New &Actor…", self.new_actor, "Ctrl+Shift+A",
            "Add a state, armed group or other body")
        act("new_alliance", "New A&lliance…", self.new_alliance, "Ctrl+Shift+L",
            "Add a treaty, organisation, partnership or alignment")
        act("add_membership", "Add &Membership…", self.add_membership, "Ctrl+Shift+M",
            "Add an actor to an alliance")
        act("new_tie", "New &Tie…", self.new_tie, "Ctrl+Shift+T",
            "A direct partnership or rivalry between two actors")
        act("new_bloc", "New &Bloc…", self.new_bloc, None,
            "A user-defined side, e.g. Western-aligned")
        act("delete", "&Delete Selected", self.delete_selected, QKeySequence.StandardKey.Delete,
            "Delete the selected actors and alliances (asks first)")
        self.actions["delete"].setEnabled(bool(session.selection))
        session.selectionChanged.connect(self._selection_changed)

        self.history = HistoryView(session)
        self.history_dock = QDockWidget("History", window)
        self.history_dock.setObjectName("dock_history")
        self.history_dock.setWidget(self.history)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        history_action = self.history_dock.toggleViewAction()
        history_action.setText("&History")
        history_action.setObjectName("act_history")
        self.actions["history"] = history_action

        self._added: list[tuple[QWidget, QAction]] = []
        menu = getattr(window, "edit_menu", None)
        if menu is not None:
            self._added.append((menu, menu.addSeparator()))
            for name in ("new_actor", "new_alliance", "add_membership", "new_tie", "new_bloc"):
                self._add(menu, self.actions[name])
            self._added.append((menu, menu.addSeparator()))
            self._add(menu, self.actions["delete"])
            self._add(menu, self.actions["history"])
        toolbar = getattr(window, "toolbar", None)
        if toolbar is not None:
            self._added.append((toolbar, toolbar.addSeparator()))
            for name in ("new_actor", "new_alliance", "add_membership", "delete"):
                self._add(toolbar, self.actions[name])
        canvas = getattr(window, "canvas", None)
        self._canvas_signal = getattr(canvas, "contextMenuRequested", None)
        if self._canvas_signal is not None:
            self._canvas_signal.connect(self.show_canvas_menu)
        self._link_signal = getattr(canvas, "linkRequested", None)
        if self._link_signal is not None:
            self._link_signal.connect(self.link_nodes)

    def _add(self, container: QWidget, action: QAction) -> None:
        container.addAction(action)
        self._added.append((container, action))

    def _guarded(self, slot) -> None:
        if getattr(self.window, "session", self.session) is self.session:
            slot()

    def _selection_changed(self, nodes: list) -> None:
        self.actions["delete"].setEnabled(bool(nodes))

    # ----- slots ----------------------------------------------------------------------

    def _selected(self, kind: str) -> str | None:
        prefix = f"{kind}:"
        return next((n[len(prefix):] for n in self.session.selection if n.startswith(prefix)),
                    None)

    def new_actor(self) -> bool:
        return run_dialog(ActorDialog(self.session, self.window))

    def new_alliance(self) -> bool:
        return run_dialog(AllianceDialog(self.session, self.window))

    def add_membership(self) -> bool:
        return run_dialog(MembershipDialog(self.session, self.window,
                                           actor=self._selected("actor"),
                                           alliance=self._selected("alliance")))

    def new_tie(self) -> bool:
        actors = [n[6:] for n in self.session.selection if n.startswith("actor:")]
        return run_dialog(TieDialog(self.session, self.window,
                                    a=actors[0] if actors else None,
                                    b=actors[1] if len(actors) > 1 else None))

    def link_nodes(self, source: str, target: str) -> bool:
        """Slot for the canvas's link drag: add a membership or a tie between the two."""
        dialog = link_dialog(self.session, self.window, source, target)
        if dialog is None:
            bar = getattr(self.window, "statusBar", None)
            if callable(bar):
                bar().showMessage("Two alliances cannot be linked directly.", 5000)
            return False
        return run_dialog(dialog)

    def new_bloc(self) -> bool:
        members = [n[6:] for n in self.session.selection if n.startswith("actor:")]
        return run_dialog(BlocDialog(self.session, self.window, members=members))

    def delete_selected(self) -> bool:
        return confirm_delete(self.window, self.session)

    def show_canvas_menu(self, node, scene_pos, global_pos) -> None:
        if getattr(self.window, "session", self.session) is self.session:
            show_canvas_menu(self.window, self.session, node, scene_pos, global_pos)

    # ----- teardown -------------------------------------------------------------------

    def remove(self) -> None:
        """Take every action and the history dock out of the window."""
        for container, action in self._added:
            container.removeAction(action)
        self._added = []
        if self._canvas_signal is not None:
            try:
                self._canvas_signal.disconnect(self.show_canvas_menu)
            except (RuntimeError, TypeError):
                pass
            self._canvas_signal = None
        if self._link_signal is not None:
            try:
                self._link_signal.disconnect(self.link_nodes)
            except (RuntimeError, TypeError):
                pass
            self._link_signal = None
        try:
            self.session.selectionChanged.disconnect(self._selection_changed)
            self.session.historyChanged.disconnect(self.history.refresh)
        except (RuntimeError, TypeError):
            pass
        self.window.removeDockWidget(self.history_dock)
        self.history_dock.deleteLater()
        for name, action in self.actions.items():
            if name != "history":
                action.deleteLater()
        if getattr(self.window, "_edit_actions", None) is self:
            self.window._edit_actions = None


def install_edit_actions(window: QMainWindow, session: ProjectSession) -> EditActions:
    """Add the create/delete actions, the history dock and the canvas menu to ``window``.

    Idempotent per session: a second call for the same session returns the installed
    actions; a call for another session first removes the previous session's.
    """
    current = getattr(window, "_edit_actions", None)
    if current is not None:
        if current.session is session:
            return current
        current.remove()
    installed = EditActions(window, session)
    window._edit_actions = installed
    return installed
