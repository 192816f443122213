"""Layout quality: normalised stress against graph-theoretic distances.

For pairs (i, j) with finite graph distance ``D_ij > 0`` and layout distance ``d_ij``,
weights ``w_ij = D_ij**-2`` and the optimal scale ``alpha = sum(w d D) / sum(w d^2)``
(so the measure ignores the layout's overall size)::

    stress = sum w_ij (alpha * d_ij - D_ij)^2 / sum w_ij D_ij^2
           = mean over pairs of (alpha * d_ij / D_ij - 1)^2

0 is a perfect distance-preserving embedding; 1 is what collapsing everything to a point
scores.  Large graphs use all pairs from a seeded sample of source nodes.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import shortest_path


def graph_distances(n_nodes: int, edges: np.ndarray, sources: int | np.ndarray | None = None,
                    seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Unweighted hop distances from ``sources`` to every node: ``(sources, D)``.

    ``sources`` may be None (all nodes), an int (that many sampled with ``seed``), or
    explicit indices; ``D`` has shape (len(sources), n_nodes) with inf for unreachable.
    """
    e = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    e = e[e[:, 0] != e[:, 1]]
    adj = csr_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(n_nodes, n_nodes))
    if sources is None:
        idx = np.arange(n_nodes)
    elif np.isscalar(sources):
        k = min(int(sources), n_nodes)
        idx = np.sort(np.random.default_rng(seed).choice(n_nodes, size=k, replace=False))
    else:
        idx = np.asarray(sources, dtype=np.int64)
    dist = shortest_path(adj, method="D", directed=False, unweighted=True, indices=idx)
    return idx, np.atleast_2d(dist)


def normalised_stress(positions: np.ndarray, graph_distances: np.ndarray,
                      sources: np.ndarray | None = None) -> float:
    """Scale-optimal normalised stress (formula in the module docstring); NaN if no pairs.

    ``graph_distances`` is (n, n), or (k, n) rows for the node indices ``sources``.
    """
    pos = np.asarray(positions, dtype=np.float64)
    dist = np.atleast_2d(np.asarray(graph_distances, dtype=np.float64))
    idx = np.arange(dist.shape[0]) if sources is None else np.asarray(sources, np.int64)
    num = 0.0  # sum w d D  == sum d / D
    den = 0.0  # sum w d^2  == sum (d / D)^2
    ratios = []
    for row, s in enumerate(idx):
        big_d = dist[row]
        ok = np.isfinite(big_d) & (big_d > 0)
        d = np.sqrt(((pos[ok] - pos[s]) ** 2).sum(axis=1))
        r = d / big_d[ok]
        ratios.append(r)
        num += float(r.sum())
        den += float((r * r).sum())
    if not ratios or sum(len(r) for r in ratios) == 0:
        return float("nan")
    r = np.concatenate(ratios)
    alpha = num / den if den > 0 else 0.0
    return float(np.mean((alpha * r - 1.0) ** 2))
