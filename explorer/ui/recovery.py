"""The start-up offer to recover untitled work a crash left behind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from explorer.recovery_files import orphaned_untitled, release


def offer_recovery(parent: QWidget | None) -> Path | None:
    """Ask whether to reopen the newest orphaned untitled project; None when declined."""
    orphans = orphaned_untitled()
    if not orphans:
        return None
    newest = orphans[0]
    answer = QMessageBox.question(
        parent,
        "Recover unsaved project?",
        f"An untitled project from an earlier session was not closed properly:\n{newest}\n\n"
        "Recover it? (No keeps the file in the recovery folder; Discard deletes it.)",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Yes,
    )
    if answer == QMessageBox.StandardButton.Yes:
        return newest
    if answer == QMessageBox.StandardButton.Discard:
        release(newest, delete=True)
    return None
