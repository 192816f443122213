"""Multilevel force-directed layout (sfdp / FM³ style) for a good first picture of big graphs.

The graph is coarsened (:mod:`.coarsen`) until it has at most ``coarsest`` nodes; the
coarsest graph is laid out from random positions, then each finer level starts with every
node next to its parent and is refined with a few iterations of the engine's own force
model (ForceAtlas2 repulsion ``k_r m_i m_j / d`` with summed masses, linear attraction,
gravity), so the result is close to what :class:`~.engine.ForceLayout` converges to and
its ``step()`` can carry on from it without a jump.  Steps use Hu's adaptive step length
(grow after steady progress, shrink when the energy rises), which settles in far fewer
iterations than FA2's speed control when the start is already nearly right.
"""

from __future__ import annotations

import numpy as np

from . import backends
from .coarsen import Level, coarsen
from .graph import CleanGraph, clean_graph
from .placement import random_positions

_EXACT_BELOW = 200  # exact all-pairs repulsion only where it beats the tree
_EPS2 = 1e-4
_PARALLEL_FROM = 4000  # smaller levels run on one thread (see kernels_numba.threads)
_COOL = 0.9  # Hu's step-length factor
_STALL = 0.85  # stop coarsening when a step keeps more than this fraction of the nodes


def hierarchy(level: Level, coarsest: int,
              rng: np.random.Generator) -> tuple[list[Level], list[np.ndarray]]:
    """Levels from fine to coarse and the parent maps between consecutive levels."""
    levels, parents = [level], []
    while levels[-1].n > coarsest:
        parent, coarse = coarsen(levels[-1], rng)
        if coarse.n > _STALL * levels[-1].n:
            break
        levels.append(coarse)
        parents.append(parent)
    return levels, parents


def iterations_for(depth: int, depths: int, coarse_iterations: int,
                   fine_iterations: int) -> int:
    """Iterations at ``depth`` (0 = finest, ``depths`` = coarsest), geometric in between:
    finer levels need fewer because the coarse ones fixed the global shape already."""
    if depths == 0:
        return coarse_iterations
    if depth == 0:
        return fine_iterations
    ratio = coarse_iterations / max(fine_iterations, 1)
    return int(round(max(fine_iterations, 1) * ratio ** (depth / depths)))


class _Forces:
    """FA2 forces on one level, with the kernels of the backend that is ready."""

    def __init__(self, level: Level, scaling: float, gravity: float, strong_gravity: bool,
                 theta: float, backend: str) -> None:
        self.level = level
        self.scaling = scaling
        self.gravity = gravity
        self.strong = strong_gravity
        self.theta = theta
        self.kern = backends.kernels(backends.resolve(backend))

    def __call__(self, pos: np.ndarray) -> np.ndarray:
        lv = self.level
        force = np.zeros((lv.n, 2))
        self.kern.repulsion(pos, lv.mass, self.scaling, _EPS2, self.theta, _EXACT_BELOW, force)
        self.kern.add_attraction(pos, lv.src, lv.dst, lv.weight, force)
        if self.gravity:
            if self.strong:
                scale = self.gravity * lv.mass
            else:
                r = np.sqrt((pos * pos).sum(axis=1))
                scale = self.gravity * lv.mass / np.maximum(r, 1e-12)
            force -= pos * scale[:, None]
        return force


def refine(pos: np.ndarray, forces: _Forces, iterations: int, step: float) -> np.ndarray:
    """Hu's adaptive-step descent: every node moves ``step`` along its force direction
    (less when the force is small relative to its mass, so settled nodes stay put)."""
    pos = np.ascontiguousarray(pos, dtype=np.float64)
    mass = forces.level.mass
    energy_before = np.inf
    progress = 0
    for _ in range(iterations):
        force = forces(pos)
        norm = np.sqrt((force * force).sum(axis=1))
        # The FA2 force per unit mass is an acceleration with length-scale units here, so
        # capping the move at it keeps nearly balanced nodes from jittering by ``step``.
        move = np.minimum(step, norm / mass)
        pos += force * (move / np.maximum(norm, 1e-300))[:, None]
        energy = float((norm * norm).sum())
        if energy < energy_before:
            progress += 1
            if progress >= 5:
                progress = 0
                step /= _COOL
        else:
            progress = 0
            step *= _COOL
        energy_before = energy
    return pos


def _median_edge(pos: np.ndarray, level: Level) -> float:
    if not len(level.src):
        return float(np.sqrt(level.mass.mean()))
    d = np.sqrt(((pos[level.src] - pos[level.dst]) ** 2).sum(axis=1))
    med = float(np.median(d))
    return med if med > 0 else 1.0


def prolong(coarse_pos: np.ndarray, coarse: Level, fine: Level, parent: np.ndarray,
            rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """Fine positions from coarse ones, and a first step length for refining them.

    Each node starts halfway between its parent and the mean of its neighbours' parents
    (one smoothing pass, so siblings in a cluster separate along the directions their
    edges pull), plus a small jitter so no two nodes coincide.
    """
    base = coarse_pos[parent]
    spread = 0.1 * _median_edge(coarse_pos, coarse)
    pos = base.copy()
    if len(fine.src):
        a = np.concatenate([fine.src, fine.dst])
        b = np.concatenate([fine.dst, fine.src])
        w = np.concatenate([fine.weight, fine.weight])
        total = np.bincount(a, w, fine.n)
        has = total > 0
        for k in range(2):
            mean = np.bincount(a, w * base[b, k], fine.n)
            pos[has, k] = 0.5 * base[has, k] + 0.5 * mean[has] / total[has]
    angle = rng.uniform(0.0, 2.0 * np.pi, fine.n)
    radius = spread * np.sqrt(rng.random(fine.n))
    pos[:, 0] += radius * np.cos(angle)
    pos[:, 1] += radius * np.sin(angle)
    return pos, 5.0 * spread


def multilevel_layout(n_nodes: int, edges: np.ndarray | None,
                      weights: np.ndarray | None = None, *, seed: int = 0,
                      scaling: float = 2.0, gravity: float = 1.0,
                      strong_gravity: bool = False, theta: float = 1.5,
                      coarsest: int = 100, coarse_iterations: int = 200,
                      fine_iterations: int = 5, backend: str = "auto") -> np.ndarray:
    """Positions (n, 2) from a multilevel layout; deterministic for a given seed and backend.

    Force parameters mean what they mean for :class:`~.engine.ForceLayout`, so pass the
    same ones to continue with its ``step()``.  ``fine_iterations`` is the budget of the
    finest level (coarser ones get more, up to ``coarse_iterations`` at the coarsest).
    ``theta`` is looser than the engine's: refinement only needs the right direction.
    """
    return multilevel_positions(
        clean_graph(n_nodes, edges, weights), np.random.default_rng(seed), scaling=scaling,
        gravity=gravity, strong_gravity=strong_gravity, theta=theta, coarsest=coarsest,
        coarse_iterations=coarse_iterations, fine_iterations=fine_iterations, backend=backend)


def multilevel_positions(graph: CleanGraph, rng: np.random.Generator, *, scaling: float = 2.0,
                         gravity: float = 1.0, strong_gravity: bool = False,
                         theta: float = 1.5, coarsest: int = 100,
                         coarse_iterations: int = 200, fine_iterations: int = 5,
                         backend: str = "auto") -> np.ndarray:
    """:func:`multilevel_layout` of an already cleaned graph, drawing from ``rng``."""
    if graph.n <= 1:
        return np.zeros((graph.n, 2))
    finest = Level(graph.n, graph.src, graph.dst, graph.weight, graph.mass)
    levels, parents = hierarchy(finest, coarsest, rng)
    top = levels[-1]
    pos = random_positions(top.n, rng) * np.sqrt(top.mass.mean())
    step = 0.1 * float(np.ptp(pos, axis=0).max()) + 1e-9
    for depth in range(len(levels) - 1, -1, -1):
        level = levels[depth]
        if depth < len(levels) - 1:
            pos, step = prolong(pos, levels[depth + 1], level, parents[depth], rng)
        forces = _Forces(level, scaling, gravity, strong_gravity, theta, backend)
        its = iterations_for(depth, len(levels) - 1, coarse_iterations, fine_iterations)
        with forces.kern.threads(1 if level.n < _PARALLEL_FROM else None):
            pos = refine(pos, forces, its, step)
    return pos
