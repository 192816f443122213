"""Pure numpy/scipy force kernels, used whenever numba is missing or not yet compiled.

Repulsion is FA2's ``k_r * m_i * m_j / d`` softened by ``eps2`` (same formula as the numba
kernels so both backends agree).  Small graphs use exact all-pairs sums in row blocks;
large graphs use a two-level grid: exact forces between nodes in the same or adjacent
grid cells (pairs found with a cKDTree) and node-to-cell-centre-of-mass forces for all
other cells.  Every reduction has a fixed order, so results are deterministic.
"""

from __future__ import annotations

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


def grid_repulsion(pos: np.ndarray, mass: np.ndarray, kr: float, eps2: float,
                   out: np.ndarray) -> None:
    """Add approximate repulsion: exact within neighbouring grid cells, cell masses beyond."""
    n = pos.shape[0]
    lo = pos.min(axis=0)
    extent = float((pos.max(axis=0) - lo).max()) + 1e-9
    # ~4*sqrt(n) cells balances the n*cells far-field cost against the near-pair count.
    g = max(4, int(round(2.0 * n ** 0.25)))
    width = extent / g
    cell_xy = np.minimum(((pos - lo) / width).astype(np.int64), g - 1)
    cell = cell_xy[:, 0] * g + cell_xy[:, 1]
    cmass = np.bincount(cell, mass, g * g)
    occupied = np.flatnonzero(cmass > 0)
    cm = cmass[occupied]
    cx = np.bincount(cell, mass * pos[:, 0], g * g)[occupied] / cm
    cy = np.bincount(cell, mass * pos[:, 1], g * g)[occupied] / cm
    ci = occupied // g
    cj = occupied % g

    # Far field: every node against every non-adjacent occupied cell.
    fx = np.zeros(n)
    fy = np.zeros(n)
    block = max(1, _BLOCK_ELEMS // max(len(occupied), 1))
    for start in range(0, n, block):
        stop = min(n, start + block)
        dx = pos[start:stop, 0, None] - cx[None, :]
        dy = pos[start:stop, 1, None] - cy[None, :]
        far = (np.abs(cell_xy[start:stop, 0, None] - ci[None, :]) > 1) | (
            np.abs(cell_xy[start:stop, 1, None] - cj[None, :]) > 1
        )
        f = np.where(far, cm[None, :] / (dx * dx + dy * dy + eps2), 0.0)
        fx[start:stop] = (dx * f).sum(axis=1)
        fy[start:stop] = (dy * f).sum(axis=1)

    # Near field: exact pairs in the 3x3 cell neighbourhood (all lie within 2*sqrt(2)*width).
    pairs = cKDTree(pos).query_pairs(2.8285 * width, output_type="ndarray")
    if len(pairs):
        a = pairs[:, 0]
        b = pairs[:, 1]
        keep = (np.abs(cell_xy[a] - cell_xy[b]) <= 1).all(axis=1)
        a = a[keep]
        b = b[keep]
        dx = pos[a, 0] - pos[b, 0]
        dy = pos[a, 1] - pos[b, 1]
        d2 = dx * dx + dy * dy
        f = np.where(d2 > 0.0, 1.0 / (d2 + eps2), 0.0)
        fx += np.bincount(a, dx * f * mass[b], n) - np.bincount(b, dx * f * mass[a], n)
        fy += np.bincount(a, dy * f * mass[b], n) - np.bincount(b, dy * f * mass[a], n)
    s = kr * mass
    out[:, 0] += s * fx
    out[:, 1] += s * fy


def repulsion(pos: np.ndarray, mass: np.ndarray, kr: float, eps2: float, theta: float,
              exact_below: int, out: np.ndarray) -> None:
    """Add repulsion to ``out``: exact below ``exact_below`` nodes, grid approximation above.

    ``theta`` is accepted for signature parity with the numba backend and ignored.
    """
    del theta
    if pos.shape[0] < 2:
        return
    if pos.shape[0] < exact_below:
        exact_repulsion(pos, mass, kr, eps2, out)
    else:
        grid_repulsion(pos, mass, kr, eps2, out)


def add_attraction(pos: np.ndarray, src: np.ndarray, dst: np.ndarray, w: np.ndarray,
                   out: np.ndarray) -> None:
    """Add linear edge attraction ``w * d`` to ``out``."""
    if not src.shape[0]:
        return
    n = pos.shape[0]
    d = (pos[src] - pos[dst]) * w[:, None]
    for k in range(2):
        out[:, k] += np.bincount(dst, d[:, k], n) - np.bincount(src, d[:, k], n)
