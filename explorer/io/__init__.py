"""Import and export of graph files (GEXF, GraphML, node-link JSON, Gephi CSV) and of
the COW / ATOP alliance member files. No Qt here.

Public API
----------
``import_graph(path, format=None, *, nodes_path=None, edges_path=None, directed=None,
progress=None) -> ImportResult``
    ``format`` is ``"gexf"``, ``"graphml"``, ``"json"`` or ``"csv"``; when None it comes
    from the extension (``.gexf``; ``.graphml``/``.xml``; ``.json``; ``.csv``).
    CSV: ``path`` may be a Gephi nodes table (``Id, Label, …``) or edges table
    (``Source, Target, …``), detected from the header; the other table is taken from
    ``nodes_path``/``edges_path`` or, when not given, from a sibling file whose name swaps
    ``nodes`` ↔ ``edges`` (``phedre_edges.csv`` ↔ ``phedre_nodes.csv``). ``path`` may also
    be the ``x.csv`` given to ``export_graph`` (then ``x_nodes.csv``/``x_edges.csv`` are
    read). ``directed`` overrides the direction of CSV edges (Gephi's default with no
    ``Type`` column is directed). Mapping rules: :mod:`explorer.io.mapping`.
``export_graph(doc, path, format, positions=None, colors=None) -> None``
    Hub view (:mod:`explorer.io.hub`) as ``gexf``, ``graphml``, ``json`` or ``csv``
    (``<stem>_nodes.csv`` + ``<stem>_edges.csv``), written atomically.
``import_cow_members(path)``, ``import_atop_members(path)``: see :mod:`explorer.io.cow_atop`.

Every importer raises only :class:`ImportFormatError` for bad input, never modifies the
file, and refuses files over ``explorer.io.common.MAX_FILE_BYTES`` (200 MiB).

What each format carries (round trip ``import_graph(export_graph(doc))``):

* GEXF, GraphML, JSON: actors (id, name, kind, regions, notes, source, capabilities with
  year and source), alliances (all fields), memberships (alliance, actor, role, joined,
  left, source, notes), ties (a, b, sign, kind, start, end, source, notes), the document
  title, positions and colours. Capabilities come back in ``METRICS`` order.
* CSV: the same entities and attributes, positions and colours; the document title is
  lost (no place for it).
* Our own document JSON (``export --format json``, recognised by its ``format`` key):
  everything in the document (blocs, scenarios, regions and sources included), no layout.
* Nowhere else: blocs, scenarios, regions (as entities; actor region ids are kept), sources
  (as entities; the source text of each fact is kept), membership/tie store ids (new ids
  are numbered from 1).
"""

from __future__ import annotations

from pathlib import Path

from explorer.io.common import MAX_FILE_BYTES, Progress
from explorer.io.cow_atop import import_atop_members, import_cow_members
from explorer.io.errors import ImportFormatError
from explorer.io.file_format import ImportOptions
from explorer.io.hub import hub_graph
from explorer.io.registry import REGISTRY, find_format, format_of, readable, writable
from explorer.io.result import ImportResult
from explorer.model.entities import Document

__all__ = [
    "MAX_FILE_BYTES",
    "FORMATS",
    "REGISTRY",
    "ImportFormatError",
    "ImportResult",
    "export_graph",
    "format_of",
    "import_atop_members",
    "import_cow_members",
    "import_graph",
    "import_with_format",
    "readable",
    "writable",
]

FORMATS = tuple(f.name for f in writable())


def import_graph(
    path: str | Path,
    format: str | None = None,
    *,
    nodes_path: str | Path | None = None,
    edges_path: str | Path | None = None,
    directed: bool | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a graph file as a Document plus its layout and colours."""
    p = Path(path)
    fmt = find_format(format or format_of(p), p)
    if fmt.read is None:
        raise ImportFormatError(f"the {fmt.label} format cannot be imported.", p)
    options = ImportOptions(
        progress,
        Path(nodes_path) if nodes_path is not None else None,
        Path(edges_path) if edges_path is not None else None,
        directed,
    )
    return fmt.read(p, options)


def import_with_format(
    path: str | Path, fmt: str | None = None, progress: Progress | None = None
) -> ImportResult:
    """Import a graph file, or a COW / ATOP member file (``fmt`` "cow" / "atop")."""
    return import_graph(path, fmt, progress=progress)


def export_graph(
    doc: Document,
    path: str | Path,
    format: str | None = None,
    positions: dict[str, tuple[float, float]] | None = None,
    colors: dict[str, str] | None = None,
) -> None:
    """Export ``doc``'s hub view to ``path`` in ``format`` (from the extension when None)."""
    p = Path(path)
    try:
        fmt = find_format(format or format_of(p), p)
    except ImportFormatError:
        fmt = None
    if fmt is None or fmt.write is None:
        raise ValueError(f"unknown export format '{format}'; use one of {FORMATS}.")
    fmt.write(hub_graph(doc), p, positions, colors)
