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
from explorer.io.xmlsafe import esc, feed_expat, safe_expat

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
    reader = _GexfReader(path)
    parser = safe_expat(path)
    reader.parser = parser
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    try:
        feed_expat(parser, data, path, progress)
    finally:
        reader.parser = None  # the parser's handlers hold the reader: break the cycle
    if not reader.graph_seen:
        raise ImportFormatError("the GEXF file has no <graph> element.", path)
    return reader.raw


_TEXT_TAGS = ("description", "default")


class _GexfReader:
    """Expat handlers that build the RawGraph as the tags stream past.

    Records are made from each tag's attribute dict as it opens, with no element tree:
    at 100,000 nodes this parses in a fraction of ElementTree's time. A tag's children
    are recognised by the stack of open tag names (``attvalue`` inside ``attvalues``
    inside the innermost ``node`` or ``edge``), so nested nodes keep their own data.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.parser: Any = None
        self.raw = RawGraph()
        self.decl: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}
        self.defaults: dict[str, dict[str, Any]] = {"node": {}, "edge": {}}
        self.attr_class = "node"
        self.root_seen = False
        self.graph_seen = False
        self.n_nodes = self.n_edges = 0
        self.stack: list[str] = []
        # open nodes and edges, innermost last: (record, its tag's attributes)
        self.owners: list[tuple[Any, dict[str, str]]] = []
        self.open_nodes: list[str] = []  # ids of open nodes: nested nodes' parents
        self.attribute: dict[str, str] | None = None
        self.attribute_default: str | None = None
        self.text: list[str] | None = None

    # ----- handlers -------------------------------------------------------------------

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(" ")[2]
        stack = self.stack
        parent = stack[-1] if stack else ""
        if self.text is not None:
            self._stop_text()  # ElementTree's .text: only what comes before a child
        stack.append(tag)
        if not self.root_seen:
            self.root_seen = True
            if tag != "gexf":
                raise ImportFormatError(
                    f"not a GEXF file: the root element is <{tag}>, not <gexf>.", self.path
                )
        elif parent == "attvalues":
            if tag == "attvalue" and stack[-3] in ("node", "edge"):
                self._attvalue(attrs)
        elif tag == "node":
            self.open_nodes.append(attrs.get("id") or "")
            node = RawNode(attrs.get("id") or "", attrs.get("label"))
            node.spells = _spells_of(attrs)
            self.owners.append((node, attrs))
        elif parent == "node":
            self._node_child(tag, attrs)
        elif tag == "edge":
            self._edge_start(attrs)
        elif parent == "spells":
            if tag == "spell" and stack[-3] in ("node", "edge"):
                self.owners[-1][0].spells.append(
                    (attrs.get("start", attrs.get("startopen")),
                     attrs.get("end", attrs.get("endopen"))))
        elif parent == "edge":
            if tag == "spells":
                self.owners[-1][0].spells = []
        elif tag == "graph" and not self.graph_seen:
            self.graph_seen = True
            self.raw.directed = attrs.get("defaultedgetype", "undirected").lower() == "directed"
        elif tag == "attributes":
            self.attr_class = attrs.get("class", "node").lower()
            if self.attr_class not in self.decl:
                self.attr_class = "other"
                self.decl.setdefault("other", {})
                self.defaults.setdefault("other", {})
        elif tag == "attribute":
            self.attribute = attrs
            self.attribute_default = None
        if tag in _TEXT_TAGS:
            self.text = []
            self.parser.CharacterDataHandler = self.text.append

    def end(self, name: str) -> None:
        tag = self.stack.pop()
        if tag == "node":
            self._node_end()
        elif tag == "edge":
            self._edge_end()
        elif tag == "attribute":
            self._attribute_end()
        elif tag in _TEXT_TAGS:
            text = "".join(self.text) if self.text else None
            self._stop_text()
            if tag == "default":
                if text is not None and self.stack and self.stack[-1] == "attribute":
                    self.attribute_default = text
            elif self.raw.title is None and text:
                self.raw.title = text.strip() or None

    # ----- records ----------------------------------------------------------------------

    def _stop_text(self) -> None:
        self.text = None
        self.parser.CharacterDataHandler = None

    def _attvalue(self, attrs: dict[str, str]) -> None:
        key = attrs.get("for", attrs.get("id"))
        value = attrs.get("value")
        if key is None or value is None:
            return
        owner = self.owners[-1][0]
        kind_of = "node" if isinstance(owner, RawNode) else "edge"
        title, kind = self.decl[kind_of].get(key, (key, "string"))
        owner.attrs[title] = _convert(value, kind)

    def _node_child(self, tag: str, attrs: dict[str, str]) -> None:
        node = self.owners[-1][0]
        if tag == "position":
            node.x, node.y = to_float(attrs.get("x")), to_float(attrs.get("y"))
        elif tag == "color":
            hexa = attrs.get("hex")
            node.color = parse_color(hexa) if hexa else rgb_color(
                attrs.get("r"), attrs.get("g"), attrs.get("b")
            )
        elif tag == "size":
            node.size = to_float(attrs.get("value"))
        elif tag == "spells":
            node.spells = []

    def _node_end(self) -> None:
        self.n_nodes += 1
        node, attrs = self.owners.pop()
        open_nodes = self.open_nodes
        open_nodes.pop()
        raw = self.raw
        parent = open_nodes[-1] if open_nodes else attrs.get("pid")
        if parent:
            raw.groups.setdefault(parent, []).append(attrs.get("id") or "")
        if attrs.get("id") is None:
            raise ImportFormatError(f"node number {self.n_nodes} has no id.", self.path)
        for key, value in self.defaults["node"].items():
            node.attrs.setdefault(key, value)
        if node.id in raw.nodes:
            raw.warnings.append(f"Node id {node.id!r} appears twice; the first is kept.")
        else:
            raw.nodes[node.id] = node

    def _edge_start(self, attrs: dict[str, str]) -> None:
        source, target = attrs.get("source"), attrs.get("target")
        if source is None or target is None:
            raise ImportFormatError(
                f"edge number {self.n_edges + 1} lacks a source or a target.", self.path
            )
        etype = (attrs.get("type") or "").lower()
        edge = RawEdge(source, target, directed=None if not etype else etype == "directed")
        edge.label = attrs.get("label")
        edge.spells = _spells_of(attrs)
        weight = attrs.get("weight")
        if weight is not None:
            w = to_float(weight)
            edge.attrs["weight"] = weight if w is None else w
        self.owners.append((edge, attrs))

    def _edge_end(self) -> None:
        self.n_edges += 1
        edge = self.owners.pop()[0]
        for key, value in self.defaults["edge"].items():
            edge.attrs.setdefault(key, value)
        self.raw.edges.append(edge)

    def _attribute_end(self) -> None:
        attrs = self.attribute or {}
        self.attribute = None
        aid = attrs.get("id") or attrs.get("title")
        if aid is None:
            raise ImportFormatError("an <attribute> declaration has no id.", self.path)
        title = attrs.get("title") or aid
        kind = attrs.get("type", "string")
        self.decl[self.attr_class][aid] = (title, kind)
        if self.attribute_default is not None:
            self.defaults[self.attr_class][title] = _convert(self.attribute_default, kind)


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
