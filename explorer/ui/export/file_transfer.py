"""File menu dialogs for importing a graph into a new project and exporting the graph."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QProgressDialog

from explorer import recovery_files
from explorer.io import ImportFormatError, readable, writable

#: File dialog line -> format name, from the format registry.
IMPORT_FILTERS = {f.dialog_filter: f.name for f in readable()}
EXPORT_FILTERS = {f.dialog_filter: f.name for f in writable()}


class Cancelled(Exception):
    """The user pressed Cancel in a progress dialog: the work stopped, nothing was made."""


class ImportCancelled(Cancelled):
    """Cancel while the file was read or the project written: no project was created
    (the project is built in a temporary file, removed when the write is abandoned)."""


def progress_dialog(window: QMainWindow | None, text: str,
                    cancelled: type[Cancelled] = Cancelled) -> tuple[QProgressDialog, object]:
    """A window-modal progress dialog with Cancel, shown once the work has run for 300
    ms, and the ``(done, total)`` callback that moves it and raises ``cancelled``."""
    dialog = QProgressDialog(text, "Cancel", 0, 100, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)

    def report(done: int, total: int) -> None:
        dialog.setValue(min(int(100 * done / total), 99) if total else 0)
        QApplication.processEvents()
        if dialog.wasCanceled():
            raise cancelled

    return dialog, report


def import_graph_dialog(window) -> None:
    """Import a file into a new untitled project and open it."""
    from explorer.services import import_to_new_project

    name, chosen = QFileDialog.getOpenFileName(
        window, "Import Graph", str(window.settings.value("last_dir", str(Path.home()))),
        ";;".join(IMPORT_FILTERS),
    )
    if not name or not window._settle_untitled():
        return
    fmt = IMPORT_FILTERS.get(chosen)
    dialog, report = progress_dialog(window, f"Importing {Path(name).name}…", ImportCancelled)
    try:
        summary = import_to_new_project(name, recovery_files.new_untitled_path(), fmt, report)
    except ImportCancelled:
        dialog.close()
        window.statusBar().showMessage("Import cancelled; nothing was created.", 5000)
        return
    except ImportFormatError as exc:
        dialog.close()
        QMessageBox.warning(window, "Import failed", str(exc))
        return
    dialog.close()
    window.open_path(summary.path)
    if summary.warnings:
        QMessageBox.information(
            window, "Imported with notes", "\n".join(summary.warnings[:20])
        )


def export_graph_dialog(window) -> None:
    """Export the whole project (hub view, with the canvas's positions) as a graph file."""
    session = window.session
    if session is None:
        return
    name, chosen = QFileDialog.getSaveFileName(
        window, "Export Graph", str(window.settings.value("last_dir", str(Path.home()))),
        ";;".join(EXPORT_FILTERS),
    )
    if not name:
        return
    fmt = EXPORT_FILTERS.get(chosen) or Path(name).suffix.lstrip(".").lower()
    write_graph_with_progress(window, name, fmt)


def write_graph_with_progress(window, name: str, fmt: str) -> bool:
    """Export the project's graph to ``name`` behind a progress dialog with Cancel (a big
    graph with unplaced nodes is laid out first, which takes seconds); True if written."""
    from explorer.services import export_graph_file

    dialog, report = progress_dialog(window, f"Exporting {Path(name).name}…")
    try:
        export_graph_file(window.session.project, name, fmt, progress=report)
    except Cancelled:
        window.statusBar().showMessage("Export cancelled; no file was written.", 5000)
        return False
    except (OSError, ValueError) as exc:
        QMessageBox.warning(window, "Export failed", f"Could not export: {exc}")
        return False
    finally:
        dialog.close()
    window.statusBar().showMessage(f"Exported {name}", 5000)
    return True
