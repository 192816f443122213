"""The actor inspector's "Belongs to" panel: rank in view, memberships, ties, blocs and
figures, read-only, each row opening its record on double-click or Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from explorer.scene.actor_profile import SECTIONS, ProfileRow, actor_profile
from explorer.ui.editing.common import channel

_OUT_OF_VIEW = QColor("#8a8a8a")


class ActorProfile(QTreeWidget):
    """What the actor is in, grouped by section; rows not in force at the view's date are
    greyed and say so in their tooltip."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("actor_profile")
        self.setColumnCount(1)
        self.setHeaderLabels(["Belongs to (double-click a row to open it)"])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setMinimumHeight(220)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setToolTip("Double-click a row (or press Enter) to open that record")
        self.itemActivated.connect(self._open)
        self._rows: list[ProfileRow] = []
        self._actor: str | None = None
        self._stale = False
        session.viewChanged.connect(self._on_view_changed)

    def _on_view_changed(self, *_args) -> None:
        # a hidden profile catches up when shown again, not on every slider step
        self._stale = True
        if self._actor is not None and self.isVisible():
            self.show_actor(self._actor)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale and self._actor is not None:
            self.show_actor(self._actor)

    def show_actor(self, actor_id: str) -> None:
        self._actor = actor_id
        self._stale = False
        doc = self.session.project.document()
        self._rows = actor_profile(doc, actor_id, self.session.view_filter,
                                   self.session.weights)
        self.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for section in SECTIONS:
            rows = [r for r in self._rows if r.section == section]
            if not rows:
                continue
            head = QTreeWidgetItem([f"{section} ({len(rows)})" if len(rows) > 1 else section])
            head.setFont(0, bold)
            head.setFirstColumnSpanned(True)
            self.addTopLevelItem(head)
            for row in rows:
                item = QTreeWidgetItem([f"{row.text} \N{MIDDLE DOT} {row.detail}"
                                        if row.detail else row.text])
                item.setData(0, Qt.ItemDataRole.UserRole, (row.kind, row.key))
                tip = f"{row.text}\n{row.detail}"
                if not row.in_view:
                    tip += "\nNot in force at the view's date."
                    item.setForeground(0, QBrush(_OUT_OF_VIEW))
                item.setToolTip(0, tip)
                head.addChild(item)
            head.setExpanded(section != "Figures")

    def rows(self) -> list[ProfileRow]:
        """The rows shown (for tests and export)."""
        return list(self._rows)

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, Qt.ItemDataRole.UserRole)
        if not target or not target[0]:
            return
        kind, key = target
        if kind in ("actor", "alliance"):
            self.session.select([f"{kind}:{key}"])
        else:
            channel(self.session).recordChosen.emit(kind, key)
