"""One graph as numpy edge arrays, read from networkx once and shared by every measure.

Walking a networkx graph's edges costs about a second per 200,000 edges per pass; the
measures used to make five such passes (degrees, weight matrix twice, adjacency, igraph),
so they now all start from one :class:`EdgeArrays` and build what they need with numpy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx
import numpy as np
import scipy.sparse as sp
import scipy.sparse.csgraph as csgraph


@dataclass(frozen=True, eq=False)
class EdgeArrays:
    """Nodes in ``g``'s order and each undirected edge once: ``src``/``dst`` positions,
    ``weight`` (default 1.0). Self-loops are kept here (networkx counts them in degrees)
    and dropped from the matrices and the igraph copy."""

    nodes: list
    src: np.ndarray
    dst: np.ndarray
    weight: np.ndarray
    #: +1 / -1 per edge when read with ``sign=`` (the signed projection), else None.
    sign: np.ndarray | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_graph(cls, g: nx.Graph, weight: str = "weight", sign: str | None = None
                   ) -> EdgeArrays:
        """Read ``g`` once, in ``g.edges()`` order; with ``sign`` also that attribute as
        +1 (positive, or absent) / -1 (anything else, as the positive view drops it)."""
        nodes = list(g)
        pos = {v: i for i, v in enumerate(nodes)}
        m = g.number_of_edges()
        src = np.empty(m, dtype=np.int64)
        dst = np.empty(m, dtype=np.int64)
        wts = np.empty(m, dtype=float)
        signs = np.ones(m) if sign is not None else None
        for i, (u, v, d) in enumerate(g.edges(data=True)):
            src[i] = pos[u]
            dst[i] = pos[v]
            wts[i] = d.get(weight, 1.0)
            if signs is not None and not d.get(sign, 1) > 0:
                signs[i] = -1.0
        return cls(nodes, src, dst, wts, signs)

    def where(self, keep: np.ndarray) -> EdgeArrays:
        """The edges where ``keep`` holds, same nodes. On a signed projection,
        ``where(sign > 0)`` equals reading :func:`~explorer.analysis.graphs.positive_view`
        itself (that graph lists its edges in the signed graph's order)."""
        sign = self.sign[keep] if self.sign is not None else None
        return EdgeArrays(self.nodes, self.src[keep], self.dst[keep], self.weight[keep], sign)

    @property
    def n(self) -> int:
        return len(self.nodes)

    @cached_property
    def index(self) -> dict:
        return {v: i for i, v in enumerate(self.nodes)}

    @cached_property
    def _proper(self) -> np.ndarray:
        return self.src != self.dst

    def degree(self) -> np.ndarray:
        """Edge count per node, a self-loop counting twice (as networkx)."""
        n = self.n
        return np.bincount(self.src, minlength=n) + np.bincount(self.dst, minlength=n)

    def weighted_degree(self) -> np.ndarray:
        """Sum of edge weights per node, a self-loop counting twice (as networkx)."""
        n = self.n
        return (np.bincount(self.src, self.weight, minlength=n)
                + np.bincount(self.dst, self.weight, minlength=n))

    @cached_property
    def weight_matrix(self) -> sp.csr_array:
        """Symmetric sparse weight matrix, self-loops dropped."""
        keep = self._proper
        r, c, w = self.src[keep], self.dst[keep], self.weight[keep]
        n = self.n
        return sp.csr_array((np.concatenate([w, w]), (np.concatenate([r, c]),
                                                       np.concatenate([c, r]))), shape=(n, n))

    @cached_property
    def adjacency(self) -> sp.csr_array:
        """Symmetric sparse 0/1 matrix, self-loops dropped (zero-weight edges kept)."""
        keep = self._proper
        r, c = self.src[keep], self.dst[keep]
        n = self.n
        a = sp.csr_array((np.ones(2 * len(r)), (np.concatenate([r, c]), np.concatenate([c, r]))),
                         shape=(n, n))
        a.sum_duplicates()
        a.data[:] = 1.0
        return a

    def components(self) -> list[tuple]:
        """Connected components as sorted tuples of nodes, largest first, then by the
        nodes (the order the report lists them in)."""
        if self.n == 0:
            return []
        count, labels = csgraph.connected_components(self.adjacency, directed=False)
        order = np.argsort(labels, kind="stable")
        bounds = np.flatnonzero(np.diff(labels[order])) + 1
        nodes = self.nodes
        groups = [tuple(sorted(nodes[i] for i in part))
                  for part in np.split(order, bounds)]
        return sorted(groups, key=lambda c: (-len(c), c))

    def igraph(self):
        """The same graph in igraph (undirected, no self-loops), built once; None when
        igraph is not installed."""
        if "igraph" not in self._cache:
            self._cache["igraph"] = _to_igraph(self)
        return self._cache["igraph"]


def _to_igraph(arrays: EdgeArrays):
    try:
        import igraph
    except ImportError:
        return None
    keep = arrays._proper
    edges = np.column_stack((arrays.src[keep], arrays.dst[keep]))
    # the array itself, not a list of 100,000 pairs: building those lists woke the
    # garbage collector, which then walked every record of the project (~0.15 s)
    g = igraph.Graph(n=arrays.n, edges=edges, directed=False)
    g.es["weight"] = arrays.weight[keep].tolist()
    return g
