"""The dock panels around the canvas, built for one session."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from explorer.ui.session import ProjectSession


def _panels() -> list[tuple[str, str, str, Qt.DockWidgetArea]]:
    """(object name, title, "module:Class", area) of every panel, in menu order."""
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    right = Qt.DockWidgetArea.RightDockWidgetArea
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    return [
        ("filters", "Regions and filters", "explorer.ui.filters.panel:FiltersPanel", left),
        ("whatif", "What-if", "explorer.ui.whatif.panel:WhatIfPanel", right),
        ("inspector", "Inspector", "explorer.ui.inspector.dock:Inspector", right),
        ("table", "Data table", "explorer.ui.data.tables:DataTables", bottom),
    ]


def build_docks(window: QMainWindow, session: ProjectSession) -> dict[str, QDockWidget]:
    import importlib

    docks: dict[str, QDockWidget] = {}
    for name, title, target, _area in _panels():
        module_name, class_name = target.split(":")
        module = importlib.import_module(module_name)
        widget = getattr(module, class_name)(session, window)
        dock = QDockWidget(title, window)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        docks[name] = dock
    default_layout(window, docks)
    return docks


def default_layout(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """Put every panel back in its place with first-run proportions (the canvas gets
    most of the window): the start of a fresh window, and Window ▸ Reset Layout."""
    for name, _title, _target, area in _panels():
        dock = docks.get(name)
        if dock is None:
            continue
        dock.setFloating(False)
        window.addDockWidget(area, dock)
        dock.show()
    if "inspector" in docks and "whatif" in docks:
        window.tabifyDockWidget(docks["inspector"], docks["whatif"])
        docks["whatif"].raise_()
    sides = [docks[n] for n in ("filters", "whatif") if n in docks]
    window.resizeDocks(sides, [335, 430][: len(sides)], Qt.Orientation.Horizontal)
    if "table" in docks:
        window.resizeDocks([docks["table"]], [190], Qt.Orientation.Vertical)
