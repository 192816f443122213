"""Where each node of a graph model sits in the map view.

States at their capital, non-state actors at their base, organisations at their seat
(``Actor.place``, sourced in the data); alliance hubs at the mean of their drawn members'
places, so NATO's hub sits in the Atlantic and the SCO's in Central Asia. Actors with no
place stack in a marked margin column right of the map, and so do hubs none of whose
members has a place.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.model.entities import Document
from explorer.model.node_key import ACTOR, NodeKey
from explorer.scene.geo.projection import MARGIN_STEP, MARGIN_TOP, MARGIN_X, project
from explorer.scene.graph_model import GraphModel

#: the heading drawn above the margin column
MARGIN_TITLE = "No fixed place"


@dataclass(frozen=True)
class MapPlacement:
    """(n, 2) map positions aligned with the model's keys, and which are in the margin."""

    positions: np.ndarray
    in_margin: np.ndarray  # (n,) bool

    @property
    def margin_count(self) -> int:
        return int(self.in_margin.sum())


def map_placement(model: GraphModel, doc: Document) -> MapPlacement:
    """Map positions of every node of ``model`` (see the module's description)."""
    n = model.n_nodes
    pos = np.full((n, 2), np.nan)
    for i, key in enumerate(model.keys):
        node = NodeKey.parse(key)
        if node.kind != ACTOR:
            continue
        actor = doc.actors.get(node.id)
        place = actor.place if actor is not None else None
        if place is not None:
            pos[i] = project(place.lat, place.lon)[0]
    placed_actor = np.isfinite(pos).all(axis=1)
    hubs = np.flatnonzero(model.is_hub)
    if len(hubs) and len(model.edges):
        edges = np.asarray(model.edges, dtype=np.int64).reshape(-1, 2)
        for h in hubs:
            ends = np.concatenate([edges[edges[:, 0] == h, 1], edges[edges[:, 1] == h, 0]])
            ends = ends[placed_actor[ends] & ~model.is_hub[ends]]
            if len(ends):
                pos[h] = _mean_place(pos[ends])
    in_margin = ~np.isfinite(pos).all(axis=1)
    for row, i in enumerate(np.flatnonzero(in_margin)):
        pos[i] = (MARGIN_X, MARGIN_TOP - MARGIN_STEP * row)
    return MapPlacement(pos, in_margin)


def _mean_place(points: np.ndarray) -> np.ndarray:
    """The members' mean place, longitude taken as a circular mean: a hub of the US and
    Japan sits in the Pacific, not over Europe."""
    lon = np.radians(points[:, 0])
    x = float(np.degrees(np.arctan2(np.sin(lon).mean(), np.cos(lon).mean())))
    return np.array([x, float(points[:, 1].mean())])


def geo_coordinates(placement: MapPlacement) -> list[tuple[float, float] | None]:
    """(latitude, longitude) of each node in the map, None for the margin's nodes (for
    graph exports, which write them as attributes)."""
    out: list[tuple[float, float] | None] = []
    for (x, y), margin in zip(placement.positions, placement.in_margin, strict=True):
        out.append(None if margin else (float(y), float(x)))
    return out
