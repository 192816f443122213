"""Where nodes start: random initial layouts, new nodes near their neighbours, hot sets.

All randomness comes from the generator passed in, so placement is deterministic per seed.
"""

from __future__ import annotations

import numpy as np

from .graph import CleanGraph


def random_positions(n: int, rng: np.random.Generator) -> np.ndarray:
    """Uniform random positions in a square whose area grows with n (roughly FA2's scale)."""
    half = 2.0 * np.sqrt(max(n, 1))
    return rng.uniform(-half, half, size=(n, 2))


def _typical_spacing(pos: np.ndarray, placed: np.ndarray, graph: CleanGraph) -> float:
    """Median length of placed edges, else extent / sqrt(n); the jitter scale for new nodes."""
    both = placed[graph.src] & placed[graph.dst]
    if both.any():
        lengths = np.linalg.norm(pos[graph.src[both]] - pos[graph.dst[both]], axis=1)
        med = float(np.median(lengths))
        if med > 0:
            return med
    if placed.sum() > 1:
        p = pos[placed]
        return float((p.max(axis=0) - p.min(axis=0)).max()) / np.sqrt(placed.sum()) + 1e-6
    return 1.0


def place_missing(pos: np.ndarray, graph: CleanGraph, rng: np.random.Generator) -> np.ndarray:
    """Fill NaN rows of ``pos``: at the mean of placed neighbours plus a small jitter.

    Sweeps repeat so chains of new nodes grow outwards from the existing layout; nodes with
    no placed neighbour at all go to random spots inside the current layout's bounding box.
    """
    pos = pos.copy()
    placed = np.isfinite(pos).all(axis=1)
    if placed.all():
        return pos
    if not placed.any():
        return random_positions(graph.n, rng)
    jitter = 0.1 * _typical_spacing(pos, placed, graph)
    src = np.concatenate([graph.src, graph.dst])
    dst = np.concatenate([graph.dst, graph.src])
    n = graph.n
    while True:
        use = placed[dst] & ~placed[src]
        if not use.any():
            break
        count = np.bincount(src[use], minlength=n)
        targets = np.flatnonzero(count)
        for k in range(2):
            total = np.bincount(src[use], pos[dst[use], k], n)
            pos[targets, k] = total[targets] / count[targets]
        angle = rng.uniform(0.0, 2.0 * np.pi, len(targets))
        radius = jitter * np.sqrt(rng.uniform(0.0, 1.0, len(targets)))
        pos[targets, 0] += radius * np.cos(angle)
        pos[targets, 1] += radius * np.sin(angle)
        placed[targets] = True
    rest = np.flatnonzero(~placed)
    if len(rest):
        lo = pos[placed].min(axis=0)
        hi = pos[placed].max(axis=0)
        pos[rest] = rng.uniform(lo - jitter, hi + jitter, size=(len(rest), 2))
    return pos


def hot_mask(old: CleanGraph, new: CleanGraph, index_map: np.ndarray,
             changed: np.ndarray | None) -> np.ndarray:
    """Nodes that should move freely after an edit: new nodes, endpoints of added or removed
    edges, explicitly ``changed`` nodes, and the direct neighbours of all of those.

    ``index_map[i]`` is the old index of new node i, or -1 for a new node.
    """
    n = new.n
    hot = index_map < 0
    if changed is not None:
        c = np.asarray(changed)
        if c.dtype == bool:
            hot |= c
        elif c.size:
            hot[c.astype(np.int64)] = True
    # Compare edge sets in the new numbering (old nodes that vanished drop their edges).
    old_to_new = np.full(old.n, -1, np.int64)
    kept = index_map >= 0
    old_to_new[index_map[kept]] = np.flatnonzero(kept)
    base = n + 1
    # both already sorted and unique (edge_keys): skip setxor1d's own two unique passes
    diff = np.setxor1d(old.edge_keys(base, old_to_new), new.edge_keys(base), assume_unique=True)
    hot[diff // base] = True
    hot[diff % base] = True
    # Neighbours of deleted nodes lost an edge that the key comparison cannot see.
    a, b = old_to_new[old.src], old_to_new[old.dst]
    hot[a[(a >= 0) & (b < 0)]] = True
    hot[b[(b >= 0) & (a < 0)]] = True
    if hot.any() and len(new.src):
        adj = new.adjacency()
        hot |= (adj @ hot.astype(np.float64)) > 0
    return hot
