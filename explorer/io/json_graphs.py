"""Two more JSON graph formats: Gephi's JSON export (the graphology serialisation:
``{"attributes", "options", "nodes": [{"key", "attributes"}], "edges": [{"key",
"source", "target", "undirected", "attributes"}]}``) and Cytoscape's ``.cyjs``
(``{"data", "elements": {"nodes": [{"data": {"id", …}, "position": {"x", "y"}}],
"edges": [{"data": {"id", "source", "target", …}}]}}``).

Both are read into the same RawGraph as the other importers; node keys stay the file's
own ids (never renumbered), positions, sizes and colours are kept.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from explorer.io.common import Progress, atomic_writer, load_json, parse_color, rgb_color
from explorer.io.errors import ImportFormatError
from explorer.io.file_format import FileFormat, raw_reader
from explorer.io.hub import HubGraph
from explorer.io.mapping import RawEdge, RawGraph, RawNode

_RGB = re.compile(r"^\s*rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)")
_NODE_VISUAL = {"label", "x", "y", "size", "color"}


def is_graphology(doc: Any) -> bool:
    """A graphology serialisation: nodes are ``{"key": …}`` objects."""
    nodes = doc.get("nodes") if isinstance(doc, dict) else None
    return (isinstance(nodes, list) and bool(nodes) and isinstance(nodes[0], dict)
            and "key" in nodes[0] and "id" not in nodes[0])


def _color(value: Any) -> str | None:
    if isinstance(value, str):
        m = _RGB.match(value)
        if m:
            return rgb_color(*m.groups())
    return parse_color(value)


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if value == value and abs(value) != float("inf") else None


def _scalar(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False)[:1000] if isinstance(value, (dict, list)) \
        else value


def graphology_graph(doc: dict, path: Path) -> RawGraph:
    """The RawGraph of a graphology serialisation (Gephi's JSON export)."""
    options = doc.get("options") if isinstance(doc.get("options"), dict) else {}
    kind = options.get("type", "mixed")
    raw = RawGraph(directed=kind == "directed")
    attrs = doc.get("attributes")
    if isinstance(attrs, dict) and isinstance(attrs.get("name", attrs.get("title")), str):
        raw.title = attrs.get("name", attrs.get("title"))
    for n, item in enumerate(doc["nodes"]):
        if not isinstance(item, dict) or "key" not in item:
            raise ImportFormatError(f"node {n} has no 'key'.", path)
        key = str(item["key"])
        a = item.get("attributes") if isinstance(item.get("attributes"), dict) else {}
        node = RawNode(key, str(a["label"]) if a.get("label") is not None else None)
        node.x, node.y, node.size = _num(a.get("x")), _num(a.get("y")), _num(a.get("size"))
        node.color = _color(a.get("color"))
        for name, value in a.items():
            if name not in _NODE_VISUAL:
                node.attrs[str(name)] = _scalar(value)
        if key in raw.nodes:
            raw.warnings.append(f"Node key {key!r} appears twice; the first is kept.")
        else:
            raw.nodes[key] = node
    edges = doc.get("edges", [])
    if not isinstance(edges, list):
        raise ImportFormatError("'edges' is not a list.", path)
    for n, item in enumerate(edges):
        if not isinstance(item, dict) or "source" not in item or "target" not in item:
            raise ImportFormatError(f"edge {n} has no 'source' or 'target'.", path)
        a, b = str(item["source"]), str(item["target"])
        for end in (a, b):
            if end not in raw.nodes:
                raise ImportFormatError(f"edge {n} refers to node {end!r}, which is not "
                                        "in the file.", path)
        undirected = item.get("undirected")
        directed = None if kind != "mixed" else (undirected is not True)
        edge = RawEdge(a, b, directed=directed)
        ea = item.get("attributes") if isinstance(item.get("attributes"), dict) else {}
        for name, value in ea.items():
            if name == "label":
                edge.label = str(value)
            elif name != "color":
                edge.attrs[str(name)] = _scalar(value)
        raw.edges.append(edge)
    if kind == "mixed":
        # Gephi writes "mixed" for undirected graphs too, marking each edge
        raw.directed = bool(raw.edges) and all(e.directed for e in raw.edges)
    return raw


def read_gephi_json(path: Path, progress: Progress | None = None) -> RawGraph:
    doc = load_json(path, progress)
    if not is_graphology(doc):
        raise ImportFormatError("not Gephi JSON: expected 'nodes' as {\"key\", "
                                "\"attributes\"} objects.", path)
    return graphology_graph(doc, path)


def write_gephi_json(hub: HubGraph, path: Path,
                     positions: dict[str, tuple[float, float]] | None = None,
                     colors: dict[str, str] | None = None) -> None:
    """Write ``hub`` as Gephi's JSON (graphology), atomically."""
    positions, colors = positions or {}, colors or {}
    nodes = []
    for node in hub.nodes:
        attrs: dict[str, Any] = {"label": node.label, **node.attrs}
        if node.size is not None:
            attrs["size"] = node.size
        if node.id in positions:
            attrs["x"], attrs["y"] = (float(v) for v in positions[node.id])
        if parse_color(colors.get(node.id) or ""):
            attrs["color"] = parse_color(colors[node.id])
        nodes.append({"key": node.id, "attributes": attrs})
    edges = []
    for e in hub.edges:
        attrs = dict(e.attrs)
        if e.weight is not None:
            attrs["weight"] = e.weight
        edges.append({"key": e.id, "source": e.source, "target": e.target,
                      "undirected": not e.directed, "attributes": attrs})
    data = {"attributes": {"name": hub.title}, "options": {
        "type": "mixed", "multi": True, "allowSelfLoops": True},
        "nodes": nodes, "edges": edges}
    with atomic_writer(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def read_cyjs(path: Path, progress: Progress | None = None) -> RawGraph:
    """Cytoscape's JSON (``.cyjs``, also what Cytoscape.js ``cy.json()`` writes)."""
    doc = load_json(path, progress)
    elements = doc.get("elements") if isinstance(doc, dict) else None
    if isinstance(elements, list):  # the flat Cytoscape.js form
        elements = {"nodes": [e for e in elements if e.get("group") != "edges"
                              and "source" not in e.get("data", {})],
                    "edges": [e for e in elements if "source" in e.get("data", {})]}
    if not isinstance(elements, dict) or not isinstance(elements.get("nodes", []), list):
        raise ImportFormatError("not Cytoscape JSON: expected 'elements' with 'nodes' and "
                                "'edges'.", path)
    raw = RawGraph(directed=True)  # Cytoscape's networks are directed
    data = doc.get("data") if isinstance(doc.get("data"), dict) else {}
    if isinstance(data.get("name"), str):
        raw.title = data["name"]
    for n, item in enumerate(elements.get("nodes", [])):
        d = item.get("data") if isinstance(item, dict) else None
        if not isinstance(d, dict) or "id" not in d:
            raise ImportFormatError(f"node {n} has no data.id.", path)
        nid = str(d["id"])
        label = d.get("name", d.get("label", d.get("shared_name")))
        node = RawNode(nid, None if label is None else str(label))
        pos = item.get("position") if isinstance(item.get("position"), dict) else {}
        node.x, node.y = _num(pos.get("x")), _num(pos.get("y"))
        if node.y is not None:
            node.y = -node.y  # screen y points down in Cytoscape, up in the program
        for name, value in d.items():
            if name not in ("id", "name", "label", "SUID", "selected", "shared_name"):
                node.attrs[str(name)] = _scalar(value)
        node.color = _color(d.get("color"))
        raw.nodes.setdefault(nid, node)
    for n, item in enumerate(elements.get("edges", [])):
        d = item.get("data") if isinstance(item, dict) else None
        if not isinstance(d, dict) or "source" not in d or "target" not in d:
            raise ImportFormatError(f"edge {n} has no data.source / data.target.", path)
        a, b = str(d["source"]), str(d["target"])
        for end in (a, b):
            if end not in raw.nodes:
                raise ImportFormatError(f"edge {n} refers to node {end!r}, which is not "
                                        "in the file.", path)
        directed = d.get("directed")
        edge = RawEdge(a, b, directed=directed if isinstance(directed, bool) else None)
        for name, value in d.items():
            if name not in ("id", "source", "target", "SUID", "selected", "shared_name",
                            "shared_interaction", "name", "directed"):
                edge.attrs[str(name)] = _scalar(value)
        raw.edges.append(edge)
    return raw


def write_cyjs(hub: HubGraph, path: Path,
               positions: dict[str, tuple[float, float]] | None = None,
               colors: dict[str, str] | None = None) -> None:
    """Write ``hub`` as Cytoscape JSON (``.cyjs``), atomically."""
    positions, colors = positions or {}, colors or {}
    nodes = []
    for node in hub.nodes:
        d: dict[str, Any] = {"id": node.id, "name": node.label, **node.attrs}
        if parse_color(colors.get(node.id) or ""):
            d["color"] = parse_color(colors[node.id])
        item: dict[str, Any] = {"data": d}
        if node.id in positions:
            x, y = positions[node.id]
            item["position"] = {"x": float(x), "y": -float(y)}
        nodes.append(item)
    edges = []
    for e in hub.edges:
        d = {"id": e.id, "source": e.source, "target": e.target, **e.attrs,
             "directed": e.directed}
        if e.weight is not None:
            d["weight"] = e.weight
        edges.append({"data": d})
    data = {"format_version": "1.0", "generated_by": "Strategic Balance Explorer",
            "data": {"name": hub.title}, "elements": {"nodes": nodes, "edges": edges}}
    with atomic_writer(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


GEPHI_JSON_FORMAT = FileFormat(
    "gephi-json", "Gephi JSON (graphology)", (".json",), raw_reader(read_gephi_json),
    write_gephi_json, aliases=("graphology",), by_extension=False,
)
CYJS_FORMAT = FileFormat(
    "cyjs", "Cytoscape JSON", (".cyjs",), raw_reader(read_cyjs), write_cyjs,
    aliases=("cytoscape",),
)
