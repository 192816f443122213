"""The world base map under the graph in the map view, and its painter (shared with
image export): muted land on a pale sea, borders hairline, states optionally filled."""

from __future__ import annotations

from functools import lru_cache

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from explorer.scene.geo.projection import EXTENT, MARGIN_STEP, MARGIN_TOP, MARGIN_X
from explorer.scene.geo.world import world_shapes

SEA = "#eef2f5"
LAND = "#e4e2da"
BORDER = "#c9c6bb"
MARGIN_FILL = "#f6f5f1"
MARGIN_TEXT = "#6b6b6b"


@lru_cache(maxsize=1)
def country_paths() -> dict[str, QPainterPath]:
    """ISO numeric code -> the country's outline, in map units (built once)."""
    out: dict[str, QPainterPath] = {}
    for shape in world_shapes():
        path = out.get(shape.numeric) or QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for ring in shape.rings:
            path.addPolygon(QPolygonF([QPointF(float(x), float(y)) for x, y in ring]))
            path.closeSubpath()
        out[shape.numeric or f"?{len(out)}"] = path
    return out


@lru_cache(maxsize=1)
def land_path() -> QPainterPath:
    """Every country in one path: the land is filled with a single call."""
    path = QPainterPath()
    for country in country_paths().values():
        path.addPath(country)
    return path


def margin_rect(rows: int) -> QRectF:
    """The margin column holding ``rows`` actors with no place, in map units."""
    height = MARGIN_STEP * max(rows, 1) + 6.0
    return QRectF(MARGIN_X - 6.0, MARGIN_TOP - height + 10.0, 26.0, height)


def paint_base_map(painter: QPainter, fills: dict[str, tuple[str, float]],
                   margin_rows: int = 0, *, cosmetic: bool = True, line_width: float = 0.6,
                   show_sea: bool = True) -> None:
    """Paint sea, land, fills and borders in map units with ``painter``'s transform.

    ``cosmetic`` borders keep their pixel width whatever the zoom (the canvas); an
    export passes the page's scaled width instead."""
    painter.save()
    x, y, w, h = EXTENT
    if show_sea:
        painter.fillRect(QRectF(x, y, w, h), QColor(SEA))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(LAND))
    painter.drawPath(land_path())
    paths = country_paths()
    for numeric, (color, alpha) in fills.items():
        path = paths.get(numeric)
        if path is None:
            continue
        fill = QColor(color)
        fill.setAlphaF(max(0.0, min(1.0, alpha)))
        painter.setBrush(QBrush(fill))
        painter.drawPath(path)
    pen = QPen(QColor(BORDER), line_width)
    pen.setCosmetic(cosmetic)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(land_path())
    if margin_rows:
        rect = margin_rect(margin_rows)
        painter.setBrush(QColor(MARGIN_FILL))
        painter.drawRect(rect)
    painter.restore()


class BaseMapItem(pg.GraphicsObject):
    """The base map as an item of the canvas's view box, under everything else."""

    def __init__(self) -> None:
        super().__init__()
        self.fills: dict[str, tuple[str, float]] = {}
        self.margin_rows = 0
        self.setZValue(-100)
        self.setFlag(self.GraphicsItemFlag.ItemIsSelectable, False)

    def set_fills(self, fills: dict[str, tuple[str, float]], margin_rows: int) -> None:
        self.fills = dict(fills)
        self.margin_rows = margin_rows
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        x, y, w, h = EXTENT
        return QRectF(x, y, w + 40.0, h)

    def paint(self, painter: QPainter, *args) -> None:
        paint_base_map(painter, self.fills, self.margin_rows)
