"""When a project is open for writing in another window or program: say so, and offer to
open it read-only or to open a copy (the way office programs treat a locked document)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from explorer.store import Project, ProjectLocked

#: What the user chose: open read-only, open a copy, or nothing.
READ_ONLY, COPY, CANCEL = "read-only", "copy", "cancel"


def ask_locked(parent: QWidget, error: ProjectLocked) -> str:
    """The user's choice for a locked project (READ_ONLY, COPY or CANCEL)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Project in use")
    box.setText(f"“{error.path.name}” is {error.holder.words()}.")
    box.setInformativeText(
        "Only one window can change a project at a time, so that no edit is lost. You can "
        "look at it read-only, or open a copy of it to work on.")
    read_only = box.addButton("Open Read-Only", QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton("Open a Copy…", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return READ_ONLY if clicked is read_only else COPY if clicked is copy else CANCEL


def open_locked(parent: QWidget, error: ProjectLocked, choice: str | None = None,
                copy_to: Path | None = None) -> Project | None:
    """Open ``error.path`` as the user chooses (asked when ``choice`` is None)."""
    choice = choice or ask_locked(parent, error)
    if choice == READ_ONLY:
        return Project.open(error.path, read_only=True)
    if choice == COPY:
        if copy_to is None:
            suggested = error.path.with_name(f"{error.path.stem} (copy){error.path.suffix}")
            name, _ = QFileDialog.getSaveFileName(parent, "Open a Copy", str(suggested),
                                                  "Projects (*.sbx)")
            if not name:
                return None
            copy_to = Path(name)
        with Project.open(error.path, read_only=True) as snapshot:
            snapshot.save_copy(copy_to)
        return Project.open(copy_to)
    return None
