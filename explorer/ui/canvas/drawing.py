"""The graphics items of the canvas: batched edge paths and one scatter item for nodes.

Edges are drawn as ONE ``QGraphicsPathItem`` per edge style, its path built with
``pg.arrayToQPath(..., connect="pairs")``; a QPicture per edge (``pg.GraphItem``) costs
far too much at 10,000 nodes. Nodes are one ``pg.ScatterPlotItem`` with per-point symbol,
size, pen and brush; moving them rewrites the position columns in place instead of
calling ``setData`` so a layout tick never rebuilds the symbol atlas.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from explorer.ui.canvas import styles
from explorer.ui.canvas.graph_model import GraphModel


def edge_pen(style: styles.EdgeStyle, scale: float = 1.0) -> QPen:
    """A cosmetic pen (width in pixels, whatever the zoom) for an edge style."""
    pen = QPen(QColor(style.color))
    pen.setWidthF(style.width * scale)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if style.dash:
        pen.setDashPattern(list(style.dash))
    return pen


def pairs_path(pos: np.ndarray, pairs: np.ndarray) -> QPainterPath:
    """One path of disconnected segments, one per (i, j) row of ``pairs``."""
    if len(pairs) == 0:
        return QPainterPath()
    seg = pos[pairs.reshape(-1)]
    return pg.arrayToQPath(seg[:, 0], seg[:, 1], connect="pairs")


class EdgeLayer:
    """One path item per edge style in use, children of the view box's data space."""

    def __init__(self, viewbox: pg.ViewBox) -> None:
        self._vb = viewbox
        self._items: dict[str, QGraphicsPathItem] = {}
        self._pairs: dict[str, np.ndarray] = {}

    def set_edges(self, groups: dict[str, np.ndarray]) -> None:
        """Replace the edge groups (style key -> (k, 2) node index pairs)."""
        for key in list(self._items):
            if key not in groups:
                self._vb.removeItem(self._items.pop(key))
        for key in groups:
            if key not in self._items:
                item = QGraphicsPathItem()
                style = styles.EDGE_STYLES[key]
                item.setPen(edge_pen(style))
                item.setBrush(QBrush(Qt.BrushStyle.NoBrush))
                item.setZValue(-10 + style.z)
                self._vb.addItem(item, ignoreBounds=True)
                self._items[key] = item
        self._pairs = dict(groups)

    def update_positions(self, pos: np.ndarray) -> None:
        for key, pairs in self._pairs.items():
            self._items[key].setPath(pairs_path(pos, pairs))

    def items(self) -> dict[str, QGraphicsPathItem]:
        return dict(self._items)


def _quantise(sizes: np.ndarray) -> np.ndarray:
    # The symbol atlas caches one pixmap per (symbol, size, pen, brush): half-pixel steps
    # keep it small at 10,000 nodes.
    return np.round(sizes * 2.0) / 2.0


class _NodeScatter(pg.ScatterPlotItem):
    """A scatter item that leaves clicks to the view box, which owns every node gesture."""

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph override
        ev.ignore()


class NodeLayer:
    """All nodes in one scatter item: circles for actors, diamonds for alliance hubs."""

    def __init__(self, viewbox: pg.ViewBox) -> None:
        self.scatter = _NodeScatter(pxMode=True, hoverable=False)
        self.scatter.setZValue(10)
        viewbox.addItem(self.scatter)
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
        symbols = np.where(model.is_hub, "d", "o")
        sizes = _quantise(model.sizes)
        brushes = []
        pens = []
        for i in range(n):
            color = model.colors[i]
            if model.ghost[i]:
                brushes.append(self._brush("#ffffff00"))
                pens.append(self._pen("#8a8a8a", 1.2, dashed=True))
                continue
            if model.faded[i]:
                c = QColor(color)
                c.setAlpha(70)
                brushes.append(self._brush(c.name(QColor.NameFormat.HexArgb)))
            else:
                brushes.append(self._brush(color))
            if i in selected:
                pens.append(self._pen(styles.SELECTED_OUTLINE, 3.0))
            elif model.changed[i]:
                pens.append(self._pen(styles.CHANGED_OUTLINE, 2.5))
            elif model.is_hub[i]:
                pens.append(self._pen(styles.HUB_OUTLINE, 1.5 if pinned[i] else 1.0))
            else:
                pens.append(self._pen(styles.ACTOR_OUTLINE, 1.8 if pinned[i] else 0.6))
        self.scatter.setData(
            x=pos[:, 0] if n else [],
            y=pos[:, 1] if n else [],
            symbol=list(symbols),
            size=sizes,
            pen=pens,
            brush=brushes,
            data=np.arange(n),
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

    def index_at(self, view_pos) -> int | None:
        """The index of the topmost node under ``view_pos`` (data coordinates), if any."""
        points = self.scatter.pointsAt(view_pos)
        if len(points) == 0:
            return None
        return int(points[0].index())
