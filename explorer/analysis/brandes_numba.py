"""Brandes' dependency sums and inverse-distance sums from given sources, compiled by numba.

Importing this module requires numba; :mod:`explorer.analysis.paths` imports it lazily
and only for sampled (large) graphs. One breadth-first search and one backward pass per
source over the CSR adjacency: at 100,000 nodes / 200,000 edges about 20 ms a source,
against about 70 ms for igraph's subset betweenness plus harmonic centrality, which
need two searches and allocate per source. Compiled once and cached on disk; it runs
without the GIL, so the command line's progress timer can still print meanwhile.

The sources are split into ``CHUNKS`` fixed groups run in parallel (each with its own
buffers) and summed in group order, so the result does not depend on the thread count.
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange

CHUNKS = 8


@njit(cache=True, nogil=True, parallel=True)
def brandes_sums(indptr, indices, sources, n):  # pragma: no cover - compiled
    """(sum over sources of each node's dependency, sum over sources of 1/d to others)."""
    k = len(sources)
    parts = np.zeros((CHUNKS, n))
    invs = np.zeros(CHUNKS)
    for c in prange(CHUNKS):
        lo = c * k // CHUNKS
        hi = (c + 1) * k // CHUNKS
        invs[c] = _chunk(indptr, indices, sources[lo:hi], n, parts[c])
    total = np.zeros(n)
    inv = 0.0
    for c in range(CHUNKS):
        total += parts[c]
        inv += invs[c]
    return total, inv


@njit(cache=True, nogil=True)
def _chunk(indptr, indices, sources, n, total):  # pragma: no cover - compiled
    """Add the dependencies from ``sources`` into ``total``; return their sum of 1/d."""
    sigma = np.zeros(n)
    delta = np.zeros(n)
    dist = np.full(n, -1, np.int64)
    order = np.empty(n, np.int64)
    inv = 0.0
    for s in sources:
        dist[:] = -1
        sigma[:] = 0.0
        sigma[s] = 1.0
        dist[s] = 0
        order[0] = s
        head = 0
        tail = 1
        while head < tail:
            u = order[head]
            head += 1
            du = dist[u] + 1
            for p in range(indptr[u], indptr[u + 1]):
                v = indices[p]
                if dist[v] < 0:
                    dist[v] = du
                    order[tail] = v
                    tail += 1
                    inv += 1.0 / du
                if dist[v] == du:
                    sigma[v] += sigma[u]
        for i in range(tail):
            delta[order[i]] = 0.0
        for i in range(tail - 1, 0, -1):
            w = order[i]
            coef = (1.0 + delta[w]) / sigma[w]
            dw = dist[w] - 1
            for p in range(indptr[w], indptr[w + 1]):
                v = indices[p]
                if dist[v] == dw:
                    delta[v] += sigma[v] * coef
            total[w] += delta[w]
    return inv
