"""Shortest-path measures for unweighted graphs, vectorised with numpy.

Brandes' betweenness and global efficiency from breadth-first searches run for a batch of
sources at once: each BFS level is one (sparse) matrix product, and the dependency
accumulation walks the levels back the same way. This gives networkx's numbers
(``betweenness_centrality(normalized=True)``, ``global_efficiency``) one to two orders of
magnitude faster, which the what-if comparison needs (it computes everything twice).

Sampled measures (large graphs) run compiled when they can, with the same numbers: the
numpy batches walk dense (nodes x sources) arrays once per BFS level, about ten seconds
for 200 sources at 100,000 nodes. The numba kernel (:mod:`brandes_numba`, the "fast"
extra) is the quickest, about four seconds; without numba, igraph's subset betweenness
and harmonic centrality (about fourteen); without either, numpy.
"""

from __future__ import annotations

import importlib.util
import random
from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp

from explorer.analysis.arrays import EdgeArrays

#: Cells (nodes x sources) per batch, which bounds memory (~10 arrays of this size).
_BATCH_CELLS = 1_000_000


@dataclass(frozen=True)
class PathMeasures:
    """Betweenness (normalised like networkx) and global efficiency of one graph.

    ``sampled`` is True when only ``k`` random sources (``seed``) were used; the values are
    then estimates, rescaled by n/k the way networkx rescales its sampled betweenness.
    """

    betweenness: dict
    efficiency: float
    sampled: bool
    k: int | None
    seed: int | None


def _batch(a, sources: np.ndarray, n: int) -> tuple[np.ndarray, float]:
    """Brandes from ``sources`` at once: (dependency summed per node, sum of 1/d)."""
    b = len(sources)
    cols = np.arange(b)
    sigma = np.zeros((n, b))
    sigma[sources, cols] = 1.0
    visited = np.zeros((n, b), dtype=bool)
    visited[sources, cols] = True
    levels = [visited.copy()]
    frontier = sigma.copy()
    inv_dist = 0.0
    depth = 0
    while True:
        depth += 1
        reach = a @ frontier
        new = (reach > 0) & ~visited
        count = int(new.sum())
        if not count:
            break
        sigma[new] = reach[new]
        visited |= new
        inv_dist += count / depth
        levels.append(new)
        frontier = np.where(new, sigma, 0.0)
    delta = np.zeros((n, b))
    safe_sigma = np.where(sigma > 0, sigma, 1.0)
    for d in range(len(levels) - 1, 0, -1):
        coef = np.where(levels[d], (1.0 + delta) / safe_sigma, 0.0)
        contrib = a @ coef
        delta += np.where(levels[d - 1], sigma * contrib, 0.0)
    delta[sources, cols] = 0.0
    return delta.sum(axis=1), inv_dist


def _numpy_sums(a: sp.csr_array, sources: np.ndarray, n: int) -> tuple[np.ndarray, float]:
    total = np.zeros(n)
    inv = 0.0
    step = max(1, _BATCH_CELLS // n)
    for start in range(0, len(sources), step):
        part, inv_part = _batch(a, sources[start : start + step], n)
        total += part
        inv += inv_part
    return total, inv


def _igraph_sums(graph, sources: np.ndarray) -> tuple[np.ndarray, float]:
    """The same sums as :func:`_numpy_sums` from igraph's C searches."""
    src = sources.tolist()
    total = 2.0 * np.asarray(graph.betweenness(directed=False, sources=src), dtype=float)
    inv = float(sum(graph.harmonic_centrality(vertices=src, normalized=False)))
    return total, inv


def _numba_sums(a: sp.csr_array, sources: np.ndarray, n: int) -> tuple[np.ndarray, float]:
    from explorer.analysis.brandes_numba import brandes_sums

    return brandes_sums(a.indptr.astype(np.int64), a.indices.astype(np.int64), sources, n)


BACKENDS = ("auto", "numba", "igraph", "numpy")
#: From this many nodes "auto" prefers numba: importing it costs about a second, which
#: igraph's searches do not repay below (the 2,000-actor what-if stays off numba).
NUMBA_FROM = 20_000


def _backend(wanted: str, sampled: bool, arrays: EdgeArrays) -> str:
    """The backend to use: "auto" keeps exact (small) graphs on numpy, so their figures
    stay those they always were, and takes the fastest installed one for sampled ones."""
    if wanted not in BACKENDS:
        raise ValueError(f"unknown backend {wanted!r}; expected one of {BACKENDS}")
    if wanted != "auto":
        return wanted
    if not sampled:
        return "numpy"
    has_igraph = arrays.igraph() is not None
    if (arrays.n >= NUMBA_FROM or not has_igraph) and importlib.util.find_spec("numba"):
        return "numba"
    return "igraph" if has_igraph else "numpy"


def path_measures(
    g: nx.Graph,
    k: int | None = None,
    seed: int | None = 42,
    arrays: EdgeArrays | None = None,
    backend: str = "auto",
) -> PathMeasures:
    """Betweenness and efficiency of ``g``, exact, or from ``k`` sampled sources.

    The sources are drawn exactly as networkx draws them
    (``random.Random(seed).sample(list(g), k)``), so the sampled betweenness equals
    ``nx.betweenness_centrality(g, k=k, seed=seed)``. Edge weights are ignored: paths
    are counted in hops. ``arrays`` (of ``g``) saves reading the graph again; ``backend``
    is one of ``BACKENDS`` ("auto": see :func:`_backend` and the module).
    """
    arrays = arrays if arrays is not None else EdgeArrays.from_graph(g)
    nodes = arrays.nodes
    n = len(nodes)
    if n == 0:
        return PathMeasures({}, 0.0, False, None, None)
    sampled = k is not None and k < n
    if sampled:
        chosen = random.Random(seed).sample(nodes, k)
        pos = arrays.index
        sources = np.array([pos[v] for v in chosen], dtype=np.int64)
    else:
        sources = np.arange(n, dtype=np.int64)
    chosen_backend = _backend(backend, sampled, arrays)
    if chosen_backend == "numba":
        total, inv = _numba_sums(arrays.adjacency, sources, n)
    elif chosen_backend == "igraph":
        total, inv = _igraph_sums(arrays.igraph(), sources)
    else:
        total, inv = _numpy_sums(arrays.adjacency, sources, n)
    # networkx 3.6 (_rescale, endpoints excluded): exact values are divided by
    # (n-1)(n-2); sampled ones by k(n-2), or (k-1)(n-2) for the sampled sources, which
    # cannot lie between themselves. With n <= 2 nothing lies between two nodes.
    if n <= 2:
        scale = np.zeros(n)
    elif not sampled:
        scale = np.full(n, 1.0 / ((n - 1) * (n - 2)))
    else:
        kk = len(sources)
        scale = np.full(n, 1.0 / (kk * (n - 2)))
        scale[sources] = 1.0 / ((kk - 1) * (n - 2)) if kk > 1 else 0.0
    bc = dict(zip(nodes, (total * scale).tolist(), strict=True))
    if n < 2:
        eff = 0.0
    elif sampled:
        eff = inv / (len(sources) * (n - 1))
    else:
        eff = inv / (n * (n - 1))
    return PathMeasures(bc, eff, sampled, k if sampled else None, seed if sampled else None)
