"""The hub view of a document, shared by every exporter.

Actors and alliances become nodes (attribute ``node_type``), memberships become
actor→alliance edges and ties become actor→actor edges (attribute ``edge_type``).

Attribute names (the same in GEXF, GraphML, JSON and CSV):

* every node: ``node_type`` (``actor``/``alliance``), ``label`` (the name), ``kind``,
  ``notes``, ``data_source``; ``entity_id`` only when an alliance id equals an actor id
  (the alliance node is then written as ``alliance:<id>``).
* actors: ``regions`` (``;``-joined) and per capability ``<metric>`` (double),
  ``<metric>_year`` (integer), ``<metric>_source`` (string).
* alliances: ``obligation``, ``formal`` (boolean), ``signed``, ``founded``, ``ended``.
* memberships: ``edge_type=membership``, ``role``, ``signed``, ``joined``, ``left``,
  ``data_source``, ``notes``; ties: ``edge_type=tie``, ``sign`` (integer), ``kind``,
  ``signed``, ``start``, ``end``, ``data_source``, ``notes``. ``signed`` is the signature
  date where it differs from entry into force (``founded``, ``joined``, ``start``).

The provenance field is written ``data_source`` (not ``source``) because ``source`` is the
edge-endpoint key of node-link JSON and of Gephi's edge table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from explorer.io.mapping import DATA_SOURCE, EDGE_TYPE, ENTITY_ID, NODE_TYPE
from explorer.model.entities import Document
from explorer.model.node_key import actor_key, alliance_key
from explorer.model.vocab import METRICS

#: (name, type) of every node attribute, in column order; types are GEXF's.
NODE_SCHEMA: list[tuple[str, str]] = [
    (NODE_TYPE, "string"),
    (ENTITY_ID, "string"),
    ("kind", "string"),
    ("aliases", "string"),
    ("short_name", "string"),
    ("regions", "string"),
    ("obligation", "string"),
    ("formal", "boolean"),
    ("signed", "string"),
    ("founded", "string"),
    ("ended", "string"),
    ("notes", "string"),
    (DATA_SOURCE, "string"),
]
for _metric in METRICS:
    NODE_SCHEMA += [
        (_metric, "double"),
        (f"{_metric}_year", "integer"),
        (f"{_metric}_source", "string"),
        (f"{_metric}_derived", "boolean"),
    ]

EDGE_SCHEMA: list[tuple[str, str]] = [
    (EDGE_TYPE, "string"),
    ("role", "string"),
    ("signed", "string"),
    ("joined", "string"),
    ("left", "string"),
    ("sign", "integer"),
    ("kind", "string"),
    ("start", "string"),
    ("end", "string"),
    ("notes", "string"),
    (DATA_SOURCE, "string"),
]

NODE_TYPES = dict(NODE_SCHEMA)
EDGE_TYPES = dict(EDGE_SCHEMA)


@dataclass
class HubNode:
    """One node to write: ``key`` is the entity id used for positions and colours."""

    id: str
    label: str
    key: str
    attrs: dict[str, Any] = field(default_factory=dict)
    start: str | None = None
    end: str | None = None
    size: float | None = None  # the imported file's node size, when it had one


@dataclass
class HubEdge:
    """One edge to write, with its period for dynamic formats."""

    id: str
    source: str
    target: str
    attrs: dict[str, Any] = field(default_factory=dict)
    start: str | None = None
    end: str | None = None
    directed: bool = False
    weight: float | None = None
    #: numeric spells of an imported dynamic graph (GEXF timeformat="double")
    spells: tuple[tuple[str | None, str | None], ...] = ()


@dataclass
class HubGraph:
    title: str
    nodes: list[HubNode]
    edges: list[HubEdge]
    node_schema: list[tuple[str, str]]
    edge_schema: list[tuple[str, str]]

    @property
    def edge_direction(self) -> str:
        """"directed", "undirected" or "mixed", as GEXF's defaultedgetype says it."""
        kinds = {e.directed for e in self.edges}
        return "mixed" if len(kinds) > 1 else ("directed" if kinds == {True} else
                                               "undirected")

    @property
    def numeric_spells(self) -> bool:
        return any(e.spells for e in self.edges)

    @property
    def dynamic(self) -> bool:
        return any(n.start or n.end for n in self.nodes) or any(
            e.start or e.end for e in self.edges
        )


def _put(attrs: dict[str, Any], name: str, value: Any) -> None:
    if value is None or value == "":
        return
    attrs[name] = value


def hub_graph(doc: Document) -> HubGraph:
    """The hub view of ``doc`` (only attributes that carry a value are set)."""
    nodes: list[HubNode] = []
    node_id: dict[str, str] = {}
    alliance_node: dict[str, str] = {}
    for actor in doc.actors.values():
        attrs: dict[str, Any] = {NODE_TYPE: "actor", "kind": actor.kind}
        _put(attrs, "regions", ";".join(actor.regions))
        _put(attrs, "aliases", "; ".join(actor.aliases))
        _put(attrs, "notes", actor.notes)
        _put(attrs, DATA_SOURCE, actor.source)
        # Graph formats hold one value per metric: each metric's latest figure (published
        # over derived in its year), not whichever row of a series happens to come last.
        for metric in dict.fromkeys(c.metric for c in actor.capabilities):
            cap = actor.figure_at(metric)
            if cap is None:
                continue
            attrs[metric] = float(cap.value)
            _put(attrs, f"{metric}_year", cap.year)
            _put(attrs, f"{metric}_source", cap.source)
            if cap.derived:
                attrs[f"{metric}_derived"] = True
        nodes.append(HubNode(actor.id, actor.name, actor.id, attrs))
        node_id[actor.id] = actor.id
    for alliance in doc.alliances.values():
        nid = alliance.id if alliance.id not in node_id else f"alliance:{alliance.id}"
        attrs = {NODE_TYPE: "alliance", "kind": alliance.kind}
        if nid != alliance.id:
            attrs[ENTITY_ID] = alliance.id
        attrs["obligation"] = alliance.obligation
        _put(attrs, "short_name", alliance.short_name)
        attrs["formal"] = bool(alliance.formal)
        _put(attrs, "signed", alliance.signed)
        _put(attrs, "founded", alliance.founded)
        _put(attrs, "ended", alliance.ended)
        _put(attrs, "notes", alliance.notes)
        _put(attrs, DATA_SOURCE, alliance.source)
        nodes.append(
            HubNode(nid, alliance.name, alliance.id, attrs, alliance.founded, alliance.ended)
        )
        alliance_node[alliance.id] = nid
    edges: list[HubEdge] = []
    for n, m in enumerate(doc.memberships.values(), 1):
        attrs = {EDGE_TYPE: "membership", "role": m.role}
        _put(attrs, "signed", m.signed)
        _put(attrs, "joined", m.joined)
        _put(attrs, "left", m.left)
        _put(attrs, "notes", m.notes)
        _put(attrs, DATA_SOURCE, m.source)
        target = alliance_node.get(m.alliance, m.alliance)
        edges.append(HubEdge(f"m{n}", m.actor, target, attrs, m.joined, m.left))
    for n, t in enumerate(doc.ties.values(), 1):
        attrs = {EDGE_TYPE: "tie", "sign": int(t.sign)}
        _put(attrs, "kind", t.kind)
        _put(attrs, "signed", t.signed)
        _put(attrs, "start", t.start)
        _put(attrs, "end", t.end)
        _put(attrs, "notes", t.notes)
        _put(attrs, DATA_SOURCE, t.source)
        edges.append(HubEdge(f"t{n}", t.a, t.b, attrs, t.start, t.end))
    _add_extras(doc, nodes, edges)
    used_n = {k for node in nodes for k in node.attrs}
    used_e = {k for edge in edges for k in edge.attrs}
    types = doc.extras.types
    ours_n, ours_e = dict(NODE_SCHEMA), dict(EDGE_SCHEMA)
    return HubGraph(
        title=doc.title,
        nodes=nodes,
        edges=edges,
        node_schema=[(k, t) for k, t in NODE_SCHEMA if k in used_n]
        + [(k, types.get(k, "string")) for k in types if k in used_n and k not in ours_n],
        edge_schema=[(k, t) for k, t in EDGE_SCHEMA if k in used_e]
        + [(k, types.get(k, "string")) for k in types if k in used_e and k not in ours_e],
    )


def _add_extras(doc: Document, nodes: list[HubNode], edges: list[HubEdge]) -> None:
    """What an imported graph carried (attributes, sizes, weights, direction), written
    back with the rest so a round trip keeps it."""
    extras = doc.extras
    if extras.is_empty():
        return
    for node in nodes:
        owner = (actor_key(node.key) if node.attrs.get(NODE_TYPE) == "actor"
                 else alliance_key(node.key))
        for name, value in extras.attributes.get(owner, {}).items():
            node.attrs.setdefault(name, value)
        style = extras.styles.get(owner)
        if style is not None:
            node.size = style.size
    records = [f"membership:{m}" for m in doc.memberships] + [f"tie:{t}" for t in doc.ties]
    for edge, owner in zip(edges, records, strict=True):
        for name, value in extras.attributes.get(owner, {}).items():
            edge.attrs.setdefault(name, value)
        props = extras.edges.get(owner)
        if props is not None:
            edge.directed, edge.weight, edge.spells = props.directed, props.weight, props.spells


def typed(value: str, kind: str) -> Any:
    """Convert text read from a file to the schema type ``kind`` (text kept when it fails)."""
    from explorer.io.common import to_bool, to_float, to_int

    if kind == "double":
        out: Any = to_float(value)
    elif kind == "integer":
        out = to_int(value)
    elif kind == "boolean":
        out = to_bool(value)
    else:
        return value
    return value if out is None else out


def hub_node_ids(doc: Document) -> dict[str, str]:
    """Stored node key (``"actor:TUR"``, ``"alliance:nato"``) -> the node id written to
    files, which is the entity id unless an alliance shares its id with an actor."""
    out = {actor_key(a): a for a in doc.actors}
    for alliance in doc.alliances:
        out[alliance_key(alliance)] = (
            alliance if alliance not in doc.actors else f"alliance:{alliance}"
        )
    return out


def positions_for_export(
    doc: Document, stored: Mapping[str, Sequence[float]]
) -> dict[str, tuple[float, float]]:
    """A project's stored positions (by node key) keyed as the exporters write nodes."""
    ids = hub_node_ids(doc)
    return {ids[k]: (float(p[0]), float(p[1])) for k, p in stored.items() if k in ids}
