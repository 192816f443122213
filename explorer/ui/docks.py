"""The dock panels around the canvas, built for one session."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

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
        ("race", "Shares over time", "explorer.ui.race.race_dock:RacePanel", right),
    ]


def build_docks(window: QMainWindow, session: ProjectSession,
                check: Callable[[], None] = lambda: None) -> dict[str, QDockWidget]:
    """Every panel of ``session``; ``check()`` after each may raise to stop (an opening's
    Cancel), and then the panels built so far are deleted."""
    import importlib

    docks: dict[str, QDockWidget] = {}
    try:
        for name, title, target, _area in _panels():
            module_name, class_name = target.split(":")
            module = importlib.import_module(module_name)
            panel = getattr(module, class_name)
            widget = (panel(session, window, check=check) if getattr(panel, "HEARS_CANCEL", False)
                      else panel(session, window))
            dock = QDockWidget(title, window)
            dock.setObjectName(f"dock_{name}")
            dock.setWidget(widget)
            _explain_title_buttons(dock)
            docks[name] = dock
            check()
    except BaseException:
        for dock in docks.values():
            dock.setParent(None)
            dock.deleteLater()
        raise
    default_layout(window, docks)
    return docks


def _explain_title_buttons(dock: QDockWidget) -> None:
    from PySide6.QtWidgets import QAbstractButton

    tips = {"qt_dockwidget_floatbutton": "Float this panel in its own window (double-click "
                                         "its title to dock it again)",
            "qt_dockwidget_closebutton": "Close this panel (View \u25b8 Panels brings it "
                                         "back)"}
    for button in dock.findChildren(QAbstractButton):
        if button.objectName() in tips:
            button.setToolTip(tips[button.objectName()])


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
        if "race" in docks:
            window.tabifyDockWidget(docks["whatif"], docks["race"])
        docks["whatif"].raise_()
    sides = [docks[n] for n in ("filters", "whatif") if n in docks]
    window.resizeDocks(sides, [335, 430][: len(sides)], Qt.Orientation.Horizontal)
    if "table" in docks:
        window.resizeDocks([docks["table"]], [190], Qt.Orientation.Vertical)


def focus_panel(widget: QWidget) -> QWidget | None:
    """Give the keyboard to the first control of ``widget`` that takes Tab focus."""
    for child in [widget, *widget.findChildren(QWidget)]:
        if (child.isVisibleTo(widget.window()) and child.isEnabled()
                and child.focusPolicy() & Qt.FocusPolicy.TabFocus):
            child.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return child
    return None


def go_to_actions(window: QMainWindow, docks: dict[str, QDockWidget], canvas: QWidget
                  ) -> list[QAction]:
    """Window ▸ Go To: Alt+0 the canvas, Alt+1… each panel, shown, raised and focused."""
    actions = []

    def make(text: str, key: str, target) -> None:
        action = QAction(text, window)
        action.setShortcut(QKeySequence(key))
        action.setStatusTip(f"Move the keyboard to the {text.replace('&', '').lower()}")
        action.triggered.connect(target)
        actions.append(action)

    make("&Graph canvas", "Alt+0",
         lambda: canvas.view.setFocus(Qt.FocusReason.ShortcutFocusReason))
    for number, dock in enumerate(docks.values(), start=1):
        def show(_checked=False, d=dock) -> None:
            d.show()
            d.raise_()
            focus_panel(d.widget())

        make(dock.windowTitle(), f"Alt+{number}", show)
    return actions
