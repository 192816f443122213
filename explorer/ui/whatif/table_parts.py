"""Small building blocks of the What-if tables: number formats, coloured deltas,
tables that grow with their rows instead of scrolling inside the dock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
)

from explorer.ui.data.table_copy import install_copy
from explorer.ui.whatif.chart import delta_color

DELTA_TIP = (
    "Colours show direction only, never whether a change is good:\n"
    "green ▲ = the figure is higher in the scenario, red ▼ = lower, grey = unchanged.\n"
    "For ranks, ▲ means the actor moved up the ranking (a smaller rank number)."
)



def format_value(value, style: str) -> str:
    if value is None:
        return "–"
    if style == "pct":
        return f"{100 * value:.1f}%"
    if style == "int":
        return f"{int(value)}"
    if style == "ratio":
        return f"{value:.2f}"
    return f"{value:.3f}"


def format_delta(delta, style: str) -> str:
    if delta is None:
        return "–"
    if abs(delta) < 1e-12:
        return "= 0"
    arrow = "▲" if delta > 0 else "▼"
    if style == "pct":
        body = f"{100 * delta:+.1f} pp" if abs(delta) >= 5e-4 else f"{100 * delta:+.2f} pp"
    elif style == "int":
        body = f"{int(round(delta)):+d}"
    elif style == "ratio":
        body = f"{delta:+.2f}"
    else:
        body = f"{delta:+.3f}"
    return f"{arrow} {body}"


def make_item(text: str, data=None, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def delta_item(delta, text: str) -> QTableWidgetItem:
    item = make_item(text, delta, align_right=True)
    item.setForeground(QColor(delta_color(delta)))
    item.setToolTip(DELTA_TIP)
    return item


def fit_table(table: QTableWidget) -> None:
    """Make ``table`` exactly as tall as its rows, so the scroll area scrolls, not it."""
    table.resizeRowsToContents()
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height + 2)


def make_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in range(1, len(headers)):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    fit_table(table)
    install_copy(table)
    return table


def busy_bar() -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)  # indeterminate
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.setVisible(False)
    return bar
