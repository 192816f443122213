"""Numba force kernels: Barnes–Hut quadtree repulsion, exact repulsion and edge attraction.

Importing this module requires numba; the engine only imports it lazily (see
``explorer.layout.backends``) so the application runs without numba installed.

All kernels compute the FA2 repulsion ``k_r * m_i * m_j / d`` (with masses ``m = deg + 1``)
softened by ``eps2`` so coincident nodes never produce infinities.  Parallel loops write
only their own node's accumulator, which keeps the results bitwise deterministic.  Every
kernel releases the GIL (``nogil``), so a layout stepped in a worker thread runs beside
the painting thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from numba import get_num_threads, njit, prange, set_num_threads

from .parallel import PARALLEL_LAUNCH

# Beyond this depth two bodies are merged into one leaf: the cell is then ~1e-12 of the
# layout extent, far below anything visible, and it bounds the traversal stack.
MAX_DEPTH = 40
_STACK = 4 * (MAX_DEPTH + 2)


@njit(cache=True, nogil=True)
def _quadrant(px: float, py: float, cx: float, cy: float) -> int:
    q = 0
    if px >= cx:
        q += 1
    if py >= cy:
        q += 2
    return q


@njit(cache=True, nogil=True)
def build_tree(x, y, mass, cap):
    """Build a quadtree and flatten it into pre-order arrays with skip pointers.

    Returns ``(ok, flat, skip)``; ``flat`` columns are mass, com_x, com_y, width,
    centre_x, centre_y, half-width (width 0 marks a leaf).  ``ok`` is False when
    ``cap`` cells were not enough and the caller should retry with a larger cap.
    """
    n = x.shape[0]
    child = np.full((cap, 4), -1, np.int64)
    ccx = np.empty(cap)
    ccy = np.empty(cap)
    half = np.empty(cap)
    depth = np.zeros(cap, np.int64)
    nxt = np.full(n, -1, np.int64)  # linked list of bodies merged into one leaf
    minx = x.min()
    maxx = x.max()
    miny = y.min()
    maxy = y.max()
    h = 0.5 * max(maxx - minx, maxy - miny) * 1.0001 + 1e-9
    ccx[0] = 0.5 * (minx + maxx)
    ccy[0] = 0.5 * (miny + maxy)
    half[0] = h
    ncell = 1
    for b in range(n):
        c = 0
        while True:
            q = _quadrant(x[b], y[b], ccx[c], ccy[c])
            ch = child[c, q]
            if ch == -1:
                child[c, q] = -(b + 2)
                break
            if ch >= 0:
                c = ch
                continue
            e = -ch - 2
            if depth[c] >= MAX_DEPTH or (x[e] == x[b] and y[e] == y[b]):
                nxt[b] = nxt[e]
                nxt[e] = b
                break
            if ncell >= cap:
                return False, np.empty((0, 7)), np.empty(0, np.int64)
            nc = ncell
            ncell += 1
            hh = 0.5 * half[c]
            ccx[nc] = ccx[c] + (hh if (q & 1) else -hh)
            ccy[nc] = ccy[c] + (hh if (q & 2) else -hh)
            half[nc] = hh
            depth[nc] = depth[c] + 1
            child[c, q] = nc
            child[nc, _quadrant(x[e], y[e], ccx[nc], ccy[nc])] = -(e + 2)
            c = nc

    # Children always have larger indices than parents, so a reverse sweep is post-order.
    cm = np.zeros(ncell)
    cx = np.zeros(ncell)
    cy = np.zeros(ncell)
    size = np.ones(ncell, np.int64)
    for c in range(ncell - 1, -1, -1):
        m = 0.0
        sx = 0.0
        sy = 0.0
        for q in range(4):
            ch = child[c, q]
            if ch >= 0:
                m += cm[ch]
                sx += cm[ch] * cx[ch]
                sy += cm[ch] * cy[ch]
                size[c] += size[ch]
            elif ch != -1:
                b = -ch - 2
                while b != -1:
                    m += mass[b]
                    sx += mass[b] * x[b]
                    sy += mass[b] * y[b]
                    b = nxt[b]
                size[c] += 1
        cm[c] = m
        if m > 0.0:
            cx[c] = sx / m
            cy[c] = sy / m
        else:
            cx[c] = ccx[c]
            cy[c] = ccy[c]

    nflat = size[0]
    flat = np.empty((nflat, 7))
    skip = np.empty(nflat, np.int64)
    stack = np.empty(_STACK, np.int64)
    stack[0] = 0
    sp = 1
    p = 0
    while sp > 0:
        sp -= 1
        item = stack[sp]
        if item >= 0:
            flat[p, 0] = cm[item]
            flat[p, 1] = cx[item]
            flat[p, 2] = cy[item]
            flat[p, 3] = 2.0 * half[item]
            flat[p, 4] = ccx[item]
            flat[p, 5] = ccy[item]
            flat[p, 6] = half[item]
            skip[p] = p + size[item]
            p += 1
            for q in range(3, -1, -1):
                ch = child[item, q]
                if ch != -1:
                    stack[sp] = ch
                    sp += 1
        else:
            b = -item - 2
            m = 0.0
            sx = 0.0
            sy = 0.0
            while b != -1:
                m += mass[b]
                sx += mass[b] * x[b]
                sy += mass[b] * y[b]
                b = nxt[b]
            flat[p, 0] = m
            flat[p, 1] = sx / m
            flat[p, 2] = sy / m
            flat[p, 3] = 0.0
            flat[p, 4] = 0.0
            flat[p, 5] = 0.0
            flat[p, 6] = 0.0
            skip[p] = p + 1
            p += 1
    return True, flat, skip


@njit(cache=True, nogil=True)
def _bh_force(xi, yi, flat, skip, theta2, eps2):
    """The Barnes–Hut repulsion on a body at (xi, yi); stackless walk via skip pointers."""
    nflat = flat.shape[0]
    ax = 0.0
    ay = 0.0
    k = 0
    while k < nflat:
        dx = xi - flat[k, 1]
        dy = yi - flat[k, 2]
        d2 = dx * dx + dy * dy
        w = flat[k, 3]
        if w == 0.0:
            if d2 > 0.0:
                f = flat[k, 0] / (d2 + eps2)
                ax += dx * f
                ay += dy * f
            k += 1
        elif w * w < theta2 * d2 and (
            abs(xi - flat[k, 4]) > flat[k, 6] or abs(yi - flat[k, 5]) > flat[k, 6]
        ):
            # Far enough and not containing i itself: treat the cell as one body.
            f = flat[k, 0] / (d2 + eps2)
            ax += dx * f
            ay += dy * f
            k = skip[k]
        else:
            k += 1
    return ax, ay


@njit(cache=True, nogil=True)
def _bh_node(i, x, y, mass, flat, skip, theta2, kr, eps2, out):
    ax, ay = _bh_force(x[i], y[i], flat, skip, theta2, eps2)
    s = kr * mass[i]
    out[i, 0] += s * ax
    out[i, 1] += s * ay


@njit(parallel=True, cache=True, nogil=True)
def bh_repulsion(x, y, mass, flat, skip, theta2, kr, eps2, out):
    """Add Barnes–Hut FA2 repulsion to ``out`` (n, 2), nodes shared among threads."""
    for i in prange(x.shape[0]):
        _bh_node(i, x, y, mass, flat, skip, theta2, kr, eps2, out)


@njit(cache=True, nogil=True)
def bh_repulsion_serial(x, y, mass, flat, skip, theta2, kr, eps2, out):
    """:func:`bh_repulsion` on one thread: for a layout stepped beside the painting
    thread, where a second worker would only compete with it for the other core."""
    for i in range(x.shape[0]):
        _bh_node(i, x, y, mass, flat, skip, theta2, kr, eps2, out)


@njit(cache=True, nogil=True)
def _exact_force(i, x, y, mass, eps2):
    xi = x[i]
    yi = y[i]
    ax = 0.0
    ay = 0.0
    for j in range(x.shape[0]):
        dx = xi - x[j]
        dy = yi - y[j]
        d2 = dx * dx + dy * dy
        if d2 > 0.0:
            f = mass[j] / (d2 + eps2)
            ax += dx * f
            ay += dy * f
    return ax, ay


@njit(cache=True, nogil=True)
def _exact_node(i, x, y, mass, kr, eps2, out):
    ax, ay = _exact_force(i, x, y, mass, eps2)
    s = kr * mass[i]
    out[i, 0] += s * ax
    out[i, 1] += s * ay


@njit(parallel=True, cache=True, nogil=True)
def exact_repulsion(x, y, mass, kr, eps2, out):
    """Add exact all-pairs FA2 repulsion to ``out``; used for small graphs."""
    for i in prange(x.shape[0]):
        _exact_node(i, x, y, mass, kr, eps2, out)


@njit(cache=True, nogil=True)
def exact_repulsion_serial(x, y, mass, kr, eps2, out):
    """:func:`exact_repulsion` on one thread (see :func:`bh_repulsion_serial`)."""
    for i in range(x.shape[0]):
        _exact_node(i, x, y, mass, kr, eps2, out)


@njit(cache=True, nogil=True)
def attraction(x, y, src, dst, w, out):
    """Add linear edge attraction ``w * d`` (towards each other) to ``out``."""
    for e in range(src.shape[0]):
        s = src[e]
        t = dst[e]
        fx = w[e] * (x[s] - x[t])
        fy = w[e] * (y[s] - y[t])
        out[s, 0] -= fx
        out[s, 1] -= fy
        out[t, 0] += fx
        out[t, 1] += fy


def repulsion(pos: np.ndarray, mass: np.ndarray, kr: float, eps2: float, theta: float,
              exact_below: int, out: np.ndarray, parallel: bool = True) -> None:
    """Add FA2 repulsion to ``out``: exact below ``exact_below`` nodes, Barnes–Hut above;
    on numba's thread pool, or on the calling thread alone when not ``parallel``."""
    n = pos.shape[0]
    if n < 2:
        return
    x = np.ascontiguousarray(pos[:, 0])
    y = np.ascontiguousarray(pos[:, 1])
    if n < exact_below:
        if parallel:
            with PARALLEL_LAUNCH:
                exact_repulsion(x, y, mass, kr, eps2, out)
        else:
            exact_repulsion_serial(x, y, mass, kr, eps2, out)
        return
    cap = 4 * n + 64
    while True:
        ok, flat, skip = build_tree(x, y, mass, cap)
        if ok:
            break
        cap *= 2  # heavily clustered layouts need more cells; rare
    if parallel:
        with PARALLEL_LAUNCH:
            bh_repulsion(x, y, mass, flat, skip, theta * theta, kr, eps2, out)
    else:
        bh_repulsion_serial(x, y, mass, flat, skip, theta * theta, kr, eps2, out)


def add_attraction(pos: np.ndarray, src: np.ndarray, dst: np.ndarray, w: np.ndarray,
                   out: np.ndarray) -> None:
    """Add edge attraction to ``out`` (thin wrapper so both backends share a signature)."""
    if src.shape[0]:
        attraction(np.ascontiguousarray(pos[:, 0]), np.ascontiguousarray(pos[:, 1]),
                   src, dst, w, out)


def warm_up() -> None:
    """Compile (or load from cache) every kernel by running them on a tiny graph."""
    rng = np.random.default_rng(0)
    pos = rng.normal(size=(8, 2))
    mass = np.ones(8)
    out = np.zeros((8, 2))
    src = np.arange(7, dtype=np.int64)
    dst = src + 1
    for parallel in (True, False):
        repulsion(pos, mass, 1.0, 1e-4, 1.0, 4, out, parallel)
        repulsion(pos, mass, 1.0, 1e-4, 1.0, 100, out, parallel)
    add_attraction(pos, src, dst, np.ones(7), out)


@contextmanager
def threads(count: int | None) -> Iterator[None]:
    """Run the parallel kernels on at most ``count`` threads inside the block (this thread
    only; None: all).  Small graphs finish faster on one thread: a parallel launch costs a
    scheduler time slice whenever another process holds a core."""
    before = get_num_threads()
    set_num_threads(before if count is None else max(1, min(count, before)))
    try:
        yield
    finally:
        set_num_threads(before)
