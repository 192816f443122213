"""The force layout of a drawn graph, without a widget: the canvas steps it live, image
export settles it headless, so both draw the same picture from the same start."""

from __future__ import annotations

import math
from collections.abc import Callable
from itertools import chain, repeat

import numpy as np

from explorer.layout import ForceLayout
from explorer.scene.graph_model import GraphModel

#: (x, y, pinned) of a node as the project stores it.
Position = tuple[float, float, bool]


class LayoutController:
    """One :class:`ForceLayout` that follows a changing :class:`GraphModel`.

    A new model keeps the positions of nodes it shares with the previous one; new nodes
    start at their saved position, or where the engine places them.
    """

    #: how strongly actors drift towards their region's sector (engine anchor strength).
    ANCHOR_STRENGTH = 0.01

    def __init__(self) -> None:
        self.engine: ForceLayout | None = None
        self.model: GraphModel | None = None
        self.anchor_radius: float | None = None

    def apply_model(self, model: GraphModel, saved: dict[str, Position]) -> None:
        """Lay out ``model``, carrying positions over from the previous model and ``saved``."""
        old = self.model
        n = model.n_nodes
        edges, weights = model.layout_edges()
        if self.engine is None or old is None:
            given, pinned = _saved_rows(model.keys, saved)
            has_any = bool(np.isfinite(given).all(axis=1).any())
            # Strong gravity keeps isolated actors (Syria after 2024) near the map instead
            # of drifting off and shrinking everything else when the view is fitted; the
            # larger scaling spreads the dense NATO/EU cluster so its members can be read.
            # Barnes–Hut's opening angle is Gephi's ForceAtlas2 default (1.2): a live step
            # of 10,000 nodes takes 8.7 ms against 10.7 ms at 1.0, and the picture is the
            # one Gephi users know.
            self.engine = ForceLayout(
                n, edges, weights, seed=1, positions=given if has_any else None,
                scaling=8.0, gravity=0.3, strong_gravity=True, theta=1.2,
            )
            for i in np.flatnonzero(pinned):
                self.engine.pin(int(i), True)
        else:
            index_map = np.fromiter(map(old.index.get, model.keys, repeat(-1)), np.int64, n)
            # only nodes new to the drawing read their saved place: the others keep theirs
            fresh = np.flatnonzero(index_map < 0)
            given, pinned = _saved_rows([model.keys[i] for i in fresh.tolist()], saved)
            positions = np.full((n, 2), np.nan)
            positions[fresh] = given
            self.engine.set_graph(n, edges, weights, positions=positions, index_map=index_map)
            for i in fresh[pinned].tolist():
                self.engine.pin(int(i), True)
        self.model = model
        self.set_anchors()

    def set_anchors(self) -> None:
        """Pull actors gently towards their region's sector of the picture."""
        engine, model = self.engine, self.model
        if engine is None or model is None or model.n_nodes < 2:
            return
        # Sectors sit at ~70 % of the layout's current radius; the radius follows the
        # layout as it expands, so the pull stays a gentle bias, never a squeeze.
        self.anchor_radius = max(0.35 * engine.extent, 2.0 * math.sqrt(model.n_nodes))
        engine.set_anchors(model.anchors * self.anchor_radius, self.ANCHOR_STRENGTH)

    @property
    def positions(self) -> np.ndarray:
        """(n, 2) current positions, aligned with the model's keys."""
        return self.engine.positions if self.engine is not None else np.zeros((0, 2))

    def settle(self, max_iterations: int = 1500, chunk: int = 50, tol: float = 1e-3,
               progress: Callable[[int, int], None] | None = None) -> int:
        """Step until nodes barely move (relative to the layout's extent); iterations run.

        ``progress(done, max_iterations)`` hears every chunk (it may raise to stop)."""
        if self.engine is None or self.model is None or not self.model.n_nodes:
            return 0
        before = self.positions.copy()
        done = 0
        ticks = 0
        while done < max_iterations:
            self.engine.step(chunk)
            done += chunk
            if progress is not None:
                progress(done, max_iterations)
            ticks += 1
            if ticks % 2 == 0:
                self.set_anchors()
            now = self.positions
            extent = max(float(np.ptp(now, axis=0).max()), 1e-9)
            if float(np.abs(now - before).max()) < tol * extent:
                break
            before = now.copy()
        return done


def _saved_rows(keys: list[str], saved: dict[str, Position]) -> tuple[np.ndarray, np.ndarray]:
    """((len(keys), 2) saved positions, NaN where none; whether each is pinned)."""
    # one flat pass in C over (x, y, pinned) triples: a view of 10,000 actors coming back
    # reads 9,000 saved places, and a per-row numpy assignment took 11 ms of its frame
    rows = list(map(saved.get, keys, repeat(_UNSAVED)))
    flat = np.fromiter(chain.from_iterable(rows), float, 3 * len(rows)).reshape(-1, 3)
    return flat[:, :2].copy(), flat[:, 2] > 0


_UNSAVED: Position = (math.nan, math.nan, False)
