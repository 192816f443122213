"""Opening projects by path, and the bundled default project (no Qt)."""

from __future__ import annotations

from pathlib import Path

from explorer.dataset import load_dataset
from explorer.paths import user_data_dir
from explorer.store import Project

DEFAULT_WORKING_COPY = "Default project.sbx"


def default_working_copy() -> Path:
    """The user's working copy of the default project, built from the dataset on first use.

    The shipped CSV files are never written to: the user edits this copy.
    """
    path = user_data_dir() / DEFAULT_WORKING_COPY
    if not path.exists():
        Project.create(path, load_dataset()).close()
    return path


def open_project(path: str | Path | None) -> Project:
    """Open ``path``, or an in-memory project of the bundled dataset when it is None."""
    if path is None:
        return Project.in_memory(load_dataset())
    return Project.open(path)
