"""File ▸ Export Briefing: the scenario on show (or the baseline) under the window's date
and regions, as a PDF or a self-contained HTML file, with a progress dialog that can stop
it."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from explorer.errors import UserError
from explorer.services import ViewRequest
from explorer.services.briefing import BriefingCancelled, export_briefing
from explorer.ui.export.briefing_pdf import write_briefing_pdf
from explorer.ui.export.renderer import render_page

FILTERS = {"PDF document (*.pdf)": "pdf", "Web page, self-contained (*.html)": "html"}


def session_request(session) -> ViewRequest:
    """The window's date, regions and scenario as a request the services understand."""
    view = session.view_filter
    return ViewRequest(as_of=view.as_of, regions=tuple(sorted(view.regions)),
                       scenario=session.scenario_name)


def write_session_briefing(session, path: Path, progress=None) -> Path:
    """Write the briefing of what ``session`` shows to ``path`` (.pdf or .html)."""
    from explorer.ui.whatif.comparison import BLOC_VIEW_SETTING

    headline = session.project.setting(BLOC_VIEW_SETTING) or "alliance"
    return export_briefing(session.project, path, session_request(session), render_page,
                           write_briefing_pdf, headline=headline, weights=session.weights,
                           progress=progress)


def export_briefing_dialog(window) -> Path | None:
    """Ask for a file name, write the briefing, report the outcome in the status bar."""
    session = getattr(window, "session", None)
    if session is None:
        QMessageBox.information(window, "Export Briefing", "Open a project first.")
        return None
    start = Path(str(window.settings.value("last_dir", str(Path.home()))))
    stem = session.scenario_name or session.project.document().title or "briefing"
    stem = "".join(c if c.isalnum() or c in " -_()" else "_" for c in stem).strip() or "briefing"
    name, chosen = QFileDialog.getSaveFileName(
        window, "Export Briefing", str(start / f"{stem} - briefing.pdf"), ";;".join(FILTERS)
    )
    if not name:
        return None
    path = Path(name)
    fmt = FILTERS.get(chosen, "pdf")
    if path.suffix.lower() not in (".pdf", ".html", ".htm"):
        path = path.with_name(f"{path.name}.{fmt}")
    dialog = QProgressDialog("Preparing the briefing…", "Cancel", 0, 3, window)
    dialog.setWindowTitle("Export Briefing")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)

    def progress(step: int, steps: int, what: str) -> bool:
        dialog.setMaximum(steps)
        dialog.setValue(step)
        dialog.setLabelText(f"{what}…")
        QApplication.processEvents()
        return not dialog.wasCanceled()

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        out = write_session_briefing(session, path, progress)
    except BriefingCancelled:
        window.statusBar().showMessage("Briefing cancelled; nothing was written.", 5000)
        return None
    except (UserError, OSError) as exc:
        QMessageBox.warning(window, "Export Briefing", f"The briefing was not written.\n\n{exc}")
        return None
    finally:
        QApplication.restoreOverrideCursor()
        dialog.close()
    window.settings.setValue("last_dir", str(out.parent))
    with contextlib.suppress(Exception):
        window.statusBar().showMessage(f"Briefing written to {out}", 8000)
    return out
