"""Nodes that come and go with a new model (the as-of date moves, history plays, a
filter changes) grow in and shrink out instead of popping, so a reader sees what changed.

The new nodes grow from nothing to their size; the nodes that left stay a moment where
they were, in their colour, and shrink away (drawn by a scatter item of their own, so the
canvas's model never holds nodes that are not in it).
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QBrush, QColor, QPen

from explorer.scene.graph_model import GraphModel

#: above this many nodes in view, or this many coming and going, the effect is skipped:
#: it would cost more frames than it shows (each new size is a new symbol to render)
MAX_NODES = 3000
MAX_CHANGED = 300


def _ease(t: float) -> float:
    t = min(max(t, 0.0), 1.0)
    return t * t * (3.0 - 2.0 * t)


class AppearEffect(QObject):
    """Grows a new model's fresh nodes in and shrinks the departed ones out."""

    DURATION_MS = 420

    def __init__(self, viewbox: pg.ViewBox, nodes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.nodes = nodes
        self.leaving = pg.ScatterPlotItem(pxMode=True, hoverable=False)
        self.leaving.setZValue(9)
        # shown only while nodes leave: an empty scatter item still costs a paint a frame
        self.leaving.setVisible(False)
        viewbox.addItem(self.leaving, ignoreBounds=True)
        self._timer = QTimer(self)
        self._timer.setInterval(16)
        self._timer.timeout.connect(self._tick)
        self._fresh = np.zeros(0, dtype=np.int64)
        self._sizes = np.zeros(0)
        self._gone_sizes = np.zeros(0)
        self._t0 = 0.0
        self._pen = QPen(QColor("#6b6b6b"))
        self._brushes: dict[str, QBrush] = {}

    def _brush(self, color: str) -> QBrush:
        brush = self._brushes.get(color)
        if brush is None:
            brush = self._brushes[color] = QBrush(QColor(color))
        return brush

    def running(self) -> bool:
        return self._timer.isActive()

    def start(self, old: GraphModel | None, old_pos: np.ndarray, new: GraphModel) -> None:
        """Animate from ``old`` (drawn at ``old_pos``) to ``new`` (already set on the nodes)."""
        self.stop()
        if old is None or not new.n_nodes or new.n_nodes > MAX_NODES or old is new:
            return
        fresh = np.array([i for i, k in enumerate(new.keys) if k not in old.index],
                         dtype=np.int64)
        gone = [old.index[k] for k in old.keys if k not in new.index]
        if not len(fresh) and not gone or len(fresh) + len(gone) > MAX_CHANGED:
            return
        self._fresh = fresh
        self._sizes = np.round(np.asarray(new.sizes, dtype=float) * 2.0) / 2.0
        if gone and len(old_pos) == old.n_nodes:
            g = np.array(gone, dtype=np.int64)
            self._gone_sizes = np.asarray(old.sizes, dtype=float)[g]
            self.leaving.setData(
                x=old_pos[g, 0], y=old_pos[g, 1],
                symbol=["d" if old.is_hub[i] else "o" for i in g],
                size=self._gone_sizes,
                # shared pens and brushes: pyqtgraph renders a symbol per distinct object
                brush=[self._brush(old.colors[i]) for i in g],
                pen=[self._pen] * len(g))
            self.leaving.setVisible(True)
        else:
            self._gone_sizes = np.zeros(0)
            self.leaving.setData([], [])
            self.leaving.setVisible(False)
        self._t0 = time.perf_counter()
        self._apply(0.0)
        self._timer.start()

    def stop(self) -> None:
        """End at once: every node at its full size, the departed ones gone."""
        if self._timer.isActive():
            self._timer.stop()
            self._apply(1.0)

    def _tick(self) -> None:
        t = (time.perf_counter() - self._t0) * 1000.0 / self.DURATION_MS
        if t >= 1.0:
            self._timer.stop()
        self._apply(_ease(t))

    def _apply(self, k: float) -> None:
        scatter = self.nodes.scatter
        if len(self._fresh) and len(scatter.data) == len(self._sizes):
            # whole pixels: every size is a symbol pyqtgraph renders and keeps; only the
            # growing points are looked up again, not every node of the view
            data = scatter.data
            data["size"][self._fresh] = np.round(self._sizes[self._fresh] * k)
            data["sourceRect"][self._fresh] = 0
            scatter.prepareGeometryChange()
            scatter.bounds = [None, None]
            scatter.updateSpots(data)
        if len(self._gone_sizes):
            if k >= 1.0:
                self.leaving.setData([], [])
                self.leaving.setVisible(False)
                self._gone_sizes = np.zeros(0)
            else:
                self.leaving.setSize(np.round(self._gone_sizes * (1.0 - k)))
