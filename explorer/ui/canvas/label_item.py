"""Every node label of a view in one graphics item, drawn in screen pixels.

A pool of ``pg.TextItem`` (one QGraphicsTextItem and a QTextDocument each) cost 0.2 ms
a label per frame: 25 labels took 5 ms of an 8 ms frame at 200 nodes. Here a frame
maps the labelled nodes to pixels once and draws each label from a cached
``QStaticText``; moving labels with their nodes only replaces an array.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QStaticText, QTransform

#: Opacity of a faded node's label (the node is outside the filter's focus).
FADED_OPACITY = 0.55
#: Static texts kept per font before the cache is emptied.
CACHE_LIMIT = 5_000


class LabelsItem(pg.GraphicsObject):
    """Labels at pixel offsets from their nodes' view positions."""

    def __init__(self, font: QFont, hub_font: QFont, color: QColor) -> None:
        super().__init__()
        self._fonts = (font, hub_font)
        self._color = QColor(color)
        self._anchors = np.zeros((0, 2))
        self._offsets = np.zeros((0, 2))
        self._texts: list[str] = []
        self._bold: list[bool] = []
        self._faded: list[bool] = []
        self._bounds = QRectF()
        self._pixels_per_unit = 0.0
        self._cache: tuple[dict[str, QStaticText], dict[str, QStaticText]] = ({}, {})

    def set_labels(self, anchors: np.ndarray, offsets: np.ndarray, texts: list[str],
                   bold: list[bool], faded: list[bool], bounds: QRectF) -> None:
        """``anchors`` (k, 2) node positions in view units; ``offsets`` (k, 2) each text
        box's top-left corner from its node in pixels (y down)."""
        self.prepareGeometryChange()
        self._anchors = np.asarray(anchors, dtype=float).reshape(-1, 2)
        self._offsets = np.asarray(offsets, dtype=float).reshape(-1, 2)
        self._texts, self._bold, self._faded = list(texts), list(bold), list(faded)
        self._bounds = QRectF(bounds)
        self.update()

    def move(self, anchors: np.ndarray, bounds: QRectF) -> None:
        """The same labels at new node positions."""
        self.prepareGeometryChange()
        self._anchors = np.asarray(anchors, dtype=float).reshape(-1, 2)
        self._bounds = QRectF(bounds)
        self.update()

    def set_scale(self, pixels_per_unit: float) -> None:
        """The view's horizontal pixels per view unit, as the labels were placed."""
        self._pixels_per_unit = float(pixels_per_unit)

    def pixel_boxes(self, width_of) -> list[tuple[str, QRectF]]:
        """(text, box in scene pixels) per label; ``width_of(text, bold)`` its width."""
        height = QFontMetricsF(self._fonts[0]).height()
        boxes = []
        for (x, y), (ox, oy), text, bold in zip(self._anchors.tolist(), self._offsets.tolist(),
                                                self._texts, self._bold, strict=True):
            p = self.mapToScene(QPointF(x, y))
            boxes.append((text, QRectF(p.x() + ox, p.y() + oy, width_of(text, bold), height)))
        return boxes

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._bounds

    def _static(self, text: str, bold: bool) -> QStaticText:
        cache = self._cache[bold]
        static = cache.get(text)
        if static is None:
            if len(cache) > CACHE_LIMIT:
                cache.clear()
            static = cache[text] = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
        return static

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self._texts:
            return
        # (QGraphicsItem.deviceTransform crashes when called while painting)
        painted = painter.transform()
        # a render into a bigger image scales the view: scale the labels with it
        zoom = abs(painted.m11()) / self._pixels_per_unit if self._pixels_per_unit else 1.0
        zoom = zoom if 0.05 < zoom < 50 else 1.0
        ax, ay = self._anchors[:, 0], self._anchors[:, 1]
        xs = ((painted.m11() * ax + painted.m21() * ay + painted.dx()) / zoom
              + self._offsets[:, 0] + 2).tolist()
        ys = ((painted.m12() * ax + painted.m22() * ay + painted.dy()) / zoom
              + self._offsets[:, 1]).tolist()
        painter.save()
        painter.setTransform(QTransform.fromScale(zoom, zoom))
        painter.setPen(self._color)
        base = painter.opacity()
        bold_now = None
        opacity_now = None
        for x, y, text, bold, faded in zip(xs, ys, self._texts, self._bold, self._faded,
                                           strict=True):
            if bold != bold_now:
                painter.setFont(self._fonts[bold])
                bold_now = bold
            opacity = base * (FADED_OPACITY if faded else 1.0)
            if opacity != opacity_now:
                painter.setOpacity(opacity)
                opacity_now = opacity
            painter.drawStaticText(QPointF(x, y), self._static(text, bold))
        painter.restore()
