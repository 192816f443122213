"""The canvas's edges: batched segment items, one per edge style (the nodes are in
:mod:`explorer.ui.canvas.node_layer`).

Edges are drawn as ONE :class:`SegmentsItem` per edge style: its segments live in a
QLineF array filled from numpy and drawn with one ``drawLines`` call; a QPicture per edge
(``pg.GraphItem``) costs far too much at 10,000 nodes, and a fresh ``QPainterPath`` per
layout tick doubled the paint time of a moved frame.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.PlotCurveItem import arrayToLineSegments
from pyqtgraph.Qt import internals
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from explorer.scene import styles

#: Above this many edges every edge is drawn one pixel wide (level of detail): Qt's raster
#: engine strokes wider cosmetic pens about twice as slowly, and at this density the width
#: differences cannot be told apart anyway; colour and dash pattern still tell the kinds.
HAIRLINE_ABOVE = 1_500


def edge_pen(style: styles.EdgeStyle, scale: float = 1.0, hairline: bool = False) -> QPen:
    """A cosmetic pen (width in pixels, whatever the zoom) for an edge style."""
    pen = QPen(QColor(style.color))
    pen.setWidthF(1.0 if hairline else style.width * scale)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if style.dash:
        pen.setDashPattern(list(style.dash))
    return pen


#: While the layout runs, dashed edges above this many are drawn solid and faint instead
#: of cut into dashes (level of detail): 300 rivalries cut into 5,000 dashes took 4 ms of
#: a 12 ms frame in a 1400 x 900 view; the dashes come back as soon as the layout rests.
#: The bundled project (88 dashed edges) keeps its dashes throughout.
DASH_WHILE_MOVING = 150

#: At rest, more edges than this are kept in a cached image per layer (Qt's device
#: coordinate cache), so a pan moves the images instead of stroking every edge again.
#: While the layout runs the layers are drawn directly: at most EDGES_WHILE_MOVING edges
#: are, and blitting eight full-view caches cost more (3 ms a frame at 10,000 nodes) than
#: stroking them.
EDGES_CACHED_ABOVE = 10_000

#: While the layout runs, of more edges than EDGES_SAMPLED_ABOVE at most about
#: EDGES_WHILE_MOVING are drawn (every k-th of each style): Qt strokes some 40 million
#: pixels a second here, so 30,000 long edges cost 150 ms a frame, and a moving hairball
#: reads the same from a tenth of its edges. Every edge is back as soon as the layout
#: rests. 1,500 rather than 3,000: the strokes were 40 % of a moving 2,000-node frame, and
#: side by side the two moving pictures could not be told apart.
EDGES_SAMPLED_ABOVE = 5_000
EDGES_WHILE_MOVING = 1_500

#: Pans and zooms of graphs with more edges than this leave the edges out until the view
#: rests (see EdgeLayer.set_interacting).
HIDE_EDGES_ON_MOVE_ABOVE = 20_000

#: Dash pieces one dashed style may draw; past it, long edges get longer dashes (level of
#: detail), so a frame's cost stays bounded however many rivalries are in view.
DASH_BUDGET = 20_000


def dash_pieces(
    pos: np.ndarray, pairs: np.ndarray, on: float, off: float, budget: int = DASH_BUDGET
) -> np.ndarray | None:
    """Cut each (i, j) segment into solid dashes of length ``on`` with gaps ``off``.

    Qt strokes a dashed pen far slower than plain segments (a 7,000-edge rivalry layer
    took 30 ms of a 43 ms frame), so dashes are cut here in numpy and drawn as one solid
    path. Every edge keeps at least two dashes. Returns a (2k, 2) array of dash ends.
    """
    period = on + off
    if len(pairs) == 0 or period <= 0 or not np.isfinite(period):
        return None
    a, b = pos[pairs[:, 0]], pos[pairs[:, 1]]
    vec = b - a
    length = np.hypot(vec[:, 0], vec[:, 1])
    counts = np.maximum(np.ceil(length / period).astype(np.int64), 1)
    if counts.sum() > budget:
        counts = np.minimum(counts, max(2, budget // len(pairs)))
    # an edge with fewer dashes than its length calls for gets proportionally longer ones
    edge_period = np.maximum(period, length / counts)
    edge_on = edge_period * (on / period)
    total = int(counts.sum())
    owner = np.repeat(np.arange(len(pairs)), counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    start = (np.arange(total) - first) * edge_period[owner]
    end = np.minimum(start + edge_on[owner], length[owner])
    unit = vec[owner] / np.where(length[owner] > 0, length[owner], 1.0)[:, None]
    out = np.empty((2 * total, 2))
    out[0::2] = a[owner] + unit * start[:, None]
    out[1::2] = a[owner] + unit * end[:, None]
    return out


def pair_points(pos: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """The (2k, 2) end points of the segments, one per (i, j) row of ``pairs``."""
    return pos[pairs.reshape(-1)] if len(pairs) else np.zeros((0, 2))


class SegmentsItem(QGraphicsItem):
    """Many disconnected line segments with one pen, drawn in one ``drawLines`` call."""

    def __init__(self) -> None:
        super().__init__()
        self._pen = QPen()
        self._lines = internals.PrimitiveArray(QLineF, 4)
        self._bounds = QRectF()
        self.count = 0
        #: False: stroke without antialiasing whatever the view's setting (None: as set)
        self.antialias: bool | None = None

    def pen(self) -> QPen:
        return QPen(self._pen)

    def setPen(self, pen: QPen) -> None:  # noqa: N802 - Qt naming, like QGraphicsPathItem
        self._pen = QPen(pen)
        self.update()

    def set_points(self, points: np.ndarray) -> None:
        """Replace the segments: rows 2k and 2k+1 of ``points`` are one segment's ends."""
        self.prepareGeometryChange()
        self.count = len(points) // 2
        if self.count:
            x, y = points[:, 0], points[:, 1]
            arrayToLineSegments(x, y, "pairs", False, self._lines)
            self._bounds = QRectF(float(x.min()), float(y.min()),
                                  float(np.ptp(x)), float(np.ptp(y)))
        else:
            self._lines.resize(0)
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.count:
            if self.antialias is not None:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, self.antialias)
            painter.setPen(self._pen)
            painter.drawLines(*self._lines.drawargs())


def _towards_white(color: QColor, amount: float) -> QColor:
    """``color`` mixed with white (the canvas's ground) by ``amount`` (0..1)."""
    return QColor(*(round(c + (255 - c) * amount)
                    for c in (color.red(), color.green(), color.blue())))


class EdgeLayer:
    """One path item per edge style in use, children of the view box's data space."""

    def __init__(self, viewbox: pg.ViewBox) -> None:
        self._vb = viewbox
        self._items: dict[str, SegmentsItem] = {}
        self._pairs: dict[str, np.ndarray] = {}
        self._pos: np.ndarray | None = None
        self._cut: dict[str, bool | None] = {}
        self._hairline = False
        self._interacting = False
        self._moving = False
        self._dash_scale: float | None = None
        #: 1, or k when only every k-th edge was drawn (the layout runs on a big graph)
        self.sampled = 1

    def set_edges(self, groups: dict[str, np.ndarray]) -> None:
        """Replace the edge groups (style key -> (k, 2) node index pairs)."""
        hairline = sum(len(p) for p in groups.values()) > HAIRLINE_ABOVE
        if hairline != self._hairline:
            self._hairline = hairline
            for key in list(self._items):
                self._vb.removeItem(self._items.pop(key))
                self._cut.pop(key, None)
        for key in list(self._items):
            if key not in groups:
                self._vb.removeItem(self._items.pop(key))
                self._cut.pop(key, None)
        for key in groups:
            if key not in self._items:
                item = SegmentsItem()
                style = styles.EDGE_STYLES[key]
                item.setPen(edge_pen(style, hairline=self._hairline))
                item.setZValue(-10 + style.z)
                self._vb.addItem(item, ignoreBounds=True)
                self._items[key] = item
                self._cut[key] = False
        self._pairs = dict(groups)

    def update_positions(self, pos: np.ndarray, moving: bool = False) -> None:
        """Move the segments to ``pos``; ``moving`` (the layout runs) may skip dashes."""
        self._pos = pos
        self._moving = moving
        total = sum(len(p) for p in self._pairs.values())
        cached = not moving and total > EDGES_CACHED_ABOVE
        mode = (QGraphicsItem.CacheMode.DeviceCoordinateCache if cached
                else QGraphicsItem.CacheMode.NoCache)
        # antialiased strokes cost ten times as much (32 ms a frame at 2,000 nodes in
        # the window): edges in motion are drawn sharp, smooth again once they rest
        antialias = False if moving and total > HAIRLINE_ABOVE else None
        for item in self._items.values():
            if item.cacheMode() != mode and not self._interacting:
                item.setCacheMode(mode)
            if item.antialias != antialias:
                item.antialias = antialias
                item.update()
        units_per_px = self._units_per_px()
        dashed = sum(len(p) for k, p in self._pairs.items() if styles.EDGE_STYLES[k].dash)
        plain = moving and dashed > DASH_WHILE_MOVING
        every = -(-total // EDGES_WHILE_MOVING) if moving and total > EDGES_SAMPLED_ABOVE else 1
        self.sampled = every
        for key, pairs in self._pairs.items():
            pairs = pairs[::every]
            item = self._items[key]
            style = styles.EDGE_STYLES[key]
            cut = None
            if plain and style.dash:
                if self._cut.get(key) is not None:
                    pen = edge_pen(style, hairline=True)
                    pen.setStyle(Qt.PenStyle.SolidLine)
                    # faint, but opaque: blending each pixel triples the stroke's cost
                    pen.setColor(_towards_white(pen.color(), 0.55))
                    item.setPen(pen)
                    self._cut[key] = None  # drawn plain until the layout rests
                item.set_points(pair_points(pos, pairs))
                continue
            if style.dash and units_per_px and len(pairs):
                # Qt dash patterns count in pen widths; convert to scene units at this zoom.
                width = 1.0 if self._hairline else max(style.width, 1.0)
                cut = dash_pieces(pos, pairs, style.dash[0] * width * units_per_px,
                                  style.dash[1] * width * units_per_px)
            if cut is not None:
                if self._cut.get(key) is not True:
                    pen = edge_pen(style, hairline=self._hairline)
                    pen.setStyle(Qt.PenStyle.SolidLine)
                    item.setPen(pen)
                    self._cut[key] = True
                item.set_points(cut)
            else:
                if self._cut.get(key) is not False and style.dash:
                    item.setPen(edge_pen(style, hairline=self._hairline))
                    self._cut[key] = False
                item.set_points(pair_points(pos, pairs))

    def refresh_dashes(self) -> None:
        """Re-cut the dashes after a zoom, so they keep their length on screen (a pan
        changes nothing: the other layers are left alone, their cached images stay)."""
        if self._pos is None or self.interacting:
            return
        scale = self._units_per_px()
        if scale == self._dash_scale:
            return
        self._dash_scale = scale
        if any(styles.EDGE_STYLES[k].dash for k in self._pairs):
            self.update_positions(self._pos, self._moving)

    def rest(self) -> None:
        """The layout stopped: every edge, dashed and antialiased again."""
        if self._pos is not None and self._moving:
            self.update_positions(self._pos, moving=False)

    @property
    def interacting(self) -> bool:
        return self._interacting

    def set_interacting(self, on: bool) -> None:
        """During a pan or zoom of a very large graph, leave the edges out (sigma.js's
        hide-edges-on-move): stroking them is pixel-bound, 100,000 long lines take
        seconds. Nodes and labels still move; the edges return when the view rests."""
        if on == self._interacting:
            return
        self._interacting = on
        for item in self._items.values():
            item.setVisible(not on)
        if not on:
            self.refresh_dashes()

    def _units_per_px(self) -> float | None:
        size = self._vb.viewPixelSize()
        if size is None:
            return None
        units = float(max(abs(size[0]), abs(size[1])))
        return units if units > 0 and np.isfinite(units) else None

    def items(self) -> dict[str, SegmentsItem]:
        return dict(self._items)
