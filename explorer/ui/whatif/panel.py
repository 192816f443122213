"""The What-if dock: scenarios, their changes, and the baseline-vs-scenario comparison.

Scenarios live in the project and are edited only through ``PutScenario`` /
``DeleteScenario`` commands, so creating, renaming, duplicating, deleting and changing
a scenario are all undoable. Which scenario is active and how it is shown (baseline,
scenario, both) is view state kept by the session.

The comparison (:func:`explorer.analysis.compare`) and the removal impact
(:func:`explorer.analysis.removal_impact`) run on a worker thread over the document
snapshot the project hands out (rebuilt after each change, never mutated), with the
session's current view filter. Stale answers are dropped (see
:mod:`explorer.ui.jobs`). ``compute_now`` / ``compute_impact_now`` do the same
work synchronously for tests and export.

The two result tabs are :class:`~explorer.ui.whatif.comparison.ComparisonView` and
:class:`~explorer.ui.whatif.impact_view.ImpactView`; the scenario helpers shared with the
canvas context menu live in :mod:`explorer.ui.whatif.scenarios` and are re-exported here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.model.entities import Document, Scenario
from explorer.ui.jobs import JobRunner
from explorer.ui.session import ProjectSession
from explorer.ui.whatif.comparison import (  # noqa: F401 - re-exported, public names of this module
    DELTA_TIP,
    FIGURE_ROWS,
    ComparisonResult,
    ComparisonView,
    format_delta,
    format_value,
)
from explorer.ui.whatif.comparison_jobs import (  # noqa: F401 - re-exported
    LARGE_ACTORS,
    REST_MS,
    REST_MS_LARGE,
    ComparisonJobs,
)
from explorer.ui.whatif.dialogs import CHANGE_ACTIONS, bloc_items
from explorer.ui.whatif.impact_view import (  # noqa: F401 - re-exported, public names of this module
    MEASURE_LABELS,
    ImpactResult,
    ImpactView,
)
from explorer.ui.whatif.scenario_actions import ScenarioActions
from explorer.ui.whatif.scenarios import (  # noqa: F401 - re-exported, public names of this module
    add_change_to_scenario,
    describe_change,
    unique_scenario_name,
    whatif_menu_actions,
)

#: Project setting: the scenario the current one is compared with (absent: the baseline).
REFERENCE_SETTING = "whatif.reference"



def _forward(view: str, name: str) -> property:
    """A read-only property for the attribute ``name`` of the sub-view ``view``."""
    return property(lambda self: getattr(getattr(self, view), name), doc=f"``{view}.{name}``")


# ----- the panel ---------------------------------------------------------------------------


class WhatIfPanel(ComparisonJobs, ScenarioActions, QWidget):
    """Scenario list, change list, comparison and removal impact for one session."""

    #: a comparison is shown (the :class:`~explorer.analysis.whatif.Comparison`, or None
    #: when no scenario is active).
    comparisonReady = Signal(object)
    #: a removal-impact table is shown (list of (actor, delta)).
    impactReady = Signal(object)
    #: a job failed; the message is also shown in the panel.
    computeFailed = Signal(str)

    # the widgets of the two result tabs, reachable from the panel as before
    busy = _forward("comparison_view", "busy")
    status = _forward("comparison_view", "status")
    chart = _forward("comparison_view", "chart")
    bloc_a = _forward("comparison_view", "bloc_a")
    bloc_b = _forward("comparison_view", "bloc_b")
    figures_table = _forward("comparison_view", "figures_table")
    brokers_table = _forward("comparison_view", "brokers_table")
    isolated_label = _forward("comparison_view", "isolated_label")
    impact_alliance = _forward("impact_view", "impact_alliance")
    impact_measure = _forward("impact_view", "impact_measure")
    impact_bloc = _forward("impact_view", "impact_bloc")
    impact_busy = _forward("impact_view", "impact_busy")
    impact_status = _forward("impact_view", "impact_status")
    impact_table = _forward("impact_view", "impact_table")
    btn_impact_add = _forward("impact_view", "btn_impact_add")

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._syncing = False
        self._reference: str | None = None
        self._impact_dirty = True
        self._runner = JobRunner(self)
        self._runner.finished.connect(self._on_job_finished)
        self._runner.error.connect(self._on_job_failed)
        self._comparison_timer = self._single_shot(REST_MS, self._request_comparison)
        self._impact_timer = self._single_shot(REST_MS, self._request_impact)
        self._refresh_timer = self._single_shot(0, self._refresh_pickers)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._build_scenarios())
        layout.addWidget(self._build_changes())
        self.tabs = QTabWidget()
        self.comparison_view = ComparisonView(session)
        self.impact_view = ImpactView(session)
        self.impact_view.inputsChanged.connect(self._schedule_impact)
        self.impact_view.changeRequested.connect(self.add_change)
        self.tabs.addTab(self._scrolled(self.comparison_view), "Comparison")
        self.tabs.addTab(self._scrolled(self.impact_view), "Removal impact")
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
        for b, tip in ((self.btn_new, "A new, empty scenario"),
                       (self.btn_rename, "Rename the selected scenario"),
                       (self.btn_duplicate, "Copy the selected scenario, to vary it"),
                       (self.btn_delete, "Delete the selected scenario (Undo brings it back)")):
            b.setToolTip(tip)
            row.addWidget(b)
        v.addLayout(row)
        mode_row = QHBoxLayout()
        mode_row.addWidget(QLabel("Show on the canvas:"))
        self.mode_combo = QComboBox()
        for mode, text in (
            ("baseline", "Baseline"),
            ("scenario", "Scenario"),
            ("both", "Both (scenario over baseline)"),
            ("split", "Side by side (baseline | scenario)"),
        ):
            self.mode_combo.addItem(text, mode)
        self.mode_combo.setToolTip(
            "How the canvas shows the scenario: the baseline, the scenario, both overlaid "
            "(removals ghosted), or side by side")
        self.mode_combo.activated.connect(self._on_mode_picked)
        mode_row.addWidget(self.mode_combo, 1)
        v.addLayout(mode_row)
        ref_row = QHBoxLayout()
        ref_row.addWidget(QLabel("Compare with:"))
        self.reference_combo = QComboBox()
        self.reference_combo.setObjectName("compare_with")
        self.reference_combo.setToolTip(
            "What the scenario is compared with: the baseline, or another scenario "
            "(then every figure reads that scenario \u2192 this one)")
        self.reference_combo.activated.connect(self._on_reference_picked)
        ref_row.addWidget(self.reference_combo, 1)
        v.addLayout(ref_row)
        return box

    def reference_name(self) -> str | None:
        """The scenario the current one is compared with (None: the baseline)."""
        name = self._reference  # read from the project when the widgets sync
        if name in self.doc.scenarios and name != self.session.scenario_name:
            return name
        return None

    def set_reference(self, name: str | None) -> None:
        """Compare with scenario ``name`` (None: the baseline); kept with the project."""
        if name != self.session.project.setting(REFERENCE_SETTING):
            self.session.project.set_setting(REFERENCE_SETTING, name)
        self._reference = name
        self._sync_reference()
        self._schedule_comparison()

    def _on_reference_picked(self, index: int) -> None:
        if not self._syncing:
            self.set_reference(self.reference_combo.itemData(index))

    def _sync_reference(self) -> None:
        self._reference = self.session.project.setting(REFERENCE_SETTING)
        current, wanted = self.session.scenario_name, self.reference_name()
        combo = self.reference_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Baseline", None)
        for name in sorted(self.doc.scenarios, key=str.casefold):
            if name != current:
                combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(wanted)) if wanted else 0)
        combo.setEnabled(current is not None)
        combo.blockSignals(False)

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
        self.btn_add_change.setToolTip("Add a change to the scenario: remove an actor, a "
                                       "membership, dissolve an alliance, move to a bloc")
        self.btn_add_change.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.btn_add_change)
        self.change_actions: dict[str, QAction] = {}
        for kind, text, _ in CHANGE_ACTIONS:
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, k=kind: self.ask_change(k))
            self.change_actions[kind] = action
        self.btn_add_change.setMenu(menu)
        self.btn_remove_change = QPushButton("Remove selected")
        self.btn_remove_change.setToolTip("Remove the selected changes from the scenario")
        self.btn_remove_change.clicked.connect(self.remove_selected_changes)
        row.addWidget(self.btn_add_change)
        row.addWidget(self.btn_remove_change)
        row.addStretch(1)
        v.addLayout(row)
        return box

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
            self.comparison_view.refresh_blocs(blocs)
            self.impact_view.refresh_pickers(doc, blocs)
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
            self._sync_reference()
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

