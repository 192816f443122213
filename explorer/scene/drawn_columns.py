"""What a drawing of a view needs per actor and per edge, picked from per-document arrays.

An as-of change at 10,000 actors rebuilt every node key, label, sector direction, edge
end, style and weight record by record (some 15 ms of a 75 ms frame). All of them depend
on the records alone, which are immutable: they are worked out once per set of records
(:class:`~explorer.analysis.record_columns.RecordColumns`) and every view takes its rows
(``FilteredData.actor_rows`` …) by numpy indexing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from explorer.analysis.memo import Recent
from explorer.analysis.record_columns import RecordColumns
from explorer.analysis.view import FilteredData
from explorer.model.entities import Alliance, Document
from explorer.model.node_key import actor_key
from explorer.model.vocab import FULL_ROLES
from explorer.scene import styles
from explorer.scene.naming import actor_roots, obligation_weight


class _ActorColumns:
    """Node keys, labels and region lists of every actor of the records, in row order."""

    def __init__(self, columns: RecordColumns) -> None:
        prefix = actor_key("")
        self.keys = np.array([prefix + aid for aid in columns.actor_ids], dtype=object)
        self.labels = np.array([a.name for a in columns.actors], dtype=object)
        region_lists = [a.regions for a in columns.actors]
        self.region_code = {v: i for i, v in enumerate(dict.fromkeys(region_lists))}
        self.region_of = np.fromiter(map(self.region_code.__getitem__, region_lists),
                                     np.int64, len(region_lists))


class _EdgeColumns:
    """Per membership: its alliance (a code) and its style and pull, which depend on the
    alliance's kind and obligation and the member's role; per tie: style and pull."""

    def __init__(self, columns: RecordColumns, alliances: Mapping[str, Alliance]) -> None:
        self.alliance_code = {lid: i for i, lid in enumerate(dict.fromkeys(
            columns.member_alliances))}
        self.member_alliance = np.fromiter(
            map(self.alliance_code.__getitem__, columns.member_alliances), np.int64,
            len(columns.member_alliances))
        self.style_names: list[str] = []
        style_code: dict[str, int] = {}

        def code_of(style: str) -> int:
            if style not in style_code:
                style_code[style] = len(self.style_names)
                self.style_names.append(style)
            return style_code[style]

        # style and pull depend on (alliance, role) only: a few hundred pairs, not 70,000
        pairs = [(m.alliance, m.role) for m in columns.memberships]
        look: dict[tuple[str, str], tuple[int, float]] = {}
        for lid, role in set(pairs):
            alliance = alliances.get(lid)
            if alliance is None:  # never drawn: a membership needs its alliance in view
                look[(lid, role)] = (code_of("associate"), 0.0)
                continue
            look[(lid, role)] = (
                code_of(styles.membership_style(alliance.kind, role)),
                obligation_weight(alliance.obligation) * (1.0 if role in FULL_ROLES else 0.4))
        got = [look[p] for p in pairs]
        self.member_style = np.fromiter((g[0] for g in got), np.int64, len(got))
        self.member_weight = np.fromiter((g[1] for g in got), float, len(got))
        signs = np.fromiter((t.sign for t in columns.ties), np.int64, len(columns.ties))
        sign_code = {s: code_of(styles.tie_style(s)) for s in set(signs.tolist())}
        self.tie_style = np.fromiter(map(sign_code.__getitem__, signs.tolist()), np.int64,
                                     len(signs))
        self.tie_weight = np.where(signs > 0, 0.5, 0.0)
        self.style_array = np.array(self.style_names, dtype=object)


_ACTORS: Recent[_ActorColumns] = Recent(2, per_document=True)
_EDGES: Recent[_EdgeColumns] = Recent(2, per_document=True)
_DIRECTIONS: Recent[np.ndarray] = Recent(2, per_document=True)


@dataclass
class DrawnParts:
    """The node and edge columns of one view's drawing (actors first, then hubs)."""

    actor_keys: list[str]
    actor_labels: list[str]
    #: (actors, 2) mean direction of each actor's top-level regions' sectors (NaN: none)
    anchors: np.ndarray
    #: memberships then ties: node index at each end, style key and pull
    ends: np.ndarray
    others: np.ndarray
    edge_styles: list[str]
    edge_weights: np.ndarray
    #: memberships and ties of each actor; members of each alliance (in the view)
    degree: np.ndarray
    members: np.ndarray


def drawn_parts(doc: Document, data: FilteredData, roots_of: dict[str, str],
                roots: list[str]) -> DrawnParts:
    """The columns of ``data``'s drawing; ``roots_of``/``roots``: the document's region
    tree (:func:`explorer.scene.graph_model._regions_of`)."""
    columns = data.columns
    if columns is None or data.actor_rows is None:
        raise ValueError("The view's rows are unknown: pass data from analysis.view.filtered.")
    actors = _ACTORS.get((id(columns),), columns, lambda: _ActorColumns(columns))
    alliance_ids = tuple(map(id, doc.alliances.values()))
    edges = _EDGES.get((id(columns), alliance_ids), (columns, tuple(doc.alliances.values())),
                       lambda: _EdgeColumns(columns, doc.alliances))
    directions = _DIRECTIONS.get(
        (id(actors), id(roots_of), tuple(roots)), (actors, roots_of),
        lambda: _directions(doc, actors, roots_of, roots))

    rows, m_rows, t_rows = data.actor_rows, data.membership_rows, data.tie_rows
    n_actors, n_alliances = len(rows), len(data.alliances)
    # document row -> node index in this view (-1: not drawn), the last slot for row -1
    node_of_row = np.full(len(columns.actors) + 1, -1, np.int64)
    node_of_row[rows] = np.arange(n_actors)
    hub_of_code = np.full(len(edges.alliance_code) + 1, -1, np.int64)
    for j, lid in enumerate(data.alliances):
        hub_of_code[edges.alliance_code[lid]] = n_actors + j
    member_actor = node_of_row[columns.member_rows[m_rows]]
    member_hub = hub_of_code[edges.member_alliance[m_rows]]
    tie_a = node_of_row[columns.tie_a[t_rows]]
    tie_b = node_of_row[columns.tie_b[t_rows]]
    ends = np.concatenate((member_actor, tie_a))
    others = np.concatenate((member_hub, tie_b))
    if len(ends) and (ends.min() < 0 or others.min() < 0):
        raise ValueError("A drawn membership or tie names an actor or alliance not in view.")
    degree = (np.bincount(member_actor, minlength=n_actors)
              + np.bincount(tie_a, minlength=n_actors) + np.bincount(tie_b, minlength=n_actors))
    members = np.bincount(member_hub - n_actors, minlength=n_alliances)
    style_codes = np.concatenate((edges.member_style[m_rows], edges.tie_style[t_rows]))
    return DrawnParts(
        actor_keys=actors.keys[rows].tolist(),
        actor_labels=actors.labels[rows].tolist(),
        anchors=directions[actors.region_of[rows]],
        ends=ends,
        others=others,
        edge_styles=edges.style_array[style_codes].tolist(),
        edge_weights=np.concatenate((edges.member_weight[m_rows], edges.tie_weight[t_rows])),
        degree=degree,
        members=members,
    )


def _directions(doc: Document, actors: _ActorColumns, roots_of: dict[str, str],
                roots: list[str]) -> np.ndarray:
    """(region lists, 2): the mean direction of each list's top-level regions' sectors;
    thousands of actors share a few region lists, one direction each."""
    angle = {r: 2 * math.pi * i / max(len(roots), 1) for i, r in enumerate(roots)}
    out = np.full((len(actors.region_code), 2), np.nan)
    for regions, i in actors.region_code.items():
        aroots = actor_roots(doc, regions, roots_of)
        if aroots:
            out[i] = (sum(math.cos(angle[r]) for r in aroots) / len(aroots),
                      sum(math.sin(angle[r]) for r in aroots) / len(aroots))
    return out
