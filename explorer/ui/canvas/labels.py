"""Node labels with level of detail: the most important visible nodes get a label, as
long as it does not overlap one already placed (a greedy pass in screen space).

The pass is cheap (a few hundred candidates, a coarse occupancy grid), runs on pan/zoom
and on layout ticks; one graphics item draws every label (see ``label_item``).
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen

from explorer.ui.canvas.drawing import SegmentsItem
from explorer.ui.canvas.label_item import LabelsItem

#: While the layout runs, labels are re-placed at most this often (seconds); between
#: placements the labels placed last ride along with their nodes (level of detail).
PLACE_EVERY_S = 0.25
#: Upper bound of labels on screen, whatever the zoom.
MAX_LABELS = 120
#: Screen pixels per label at most: a 1400 x 900 view holds ~100 labels.
PIXELS_PER_LABEL = 12_000
#: Where a label may go, in order of preference: beside its node, then displaced
#: diagonally and tied to it by a leader line, so a crowded label never sits by a
#: neighbour's disc as if it were that node's.
SIDES = ("right", "left", "above", "below",
         "upper right", "lower right", "upper left", "lower left")
DISPLACED = frozenset(SIDES[4:])
#: Extra horizontal distance (pixels) of a displaced label, room for its leader line.
LEAD = 14.0
#: Nodes at least this big (radius in pixels) keep other nodes' labels off them.
DISC_MIN_RADIUS = 7.0
#: At most this many discs are kept clear per pass (the biggest), to bound its cost.
MAX_DISCS = 40


def place_labels(
    screen: np.ndarray,
    widths: np.ndarray,
    height: float,
    order: np.ndarray,
    view_w: float,
    view_h: float,
    limit: int,
    offsets: np.ndarray | None = None,
    blocked: list[tuple[float, float, float, float]] | None = None,
    radii: np.ndarray | None = None,
) -> list[tuple[int, str]]:
    """Greedy non-overlapping label placement; pure numpy so it can be tested alone.

    ``screen`` (n, 2) are node centres in pixels, ``offsets`` the gap between a node's
    centre and its label, ``order`` the candidate indices, most important first.
    ``blocked`` boxes (x0, y0, x1, y1), such as a legend, take no label.
    ``radii`` (pixels) keep labels off the discs of big nodes (radius ≥
    ``DISC_MIN_RADIUS``), so a label never covers a major power's node; a node's own
    label clears its disc because its offset exceeds its radius.
    A label goes right of its node, else left, else centred above, else below.
    Returns (index, side) pairs, side one of ``SIDES``.
    """
    accepted: list[tuple[int, str]] = []
    boxes: list[tuple[float, float, float, float]] = []
    cell = 64.0
    grid: dict[tuple[int, int], list[int]] = {}
    discs = []
    if radii is not None:
        radii = np.asarray(radii, dtype=float)
        on_screen = ((screen[:, 0] > -radii) & (screen[:, 0] < view_w + radii)
                     & (screen[:, 1] > -radii) & (screen[:, 1] < view_h + radii))
        big = np.flatnonzero(on_screen & (radii >= DISC_MIN_RADIUS))
        if len(big) > MAX_DISCS:  # the biggest matter; the rest would only cost time
            big = big[np.argpartition(-radii[big], MAX_DISCS)[:MAX_DISCS]]
        for i in big:
            x, y, r = screen[i, 0], screen[i, 1], radii[i]
            discs.append((x - r, y - r, x + r, y + r))
    for box in [*(blocked or ()), *discs]:
        x0, y0, x1, y1 = box
        for cx in range(int(x0 // cell), int(x1 // cell) + 1):
            for cy in range(int(y0 // cell), int(y1 // cell) + 1):
                grid.setdefault((cx, cy), []).append(len(boxes))
        boxes.append(box)

    def free(x0: float, y0: float, x1: float, y1: float) -> list[tuple[int, int]] | None:
        if x0 < 0 or y0 < 0 or x1 > view_w or y1 > view_h:
            return None
        cells = [
            (cx, cy)
            for cx in range(int(x0 // cell), int(x1 // cell) + 1)
            for cy in range(int(y0 // cell), int(y1 // cell) + 1)
        ]
        for c in cells:
            for b in grid.get(c, ()):
                bx0, by0, bx1, by1 = boxes[b]
                if x0 < bx1 + 2 and bx0 < x1 + 2 and y0 < by1 + 1 and by0 < y1 + 1:
                    return None
        return cells

    for i in order:
        if len(accepted) >= limit:
            break
        x, y = screen[i]
        gap = offsets[i] if offsets is not None else 0.0
        w = widths[i]
        for side in SIDES:
            x0, y0 = label_origin(side, x, y, gap, w, height)
            cells = free(x0, y0, x0 + w, y0 + height)
            if cells is not None:
                for c in cells:
                    grid.setdefault(c, []).append(len(boxes))
                boxes.append((x0, y0, x0 + w, y0 + height))
                accepted.append((int(i), side))
                break
    return accepted


def label_origin(
    side: str, x: float, y: float, gap: float, width: float, height: float
) -> tuple[float, float]:
    """Top-left corner (screen pixels, y down) of a label on ``side`` of a node at (x, y)."""
    if side == "right":
        return x + gap, y - height / 2
    if side == "left":
        return x - gap - width, y - height / 2
    if side == "above":
        return x - width / 2, y - gap - height
    if side == "below":
        return x - width / 2, y + gap
    right = side.endswith("right")
    x0 = x + gap + LEAD if right else x - gap - LEAD - width
    y0 = y - gap - height if side.startswith("upper") else y + gap
    return x0, y0


def leader_line(side: str, x: float, y: float, radius: float, gap: float, height: float
                ) -> tuple[float, float, float, float] | None:
    """Screen segment (x0, y0, x1, y1) from a node's rim to its displaced label's near
    corner (None for a label beside its node)."""
    if side not in DISPLACED:
        return None
    right = side.endswith("right")
    upper = side.startswith("upper")
    x1 = x + (gap + LEAD if right else -gap - LEAD)
    y1 = y + (-gap - height / 2 if upper else gap + height / 2)
    dx, dy = x1 - x, y1 - y
    norm = (dx * dx + dy * dy) ** 0.5 or 1.0
    return x + dx / norm * radius, y + dy / norm * radius, x1, y1


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
