"""Every file format the program reads or writes, in the order dialogs list them.

A new format is one module defining ``FORMAT = FileFormat(...)`` and one line below.
"""

from __future__ import annotations

from pathlib import Path

from explorer.io import cow_atop, csvtables, gexf, graphml, json_graphs, nodelink, xgmml
from explorer.io.errors import ImportFormatError
from explorer.io.file_format import FileFormat

REGISTRY: dict[str, FileFormat] = {
    f.name: f
    for f in (
        gexf.FORMAT,
        graphml.FORMAT,
        csvtables.FORMAT,
        nodelink.FORMAT,
        json_graphs.GEPHI_JSON_FORMAT,
        json_graphs.CYJS_FORMAT,
        xgmml.FORMAT,
        cow_atop.COW_FORMAT,
        cow_atop.ATOP_FORMAT,
    )
}


def find_format(name: str, path: Path | None = None) -> FileFormat:
    """The format called ``name`` (or one of its aliases); ImportFormatError otherwise."""
    key = name.lower()
    for fmt in REGISTRY.values():
        if key == fmt.name or key in fmt.aliases:
            return fmt
    raise ImportFormatError(
        f"unknown format '{name}'; use one of {', '.join(REGISTRY)}.", path
    )


def format_of(path: str | Path) -> str:
    """The format name for ``path``'s extension; ImportFormatError when unknown."""
    p = Path(path)
    suffix = p.suffix.lower()
    for fmt in REGISTRY.values():
        if fmt.by_extension and suffix in fmt.extensions:
            return fmt.name
    known = sorted({e for f in REGISTRY.values() if f.by_extension for e in f.extensions})
    raise ImportFormatError(f"unknown file type '{p.suffix}'; use {', '.join(known)}.", p)


def readable() -> list[FileFormat]:
    """Formats that can be imported."""
    return [f for f in REGISTRY.values() if f.read is not None]


def writable() -> list[FileFormat]:
    """Formats that graphs can be exported to."""
    return [f for f in REGISTRY.values() if f.write is not None]
