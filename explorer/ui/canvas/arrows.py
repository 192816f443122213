"""Arrowheads on the ties an imported graph made directed: a small filled triangle at the
target's rim, drawn in one path for all of them and moved with the nodes."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

ARROW_PX = 7.0
ARROW_COLOR = QColor("#4a4a4a")


def directed_pairs(model, doc) -> np.ndarray:
    """(k, 2) node-index pairs (source, target) of the directed ties drawn in ``model``."""
    edges = doc.extras.edges
    if not any(p.directed for p in edges.values()):
        return np.zeros((0, 2), dtype=np.int64)
    index = model.index
    out = []
    for tie in doc.ties.values():
        props = edges.get(f"tie:{tie.id}")
        a, b = f"actor:{tie.a}", f"actor:{tie.b}"
        if props is not None and props.directed and a in index and b in index:
            out.append((index[a], index[b]))
    return np.asarray(out, dtype=np.int64).reshape(-1, 2)


class ArrowLayer(QGraphicsItem):
    """Triangles in screen size (pixels), placed in view coordinates each frame."""

    def __init__(self, viewbox) -> None:
        super().__init__()
        self._vb = viewbox
        self._pairs = np.zeros((0, 2), dtype=np.int64)
        self._radii = np.zeros(0)
        self._path = QPainterPath()
        self.setZValue(-3)
        viewbox.addItem(self, ignoreBounds=True)

    @property
    def count(self) -> int:
        return len(self._pairs)

    def set_pairs(self, pairs: np.ndarray, sizes: np.ndarray) -> None:
        self._pairs = pairs
        self._radii = np.asarray(sizes, dtype=float) / 2

    def update_positions(self, pos: np.ndarray) -> None:
        self.prepareGeometryChange()
        path = QPainterPath()
        size = self._vb.viewPixelSize() if len(self._pairs) else None
        if size is not None and len(pos):
            sx, sy = float(size[0]) or 1.0, float(size[1]) or 1.0
            for i, j in self._pairs:
                if i >= len(pos) or j >= len(pos):
                    continue
                # in pixels around the target, then back to view units
                dx, dy = (pos[j, 0] - pos[i, 0]) / sx, (pos[j, 1] - pos[i, 1]) / sy
                length = float(np.hypot(dx, dy))
                if length < 1e-9 or not np.isfinite(length):
                    continue
                ux, uy = dx / length, dy / length
                tip = -self._radii[j] - 1.0
                base = tip - ARROW_PX
                px, py = -uy, ux
                pts = [(ux * tip, uy * tip),
                       (ux * base + px * ARROW_PX / 2.4, uy * base + py * ARROW_PX / 2.4),
                       (ux * base - px * ARROW_PX / 2.4, uy * base - py * ARROW_PX / 2.4)]
                poly = [QPointF(pos[j, 0] + x * sx, pos[j, 1] + y * sy) for x, y in pts]
                path.moveTo(poly[0])
                path.lineTo(poly[1])
                path.lineTo(poly[2])
                path.closeSubpath()
        self._path = path
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._path.boundingRect()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self._path.isEmpty():
            painter.setPen(QPen(ARROW_COLOR, 0))
            painter.setBrush(QBrush(ARROW_COLOR))
            painter.drawPath(self._path)


def install_arrows(canvas) -> ArrowLayer:
    """An arrow layer that follows ``canvas``: its model, its frames, its zoom."""
    layer = ArrowLayer(canvas.vb)

    def on_model() -> None:
        model = canvas.model()
        if model is None:
            return
        layer.set_pairs(directed_pairs(model, canvas.session.project.document()), model.sizes)
        layer.update_positions(canvas.positions_array())

    canvas.modelApplied.connect(on_model)
    canvas.framePainted.connect(lambda: layer.update_positions(canvas.positions_array()))
    canvas.vb.sigRangeChanged.connect(
        lambda *_: layer.update_positions(canvas.positions_array()))
    on_model()
    return layer
