"""Progress, with Cancel, while a project is opened: reading 50,000 actors and their
figures takes seconds, and the user can change their mind while it does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

#: the dialog shows only for an opening that lasts longer than this
SHOW_AFTER_MS = 500


class OpenCancelled(Exception):
    """The user pressed Cancel while the project was read or drawn: nothing was opened,
    and the project open before (if any) is open again."""


class OpeningProgress:
    """A progress dialog for one opening: ``report`` while reading, then :meth:`drawing`
    while the window builds its views, which calls :meth:`check` between its stages.
    Cancel stops either: :class:`OpenCancelled` is raised."""

    def __init__(self, parent: QWidget, name: str) -> None:
        self.dialog: QProgressDialog | None = QProgressDialog(f"Reading {name}…", "Cancel", 0, 100, parent)
        self.dialog.setWindowTitle("Opening project")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)

    @property
    def report(self) -> Callable[[int, int], None]:
        def report(done: int, total: int) -> None:
            if self.dialog is None:
                return
            self.dialog.setValue(int(100 * done / total) if total else 0)
            QApplication.processEvents()
            if self.dialog.wasCanceled():
                raise OpenCancelled
        return report

    def drawing(self, what: str) -> None:
        """The read is done; say what is being drawn."""
        if self.dialog is None:
            return
        self.dialog.setLabelText(f"Drawing {what}…")
        self.dialog.setRange(0, 0)
        self.check()

    def check(self) -> None:
        """Between two stages of drawing: let the dialog show and hear Cancel (the
        caller undoes what was drawn so far)."""
        if self.dialog is None:
            return
        QApplication.processEvents()
        if self.dialog.wasCanceled():
            raise OpenCancelled

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
