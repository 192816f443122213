"""New project, open, import into a new project: one implementation for CLI and window."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.dataset import empty_document, load_dataset
from explorer.errors import UserError
from explorer.io import ImportResult, import_with_format
from explorer.io.common import Progress
from explorer.model.entities import Document
from explorer.model.node_key import actor_key
from explorer.model.progress import part
from explorer.store import Project


def new_project(
    output: str | os.PathLike[str], *, empty: bool = False, title: str | None = None
) -> Path:
    """Create ``output`` from the bundled dataset (or empty); refuse an existing file."""
    path = Path(output)
    if path.exists():
        raise UserError(f"'{path}' already exists; choose another name.")
    doc = empty_document() if empty else load_dataset()
    if title:
        doc.title = title
    Project.create(path, doc).close()
    return path


def import_file(path: str | os.PathLike[str], fmt: str | None = None,
                progress: Progress | None = None) -> ImportResult:
    """Read a graph or alliance member file (format from the extension when None)."""
    return import_with_format(path, fmt, progress=progress)


class _Settings(dict):
    """The view settings a new project starts with, collected before the file exists."""

    def setting(self, key: str, default: Any = None) -> Any:
        return self.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self[key] = value


def _file_styles(doc: Document) -> dict[str, Any]:
    """An imported graph opens as its file drew it: its colours and sizes, where it has."""
    from explorer.scene.view_state import ViewState

    styles = doc.extras.styles.values()
    keys = []
    state = ViewState()
    if any(s.color for s in styles):
        state = ViewState(color_by="file")
        keys.append("color_by")
    if any(s.size for s in styles):
        state = ViewState(color_by=state.color_by, size_by="file")
        keys.append("size_by")
    settings = _Settings()
    if keys:
        state.save(settings, *keys)
    return settings


#: The share of an import's progress bar for reading the file (the rest is writing).
READ_SHARE = 0.7


@dataclass(frozen=True)
class ImportSummary:
    """What an import made: the project file, its counts and the importer's notes."""

    path: Path
    counts: dict[str, int]
    warnings: list[str] = field(default_factory=list)


def import_to_new_project(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    fmt: str | None = None,
    progress: Progress | None = None,
    *,
    replace_untitled: bool = False,
) -> ImportSummary:
    """Import ``source`` into a new project at ``output`` with the file's layout.

    ``output`` must not exist (``replace_untitled`` is for the window's fresh recovery
    names, which never do). The title falls back to the file's name.
    """
    out = Path(output)
    if out.exists() and not replace_untitled:
        raise UserError(f"'{out}' already exists; choose another name.")
    # one bar across the stages: reading and mapping the file, then writing the project
    result = import_file(source, fmt, part(progress, 0.0, READ_SHARE))
    result.document.title = result.document.title or Path(source).stem
    placed = result.node_positions or {
        actor_key(k): xy for k, xy in result.positions.items()
    }
    with Project.create(
        out, result.document,
        positions={k: (x, y, False) for k, (x, y) in placed.items()},
        settings=_file_styles(result.document),
        progress=part(progress, READ_SHARE, 1.0),
    ) as project:
        counts = project.counts()
    return ImportSummary(out, counts, list(result.warnings))
