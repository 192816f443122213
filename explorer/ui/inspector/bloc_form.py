"""The inspector's bloc form: name, colour, description, members, delete.

Like the other forms, each field commits on its own as one command; ticking or
unticking a member is one ``PutBloc`` ("Edit Western-aligned: members").
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.commands import Command, PutBloc
from explorer.model.entities import Actor, Document
from explorer.model.validation import validate_bloc
from explorer.ui.editing.bloc_edits import (
    delete_bloc_command,
    deletion_warning,
    with_member,
)
from explorer.ui.editing.common import push_with_reason, set_line_text
from explorer.ui.inspector.forms import EntityForm
from explorer.ui.inspector.widgets import checkable_actor_item

#: Only for the swatch's preview; whether a colour is accepted is the model's decision.
_PREVIEWABLE = re.compile(r"#[0-9a-fA-F]{6}")
_SWATCH_SIZE = 22


def confirm_deletion(parent: QWidget | None, warning: str) -> bool:
    """Ask before a delete that takes more than the bloc; True to go ahead."""
    answer = QMessageBox.question(
        parent, "Delete bloc", f"{warning}\n\nYou can undo this.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class ColorField(QWidget):
    """A ``#rrggbb`` line edit with a swatch showing the colour typed."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setObjectName("field_color_text")
        self.line.setPlaceholderText("#rrggbb")
        self.line.editingFinished.connect(self.editingFinished)
        self.line.textChanged.connect(self._show_swatch)
        self.swatch = QLabel(self)
        self.swatch.setObjectName("color_swatch")
        self.swatch.setFixedSize(_SWATCH_SIZE, _SWATCH_SIZE)
        #: where an inline error draws its red frame (see FieldForm)
        self.error_target = self.line
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.swatch)
        row.addWidget(self.line, 1)
        self._show_swatch("")

    def text(self) -> str:
        return self.line.text()

    def set_text(self, text: str) -> None:
        set_line_text(self.line, text)
        self._show_swatch(text)

    def swatch_color(self) -> str | None:
        """The colour the swatch shows, or None when the text is no colour."""
        text = self.line.text().strip()
        return text.lower() if _PREVIEWABLE.fullmatch(text) else None

    def _show_swatch(self, *_) -> None:
        color = self.swatch_color()
        if color is None:
            self.swatch.setStyleSheet("border: 1px dashed palette(mid); border-radius: 3px;")
            self.swatch.setToolTip("Not a #rrggbb colour")
        else:
            self.swatch.setStyleSheet(
                f"background-color: {color}; border: 1px solid palette(dark); border-radius: 3px;"
            )
            self.swatch.setToolTip(color)


class MemberChecklist(QWidget):
    """Every actor, sorted by name, with a box to tick; a filter line narrows the list.

    "Members only" hides the unticked: with ninety actors the few members are otherwise
    scattered down the list. An actor unticked stays in view until the filter changes,
    so a slip can be ticked back at once.
    """

    #: (actor id, now a member) after the user ticked or unticked a box.
    memberToggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("bloc_member_filter")
        self.filter_edit.setPlaceholderText("Filter actors…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.members_only = QCheckBox("Members only", self)
        self.members_only.setObjectName("bloc_members_only")
        self.members_only.toggled.connect(lambda *_: self._apply_filter())
        self.list = QListWidget(self)
        self.list.setObjectName("bloc_members")
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(150)
        self.list.setMaximumHeight(260)
        self.list.itemChanged.connect(self._on_item_changed)
        self.count_label = QLabel(self)
        self.error_target = self.list
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.members_only)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addLayout(top)
        column.addWidget(self.list)
        column.addWidget(self.count_label)
        self._items: dict[str, QListWidgetItem] = {}
        self._signature: tuple = ()
        self._loading = False

    def shows(self, actors: dict[str, Actor]) -> bool:
        """Whether the list shows exactly these actors, under these names."""
        return actor_signature(actors) == self._signature

    def set_actors(self, actors: dict[str, Actor]) -> None:
        """Rebuild the list when the project's actors (ids or names) differ from those shown."""
        signature = actor_signature(actors)
        if signature == self._signature:
            return
        self._signature = signature
        members = set(self.members())
        self._loading = True
        self.list.clear()
        self._items = {}
        for actor in sorted(actors.values(), key=lambda a: (a.name.lower(), a.id)):
            item = checkable_actor_item(actor, actor.id in members)
            self.list.addItem(item)
            self._items[actor.id] = item
        self._loading = False
        self._apply_filter()

    def set_members(self, members: tuple[str, ...]) -> None:
        self._loading = True
        for actor_id, item in self._items.items():
            state = Qt.CheckState.Checked if actor_id in members else Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)
        self._loading = False
        self._update_count()
        if self.members_only.isChecked():
            self._apply_filter()  # another bloc, or an undo: show its members

    def members(self) -> list[str]:
        """Ticked actor ids, in list (name) order."""
        return [k for k, item in self._items.items()
                if item.checkState() == Qt.CheckState.Checked]

    def item(self, actor_id: str) -> QListWidgetItem:
        return self._items[actor_id]

    def shown_ids(self) -> list[str]:
        """Actor ids the filter lets through, in list order."""
        return [k for k, item in self._items.items() if not item.isHidden()]

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        self._update_count()
        self.memberToggled.emit(item.data(Qt.ItemDataRole.UserRole),
                                item.checkState() == Qt.CheckState.Checked)

    def _apply_filter(self, *_) -> None:
        needle = self.filter_edit.text().strip().lower()
        only_members = self.members_only.isChecked()
        for item in self._items.values():
            hidden = (bool(needle) and needle not in item.text().lower()) or (
                only_members and item.checkState() != Qt.CheckState.Checked)
            item.setHidden(hidden)

    def _update_count(self) -> None:
        n = len(self.members())
        self.count_label.setText(f"{n} member" if n == 1 else f"{n} members")


def actor_signature(actors: dict[str, Actor]) -> tuple:
    return tuple((a.id, a.name) for a in actors.values())


class BlocForm(EntityForm):
    table = "blocs"

    def build(self) -> None:
        self.add_line("id", "ID", readonly=True)
        self.add_line("name", "Name")
        self.color = ColorField(self)
        self.color.setObjectName("field_color")
        self.color.editingFinished.connect(
            lambda: self.commit("color", color=self.color.text().strip())
        )
        self.form.add("color", "Colour", self.color)
        self.add_loader(lambda bloc, doc: self.color.set_text(bloc.color))
        # several lines: the shipped blocs' descriptions are a sentence or two
        self.add_notes("description", "Description")
        self.members = MemberChecklist(self)
        self.members.memberToggled.connect(self._toggle_member)
        self.form.add("members", "Members", self.members)
        self.add_loader(self._load_members)

        self.delete_button = QPushButton("Delete bloc", self)
        self.delete_button.clicked.connect(self.delete)
        row = QHBoxLayout()
        row.addWidget(self.delete_button)
        row.addStretch(1)
        self._layout.addLayout(row)

    def _load_members(self, bloc, doc: Document) -> None:
        self.members.set_actors(doc.actors)
        self.members.set_members(bloc.members)

    def _context_changed(self, doc: Document) -> bool:
        # an actor renamed, added or deleted changes the list even if the bloc did not
        return not self.members.shows(doc.actors)

    def _toggle_member(self, actor_id: str, member: bool) -> None:
        current = self.lookup(self.session.project.document(), self.key)
        if current is None:
            return
        if not self.commit("members", members=with_member(current, actor_id, member).members):
            self.members.set_members(current.members)  # the box goes back to what is stored

    def lookup(self, doc: Document, key):
        return doc.blocs.get(key)

    def command(self, record, text: str | None = None) -> Command:
        return PutBloc(record, text)

    def validate(self, record, doc: Document) -> None:
        validate_bloc(record, doc)

    def title(self, doc: Document) -> str:
        bloc = doc.blocs.get(self.key)
        return f"Bloc · {bloc.name if bloc else self.key}"

    def delete(self) -> bool:
        """Delete the bloc (undoable); asks first only if what-if changes go with it."""
        doc = self.session.project.document()
        if self.key not in doc.blocs:
            return False
        warning = deletion_warning(doc, self.key)
        if warning and not confirm_deletion(self.window(), warning):
            return False
        reason = push_with_reason(self.session, delete_bloc_command(doc, self.key))
        if reason is not None:
            self.form.show_error(None, reason)
            return False
        self.recordDeleted.emit()
        return True
