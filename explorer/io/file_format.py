"""What a file format is to the program: a name, its extensions, a reader and/or a
writer, and the line it gets in the window's file dialogs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from explorer.io.common import Progress
from explorer.io.hub import HubGraph
from explorer.io.mapping import RawGraph, build_result
from explorer.io.result import ImportResult
from explorer.model.bulk import gc_paused
from explorer.model.progress import part

#: The share of a reader's progress for parsing the file (the rest maps its records).
READ_SHARE = 0.6


@dataclass(frozen=True)
class ImportOptions:
    """Options an importer may use: progress callback, CSV table paths, edge direction."""

    progress: Progress | None = None
    nodes_path: Path | None = None
    edges_path: Path | None = None
    directed: bool | None = None


Reader = Callable[[Path, ImportOptions], ImportResult]
Writer = Callable[[HubGraph, Path, dict | None, dict | None], None]


@dataclass(frozen=True)
class FileFormat:
    """One format. ``by_extension``: chosen from a file's extension when none is given
    (False for member files that share ``.csv`` with Gephi's tables)."""

    name: str
    label: str
    extensions: tuple[str, ...]
    read: Reader | None = None
    write: Writer | None = None
    aliases: tuple[str, ...] = ()
    by_extension: bool = True

    @property
    def dialog_filter(self) -> str:
        """The file dialog's line, e.g. ``Gephi GEXF (*.gexf)``."""
        return f"{self.label} ({' '.join('*' + e for e in self.extensions)})"


def raw_reader(read: Callable[[Path, Progress | None], RawGraph]) -> Reader:
    """A Reader from a function that returns the file's raw graph."""

    def reader(path: Path, options: ImportOptions) -> ImportResult:
        # a big file makes millions of small objects, none in a cycle: without the pause
        # the collector rescans them all again and again (a third of the mapping's time)
        with gc_paused():
            raw = read(path, part(options.progress, 0.0, READ_SHARE))
            if options.directed is not None:
                raw.directed = options.directed
            return build_result(raw, path, progress=part(options.progress, READ_SHARE, 1.0))

    return reader
