"""Opening projects by path for the headless commands (no Qt)."""

from __future__ import annotations

from pathlib import Path

from explorer.dataset import load_dataset
from explorer.store import Project


def open_project(path: str | Path | None) -> Project:
    """Open ``path``, or an in-memory project of the bundled dataset when it is None."""
    if path is None:
        return Project.in_memory(load_dataset())
    # the headless commands only read: a snapshot, so a window may have the file open
    return Project.open(path, read_only=True)
