"""Painting a huge number of edges into a picture fast.

Qt strokes a wide antialiased line at a few hundred nanoseconds per pixel: 200,000
edges across a 2400-pixel picture took half a minute. Its one-pixel aliased lines are
several times cheaper, so a big edge group is drawn as hairlines into a mask, the mask
is thickened to the pen's width with numpy (a cost of the picture's size, not of the
edge count) and composited in the pen's colour. At that density single lines are not
told apart anyway; dashes are not drawn (the canvas drops them for big counts too).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen

#: Edge groups larger than this are rastered; smaller ones keep Qt's antialiased paths.
RASTER_EDGES_ABOVE = 20_000
#: Edges drawn between two progress reports.
CHUNK = 20_000


def can_raster(painter: QPainter) -> bool:
    """Only a picture painted pixel for pixel (PNG), never SVG or PDF (vector output)."""
    return isinstance(painter.device(), QImage) and painter.transform().isIdentity()


def _pixels(image: QImage) -> np.ndarray:
    """The 32-bit pixels of ``image`` as a (height, width) array (a copy)."""
    h, w = image.height(), image.width()
    row = image.bytesPerLine() // 4
    return np.frombuffer(image.constBits(), dtype=np.uint32, count=h * row).reshape(h, row)[:, :w].copy()


def _dilate(hit: np.ndarray, radius: float) -> np.ndarray:
    """``hit`` grown by a disc of ``radius`` pixels (shifted ORs)."""
    if radius < 0.5:
        return hit
    out = hit.copy()
    reach = math.ceil(radius)
    h, w = hit.shape
    for dy in range(-reach, reach + 1):
        for dx in range(-reach, reach + 1):
            if (dx or dy) and dx * dx + dy * dy <= radius * radius + 0.25:
                out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] |= (
                    hit[max(-dy, 0):h + min(-dy, 0), max(-dx, 0):w + min(-dx, 0)])
    return out


def raster_edges(
    painter: QPainter, pts: np.ndarray, pairs: np.ndarray, pen: QPen, area: QRectF,
    tick: Callable[[int], None] | None = None,
) -> None:
    """Paint the segments ``pts[a]``–``pts[b]`` for ``(a, b)`` in ``pairs`` with
    ``pen``'s colour and width inside ``area``; ``tick(n)`` after every n edges."""
    left, top = math.floor(area.left()), math.floor(area.top())
    w, h = math.ceil(area.right()) - left, math.ceil(area.bottom()) - top
    if w <= 0 or h <= 0 or not len(pairs):
        return
    # the line is drawn a whole number of pixels wide, the nearest to the pen's width, in
    # the pen's own colour (where thousands of edges cross, antialiased lines add up to
    # the full colour too). Lines two or more pixels wide are drawn at half the size and
    # doubled: a quarter of the pixels to visit
    width = max(pen.widthF(), 0.1)
    half = width >= 2.0
    if half:
        grow = max(round((width - 2.0) / 2), 0)
    else:
        grow = round((width - 1.0) / 2) if width > 1.0 else 0
    k = 2 if half else 1
    mw, mh = -(-w // k), -(-h // k)
    mask = QImage(mw, mh, QImage.Format.Format_ARGB32_Premultiplied)
    mask.fill(0)
    hair = QPen(QColor(255, 255, 255))
    hair.setWidth(0)
    hair.setCosmetic(True)
    drawer = QPainter(mask)
    try:
        drawer.setPen(hair)
        drawer.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        xy = (np.asarray(pts, dtype=float) - (left, top)) / k
        ends = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
        for start in range(0, len(ends), CHUNK):
            chunk = ends[start:start + CHUNK]
            rows = np.hstack([xy[chunk[:, 0]], xy[chunk[:, 1]]]).tolist()
            drawer.drawLines([QLineF(*r) for r in rows])
            if tick is not None:
                tick(len(chunk))
    finally:
        drawer.end()
    hit = _pixels(mask) != 0
    if half:
        hit = np.repeat(np.repeat(hit, 2, axis=0), 2, axis=1)[:h, :w]
    hit = _dilate(hit, float(grow))
    color = QColor(pen.color())
    alpha = color.alpha()
    premultiplied = (
        (alpha << 24) | ((color.red() * alpha // 255) << 16)
        | ((color.green() * alpha // 255) << 8) | (color.blue() * alpha // 255)
    )
    layer = np.zeros((h, w), dtype=np.uint32)
    layer[hit] = premultiplied
    image = QImage(layer.data, w, h, 4 * w, QImage.Format.Format_ARGB32_Premultiplied)
    painter.drawImage(QPointF(left, top), image)  # ``layer`` outlives the draw
