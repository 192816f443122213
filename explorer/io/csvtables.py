"""Gephi spreadsheet CSV: a nodes table and/or an edges table.

* **Nodes table**: an ``Id`` column (any case), optional ``Label``; every other column is
  an attribute. ``x``/``y`` and ``color`` (or ``r``/``g``/``b``) columns give positions and
  colours.
* **Edges table**: ``Source`` and ``Target`` columns, optional ``Type``
  (``Directed``/``Undirected``/``Mutual``; Gephi's default when the column is missing is
  *directed*), ``Id``, ``Label``, ``Weight`` and any other attribute columns.

Which table a file holds is detected from its header. The dialect (delimiter, Excel's
``sep=`` line, blank lines before the header, decimal commas) is detected by
:mod:`explorer.io.csv_dialect` and named in the import's notes when it is not plain
comma-separated. Text must be UTF-8 (a BOM is accepted). Cells are
text; the columns of our own schema (:mod:`explorer.io.hub`) are converted back to numbers
and booleans, other columns stay text. An empty cell means "no value".

Writing produces ``<stem>_nodes.csv`` and ``<stem>_edges.csv`` (each written atomically;
the pair is not one transaction).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from explorer.io.common import (
    Progress,
    atomic_writer,
    decode_text,
    fmt_number,
    parse_color,
    read_limited,
)
from explorer.io.csv_dialect import detect, fix_decimal
from explorer.io.errors import ImportFormatError
from explorer.io.file_format import FileFormat, ImportOptions
from explorer.io.hub import EDGE_TYPES, NODE_TYPES, HubGraph, typed
from explorer.io.mapping import RawEdge, RawGraph, RawNode, build_result
from explorer.io.result import ImportResult

csv.field_size_limit(16 * 1024 * 1024)


def _rows(path: Path, progress: Progress | None, notes: list[str] | None = None
          ) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and ``(line, cells)`` rows of a CSV file in whatever dialect it is written
    (see :mod:`explorer.io.csv_dialect`; an unusual one is named in ``notes``);
    ImportFormatError on any problem."""
    data = read_limited(path, progress)
    text = decode_text(data, path)
    dialect, body, skipped = detect(text, bom=data.startswith(b"\xef\xbb\xbf"))
    if notes is not None and dialect.unusual:
        notes.append(f"{path.name} read as {dialect.describe()}.")
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=dialect.delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        header = next(reader, None)
        if header is None:
            raise ImportFormatError("the file is empty.", path)
        header = [h.strip() for h in header]
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                raise ImportFormatError(
                    f"{len(cells)} values but the header has {len(header)} columns.",
                    path,
                    reader.line_num + skipped,
                )
            if dialect.decimal_comma:
                cells = [fix_decimal(c) for c in cells]
            rows.append((reader.line_num + skipped, cells))
    except csv.Error as exc:
        raise ImportFormatError(f"not readable as CSV: {exc}.", path,
                                reader.line_num + skipped) from None
    return header, rows


def table_kind(header: list[str]) -> str | None:
    """``'edges'`` for a Source/Target table, ``'nodes'`` for an Id table, else None."""
    low = {h.lower() for h in header}
    if {"source", "target"} <= low:
        return "edges"
    if "id" in low:
        return "nodes"
    return None


def sniff_table(path: Path) -> str | None:
    """The table kind of a CSV file from its header (None when unknown/unreadable)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536).decode("utf-8-sig", errors="replace")
    except OSError:
        return None
    dialect, body, _skipped = detect(head)
    first = (body.splitlines() or [""])[0]
    try:
        header = next(csv.reader([first], delimiter=dialect.delimiter), [])
    except csv.Error:
        return None
    return table_kind([h.strip() for h in header])


def _wrong_columns(path: Path, header: list[str], wanted: str) -> ImportFormatError:
    found = ", ".join(header) if header else "(none)"
    return ImportFormatError(
        f"expected a Gephi {wanted} table (nodes: Id, Label, …; edges: Source, Target, "
        f"Type, …) but the columns are: {found}.",
        path,
        1,
    )


def read_csv_tables(
    nodes_path: Path | None,
    edges_path: Path | None,
    directed: bool | None = None,
    progress: Progress | None = None,
) -> RawGraph:
    """Read a Gephi nodes table and/or edges table into a RawGraph."""
    raw = RawGraph(directed=True if directed is None else directed)
    if nodes_path is not None:
        header, rows = _rows(nodes_path, progress, raw.warnings)
        if table_kind(header) != "nodes":
            raise _wrong_columns(nodes_path, header, "nodes")
        low = [h.lower() for h in header]
        id_col = low.index("id")
        label_col = low.index("label") if "label" in low else None
        for line, cells in rows:
            cells = cells + [""] * (len(header) - len(cells))
            nid = cells[id_col].strip()
            if not nid:
                raise ImportFormatError("the Id column is empty.", nodes_path, line)
            label = cells[label_col] if label_col is not None else None
            node = RawNode(nid, label or None)
            for col, (name, cell) in enumerate(zip(header, cells, strict=True)):
                if col in (id_col, label_col) or cell == "":
                    continue
                node.attrs[name] = typed(cell, NODE_TYPES.get(name, "string"))
            node.color = parse_color(node.attrs.get("color"))
            size = node.attrs.pop("size", None)
            node.size = typed(size, "double") if isinstance(size, str) else size
            if nid in raw.nodes:
                raw.warnings.append(f"Node id {nid!r} appears twice; the first is kept.")
            else:
                raw.nodes[nid] = node
    if edges_path is not None:
        header, rows = _rows(edges_path, progress, raw.warnings)
        if table_kind(header) != "edges":
            raise _wrong_columns(edges_path, header, "edges")
        low = [h.lower() for h in header]
        src, tgt = low.index("source"), low.index("target")
        type_col = low.index("type") if "type" in low else None
        skip = {src, tgt} | ({type_col} if type_col is not None else set())
        for line, cells in rows:
            cells = cells + [""] * (len(header) - len(cells))
            a, b = cells[src].strip(), cells[tgt].strip()
            if not a or not b:
                raise ImportFormatError(
                    "the Source or Target column is empty.", edges_path, line
                )
            edge_dir: bool | None = None
            if type_col is not None and directed is None:
                kind = cells[type_col].strip().lower()
                if kind in ("undirected", "mutual"):
                    edge_dir = False
                elif kind == "directed":
                    edge_dir = True
            edge = RawEdge(a, b, directed=edge_dir)
            for col, (name, cell) in enumerate(zip(header, cells, strict=True)):
                if col in skip or cell == "":
                    continue
                key = "weight" if name.lower() == "weight" else name
                edge.attrs[key] = typed(cell, EDGE_TYPES.get(name, "string"))
            raw.edges.append(edge)
            if nodes_path is None:
                for end in (a, b):
                    raw.nodes.setdefault(end, RawNode(end))
    _infer_types([n.attrs for n in raw.nodes.values()], NODE_TYPES)
    _infer_types([e.attrs for e in raw.edges], EDGE_TYPES)
    return raw


def _infer_types(rows: list[dict[str, Any]], known: dict[str, str]) -> None:
    """CSV has no types: a column every value of which is an integer (or a number, or
    true/false) is read as such, as Gephi's spreadsheet import does."""
    columns: dict[str, list[Any]] = {}
    for attrs in rows:
        for name, value in attrs.items():
            if name not in known and isinstance(value, str):
                columns.setdefault(name, []).append(value)
    for name, values in columns.items():
        for kind in ("integer", "double", "boolean"):
            converted = [typed(v, kind) for v in values]
            if all(not isinstance(c, str) for c in converted):
                for attrs in rows:
                    if isinstance(attrs.get(name), str):
                        attrs[name] = typed(attrs[name], kind)
                break


def csv_pair(path: Path) -> tuple[Path, Path]:
    """``(<stem>_nodes.csv, <stem>_edges.csv)`` beside ``path`` (a trailing ``_nodes`` or
    ``_edges`` in the stem is not doubled)."""
    stem = path.stem
    for tail in ("_nodes", "_edges"):
        if stem.endswith(tail):
            stem = stem[: -len(tail)]
    return path.with_name(f"{stem}_nodes.csv"), path.with_name(f"{stem}_edges.csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return fmt_number(value)
    return str(value)


def write_csv_tables(
    hub: HubGraph,
    path: Path,
    positions: dict[str, tuple[float, float]] | None = None,
    colors: dict[str, str] | None = None,
) -> tuple[Path, Path]:
    """Write the Gephi nodes and edges tables for ``path``; return their paths."""
    positions = positions or {}
    colors = colors or {}
    nodes_path, edges_path = csv_pair(path)
    node_cols = [name for name, _ in hub.node_schema]
    visual = []
    if any(n.id in positions for n in hub.nodes):
        visual += ["x", "y"]
    if any(n.id in colors for n in hub.nodes):
        visual.append("color")
    if any(n.size is not None for n in hub.nodes):
        visual.append("size")
    with atomic_writer(nodes_path, newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["Id", "Label", *node_cols, *visual])
        for node in hub.nodes:
            row = [node.id, node.label, *(_cell(node.attrs.get(c)) for c in node_cols)]
            pos = positions.get(node.id)
            if "x" in visual:
                row += [_cell(float(pos[0])), _cell(float(pos[1]))] if pos else ["", ""]
            if "color" in visual:
                row.append(parse_color(colors.get(node.id) or "") or "")
            if "size" in visual:
                row.append(_cell(node.size) if node.size is not None else "")
            writer.writerow(row)
    edge_cols = [name for name, _ in hub.edge_schema]
    with atomic_writer(edges_path, newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        weights = any(e.weight is not None for e in hub.edges)
        writer.writerow(["Source", "Target", "Type", "Id", *(["Weight"] if weights else []),
                         *edge_cols])
        for edge in hub.edges:
            weight = [_cell(edge.weight) if edge.weight is not None else ""] if weights else []
            writer.writerow([edge.source, edge.target,
                             "Directed" if edge.directed else "Undirected", edge.id, *weight,
                             *(_cell(edge.attrs.get(c)) for c in edge_cols)])
    return nodes_path, edges_path


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




def read_csv_result(path: Path, options: ImportOptions) -> ImportResult:
    """Gephi's node and edge tables, either one given (the other found beside it)."""
    npath, epath = _csv_paths(path, options.nodes_path, options.edges_path)
    raw = read_csv_tables(npath, epath, options.directed, options.progress)
    base = (epath or npath or path).stem
    for tail in ("_nodes", "_edges", "-nodes", "-edges"):
        base = base.removesuffix(tail)
    return build_result(raw, path, title=base)


FORMAT = FileFormat(
    "csv", "Gephi spreadsheet CSV", (".csv",), read_csv_result, write_csv_tables,
)
