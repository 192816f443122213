"""The window's project files: opening (with progress and Cancel), new and untitled
projects, Save As and copies, recent files, and installing a project's views into the
window or tearing them down."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from explorer import recovery_files
from explorer.scene.view_state import ViewState
from explorer.store import Project, ProjectFileError, ProjectLocked
from explorer.ui.docks import build_docks
from explorer.ui.editing.common import channel
from explorer.ui.session import ProjectSession

PROJECT_FILTER = "Strategic Balance projects (*.sbx);;All files (*)"
MAX_RECENT = 8


class WindowProjects:
    """Mixin of :class:`MainWindow`: the project it shows, and its files."""

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
