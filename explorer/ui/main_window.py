"""The main window: canvas in the centre, docks around it, standard menus.

Opening another project replaces the session; the canvas and docks are rebuilt for it,
so no widget ever holds on to a closed project.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from explorer import recovery_files
from explorer.analysis.capability import DEFAULT_WEIGHTS
from explorer.scene.caption import vintage_text
from explorer.ui.session import ProjectSession
from explorer.ui.view_mode_menus import ViewModeMenus
from explorer.ui.window_projects import WindowProjects


class MainWindow(WindowProjects, ViewModeMenus, QMainWindow):
    """The application window; ``session`` is None only before the first project opens."""

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.session: ProjectSession | None = None
        self.canvas = None
        self._docks: dict[str, QDockWidget] = {}
        self._edit_actions = None
        self.setMinimumSize(900, 600)
        self.resize(1500, 950)
        self._status = QLabel()
        self.statusBar().addPermanentWidget(self._status)
        self._layout_state = QLabel()
        self.statusBar().addPermanentWidget(self._layout_state)
        self.setCentralWidget(QWidget())
        self._build_actions()
        self._build_menus()
        self._update_title()
        self._update_undo_actions()

    # ----- actions and menus ----------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            # every platform binding (Redo is Ctrl+Y and Ctrl+Shift+Z on Linux)
            action.setShortcuts(QKeySequence.keyBindings(shortcut))
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.act_new = self._action("&New Empty Project", lambda: self.new_project(False), key.New)
        self.act_new_default = self._action(
            "New from &Default Dataset", lambda: self.new_project(True),
            tip="A fresh project built from the bundled, sourced dataset",
        )
        self.act_open = self._action("&Open…", self.open_dialog, key.Open)
        self.act_save_as = self._action("Save &As…", self.save_as_dialog, key.SaveAs)
        self.act_save_copy = self._action("Save a &Copy…", self.save_copy_dialog)
        self.act_import = self._action("&Import Graph…", self.import_dialog)
        self.act_export_graph = self._action("Export &Graph…", self.export_graph_dialog)
        self.act_export_image = self._action(
            "Export &Image…", self.export_image_dialog, "Ctrl+E"
        )
        self.act_export_briefing = self._action(
            "Export &Briefing…", self.export_briefing_dialog, "Ctrl+Shift+B",
            tip="The comparison on show (or the view) as a PDF or HTML briefing: summary, "
            "pictures, tables, measures and sources",
        )
        self.act_export_animation = self._action(
            "Export &Animation…", self.export_animation_dialog,
            tip="History in motion: one frame per year (or month) as a GIF or MP4, network, "
            "shares or both",
        )
        self.act_close = self._action("&Close Project", self.close_project, key.Close)
        self.act_quit = self._action("&Quit", self.close, key.Quit)
        self.act_undo = self._action("&Undo", self._undo, key.Undo)
        self.act_redo = self._action("&Redo", self._redo, key.Redo)
        self.act_find = self._action("&Find…", self.find_dialog, key.Find)
        self.act_fit = self._action("&Fit to View", self._fit, "Ctrl+0")
        self.act_layout = self._action("&Run Layout", self._toggle_layout, "Ctrl+L")
        self.act_layout.setCheckable(True)
        self.act_about = self._action("&About", self._about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.act_new, self.act_new_default, self.act_open):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        for action in (self.act_save_as, self.act_save_copy):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.act_import, self.act_export_graph, self.act_export_image,
                       self.act_export_briefing, self.act_export_animation):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.act_close)
        file_menu.addAction(self.act_quit)
        self.edit_menu = bar.addMenu("&Edit")
        for action in (self.act_undo, self.act_redo):
            self.edit_menu.addAction(action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.act_find)
        self.view_menu = bar.addMenu("&View")
        self.view_menu.addAction(self.act_fit)
        self.view_menu.addAction(self.act_layout)
        self._build_view_mode_menus()
        self.view_menu.addSeparator()
        self.act_weights = self._action("Capability Index &Weights…", self.edit_weights)
        self.view_menu.addAction(self.act_weights)
        self.docks_menu = self.view_menu.addMenu("&Panels")
        self.window_menu = bar.addMenu("&Window")
        self.act_reset_layout = self._action("&Reset Layout", self.reset_layout)
        self.window_menu.addAction(self.act_reset_layout)
        self.go_menu = self.window_menu.addMenu("&Go To")
        help_menu = bar.addMenu("&Help")
        self.act_glossary = self._action("&Glossary", self.show_glossary)
        help_menu.addAction(self.act_glossary)
        help_menu.addAction(self.act_about)
        self.toolbar = self.addToolBar("Main")
        self.toolbar.setObjectName("main_toolbar")
        for action in (self.act_open, self.act_undo, self.act_redo, self.act_fit,
                       self.act_layout, self.act_export_image):
            self.toolbar.addAction(action)

    # ----- sessions -------------------------------------------------------------------

    def import_dialog(self) -> None:
        from explorer.ui.export.file_transfer import import_graph_dialog

        import_graph_dialog(self)

    def export_graph_dialog(self) -> None:
        from explorer.ui.export.file_transfer import export_graph_dialog

        export_graph_dialog(self)

    def export_image_dialog(self) -> None:
        from explorer.ui.export.image_export import export_image_dialog

        export_image_dialog(self)

    def export_briefing_dialog(self) -> None:
        from explorer.ui.export.briefing_dialog import export_briefing_dialog

        export_briefing_dialog(self)

    def export_animation_dialog(self) -> None:
        from explorer.ui.export.animation_dialog import export_animation_dialog

        export_animation_dialog(self)

    def find_dialog(self) -> None:
        from explorer.ui.find import find_node

        find_node(self)

    # ----- recent files ---------------------------------------------------------------

    MIN_CANVAS_WIDTH = 320
    MIN_CANVAS_SHARE = 0.3

    def _save_window_state(self) -> None:
        self._live_state = self.saveState()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self._live_state)

    def _restore_window_state(self) -> None:
        """Panels as the user left them: the live layout when another project is opened,
        the saved one at start; a layout that would squeeze the canvas is discarded."""
        live = getattr(self, "_live_state", None)
        if live is None:
            geometry = self.settings.value("window/geometry")
            if isinstance(geometry, QByteArray):
                self.restoreGeometry(geometry)
        state = live if live is not None else self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        QTimer.singleShot(0, self._ensure_canvas_room)

    def canvas_too_narrow(self) -> bool:
        """Whether the panels leave the canvas less room than a graph needs."""
        if self.canvas is None or not self.isVisible():
            return False
        room = max(self.MIN_CANVAS_WIDTH, self.MIN_CANVAS_SHARE * self.width())
        # the central area, which side by side holds the baseline and the canvas
        return self.centralWidget().width() < min(room, 0.9 * self.width())

    def _ensure_canvas_room(self) -> None:
        if self.canvas_too_narrow():
            self.reset_layout()
            self.statusBar().showMessage(
                "The saved panel layout left the graph too little room; panels were reset.",
                8000,
            )

    def reset_layout(self) -> None:
        """Window ▸ Reset Layout: every panel docked in its place, the canvas widest."""
        from explorer.ui.docks import default_layout

        default_layout(self, self._docks)
        self._save_window_state()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._settle_untitled():
            event.ignore()
            return
        self._teardown()
        event.accept()

    # ----- small slots ----------------------------------------------------------------

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle("Strategic Balance Explorer")
            return
        path = self.session.project.path
        where = "unsaved" if recovery_files.is_untitled(path) else path.name
        read_only = " (read-only)" if self.session.project.read_only else ""
        self.setWindowTitle(f"{self.session.project.title} — {where}{read_only}")
        counts = self.session.project.counts()
        vintage = vintage_text(self.session.project.document())
        self._status.setText(
            f"{counts['actors']} actors · {counts['alliances']} alliances · "
            f"{counts['memberships']} memberships · {counts['ties']} ties"
            + (f" · {vintage}" if vintage else "")
        )

    def _update_undo_actions(self) -> None:
        stack = self.session.stack if self.session is not None else None
        can_undo = stack is not None and stack.can_undo
        can_redo = stack is not None and stack.can_redo
        self.act_undo.setEnabled(can_undo)
        self.act_redo.setEnabled(can_redo)
        self.act_undo.setText(f"&Undo {stack.undo_text}" if can_undo else "&Undo")
        self.act_redo.setText(f"&Redo {stack.redo_text}" if can_redo else "&Redo")
        # the toolbar stays short; the menu and the tool tip name the step
        self.act_undo.setIconText("Undo")
        self.act_redo.setIconText("Redo")
        self.act_undo.setToolTip(self.act_undo.text().replace("&", ""))
        self.act_redo.setToolTip(self.act_redo.text().replace("&", ""))
        for action in (self.act_save_as, self.act_save_copy, self.act_export_graph,
                       self.act_export_image, self.act_export_briefing,
                       self.act_export_animation, self.act_close,
                       self.act_find, self.act_fit, self.act_layout, *self._layout_actions.values()):
            action.setEnabled(self.session is not None)
        if self.canvas is not None and self.canvas.layout_kind == "map":
            self.act_layout.setEnabled(False)

    def _undo(self) -> None:
        if self.session:
            self.session.undo()

    def _redo(self) -> None:
        if self.session:
            self.session.redo()

    def _fit(self) -> None:
        if self.canvas is not None:
            self.canvas.fit_to_view()

    def _toggle_layout(self, checked: bool) -> None:
        if self.canvas is None:
            return
        if checked:
            self.canvas.start_layout()
        else:
            self.canvas.pause_layout()

    def _on_layout_state(self, state: str) -> None:
        self._layout_state.setText(f"Layout: {state}")
        self.act_layout.blockSignals(True)
        self.act_layout.setChecked(state == "running")
        self.act_layout.blockSignals(False)

    def _raise_inspector(self, nodes: list) -> None:
        if nodes:
            self._show_inspector()

    def _show_whatif(self) -> None:
        dock = self._docks.get("whatif")
        if dock is not None and self.session is not None and self.session.scenario_name:
            dock.raise_()

    def _show_inspector(self) -> None:
        dock = self._docks.get("inspector")
        if dock is not None:
            dock.raise_()

    def _show_rejection(self, message: str) -> None:
        self.statusBar().showMessage(f"Not changed: {message}", 8000)

    def show_glossary(self) -> None:
        """Help ▸ Glossary."""
        from explorer.ui.glossary_dialog import GlossaryDialog

        GlossaryDialog(self).exec()

    def edit_weights(self) -> None:
        """View ▸ Capability Index Weights: saved with the project, used everywhere."""
        if self.session is None:
            return
        from explorer.ui.weights_dialog import WeightsDialog

        dialog = WeightsDialog(self.session.weights, self)
        if dialog.exec():
            chosen = dialog.weights()
            self.session.set_weights(None if chosen == DEFAULT_WEIGHTS else chosen)

    def _about(self) -> None:
        from explorer import __version__

        QMessageBox.about(
            self,
            "About Strategic Balance Explorer",
            f"<b>Strategic Balance Explorer</b> {__version__}<br>"
            "The world's military and strategic alliances as a live, editable network, "
            "with what-if comparisons.<br>Data sources: the Sources of each project "
            "(bundled dataset: data/SOURCES.md).",
        )


