"""Pure numpy/scipy force kernels, used whenever numba is missing or not yet compiled.

Repulsion is FA2's ``k_r * m_i * m_j / d`` softened by ``eps2`` (same formula as the numba
kernels so both backends agree).  Small graphs use exact all-pairs sums in row blocks;
large graphs use a Barnes–Hut approximation over the cells of a scipy cKDTree, evaluated
for all nodes at once, one tree level per numpy pass.  Every reduction has a fixed order, so results are deterministic.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

import numpy as np
from scipy.spatial import cKDTree

_BLOCK_ELEMS = 1 << 20  # bound temporary (block x n) arrays to ~8 MB each


def exact_repulsion(pos: np.ndarray, mass: np.ndarray, kr: float, eps2: float,
                    out: np.ndarray) -> None:
    """Add exact all-pairs repulsion to ``out`` (n, 2)."""
    n = pos.shape[0]
    x = pos[:, 0]
    y = pos[:, 1]
    block = max(1, _BLOCK_ELEMS // max(n, 1))
    for start in range(0, n, block):
        stop = min(n, start + block)
        dx = x[start:stop, None] - x[None, :]
        dy = y[start:stop, None] - y[None, :]
        d2 = dx * dx + dy * dy
        f = np.where(d2 > 0.0, mass[None, :] / (d2 + eps2), 0.0)
        s = kr * mass[start:stop]
        out[start:stop, 0] += s * (dx * f).sum(axis=1)
        out[start:stop, 1] += s * (dy * f).sum(axis=1)


def _tree_cells(pos: np.ndarray, mass: np.ndarray, leafsize: int):
    """Flatten a scipy cKDTree into per-cell arrays: ranges into ``order``, children,
    mass, centre of mass and bounding box (the box makes the opening test exact)."""
    tree = cKDTree(pos, leafsize=leafsize)
    order = tree.indices
    starts, ends, lesser, greater = [], [], [], []
    queue = [tree.tree]
    for node in queue:  # breadth-first; only ~2n/leafsize cells, so a Python loop is fine
        starts.append(node.start_idx)
        ends.append(node.end_idx)
        if node.split_dim == -1:
            lesser.append(-1)
            greater.append(-1)
        else:
            lesser.append(len(queue))
            queue.append(node.lesser)
            greater.append(len(queue))
            queue.append(node.greater)
    start = np.array(starts)
    end = np.array(ends)
    left = np.array(lesser)
    right = np.array(greater)
    pm = mass[order]
    pxy = pos[order]
    csum = np.concatenate([[0.0], np.cumsum(pm)])
    cm = csum[end] - csum[start]
    com = np.empty((len(start), 2))
    for k in range(2):
        c = np.concatenate([[0.0], np.cumsum(pm * pxy[:, k])])
        com[:, k] = (c[end] - c[start]) / cm
    lo = np.empty((len(start), 2))
    hi = np.empty((len(start), 2))
    leaf = left < 0
    leaves = np.flatnonzero(leaf)
    by_start = leaves[np.argsort(start[leaves])]  # leaves tile ``order`` contiguously
    lo[by_start] = np.minimum.reduceat(pxy, start[by_start], axis=0)
    hi[by_start] = np.maximum.reduceat(pxy, start[by_start], axis=0)
    for c in np.flatnonzero(~leaf)[::-1]:  # children come later in BFS order
        lo[c] = np.minimum(lo[left[c]], lo[right[c]])
        hi[c] = np.maximum(hi[left[c]], hi[right[c]])
    return order, start, end, left, right, cm, com, lo, hi


def tree_repulsion(pos: np.ndarray, mass: np.ndarray, kr: float, eps2: float, theta: float,
                   out: np.ndarray, leafsize: int = 16) -> None:
    """Add Barnes–Hut repulsion to ``out``, vectorised level by level over a cKDTree.

    A frontier of (node, cell) pairs is refined together: far cells act as one body,
    near leaves are expanded to exact node pairs, other near cells are split.
    """
    n = pos.shape[0]
    order, start, end, left, right, cm, com, lo, hi = _tree_cells(pos, mass, leafsize)
    size2 = ((hi - lo).max(axis=1)) ** 2
    theta2 = theta * theta
    x = pos[:, 0]
    y = pos[:, 1]
    fx = np.zeros(n)
    fy = np.zeros(n)
    pi = np.arange(n)
    pc = np.zeros(n, np.int64)
    while len(pi):
        dx = x[pi] - com[pc, 0]
        dy = y[pi] - com[pc, 1]
        d2 = dx * dx + dy * dy
        inside = ((x[pi] >= lo[pc, 0]) & (x[pi] <= hi[pc, 0])
                  & (y[pi] >= lo[pc, 1]) & (y[pi] <= hi[pc, 1]))
        accept = ~inside & (size2[pc] < theta2 * d2)
        f = cm[pc[accept]] / (d2[accept] + eps2)
        fx += np.bincount(pi[accept], dx[accept] * f, n)
        fy += np.bincount(pi[accept], dy[accept] * f, n)
        rest = ~accept
        at_leaf = rest & (left[pc] < 0)
        li = pi[at_leaf]
        lc = pc[at_leaf]
        counts = end[lc] - start[lc]
        if len(li):
            first = np.repeat(start[lc] - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
            j = order[first + np.arange(counts.sum())]
            i = np.repeat(li, counts)
            ex = x[i] - x[j]
            ey = y[i] - y[j]
            e2 = ex * ex + ey * ey
            g = np.where(e2 > 0.0, mass[j] / (e2 + eps2), 0.0)
            fx += np.bincount(i, ex * g, n)
            fy += np.bincount(i, ey * g, n)
        split = rest & (left[pc] >= 0)
        parents = pc[split]
        pi = np.concatenate([pi[split], pi[split]])
        pc = np.concatenate([left[parents], right[parents]])
    s = kr * mass
    out[:, 0] += s * fx
    out[:, 1] += s * fy


def repulsion(pos: np.ndarray, mass: np.ndarray, kr: float, eps2: float, theta: float,
              exact_below: int, out: np.ndarray, parallel: bool = True) -> None:
    """Add repulsion to ``out``: exact below ``exact_below`` nodes, Barnes–Hut above
    (``parallel`` is the numba backend's; numpy uses one thread either way)."""
    if pos.shape[0] < 2:
        return
    if pos.shape[0] < exact_below:
        exact_repulsion(pos, mass, kr, eps2, out)
    else:
        tree_repulsion(pos, mass, kr, eps2, theta, out)


def add_attraction(pos: np.ndarray, src: np.ndarray, dst: np.ndarray, w: np.ndarray,
                   out: np.ndarray) -> None:
    """Add linear edge attraction ``w * d`` to ``out``."""
    if not src.shape[0]:
        return
    n = pos.shape[0]
    d = (pos[src] - pos[dst]) * w[:, None]
    for k in range(2):
        out[:, k] += np.bincount(dst, d[:, k], n) - np.bincount(src, d[:, k], n)


def threads(count: int | None) -> AbstractContextManager[None]:
    """Same signature as the numba module's thread limit; numpy runs on one thread anyway."""
    return nullcontext()
