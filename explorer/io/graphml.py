"""GraphML reading and writing, without networkx.

Reading applies ``<default>`` values of keys to nodes and edges that lack them, types
values by ``attr.type`` (booleans and numbers tolerate padding), copes with a key id
declared for several domains (igraph writes ``name`` for both graph and node), includes
nodes of nested graphs (yEd group/folder nodes), and reads yEd ``nodegraphics``: the node
label, the fill colour and the position (the centre of ``y:Geometry``, as numbers). The
graph-level ``title`` (ours) or ``name`` (igraph) becomes the document title.

Writing produces GraphML in the hub layout of :mod:`explorer.io.hub`, with positions and
colours as Gephi's plain ``x``, ``y``, ``r``, ``g``, ``b`` keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from explorer.io.common import (
    Progress,
    atomic_writer,
    fmt_number,
    parse_color,
    read_limited,
    to_float,
)
from explorer.io.errors import ImportFormatError
from explorer.io.file_format import FileFormat, raw_reader
from explorer.io.hub import HubGraph
from explorer.io.mapping import RawEdge, RawGraph, RawNode
from explorer.io.xmlsafe import esc, iter_xml, local

_GRAPHML_TYPES = {"double": "double", "integer": "int", "boolean": "boolean", "string": "string"}


def _convert(text: str, kind: str) -> Any:
    value = text.strip()
    try:
        if kind in ("int", "long", "integer"):
            return int(value) if value.lstrip("+-").isdigit() else int(float(value))
        if kind in ("float", "double"):
            return float(value)
        if kind == "boolean":
            low = value.lower()
            if low in ("true", "1"):
                return True
            if low in ("false", "0"):
                return False
    except (ValueError, OverflowError):
        pass
    return text


class _Key:
    __slots__ = ("name", "kind", "yfiles", "default")

    def __init__(self, name: str, kind: str, yfiles: str | None) -> None:
        self.name = name
        self.kind = kind
        self.yfiles = yfiles
        self.default: Any = None


def read_graphml(path: Path, progress: Progress | None = None) -> RawGraph:
    """Read a GraphML file into a RawGraph; ImportFormatError for anything malformed."""
    data = read_limited(path, progress)
    raw = RawGraph()
    keys: dict[tuple[str, str], _Key] = {}
    stack: list[str] = []
    graph_depth = 0
    graph_seen = False
    n_nodes = n_edges = 0
    open_nodes: list[str] = []  # nodes whose element is open: a nested graph's parents
    for event, elem in iter_xml(data, path, progress):
        tag = local(elem.tag)
        if event == "start":
            if tag == "node":
                open_nodes.append(elem.get("id") or "")
            elif tag == "graph" and open_nodes:
                raw.groups.setdefault(open_nodes[-1], [])
            if not stack and tag != "graphml":
                raise ImportFormatError(
                    f"not a GraphML file: the root element is <{tag}>, not <graphml>.", path
                )
            stack.append(tag)
            if tag == "graph":
                graph_seen = True
                graph_depth += 1
                if graph_depth == 1:
                    raw.directed = elem.get("edgedefault", "directed").lower() == "directed"
            continue
        stack.pop()
        parent = stack[-1] if stack else ""
        if tag == "key":
            kid = elem.get("id")
            if kid is None:
                raise ImportFormatError("a <key> declaration has no id.", path)
            domain = elem.get("for", "all")
            key = _Key(elem.get("attr.name") or kid, elem.get("attr.type", "string"),
                       elem.get("yfiles.type"))
            for child in elem:
                if local(child.tag) == "default" and child.text is not None:
                    key.default = _convert(child.text, key.kind)
            keys[(domain, kid)] = key
        elif tag == "node":
            n_nodes += 1
            open_nodes.pop()
            if open_nodes:
                raw.groups.setdefault(open_nodes[-1], []).append(elem.get("id") or "")
            node = _node(elem, keys, path, n_nodes)
            if node.id in raw.nodes:
                raw.warnings.append(f"Node id {node.id!r} appears twice; the first is kept.")
            else:
                raw.nodes[node.id] = node
            elem.clear()
        elif tag == "edge":
            n_edges += 1
            raw.edges.append(_edge(elem, keys, path, n_edges))
            elem.clear()
        elif tag == "hyperedge":
            raw.warnings.append("A hyperedge was ignored (not supported).")
            elem.clear()
        elif tag == "data" and parent == "graph" and graph_depth == 1:
            key = _lookup(keys, "graph", elem.get("key", ""))
            if key and key.name in ("title", "name") and elem.text and not raw.title:
                raw.title = elem.text.strip() or None
        elif tag == "graph":
            graph_depth -= 1
    if not graph_seen:
        raise ImportFormatError("the GraphML file has no <graph> element.", path)
    return raw


def _lookup(keys: dict[tuple[str, str], _Key], domain: str, kid: str) -> _Key | None:
    return keys.get((domain, kid)) or keys.get(("all", kid))


def _data(
    elem: Any, keys: dict[tuple[str, str], _Key], domain: str, out: dict[str, Any]
) -> list[tuple[_Key, Any]]:
    """Fill ``out`` from ``<data>`` children; return yfiles data elements apart."""
    yfiles = []
    for child in elem:
        if local(child.tag) != "data":
            continue
        kid = child.get("key", "")
        key = _lookup(keys, domain, kid)
        if key is None:
            out[kid] = child.text or ""
            continue
        if key.yfiles:
            yfiles.append((key, child))
            continue
        out[key.name] = _convert(child.text or "", key.kind)
    for (dom, _kid), key in keys.items():
        if dom in (domain, "all") and key.default is not None and not key.yfiles:
            out.setdefault(key.name, key.default)
    return yfiles


def _node(elem: Any, keys: dict[tuple[str, str], _Key], path: Path, n: int) -> RawNode:
    nid = elem.get("id")
    if nid is None:
        raise ImportFormatError(f"node number {n} has no id.", path)
    node = RawNode(nid)
    for key, data in _data(elem, keys, "node", node.attrs):
        if key.yfiles == "nodegraphics":
            _yed_graphics(data, node)
    return node


def _yed_graphics(data: Any, node: RawNode) -> None:
    geometry = fill = label = None
    for sub in data.iter():
        name = local(sub.tag)
        if name == "Geometry" and geometry is None:
            geometry = sub
        elif name == "Fill" and fill is None:
            fill = sub
        elif name == "NodeLabel" and label is None and (sub.text or "").strip():
            label = sub.text.strip()
    if geometry is not None:
        x, y = to_float(geometry.get("x")), to_float(geometry.get("y"))
        w, h = to_float(geometry.get("width")) or 0.0, to_float(geometry.get("height")) or 0.0
        if x is not None and y is not None:
            node.x, node.y = x + w / 2, y + h / 2
    if fill is not None and fill.get("transparent", "false") != "true":
        node.color = parse_color(fill.get("color", ""))
    if label is not None:
        node.label = label


def _edge(elem: Any, keys: dict[tuple[str, str], _Key], path: Path, n: int) -> RawEdge:
    source, target = elem.get("source"), elem.get("target")
    if source is None or target is None:
        raise ImportFormatError(f"edge number {n} lacks a source or a target.", path)
    directed = elem.get("directed")
    edge = RawEdge(
        source, target, directed=None if directed is None else directed.lower() == "true"
    )
    _data(elem, keys, "edge", edge.attrs)
    return edge


def write_graphml(
    hub: HubGraph,
    path: Path,
    positions: dict[str, tuple[float, float]] | None = None,
    colors: dict[str, str] | None = None,
) -> None:
    """Write ``hub`` as GraphML with Gephi-style x/y/r/g/b keys, atomically."""
    positions = positions or {}
    colors = colors or {}
    with atomic_writer(path) as fh:
        w = fh.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n')
        w('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        w('  <key id="title" for="graph" attr.name="title" attr.type="string"/>\n')
        w('  <key id="label" for="node" attr.name="label" attr.type="string"/>\n')
        for name, kind in hub.node_schema:
            w(f'  <key id="{esc(name)}" for="node" attr.name="{esc(name)}" '
              f'attr.type="{_GRAPHML_TYPES[kind]}"/>\n')
        for name in ("r", "g", "b"):
            w(f'  <key id="{name}" for="node" attr.name="{name}" attr.type="int"/>\n')
        for name in ("x", "y"):
            w(f'  <key id="{name}" for="node" attr.name="{name}" attr.type="float"/>\n')
        w('  <key id="size" for="node" attr.name="size" attr.type="double"/>\n')
        for name, kind in hub.edge_schema:
            w(f'  <key id="e_{esc(name)}" for="edge" attr.name="{esc(name)}" '
              f'attr.type="{_GRAPHML_TYPES[kind]}"/>\n')
        w('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>\n')
        direction = hub.edge_direction
        default = "directed" if direction == "directed" else "undirected"
        w(f'  <graph edgedefault="{default}">\n')
        w(f'    <data key="title">{esc(hub.title)}</data>\n')
        for node in hub.nodes:
            w(f'    <node id="{esc(node.id)}">\n')
            w(f'      <data key="label">{esc(node.label)}</data>\n')
            for key, value in node.attrs.items():
                w(f'      <data key="{esc(key)}">{_text(value)}</data>\n')
            color = parse_color(colors.get(node.id) or "")
            if color:
                for name, i in (("r", 1), ("g", 3), ("b", 5)):
                    w(f'      <data key="{name}">{int(color[i : i + 2], 16)}</data>\n')
            pos = positions.get(node.id)
            if pos is not None:
                w(f'      <data key="x">{float(pos[0])!r}</data>\n')
                w(f'      <data key="y">{float(pos[1])!r}</data>\n')
            if node.size is not None:
                w(f'      <data key="size">{float(node.size)!r}</data>\n')
            w("    </node>\n")
        for edge in hub.edges:
            own = (f' directed="{"true" if edge.directed else "false"}"'
                   if direction == "mixed" else "")
            w(f'    <edge id="{esc(edge.id)}" source="{esc(edge.source)}" '
              f'target="{esc(edge.target)}"{own}>\n')
            if edge.weight is not None:
                w(f'      <data key="weight">{float(edge.weight)!r}</data>\n')
            for key, value in edge.attrs.items():
                w(f'      <data key="e_{esc(key)}">{_text(value)}</data>\n')
            w("    </edge>\n")
        w("  </graph>\n</graphml>\n")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return fmt_number(value)
    return esc(value)


FORMAT = FileFormat(
    "graphml", "GraphML — yEd, Cytoscape, igraph, Gephi", (".graphml", ".xml"),
    raw_reader(read_graphml), write_graphml, aliases=("xml",),
)
