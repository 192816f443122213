"""The "Removal impact" tab of the What-if dock: alliance, measure and bloc pickers and the
alliance's members ranked by how much the measure changes if each leaves. It computes
nothing itself: :class:`~explorer.ui.whatif.panel.WhatIfPanel` runs :meth:`ImpactView.job`
in a worker and hands the :class:`ImpactResult` back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from explorer.analysis.impact import impact_ranks
from explorer.analysis.whatif import IMPACT_MEASURES, removal_impact
from explorer.model.entities import Change, Document
from explorer.ui.session import ProjectSession
from explorer.ui.whatif.dialogs import alliance_items, combo_id, fill_combo, searchable_combo
from explorer.ui.whatif.power_view import glossary_tip
from explorer.ui.whatif.table_parts import (
    DELTA_TIP,
    busy_bar,
    delta_item,
    fit_table,
    format_delta,
    make_item,
    make_table,
)

MEASURE_LABELS = {
    "alliance_share": "Alliance's share of world capability",
    "largest_component_share": "Largest component share",
    "components": "Number of components",
    "isolated": "Isolated actors",
    "efficiency": "Global efficiency",
    "modularity": "Modularity (Louvain)",
    "balanced_share": "Balanced triangles (share)",
    "bloc_share": "Share of a bloc",
    "con_actors": "CON over actors",
    "con_user_blocs": "CON over blocs",
}
_PCT_MEASURES = {"largest_component_share", "balanced_share", "bloc_share", "alliance_share"}
_INT_MEASURES = {"components", "isolated"}


@dataclasses.dataclass(frozen=True)
class ImpactResult:
    alliance: str
    measure: str
    bloc: str | None
    rows: list[tuple[str, float | None]]
    names: dict[str, str]


class ImpactView(QWidget):
    """The "Removal impact" tab: alliance, measure and bloc pickers and the ranked members."""

    #: the alliance, measure or bloc picked changed (the panel recomputes).
    inputsChanged = Signal()
    #: the user asked to add a departure (a :class:`~explorer.model.entities.Change`).
    changeRequested = Signal(object)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._impact: ImpactResult | None = None
        v = QVBoxLayout(self)
        v.setContentsMargins(2, 4, 2, 4)
        explain = QLabel(
            "Each member of the alliance leaves it on its own; the table ranks them by how "
            "much that alone changes the chosen figure (filtered view, vs. the baseline)."
        )
        explain.setWordWrap(True)
        v.addWidget(explain)
        row = QHBoxLayout()
        row.addWidget(QLabel("Alliance"))
        self.impact_alliance = searchable_combo([])
        self.impact_alliance.currentIndexChanged.connect(self.inputsChanged)
        row.addWidget(self.impact_alliance, 1)
        v.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel("Measure"))
        self.impact_measure = QComboBox()
        for m in IMPACT_MEASURES:
            self.impact_measure.addItem(MEASURE_LABELS.get(m, m), m)
            self.impact_measure.setItemData(
                self.impact_measure.count() - 1, glossary_tip(m), Qt.ItemDataRole.ToolTipRole)
        self.impact_measure.currentIndexChanged.connect(self._on_measure_changed)
        row.addWidget(self.impact_measure, 1)
        self.impact_bloc = QComboBox()
        self.impact_bloc.setEnabled(False)
        self.impact_bloc.currentIndexChanged.connect(self.inputsChanged)
        row.addWidget(self.impact_bloc, 1)
        v.addLayout(row)
        self.impact_busy = busy_bar()
        v.addWidget(self.impact_busy)
        self.impact_status = QLabel()
        self.impact_status.setWordWrap(True)
        v.addWidget(self.impact_status)
        self.impact_table = make_table(["Member", "Change", "Rank"])
        self.impact_table.setToolTip(DELTA_TIP)
        self.impact_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        v.addWidget(self.impact_table)
        self.btn_impact_add = QPushButton("Add the selected departure to the scenario")
        self.btn_impact_add.clicked.connect(self._add_impact_departure)
        v.addWidget(self.btn_impact_add)
        v.addStretch(1)

    @property
    def doc(self) -> Document:
        return self.session.project.document()

    @property
    def result(self) -> ImpactResult | None:
        return self._impact

    def _on_measure_changed(self) -> None:
        self.impact_bloc.setEnabled(self.impact_measure.currentData() == "bloc_share")
        self.inputsChanged.emit()

    def refresh_pickers(self, doc: Document, blocs) -> None:
        fill_combo(self.impact_bloc, blocs)
        keep = combo_id(self.impact_alliance)
        fill_combo(self.impact_alliance, alliance_items(doc), keep)
        if keep is None and "nato" in doc.alliances:
            self.impact_alliance.setCurrentIndex(self.impact_alliance.findData("nato"))

    def show_failure(self, first_line: str) -> None:
        self.impact_busy.setVisible(False)
        self.impact_status.setText(f"<span style='color:#c0392b'>Failed: {first_line}</span>")

    def job(self) -> Callable[[], ImpactResult] | None:
        alliance = combo_id(self.impact_alliance)
        if alliance is None or alliance not in self.doc.alliances:
            return None
        measure = self.impact_measure.currentData()
        bloc = self.impact_bloc.currentData() if measure == "bloc_share" else None
        if measure == "bloc_share" and bloc is None:
            return None
        doc, view = self.doc, self.session.view_filter

        weights = self.session.weights

        def job() -> ImpactResult:
            rows = removal_impact(doc, view, alliance, measure, weights=weights, bloc=bloc)
            return ImpactResult(alliance, measure, bloc, rows,
                                {k: a.name for k, a in doc.actors.items()})

        return job

    def set_impact(self, result: ImpactResult | None) -> None:
        self._impact = result
        self.impact_busy.setVisible(False)
        table = self.impact_table
        table.setRowCount(0)
        if result is None:
            self.impact_status.setText("Choose an alliance (and a bloc for bloc share).")
            fit_table(table)
            return
        style = (
            "pct" if result.measure in _PCT_MEASURES
            else "int" if result.measure in _INT_MEASURES else "float"
        )
        alliance = self.doc.alliances.get(result.alliance)
        self.impact_status.setText(
            f"{len(result.rows)} members of {alliance.name if alliance else result.alliance}; "
            f"change of {MEASURE_LABELS.get(result.measure, result.measure).lower()} if each "
            "left alone."
        )
        table.setRowCount(len(result.rows))
        ranks = impact_ranks(result.rows)
        for r, ((actor, delta), rank) in enumerate(zip(result.rows, ranks, strict=True)):
            table.setItem(r, 0, make_item(result.names.get(actor, actor), actor))
            if rank is None:
                # an unranked member: its leaving alone moves this figure by nothing we
                # can measure (often: no figures, or bound to the rest another way)
                text = "no measurable effect" if delta is not None else "–"
                item = make_item(text, delta, True)
                item.setForeground(QColor("#7f8c8d"))
                table.setItem(r, 1, item)
                table.setItem(r, 2, make_item("", None, True))
            else:
                table.setItem(r, 1, delta_item(delta, format_delta(delta, style)))
                table.setItem(r, 2, make_item(f"{rank}", rank, True))
        unranked = sum(1 for rank in ranks if rank is None)
        if unranked:
            self.impact_status.setText(
                self.impact_status.text()
                + f" {unranked} with no measurable effect are listed last, unranked."
            )
        fit_table(table)

    def impact_rows(self) -> list[tuple[str, float | None]]:
        t, role = self.impact_table, Qt.ItemDataRole.UserRole
        return [(t.item(r, 0).data(role), t.item(r, 1).data(role)) for r in range(t.rowCount())]

    def _add_impact_departure(self) -> None:
        if self._impact is None:
            return
        rows = self.impact_table.selectionModel().selectedRows()
        for index in rows:
            actor = self.impact_table.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
            self.changeRequested.emit(
                Change("remove_membership", actor=actor, alliance=self._impact.alliance)
            )
