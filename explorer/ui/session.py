"""The Qt face of an open project: its command stack, selection and view, as signals.

Widgets never write to the project: they push commands through ``push``. The session
turns the store's change events into Qt signals so every view redraws from the model.
"""

from __future__ import annotations

import contextlib
import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from explorer.analysis.view import ViewFilter
from explorer.commands import Command, CommandStack
from explorer.model.errors import ValidationError
from explorer.scene.view_state import MODES, ViewState
from explorer.store import ChangeEvent, Project, WriteRefused

#: How often the window asks SQLite whether another program changed the file.
OUTSIDE_CHANGE_POLL_MS = 1500
#: how long the view's filters rest before they are saved in the project
VIEW_SAVE_DELAY_MS = 400


class ProjectSession(QObject):
    """One open project, shared by the window's canvas, docks and menus."""

    #: (table, key) after a committed change of the document; key may be None.
    documentChanged = Signal(str, object)
    #: saved node positions or pins changed (drag, pin, undo of either).
    positionsChanged = Signal()
    #: the undo history changed: texts and enabled states of Undo/Redo.
    historyChanged = Signal()
    #: node keys (``actor:TUR``, ``alliance:nato``) now selected.
    selectionChanged = Signal(list)
    #: a node the user asked to centre on (Find).
    focusRequested = Signal(str)
    #: an edit was refused; the message says why.
    editRejected = Signal(str)
    #: the project was saved under a new path or renamed.
    pathChanged = Signal(str)
    #: the filters (regions, date, kinds ...) changed; views redraw, nothing is edited.
    viewChanged = Signal()
    #: the What-if dock finished a comparison (a Comparison, or None when there is none):
    #: the canvas marks the actors it singles out.
    comparisonReady = Signal(object)
    #: the active what-if scenario (name or None) or the display mode changed.
    scenarioChanged = Signal()

    #: display modes of a what-if: the baseline, the scenario, or both overlaid.
    MODES = MODES

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        #: True once the project is closed: late timers of the panels must not read it
        self.closed = False
        self.stack = CommandStack(project)
        self._selection: list[str] = []
        saved = ViewState.load(project)
        self._view = saved.filter
        self._scenario: str | None = saved.scenario
        self._mode: str = saved.mode
        self._weights: dict | None = saved.weights
        project.subscribe(self._on_change)
        self.stack.subscribe(self.historyChanged.emit)
        # another program writing the file (ignoring the lock, e.g. a script) is noticed
        # within a second or two, before the user's next edit
        self._watch = QTimer(self)
        self._watch.setInterval(OUTSIDE_CHANGE_POLL_MS)
        self._watch.timeout.connect(self._check_outside)
        self._watch.start()
        # the view's filters and scenario are saved once they rest: a dragged date or
        # playback changes them many times a second, and each save is a committed (synced)
        # transaction that would hold up the redraw the user waits for
        self._view_save = QTimer(self)
        self._view_save.setSingleShot(True)
        self._view_save.setInterval(VIEW_SAVE_DELAY_MS)
        self._view_save.timeout.connect(self.save_view_now)
        self._unsaved: set[str] = set()

    # ----- edits ----------------------------------------------------------------------

    def push(self, command: Command) -> bool:
        """Run ``command``; on a validation error nothing changes and editRejected fires."""
        try:
            self.stack.push(command)
        except ValidationError as exc:
            self.editRejected.emit(exc.message)
            return False
        except WriteRefused as exc:  # read-only, or changed outside: nothing was written
            self.editRejected.emit(str(exc))
            return False
        return True

    def undo(self) -> None:
        try:
            self.stack.undo()
        except WriteRefused as exc:
            self.editRejected.emit(str(exc))

    def redo(self) -> None:
        try:
            self.stack.redo()
        except WriteRefused as exc:
            self.editRejected.emit(str(exc))

    # ----- selection ------------------------------------------------------------------

    @property
    def selection(self) -> list[str]:
        return list(self._selection)

    def select(self, nodes: list[str]) -> None:
        if nodes != self._selection:
            self._selection = list(nodes)
            self.selectionChanged.emit(list(nodes))

    # ----- view state (saved in the project, never an edit of the document) -----------

    @property
    def view_filter(self) -> ViewFilter:
        return self._view

    def set_view_filter(self, view: ViewFilter) -> None:
        if view != self._view:
            self._view = view
            self._save_later("filter")
            self.viewChanged.emit()

    def _save_later(self, *names: str) -> None:
        self._unsaved.update(names)
        self._view_save.start()

    def save_view_now(self) -> None:
        """Save the view's filters and scenario if a save is pending (before a copy or
        closing)."""
        self._view_save.stop()
        if self._unsaved and not self.closed:
            names, self._unsaved = sorted(self._unsaved), set()
            state = ViewState(filter=self._view, scenario=self._scenario, mode=self._mode)
            state.save(self.project, *names)

    @property
    def weights(self) -> dict | None:
        """Capability-index weights chosen in the window (None: the defaults)."""
        return dict(self._weights) if self._weights else None

    def set_weights(self, weights: dict | None) -> None:
        """Use ``weights`` for every capability figure of the window (saved in the project)."""
        if weights != self._weights:
            self._weights = dict(weights) if weights else None
            ViewState(weights=self._weights).save(self.project, "weights")
            self.viewChanged.emit()

    @property
    def scenario_name(self) -> str | None:
        """The active scenario, if it still exists."""
        if self._scenario in self.project.document().scenarios:
            return self._scenario
        return None

    @property
    def mode(self) -> str:
        return self._mode if self.scenario_name else "baseline"

    def set_scenario(self, name: str | None, mode: str | None = None) -> None:
        mode = mode or self._mode
        if mode not in self.MODES:
            raise ValueError(f"Unknown display mode '{mode}'.")
        if (name, mode) != (self._scenario, self._mode):
            self._scenario, self._mode = name, mode
            self._save_later("scenario", "mode")
            self.scenarioChanged.emit()

    # ----- plumbing -------------------------------------------------------------------

    def _on_change(self, event: ChangeEvent) -> None:
        if event.kind == "positions":
            self.positionsChanged.emit()
        else:
            self.documentChanged.emit(event.kind, event.key)

    def _check_outside(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.project.check_outside_changes()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error, WriteRefused):
            self.save_view_now()
        self.closed = True
        self._watch.stop()
        self.project.unsubscribe(self._on_change)
        self.project.close()
