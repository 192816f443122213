"""The graph of an exported page painted with a QPainter: edges (rasterised in chunks
above a few thousand), nodes as the canvas draws them, the base map and the labels that
fit, with progress told as the edges and nodes are drawn."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)

from explorer.model.progress import Progress
from explorer.scene import styles
from explorer.scene.graph_model import GraphModel
from explorer.scene.label_placement import label_origin, leader_line, place_labels
from explorer.scene.picture import (
    LABEL_COLOR,
    LABEL_POINTS,
    Page,
    Panel,
)
from explorer.ui.canvas.drawing import edge_pen
from explorer.ui.export.edge_raster import CHUNK as EDGE_CHUNK
from explorer.ui.export.edge_raster import RASTER_EDGES_ABOVE, can_raster, raster_edges
from explorer.ui.export.page_layout import (
    PageMapping,
    page_font,
)


def _diamond(x: float, y: float, size: float) -> QPainterPath:
    # pyqtgraph's "d" symbol: 0.8 wide, 1.0 tall (in units of the symbol size)
    path = QPainterPath()
    path.moveTo(x, y - 0.5 * size)
    path.lineTo(x + 0.4 * size, y)
    path.lineTo(x, y + 0.5 * size)
    path.lineTo(x - 0.4 * size, y)
    path.closeSubpath()
    return path


def _node_style(model: GraphModel, i: int, s: float) -> tuple[QPen, QBrush]:
    """Pen and brush of node ``i`` as the canvas draws it (selection and pins aside)."""
    if model.ghost[i]:
        pen = QPen(QColor("#8a8a8a"), 1.2 * s, Qt.PenStyle.DashLine)
        return pen, QBrush(Qt.BrushStyle.NoBrush)
    color = QColor(model.colors[i])
    if model.faded[i]:
        color.setAlpha(70)
    if model.changed[i]:
        pen = QPen(QColor(styles.CHANGED_OUTLINE), 2.5 * s)
    elif model.is_hub[i]:
        pen = QPen(QColor(styles.HUB_OUTLINE), 1.0 * s)
    else:
        pen = QPen(QColor(styles.ACTOR_OUTLINE), 0.6 * s)
    return pen, QBrush(color)


#: Label candidates tried, as a multiple of the labels the picture has room for.
LABEL_TRIES = 4


class PaintTicker:
    """Counts painted edges and nodes into a progress callback (0–90 %: saving is last)."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0

    def add(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(round(900 * min(self.done / self.total, 1.0)), 1000)


def _paint_edges(painter: QPainter, pts: np.ndarray, pairs: np.ndarray, pen: QPen,
                 area: QRectF, ticker: PaintTicker) -> None:
    if len(pairs) > RASTER_EDGES_ABOVE and can_raster(painter):
        raster_edges(painter, pts, pairs, pen, area, ticker.add)
        return
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    # one path per group as before; a group too big for one step is cut into steps
    # (overlaps then blend twice where the colour is translucent: invisible at that size)
    step = len(pairs) if len(pairs) <= EDGE_CHUNK else EDGE_CHUNK
    for start in range(0, len(pairs), max(step, 1)):
        path = QPainterPath()
        for a, b in pairs[start:start + step]:
            path.moveTo(pts[a, 0], pts[a, 1])
            path.lineTo(pts[b, 0], pts[b, 1])
        painter.drawPath(path)
        ticker.add(len(pairs[start:start + step]))


def paint_graph(
    painter: QPainter, panel: Panel, mp: PageMapping, area: QRectF, s: float,
    avoid: list[QRectF], ticker: PaintTicker | None = None,
) -> list[int]:
    """Edges, nodes and labels of ``panel`` inside ``area``; returns labelled indices."""
    model = panel.model
    if not model.n_nodes:
        return []
    ticker = ticker or PaintTicker(None, 1)
    pts = mp.map(panel.pos)
    painter.save()
    painter.setClipRect(area)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    # edges, one path per style, lowest z first (as the canvas stacks them)
    groups = model.edges_by_style()
    for key in sorted(groups, key=lambda k: styles.EDGE_STYLES[k].z):
        pen = edge_pen(styles.EDGE_STYLES[key], s)
        pen.setCosmetic(False)
        _paint_edges(painter, pts, groups[key], pen, area, ticker)
    # nodes, in data order (as the scatter item draws them)
    for i in range(model.n_nodes):
        if i % EDGE_CHUNK == EDGE_CHUNK - 1:
            ticker.add(EDGE_CHUNK)
        pen, brush = _node_style(model, i, s)
        painter.setPen(pen)
        painter.setBrush(brush)
        size = float(np.round(model.sizes[i] * 2.0) / 2.0) * s
        x, y = float(pts[i, 0]), float(pts[i, 1])
        if model.is_hub[i]:
            painter.drawPath(_diamond(x, y, size))
        else:
            painter.drawEllipse(QPointF(x, y), size / 2, size / 2)
    chosen = paint_labels(painter, panel, pts, area, s, avoid)
    painter.restore()
    return chosen


def paint_map(painter: QPainter, page: Page, panel: Panel, mp: PageMapping, area: QRectF,
               s: float) -> None:
    """The base map under ``panel``, through the page's mapping (y flips: north up)."""
    from PySide6.QtGui import QTransform

    from explorer.scene.geo.placement import MARGIN_TITLE
    from explorer.ui.canvas.base_map import MARGIN_TEXT, margin_rect, paint_base_map

    assert page.map is not None
    painter.save()
    painter.setClipRect(area)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    src = mp.src
    painter.setTransform(QTransform(mp.k, 0, 0, -mp.k, mp.x0 - src.left() * mp.k,
                                    mp.y0 + src.bottom() * mp.k), True)
    paint_base_map(painter, panel.map_fills, page.map.margin_rows, cosmetic=False,
                   line_width=0.6 * s / max(mp.k, 1e-9))
    painter.restore()
    if page.map.margin_rows:
        box = margin_rect(page.map.margin_rows)
        top_left = mp.map(np.array([[box.left(), box.bottom()]]))[0]
        painter.save()
        painter.setFont(page_font(7.5 * s))
        painter.setPen(QPen(QColor(MARGIN_TEXT)))
        painter.drawText(QRectF(top_left[0] - 40 * s, top_left[1] - 14 * s,
                                box.width() * mp.k + 80 * s, 12 * s),
                         Qt.AlignmentFlag.AlignCenter, MARGIN_TITLE)
        painter.restore()


def paint_labels(
    painter: QPainter, panel: Panel, pts: np.ndarray, area: QRectF, s: float,
    avoid: list[QRectF],
) -> list[int]:
    model = panel.model
    font = page_font(LABEL_POINTS * s)
    bold = page_font(LABEL_POINTS * s, bold=True)
    fm, fmb = QFontMetricsF(font), QFontMetricsF(bold)
    widths = np.array(
        [(fmb if hub else fm).horizontalAdvance(t) + 4 * s
         for t, hub in zip(model.labels, model.is_hub, strict=True)]
    )
    height = fm.height()
    local = pts - np.array([area.left(), area.top()])
    gaps = model.sizes * s / 2 + 3 * s
    inside = (
        (local[:, 0] >= 0) & (local[:, 0] <= area.width())
        & (local[:, 1] >= 0) & (local[:, 1] <= area.height())
    )
    # areas such as the legend are taken before any label is placed
    blocked = [
        (r.left(), r.top(), r.right(), r.bottom())
        for r in (rect.translated(-area.left(), -area.top()) for rect in avoid)
    ]
    score = np.asarray(model.importance, dtype=float).copy()
    score[np.asarray(model.faded, dtype=bool)] *= 0.5
    score[np.asarray(model.changed, dtype=bool)] += 1e6  # what a scenario changed is named
    candidates = np.flatnonzero(inside)
    order = candidates[np.argsort(-score[candidates], kind="stable")]
    # a picture holds at most about area / label-box labels; past a few times that many
    # candidates, the rest would all be tried and refused (seconds at 100,000 nodes)
    room = area.width() * area.height() / max(float(np.median(widths)) * height, 1.0)
    order = order[: max(int(LABEL_TRIES * room), 1)]
    # a picture is not redrawn per frame, so it names every node there is room for; the
    # screen's MAX_LABELS cap (text items are costly to move) does not apply
    limit = len(order)
    placed = place_labels(local, widths, height, order, area.width(), area.height(), limit,
                          gaps, blocked=blocked, radii=model.sizes * s / 2)
    chosen = [i for i, _side in placed]
    color = QColor(LABEL_COLOR)
    for i, side in placed:
        hub = bool(model.is_hub[i])
        painter.setFont(bold if hub else font)
        c = QColor(color)
        if model.faded[i] or model.ghost[i]:
            c.setAlphaF(0.55)
        painter.setPen(QPen(c))
        x0, y0 = label_origin(side, pts[i, 0], pts[i, 1], gaps[i], widths[i], height)
        rect = QRectF(x0, y0, widths[i] + 2 * s, height)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         model.labels[i])
        seg = leader_line(side, pts[i, 0], pts[i, 1], model.sizes[i] * s / 2, gaps[i], height)
        if seg is not None:
            painter.setPen(QPen(QColor("#6b6b6b"), 0.9 * s))
            painter.drawLine(QPointF(seg[0], seg[1]), QPointF(seg[2], seg[3]))
    return chosen
