"""Paints a :class:`~explorer.scene.picture.Page` with a QPainter: PNG, SVG and PDF.

The graph is drawn here with a QPainter from the scene's :class:`GraphModel` and node
positions (the same styles, colours, sizes and label rules as the screen), never
through pyqtgraph's exporters: pyqtgraph 0.14's SVG exporter breaks on Qt 6.12's paths,
and its pixmap-cached symbols would be blurry and not vector. Every size is in
"reference pixels" of a 1200-px-wide canvas, multiplied by a scale that grows with the
output width, so a 2400-px PNG looks like a 2x screenshot and labels stay legible.

All paint devices run at the screen's logical DPI (96 offscreen): the legend and the
labels use point-size fonts, which a device converts with its own DPI. A PNG's DPI is
only written into the file's metadata after painting. No widget is built: the command
line renders with an application object and a QImage or file device only.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from explorer.model.progress import Progress
from explorer.scene import styles
from explorer.scene.caption import CaptionLine
from explorer.scene.graph_model import GraphModel
from explorer.scene.label_placement import label_origin, leader_line, place_labels
from explorer.scene.picture import (
    LABEL_COLOR,
    LABEL_POINTS,
    MAX_PIXELS,
    REFERENCE_WIDTH,
    ExportError,
    Page,
    Panel,
)
from explorer.store.atomic import WriteError, write_atomic
from explorer.ui.canvas.drawing import edge_pen
from explorer.ui.canvas.legend import legend_size, paint_legend
from explorer.ui.export.edge_raster import CHUNK as EDGE_CHUNK
from explorer.ui.export.edge_raster import RASTER_EDGES_ABOVE, can_raster, raster_edges


def ensure_gui() -> None:
    """An application object for fonts and painting (offscreen without a display)."""
    if QGuiApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from explorer.ui.app import ensure_app

    ensure_app()


def screen_dpi() -> float:
    """The logical DPI fonts are measured with (the primary screen's; 96 without one)."""
    screen = QGuiApplication.primaryScreen() if QGuiApplication.instance() else None
    dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
    return float(dpi) if dpi and dpi > 0 else 96.0


# ====================================================================== geometry


def _node_bounds(panels: list[Panel]) -> QRectF:
    pts = [p.pos for p in panels if len(p.pos)]
    if not pts:
        return QRectF(-1, -1, 2, 2)
    allp = np.vstack(pts)
    lo, hi = allp.min(axis=0), allp.max(axis=0)
    span = max(float((hi - lo).max()), 1e-6)
    w = max(float(hi[0] - lo[0]), 0.05 * span)
    h = max(float(hi[1] - lo[1]), 0.05 * span)
    cx, cy = (lo + hi) / 2
    return QRectF(cx - w / 2, cy - h / 2, w, h)


@dataclass
class _Mapping:
    """Layout coordinates (y up) -> page coordinates (y down), uniform scale."""

    src: QRectF
    k: float
    x0: float
    y0: float

    def map(self, pos: np.ndarray) -> np.ndarray:
        out = np.empty_like(pos, dtype=float)
        out[:, 0] = self.x0 + (pos[:, 0] - self.src.left()) * self.k
        out[:, 1] = self.y0 + (self.src.bottom() - pos[:, 1]) * self.k
        return out


def _fit(src: QRectF, area: QRectF, pad: tuple[float, float, float, float]) -> _Mapping:
    """Fit ``src`` into ``area`` minus paddings (left, top, right, bottom), centred."""
    left, top, right, bottom = pad
    aw = max(area.width() - left - right, 1.0)
    ah = max(area.height() - top - bottom, 1.0)
    k = min(aw / max(src.width(), 1e-9), ah / max(src.height(), 1e-9))
    x0 = area.left() + left + (aw - src.width() * k) / 2
    y0 = area.top() + top + (ah - src.height() * k) / 2
    return _Mapping(src, k, x0, y0)


def _node_boxes(panel: Panel, mp: _Mapping, s: float) -> np.ndarray:
    pts = mp.map(panel.pos)
    r = panel.model.sizes[:, None] * s / 2 if panel.model.n_nodes else np.zeros((0, 1))
    return np.hstack([pts - r, pts + r])


def _hits(boxes: np.ndarray, rect: QRectF) -> bool:
    if not len(boxes):
        return False
    return bool(
        (
            (boxes[:, 0] < rect.right())
            & (boxes[:, 2] > rect.left())
            & (boxes[:, 1] < rect.bottom())
            & (boxes[:, 3] > rect.top())
        ).any()
    )


# ====================================================================== painting


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(max(points, 1.0))
    font.setBold(bold)
    return font


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


class _Ticker:
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
                 area: QRectF, ticker: _Ticker) -> None:
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


def _paint_graph(
    painter: QPainter, panel: Panel, mp: _Mapping, area: QRectF, s: float,
    avoid: list[QRectF], ticker: _Ticker | None = None,
) -> list[int]:
    """Edges, nodes and labels of ``panel`` inside ``area``; returns labelled indices."""
    model = panel.model
    if not model.n_nodes:
        return []
    ticker = ticker or _Ticker(None, 1)
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
    chosen = _paint_labels(painter, panel, pts, area, s, avoid)
    painter.restore()
    return chosen


def _paint_map(painter: QPainter, page: Page, panel: Panel, mp: _Mapping, area: QRectF,
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
        painter.setFont(_font(7.5 * s))
        painter.setPen(QPen(QColor(MARGIN_TEXT)))
        painter.drawText(QRectF(top_left[0] - 40 * s, top_left[1] - 14 * s,
                                box.width() * mp.k + 80 * s, 12 * s),
                         Qt.AlignmentFlag.AlignCenter, MARGIN_TITLE)
        painter.restore()


def _paint_labels(
    painter: QPainter, panel: Panel, pts: np.ndarray, area: QRectF, s: float,
    avoid: list[QRectF],
) -> list[int]:
    model = panel.model
    font = _font(LABEL_POINTS * s)
    bold = _font(LABEL_POINTS * s, bold=True)
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


def _caption_fonts(s: float) -> dict[str, QFont]:
    return {"title": _font(13 * s, bold=True), "body": _font(9.5 * s), "note": _font(8.5 * s)}


def _caption_height(lines: list[CaptionLine], width: float, s: float) -> float:
    fonts = _caption_fonts(s)
    h = 10 * s
    for line in lines:
        fm = QFontMetricsF(fonts[line.role])
        box = fm.boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), line.text)
        h += box.height() + 3 * s
    return h + 4 * s


def _paint_caption(painter: QPainter, lines: list[CaptionLine], rect: QRectF, s: float) -> None:
    fonts = _caption_fonts(s)
    painter.save()
    painter.setPen(QPen(QColor("#c8c8c8"), max(0.75 * s, 0.5)))
    painter.drawLine(QPointF(rect.left(), rect.top()), QPointF(rect.right(), rect.top()))
    y = rect.top() + 10 * s
    colors = {"title": "#111111", "body": "#2a2a2a", "note": "#555555"}
    for line in lines:
        painter.setFont(fonts[line.role])
        painter.setPen(QPen(QColor(colors[line.role])))
        fm = QFontMetricsF(fonts[line.role])
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        box = fm.boundingRect(QRectF(0, 0, rect.width(), 1e6), flags, line.text)
        painter.drawText(QRectF(rect.left(), y, rect.width(), box.height() + 2), flags, line.text)
        y += box.height() + 3 * s
    painter.restore()


def _paint_legend(painter: QPainter, page: Page, at: QPointF, s: float) -> None:
    painter.save()
    painter.translate(at)
    painter.scale(s, s)
    paint_legend(painter, QPointF(0, 0), page.legend, page.legend_title)
    painter.restore()


# ====================================================================== layout


@dataclass
class _Layout:
    width: int
    height: int
    scale: float
    areas: list[QRectF]
    mapping: _Mapping
    legend_at: QPointF
    legend_rect: QRectF
    caption_rect: QRectF
    heading_rects: list[QRectF]


def _layout(page: Page, width: int) -> _Layout:
    two = len(page.panels) == 2
    s = max(width / (1.5 * REFERENCE_WIDTH if two else REFERENCE_WIDTH), 0.5)
    margin = 14 * s
    gap = 24 * s
    inner_w = width - 2 * margin
    panel_w = (inner_w - gap) / 2 if two else inner_w
    heading_h = QFontMetricsF(_font(11 * s, bold=True)).height() + 6 * s if two else 0.0
    lw, lh = legend_size(page.legend, page.legend_title)
    lw, lh = lw * s, lh * s

    pad = 18 * s
    label_room = 95 * s
    top = margin + heading_h
    legend_at = QPointF(margin + 10 * s, top + 10 * s)
    legend_rect = QRectF(legend_at.x(), legend_at.y(), lw, lh)
    min_h = lh + 20 * s
    if page.source_rect is not None and page.view_aspect:
        src = QRectF(*page.source_rect)
        graph_h = max(panel_w * page.view_aspect, min_h)
        mapping = _fit(src, QRectF(margin, top, panel_w, graph_h), (0.0, 0.0, 0.0, 0.0))
    else:
        src = _node_bounds(page.panels)
        if page.map is not None:  # the whole map, not only where nodes are
            src = src.united(QRectF(*page.map.extent))
        max_node = max((float(p.model.sizes.max()) for p in page.panels if p.model.n_nodes),
                       default=10.0) * s
        base = (pad + max_node / 2, pad + max_node / 2, label_room, pad + max_node / 2)
        max_h = (1.0 if two else 1.25) * panel_w

        def fit(pads: tuple[float, float, float, float]) -> tuple[_Mapping, float]:
            # the width decides the scale; the height follows the graph's shape
            k = (panel_w - pads[0] - pads[2]) / max(src.width(), 1e-9)
            h = min(src.height() * k + pads[1] + pads[3], max_h)
            h = max(h, 0.4 * panel_w, min_h)
            return _fit(src, QRectF(margin, top, panel_w, h), pads), h

        mapping, graph_h = fit(base)
        grown = legend_rect.adjusted(-4 * s, -4 * s, 4 * s, 4 * s)
        if lw > 0 and any(_hits(_node_boxes(p, mapping, s), grown) for p in page.panels):
            # keep nodes out from under the legend: a column beside it or a band below
            # it, whichever draws the graph bigger
            column = fit((base[0] + lw + 12 * s, base[1], base[2], base[3]))
            band = fit((base[0], base[1] + lh + 12 * s, base[2], base[3]))
            mapping, graph_h = column if column[0].k >= band[0].k * 0.97 else band
    areas = [QRectF(margin, top, panel_w, graph_h)]
    if two:
        areas.append(QRectF(margin + panel_w + gap, top, panel_w, graph_h))
    # the second panel uses the same mapping, shifted
    caption_w = width - 2 * margin
    caption_top = top + graph_h + 10 * s
    cap_h = _caption_height(page.caption, caption_w, s)
    height = int(math.ceil(caption_top + cap_h + margin))
    headings = [QRectF(a.left(), margin, a.width(), heading_h) for a in areas] if two else []
    return _Layout(width, height, s, areas, mapping, legend_at, legend_rect,
                   QRectF(margin, caption_top, caption_w, cap_h), headings)


def _paint_page(painter: QPainter, page: Page, lay: _Layout, transparent: bool,
                ticker: _Ticker | None = None) -> None:
    if not transparent:
        painter.fillRect(QRectF(0, 0, lay.width, lay.height), QColor(styles.BACKGROUND))
    s = lay.scale
    for k, (panel, area) in enumerate(zip(page.panels, lay.areas, strict=True)):
        dx = area.left() - lay.areas[0].left()
        mp = _Mapping(lay.mapping.src, lay.mapping.k, lay.mapping.x0 + dx, lay.mapping.y0)
        avoid = [lay.legend_rect.adjusted(-3 * s, -3 * s, 3 * s, 3 * s)] if k == 0 else []
        if len(page.panels) == 2:
            painter.save()
            painter.setPen(QPen(QColor("#d0d0d0"), max(0.75 * s, 0.5)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(area)
            painter.setFont(_font(11 * s, bold=True))
            painter.setPen(QPen(QColor("#111111")))
            painter.drawText(lay.heading_rects[k],
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             panel.heading)
            painter.restore()
        if page.map is not None:
            _paint_map(painter, page, panel, mp, area, s)
        _paint_graph(painter, panel, mp, area, s, avoid, ticker)
    _paint_legend(painter, page, lay.legend_at, s)
    _paint_caption(painter, page.caption, lay.caption_rect, s)
    stamp = page.meta.get("stamp")
    if stamp:  # an animation frame's date, large in the graph's lower right corner
        area = lay.areas[-1]
        painter.save()
        painter.setFont(_font(34 * s, bold=True))
        painter.setPen(QPen(QColor(40, 48, 60, 150)))
        painter.drawText(area.adjusted(0, 0, -14 * s, -8 * s),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, str(stamp))
        painter.restore()


def render_image(page: Page, width: int) -> QImage:
    """``page`` painted into an image ``width`` pixels wide (frames of an animation)."""
    ensure_gui()
    lay = _layout(page, width)
    if lay.height > MAX_PIXELS:
        raise ExportError(f"The image would be {lay.height} pixels tall; choose a smaller width.")
    image = QImage(lay.width, lay.height, QImage.Format.Format_RGB32)
    image.fill(QColor(styles.BACKGROUND))
    painter = QPainter(image)
    try:
        _paint_page(painter, page, lay, False)
    finally:
        painter.end()
    return image


def render_page(page: Page, path: Path, fmt: str, width: int, dpi: float | None = None,
                transparent: bool = False, progress: Progress | None = None) -> Path:
    """Paint ``page`` into ``path`` as PNG, SVG or PDF ``width`` pixels wide, atomically.

    ``progress`` hears (done, total) as edges and nodes are painted; an exception it
    raises (to cancel) leaves no file behind."""
    ensure_gui()
    ticker = _Ticker(progress, sum(len(p.model.edges) + p.model.n_nodes for p in page.panels))
    lay = _layout(page, width)
    if lay.height > MAX_PIXELS:
        raise ExportError(f"The image would be {lay.height} pixels tall; choose a smaller width.")
    device_dpi = screen_dpi()
    title = page.meta.get("title", "Strategic Balance Explorer")

    def png(tmp: str) -> None:
        image = QImage(lay.width, lay.height, QImage.Format.Format_ARGB32_Premultiplied)
        dpm = round(device_dpi / 0.0254)
        image.setDotsPerMeterX(dpm)
        image.setDotsPerMeterY(dpm)
        image.fill(QColor(0, 0, 0, 0) if transparent else QColor(styles.BACKGROUND))
        painter = QPainter(image)
        try:
            _paint_page(painter, page, lay, transparent, ticker)
        finally:
            painter.end()
        if dpi:  # metadata only, after painting (fonts are measured at the screen's DPI)
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
        image.setText("Title", title)
        image.setText("Software", "Strategic Balance Explorer")
        if not image.save(tmp, "PNG"):
            raise ExportError(f"Cannot write '{path}': saving the PNG failed.")

    def svg(tmp: str) -> None:
        from PySide6.QtSvg import QSvgGenerator

        gen = QSvgGenerator()
        gen.setFileName(tmp)
        gen.setResolution(round(device_dpi))
        gen.setSize(QSizeF(lay.width, lay.height).toSize())
        gen.setViewBox(QRectF(0, 0, lay.width, lay.height))
        gen.setTitle(title)
        gen.setDescription("Exported by Strategic Balance Explorer")
        painter = QPainter()
        if not painter.begin(gen):
            raise ExportError(f"Cannot write '{path}': the SVG could not be started.")
        try:
            _paint_page(painter, page, lay, transparent, ticker)
        finally:
            painter.end()
        _fix_svg_fonts(tmp)

    def pdf(tmp: str) -> None:
        writer = QPdfWriter(tmp)
        writer.setResolution(round(device_dpi))
        points = QSizeF(lay.width * 72.0 / device_dpi, lay.height * 72.0 / device_dpi)
        writer.setPageLayout(QPageLayout(
            QPageSize(points, QPageSize.Unit.Point, "Export", QPageSize.SizeMatchPolicy.ExactMatch),
            QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        writer.setTitle(title)
        writer.setCreator("Strategic Balance Explorer")
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportError(f"Cannot write '{path}': the PDF could not be started.")
        try:
            # the page may round to whole points: fit the drawing to the real page
            vp = painter.viewport()
            sx, sy = vp.width() / lay.width, vp.height() / lay.height
            if abs(sx - 1) > 1e-3 or abs(sy - 1) > 1e-3:
                painter.scale(min(sx, sy), min(sx, sy))
            _paint_page(painter, page, lay, transparent, ticker)
        finally:
            painter.end()

    try:
        written = write_atomic(path, {"png": png, "svg": svg, "pdf": pdf}[fmt], allow_empty=False)
    except WriteError as exc:
        raise ExportError(str(exc)) from None
    if progress is not None:
        progress(1000, 1000)
    return written


def _fix_svg_fonts(path: str) -> None:
    """Qt writes the fontconfig alias ("Sans Serif"), which browsers do not know: name
    the real family and the CSS generic fallback instead."""
    from PySide6.QtGui import QFontInfo

    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    family = QFontInfo(QFont()).family().replace('"', "")
    alias = QFont().family()
    fallback = f"{family}, sans-serif" if family and family != alias else "sans-serif"
    fixed = text.replace(f'font-family="{alias}"', f'font-family="{fallback}"')
    if fixed != text:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(fixed)


