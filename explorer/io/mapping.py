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
from explorer.io.mapping_edges import PROGRESS_RECORDS, generic_edges, our_edges
from explorer.io.mapping_extras import finish_types, node_extras
from explorer.io.raw_graph import (  # noqa: F401 - the readers' names, public here too
    DATA_SOURCE,
    EDGE_TYPE,
    ENTITY_ID,
    NODE_TYPE,
    MappingWarnings,
    RawEdge,
    RawGraph,
    RawNode,
    Spell,
    date_bound,
    text_of,
)
from explorer.io.result import ImportResult
from explorer.model.entities import Actor, Alliance, Capability, Document
from explorer.model.node_key import NodeKey
from explorer.model.progress import Progress, part
from explorer.model.vocab import ACTOR_KINDS, ALLIANCE_KINDS, METRICS, OBLIGATIONS

_STATE_ID = re.compile(r"^[A-Z]{3}$")


#: Positions beyond this are not a layout but damage (1e160 overflowed image export).
MAX_COORDINATE = 1e9
#: Node sizes beyond this are damage too (Gephi's sizes are tens).
MAX_SIZE = 1e6


def _visuals(node: RawNode, key: str, result: ImportResult, kind: str = "actor",
             warn: MappingWarnings | None = None) -> None:
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


def _actor_kind(value: Any, actor_id: str, warn: MappingWarnings) -> str:
    kind = text_of(value).strip().lower()
    if kind not in ACTOR_KINDS:
        if kind:
            warn.add("actor kind not recognised, set to 'other'", repr(value))
        return "other"
    if kind == "state" and not _STATE_ID.match(actor_id):
        warn.add("state whose id is not an ISO alpha-3 code set to kind 'other'", actor_id)
        return "other"
    return kind


def _capabilities(attrs: dict[str, Any], warn: MappingWarnings, who: str) -> tuple[Capability, ...]:
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
        derived = text_of(attrs.get(f"{metric}_derived")).strip().lower() in ("true", "1")
        caps.append(
            Capability(metric, value, year, text_of(attrs.get(f"{metric}_source")), derived)
        )
    return tuple(caps)




def build_result(raw: RawGraph, path: Path, *, title: str | None = None,
                 progress: Progress | None = None) -> ImportResult:
    """Map ``raw`` (read from ``path``) to an ImportResult following the module rules;
    ``progress`` hears (records mapped, records) as nodes and then edges are done."""
    warn = MappingWarnings()
    doc = Document(title=title or raw.title or path.stem)
    result = ImportResult(document=doc)
    ours = any(
        text_of(n.attrs.get(NODE_TYPE)).strip().lower() in ("actor", "alliance")
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
        ntype = text_of(attrs.get(NODE_TYPE)).strip().lower() if ours else "actor"
        wanted = text_of(attrs.get(ENTITY_ID)).strip() or node.id if ours else node.id
        if ntype == "alliance":
            aid = slug_id(wanted, used_alliance)
            node_map[node.id] = ("alliance", aid)
            kind = text_of(attrs.get("kind")).strip()
            if kind not in ALLIANCE_KINDS:
                if kind:
                    warn.add("alliance kind not recognised, set to 'security_partnership'", kind)
                kind = "security_partnership"
            obligation = text_of(attrs.get("obligation")).strip() or "none"
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
                founded=date_bound(founded, "founded", warn),
                ended=date_bound(ended, "ended", warn),
                source=text_of(attrs.get(DATA_SOURCE)),
                notes=text_of(attrs.get("notes")),
                short_name=text_of(attrs.get("short_name")),
                signed=date_bound(attrs.get("signed"), "signed", warn),
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
                regions = tuple(r.strip() for r in text_of(attrs.get("regions")).split(";")
                                if r.strip())
                actor = Actor(
                    id=aid,
                    name=_name(node, aid),
                    kind=_actor_kind(attrs.get("kind"), aid, warn),
                    regions=regions,
                    capabilities=_capabilities(attrs, warn, aid),
                    notes=text_of(attrs.get("notes")),
                    source=text_of(attrs.get(DATA_SOURCE)),
                    aliases=tuple(p.strip() for p in text_of(attrs.get("aliases")).split(";")
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
        our_edges(raw, node_map, doc, warn, edges_part)
        distinct = len(raw.edges)
        loops = parallel = 0
    else:
        distinct, loops, parallel = generic_edges(raw, node_map, doc, warn, edges_part)
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
                     result: ImportResult, warn: MappingWarnings) -> None:
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


