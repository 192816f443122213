"""File menu dialogs for importing a graph into a new project and exporting the graph."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QProgressDialog

from explorer import recovery_files
from explorer.store import Project

IMPORT_FILTERS = {
    "Gephi GEXF (*.gexf)": "gexf",
    "GraphML — yEd, Cytoscape, igraph, Gephi (*.graphml *.xml)": "graphml",
    "Gephi spreadsheet CSV (*.csv)": "csv",
    "Node-link JSON — d3, networkx (*.json)": "json",
    "COW Formal Alliances v4.1 member file (*.csv)": "cow",
    "ATOP v5 member file (*.csv)": "atop",
}
EXPORT_FILTERS = {
    "Gephi GEXF (*.gexf)": "gexf",
    "GraphML (*.graphml)": "graphml",
    "Gephi spreadsheet CSV (*.csv)": "csv",
    "Node-link JSON (*.json)": "json",
}


def _progress_dialog(window: QMainWindow, text: str) -> tuple[QProgressDialog, object]:
    dialog = QProgressDialog(text, "", 0, 100, window)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)

    def report(done: int, total: int) -> None:
        dialog.setValue(int(100 * done / total) if total else 0)
        QApplication.processEvents()

    return dialog, report


def import_graph_dialog(window) -> None:
    """Import a file into a new untitled project and open it."""
    from explorer.cli import import_any
    from explorer.io import ImportFormatError

    name, chosen = QFileDialog.getOpenFileName(
        window, "Import Graph", str(window.settings.value("last_dir", str(Path.home()))),
        ";;".join(IMPORT_FILTERS),
    )
    if not name or not window._settle_untitled():
        return
    fmt = IMPORT_FILTERS.get(chosen)
    dialog, report = _progress_dialog(window, f"Importing {Path(name).name}…")
    try:
        result = import_any(name, fmt, progress=report)
    except ImportFormatError as exc:
        dialog.close()
        QMessageBox.warning(window, "Import failed", str(exc))
        return
    dialog.close()
    path = recovery_files.new_untitled_path()
    result.document.title = result.document.title or Path(name).stem
    with Project.create(path, result.document) as project:
        if result.positions:
            project.set_positions(
                {f"actor:{k}": (x, y, False) for k, (x, y) in result.positions.items()}
            )
    window.open_path(path)
    if result.warnings:
        QMessageBox.information(
            window, "Imported with notes", "\n".join(result.warnings[:20])
        )


def export_graph_dialog(window) -> None:
    """Export the whole project (hub view, with the canvas's positions) as a graph file."""
    from explorer.io import export_graph

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
    positions = {
        node.split(":", 1)[1]: (x, y) for node, (x, y, _p) in session.project.positions().items()
    }
    try:
        export_graph(session.project.document(), name, fmt, positions=positions)
    except (OSError, ValueError) as exc:
        QMessageBox.warning(window, "Export failed", f"Could not export: {exc}")
        return
    window.statusBar().showMessage(f"Exported {name}", 5000)
