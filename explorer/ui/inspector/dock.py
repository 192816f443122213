"""The inspector dock: the selected actor or alliance, or a membership, tie or bloc,
editable.

It follows the session's selection (the first selected node) and the record channel
(a membership, tie or bloc picked in a table, or a bloc just created). Every field
commits on its own through a command; the inspector only redraws from the document,
so undo shows up here too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from explorer.ui.editing.common import channel
from explorer.ui.inspector.bloc_form import BlocForm
from explorer.ui.inspector.forms import (
    ActorForm,
    AllianceForm,
    EntityForm,
    MembershipForm,
    TieForm,
)
from explorer.ui.session import ProjectSession

PLACEHOLDER = (
    "Select an actor or alliance on the canvas or in the data table to see and edit it "
    "here. Pick a membership, tie or bloc in the data table (Blocs tab) to edit it."
)
KINDS = ("actor", "alliance", "membership", "tie", "bloc")


class Inspector(QWidget):
    """Shows one record at a time; ``shown()`` says which, as (kind, key)."""

    #: (kind, key) now shown, or ("", None) when nothing is.
    recordShown = Signal(str, object)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title = QLabel(self)
        self.title.setObjectName("inspector_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.placeholder = QLabel(PLACEHOLDER, self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.placeholder.setStyleSheet("color: palette(mid); padding: 8px;")

        self.forms: dict[str, EntityForm] = {
            "actor": ActorForm(session, self),
            "alliance": AllianceForm(session, self),
            "membership": MembershipForm(session, self),
            "tie": TieForm(session, self),
            "bloc": BlocForm(session, self),
        }
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.placeholder)
        for form in self.forms.values():
            form.setVisible(False)
            form.recordDeleted.connect(self.clear)
            column.addWidget(form)
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.scroll, 1)

        self._kind = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        session.selectionChanged.connect(self._on_selection)
        session.documentChanged.connect(self._on_document_changed)
        channel(session).recordChosen.connect(self.show_record)
        self._on_selection(session.selection)
        if not self._kind:
            self.clear()

    # ----- public ---------------------------------------------------------------------

    def shown(self) -> tuple[str, Any]:
        if not self._kind:
            return ("", None)
        return (self._kind, self.forms[self._kind].key)

    def form(self, kind: str | None = None) -> EntityForm:
        """The form for ``kind`` (default: the one shown)."""
        return self.forms[kind or self._kind]

    def show_record(self, kind: str, key: Any) -> bool:
        """Show an actor, alliance, membership, tie or bloc; False (and nothing shown) if
        missing."""
        if kind not in self.forms:
            return False
        form = self.forms[kind]
        if not form.show_key(key):
            self.clear()
            return False
        for name, other in self.forms.items():
            other.setVisible(name == kind)
        self.placeholder.setVisible(False)
        if kind != self._kind:
            self.scroll.verticalScrollBar().setValue(0)
        self._kind = kind
        self.title.setText(form.title(self.session.project.document()))
        self.recordShown.emit(kind, key)
        return True

    def show_node(self, node_key: str) -> bool:
        kind, _, key = node_key.partition(":")
        return kind in ("actor", "alliance") and self.show_record(kind, key)

    def clear(self) -> None:
        for form in self.forms.values():
            form.setVisible(False)
            form.key, form.record = None, None
        self._kind = ""
        self.placeholder.setVisible(True)
        self.title.setText("Nothing selected")
        self.recordShown.emit("", None)

    def refresh(self) -> None:
        """Redraw from the document now, keeping the shown record, scroll and focus."""
        self._timer.stop()
        if not self._kind:
            return
        form = self.forms[self._kind]
        if form.refresh():
            self.title.setText(form.title(self.session.project.document()))
        else:
            self.clear()

    # ----- slots ----------------------------------------------------------------------

    def _on_selection(self, nodes: list) -> None:
        for node in nodes:
            if self.show_node(node):
                return
        if not nodes and self._kind in ("actor", "alliance"):
            self.clear()

    def _on_document_changed(self, table: str, key: object) -> None:
        if self._kind and table in ("actors", "alliances", "memberships", "ties", "regions",
                                    "blocs", "reloaded") and not self._timer.isActive():
            self._timer.start()
