"""Node-link JSON (d3, networkx ``node_link_data``) reading and writing.

Reading accepts a top-level object with a ``nodes`` list and a ``links`` (d3) or
``edges`` (networkx 3.6) list. Node ids come from ``id``; nodes without one (d3 v3 files)
are keyed by their position ``"0"``, ``"1"``, … Link ends may be node ids, integer
positions into ``nodes`` (d3) or node objects with an ``id`` (a d3 simulation's output).
Node names come from ``label``, then ``name``. ``x``/``y`` give positions and
``color``/``colour`` (hex or CSS name) colours. ``directed`` defaults to false;
``multigraph`` is ignored (parallel links are collapsed for generic files).

Writing produces ``{"directed": false, "multigraph": true, "graph": {"title": …},
"nodes": [{"id", "label", …attributes, "x", "y", "color"}], "links": [{"source",
"target", …attributes}]}``: readable by d3 and by
``networkx.node_link_graph(data, edges="links")``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from explorer.io.common import Progress, atomic_writer, load_json, parse_color
from explorer.io.errors import ImportFormatError
from explorer.io.file_format import FileFormat, ImportOptions
from explorer.io.hub import HubGraph
from explorer.io.json_document import is_document_export, read_document_export
from explorer.io.mapping import RawEdge, RawGraph, RawNode, build_result
from explorer.io.result import ImportResult

_RESERVED_NODE = {"id", "label", "x", "y", "color"}


def _scalar(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)[:1000]
    return value


def read_nodelink(path: Path, progress: Progress | None = None) -> RawGraph:
    """Read node-link JSON into a RawGraph; ImportFormatError for anything else."""
    doc = load_json(path, progress)
    from explorer.io.json_graphs import graphology_graph, is_graphology

    if is_graphology(doc):  # Gephi's JSON export shares the .json extension
        return graphology_graph(doc, path)
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes"), list):
        raise ImportFormatError(
            "not node-link JSON: expected an object with a 'nodes' list and a 'links' "
            "(or 'edges') list.",
            path,
        )
    links = doc.get("links", doc.get("edges", []))
    if not isinstance(links, list):
        raise ImportFormatError("not node-link JSON: 'links' is not a list.", path)
    raw = RawGraph(directed=doc.get("directed") is True)
    graph = doc.get("graph")
    if isinstance(graph, dict):
        title = graph.get("title", graph.get("name"))
        if isinstance(title, str) and title.strip():
            raw.title = title.strip()
    index_ids: list[str] = []
    for n, item in enumerate(doc["nodes"]):
        if not isinstance(item, dict):
            raise ImportFormatError(f"node {n} is not an object.", path)
        nid = item.get("id", n)
        if isinstance(nid, (dict, list)) or nid is None or isinstance(nid, bool):
            raise ImportFormatError(f"node {n} has an id that is not text or a number.", path)
        nid = str(nid)
        label = item.get("label", item.get("name"))
        node = RawNode(nid, None if label is None else str(label))
        for key, value in item.items():
            if key not in _RESERVED_NODE:
                node.attrs[str(key)] = _scalar(value)
        node.x, node.y = _num(item.get("x")), _num(item.get("y"))
        node.color = parse_color(item.get("color", item.get("colour")))
        if nid in raw.nodes:
            raw.warnings.append(f"Node id {nid!r} appears twice; the first is kept.")
        else:
            raw.nodes[nid] = node
        index_ids.append(nid)
        if progress is not None and n % 10000 == 0:
            progress(n, len(doc["nodes"]) + len(links))
    has_ids = any(isinstance(item, dict) and "id" in item for item in doc["nodes"])
    for n, item in enumerate(links):
        if not isinstance(item, dict):
            raise ImportFormatError(f"link {n} is not an object.", path)
        ends = []
        for side in ("source", "target"):
            if side not in item:
                raise ImportFormatError(f"link {n} has no '{side}'.", path)
            ends.append(_end(item[side], has_ids, raw, index_ids, path, n))
        own = item.get("directed")
        edge = RawEdge(ends[0], ends[1], directed=own if isinstance(own, bool) else None)
        for key, value in item.items():
            if key not in ("source", "target", "key", "directed"):
                edge.attrs[str(key)] = _scalar(value)
        if "value" in edge.attrs and "weight" not in edge.attrs:
            edge.attrs["weight"] = edge.attrs["value"]
        raw.edges.append(edge)
    return raw


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _end(
    value: Any, has_ids: bool, raw: RawGraph, index_ids: list[str], path: Path, n: int
) -> str:
    if isinstance(value, dict):
        value = value.get("id", value.get("index"))
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict, float)):
        raise ImportFormatError(f"link {n} has an end that is not a node id.", path)
    text = str(value)
    if has_ids and text in raw.nodes:
        return text
    if isinstance(value, int) and 0 <= value < len(index_ids):
        return index_ids[value]
    if isinstance(value, int) and not has_ids:
        raise ImportFormatError(
            f"link {n} refers to node index {value}, but there are {len(index_ids)} nodes.",
            path,
        )
    return text


def write_nodelink(
    hub: HubGraph,
    path: Path,
    positions: dict[str, tuple[float, float]] | None = None,
    colors: dict[str, str] | None = None,
) -> None:
    """Write ``hub`` as node-link JSON with ``nodes`` and ``links``, atomically."""
    positions = positions or {}
    colors = colors or {}
    nodes = []
    for node in hub.nodes:
        item: dict[str, Any] = {"id": node.id, "label": node.label, **node.attrs}
        pos = positions.get(node.id)
        if pos is not None:
            item["x"], item["y"] = float(pos[0]), float(pos[1])
        color = parse_color(colors.get(node.id) or "")
        if color:
            item["color"] = color
        if node.size is not None:
            item["size"] = node.size
        nodes.append(item)
    links = []
    for e in hub.edges:
        link = {"source": e.source, "target": e.target, **e.attrs}
        if e.weight is not None:
            link["weight"] = e.weight
        if hub.edge_direction == "mixed":
            link["directed"] = e.directed
        links.append(link)
    data = {
        "directed": hub.edge_direction == "directed",
        "multigraph": True,
        "graph": {"title": hub.title, "generator": "Strategic Balance Explorer"},
        "nodes": nodes,
        "links": links,
    }
    with atomic_writer(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def read_json(path: Path, options: ImportOptions) -> ImportResult:
    """Our own document export (recognised by its ``format`` key) or node-link JSON."""
    if is_document_export(path):
        return ImportResult(read_document_export(path, options.progress))
    raw = read_nodelink(path, options.progress)
    if options.directed is not None:
        raw.directed = options.directed
    return build_result(raw, path)


FORMAT = FileFormat(
    "json", "Node-link JSON — d3, networkx", (".json",), read_json, write_nodelink,
    aliases=("node-link", "nodelink"),
)
