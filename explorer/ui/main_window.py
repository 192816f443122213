"""The main window: canvas in the centre, docks around it, standard menus.

Opening another project replaces the session; the canvas and docks are rebuilt for it,
so no widget ever holds on to a closed project.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from explorer import recovery_files
from explorer.analysis.capability import DEFAULT_WEIGHTS
from explorer.scene.caption import vintage_text
from explorer.scene.view_state import ViewState
from explorer.store import Project, ProjectFileError, ProjectLocked
from explorer.ui.docks import build_docks
from explorer.ui.editing.common import channel
from explorer.ui.session import ProjectSession
from explorer.ui.view_mode_menus import ViewModeMenus

PROJECT_FILTER = "Strategic Balance projects (*.sbx);;All files (*)"
MAX_RECENT = 8


class MainWindow(ViewModeMenus, QMainWindow):
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

    def open_default(self) -> None:
        """Open a new untitled copy of the bundled default project.

        The shipped dataset is never written to; the copy lives in the recovery folder
        until the user says where to keep it (on Save As, or when asked on closing).
        """
        self.new_project(from_default=True)

    def open_startup(self) -> None:
        """What a start without a file opens: the last project, else the default one."""
        for entry in self.recent_files():
            if Path(entry).is_file() and self.open_path(entry, quiet=True):
                return
        self.open_default()

    def open_path(self, path: str | Path, raise_errors: bool = False, quiet: bool = False) -> bool:
        """Open a project file; a bad file gives a message and leaves the current project open."""
        from explorer.ui.open_progress import OpenCancelled, OpeningProgress

        opening = OpeningProgress(self, Path(path).name)
        try:
            return self._open_with_progress(path, opening, raise_errors, quiet)
        except OpenCancelled:
            self.statusBar().showMessage(
                f"Opening {Path(path).name} cancelled; nothing changed.", 6000)
            return False
        finally:
            opening.close()

    def _open_with_progress(self, path: str | Path, opening, raise_errors: bool,
                            quiet: bool) -> bool:
        from explorer.ui.open_progress import OpenCancelled

        try:
            project = Project.open(path, progress=opening.report)
        except ProjectLocked as exc:  # open for writing elsewhere: read-only or a copy
            from explorer.ui.project_lock_dialog import open_locked

            if raise_errors:
                raise
            opening.close()
            project = open_locked(self, exc)
            if project is None:
                return False
            path = project.path
        except ProjectFileError as exc:
            if raise_errors:
                raise
            opening.close()
            if not quiet:
                QMessageBox.warning(self, "Cannot open project", str(exc))
            return False
        counts = project.counts()
        previous = self.session.project.path if self.session is not None else None
        try:
            opening.drawing(f"{counts['actors']:,} actors and {counts['alliances']:,} "
                            "alliances")
            self._install(ProjectSession(project), opening.check)
        except OpenCancelled:
            if self.session is not None and self.session.project is project:
                # drawn in part: close it without writing, and bring back what was open
                self._teardown(save=False)
                if previous is not None:
                    opening.close()
                    self.open_path(previous, quiet=True)
            else:  # cancelled before drawing began: what was open still is
                project.close()
            raise
        self._remember_recent(Path(path))
        return True

    def _install(self, session: ProjectSession, check=lambda: None) -> None:
        """Show ``session``; ``check()`` between the stages of drawing may raise to stop
        (the caller then tears down what was built)."""
        self._teardown()
        self.session = session
        if recovery_files.is_untitled(session.project.path):
            recovery_files.claim(session.project.path)
        from explorer.ui.canvas import GraphCanvas

        self.canvas = GraphCanvas(session, self, check)
        from explorer.ui.canvas.split_view import ComparisonArea

        self.comparison_area = ComparisonArea(self.canvas, self)
        self.setCentralWidget(self.comparison_area)
        self.canvas.layoutStateChanged.connect(self._on_layout_state)
        self.canvas.notice.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self._docks = build_docks(self, session, check)
        from explorer.ui.editing.actions import install_edit_actions

        self._edit_actions = install_edit_actions(self, session)
        self.docks_menu.clear()
        for dock in self._docks.values():
            self.docks_menu.addAction(dock.toggleViewAction())
        from explorer.ui.status_tips import add_status_tips

        add_status_tips(self.menuBar())
        from explorer.ui.docks import go_to_actions

        self.go_menu.clear()
        for action in go_to_actions(self, self._docks, self.canvas):
            self.go_menu.addAction(action)
        self._restore_window_state()
        session.historyChanged.connect(self._update_undo_actions)
        session.documentChanged.connect(lambda *_: self._update_title())
        session.editRejected.connect(self._show_rejection)
        session.selectionChanged.connect(self._raise_inspector)
        # a what-if asked from a menu shows its comparison, not the inspector
        session.scenarioChanged.connect(self._show_whatif)
        # a membership, tie or bloc picked (or a bloc just made) shows in the inspector
        channel(session).recordChosen.connect(lambda *_: self._show_inspector())
        session.pathChanged.connect(lambda *_: self._update_title())
        self._update_title()
        self._update_undo_actions()
        saved = ViewState.load(session.project)
        self.set_color_by(saved.color_by)
        self.set_size_by(saved.size_by)
        self._sync_layout_menu()
        self.canvas.start_layout()

    def _teardown(self, save: bool = True) -> None:
        """Close the project shown; not ``save``: a cancelled opening writes nothing."""
        if self.session is None:
            return
        if save:
            self._save_window_state()
        if self._edit_actions is not None:
            self._edit_actions.remove()
            self._edit_actions = None
        if self.canvas is not None:
            self.canvas.shutdown(save=save)
        for dock in self._docks.values():
            self.removeDockWidget(dock)
            dock.deleteLater()
        self._docks = {}
        for action in self.go_menu.actions():
            action.deleteLater()
        self.go_menu.clear()
        if self.canvas is not None:
            self.canvas.deleteLater()
            self.canvas = None
        self.comparison_area = None
        self.setCentralWidget(QWidget())
        path = self.session.project.path
        self.session.close()
        if recovery_files.is_untitled(path):
            recovery_files.release(path)
        self.session = None

    def new_project(self, from_default: bool) -> None:
        """Start an untitled project in the recovery folder (kept there until saved)."""
        from explorer.dataset import empty_document, load_dataset

        if not self._settle_untitled():
            return
        path = recovery_files.new_untitled_path()
        doc = load_dataset() if from_default else empty_document()
        Project.create(path, doc).close()
        self.open_path(path)

    def close_project(self) -> None:
        if self._settle_untitled():
            self._teardown()
            self._update_title()
            self._update_undo_actions()

    # ----- saving ---------------------------------------------------------------------

    def _ask_save_path(self, title: str) -> Path | None:
        start = str(Path(self.settings.value("last_dir", str(Path.home()))))
        name, _ = QFileDialog.getSaveFileName(self, title, start, PROJECT_FILTER)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".sbx":
            path = path.with_suffix(".sbx")
        self.settings.setValue("last_dir", str(path.parent))
        return path

    def save_as_dialog(self) -> bool:
        if self.session is None:
            return False
        path = self._ask_save_path("Save Project As")
        return path is not None and self.save_as(path)

    def save_as(self, path: Path) -> bool:
        """Continue working in a copy at ``path`` (the untitled file is then discarded)."""
        assert self.session is not None
        old = self.session.project.path
        self.session.save_view_now()  # the copy carries the view as it is now
        try:
            self.session.project.save_as(path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, "Save As failed", f"Could not save to {path}: {exc}")
            return False
        if recovery_files.is_untitled(old):
            recovery_files.release(old, delete=True)
        self._remember_recent(path)
        self.session.pathChanged.emit(str(path))
        self.statusBar().showMessage(f"Saved as {path}", 4000)
        return True

    def save_copy_dialog(self) -> None:
        if self.session is None:
            return
        path = self._ask_save_path("Save a Copy")
        if path is None:
            return
        try:
            self.session.project.save_copy(path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, "Save a Copy failed", f"Could not save to {path}: {exc}")
            return
        self.statusBar().showMessage(f"Copy saved to {path}", 4000)

    def _settle_untitled(self) -> bool:
        """Before an untitled project closes, ask whether to keep it. False = cancel."""
        if self.session is None or not recovery_files.is_untitled(self.session.project.path):
            return True
        if self.settings.value("testing/auto_discard", False, type=bool):
            # set by tests, which cannot answer a modal question
            answer = QMessageBox.StandardButton.Discard
        else:
            answer = QMessageBox.question(
                self,
                "Keep this project?",
                "This project has not been saved under a name. Save it before closing?",
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            return self.save_as_dialog()
        path = self.session.project.path
        self._teardown()
        recovery_files.release(path, delete=True)
        return True

    # ----- other dialogs --------------------------------------------------------------

    def open_dialog(self) -> None:
        start = str(self.settings.value("last_dir", str(Path.home())))
        name, _ = QFileDialog.getOpenFileName(self, "Open Project", start, PROJECT_FILTER)
        if name and self._settle_untitled():
            self.settings.setValue("last_dir", str(Path(name).parent))
            self.open_path(name)

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

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if isinstance(v, str)]

    def _remember_recent(self, path: Path) -> None:
        if recovery_files.is_untitled(path):
            return
        entry = str(Path(path).resolve())
        recent = [entry] + [p for p in self.recent_files() if p != entry]
        self.settings.setValue("recent_files", recent[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for entry in self.recent_files():
            action = self.recent_menu.addAction(entry)
            action.triggered.connect(lambda _=False, p=entry: self._open_recent(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none)").setEnabled(False)

    def _open_recent(self, path: str) -> None:
        if self._settle_untitled():
            self.open_path(path)

    # ----- window state ---------------------------------------------------------------

    #: The canvas is never left narrower than this (px) or this share of the window.
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


