"""GEXF (Gephi) reading and writing, without networkx.

Reading is namespace-agnostic, so it accepts GEXF 1.1draft, 1.2draft and 1.3 whatever
URI the file uses (``www.gexf.net/1.3`` from Gephi 0.9.0–0.9.2, which networkx rejects,
and Gephi 0.7's malformed ``http:///`` viz namespace, whose colours networkx drops).
It applies attribute ``<default>`` values, reads ``viz`` colour/position/size, node and
edge ``start``/``end`` (and ``startopen``/``endopen``) and ``<spells>``. Dynamic
attribute values (several ``attvalue`` for one attribute) keep the last one.

Writing produces GEXF 1.3 (``http://gexf.net/1.3``) in the hub layout of
:mod:`explorer.io.hub`; with dated entities the graph is ``mode="dynamic"`` with
``timeformat="date"`` and start/end on alliance nodes, membership and tie edges so Gephi's
timeline works.
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
    rgb_color,
    to_float,
)
from explorer.io.errors import ImportFormatError
from explorer.io.file_format import FileFormat, raw_reader
from explorer.io.hub import HubGraph
from explorer.io.mapping import RawEdge, RawGraph, RawNode
from explorer.io.xmlsafe import esc, iter_xml, local

_TYPES = {
    "integer": "int", "long": "int", "short": "int", "byte": "int",
    "float": "float", "double": "float", "bigdecimal": "float",
    "boolean": "bool",
}


def _convert(value: str, kind: str) -> Any:
    kind = _TYPES.get(kind.lower(), "str")
    text = value.strip()
    try:
        if kind == "int":
            return int(text) if text.lstrip("+-").isdigit() else int(float(text))
        if kind == "float":
            return float(text)
        if kind == "bool":
            low = text.lower()
            if low in ("true", "1"):
                return True
            if low in ("false", "0"):
                return False
            return value
    except (ValueError, OverflowError):
        return value
    return value


def _spells_of(elem_attrib: dict[str, str]) -> list[tuple[Any, Any]]:
    start = elem_attrib.get("start", elem_attrib.get("startopen"))
    end = elem_attrib.get("end", elem_attrib.get("endopen"))
    if start is None and end is None:
        return []
    return [(start, end)]


def read_gexf(path: Path, progress: Progress | None = None) -> RawGraph:
    """Read a GEXF file into a RawGraph; ImportFormatError for anything malformed."""
    data = read_limited(path, progress)
    raw = RawGraph()
    decl: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}
    defaults: dict[str, dict[str, Any]] = {"node": {}, "edge": {}}
    attr_class = "node"
    root_seen = False
    graph_seen = False
    n_nodes = n_edges = 0
    open_nodes: list[str] = []  # nodes whose element is open: nested nodes' parents
    for event, elem in iter_xml(data, path, progress):
        tag = local(elem.tag)
        if event == "start":
            if tag == "node":
                open_nodes.append(elem.get("id") or "")
            if not root_seen:
                root_seen = True
                if tag != "gexf":
                    raise ImportFormatError(
                        f"not a GEXF file: the root element is <{tag}>, not <gexf>.", path
                    )
            elif tag == "graph" and not graph_seen:
                graph_seen = True
                raw.directed = elem.get("defaultedgetype", "undirected").lower() == "directed"
            elif tag == "attributes":
                attr_class = elem.get("class", "node").lower()
                if attr_class not in decl:
                    attr_class = "other"
                    decl.setdefault("other", {})
                    defaults.setdefault("other", {})
            continue
        # end events
        if tag == "node":
            n_nodes += 1
            open_nodes.pop()
            parent = open_nodes[-1] if open_nodes else elem.get("pid")
            if parent:
                raw.groups.setdefault(parent, []).append(elem.get("id") or "")
            node = _node(elem, decl["node"], defaults["node"], path, n_nodes)
            if node.id in raw.nodes:
                raw.warnings.append(f"Node id {node.id!r} appears twice; the first is kept.")
            else:
                raw.nodes[node.id] = node
            elem.clear()
        elif tag == "edge":
            n_edges += 1
            raw.edges.append(_edge(elem, decl["edge"], defaults["edge"], path, n_edges))
            elem.clear()
        elif tag == "attribute":
            aid = elem.get("id") or elem.get("title")
            if aid is None:
                raise ImportFormatError("an <attribute> declaration has no id.", path)
            title = elem.get("title") or aid
            kind = elem.get("type", "string")
            decl[attr_class][aid] = (title, kind)
            for child in elem:
                if local(child.tag) == "default" and child.text is not None:
                    defaults[attr_class][title] = _convert(child.text, kind)
        elif tag == "description" and raw.title is None and elem.text:
            raw.title = elem.text.strip() or None
    if not graph_seen:
        raise ImportFormatError("the GEXF file has no <graph> element.", path)
    return raw


def _node(
    elem: Any, decl: dict[str, tuple[str, str]], defaults: dict[str, Any], path: Path, n: int
) -> RawNode:
    nid = elem.get("id")
    if nid is None:
        raise ImportFormatError(f"node number {n} has no id.", path)
    node = RawNode(nid, elem.get("label"))
    node.spells = _spells_of(elem.attrib)
    for child in elem:
        ctag = local(child.tag)
        if ctag == "attvalues":
            _attvalues(child, decl, node.attrs)
        elif ctag == "spells":
            node.spells = [
                (s.get("start", s.get("startopen")), s.get("end", s.get("endopen")))
                for s in child
                if local(s.tag) == "spell"
            ]
        elif ctag == "color":
            hexa = child.get("hex")
            node.color = parse_color(hexa) if hexa else rgb_color(
                child.get("r"), child.get("g"), child.get("b")
            )
        elif ctag == "position":
            node.x, node.y = to_float(child.get("x")), to_float(child.get("y"))
        elif ctag == "size":
            node.size = to_float(child.get("value"))
    for key, value in defaults.items():
        node.attrs.setdefault(key, value)
    return node


def _attvalues(elem: Any, decl: dict[str, tuple[str, str]], out: dict[str, Any]) -> None:
    for av in elem:
        if local(av.tag) != "attvalue":
            continue
        key = av.get("for", av.get("id"))
        value = av.get("value")
        if key is None or value is None:
            continue
        title, kind = decl.get(key, (key, "string"))
        out[title] = _convert(value, kind)


def _edge(
    elem: Any, decl: dict[str, tuple[str, str]], defaults: dict[str, Any], path: Path, n: int
) -> RawEdge:
    source, target = elem.get("source"), elem.get("target")
    if source is None or target is None:
        raise ImportFormatError(f"edge number {n} lacks a source or a target.", path)
    etype = (elem.get("type") or "").lower()
    edge = RawEdge(source, target, directed=None if not etype else etype == "directed")
    edge.label = elem.get("label")
    edge.spells = _spells_of(elem.attrib)
    weight = elem.get("weight")
    if weight is not None:
        w = to_float(weight)
        edge.attrs["weight"] = weight if w is None else w
    for child in elem:
        ctag = local(child.tag)
        if ctag == "attvalues":
            _attvalues(child, decl, edge.attrs)
        elif ctag == "spells":
            edge.spells = [
                (s.get("start", s.get("startopen")), s.get("end", s.get("endopen")))
                for s in child
                if local(s.tag) == "spell"
            ]
    for key, value in defaults.items():
        edge.attrs.setdefault(key, value)
    return edge


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return fmt_number(value)
    return esc(value)


def write_gexf(
    hub: HubGraph,
    path: Path,
    positions: dict[str, tuple[float, float]] | None = None,
    colors: dict[str, str] | None = None,
) -> None:
    """Write ``hub`` as GEXF 1.3 with viz positions/colours, atomically."""
    positions = positions or {}
    colors = colors or {}
    dynamic = hub.dynamic
    numeric = hub.numeric_spells and not dynamic
    if dynamic:
        mode = 'mode="dynamic" timeformat="date"'
    elif numeric:
        mode = 'mode="dynamic" timeformat="double"'
    else:
        mode = 'mode="static"'
    direction = hub.edge_direction
    with atomic_writer(path) as fh:
        w = fh.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n')
        w('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" '
          'version="1.3">\n')
        w('  <meta>\n    <creator>Strategic Balance Explorer</creator>\n'
          f'    <description>{esc(hub.title)}</description>\n  </meta>\n')
        w(f'  <graph defaultedgetype="{direction}" {mode}>\n')
        for cls, schema in (("node", hub.node_schema), ("edge", hub.edge_schema)):
            if not schema:
                continue
            w(f'    <attributes class="{cls}" mode="static">\n')
            for name, kind in schema:
                w(f'      <attribute id="{esc(name)}" title="{esc(name)}" type="{kind}"/>\n')
            w("    </attributes>\n")
        w("    <nodes>\n")
        for node in hub.nodes:
            span = ""
            if node.start:
                span += f' start="{node.start}"'
            if node.end:
                span += f' end="{node.end}"'
            w(f'      <node id="{esc(node.id)}" label="{esc(node.label)}"{span}>\n')
            if node.attrs:
                w("        <attvalues>\n")
                for key, value in node.attrs.items():
                    w(f'          <attvalue for="{esc(key)}" value="{_value(value)}"/>\n')
                w("        </attvalues>\n")
            color = colors.get(node.id)
            if color and parse_color(color):
                c = parse_color(color) or "#000000"
                r, g, b = (int(c[i : i + 2], 16) for i in (1, 3, 5))
                w(f'        <viz:color r="{r}" g="{g}" b="{b}"/>\n')
            pos = positions.get(node.id)
            if pos is not None:
                x, y = float(pos[0]), float(pos[1])
                w(f'        <viz:position x="{x!r}" y="{y!r}" z="0.0"/>\n')
            if node.size is not None:
                w(f'        <viz:size value="{float(node.size)!r}"/>\n')
            w("      </node>\n")
        w("    </nodes>\n    <edges>\n")
        for edge in hub.edges:
            span = ""
            if edge.start:
                span += f' start="{edge.start}"'
            if edge.end:
                span += f' end="{edge.end}"'
            if direction == "mixed":
                span += f' type="{"directed" if edge.directed else "undirected"}"'
            if edge.weight is not None:
                span += f' weight="{float(edge.weight)!r}"'
            w(f'      <edge id="{esc(edge.id)}" source="{esc(edge.source)}" '
              f'target="{esc(edge.target)}"{span}>\n')
            if edge.attrs:
                w("        <attvalues>\n")
                for key, value in edge.attrs.items():
                    w(f'          <attvalue for="{esc(key)}" value="{_value(value)}"/>\n')
                w("        </attvalues>\n")
            if numeric and edge.spells:
                w("        <spells>\n")
                for start, end in edge.spells:
                    bounds = (f' start="{esc(start)}"' if start is not None else "") + (
                        f' end="{esc(end)}"' if end is not None else "")
                    w(f"          <spell{bounds}/>\n")
                w("        </spells>\n")
            w("      </edge>\n")
        w("    </edges>\n  </graph>\n</gexf>\n")


FORMAT = FileFormat("gexf", "Gephi GEXF", (".gexf",), raw_reader(read_gexf), write_gexf)
