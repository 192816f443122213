"""From a format-neutral graph read from a file to our domain ``Document``.

Every reader (GEXF, GraphML, node-link JSON, Gephi CSV) fills a :class:`RawGraph`;
:func:`build_result` turns it into an :class:`ImportResult`.

Rules (also in ``explorer/io/__init__.py``):

* **Our own files** (some node has ``node_type`` = ``actor`` or ``alliance``): actor nodes
  become actors with kind, regions, notes, ``data_source`` and capabilities; alliance
  nodes become alliances; actor–alliance edges become memberships (one per spell when the
  edge carries several and no ``joined``/``left``); actor–actor edges become ties. Nothing
  is collapsed: parallel edges are distinct memberships/ties.
* **Any other graph**: every node becomes an actor (kind ``other`` unless a ``kind``
  attribute holds one of ours; ``state`` needs a 3-letter upper-case id), id = the node id
  when it matches ``[A-Za-z0-9_.-]{1,64}`` else an ASCII slug, name = label (or ``name``,
  else the id). Every edge becomes a tie: ``sign`` attribute if present (else +1), ``kind``
  attribute, dates from ``start``/``end``/spells, ``weight`` kept in the tie's notes as
  ``weight=<w>``. Parallel edges are collapsed (the first one wins; same ordered pair in a
  directed graph, same unordered pair in an undirected one, and same period), self-loops
  are dropped (a tie joins two actors); both are counted in ``warnings`` and ``stats``.
* Visual data goes to ``positions``/``colors``/``sizes``, never into the document.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.io.common import (
    parse_color,
    parse_date,
    rgb_color,
    slug_id,
    to_bool,
    to_float,
    to_int,
)
from explorer.io.mapping_extras import edge_extras, finish_types, node_extras, numeric_spells
from explorer.io.result import ImportResult
from explorer.model.entities import Actor, Alliance, Capability, Document, Membership, Tie
from explorer.model.graph_extras import membership_key, tie_key
from explorer.model.node_key import NodeKey
from explorer.model.progress import Progress, part
from explorer.model.vocab import ACTOR_KINDS, ALLIANCE_KINDS, METRICS, OBLIGATIONS, ROLES

NODE_TYPE = "node_type"
EDGE_TYPE = "edge_type"
ENTITY_ID = "entity_id"
DATA_SOURCE = "data_source"

_STATE_ID = re.compile(r"^[A-Z]{3}$")
Spell = tuple[Any, Any]


@dataclass(slots=True)
class RawNode:
    """A node as read from a file, before mapping."""

    id: str
    label: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    spells: list[Spell] = field(default_factory=list)
    x: float | None = None
    y: float | None = None
    color: str | None = None
    size: float | None = None


@dataclass(slots=True)
class RawEdge:
    """An edge as read from a file; ``directed`` None means the graph's default."""

    source: str
    target: str
    attrs: dict[str, Any] = field(default_factory=dict)
    spells: list[Spell] = field(default_factory=list)
    directed: bool | None = None
    label: str | None = None


@dataclass
class RawGraph:
    """A format-neutral graph: nodes in file order, edges in file order."""

    directed: bool = False
    nodes: dict[str, RawNode] = field(default_factory=dict)
    edges: list[RawEdge] = field(default_factory=list)
    title: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: group node id -> ids of the nodes inside it (yEd groups, GEXF pid / nested nodes)
    groups: dict[str, list[str]] = field(default_factory=dict)


class _Warnings:
    """Collects repeated warnings as one counted sentence each."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, str] = {}

    def add(self, message: str, example: str = "") -> None:
        self.counts[message] += 1
        if example and message not in self.examples:
            self.examples[message] = example

    def sentences(self) -> list[str]:
        out = []
        for message, n in self.counts.items():
            example = self.examples.get(message)
            tail = f" (e.g. {example})" if example else ""
            out.append(f"{n} × {message}{tail}" if n > 1 else f"{message}{tail}")
        return out


def _text(value: Any) -> str:
    return "" if value is None else str(value)


#: The one open period of an edge without dates (shared, never changed).
_OPEN: list[Spell] = [(None, None)]


def _spell_list(spells: list[Spell]) -> list[Spell]:
    return spells if spells else [(None, None)]


def _bound(value: Any, what: str, warn: _Warnings) -> str | None:
    if value is None:  # most bounds of a big graph: open
        return None
    iso, ok = parse_date(value)
    if not ok:
        warn.add(f"{what} date not understood and left open", repr(value))
    return iso


#: Positions beyond this are not a layout but damage (1e160 overflowed image export).
MAX_COORDINATE = 1e9
#: Node sizes beyond this are damage too (Gephi's sizes are tens).
MAX_SIZE = 1e6


def _visuals(node: RawNode, key: str, result: ImportResult, kind: str = "actor",
             warn: _Warnings | None = None) -> None:
    attrs = node.attrs
    x, y = node.x, node.y
    if x is None or y is None:
        x, y = to_float(attrs.get("x")), to_float(attrs.get("y"))
    if x is not None and y is not None and not (
        math.isfinite(x) and math.isfinite(y)
        and abs(x) <= MAX_COORDINATE and abs(y) <= MAX_COORDINATE
    ):
        if warn is not None:
            warn.add(f"position not finite or beyond ±{MAX_COORDINATE:g} and ignored "
                     "(the node is placed by the layout)", f"{node.id!r}: ({x!r}, {y!r})")
        x = y = None
    if x is not None and y is not None:
        result.positions[key] = (x, y)
        result.node_positions[str(NodeKey(kind, key))] = (x, y)
    color = node.color
    if color is None and all(c in attrs for c in ("r", "g", "b")):
        color = rgb_color(attrs["r"], attrs["g"], attrs["b"])
    if color is None:
        for name in ("color", "colour", "Color", "fill"):
            if name in attrs:
                color = parse_color(attrs[name])
                if color:
                    break
    if color is not None:
        result.colors[key] = color
    size = node.size if node.size is not None else to_float(attrs.get("size"))
    if size is not None and not 0 <= size <= MAX_SIZE:
        if warn is not None:
            warn.add(f"node size outside 0–{MAX_SIZE:g} ignored", f"{node.id!r}: {size!r}")
        size = None
    if size is not None:
        result.sizes[key] = size


def _name(node: RawNode, fallback: str) -> str:
    for cand in (node.label, node.attrs.get("label"), node.attrs.get("Label"),
                 node.attrs.get("name"), node.attrs.get("Name")):
        if cand is not None and str(cand).strip():
            return str(cand).strip()
    return fallback


def _actor_kind(value: Any, actor_id: str, warn: _Warnings) -> str:
    kind = _text(value).strip().lower()
    if kind not in ACTOR_KINDS:
        if kind:
            warn.add("actor kind not recognised, set to 'other'", repr(value))
        return "other"
    if kind == "state" and not _STATE_ID.match(actor_id):
        warn.add("state whose id is not an ISO alpha-3 code set to kind 'other'", actor_id)
        return "other"
    return kind


def _capabilities(attrs: dict[str, Any], warn: _Warnings, who: str) -> tuple[Capability, ...]:
    caps = []
    for metric in METRICS:
        raw = attrs.get(metric)
        if raw is None or raw == "":
            continue
        value = to_float(raw)
        if value is None:
            warn.add(f"non-numeric {metric} dropped", f"{who}: {raw!r}")
            continue
        year = to_int(attrs.get(f"{metric}_year"))
        derived = _text(attrs.get(f"{metric}_derived")).strip().lower() in ("true", "1")
        caps.append(
            Capability(metric, value, year, _text(attrs.get(f"{metric}_source")), derived)
        )
    return tuple(caps)


#: Records mapped between two progress reports.
PROGRESS_RECORDS = 10_000


def build_result(raw: RawGraph, path: Path, *, title: str | None = None,
                 progress: Progress | None = None) -> ImportResult:
    """Map ``raw`` (read from ``path``) to an ImportResult following the module rules;
    ``progress`` hears (records mapped, records) as nodes and then edges are done."""
    warn = _Warnings()
    doc = Document(title=title or raw.title or path.stem)
    result = ImportResult(document=doc)
    ours = any(
        _text(n.attrs.get(NODE_TYPE)).strip().lower() in ("actor", "alliance")
        for n in raw.nodes.values()
    )
    # Edges may name nodes the file never declared: add them, as Gephi and networkx do.
    for edge in raw.edges:
        for end in (edge.source, edge.target):
            if end not in raw.nodes:
                raw.nodes[end] = RawNode(end)
                warn.add("edge endpoint not declared as a node; node added", end)

    used_actor: set[str] = set()
    used_alliance: set[str] = set()
    node_map: dict[str, tuple[str, str]] = {}
    total = len(raw.nodes) + len(raw.edges)
    for done, node in enumerate(raw.nodes.values()):
        if progress is not None and done % PROGRESS_RECORDS == 0:
            progress(done, total)
        attrs = node.attrs
        ntype = _text(attrs.get(NODE_TYPE)).strip().lower() if ours else "actor"
        wanted = _text(attrs.get(ENTITY_ID)).strip() or node.id if ours else node.id
        if ntype == "alliance":
            aid = slug_id(wanted, used_alliance)
            node_map[node.id] = ("alliance", aid)
            kind = _text(attrs.get("kind")).strip()
            if kind not in ALLIANCE_KINDS:
                if kind:
                    warn.add("alliance kind not recognised, set to 'security_partnership'", kind)
                kind = "security_partnership"
            obligation = _text(attrs.get("obligation")).strip() or "none"
            if obligation not in OBLIGATIONS:
                warn.add("obligation not recognised, set to 'none'", obligation)
                obligation = "none"
            formal = to_bool(attrs.get("formal"))
            spell = node.spells[0] if node.spells else (None, None)
            founded = attrs.get("founded", spell[0])
            ended = attrs.get("ended", spell[1])
            doc.alliances[aid] = Alliance(
                id=aid,
                name=_name(node, aid),
                kind=kind,
                obligation=obligation,
                formal=True if formal is None else formal,
                founded=_bound(founded, "founded", warn),
                ended=_bound(ended, "ended", warn),
                source=_text(attrs.get(DATA_SOURCE)),
                notes=_text(attrs.get("notes")),
                short_name=_text(attrs.get("short_name")),
                signed=_bound(attrs.get("signed"), "signed", warn),
            )
            key = aid
        else:
            if ours and ntype != "actor":
                warn.add("node without node_type imported as an actor", node.id)
            aid = slug_id(wanted, used_actor)
            if aid != node.id and not ours:
                warn.add("node id is not a valid id and was replaced by a slug",
                         f"{node.id!r} → {aid}")
            node_map[node.id] = ("actor", aid)
            if ours:
                regions = tuple(r.strip() for r in _text(attrs.get("regions")).split(";")
                                if r.strip())
                actor = Actor(
                    id=aid,
                    name=_name(node, aid),
                    kind=_actor_kind(attrs.get("kind"), aid, warn),
                    regions=regions,
                    capabilities=_capabilities(attrs, warn, aid),
                    notes=_text(attrs.get("notes")),
                    source=_text(attrs.get(DATA_SOURCE)),
                    aliases=tuple(p.strip() for p in _text(attrs.get("aliases")).split(";")
                                  if p.strip()),
                )
            else:
                actor = Actor(
                    id=aid,
                    name=_name(node, aid),
                    kind=_actor_kind(attrs.get("kind"), aid, warn) if "kind" in attrs
                    else "other",
                )
            doc.actors[aid] = actor
            key = aid
        kind_of = node_map.get(node.id, ("actor", key))[0]
        _visuals(node, key, result, kind_of, warn)
        node_extras(doc, str(NodeKey(kind_of, key)), attrs, result.colors.get(key),
                    result.sizes.get(key), ours)
        if attrs or node.spells:
            kept = dict(attrs)
            if node.spells:
                kept["spells"] = [
                    (parse_date(s)[0], parse_date(e)[0]) for s, e in node.spells
                ]
            result.attributes[key] = kept

    if raw.groups:
        _groups_to_blocs(raw, node_map, doc, result, warn)
    edges_part = part(progress, len(raw.nodes) / total, 1.0) if total else None
    if ours:
        _our_edges(raw, node_map, doc, warn, edges_part)
        distinct = len(raw.edges)
        loops = parallel = 0
    else:
        distinct, loops, parallel = _generic_edges(raw, node_map, doc, warn, edges_part)
    result.stats = {
        "nodes": len(raw.nodes),
        "edge_records": len(raw.edges),
        "edges": distinct,
        "self_loops": loops,
        "parallel_collapsed": parallel,
    }
    finish_types(doc)
    result.warnings = list(raw.warnings) + warn.sentences()
    if progress is not None:
        progress(total, total)
    return result


#: Colours of blocs made from a file's groups (Tableau 10, as the canvas palette).
GROUP_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
                "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")


def _groups_to_blocs(raw: RawGraph, node_map: dict[str, tuple[str, str]], doc: Document,
                     result: ImportResult, warn: _Warnings) -> None:
    """yEd groups and GEXF parents become blocs (a grouping the canvas colours and the
    Blocs tab lists); a group node no edge touches is not kept as an actor too."""
    from explorer.model.entities import Bloc

    linked = {e.source for e in raw.edges} | {e.target for e in raw.edges}
    used: set[str] = set()
    for n, (group, children) in enumerate(raw.groups.items()):
        kind, gid = node_map.get(group, ("actor", group))
        node = raw.nodes.get(group)
        name = _name(node, group) if node is not None else group
        members = tuple(node_map[c][1] for c in children
                        if c in node_map and node_map[c][0] == "actor")
        bid = slug_id(name, used)
        doc.blocs[bid] = Bloc(bid, name, GROUP_COLORS[n % len(GROUP_COLORS)],
                              f"Group '{name}' of the imported file", members)
        if kind == "actor" and group not in linked and gid in doc.actors:
            del doc.actors[gid]
            result.positions.pop(gid, None)
            result.node_positions.pop(str(NodeKey("actor", gid)), None)
            doc.extras.drop_owner(str(NodeKey("actor", gid)))
            kept = "as a bloc"
        else:
            kept = "as a bloc (its node, which has links, stays an actor too)"
        warn.add(f"group of the file kept {kept}", f"{name!r}, {len(members)} members")


def _our_edges(
    raw: RawGraph, node_map: dict[str, tuple[str, str]], doc: Document, warn: _Warnings,
    progress: Progress | None = None,
) -> None:
    for done, edge in enumerate(raw.edges):
        if progress is not None and done % PROGRESS_RECORDS == 0:
            progress(done, len(raw.edges))
        (ta, ia), (tb, ib) = node_map[edge.source], node_map[edge.target]
        attrs = edge.attrs
        if {ta, tb} == {"actor", "alliance"}:
            actor, alliance = (ia, ib) if ta == "actor" else (ib, ia)
            role = _text(attrs.get("role")).strip() or "member"
            if role not in ROLES:
                warn.add("membership role not recognised, set to 'member'", role)
                role = "member"
            if "joined" in attrs or "left" in attrs:
                periods: list[Spell] = [(attrs.get("joined"), attrs.get("left"))]
            else:
                periods = _spell_list(edge.spells)
            for start, end in periods:
                key = len(doc.memberships) + 1
                edge_extras(doc, membership_key(key), attrs, False, ours=True)
                doc.memberships[key] = Membership(
                    alliance=alliance,
                    actor=actor,
                    role=role,
                    joined=_bound(start, "joined", warn),
                    left=_bound(end, "left", warn),
                    source=_text(attrs.get(DATA_SOURCE)),
                    notes=_text(attrs.get("notes")),
                    id=key,
                    signed=_bound(attrs.get("signed"), "signed", warn),
                )
        elif ta == tb == "actor":
            if "start" in attrs or "end" in attrs:
                periods = [(attrs.get("start"), attrs.get("end"))]
            else:
                periods = _spell_list(edge.spells)
            spells = numeric_spells(periods)
            if spells:
                periods = [(None, None)]
            for start, end in periods:
                tie = _add_tie(doc, ia, ib, attrs, start, end, warn, _text(attrs.get("notes")),
                               signed=_bound(attrs.get("signed"), "signed", warn))
                directed = raw.directed if edge.directed is None else edge.directed
                edge_extras(doc, tie_key(tie), attrs, bool(directed), spells, ours=True)
        else:
            warn.add("edge between two alliances dropped", f"{ia}–{ib}")


def _sign(attrs: dict[str, Any], warn: _Warnings) -> int:
    if "sign" not in attrs:
        return 1
    value = to_float(attrs["sign"])
    if value is None or value == 0:
        warn.add("tie sign not understood, set to +1", repr(attrs["sign"]))
        return 1
    return 1 if value > 0 else -1


def _add_tie(
    doc: Document, a: str, b: str, attrs: dict[str, Any], start: Any, end: Any,
    warn: _Warnings, notes: str, signed: str | None = None,
) -> int:
    """Add a tie; ``signed`` is read only from our own files (in a foreign graph an
    attribute named "signed" is kept as an extra: it often means a signed network)."""
    key = len(doc.ties) + 1
    doc.ties[key] = Tie(
        a=a,
        b=b,
        sign=_sign(attrs, warn),
        kind=_text(attrs.get("kind")),
        start=_bound(start, "start", warn),
        end=_bound(end, "end", warn),
        source=_text(attrs.get(DATA_SOURCE)),
        notes=notes,
        id=key,
        signed=signed,
    )
    return key


def _generic_edges(
    raw: RawGraph, node_map: dict[str, tuple[str, str]], doc: Document, warn: _Warnings,
    progress: Progress | None = None,
) -> tuple[int, int, int]:
    seen: set[tuple[Any, ...]] = set()
    loops = units = 0
    for done, edge in enumerate(raw.edges):
        if progress is not None and done % PROGRESS_RECORDS == 0:
            progress(done, len(raw.edges))
        a, b = node_map[edge.source][1], node_map[edge.target][1]
        directed = raw.directed if edge.directed is None else edge.directed
        attrs = edge.attrs
        if "start" in attrs or "end" in attrs:
            periods: list[Spell] = [(attrs.get("start"), attrs.get("end"))]
        elif not edge.spells:
            periods = _OPEN  # the common undated edge: nothing to parse
        else:
            periods = edge.spells
        # numeric spells (GEXF timeformat="double") are one edge present at times, not
        # one undated edge per spell
        spells = numeric_spells(periods) if periods is not _OPEN else ()
        if spells:
            periods = _OPEN
        pair = (a, b) if directed or a <= b else (b, a)
        for start, end in periods:
            units += 1
            key = (pair, directed, _text(start), _text(end))
            if key in seen:
                continue
            seen.add(key)
            if a == b:
                loops += 1
                continue
            tie = _add_tie(doc, a, b, attrs, start, end, warn, "")
            edge_extras(doc, tie_key(tie), attrs, bool(directed), spells)
    parallel = units - len(seen)
    if loops:
        warn.add(f"{loops} self-loop(s) dropped: a tie joins two different actors")
    if parallel:
        warn.add(f"{parallel} parallel edge(s) collapsed into {len(seen)} distinct edges")
    return len(seen), loops, parallel
