"""The History panel: the undo history, oldest first; clicking an entry undoes or
redoes to it."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from explorer.ui.session import ProjectSession


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
