"""Whole FA2 iterations in one compiled call, for a layout stepped in a worker thread.

:meth:`ForceLayout.step` is some forty numpy operations around the force kernels. Each
needs the GIL, and while the window paints, the painting thread holds it for most of a
frame: a 10,000-node step that takes 12 ms alone took 37 ms beside the painter. Here the
iteration (forces, FA2 speed control, displacement, cooling) runs in numba without the
GIL, so the worker needs it only to enter and leave. It mirrors ``engine._iterate`` and
``engine._adapt_speed`` operation for operation; ``tests/layout`` checks they agree.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from .kernels_numba import attraction, bh_repulsion_serial, build_tree, exact_repulsion_serial


@njit(cache=True, nogil=True)
def _adapt_speed(total_swing, total_traction, n_free, speed, efficiency):
    """FA2 global speed control (Jacomy et al. 2014), as ``engine._adapt_speed``."""
    if n_free == 0 or total_swing <= 0.0 or total_traction <= 0.0:
        return speed, efficiency
    estimated = 0.05 * math.sqrt(n_free)
    jt = max(math.sqrt(estimated), min(10.0, estimated * total_traction / n_free**2))
    min_efficiency = 0.05
    if total_swing / total_traction > 2.0:
        if efficiency > min_efficiency:
            efficiency *= 0.5
        jt = max(jt, 1.0)
    target = jt * efficiency * total_traction / total_swing
    if total_swing > jt * total_traction:
        if efficiency > min_efficiency:
            efficiency *= 0.7
    elif speed < 1000:
        efficiency *= 1.3
    speed += min(target - speed, 0.5 * speed)
    return speed, efficiency


@njit(cache=True, nogil=True)
def fa2_steps(iterations, pos, mass, src, dst, w, pinned, temperature, prev_force,
              anchors, scaling, eps2, theta, exact_below, gravity, strong_gravity,
              anchor_strength, warm_rate, state):
    """Run ``iterations`` FA2 iterations in place on ``pos``, ``prev_force`` and
    ``temperature``. ``state`` holds [speed, speed efficiency, energy] and is updated.
    Returns the summed per-iteration mean displacement of the free nodes."""
    n = pos.shape[0]
    x = np.empty(n)
    y = np.empty(n)
    force = np.empty((n, 2))
    swing = np.empty(n)
    speed = state[0]
    efficiency = state[1]
    energy = 0.0
    total = 0.0
    for _ in range(iterations):
        for i in range(n):
            x[i] = pos[i, 0]
            y[i] = pos[i, 1]
            force[i, 0] = 0.0
            force[i, 1] = 0.0
        if n >= 2:
            if n < exact_below:
                exact_repulsion_serial(x, y, mass, scaling, eps2, force)
            else:
                cap = 4 * n + 64
                while True:
                    ok, flat, skip = build_tree(x, y, mass, cap)
                    if ok:
                        break
                    cap *= 2
                bh_repulsion_serial(x, y, mass, flat, skip, theta * theta, scaling, eps2,
                                    force)
        if src.shape[0]:
            attraction(x, y, src, dst, w, force)
        if gravity != 0.0:
            for i in range(n):
                if strong_gravity:
                    scale = gravity * mass[i]
                else:
                    r = math.sqrt(x[i] * x[i] + y[i] * y[i])
                    scale = gravity * mass[i] / max(r, 1e-300) if r > 0 else 0.0
                force[i, 0] -= x[i] * scale
                force[i, 1] -= y[i] * scale
        if anchor_strength != 0.0:
            for i in range(n):
                if math.isfinite(anchors[i, 0]):
                    pull = anchor_strength * mass[i]
                    force[i, 0] += pull * (anchors[i, 0] - x[i])
                    force[i, 1] += pull * (anchors[i, 1] - y[i])
        total_swing = 0.0
        total_traction = 0.0
        n_free = 0
        for i in range(n):
            if pinned[i]:
                force[i, 0] = 0.0
                force[i, 1] = 0.0
            dx = force[i, 0] - prev_force[i, 0]
            dy = force[i, 1] - prev_force[i, 1]
            swing[i] = mass[i] * math.sqrt(dx * dx + dy * dy)
            if not pinned[i]:
                sx = force[i, 0] + prev_force[i, 0]
                sy = force[i, 1] + prev_force[i, 1]
                total_swing += swing[i]
                total_traction += 0.5 * mass[i] * math.sqrt(sx * sx + sy * sy)
                n_free += 1
        speed, efficiency = _adapt_speed(total_swing, total_traction, n_free, speed,
                                         efficiency)
        extent = max(x.max() - x.min(), y.max() - y.min(), 1e-9)
        limit = 0.25 * extent + 1.0
        moved = 0.0
        energy = 0.0
        for i in range(n):
            factor = temperature[i] * speed / (1.0 + math.sqrt(speed * swing[i]))
            dx = force[i, 0] * factor
            dy = force[i, 1] * factor
            length = math.sqrt(dx * dx + dy * dy)
            if length > limit:
                dx *= limit / length
                dy *= limit / length
                length = limit
            pos[i, 0] += dx
            pos[i, 1] += dy
            prev_force[i, 0] = force[i, 0]
            prev_force[i, 1] = force[i, 1]
            temperature[i] += warm_rate * (1.0 - temperature[i])
            if not pinned[i]:
                moved += length
                energy += force[i, 0] * force[i, 0] + force[i, 1] * force[i, 1]
        total += moved / n_free if n_free else 0.0
    state[0] = speed
    state[1] = efficiency
    state[2] = energy
    return total


def warm_up() -> None:
    """Compile (or load from cache) :func:`fa2_steps` on a tiny graph, both repulsions."""
    rng = np.random.default_rng(0)
    for n, exact_below in ((8, 100), (8, 4)):
        src = np.arange(n - 1, dtype=np.int64)
        fa2_steps(1, rng.normal(size=(n, 2)), np.ones(n), src, src + 1, np.ones(n - 1),
                  np.zeros(n, np.bool_), np.ones(n), np.zeros((n, 2)),
                  np.full((n, 2), np.nan), 1.0, 1e-4, 1.0, exact_below, 0.1, True, 0.01,
                  0.03, np.array([1.0, 1.0, 0.0]))
