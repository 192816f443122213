"""The Qt face of an open project: its command stack, selection and view, as signals.

Widgets never write to the project: they push commands through ``push``. The session
turns the store's change events into Qt signals so every view redraws from the model.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from explorer.analysis.view import ViewFilter
from explorer.commands import Command, CommandStack
from explorer.model.errors import ValidationError
from explorer.store import ChangeEvent, Project


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
    #: the active what-if scenario (name or None) or the display mode changed.
    scenarioChanged = Signal()

    #: display modes of a what-if: the baseline, the scenario, or both overlaid.
    MODES = ("baseline", "scenario", "both")

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.stack = CommandStack(project)
        self._selection: list[str] = []
        self._view = view_filter_from_dict(project.setting("view.filter", {}))
        self._scenario: str | None = project.setting("view.scenario")
        self._mode: str = project.setting("view.mode", "both")
        project.subscribe(self._on_change)
        self.stack.subscribe(self.historyChanged.emit)

    # ----- edits ----------------------------------------------------------------------

    def push(self, command: Command) -> bool:
        """Run ``command``; on a validation error nothing changes and editRejected fires."""
        try:
            self.stack.push(command)
        except ValidationError as exc:
            self.editRejected.emit(exc.message)
            return False
        return True

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

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
            self.project.set_setting("view.filter", view.to_dict())
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
            self.project.set_setting("view.scenario", name)
            self.project.set_setting("view.mode", mode)
            self.scenarioChanged.emit()

    # ----- plumbing -------------------------------------------------------------------

    def _on_change(self, event: ChangeEvent) -> None:
        if event.kind == "positions":
            self.positionsChanged.emit()
        else:
            self.documentChanged.emit(event.kind, event.key)

    def close(self) -> None:
        self.project.unsubscribe(self._on_change)
        self.project.close()


def view_filter_from_dict(data: dict) -> ViewFilter:
    """Rebuild a saved ViewFilter; unknown or broken entries fall back to the defaults."""
    if not isinstance(data, dict):
        return ViewFilter()
    alliances = data.get("alliances")
    try:
        return ViewFilter(
            as_of=data.get("as_of") or None,
            regions=frozenset(data.get("regions") or ()),
            keep_partners=bool(data.get("keep_partners", False)),
            alliance_kinds=frozenset(data.get("alliance_kinds") or ()),
            alliances=None if alliances is None else frozenset(alliances),
            actor_kinds=frozenset(data.get("actor_kinds") or ()),
            min_capability=float(data.get("min_capability") or 0.0),
        )
    except (TypeError, ValueError):
        return ViewFilter()
