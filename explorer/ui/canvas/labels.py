"""Node labels with level of detail: the most important visible nodes get a label, as
long as it does not overlap one already placed (a greedy pass in screen space).

The pass (``explorer.scene.label_placement``) runs on pan/zoom, on model changes and
now and then on layout ticks; one graphics item draws every label (``label_item``).
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen

from explorer.scene.label_placement import (  # noqa: F401 - place_labels re-exported
    DISPLACED,
    label_origin,
    leader_line,
    place_labels,
)
from explorer.ui.canvas.drawing import SegmentsItem
from explorer.ui.canvas.label_item import LabelsItem

#: While the layout runs, labels are re-placed at most this often (seconds); between
#: placements the labels placed last ride along with their nodes (level of detail).
PLACE_EVERY_S = 0.25
#: Upper bound of labels on screen, whatever the zoom.
MAX_LABELS = 120
#: Screen pixels per label at most: a 1400 x 900 view holds ~100 labels.
PIXELS_PER_LABEL = 12_000

class LabelLayer:
    """The labels placed by :func:`place_labels`, drawn by one :class:`LabelsItem`."""

    def __init__(self, viewbox: pg.ViewBox) -> None:
        self._vb = viewbox
        self._texts: list[str] = []
        self._widths = np.zeros(0)
        self._importance = np.zeros(0)
        self._is_hub = np.zeros(0, dtype=bool)
        self._sizes = np.zeros(0)
        self._faded = np.zeros(0, dtype=bool)
        self._font = QFont()
        self._font.setPointSizeF(8.5)
        self._hub_font = QFont(self._font)
        self._hub_font.setBold(True)
        self._height = QFontMetricsF(self._font).height()
        self._metrics = QFontMetricsF(self._font)
        self._hub_metrics = QFontMetricsF(self._hub_font)
        self._width_cache: dict[tuple[str, bool], float] = {}
        self._shown: list[int] = []
        self._placed: list[tuple[int, str]] = []
        self._box_offsets = np.zeros((0, 2))  # pixels, each placed label's box corner
        self._placed_at = 0.0
        self.priority: set[int] = set()
        #: Screen boxes (x0, y0, x1, y1) in view-box pixels that take no label: the legend.
        self.blocked: list[tuple[float, float, float, float]] = []
        self.item = LabelsItem(self._font, self._hub_font, QColor("#1d1d1d"))
        self.item.setZValue(20)
        viewbox.addItem(self.item, ignoreBounds=True)
        self.leaders = SegmentsItem()
        pen = QPen(QColor("#6b6b6b"), 0.9)
        pen.setCosmetic(True)
        self.leaders.setPen(pen)
        self.leaders.setZValue(19)
        viewbox.addItem(self.leaders, ignoreBounds=True)

    def set_nodes(
        self,
        texts: list[str],
        importance: np.ndarray,
        is_hub: np.ndarray,
        sizes: np.ndarray,
        faded: np.ndarray,
    ) -> None:
        self._texts = list(texts)
        self._placed, self._placed_at = [], 0.0  # a new model: place from scratch
        self._importance = np.asarray(importance, dtype=float)
        self._is_hub = np.asarray(is_hub, dtype=bool)
        self._sizes = np.asarray(sizes, dtype=float)
        self._faded = np.asarray(faded, dtype=bool)
        # measured when a label is first a candidate: a few hundred of 10,000 are
        self._widths = np.full(len(self._texts), np.nan)

    def _width(self, text: str, hub: bool) -> float:
        # measured once per label and font: a change of date rebuilds every node, and
        # measuring 10,000 labels anew took 30 ms of it
        key = (text, hub)
        width = self._width_cache.get(key)
        if width is None:
            if len(self._width_cache) > 200_000:
                self._width_cache.clear()
            fm = self._hub_metrics if hub else self._metrics
            width = self._width_cache[key] = fm.horizontalAdvance(text) + 4
        return width

    def _measure(self, indices: np.ndarray) -> None:
        unknown = indices[np.isnan(self._widths[indices])]
        for i in unknown.tolist():
            self._widths[i] = self._width(self._texts[i], bool(self._is_hub[i]))

    def shown(self) -> list[int]:
        """Indices of the nodes labelled right now."""
        return list(self._shown)

    def boxes(self) -> list[tuple[str, QRectF]]:
        """(text, box in scene coordinates) of each label on screen."""
        return self.item.pixel_boxes(self._width)

    def _scales(self) -> tuple[float, float] | None:
        rect = self._vb.viewRect()
        w_px, h_px = self._vb.width(), self._vb.height()
        if rect.width() <= 0 or rect.height() <= 0 or w_px <= 0 or h_px <= 0:
            return None
        return w_px / rect.width(), h_px / rect.height()

    def follow(self, pos: np.ndarray) -> None:
        """A layout tick: move the placed labels with their nodes, and re-place them only
        every :data:`PLACE_EVERY_S` (placement costs more than the rest of a frame)."""
        if time.perf_counter() - self._placed_at >= PLACE_EVERY_S or len(pos) != len(
                self._texts):
            self.update(pos)
            return
        scales = self._scales()
        if scales is None or not self._placed:
            return
        sx, sy = scales
        anchors = pos[self._shown]
        self.item.set_scale(sx)
        self.item.move(anchors, self._bounds(anchors, sx, sy))
        self._draw_leaders(self._placed, pos, self._sizes / 2 + 3, sx, sy)

    def _bounds(self, anchors: np.ndarray, sx: float, sy: float) -> QRectF:
        """The placed labels' extent in view units (y up)."""
        widths = self._widths[self._shown]
        ox, oy = self._box_offsets[:, 0], self._box_offsets[:, 1]
        x0 = float(np.min(anchors[:, 0] + ox / sx))
        x1 = float(np.max(anchors[:, 0] + (ox + widths) / sx))
        y0 = float(np.min(anchors[:, 1] - (oy + self._height) / sy))
        y1 = float(np.max(anchors[:, 1] - oy / sy))
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def update(self, pos: np.ndarray) -> None:
        """Re-run placement for the current view and positions ``pos`` (n, 2)."""
        self._placed_at = time.perf_counter()
        n = len(self._texts)
        if n == 0 or len(pos) != n:
            self._clear()
            return
        scales = self._scales()
        if scales is None:
            return
        sx, sy = scales
        rect = self._vb.viewRect()
        w_px, h_px = self._vb.width(), self._vb.height()
        screen = np.empty((n, 2))
        screen[:, 0] = (pos[:, 0] - rect.left()) * sx
        # view y grows upwards, screen y downwards
        screen[:, 1] = (rect.bottom() - pos[:, 1]) * sy
        inside = (
            (screen[:, 0] > -50)
            & (screen[:, 0] < w_px + 50)
            & (screen[:, 1] > -20)
            & (screen[:, 1] < h_px + 20)
        )
        score = self._importance.copy()
        score[self._faded] *= 0.5
        if self.priority:
            idx = np.fromiter((i for i in self.priority if i < n), dtype=np.int64)
            score[idx] += 1e6
        candidates = np.flatnonzero(inside)
        limit = int(min(MAX_LABELS, max(8, w_px * h_px / PIXELS_PER_LABEL)))
        # three candidates per label: enough where some collide, bounded per frame
        keep = 3 * limit
        if len(candidates) > 4 * keep:  # the best few hundred of 50,000: no full sort
            best = np.argpartition(-score[candidates], keep)[:keep]
            candidates = np.sort(candidates[best])
        order = candidates[np.argsort(-score[candidates], kind="stable")][:keep]
        self._measure(order)
        offsets = self._sizes / 2 + 3
        placed = place_labels(
            screen, self._widths, self._height, order, w_px, h_px, limit, offsets,
            blocked=self.blocked, radii=self._sizes / 2,
        )
        if not placed:
            self._clear()
            return
        self._placed = placed
        self._shown = [i for i, _side in placed]
        self._box_offsets = np.array(
            [label_origin(side, 0.0, 0.0, offsets[i], self._widths[i], self._height)
             for i, side in placed], dtype=float)
        anchors = pos[self._shown]
        self.item.set_scale(sx)
        self.item.set_labels(
            anchors, self._box_offsets, [self._texts[i] for i in self._shown],
            self._is_hub[self._shown].tolist(), self._faded[self._shown].tolist(),
            self._bounds(anchors, sx, sy))
        self._draw_leaders(placed, pos, offsets, sx, sy)

    def _clear(self) -> None:
        self._shown, self._placed = [], []
        self._box_offsets = np.zeros((0, 2))
        self.item.set_labels(np.zeros((0, 2)), np.zeros((0, 2)), [], [], [], QRectF())
        self.leaders.set_points(np.zeros((0, 2)))

    def _draw_leaders(self, placed, pos: np.ndarray, offsets: np.ndarray, sx: float,
                      sy: float) -> None:
        points = []
        for i, side in placed:
            if side not in DISPLACED:
                continue
            # in screen pixels around the node (y down), then back to view units
            seg = leader_line(side, 0.0, 0.0, self._sizes[i] / 2, offsets[i], self._height)
            x0, y0, x1, y1 = seg
            points += [(pos[i, 0] + x0 / sx, pos[i, 1] - y0 / sy),
                       (pos[i, 0] + x1 / sx, pos[i, 1] - y1 / sy)]
        self.leaders.set_points(np.asarray(points, dtype=float).reshape(-1, 2))

    def leader_count(self) -> int:
        """How many labels sit away from their node, tied by a leader line."""
        return self.leaders.count
