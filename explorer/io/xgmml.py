"""XGMML, Cytoscape's native XML: ``<graph directed="1">`` with ``<node id label>`` and
``<edge source target>`` elements, typed ``<att name type value>`` children (string,
integer, real, boolean; ``list`` kept as text) and a ``<graphics x y fill w h type>``
child for the drawing. Nested ``<graph>`` elements (Cytoscape's groups) make groups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from explorer.io.common import Progress, parse_color, read_limited, to_float
from explorer.io.errors import ImportFormatError
from explorer.io.file_format import FileFormat, raw_reader
from explorer.io.mapping import RawEdge, RawGraph, RawNode
from explorer.io.xmlsafe import iter_xml, local

_SKIP_ATTS = {"shared name", "name", "selected", "SUID", "shared interaction"}


def _att(elem: Any) -> tuple[str, Any] | None:
    name = elem.get("name")
    if not name:
        return None
    kind = (elem.get("type") or "string").lower()
    value = elem.get("value")
    if kind == "list":
        value = ";".join(c.get("value", "") for c in elem if local(c.tag) == "att")
    elif kind == "integer":
        number = to_float(value)
        value = int(number) if number is not None and number.is_integer() else value
    elif kind == "real":
        number = to_float(value)
        value = number if number is not None else value
    elif kind == "boolean":
        value = str(value).strip().lower() in ("1", "true", "yes")
    return name, value


def read_xgmml(path: Path, progress: Progress | None = None) -> RawGraph:
    data = read_limited(path, progress)
    raw = RawGraph()
    depth = 0
    seen_root = False
    open_nodes: list[str] = []
    for event, elem in iter_xml(data, path, progress):
        tag = local(elem.tag)
        if event == "start":
            if not seen_root:
                seen_root = True
                if tag != "graph":
                    raise ImportFormatError(
                        f"not an XGMML file: the root element is <{tag}>, not <graph>.", path)
                raw.directed = elem.get("directed", "1") in ("1", "true")
                raw.title = elem.get("label") or None
            if tag == "graph":
                depth += 1
            elif tag == "node":
                open_nodes.append(elem.get("id") or "")
            continue
        if tag == "node":
            open_nodes.pop()
            nid = elem.get("id")
            if nid is None:
                raise ImportFormatError("a <node> has no id.", path)
            if open_nodes:
                raw.groups.setdefault(open_nodes[-1], []).append(nid)
            node = RawNode(nid, elem.get("label"))
            for child in elem:
                name = local(child.tag)
                if name == "att":
                    pair = _att(child)
                    if pair and pair[0] not in _SKIP_ATTS:
                        node.attrs[pair[0]] = pair[1]
                    elif pair and pair[0] == "name" and not node.label:
                        node.label = str(pair[1])
                elif name == "graphics":
                    node.x, node.y = to_float(child.get("x")), to_float(child.get("y"))
                    if node.y is not None:
                        node.y = -node.y  # Cytoscape's y points down
                    node.color = parse_color(child.get("fill") or "")
                    node.size = to_float(child.get("w"))
            raw.nodes.setdefault(nid, node)
            elem.clear()
        elif tag == "edge":
            source, target = elem.get("source"), elem.get("target")
            if source is None or target is None:
                raise ImportFormatError("an <edge> lacks a source or a target.", path)
            edge = RawEdge(source, target)
            for child in elem:
                if local(child.tag) == "att":
                    pair = _att(child)
                    if pair and pair[0] not in _SKIP_ATTS and pair[0] != "interaction":
                        edge.attrs[pair[0]] = pair[1]
            raw.edges.append(edge)
            elem.clear()
    if not seen_root:
        raise ImportFormatError("the file is empty.", path)
    return raw


FORMAT = FileFormat("xgmml", "Cytoscape XGMML", (".xgmml",), raw_reader(read_xgmml))
