"""File ▸ Export Animation: history in motion as a GIF (or MP4), from a date to the latest
data, with the window's regions, scenario, colours and layout, and a progress dialog
that can stop it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
    QWidget,
)

from explorer.errors import UserError
from explorer.services.animation import frame_dates, parse_step, parse_when, plan_animation
from explorer.ui.export.animation import Cancelled, write_animation
from explorer.ui.export.briefing_dialog import session_request

STEPS = (("1y", "A year"), ("6m", "Six months"), ("3m", "Three months"), ("1m", "A month"))
CHARTS = (("graph", "The network"), ("race", "Shares (bar chart race)"),
          ("both", "Both, side by side"))


class AnimationDialog(QDialog):
    """The animation's dates, step, layout, chart, speed and size."""

    def __init__(self, session, layout: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Export Animation")
        form = QFormLayout(self)
        self.start = QLineEdit("1949")
        self.start.setToolTip("YYYY (the year's last day), YYYY-MM or YYYY-MM-DD")
        self.end = QLineEdit("latest")
        self.end.setToolTip("A date, or latest: the latest data")
        self.step = QComboBox()
        for key, text in STEPS:
            self.step.addItem(text, key)
        self.layout_box = QComboBox()
        self.layout_box.addItem("Force-directed", "force")
        self.layout_box.addItem("World map", "map")
        self.layout_box.setCurrentIndex(1 if layout == "map" else 0)
        self.chart = QComboBox()
        for key, text in CHARTS:
            self.chart.addItem(text, key)
        self.fps = QDoubleSpinBox()
        self.fps.setRange(0.2, 30.0)
        self.fps.setValue(1.0)
        self.fps.setSuffix(" frames/s")
        self.width_box = QSpinBox()
        self.width_box.setRange(400, 3000)
        self.width_box.setSingleStep(100)
        self.width_box.setValue(1200)
        self.width_box.setSuffix(" px")
        self.count = QLabel()
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        form.addRow("Step", self.step)
        form.addRow("Layout", self.layout_box)
        form.addRow("Show", self.chart)
        form.addRow("Speed", self.fps)
        form.addRow("Width", self.width_box)
        form.addRow("", self.count)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for widget in (self.start, self.end):
            widget.textChanged.connect(self._update_count)
        self.step.currentIndexChanged.connect(self._update_count)
        self._update_count()

    def _update_count(self) -> None:
        """Say how many frames the choice makes, or what is wrong with it."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            dates = self.frame_dates()
        except UserError as exc:
            self.count.setText(str(exc))
            ok.setEnabled(False)
            return
        self.count.setText(f"{len(dates)} frames")
        ok.setEnabled(True)

    def frame_dates(self) -> list[str | None]:
        first = parse_when(self.start.text())
        if first is None:
            raise UserError("From must be a date.")
        parse_step(self.step.currentData())
        return frame_dates(first, parse_when(self.end.text()), self.step.currentData(),
                           self.session.project.document().vintage)

    def options(self) -> dict:
        return {"start": self.start.text(), "end": self.end.text(),
                "step": self.step.currentData(), "layout": self.layout_box.currentData(),
                "chart": self.chart.currentData(), "fps": self.fps.value(),
                "width": self.width_box.value()}


def export_animation(window, path: Path, options: dict) -> Path | None:
    """Write the animation with a progress dialog; None when cancelled or refused."""
    session = window.session
    plan = plan_animation(session.project, session_request(session), options["start"],
                          options["end"], options["step"], options["layout"])
    dialog = QProgressDialog("Drawing the frames…", "Cancel", 0, len(plan.dates), window)
    dialog.setWindowTitle("Export Animation")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)

    def progress(done: int, total: int) -> bool:
        dialog.setValue(done)
        dialog.setLabelText(f"Frame {done} of {total}…")
        QApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        return write_animation(plan, path, chart=options["chart"], width=options["width"],
                               fps=options["fps"], progress=progress)
    finally:
        dialog.close()


def export_animation_dialog(window) -> Path | None:
    """Ask for the animation's options and file, write it, say so in the status bar."""
    session = getattr(window, "session", None)
    if session is None or window.canvas is None:
        QMessageBox.information(window, "Export Animation", "Open a project first.")
        return None
    chooser = AnimationDialog(session, window.canvas.layout_kind, window)
    if chooser.exec() != QDialog.DialogCode.Accepted:
        return None
    options = chooser.options()
    start = Path(str(window.settings.value("last_dir", str(Path.home()))))
    name, chosen = QFileDialog.getSaveFileName(
        window, "Export Animation", str(start / "history.gif"),
        "Animated GIF (*.gif);;MP4 video (*.mp4)")
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".gif", ".mp4"):
        path = path.with_name(path.name + (".mp4" if "mp4" in chosen else ".gif"))
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        out = export_animation(window, path, options)
    except Cancelled:
        window.statusBar().showMessage("Animation cancelled; nothing was written.", 5000)
        return None
    except (UserError, OSError) as exc:
        QMessageBox.warning(window, "Export Animation", f"The animation was not written.\n\n{exc}")
        return None
    finally:
        QApplication.restoreOverrideCursor()
    window.settings.setValue("last_dir", str(out.parent))
    window.statusBar().showMessage(f"Animation written to {out}", 8000)
    return out
