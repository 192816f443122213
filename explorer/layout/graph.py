"""Edge-list cleaning and adjacency helpers shared by the layout engine and placement."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse


@dataclass(frozen=True)
class CleanGraph:
    """Undirected simple graph: self-loops dropped, duplicate edges merged (weights summed)."""

    n: int
    src: np.ndarray  # (m,) int64, src < dst
    dst: np.ndarray  # (m,) int64
    weight: np.ndarray  # (m,) float64
    mass: np.ndarray  # (n,) float64, FA2 mass = degree + 1

    def adjacency(self) -> sparse.csr_matrix:
        """Symmetric 0/1 CSR adjacency (used for neighbour lookups, not forces)."""
        ones = np.ones(2 * len(self.src))
        rows = np.concatenate([self.src, self.dst])
        cols = np.concatenate([self.dst, self.src])
        return sparse.csr_matrix((ones, (rows, cols)), shape=(self.n, self.n))

    def edge_keys(self, base: int, relabel: np.ndarray | None = None) -> np.ndarray:
        """Sorted unique keys ``lo * base + hi``; ``relabel`` maps ids (-1 drops the edge)."""
        s, d = self.src, self.dst
        if relabel is not None:
            s, d = relabel[s], relabel[d]
            ok = (s >= 0) & (d >= 0)
            s, d = s[ok], d[ok]
        lo = np.minimum(s, d)
        hi = np.maximum(s, d)
        return np.unique(lo * np.int64(base) + hi)


def clean_graph(n_nodes: int, edges: np.ndarray | None, weights: np.ndarray | None) -> CleanGraph:
    """Validate and normalise an edge list; raises ValueError on bad indices or weights."""
    n = int(n_nodes)
    if n < 0:
        raise ValueError("n_nodes must be >= 0")
    e = np.zeros((0, 2), np.int64) if edges is None else np.asarray(edges)
    if e.size == 0:
        e = np.zeros((0, 2), np.int64)
    if e.ndim != 2 or e.shape[1] != 2:
        raise ValueError(f"edges must have shape (m, 2), got {e.shape}")
    e = e.astype(np.int64, copy=False)
    if len(e) and (e.min() < 0 or e.max() >= n):
        raise ValueError("edge endpoint out of range [0, n_nodes)")
    w = np.ones(len(e)) if weights is None else np.asarray(weights, dtype=np.float64).ravel()
    if w.shape[0] != len(e):
        raise ValueError("weights must have one entry per edge")
    if len(w) and (not np.isfinite(w).all() or (w < 0).any()):
        raise ValueError("weights must be finite and non-negative")
    keep = e[:, 0] != e[:, 1]  # self-loops exert no force between distinct nodes
    e, w = e[keep], w[keep]
    lo = np.minimum(e[:, 0], e[:, 1])
    hi = np.maximum(e[:, 0], e[:, 1])
    keys, inverse = np.unique(lo * np.int64(n + 1) + hi, return_inverse=True)
    weight = np.bincount(inverse.ravel(), w, len(keys)) if len(keys) else np.zeros(0)
    src = keys // (n + 1)
    dst = keys % (n + 1)
    deg = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
    return CleanGraph(n, src, dst, weight, deg[:n].astype(np.float64) + 1.0)
