"""Edges of an imported graph mapped to the model: in our own hub files, actor–alliance
edges become memberships and actor–actor edges ties; in any other graph every edge is a
tie, parallel edges collapsed and self-loops dropped, with what the model has no field
for kept as extras."""

from __future__ import annotations

from typing import Any

from explorer.io.common import to_float
from explorer.io.mapping_extras import edge_extras, numeric_spells
from explorer.io.raw_graph import (
    DATA_SOURCE,
    OPEN_PERIOD,
    MappingWarnings,
    RawGraph,
    Spell,
    date_bound,
    spell_list,
    text_of,
)
from explorer.model.entities import Document, Membership, Tie
from explorer.model.graph_extras import membership_key, tie_key
from explorer.model.progress import Progress
from explorer.model.vocab import ROLES

#: Records mapped between two progress reports.
PROGRESS_RECORDS = 10_000


def our_edges(
    raw: RawGraph, node_map: dict[str, tuple[str, str]], doc: Document, warn: MappingWarnings,
    progress: Progress | None = None,
) -> None:
    for done, edge in enumerate(raw.edges):
        if progress is not None and done % PROGRESS_RECORDS == 0:
            progress(done, len(raw.edges))
        (ta, ia), (tb, ib) = node_map[edge.source], node_map[edge.target]
        attrs = edge.attrs
        if {ta, tb} == {"actor", "alliance"}:
            actor, alliance = (ia, ib) if ta == "actor" else (ib, ia)
            role = text_of(attrs.get("role")).strip() or "member"
            if role not in ROLES:
                warn.add("membership role not recognised, set to 'member'", role)
                role = "member"
            if "joined" in attrs or "left" in attrs:
                periods: list[Spell] = [(attrs.get("joined"), attrs.get("left"))]
            else:
                periods = spell_list(edge.spells)
            for start, end in periods:
                key = len(doc.memberships) + 1
                edge_extras(doc, membership_key(key), attrs, False, ours=True)
                doc.memberships[key] = Membership(
                    alliance=alliance,
                    actor=actor,
                    role=role,
                    joined=date_bound(start, "joined", warn),
                    left=date_bound(end, "left", warn),
                    source=text_of(attrs.get(DATA_SOURCE)),
                    notes=text_of(attrs.get("notes")),
                    id=key,
                    signed=date_bound(attrs.get("signed"), "signed", warn),
                )
        elif ta == tb == "actor":
            if "start" in attrs or "end" in attrs:
                periods = [(attrs.get("start"), attrs.get("end"))]
            else:
                periods = spell_list(edge.spells)
            spells = numeric_spells(periods)
            if spells:
                periods = [(None, None)]
            for start, end in periods:
                tie = _add_tie(doc, ia, ib, attrs, start, end, warn, text_of(attrs.get("notes")),
                               signed=date_bound(attrs.get("signed"), "signed", warn))
                directed = raw.directed if edge.directed is None else edge.directed
                edge_extras(doc, tie_key(tie), attrs, bool(directed), spells, ours=True)
        else:
            warn.add("edge between two alliances dropped", f"{ia}–{ib}")


def _sign(attrs: dict[str, Any], warn: MappingWarnings) -> int:
    if "sign" not in attrs:
        return 1
    value = to_float(attrs["sign"])
    if value is None or value == 0:
        warn.add("tie sign not understood, set to +1", repr(attrs["sign"]))
        return 1
    return 1 if value > 0 else -1


def _add_tie(
    doc: Document, a: str, b: str, attrs: dict[str, Any], start: Any, end: Any,
    warn: MappingWarnings, notes: str, signed: str | None = None,
) -> int:
    """Add a tie; ``signed`` is read only from our own files (in a foreign graph an
    attribute named "signed" is kept as an extra: it often means a signed network)."""
    key = len(doc.ties) + 1
    doc.ties[key] = Tie(
        a=a,
        b=b,
        sign=_sign(attrs, warn),
        kind=text_of(attrs.get("kind")),
        start=date_bound(start, "start", warn),
        end=date_bound(end, "end", warn),
        source=text_of(attrs.get(DATA_SOURCE)),
        notes=notes,
        id=key,
        signed=signed,
    )
    return key


def generic_edges(
    raw: RawGraph, node_map: dict[str, tuple[str, str]], doc: Document, warn: MappingWarnings,
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
            periods = OPEN_PERIOD  # the common undated edge: nothing to parse
        else:
            periods = edge.spells
        # numeric spells (GEXF timeformat="double") are one edge present at times, not
        # one undated edge per spell
        spells = numeric_spells(periods) if periods is not OPEN_PERIOD else ()
        if spells:
            periods = OPEN_PERIOD
        pair = (a, b) if directed or a <= b else (b, a)
        for start, end in periods:
            units += 1
            key = (pair, directed, text_of(start), text_of(end))
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
