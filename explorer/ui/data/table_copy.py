"""Copy from any table as tab-separated text with its header row, so figures paste into a
spreadsheet or a report as a table: Ctrl+C (the platform's Copy key) copies the selected
rows, or the whole table when nothing is selected; the context menu offers both."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # a tab or line break inside a cell would split it in the pasted table
    return " ".join(text.split()) if any(c in text for c in "\t\r\n") else text


def table_text(model: QAbstractItemModel, rows: list[int] | None = None) -> str:
    """The header row and ``rows`` (all rows when None) of ``model``, tab-separated."""
    columns = range(model.columnCount())
    horizontal = Qt.Orientation.Horizontal
    display = Qt.ItemDataRole.DisplayRole
    lines = ["\t".join(_cell(model.headerData(c, horizontal, display)) for c in columns)]
    for r in range(model.rowCount()) if rows is None else rows:
        lines.append("\t".join(_cell(model.index(r, c).data(display)) for c in columns))
    return "\n".join(lines) + "\n"


def selected_rows(view: QAbstractItemView) -> list[int]:
    """The rows that hold a selected cell, top to bottom as the view shows them."""
    selection = view.selectionModel()
    if selection is None:
        return []
    return sorted({index.row() for index in selection.selectedIndexes()})


def copy_rows(view: QAbstractItemView, whole: bool = False) -> str:
    """Put the selected rows (or all, when ``whole`` or nothing is selected) on the
    clipboard; returns the text."""
    rows = None if whole else (selected_rows(view) or None)
    text = table_text(view.model(), rows)
    QGuiApplication.clipboard().setText(text)
    return text


class _CopyKey(QObject):
    """Takes the Copy key from the view, whose own handler copies one cell's text only."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key = event if isinstance(event, QKeyEvent) else None
            if key is not None and key.matches(QKeySequence.StandardKey.Copy):
                if event.type() == QEvent.Type.KeyPress:
                    copy_rows(self._view)
                event.accept()
                return True
        return False


def install_copy(view: QAbstractItemView) -> None:
    """Give ``view`` a Copy key and a context menu with Copy / Copy Whole Table."""
    view.installEventFilter(_CopyKey(view))
    copy = QAction("Copy", view)
    copy.setShortcut(QKeySequence.StandardKey.Copy)
    copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # shown in the menu
    copy.triggered.connect(lambda: copy_rows(view))
    whole = QAction("Copy Whole Table", view)
    whole.triggered.connect(lambda: copy_rows(view, whole=True))
    view.addAction(copy)
    view.addAction(whole)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
