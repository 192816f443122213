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

from explorer.analysis.arrays import EdgeArrays


@dataclass(frozen=True)
class BalanceResult:
    """Triangle counts of a signed graph; ``unbalanced`` lists each unbalanced triangle
    as a sorted triple, the list sorted."""

    triangles: int
    balanced: int
    unbalanced_count: int
    balanced_share: float | None
    unbalanced: tuple[tuple[str, str, str], ...]


def _signed_matrix(arrays: EdgeArrays) -> sp.csr_array:
    keep = arrays.src != arrays.dst
    r, c, s = arrays.src[keep], arrays.dst[keep], arrays.sign[keep]
    n = arrays.n
    return sp.csr_array((np.concatenate([s, s]), (np.concatenate([r, c]), np.concatenate([c, r]))),
                        shape=(n, n))


def structural_balance(signed: nx.Graph, arrays: EdgeArrays | None = None) -> BalanceResult:
    """Share of balanced triangles of ``signed`` (edge attribute ``sign``: +1 or -1);
    ``arrays`` (of ``signed``, read with ``sign="sign"``) saves reading it again."""
    if arrays is None or arrays.sign is None:
        arrays = EdgeArrays.from_graph(signed, sign="sign")
    if arrays.n < 3 or len(arrays.src) < 3:
        return BalanceResult(0, 0, 0, None, ())
    s = _signed_matrix(arrays)
    a = abs(s)
    tri = int(round((a @ a).multiply(a).sum() / 6))
    diff = int(round((s @ s).multiply(s).sum() / 6))
    balanced = (tri + diff) // 2
    unbalanced = tri - balanced
    listed: set[tuple[str, str, str]] = set()
    nodes = arrays.nodes
    negative = np.flatnonzero(arrays.sign < 0)
    for u, v in zip(arrays.src[negative].tolist(), arrays.dst[negative].tolist(), strict=True):
        u, v = nodes[u], nodes[v]
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
