"""ForceAtlas2-style layout engine with an incremental step API (no Qt; numpy, numba optional).

Forces on node i (mass ``m_i = deg_i + 1``):

* repulsion ``scaling * m_i * m_j / d`` from every other node (Barnes–Hut with numba,
  exact or grid-approximated with numpy; see ``kernels_*``),
* attraction ``w_ij * d`` along every edge,
* gravity ``gravity * m_i`` towards the origin (``strong_gravity``: ``gravity * m_i * r``,
  which keeps isolated nodes close; with plain FA2 gravity they settle at a distance of
  about ``scaling * total_mass / gravity``),
* anchoring ``anchor_strength * m_i * (anchor_i - p_i)`` for nodes with a finite anchor.

Displacement uses FA2's adaptive speed (global swing/traction speed plus the per-node
``speed / (1 + sqrt(speed * swing_i))`` factor) multiplied by a per-node temperature in
[0, 1].  After :meth:`ForceLayout.set_graph` only the edited neighbourhood is hot; cold
nodes warm up again over roughly a hundred iterations, so edits ripple out gently.

Without ``positions``, graphs of ``MULTILEVEL_FROM`` nodes or more start from
:func:`~.multilevel.multilevel_layout` with the same force parameters (``initial="auto"``;
``"random"`` or ``"multilevel"`` force either), so the first frames already show the
structure and :meth:`ForceLayout.step` only refines it.

Typical use from a UI timer::

    layout = ForceLayout(n, edges, seed=1)
    def on_tick():
        if not layout.settled:
            layout.step(3)
            draw(layout.positions)

Same inputs, seed and iteration count give bitwise identical positions on one machine
(with the same backend: numba and numpy agree only approximately).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import backends
from .graph import CleanGraph, clean_graph
from .multilevel import multilevel_positions
from .placement import hot_mask, place_missing, random_positions

_COLD = 0.05  # temperature of untouched nodes right after an edit
_WARM_RATE = 0.03  # fraction of the gap to 1 a node's temperature closes per iteration
_EXACT_BELOW = 600  # below this many nodes exact all-pairs repulsion is cheap enough
_EPS2 = 1e-4  # repulsion softening (squared distance), far below typical edge lengths
#: From this many nodes ``initial="auto"`` starts from a multilevel layout: random starts
#: take FA2 hundreds of slow iterations to untangle, which the canvas would show.
MULTILEVEL_FROM = 1000
#: From this many nodes an "auto" backend waits for numba (if installed) before the
#: multilevel start: numpy needs ~0.1 ms a node (5 s at 50,000), numba's compile ≤ 5 s
#: once and ~0.5 s from its cache, then ~1 s.
WAIT_FOR_KERNELS_FROM = 20_000


class ForceLayout:
    """Incremental force-directed layout; call :meth:`step` repeatedly and read positions."""

    def __init__(self, n_nodes: int, edges: np.ndarray | None,
                 weights: np.ndarray | None = None, *, seed: int = 0,
                 positions: np.ndarray | None = None, anchors: np.ndarray | None = None,
                 anchor_strength: float = 0.05, gravity: float = 1.0, scaling: float = 2.0,
                 backend: str = "auto", theta: float = 1.0,
                 settle_tolerance: float = 2e-3, strong_gravity: bool = False,
                 initial: str = "auto") -> None:
        if initial not in ("auto", "random", "multilevel"):
            raise ValueError(f"unknown initial {initial!r}; expected auto, random or multilevel")
        backends.resolve(backend)  # validate early; an explicit "numba" compiles now
        self.gravity = float(gravity)
        self.strong_gravity = bool(strong_gravity)
        self.scaling = float(scaling)
        self.anchor_strength = float(anchor_strength)
        self.theta = float(theta)
        #: numba's thread pool for repulsion; False while stepped beside the painting thread
        self.parallel = True
        self.settle_tolerance = float(settle_tolerance)
        self._requested_backend = backend
        self._seed = int(seed)
        self._generation = 0
        graph = clean_graph(n_nodes, edges, None if weights is None else weights)
        rng = self._rng()
        if positions is None:
            pos = self._start(graph, rng, initial, backend)
        else:
            pos = place_missing(self._check_xy(positions, graph.n), graph, rng)
        self._install(graph, pos, np.zeros((graph.n, 2)), np.zeros(graph.n, bool),
                      np.ones(graph.n), anchors)

    # ----------------------------------------------------------------- state helpers
    def _rng(self) -> np.random.Generator:
        # A fresh, seed- and edit-dependent stream keeps placement reproducible.
        return np.random.default_rng([self._seed, self._generation])

    def _start(self, graph: CleanGraph, rng: np.random.Generator, initial: str,
               backend: str) -> np.ndarray:
        """Initial positions when none are given: random, or multilevel for big graphs."""
        if initial == "random" or (initial == "auto" and graph.n < MULTILEVEL_FROM):
            return random_positions(graph.n, rng)
        if backend == "auto" and graph.n >= WAIT_FOR_KERNELS_FROM and backends.numba_installed():
            backends.warm_up_blocking()
        # Same force model and parameters, so step() refines it without a jump.
        return multilevel_positions(graph, rng, scaling=self.scaling, gravity=self.gravity,
                                    strong_gravity=self.strong_gravity, backend=backend)

    @staticmethod
    def _check_xy(arr: np.ndarray, n: int) -> np.ndarray:
        a = np.array(arr, dtype=np.float64, copy=True).reshape(-1, 2) if n else np.zeros((0, 2))
        if a.shape != (n, 2):
            raise ValueError(f"expected an array of shape ({n}, 2), got {a.shape}")
        return a

    def _install(self, graph: CleanGraph, pos: np.ndarray, prev_force: np.ndarray,
                 pinned: np.ndarray, temperature: np.ndarray | None,
                 anchors: np.ndarray | None) -> None:
        self._graph = graph
        self._pos = np.ascontiguousarray(pos, dtype=np.float64)
        self._prev_force = prev_force
        self._pinned = pinned
        self._hot_from: tuple | None = None
        self._temperature_now = temperature
        self.set_anchors(anchors)
        self._speed = 1.0
        self._speed_efficiency = 1.0
        self._mean_displacement = float("inf")
        self._energy = float("inf")
        self._iterations = 0

    @property
    def _temperature(self) -> np.ndarray:
        """Each node's freedom to move (1 hot, _COLD settled)."""
        if self._hot_from is not None:
            hot = hot_mask(*self._hot_from)
            self._hot_from = None
            self._temperature_now = np.where(hot, 1.0, _COLD)
        return self._temperature_now

    @_temperature.setter
    def _temperature(self, value: np.ndarray) -> None:
        self._hot_from = None
        self._temperature_now = value

    # ----------------------------------------------------------------- public API
    @property
    def n_nodes(self) -> int:
        """Number of nodes in the current graph."""
        return self._graph.n

    @property
    def positions(self) -> np.ndarray:
        """Current (n, 2) positions (a copy)."""
        return self._pos.copy()

    @property
    def pinned(self) -> np.ndarray:
        """Boolean mask of pinned nodes (a copy)."""
        return self._pinned.copy()

    @property
    def anchors(self) -> np.ndarray:
        """(n, 2) anchor points, NaN rows for unanchored nodes (a copy)."""
        return self._anchors.copy()

    @property
    def backend(self) -> str:
        """Backend the next :meth:`step` will use: "numba" or "numpy"."""
        return backends.resolve(self._requested_backend)

    @property
    def iterations(self) -> int:
        """Iterations run since construction or the last :meth:`set_graph`."""
        return self._iterations

    @property
    def mean_displacement(self) -> float:
        """Mean per-iteration distance moved by movable nodes during the last step (inf before)."""
        return self._mean_displacement

    @property
    def energy(self) -> float:
        """Sum of squared net forces on movable nodes in the last iteration (0 at equilibrium)."""
        return self._energy

    @property
    def extent(self) -> float:
        """Larger side of the layout's bounding box (at least 1e-9)."""
        if self._graph.n == 0:
            return 1e-9
        return max(float((self._pos.max(axis=0) - self._pos.min(axis=0)).max()), 1e-9)

    @property
    def core_extent(self) -> float:
        """Larger side of the box holding the central 90% of nodes per axis (ignores outliers)."""
        if self._graph.n == 0:
            return 1e-9
        lo, hi = np.quantile(self._pos, [0.05, 0.95], axis=0)
        return max(float((hi - lo).max()), 1e-9)

    @property
    def settled(self) -> bool:
        """True when the last step moved nodes less than ``settle_tolerance * core_extent``
        on average (the core extent so far-flung isolated nodes don't mask motion)."""
        if self._graph.n == 0 or not (~self._pinned).any():
            return True
        # the core lies inside the whole box: moving more than the tolerance of the whole
        # is moving, without the quantiles (asked every frame of a running layout)
        if self._mean_displacement >= self.settle_tolerance * self.extent:
            return False
        return self._mean_displacement < self.settle_tolerance * self.core_extent

    def set_position(self, index: int, xy) -> None:
        """Move one node (e.g. while dragging); it and its neighbours are re-heated."""
        self._pos[index] = np.asarray(xy, dtype=np.float64).reshape(2)
        self._prev_force[index] = 0.0
        self._heat(np.array([index]))

    def pin(self, index: int, pinned: bool = True) -> None:
        """Fix a node in place (it still pushes and pulls others) or release it."""
        self._pinned[index] = bool(pinned)
        if not pinned:
            self._heat(np.array([index]))

    def set_anchors(self, anchors: np.ndarray | None, strength: float | None = None) -> None:
        """Set (n, 2) anchor points (NaN rows: none) and optionally the anchor strength."""
        n = self._graph.n
        self._anchors = np.full((n, 2), np.nan) if anchors is None else self._check_xy(anchors, n)
        self._anchors[~np.isfinite(self._anchors).all(axis=1)] = np.nan
        if strength is not None:
            self.anchor_strength = float(strength)

    def set_graph(self, n_nodes: int, edges: np.ndarray | None,
                  weights: np.ndarray | None = None, positions: np.ndarray | None = None,
                  anchors: np.ndarray | None = None, changed: np.ndarray | None = None, *,
                  index_map: np.ndarray | None = None) -> None:
        """Replace the graph after an edit and restart incrementally.

        ``index_map[i]`` gives the old index of new node i (-1: new node); without it node
        i keeps old node i's state for ``i < min(old_n, new_n)``.  ``positions`` (NaN rows:
        keep/auto) overrides carried-over positions.  New nodes are placed at the mean of
        their placed neighbours; only new nodes, endpoints of added/removed edges, the
        ``changed`` nodes (indices or mask) and their neighbours start hot.
        """
        old = self._graph
        graph = clean_graph(n_nodes, edges, weights)
        n = graph.n
        if index_map is None:
            index_map = np.where(np.arange(n) < old.n, np.arange(n), -1)
        index_map = np.asarray(index_map, dtype=np.int64).reshape(-1)
        if index_map.shape != (n,) or (index_map >= old.n).any():
            raise ValueError("index_map must have n_nodes entries, each -1 or an old index")
        keep = index_map >= 0
        src = index_map[keep]
        pos = np.full((n, 2), np.nan)
        pos[keep] = self._pos[src]
        if positions is not None:
            given = self._check_xy(positions, n)
            ok = np.isfinite(given).all(axis=1)
            pos[ok] = given[ok]
        prev_force = np.zeros((n, 2))
        prev_force[keep] = self._prev_force[src]
        pinned = np.zeros(n, bool)
        pinned[keep] = self._pinned[src]
        if anchors is None:
            anchors = np.full((n, 2), np.nan)
            anchors[keep] = self._anchors[src]
        self._generation += 1
        pos = place_missing(pos, graph, self._rng())
        self._install(graph, pos, prev_force, pinned, None, anchors)
        # which nodes start hot matters from the next step on: a change of view at 10,000
        # nodes shows its frame without first comparing the old and new edge sets
        self._hot_from = (old, graph, index_map, changed)

    def step(self, iterations: int = 1, entering: Callable[[], None] | None = None) -> None:
        """Advance the simulation by ``iterations`` FA2 iterations. ``entering`` is
        called just before the compiled, GIL-free part of a worker thread's step."""
        n = self._graph.n
        if n == 0 or iterations <= 0:
            self._mean_displacement = 0.0
            self._energy = 0.0
            return
        if not self.parallel and self.backend == "numba":
            total = self._fused_steps(iterations, entering)
        else:
            kern = backends.kernels(self.backend)
            total = 0.0
            for _ in range(iterations):
                total += self._iterate(kern)
        self._mean_displacement = total / iterations

    def _fused_steps(self, iterations: int, entering: Callable[[], None] | None) -> float:
        """The same iterations as :meth:`_iterate`, all in one compiled call that holds
        no GIL (the canvas steps in a worker thread while it paints)."""
        from . import kernels_fused

        g = self._graph
        state = np.array([self._speed, self._speed_efficiency, 0.0])
        self._prev_force = np.ascontiguousarray(self._prev_force, dtype=np.float64)
        if entering is not None:
            entering()
        total = kernels_fused.fa2_steps(
            iterations, self._pos, g.mass, g.src, g.dst, g.weight, self._pinned,
            self._temperature, self._prev_force, self._anchors, float(self.scaling), _EPS2,
            float(self.theta), _EXACT_BELOW, float(self.gravity), bool(self.strong_gravity),
            float(self.anchor_strength), _WARM_RATE, state)
        self._speed, self._speed_efficiency, self._energy = (float(v) for v in state)
        self._iterations += iterations
        return float(total)

    def _heat(self, nodes: np.ndarray) -> None:
        """Set the temperature of ``nodes`` and their neighbours back to 1 (free to move)."""
        g = self._graph
        mask = np.zeros(g.n, bool)
        mask[nodes] = True
        touching = mask[g.src] | mask[g.dst]
        mask[g.src[touching]] = True
        mask[g.dst[touching]] = True
        self._temperature[mask] = 1.0

    # ----------------------------------------------------------------- one iteration
    def _forces(self, kern) -> np.ndarray:
        g = self._graph
        pos = self._pos
        force = np.zeros((g.n, 2))
        kern.repulsion(pos, g.mass, self.scaling, _EPS2, self.theta, _EXACT_BELOW, force,
                       self.parallel)
        kern.add_attraction(pos, g.src, g.dst, g.weight, force)
        if self.gravity:
            r = np.sqrt((pos * pos).sum(axis=1))
            if self.strong_gravity:
                scale = self.gravity * g.mass
            else:
                scale = np.where(r > 0, self.gravity * g.mass / np.maximum(r, 1e-300), 0.0)
            force -= pos * scale[:, None]
        if self.anchor_strength:
            has = np.isfinite(self._anchors[:, 0])
            if has.any():
                pull = self._anchors[has] - pos[has]
                force[has] += (self.anchor_strength * g.mass[has])[:, None] * pull
        return force

    def _iterate(self, kern) -> float:
        g = self._graph
        free = ~self._pinned
        force = self._forces(kern)
        force[~free] = 0.0
        prev = self._prev_force
        swing = g.mass * np.sqrt(((force - prev) ** 2).sum(axis=1))
        traction = 0.5 * g.mass * np.sqrt(((force + prev) ** 2).sum(axis=1))
        self._adapt_speed(float(swing[free].sum()), float(traction[free].sum()), int(free.sum()))
        factor = self._temperature * self._speed / (1.0 + np.sqrt(self._speed * swing))
        disp = force * factor[:, None]
        # Guard against blow-ups (e.g. nodes dropped on top of each other): no node moves
        # more than a quarter of the layout's extent in one iteration.
        length = np.sqrt((disp * disp).sum(axis=1))
        limit = 0.25 * self.extent + 1.0
        too_far = length > limit
        if too_far.any():
            disp[too_far] *= (limit / length[too_far])[:, None]
            length[too_far] = limit
        self._pos += disp
        self._prev_force = force
        self._temperature += _WARM_RATE * (1.0 - self._temperature)
        self._energy = float((force[free] ** 2).sum())
        self._iterations += 1
        return float(length[free].mean()) if free.any() else 0.0

    def _adapt_speed(self, total_swing: float, total_traction: float, n_free: int) -> None:
        """FA2 global speed control (Jacomy et al. 2014, as in Gephi's ForceAtlas2)."""
        if n_free == 0 or total_swing <= 0.0 or total_traction <= 0.0:
            return
        estimated = 0.05 * np.sqrt(n_free)
        jt = max(np.sqrt(estimated), min(10.0, estimated * total_traction / n_free**2))
        min_efficiency = 0.05
        if total_swing / total_traction > 2.0:
            if self._speed_efficiency > min_efficiency:
                self._speed_efficiency *= 0.5
            jt = max(jt, 1.0)
        target = jt * self._speed_efficiency * total_traction / total_swing
        if total_swing > jt * total_traction:
            if self._speed_efficiency > min_efficiency:
                self._speed_efficiency *= 0.7
        elif self._speed < 1000:
            self._speed_efficiency *= 1.3
        self._speed += min(target - self._speed, 0.5 * self._speed)
