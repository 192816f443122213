"""Compound editors: the region check tree, the capability figures table and checkable
actor list items."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.model.entities import Actor, Capability, Region
from explorer.model.vocab import METRIC_LABELS, METRICS
from explorer.ui.editing.common import format_number, parse_number, parse_year

SHORT_METRIC_LABELS = {
    "milex_usd_bn": "Milex (US$ bn)",
    "personnel_k": "Personnel (k)",
    "population_m": "Population (m)",
    "gdp_usd_bn": "GDP (US$ bn)",
    "warheads": "Warheads",
}


def checkable_actor_item(actor: Actor, checked: bool) -> QListWidgetItem:
    """A list item "Name (ID)" with a check box, carrying the actor's id as user data."""
    item = QListWidgetItem(f"{actor.name} ({actor.id})")
    item.setData(Qt.ItemDataRole.UserRole, actor.id)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


class RegionTree(QTreeWidget):
    """The project's regions as a tree of check boxes; ``edited`` after the user ticks one."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setMinimumHeight(110)
        self.setMaximumHeight(170)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._order: tuple[str, ...] = ()
        self._signature: tuple = ()
        self.itemChanged.connect(self._on_item_changed)

    def set_regions(self, regions: dict[str, Region]) -> None:
        """Rebuild the tree when the project's regions differ from those shown."""
        signature = tuple((r.id, r.name, r.parent) for r in regions.values())
        if signature == self._signature:
            return
        self._signature = signature
        self.blockSignals(True)
        self.clear()
        self._items = {}
        pending = list(regions.values())
        while pending:
            rest = []
            for region in pending:
                parent = region.parent if region.parent in regions else None
                if parent is not None and parent not in self._items:
                    rest.append(region)
                    continue
                item = QTreeWidgetItem([region.name])
                item.setData(0, Qt.ItemDataRole.UserRole, region.id)
                item.setToolTip(0, region.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                if parent is None:
                    self.addTopLevelItem(item)
                else:
                    self._items[parent].addChild(item)
                self._items[region.id] = item
            if len(rest) == len(pending):  # a cycle: show the rest at the top level
                for region in rest:
                    item = QTreeWidgetItem([region.name])
                    item.setData(0, Qt.ItemDataRole.UserRole, region.id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(0, Qt.CheckState.Unchecked)
                    self.addTopLevelItem(item)
                    self._items[region.id] = item
                break
            pending = rest
        self.expandAll()
        self.blockSignals(False)

    def set_checked(self, regions: tuple[str, ...]) -> None:
        """Show ``regions`` ticked; when that changes what is shown (another record, an
        undo), scroll so the first ticked region is in sight."""
        self._order = tuple(regions)
        self.blockSignals(True)
        changed = False
        for region_id, item in self._items.items():
            state = Qt.CheckState.Checked if region_id in regions else Qt.CheckState.Unchecked
            if item.checkState(0) != state:
                item.setCheckState(0, state)
                changed = True
        self.blockSignals(False)
        first = next((item for rid, item in self._items.items() if rid in regions), None)
        if changed and first is not None:
            self.scrollToItem(first, QAbstractItemView.ScrollHint.PositionAtTop)

    def checked(self) -> tuple[str, ...]:
        """Ticked regions: those already held keep their order, new ones follow."""
        ticked = [
            rid for rid, item in self._items.items() if item.checkState(0) == Qt.CheckState.Checked
        ]
        kept = [r for r in self._order if r in ticked or r not in self._items]
        return tuple(kept + [r for r in ticked if r not in kept])

    def set_region_checked(self, region_id: str, checked: bool) -> None:
        """Tick or untick one region as the user would (emits ``edited``)."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self._items[region_id].setCheckState(0, state)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        self.edited.emit()


class CapabilityTable(QWidget):
    """An actor's capability figures: metric, value, year, source; rows can be added/removed.

    ``edited`` fires after the user changes a cell, adds or removes a row; ``figures()``
    parses the rows (raising ValueError with a message for text that is not a number).
    """

    edited = Signal()
    COLUMNS = ("Figure", "Value", "Year", "Source")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setObjectName("figures_table")
        self.error_target = self.table
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(96)
        self.table.setMaximumHeight(170)
        self.table.itemChanged.connect(lambda *_: self.edited.emit())
        self.add_button = QPushButton("Add figure", self)
        self.remove_button = QPushButton("Remove figure", self)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self._remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.series_note = QLabel(self)
        self.series_note.setWordWrap(True)
        self.series_note.setStyleSheet("color: palette(mid)")
        self._hidden: tuple[Capability, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.series_note)

    # ----- filling --------------------------------------------------------------------

    #: A run of this many figures with one metric and source is a data series (World
    #: Bank, 1960–2025): listed as one line, kept unchanged, not edited cell by cell.
    SERIES_MIN = 4

    def set_figures(self, figures: tuple[Capability, ...]) -> None:
        runs: dict[tuple, list[Capability]] = {}
        for cap in figures:
            runs.setdefault((cap.metric, cap.source, cap.derived), []).append(cap)
        series = {k for k, run in runs.items() if len(run) >= self.SERIES_MIN}
        self._hidden = tuple(c for c in figures if (c.metric, c.source, c.derived) in series)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for cap in figures:
            if (cap.metric, cap.source, cap.derived) in series:
                continue
            row = self._append_row(cap.metric, format_number(cap.value), "" if cap.year is None
                                   else str(cap.year), cap.source)
            self.table.item(row, 1).setData(Qt.ItemDataRole.UserRole, cap.derived)
        self.table.blockSignals(False)
        self.series_note.setText(self._series_text([runs[k] for k in sorted(series)]))
        self.series_note.setVisible(bool(series))
        self.mark_row(None)

    @staticmethod
    def _series_text(runs: list[list[Capability]]) -> str:
        lines = []
        for run in runs:
            years = [c.year for c in run if c.year is not None]
            latest = max(run, key=lambda c: c.year or 0)
            span = f"{min(years)}–{max(years)}" if years else "undated"
            kind = "derived" if latest.derived else "published"
            lines.append(f"{METRIC_LABELS.get(latest.metric, latest.metric)}: {span}, "
                         f"latest {format_number(latest.value)} ({latest.year}, {kind}, "
                         f"{latest.source})")
        return ("Series kept as loaded (not edited here):\n" + "\n".join(lines)) if lines else ""

    def _append_row(self, metric: str, value: str, year: str, source: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox(self.table)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(13)
        combo.setFrame(False)
        for i, m in enumerate(METRICS):
            combo.addItem(SHORT_METRIC_LABELS.get(m, m), m)
            combo.setItemData(i, METRIC_LABELS.get(m, m), Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(metric)
        if index < 0:
            combo.addItem(metric, metric)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        combo.currentIndexChanged.connect(lambda *_: self.edited.emit())
        self.table.setCellWidget(row, 0, combo)
        for column, text in ((1, value), (2, year), (3, source)):
            item = QTableWidgetItem(text)
            if column in (1, 2):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        return row

    # ----- user actions ---------------------------------------------------------------

    def _add_clicked(self) -> None:
        used = {self._metric(r) for r in range(self.table.rowCount())}
        free = [m for m in METRICS if m not in used]
        if not free:
            return
        self.table.blockSignals(True)
        row = self._append_row(free[0], "", "", "")
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, 1)
        self.table.editItem(self.table.item(row, 1))
        # Nothing is stored until the new row has a value.

    def _remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        if not rows:
            return
        for row in rows:
            self.table.removeRow(row)
        self.edited.emit()

    # ----- reading --------------------------------------------------------------------

    def _metric(self, row: int) -> str:
        combo = self.table.cellWidget(row, 0)
        return combo.currentData() if isinstance(combo, QComboBox) else ""

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item else ""

    def figures(self) -> tuple[Capability, ...]:
        """The rows as capability figures; ValueError names the first unreadable cell."""
        out = []
        for row in range(self.table.rowCount()):
            metric = self._metric(row)
            name = METRIC_LABELS.get(metric, metric)
            try:
                value = parse_number(self._text(row, 1), name)
                year = parse_year(self._text(row, 2))
            except ValueError as exc:
                self.mark_row(row)
                raise ValueError(str(exc)) from None
            if value is None:
                self.mark_row(row)
                raise ValueError(f"{name} needs a value (or remove the row).")
            item = self.table.item(row, 1)
            derived = bool(item.data(Qt.ItemDataRole.UserRole)) if item is not None else False
            out.append(Capability(metric, value, year, self._text(row, 3).strip(), derived))
        return tuple(out) + self._hidden

    def row_of(self, metric: str) -> int | None:
        for row in range(self.table.rowCount()):
            if self._metric(row) == metric:
                return row
        return None

    def mark_row(self, row: int | None) -> None:
        """Highlight the row an error is about (None clears every highlight)."""
        from PySide6.QtGui import QBrush, QColor

        self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            brush = QBrush(QColor("#fdecea")) if r == row else QBrush()
            for column in (1, 2, 3):
                item = self.table.item(r, column)
                if item is not None:
                    item.setBackground(brush)
        self.table.blockSignals(False)

    # ----- test and scripting helpers -------------------------------------------------

    def set_cell(self, row: int, column: int, text: str) -> None:
        """Type ``text`` into a cell as the user would (emits ``edited``)."""
        self.table.item(row, column).setText(text)

    def add_figure(self, metric: str, value: str, year: str = "", source: str = "") -> None:
        """Add a row as the user would, then emit ``edited``."""
        self.table.blockSignals(True)
        self._append_row(metric, value, year, source)
        self.table.blockSignals(False)
        self.edited.emit()

    def remove_row(self, row: int) -> None:
        self.table.removeRow(row)
        self.edited.emit()
