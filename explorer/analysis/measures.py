"""Network measures of the positive actor projection (or any undirected graph).

- **degree** / **weighted degree** (sum of ``weight``).
- **betweenness**: normalised like networkx, paths counted in hops. Exact up to
  ``EXACT_MAX_NODES`` nodes; above it, estimated from ``SAMPLE_K`` sources drawn with
  ``SAMPLE_SEED`` (networkx's own sampling, so ``nx.betweenness_centrality(g, k, seed)``
  gives the same numbers) and ``sampled`` is set, which the report shows.
- **eigenvector** centrality, weighted. networkx's power iteration fails on
  disconnected graphs and may not converge, so it is computed per connected component
  with numpy/scipy (dominant eigenvector of the component's weight matrix, as
  ``nx.eigenvector_centrality_numpy``), each component's vector normalised to unit
  length and scaled by sqrt(component size / n). On a connected graph this equals
  ``nx.eigenvector_centrality_numpy``; isolated nodes get 0.
- **constraint**: Burt's constraint with weights, vectorised (equals ``nx.constraint``);
  None for isolated nodes (networkx gives NaN).
- **articulation points**, **components** (largest first) and the **largest-component
  share** of nodes, and **global efficiency** (hops; estimated from the same sampled
  sources when betweenness is sampled).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp
import scipy.sparse.csgraph as csgraph
import scipy.sparse.linalg as spla

from explorer.analysis.paths import path_measures

EXACT_MAX_NODES = 1000
SAMPLE_K = 200
SAMPLE_SEED = 42
#: Components up to this size use a dense eigen-solver, larger ones scipy's eigsh.
_DENSE_EIG_MAX = 400


@dataclass(frozen=True)
class NetworkMeasures:
    """Every node-level and graph-level measure of one graph; dicts keyed by node."""

    n_nodes: int
    n_edges: int
    degree: dict[str, int]
    weighted_degree: dict[str, float]
    betweenness: dict[str, float]
    betweenness_sampled: bool
    betweenness_k: int | None
    eigenvector: dict[str, float]
    constraint: dict[str, float | None]
    articulation_points: tuple[str, ...]
    components: tuple[tuple[str, ...], ...]
    largest_component_share: float
    efficiency: float

    def top(self, measure: str, n: int = 10) -> list[tuple[str, float]]:
        """The ``n`` highest nodes by ``measure`` (a dict attribute), ties broken by id."""
        values = getattr(self, measure)
        ranked = sorted(
            ((k, v) for k, v in values.items() if v is not None), key=lambda kv: (-kv[1], kv[0])
        )
        return ranked[:n]

    @property
    def isolated(self) -> tuple[str, ...]:
        return tuple(sorted(k for k, d in self.degree.items() if d == 0))


def _weight_matrix(g: nx.Graph, nodes: list, weight: str = "weight") -> sp.csr_array:
    pos = {v: i for i, v in enumerate(nodes)}
    r, c, w = [], [], []
    for u, v, d in g.edges(data=True):
        if u == v:
            continue
        x = float(d.get(weight, 1.0))
        r += [pos[u], pos[v]]
        c += [pos[v], pos[u]]
        w += [x, x]
    n = len(nodes)
    return sp.csr_array((np.array(w, dtype=float), (r, c)), shape=(n, n))


def eigenvector_by_component(g: nx.Graph, weight: str = "weight") -> dict[str, float]:
    """Weighted eigenvector centrality, computed per connected component (see module)."""
    nodes = list(g)
    n = len(nodes)
    out = dict.fromkeys(nodes, 0.0)
    if n == 0:
        return out
    w = _weight_matrix(g, nodes, weight)
    count, labels = csgraph.connected_components(abs(w) > 0, directed=False)
    for label in range(count):
        idx = np.flatnonzero(labels == label)
        if len(idx) < 2:
            continue
        m = w[idx][:, idx]
        if len(idx) <= _DENSE_EIG_MAX:
            _, vecs = np.linalg.eigh(m.toarray())
            vec = vecs[:, -1]
        else:
            _, vecs = spla.eigsh(m, k=1, which="LA", tol=1e-10)
            vec = vecs[:, 0]
        vec = np.abs(vec)
        norm = np.linalg.norm(vec)
        if norm == 0:
            continue
        vec = vec / norm * np.sqrt(len(idx) / n)
        out.update(zip((nodes[i] for i in idx), vec.tolist(), strict=True))
    return out


def burt_constraint(g: nx.Graph, weight: str = "weight") -> dict[str, float | None]:
    """Burt's constraint c_i = sum over neighbours j of (p_ij + sum_q p_iq p_qj)^2."""
    nodes = list(g)
    if not nodes:
        return {}
    w = _weight_matrix(g, nodes, weight)
    strength = np.asarray(w.sum(axis=1)).ravel()
    inv = np.divide(1.0, strength, out=np.zeros_like(strength), where=strength > 0)
    p = sp.diags_array(inv) @ w
    pattern = w.copy()
    pattern.data[:] = 1.0
    local = p + (p @ p).multiply(pattern)
    c = np.asarray(local.power(2).sum(axis=1)).ravel()
    degree = np.diff(w.indptr)
    return {
        v: (float(c[i]) if degree[i] > 0 and strength[i] > 0 else None) for i, v in enumerate(nodes)
    }


def network_measures(
    g: nx.Graph,
    weight: str = "weight",
    exact_max_nodes: int = EXACT_MAX_NODES,
    sample_k: int = SAMPLE_K,
    seed: int = SAMPLE_SEED,
) -> NetworkMeasures:
    """All measures of ``g``; an empty graph gives empty dicts and zeros."""
    n = g.number_of_nodes()
    sampled = n > exact_max_nodes
    paths = path_measures(g, k=sample_k if sampled else None, seed=seed)
    components = sorted(
        (tuple(sorted(c)) for c in nx.connected_components(g)), key=lambda c: (-len(c), c)
    )
    return NetworkMeasures(
        n_nodes=n,
        n_edges=g.number_of_edges(),
        degree=dict(g.degree()),
        weighted_degree={k: float(v) for k, v in g.degree(weight=weight)},
        betweenness=paths.betweenness,
        betweenness_sampled=paths.sampled,
        betweenness_k=paths.k,
        eigenvector=eigenvector_by_component(g, weight),
        constraint=burt_constraint(g, weight),
        articulation_points=tuple(sorted(nx.articulation_points(g))),
        components=tuple(components),
        largest_component_share=(len(components[0]) / n) if n else 0.0,
        efficiency=paths.efficiency,
    )
