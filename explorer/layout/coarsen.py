"""Graph coarsening for the multilevel layout: heavy-edge matching, then stragglers join a
matched neighbour's group (so stars and hubs shrink too, as FM³'s solar systems do).

Everything is vectorised numpy (no numba needed): the whole hierarchy of a 50,000-node,
250,000-edge graph takes about 0.25 s.  Ties are broken by a seeded random key.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_MATCH_ROUNDS = 3  # handshake rounds; each matches most of what the previous one left


@dataclass(frozen=True)
class Level:
    """A weighted simple graph with node masses (a coarse node weighs what its children do)."""

    n: int
    src: np.ndarray  # (m,) int64, src < dst
    dst: np.ndarray  # (m,) int64
    weight: np.ndarray  # (m,) float64, summed over merged edges
    mass: np.ndarray  # (n,) float64


def merge_edges(n: int, src: np.ndarray, dst: np.ndarray,
                weight: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Drop self-loops and merge parallel edges (summing weights); returns ``src < dst``."""
    keep = src != dst
    src, dst, weight = src[keep], dst[keep], weight[keep]
    lo = np.minimum(src, dst)
    hi = np.maximum(src, dst)
    keys, inverse = np.unique(lo * np.int64(n + 1) + hi, return_inverse=True)
    merged = np.bincount(inverse.ravel(), weight, len(keys)) if len(keys) else np.zeros(0)
    return keys // (n + 1), keys % (n + 1), merged


def _best_neighbour(n: int, a: np.ndarray, b: np.ndarray, score: np.ndarray) -> np.ndarray:
    """For every node, its highest-scoring neighbour along arcs a -> b (-1: none).

    ``a`` must be sorted: then each node's arcs are one segment and no sort is needed
    (lexsort here took most of the coarsening time at 50,000 nodes).
    """
    best = np.full(n, -1, np.int64)
    if len(a):
        new_seg = np.ones(len(a), bool)
        new_seg[1:] = a[1:] != a[:-1]
        starts = np.flatnonzero(new_seg)
        seg = np.cumsum(new_seg) - 1
        top = np.flatnonzero(score == np.maximum.reduceat(score, starts)[seg])
        first = np.ones(len(top), bool)
        first[1:] = seg[top[1:]] != seg[top[:-1]]
        best[a[top[first]]] = b[top[first]]
    return best


def coarsen(level: Level, rng: np.random.Generator) -> tuple[np.ndarray, Level]:
    """One coarsening step: ``(parent, coarse)`` with ``parent[i]`` the coarse node of i."""
    n = level.n
    a = np.concatenate([level.src, level.dst])
    order = np.argsort(a, kind="stable")
    a = a[order]
    b = np.concatenate([level.dst, level.src])[order]
    w = np.concatenate([level.weight, level.weight])[order]
    # Heavy edges between light nodes first: dividing by the masses keeps hubs from
    # absorbing every neighbour in the first round and keeps coarse masses balanced.
    jitter = rng.random(len(level.src))
    tie = np.concatenate([jitter, jitter])[order]
    score = w / (level.mass[a] * level.mass[b]) * (1.0 + 1e-6 * tie)
    group = np.full(n, -1, np.int64)
    for _ in range(_MATCH_ROUNDS):
        free = (group[a] < 0) & (group[b] < 0)
        if not free.any():
            break
        pref = _best_neighbour(n, a[free], b[free], score[free])
        i = np.flatnonzero(pref >= 0)
        mutual = i[pref[pref[i]] == i]
        group[mutual] = np.minimum(mutual, pref[mutual])
    # Unmatched nodes join their best already-grouped neighbour (leaves of a star join the
    # hub's pair), which keeps coarsening going on graphs where matching stalls.
    alone = group < 0
    arcs = alone[a] & ~alone[b]
    host = _best_neighbour(n, a[arcs], b[arcs], score[arcs])
    joins = alone & (host >= 0)
    group[joins] = group[host[joins]]
    # Isolated nodes pair up in a seeded random order (they only feel repulsion and
    # gravity, so any partner will do); a node whose neighbours are all alone stays single.
    isolated = np.bincount(a, minlength=n) == 0
    rest = rng.permutation(np.flatnonzero(isolated))
    group[rest] = rest[np.arange(len(rest)) & ~np.int64(1)]
    single = group < 0
    group[single] = np.flatnonzero(single)
    _, parent = np.unique(group, return_inverse=True)
    parent = parent.ravel().astype(np.int64)
    n_coarse = int(parent.max()) + 1 if n else 0
    src, dst, weight = merge_edges(n_coarse, parent[level.src], parent[level.dst], level.weight)
    mass = np.bincount(parent, level.mass, n_coarse)
    return parent, Level(n_coarse, src, dst, weight, mass)
