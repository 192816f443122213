"""Structural balance (Cartwright–Harary) of the signed actor projection.

The signed graph is :func:`explorer.analysis.graphs.signed_projection`: alliance links
are +1 and an in-force bilateral tie's sign overrides them (rivalry wins over alliance).
A triangle is balanced when the product of its three signs is positive ("the friend of
my friend is my friend", "the enemy of my enemy is my friend"). The counts come from
matrix traces, so dense alliance cliques cost no enumeration: with S the signed and A
the absolute adjacency matrix, triangles = tr(A^3)/6 and balanced - unbalanced =
tr(S^3)/6. Unbalanced triangles need a negative edge, so they are listed by walking the
common neighbours of each negative edge. No triangle at all gives ``balanced_share`` None.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp


@dataclass(frozen=True)
class BalanceResult:
    """Triangle counts of a signed graph; ``unbalanced`` lists each unbalanced triangle
    as a sorted triple, the list sorted."""

    triangles: int
    balanced: int
    unbalanced_count: int
    balanced_share: float | None
    unbalanced: tuple[tuple[str, str, str], ...]


def _signed_matrix(g: nx.Graph, nodes: list) -> sp.csr_array:
    pos = {v: i for i, v in enumerate(nodes)}
    m = g.number_of_edges()
    r = np.empty(m, dtype=np.int64)
    c = np.empty(m, dtype=np.int64)
    s = np.empty(m, dtype=float)
    # one pass into numpy arrays: per-edge list appends took 1.5 s at 200,000 edges
    for i, (u, v, sign) in enumerate(g.edges(data="sign", default=1)):
        r[i], c[i], s[i] = pos[u], pos[v], (1.0 if sign > 0 else -1.0)
    keep = r != c
    r, c, s = r[keep], c[keep], s[keep]
    n = len(nodes)
    return sp.csr_array((np.concatenate([s, s]), (np.concatenate([r, c]), np.concatenate([c, r]))),
                        shape=(n, n))


def structural_balance(signed: nx.Graph) -> BalanceResult:
    """Share of balanced triangles of ``signed`` (edge attribute ``sign``: +1 or -1)."""
    nodes = list(signed)
    if len(nodes) < 3 or signed.number_of_edges() < 3:
        return BalanceResult(0, 0, 0, None, ())
    s = _signed_matrix(signed, nodes)
    a = abs(s)
    tri = int(round((a @ a).multiply(a).sum() / 6))
    diff = int(round((s @ s).multiply(s).sum() / 6))
    balanced = (tri + diff) // 2
    unbalanced = tri - balanced
    listed: set[tuple[str, str, str]] = set()
    for u, v, d in signed.edges(data=True):
        if d.get("sign", 1) >= 0:
            continue
        for w in set(signed[u]) & set(signed[v]):
            if w in (u, v):
                continue
            if signed[u][w].get("sign", 1) * signed[v][w].get("sign", 1) > 0:
                listed.add(tuple(sorted((u, v, w))))
    return BalanceResult(
        triangles=tri,
        balanced=balanced,
        unbalanced_count=unbalanced,
        balanced_share=(balanced / tri) if tri else None,
        unbalanced=tuple(sorted(listed)),
    )
