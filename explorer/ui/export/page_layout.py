"""Where everything goes on an exported page: the graph's area and scale (keeping its
nodes out from under the legend), the legend's corner, the two panels of a comparison
and the caption below them, for a page of a given width in pixels."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from explorer.scene.caption import CaptionLine
from explorer.scene.picture import REFERENCE_WIDTH, Page, Panel
from explorer.ui.canvas.legend import legend_size


def node_bounds(panels: list[Panel]) -> QRectF:
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
class PageMapping:
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


def fit_into(src: QRectF, area: QRectF, pad: tuple[float, float, float, float]) -> PageMapping:
    """Fit ``src`` into ``area`` minus paddings (left, top, right, bottom), centred."""
    left, top, right, bottom = pad
    aw = max(area.width() - left - right, 1.0)
    ah = max(area.height() - top - bottom, 1.0)
    k = min(aw / max(src.width(), 1e-9), ah / max(src.height(), 1e-9))
    x0 = area.left() + left + (aw - src.width() * k) / 2
    y0 = area.top() + top + (ah - src.height() * k) / 2
    return PageMapping(src, k, x0, y0)


def node_boxes(panel: Panel, mp: PageMapping, s: float) -> np.ndarray:
    pts = mp.map(panel.pos)
    r = panel.model.sizes[:, None] * s / 2 if panel.model.n_nodes else np.zeros((0, 1))
    return np.hstack([pts - r, pts + r])


def boxes_hit(boxes: np.ndarray, rect: QRectF) -> bool:
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


def page_font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(max(points, 1.0))
    font.setBold(bold)
    return font


def caption_fonts(s: float) -> dict[str, QFont]:
    return {"title": page_font(13 * s, bold=True), "body": page_font(9.5 * s), "note": page_font(8.5 * s)}


def caption_height(lines: list[CaptionLine], width: float, s: float) -> float:
    fonts = caption_fonts(s)
    h = 10 * s
    for line in lines:
        fm = QFontMetricsF(fonts[line.role])
        box = fm.boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), line.text)
        h += box.height() + 3 * s
    return h + 4 * s


@dataclass
class PageLayout:
    width: int
    height: int
    scale: float
    areas: list[QRectF]
    mapping: PageMapping
    legend_at: QPointF
    legend_rect: QRectF
    caption_rect: QRectF
    heading_rects: list[QRectF]


def layout_page(page: Page, width: int) -> PageLayout:
    two = len(page.panels) == 2
    s = max(width / (1.5 * REFERENCE_WIDTH if two else REFERENCE_WIDTH), 0.5)
    margin = 14 * s
    gap = 24 * s
    inner_w = width - 2 * margin
    panel_w = (inner_w - gap) / 2 if two else inner_w
    heading_h = QFontMetricsF(page_font(11 * s, bold=True)).height() + 6 * s if two else 0.0
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
        mapping = fit_into(src, QRectF(margin, top, panel_w, graph_h), (0.0, 0.0, 0.0, 0.0))
    else:
        src = node_bounds(page.panels)
        if page.map is not None:  # the whole map, not only where nodes are
            src = src.united(QRectF(*page.map.extent))
        max_node = max((float(p.model.sizes.max()) for p in page.panels if p.model.n_nodes),
                       default=10.0) * s
        base = (pad + max_node / 2, pad + max_node / 2, label_room, pad + max_node / 2)
        max_h = (1.0 if two else 1.25) * panel_w

        def fit(pads: tuple[float, float, float, float]) -> tuple[PageMapping, float]:
            # the width decides the scale; the height follows the graph's shape
            k = (panel_w - pads[0] - pads[2]) / max(src.width(), 1e-9)
            h = min(src.height() * k + pads[1] + pads[3], max_h)
            h = max(h, 0.4 * panel_w, min_h)
            return fit_into(src, QRectF(margin, top, panel_w, h), pads), h

        mapping, graph_h = fit(base)
        grown = legend_rect.adjusted(-4 * s, -4 * s, 4 * s, 4 * s)
        if lw > 0 and any(boxes_hit(node_boxes(p, mapping, s), grown) for p in page.panels):
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
    cap_h = caption_height(page.caption, caption_w, s)
    height = int(math.ceil(caption_top + cap_h + margin))
    headings = [QRectF(a.left(), margin, a.width(), heading_h) for a in areas] if two else []
    return PageLayout(width, height, s, areas, mapping, legend_at, legend_rect,
                   QRectF(margin, caption_top, caption_w, cap_h), headings)
