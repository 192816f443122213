"""The canvas's nodes: one scatter item for every actor and hub (per-point symbol, size,
pen and brush), moved in place on each layout tick so the symbol atlas is never rebuilt,
and the selection's rings in an item of their own."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from explorer.scene import styles
from explorer.scene.graph_model import GraphModel
from explorer.ui.canvas.node_raster import paint_stamped
from explorer.ui.canvas.scatter_fill import fill_scatter


def _quantise(sizes: np.ndarray) -> np.ndarray:
    # The symbol atlas caches one pixmap per (symbol, size, pen, brush): half-pixel steps
    # keep it small at 10,000 nodes.
    return np.round(sizes * 2.0) / 2.0


_SYMBOLS = np.array(["o", "d"], dtype=object)  # actor, alliance hub


def _objects(items: list) -> np.ndarray:
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _faded(color: str) -> str:
    c = QColor(color)
    c.setAlpha(70)
    return c.name(QColor.NameFormat.HexArgb)


class _NodeScatter(pg.ScatterPlotItem):
    """A scatter item that leaves clicks to the view box, which owns every node gesture."""

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph override
        ev.ignore()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not paint_stamped(self, painter, widget):
            super().paint(painter, option, widget)


class NodeLayer:
    """All nodes in one scatter item: circles for actors, diamonds for alliance hubs."""

    def __init__(self, viewbox: pg.ViewBox) -> None:
        self.scatter = _NodeScatter(pxMode=True, hoverable=False)
        self.scatter.setZValue(10)
        viewbox.addItem(self.scatter)
        # the selection's rings, drawn over the nodes by an item of their own: selecting
        # then restyles the few nodes selected, not every node (10,000 pens at 10,000)
        self.rings = _NodeScatter(pxMode=True, hoverable=False)
        self.rings.setZValue(11)
        self.rings.setVisible(False)  # until something is selected
        viewbox.addItem(self.rings, ignoreBounds=True)
        self._selected = np.zeros(0, dtype=np.int64)
        self._model: GraphModel | None = None
        self._pen_cache: dict[tuple, QPen] = {}
        self._brush_cache: dict[str, QBrush] = {}

    def _pen(self, color: str, width: float, dashed: bool = False) -> QPen:
        key = (color, width, dashed)
        pen = self._pen_cache.get(key)
        if pen is None:
            pen = QPen(QColor(color))
            pen.setWidthF(width)
            pen.setCosmetic(True)
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            self._pen_cache[key] = pen
        return pen

    def _brush(self, color: str) -> QBrush:
        brush = self._brush_cache.get(color)
        if brush is None:
            brush = QBrush(QColor(color))
            self._brush_cache[color] = brush
        return brush

    def set_nodes(
        self, model: GraphModel, pos: np.ndarray, selected: set[int], pinned: np.ndarray
    ) -> None:
        """Rebuild every point's style: after a model change, a selection or a pin change."""
        self._model = model
        n = model.n_nodes
        ghost = np.asarray(model.ghost, dtype=bool)
        hub = np.asarray(model.is_hub, dtype=bool)
        pinned = np.asarray(pinned, dtype=bool)[:n] if n else np.zeros(0, dtype=bool)
        # fills: each colour plain, then faded, then the ghost's empty fill
        # a dozen colours among 10,000 nodes: numbered in C (map), not a generator
        palette = {c: k for k, c in enumerate(dict.fromkeys(model.colors))}
        color_ids = np.fromiter(map(palette.__getitem__, model.colors), np.int64, n)
        fills = [self._brush(c) for c in palette]
        fills += [self._brush(_faded(c)) for c in palette]
        fills.append(self._brush("#ffffff00"))
        fill_ids = color_ids + len(palette) * np.asarray(model.faded, dtype=bool)
        fill_ids[ghost] = len(fills) - 1
        outlines = [self._pen("#8a8a8a", 1.2, dashed=True),
                    self._pen(styles.CHANGED_OUTLINE, 2.5),
                    self._pen(styles.HUB_OUTLINE, 1.5), self._pen(styles.HUB_OUTLINE, 1.0),
                    self._pen(styles.ACTOR_OUTLINE, 1.8), self._pen(styles.ACTOR_OUTLINE, 0.6)]
        changed = np.asarray(model.changed, dtype=bool)
        pen_ids = np.select([ghost, changed, hub & pinned, hub, pinned], [0, 1, 2, 3, 4], 5)
        sizes = _quantise(model.sizes)
        # one integer a style (symbol, size, outline, fill): a flat unique is 10× faster
        # than a unique of rows
        half_px = np.round(sizes * 2).astype(np.int64)
        codes = ((fill_ids * len(outlines) + pen_ids) * (int(half_px.max(initial=0)) + 1)
                 + half_px) * 2 + hub
        if n:
            _, first, style_of = np.unique(codes, return_index=True, return_inverse=True)
        else:
            first, style_of = np.zeros(0, np.int64), np.zeros(0, np.int64)
        fill_scatter(self.scatter, pos[:, 0] if n else np.zeros(0), pos[:, 1] if n else np.zeros(0),
                     _SYMBOLS[hub.astype(np.int64)], sizes,
                     _objects(outlines)[pen_ids], _objects(fills)[fill_ids],
                     first, style_of.reshape(-1))
        self.set_selection(selected, pos)

    def set_selection(self, selected: set[int], pos: np.ndarray) -> None:
        """Ring the selected nodes (and only redraw those)."""
        model = self._model
        chosen = np.array(sorted(i for i in selected if model is not None
                                 and 0 <= i < model.n_nodes), dtype=np.int64)
        self._selected = chosen
        # an empty scatter item still costs its paint every frame: hidden, it costs none
        self.rings.setVisible(bool(len(chosen)) and model is not None)
        if not len(chosen) or model is None:
            self.rings.setData([], [])
            return
        self.rings.setData(
            x=pos[chosen, 0], y=pos[chosen, 1],
            symbol=["d" if model.is_hub[i] else "o" for i in chosen],
            size=_quantise(model.sizes[chosen]),
            pen=self._pen(styles.SELECTED_OUTLINE, 3.0),
            brush=self._brush("#00000000"),
            data=chosen,
        )

    def update_positions(self, pos: np.ndarray) -> None:
        """Move the points without touching their styles (the per-tick fast path)."""
        sc = self.scatter
        if len(sc.data) != len(pos):
            return
        sc.data["x"] = pos[:, 0]
        sc.data["y"] = pos[:, 1]
        sc.prepareGeometryChange()
        sc.bounds = [None, None]
        sc.informViewBoundsChanged()
        sc.update()
        rings = self.rings
        if len(self._selected) and len(rings.data) == len(self._selected):
            rings.data["x"] = pos[self._selected, 0]
            rings.data["y"] = pos[self._selected, 1]
            rings.prepareGeometryChange()
            rings.bounds = [None, None]
            rings.update()

    def index_at(self, view_pos) -> int | None:
        """The index of the topmost node under ``view_pos`` (data coordinates), if any."""
        points = self.scatter.pointsAt(view_pos)
        if len(points) == 0:
            return None
        return int(points[0].index())
