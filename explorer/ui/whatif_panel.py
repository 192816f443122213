"""The What-if dock: scenarios, their changes, and the baseline-vs-scenario comparison.

Scenarios live in the project and are edited only through ``PutScenario`` /
``DeleteScenario`` commands, so creating, renaming, duplicating, deleting and changing
a scenario are all undoable. Which scenario is active and how it is shown (baseline,
scenario, both) is view state kept by the session.

The comparison (:func:`explorer.analysis.compare`) and the removal impact
(:func:`explorer.analysis.removal_impact`) run on a worker thread over the document
snapshot the project hands out (rebuilt after each change, never mutated), with the
session's current view filter. Stale answers are dropped (see
:mod:`explorer.ui.whatif_worker`). ``compute_now`` / ``compute_impact_now`` do the same
work synchronously for tests and export.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.analysis.view import ViewFilter
from explorer.analysis.whatif import IMPACT_MEASURES, Comparison, compare, removal_impact
from explorer.commands import DeleteScenario, Macro, PutScenario
from explorer.model.entities import Change, Document, Scenario
from explorer.ui.session import ProjectSession
from explorer.ui.whatif_chart import BarGroup, BlocShareChart, delta_color
from explorer.ui.whatif_dialogs import (
    CHANGE_ACTIONS,
    ChangeDialog,
    alliance_items,
    bloc_items,
    combo_id,
    fill_combo,
    searchable_combo,
)
from explorer.ui.whatif_worker import JobRunner

DELTA_TIP = (
    "Colours show direction only, never whether a change is good:\n"
    "green ▲ = the figure is higher in the scenario, red ▼ = lower, grey = unchanged.\n"
    "For ranks, ▲ means the actor moved up the ranking (a smaller rank number)."
)

#: (figure key, label, format) of the comparison table; "ratio" is the chosen bloc pair.
FIGURE_ROWS = (
    ("ratio", "Balance ratio", "ratio"),
    ("con_actors", "CON over actors", "float"),
    ("con_user_blocs", "CON over blocs", "float"),
    ("con_detected_blocs", "CON over detected blocs", "float"),
    ("components", "Components", "int"),
    ("largest_component_share", "Largest component share", "pct"),
    ("isolated", "Isolated actors", "int"),
    ("articulation_points", "Articulation points", "int"),
    ("efficiency", "Global efficiency", "float"),
    ("balanced_share", "Balanced triangles (share)", "pct"),
)

MEASURE_LABELS = {
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
_PCT_MEASURES = {"largest_component_share", "balanced_share", "bloc_share"}
_INT_MEASURES = {"components", "isolated"}


# ----- public helpers (also used by the canvas context menu) -----------------------------


def describe_change(doc: Document, change: Change) -> str:
    """``Change.describe()`` with names instead of ids: "Türkiye leaves NATO"."""

    def actor(a):
        return doc.actors[a].name if a in doc.actors else str(a)

    def alliance(a):
        return doc.alliances[a].name if a in doc.alliances else str(a)

    def bloc(b):
        return doc.blocs[b].name if b in doc.blocs else str(b)

    if change.kind == "remove_actor":
        return f"Remove {actor(change.actor)}"
    if change.kind == "remove_membership":
        return f"{actor(change.actor)} leaves {alliance(change.alliance)}"
    if change.kind == "dissolve_alliance":
        return f"Dissolve {alliance(change.alliance)}"
    if change.kind == "move_to_bloc":
        return f"Move {actor(change.actor)} to {bloc(change.bloc)}"
    return change.describe()


def unique_scenario_name(doc: Document, wanted: str) -> str:
    """``wanted``, or ``wanted (2)``, ``wanted (3)`` … whichever is free."""
    wanted = wanted.strip() or "Scenario"
    if wanted not in doc.scenarios:
        return wanted
    n = 2
    while f"{wanted} ({n})" in doc.scenarios:
        n += 1
    return f"{wanted} ({n})"


def add_change_to_scenario(
    session: ProjectSession, change: Change, scenario_name: str | None = None
) -> str | None:
    """Add ``change`` to a scenario through an undoable ``PutScenario``.

    The scenario is ``scenario_name``, else the session's active one; with neither, a
    new scenario named after the change ("Türkiye leaves NATO") is created. The
    scenario becomes the active one. Returns its name, or None when the edit was refused
    (the session reports why through ``editRejected``).
    """
    doc = session.project.document()
    name = scenario_name or session.scenario_name
    if name is not None and name in doc.scenarios:
        scenario = doc.scenarios[name]
        if change in scenario.changes:
            session.set_scenario(name)
            return name
        updated = dataclasses.replace(scenario, changes=(*scenario.changes, change))
        text = f"What-if: {describe_change(doc, change)}"
    else:
        name = name or unique_scenario_name(doc, describe_change(doc, change))
        updated = Scenario(name=name, changes=(change,))
        text = f"New scenario {name}"
    if not session.push(PutScenario(updated, text=text)):
        return None
    session.set_scenario(name)
    return name


def whatif_menu_actions(session: ProjectSession, node_key: str) -> list[tuple[str, Callable]]:
    """What-if entries for the canvas context menu of ``node_key``.

    An actor node gets "What if X left A?" for each alliance it belongs to under the
    current view date, then "What if X were removed?"; an alliance node gets "What if A
    were dissolved?". Each callable adds the change to the active scenario (or starts
    one) via :func:`add_change_to_scenario`.
    """
    doc = session.project.document()
    kind, _, ident = node_key.partition(":")
    entries: list[tuple[str, Callable]] = []

    def entry(text: str, change: Change) -> tuple[str, Callable]:
        return text, lambda *_: add_change_to_scenario(session, change)

    if kind == "actor" and ident in doc.actors:
        name = doc.actors[ident].name
        as_of = session.view_filter.as_of
        current = sorted(
            {
                m.alliance
                for m in doc.memberships.values()
                if m.actor == ident and m.in_force(as_of) and m.alliance in doc.alliances
            },
            key=lambda a: doc.alliances[a].name.casefold(),
        )
        for alliance in current:
            entries.append(
                entry(
                    f"What if {name} left {doc.alliances[alliance].name}?",
                    Change("remove_membership", actor=ident, alliance=alliance),
                )
            )
        entries.append(entry(f"What if {name} were removed?", Change("remove_actor", actor=ident)))
    elif kind == "alliance" and ident in doc.alliances:
        entries.append(
            entry(
                f"What if {doc.alliances[ident].name} were dissolved?",
                Change("dissolve_alliance", alliance=ident),
            )
        )
    return entries


# ----- formatting --------------------------------------------------------------------------


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


def _item(text: str, data=None, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _delta_item(delta, text: str) -> QTableWidgetItem:
    item = _item(text, delta, align_right=True)
    item.setForeground(QColor(delta_color(delta)))
    item.setToolTip(DELTA_TIP)
    return item


def _fit_table(table: QTableWidget) -> None:
    """Make ``table`` exactly as tall as its rows, so the scroll area scrolls, not it."""
    table.resizeRowsToContents()
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height + 2)


def _table(headers: list[str]) -> QTableWidget:
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
    _fit_table(table)
    return table


def _busy_bar() -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)  # indeterminate
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.setVisible(False)
    return bar


@dataclasses.dataclass(frozen=True)
class ComparisonResult:
    """What the worker hands back: the inputs it used and the comparison."""

    scenario: Scenario
    view: ViewFilter
    comparison: Comparison


@dataclasses.dataclass(frozen=True)
class ImpactResult:
    alliance: str
    measure: str
    bloc: str | None
    rows: list[tuple[str, float | None]]
    names: dict[str, str]


# ----- the panel ---------------------------------------------------------------------------


class WhatIfPanel(QWidget):
    """Scenario list, change list, comparison and removal impact for one session."""

    #: a comparison is shown (the :class:`~explorer.analysis.whatif.Comparison`, or None
    #: when no scenario is active).
    comparisonReady = Signal(object)
    #: a removal-impact table is shown (list of (actor, delta)).
    impactReady = Signal(object)
    #: a job failed; the message is also shown in the panel.
    computeFailed = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._syncing = False
        self._result: ComparisonResult | None = None
        self._impact: ImpactResult | None = None
        self._impact_dirty = True
        self._pair_chosen = False  # the user picked the two blocs of the balance ratio
        self._runner = JobRunner(self)
        self._runner.finished.connect(self._on_job_finished)
        self._runner.error.connect(self._on_job_failed)
        self._comparison_timer = self._single_shot(40, self._request_comparison)
        self._impact_timer = self._single_shot(40, self._request_impact)
        self._refresh_timer = self._single_shot(0, self._refresh_pickers)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._build_scenarios())
        layout.addWidget(self._build_changes())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._scrolled(self._build_comparison()), "Comparison")
        self.tabs.addTab(self._scrolled(self._build_impact()), "Removal impact")
        self.tabs.currentChanged.connect(self._on_tab)
        layout.addWidget(self.tabs, 1)

        session.documentChanged.connect(self._on_document_changed)
        session.viewChanged.connect(self._on_view_changed)
        session.scenarioChanged.connect(self._on_scenario_changed)
        self._refresh_document()
        self._sync_scenario()
        self._schedule_comparison()

    # ----- construction -------------------------------------------------------------------

    def _single_shot(self, msecs: int, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(msecs)
        timer.timeout.connect(slot)
        return timer

    def _scrolled(self, widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(widget)
        return area

    def _build_scenarios(self) -> QGroupBox:
        box = QGroupBox("Scenarios")
        v = QVBoxLayout(box)
        self.scenario_list = QListWidget()
        self.scenario_list.setMaximumHeight(96)
        self.scenario_list.setToolTip("Select a scenario to compare it with the baseline.")
        self.scenario_list.currentItemChanged.connect(self._on_scenario_picked)
        self.scenario_list.itemDoubleClicked.connect(lambda *_: self.rename_scenario())
        v.addWidget(self.scenario_list)
        row = QHBoxLayout()
        self.btn_new = QPushButton("New…")
        self.btn_rename = QPushButton("Rename…")
        self.btn_duplicate = QPushButton("Duplicate")
        self.btn_delete = QPushButton("Delete")
        self.btn_new.clicked.connect(lambda: self.new_scenario())
        self.btn_rename.clicked.connect(lambda: self.rename_scenario())
        self.btn_duplicate.clicked.connect(lambda: self.duplicate_scenario())
        self.btn_delete.clicked.connect(lambda: self.delete_scenario())
        for b in (self.btn_new, self.btn_rename, self.btn_duplicate, self.btn_delete):
            row.addWidget(b)
        v.addLayout(row)
        mode_row = QHBoxLayout()
        mode_row.addWidget(QLabel("Show on the canvas:"))
        self.mode_combo = QComboBox()
        for mode, text in (
            ("baseline", "Baseline"),
            ("scenario", "Scenario"),
            ("both", "Both (scenario over baseline)"),
        ):
            self.mode_combo.addItem(text, mode)
        self.mode_combo.activated.connect(self._on_mode_picked)
        mode_row.addWidget(self.mode_combo, 1)
        v.addLayout(mode_row)
        return box

    def _build_changes(self) -> QGroupBox:
        box = QGroupBox("Changes in this scenario")
        v = QVBoxLayout(box)
        self.change_list = QListWidget()
        self.change_list.setMaximumHeight(84)
        self.change_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        v.addWidget(self.change_list)
        row = QHBoxLayout()
        self.btn_add_change = QToolButton()
        self.btn_add_change.setText("Add change")
        self.btn_add_change.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.btn_add_change)
        self.change_actions: dict[str, QAction] = {}
        for kind, text, _ in CHANGE_ACTIONS:
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, k=kind: self.ask_change(k))
            self.change_actions[kind] = action
        self.btn_add_change.setMenu(menu)
        self.btn_remove_change = QPushButton("Remove selected")
        self.btn_remove_change.clicked.connect(self.remove_selected_changes)
        row.addWidget(self.btn_add_change)
        row.addWidget(self.btn_remove_change)
        row.addStretch(1)
        v.addLayout(row)
        return box

    def _build_comparison(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(2, 4, 2, 4)
        self.busy = _busy_bar()
        v.addWidget(self.busy)
        self.status = QLabel()
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        self.chart = BlocShareChart()
        v.addWidget(self.chart)

        ratio_row = QHBoxLayout()
        ratio_row.addWidget(QLabel("Balance ratio of"))
        self.bloc_a = QComboBox()
        self.bloc_b = QComboBox()
        for combo in (self.bloc_a, self.bloc_b):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._show_result)
            combo.activated.connect(self._on_pair_chosen)
        ratio_row.addWidget(self.bloc_a, 1)
        ratio_row.addWidget(QLabel(":"))
        ratio_row.addWidget(self.bloc_b, 1)
        v.addLayout(ratio_row)

        self.figures_table = _table(["Figure", "Baseline", "Scenario", "Change"])
        self.figures_table.setToolTip(DELTA_TIP)
        v.addWidget(self.figures_table)

        v.addWidget(QLabel("<b>Top brokers</b> (betweenness rank)"))
        self.brokers_table = _table(["Actor", "Baseline", "Scenario", "Change"])
        self.brokers_table.setToolTip(DELTA_TIP)
        v.addWidget(self.brokers_table)

        self.isolated_label = QLabel()
        self.isolated_label.setWordWrap(True)
        self.isolated_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.isolated_label)
        v.addStretch(1)
        return page

    def _build_impact(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
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
        self.impact_alliance.currentIndexChanged.connect(self._schedule_impact)
        row.addWidget(self.impact_alliance, 1)
        v.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel("Measure"))
        self.impact_measure = QComboBox()
        for m in IMPACT_MEASURES:
            self.impact_measure.addItem(MEASURE_LABELS.get(m, m), m)
        self.impact_measure.currentIndexChanged.connect(self._on_measure_changed)
        row.addWidget(self.impact_measure, 1)
        self.impact_bloc = QComboBox()
        self.impact_bloc.setEnabled(False)
        self.impact_bloc.currentIndexChanged.connect(self._schedule_impact)
        row.addWidget(self.impact_bloc, 1)
        v.addLayout(row)
        self.impact_busy = _busy_bar()
        v.addWidget(self.impact_busy)
        self.impact_status = QLabel()
        self.impact_status.setWordWrap(True)
        v.addWidget(self.impact_status)
        self.impact_table = _table(["Member", "Change", "Rank"])
        self.impact_table.setToolTip(DELTA_TIP)
        self.impact_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        v.addWidget(self.impact_table)
        self.btn_impact_add = QPushButton("Add the selected departure to the scenario")
        self.btn_impact_add.clicked.connect(self._add_impact_departure)
        v.addWidget(self.btn_impact_add)
        v.addStretch(1)
        return page

    # ----- scenario list ------------------------------------------------------------------

    @property
    def doc(self) -> Document:
        return self.session.project.document()

    def current_scenario(self) -> Scenario | None:
        name = self.session.scenario_name
        return self.doc.scenarios.get(name) if name else None

    def _refresh_document(self) -> None:
        """Rebuild the lists and pickers from the document (after any edit)."""
        self._refresh_pickers()
        self._refresh_scenarios()

    def _refresh_scenarios(self) -> None:
        doc = self.doc
        self._syncing = True
        try:
            self.scenario_list.clear()
            for name in sorted(doc.scenarios, key=str.casefold):
                sc = doc.scenarios[name]
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setToolTip(
                    "\n".join(describe_change(doc, c) for c in sc.changes) or "No changes yet"
                )
                self.scenario_list.addItem(item)
        finally:
            self._syncing = False
        self._sync_scenario()

    def _refresh_pickers(self) -> None:
        doc = self.doc
        self._syncing = True
        try:
            blocs = bloc_items(doc)
            for combo, fallback in ((self.bloc_a, 0), (self.bloc_b, 1)):
                keep = combo.currentData()
                fill_combo(combo, blocs, keep)
                if keep is None and len(blocs) > fallback:
                    combo.setCurrentIndex(fallback)
            fill_combo(self.impact_bloc, blocs)
            keep = combo_id(self.impact_alliance)
            fill_combo(self.impact_alliance, alliance_items(doc), keep)
            if keep is None and "nato" in doc.alliances:
                self.impact_alliance.setCurrentIndex(self.impact_alliance.findData("nato"))
        finally:
            self._syncing = False

    def _sync_scenario(self) -> None:
        """Select the session's scenario and mode in the widgets; list its changes."""
        name = self.session.scenario_name
        self._syncing = True
        try:
            self.scenario_list.setCurrentItem(None)
            for row in range(self.scenario_list.count()):
                item = self.scenario_list.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == name:
                    self.scenario_list.setCurrentItem(item)
            self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(self.session.mode)))
            self.mode_combo.setEnabled(name is not None)
            self.change_list.clear()
            scenario = self.current_scenario()
            for change in scenario.changes if scenario else ():
                item = QListWidgetItem(describe_change(self.doc, change))
                item.setToolTip(change.describe())
                item.setData(Qt.ItemDataRole.UserRole, change)
                self.change_list.addItem(item)
            has = scenario is not None
            for b in (self.btn_rename, self.btn_duplicate, self.btn_delete, self.btn_remove_change):
                b.setEnabled(has)
        finally:
            self._syncing = False

    def _on_scenario_picked(self, current: QListWidgetItem | None, _previous=None) -> None:
        if self._syncing:
            return
        name = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.session.set_scenario(name)

    def _on_mode_picked(self, index: int) -> None:
        self.session.set_scenario(self.session.scenario_name, self.mode_combo.itemData(index))

    def _ask_name(self, title: str, label: str, text: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name.strip() if ok and name.strip() else None

    def _free(self, name: str) -> bool:
        if name in self.doc.scenarios:
            self.session.editRejected.emit(f"A scenario named '{name}' already exists.")
            return False
        return True

    def new_scenario(self, name: str | None = None) -> str | None:
        """Create an empty scenario (asking for its name when none is given); select it."""
        if name is None:
            name = self._ask_name(
                "New scenario", "Name:", unique_scenario_name(self.doc, "New scenario")
            )
        if not name or not self._free(name):
            return None
        if not self.session.push(PutScenario(Scenario(name), text=f"New scenario {name}")):
            return None
        self.session.set_scenario(name)
        return name

    def rename_scenario(self, new_name: str | None = None) -> str | None:
        scenario = self.current_scenario()
        if scenario is None:
            return None
        if new_name is None:
            new_name = self._ask_name("Rename scenario", "New name:", scenario.name)
        if not new_name or new_name == scenario.name or not self._free(new_name):
            return None
        command = Macro(
            f"Rename scenario {scenario.name} to {new_name}",
            [DeleteScenario(scenario.name), PutScenario(dataclasses.replace(scenario, name=new_name))],
        )
        if not self.session.push(command):
            return None
        self.session.set_scenario(new_name)
        return new_name

    def duplicate_scenario(self, new_name: str | None = None) -> str | None:
        scenario = self.current_scenario()
        if scenario is None:
            return None
        new_name = new_name or unique_scenario_name(self.doc, f"{scenario.name} (copy)")
        if not self._free(new_name):
            return None
        copy = dataclasses.replace(scenario, name=new_name)
        if not self.session.push(PutScenario(copy, text=f"Duplicate scenario {scenario.name}")):
            return None
        self.session.set_scenario(new_name)
        return new_name

    def delete_scenario(self) -> bool:
        scenario = self.current_scenario()
        if scenario is None:
            return False
        if not self.session.push(DeleteScenario(scenario.name)):
            return False
        self.session.set_scenario(None)
        return True

    # ----- changes ------------------------------------------------------------------------

    def ask_change(self, kind: str) -> Change | None:
        dialog = ChangeDialog(self.doc, kind, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        change = dialog.change()
        if change is not None:
            self.add_change(change)
        return change

    def add_change(self, change: Change) -> str | None:
        """Add ``change`` to the active scenario (or a new one named after it)."""
        return add_change_to_scenario(self.session, change)

    def remove_changes(self, rows: list[int]) -> bool:
        scenario = self.current_scenario()
        if scenario is None or not rows:
            return False
        drop = set(rows)
        kept = tuple(c for i, c in enumerate(scenario.changes) if i not in drop)
        text = (
            f"Remove '{describe_change(self.doc, scenario.changes[rows[0]])}' from {scenario.name}"
            if len(drop) == 1
            else f"Remove {len(drop)} changes from {scenario.name}"
        )
        return self.session.push(PutScenario(dataclasses.replace(scenario, changes=kept), text=text))

    def remove_selected_changes(self) -> bool:
        rows = sorted(self.change_list.row(i) for i in self.change_list.selectedItems())
        return self.remove_changes(rows)

    # ----- session events -----------------------------------------------------------------

    def _on_document_changed(self, kind: str, _key) -> None:
        if kind in ("settings", "positions"):
            return
        if kind == "scenarios":
            self._refresh_scenarios()  # cheap, and what the user just edited
        else:
            self._refresh_timer.start()  # pickers: once after a burst of edits
        self._schedule_comparison()
        self._impact_dirty = True
        self._schedule_impact()

    def _on_view_changed(self) -> None:
        self._schedule_comparison()
        self._impact_dirty = True
        self._schedule_impact()

    def _on_scenario_changed(self) -> None:
        self._sync_scenario()
        self._schedule_comparison()

    def _on_tab(self, index: int) -> None:
        if index == 1 and self._impact_dirty:
            self._schedule_impact()

    def _on_measure_changed(self) -> None:
        self.impact_bloc.setEnabled(self.impact_measure.currentData() == "bloc_share")
        self._schedule_impact()

    # ----- comparison ---------------------------------------------------------------------

    def _comparison_job(self) -> tuple[Scenario, ViewFilter, Callable[[], ComparisonResult]] | None:
        scenario = self.current_scenario()
        if scenario is None:
            return None
        doc, view = self.doc, self.session.view_filter  # immutable snapshot and view

        def job() -> ComparisonResult:
            return ComparisonResult(scenario, view, compare(doc, scenario, view))

        return scenario, view, job

    def _schedule_comparison(self) -> None:
        self._runner.invalidate("comparison")  # anything running now is already stale
        self.busy.setVisible(True)
        self._comparison_timer.start()

    def _request_comparison(self) -> None:
        self._comparison_timer.stop()
        spec = self._comparison_job()
        if spec is None:
            self._runner.invalidate("comparison")
            self._set_result(None)
            return
        self.busy.setVisible(True)
        self.status.setText(f"Computing “{spec[0].name}” against the baseline…")
        self._runner.submit("comparison", spec[2])

    def compute_now(self) -> Comparison | None:
        """Compute and show the comparison synchronously; returns it (None: no scenario)."""
        self._comparison_timer.stop()
        if self._refresh_timer.isActive():
            self._refresh_timer.stop()
            self._refresh_pickers()
        self._runner.invalidate("comparison")
        spec = self._comparison_job()
        result = spec[2]() if spec is not None else None
        self._set_result(result)
        return result.comparison if result else None

    def wait_idle(self, msecs: int = 10000) -> bool:
        """Wait for the worker pool to finish its jobs (results arrive as queued events)."""
        return self._runner.wait(msecs)

    @property
    def comparison(self) -> Comparison | None:
        return self._result.comparison if self._result else None

    def _on_job_finished(self, kind: str, result) -> None:
        if kind == "comparison":
            self._set_result(result)
        else:
            self._set_impact(result)

    def _on_job_failed(self, kind: str, message: str) -> None:
        first = message.splitlines()[0]
        if kind == "comparison":
            self.busy.setVisible(False)
            self.status.setText(f"<span style='color:#c0392b'>Could not compare: {first}</span>")
        else:
            self.impact_busy.setVisible(False)
            self.impact_status.setText(f"<span style='color:#c0392b'>Failed: {first}</span>")
        self.computeFailed.emit(message)

    def _set_result(self, result: ComparisonResult | None) -> None:
        self._result = result
        self.busy.setVisible(False)
        self._show_result()
        self.comparisonReady.emit(result.comparison if result else None)

    def _show_result(self) -> None:
        result = self._result
        self.figures_table.setRowCount(0)
        self.brokers_table.setRowCount(0)
        if result is None:
            self.status.setText(
                "Select or create a scenario to compare it with the baseline. Figures follow "
                "the filtered view (regions, date, kinds)."
            )
            self.chart.set_groups([], empty_text="No scenario selected")
            self.isolated_label.setText("")
            _fit_table(self.figures_table)
            _fit_table(self.brokers_table)
            return
        c = result.comparison
        view = result.view
        regions = self.doc.regions
        where = (
            ", ".join(sorted((regions[r].name if r in regions else r for r in view.regions),
                             key=str.casefold))
            if view.regions else "all regions"
        )
        when = view.as_of or "today"
        self.status.setText(
            f"<b>{result.scenario.name}</b> vs. baseline — as of {when}, {where}; "
            f"{len(c.baseline.data.actors)} → {len(c.scenario.data.actors)} actors in view."
        )
        self._show_chart(result)
        self._default_pair(c)
        self._show_figures(c)
        self._show_brokers(c)
        self._show_isolated(c)

    def _show_chart(self, result: ComparisonResult) -> None:
        c = result.comparison
        names = {b.id: b.name for b in (*c.baseline.user_blocs.blocs, *c.scenario.user_blocs.blocs)}
        groups = [
            BarGroup(key, names.get(key, key), row["baseline"], row["scenario"])
            for key, row in c.bloc_shares.items()
        ]
        if groups:
            groups.append(
                BarGroup(
                    "unaligned", "Unaligned",
                    c.baseline.user_blocs.unaligned_share, c.scenario.user_blocs.unaligned_share,
                )
            )
        label = result.scenario.name
        self.chart.set_groups(groups, label if len(label) <= 28 else label[:27] + "…")

    def _on_pair_chosen(self) -> None:
        self._pair_chosen = True

    def _default_pair(self, c: Comparison) -> None:
        """Until the user picks, compare the two strongest blocs of the baseline."""
        if self._pair_chosen:
            return
        strongest = sorted(c.baseline.user_blocs.blocs, key=lambda b: (-b.share, b.id))[:2]
        for combo, bloc in zip((self.bloc_a, self.bloc_b), strongest, strict=False):
            index = combo.findData(bloc.id)
            if index >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)

    def ratio_figure(self, c: Comparison) -> tuple[str, float | None, float | None]:
        """(label, baseline, scenario) of the balance ratio of the two chosen blocs."""
        a, b = self.bloc_a.currentData(), self.bloc_b.currentData()
        if a is None or b is None:
            return "Balance ratio", None, None

        def ratio(blocset):
            ids = {x.id for x in blocset.blocs}
            return blocset.ratio(a, b) if a in ids and b in ids else None

        return "Balance ratio (blocs above)", ratio(c.baseline.user_blocs), ratio(c.scenario.user_blocs)

    def _show_figures(self, c: Comparison) -> None:
        table = self.figures_table
        rows = []
        for key, label, style in FIGURE_ROWS:
            if key == "ratio":
                label, before, after = self.ratio_figure(c)
                delta = None if before is None or after is None else after - before
            else:
                fig = c.figures.get(key)
                if fig is None:
                    continue
                before, after, delta = fig["baseline"], fig["scenario"], fig["delta"]
            rows.append((key, label, style, before, after, delta))
        table.setRowCount(len(rows))
        for r, (key, label, style, before, after, delta) in enumerate(rows):
            name = _item(label, key)
            name.setToolTip(label)
            table.setItem(r, 0, name)
            table.setItem(r, 1, _item(format_value(before, style), before, True))
            table.setItem(r, 2, _item(format_value(after, style), after, True))
            table.setItem(r, 3, _delta_item(delta, format_delta(delta, style)))
        _fit_table(table)

    def _show_brokers(self, c: Comparison) -> None:
        table = self.brokers_table
        names = {**{k: a.name for k, a in c.scenario.data.actors.items()},
                 **{k: a.name for k, a in c.baseline.data.actors.items()}}
        table.setRowCount(len(c.brokers))
        for r, row in enumerate(c.brokers):
            actor = row["actor"]
            name = _item(names.get(actor, actor), actor)
            name.setToolTip(
                f"{actor}: betweenness {format_value(row['baseline'], 'float')} → "
                f"{format_value(row['scenario'], 'float')}"
            )
            table.setItem(r, 0, name)
            b, s, ch = row["baseline_rank"], row["scenario_rank"], row["rank_change"]
            table.setItem(r, 1, _item("–" if b is None else f"#{b}", b, True))
            table.setItem(r, 2, _item("–" if s is None else f"#{s}", s, True))
            if ch is None:
                text = "left view" if s is None else "new"
            elif ch == 0:
                text = "="
            else:
                text = f"{'▲' if ch > 0 else '▼'} {abs(ch)}"
            table.setItem(r, 3, _delta_item(ch, text))
        _fit_table(table)

    def _show_isolated(self, c: Comparison) -> None:
        names = {k: a.name for k, a in c.baseline.data.actors.items()}

        def listing(ids) -> str:
            return ", ".join(names.get(a, a) for a in ids) or "none"

        parts = [f"<b>Newly isolated:</b> {listing(c.newly_isolated)}"]
        if c.removed_actors:
            parts.append(f"<b>Removed from view:</b> {listing(c.removed_actors)}")
        if c.new_components:
            groups = "; ".join("{" + listing(g) + "}" for g in c.new_components)
            parts.append(f"<b>Split off:</b> {groups}")
        self.isolated_label.setText("<br>".join(parts))

    def figures(self) -> dict[str, tuple]:
        """(baseline, scenario, delta) per figure key as shown in the table (for tests)."""
        out = {}
        t = self.figures_table
        for r in range(t.rowCount()):
            role = Qt.ItemDataRole.UserRole
            out[t.item(r, 0).data(role)] = tuple(t.item(r, c).data(role) for c in (1, 2, 3))
        return out

    def broker_rows(self) -> list[tuple]:
        """(actor, baseline rank, scenario rank, change) per row as shown (for tests)."""
        t, role = self.brokers_table, Qt.ItemDataRole.UserRole
        return [tuple(t.item(r, c).data(role) for c in range(4)) for r in range(t.rowCount())]

    # ----- removal impact -----------------------------------------------------------------

    def _impact_job(self) -> Callable[[], ImpactResult] | None:
        alliance = combo_id(self.impact_alliance)
        if alliance is None or alliance not in self.doc.alliances:
            return None
        measure = self.impact_measure.currentData()
        bloc = self.impact_bloc.currentData() if measure == "bloc_share" else None
        if measure == "bloc_share" and bloc is None:
            return None
        doc, view = self.doc, self.session.view_filter

        def job() -> ImpactResult:
            rows = removal_impact(doc, view, alliance, measure, bloc=bloc)
            return ImpactResult(alliance, measure, bloc, rows,
                                {k: a.name for k, a in doc.actors.items()})

        return job

    def _schedule_impact(self) -> None:
        if self._syncing:
            return
        self._impact_dirty = True
        if self.tabs.currentIndex() != 1:
            return  # computed when the tab is shown
        self._runner.invalidate("impact")
        self.impact_busy.setVisible(True)
        self._impact_timer.start()

    def _request_impact(self) -> None:
        self._impact_timer.stop()
        job = self._impact_job()
        if job is None:
            self._runner.invalidate("impact")
            self._set_impact(None)
            return
        self.impact_status.setText("Computing…")
        self._runner.submit("impact", job)

    def compute_impact_now(self) -> list[tuple[str, float | None]] | None:
        self._impact_timer.stop()
        self._runner.invalidate("impact")
        job = self._impact_job()
        result = job() if job is not None else None
        self._set_impact(result)
        return result.rows if result else None

    def _set_impact(self, result: ImpactResult | None) -> None:
        self._impact = result
        self._impact_dirty = False
        self.impact_busy.setVisible(False)
        table = self.impact_table
        table.setRowCount(0)
        if result is None:
            self.impact_status.setText("Choose an alliance (and a bloc for bloc share).")
            _fit_table(table)
            self.impactReady.emit(None)
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
        for r, (actor, delta) in enumerate(result.rows):
            table.setItem(r, 0, _item(result.names.get(actor, actor), actor))
            table.setItem(r, 1, _delta_item(delta, format_delta(delta, style)))
            table.setItem(r, 2, _item(f"{r + 1}", r + 1, True))
        _fit_table(table)
        self.impactReady.emit(result.rows)

    def impact_rows(self) -> list[tuple[str, float | None]]:
        t, role = self.impact_table, Qt.ItemDataRole.UserRole
        return [(t.item(r, 0).data(role), t.item(r, 1).data(role)) for r in range(t.rowCount())]

    def _add_impact_departure(self) -> None:
        if self._impact is None:
            return
        rows = self.impact_table.selectionModel().selectedRows()
        for index in rows:
            actor = self.impact_table.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
            self.add_change(Change("remove_membership", actor=actor, alliance=self._impact.alliance))
