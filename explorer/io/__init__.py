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
from explorer.io.csvtables import csv_pair, read_csv_tables, sniff_table, write_csv_tables
from explorer.io.errors import ImportFormatError
from explorer.io.gexf import read_gexf, write_gexf
from explorer.io.graphml import read_graphml, write_graphml
from explorer.io.hub import hub_graph
from explorer.io.json_document import is_document_export, read_document_export
from explorer.io.mapping import build_result
from explorer.io.nodelink import read_nodelink, write_nodelink
from explorer.io.result import ImportResult
from explorer.model.entities import Document

__all__ = [
    "MAX_FILE_BYTES",
    "FORMATS",
    "ImportFormatError",
    "ImportResult",
    "export_graph",
    "format_of",
    "import_atop_members",
    "import_cow_members",
    "import_graph",
    "import_with_format",
]

FORMATS = ("gexf", "graphml", "json", "csv")
_EXTENSIONS = {".gexf": "gexf", ".graphml": "graphml", ".xml": "graphml", ".json": "json",
               ".csv": "csv"}


def format_of(path: str | Path) -> str:
    """The format name for ``path``'s extension; ImportFormatError when unknown."""
    p = Path(path)
    fmt = _EXTENSIONS.get(p.suffix.lower())
    if fmt is None:
        raise ImportFormatError(
            f"unknown file type '{p.suffix}'; use .gexf, .graphml, .xml, .json or .csv.", p
        )
    return fmt


def _sibling(path: Path, want: str) -> Path | None:
    other = "edges" if want == "edges" else "nodes"
    have = "nodes" if want == "edges" else "edges"
    stem = path.stem
    idx = stem.lower().rfind(have)
    if idx < 0:
        return None
    cand = path.with_name(stem[:idx] + other + stem[idx + len(have):] + path.suffix)
    return cand if cand.is_file() else None


def _csv_paths(
    path: Path, nodes_path: Path | None, edges_path: Path | None
) -> tuple[Path | None, Path | None]:
    if not path.exists():
        pair = csv_pair(path)
        if nodes_path is None and edges_path is None and (pair[0].is_file() or pair[1].is_file()):
            return (pair[0] if pair[0].is_file() else None,
                    pair[1] if pair[1].is_file() else None)
        raise ImportFormatError("cannot open the file (it does not exist).", path)
    kind = sniff_table(path)
    if kind == "edges" and edges_path is None:
        edges_path = path
        nodes_path = nodes_path or _sibling(path, "nodes")
    elif kind == "nodes" and nodes_path is None:
        nodes_path = path
        edges_path = edges_path or _sibling(path, "edges")
    elif nodes_path is None and edges_path is None:
        nodes_path = path  # read it to report precise errors (empty, encoding, columns)
    return nodes_path, edges_path


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
    fmt = (format or format_of(p)).lower()
    if fmt == "gexf":
        raw = read_gexf(p, progress)
    elif fmt in ("graphml", "xml"):
        raw = read_graphml(p, progress)
    elif fmt in ("json", "node-link", "nodelink"):
        if is_document_export(p):
            return ImportResult(read_document_export(p, progress))
        raw = read_nodelink(p, progress)
    elif fmt == "csv":
        npath, epath = _csv_paths(
            p,
            Path(nodes_path) if nodes_path is not None else None,
            Path(edges_path) if edges_path is not None else None,
        )
        raw = read_csv_tables(npath, epath, directed, progress)
        base = (epath or npath or p).stem
        for tail in ("_nodes", "_edges", "-nodes", "-edges"):
            base = base.removesuffix(tail)
        return build_result(raw, p, title=base)
    else:
        raise ImportFormatError(f"unknown format '{format}'; use one of {FORMATS}.", p)
    if directed is not None:
        raw.directed = directed
    return build_result(raw, p)


def import_with_format(
    path: str | Path, fmt: str | None = None, progress: Progress | None = None
) -> ImportResult:
    """Import a graph file, or a COW / ATOP member file (``fmt`` "cow" / "atop")."""
    if fmt == "cow":
        return import_cow_members(path, progress=progress)
    if fmt == "atop":
        return import_atop_members(path, progress=progress)
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
    fmt = (format or format_of(p)).lower()
    hub = hub_graph(doc)
    if fmt == "gexf":
        write_gexf(hub, p, positions, colors)
    elif fmt in ("graphml", "xml"):
        write_graphml(hub, p, positions, colors)
    elif fmt in ("json", "node-link", "nodelink"):
        write_nodelink(hub, p, positions, colors)
    elif fmt == "csv":
        write_csv_tables(hub, p, positions, colors)
    else:
        raise ValueError(f"unknown export format '{format}'; use one of {FORMATS}.")
