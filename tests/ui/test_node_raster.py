"""A big graph's nodes stamped by the compiled kernels look as pyqtgraph draws them."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage, QPainter

pytest.importorskip("numba")

from explorer.scene import sprite_blit  # noqa: E402
from explorer.ui.canvas import node_raster  # noqa: E402
from explorer.ui.canvas.node_layer import _NodeScatter  # noqa: E402


def render(view: pg.GraphicsView) -> np.ndarray:
    image = QImage(500, 400, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    view.render(painter)
    painter.end()
    words = image.bytesPerLine() // 4
    return np.frombuffer(image.constBits(), np.uint32,
                         count=image.height() * words).reshape(image.height(), words).copy()


def test_stamped_nodes_match_pyqtgraphs_drawing(qtbot, monkeypatch) -> None:
    thread = sprite_blit.warm_up_in_background()
    thread.join()
    view = pg.GraphicsView(background="w")
    view.setAntialiasing(False)
    vb = pg.ViewBox(lockAspect=True)
    view.setCentralItem(vb)
    view.resize(500, 400)
    qtbot.addWidget(view)
    rng = np.random.default_rng(3)
    n = node_raster.STAMP_ABOVE + 5_000
    scatter = _NodeScatter(pxMode=True, hoverable=False)
    scatter.setData(x=rng.normal(size=n), y=rng.normal(size=n),
                    size=rng.choice([4, 7, 12, 20], n),
                    symbol=rng.choice(["o", "d"], n).tolist(),
                    brush=[pg.mkBrush(c) for c in rng.choice(
                        ["#1f77b4", "#d62728", "#ffffff00", "#2ca02c80"], n)],
                    pen=pg.mkPen("#333", width=1))
    vb.addItem(scatter)
    vb.autoRange()
    calls = []
    stamp = sprite_blit.stamp
    monkeypatch.setattr(sprite_blit, "stamp", lambda *a: calls.append(1) or stamp(*a))
    fast = render(view)
    assert calls, "the big scatter took the stamped path"
    monkeypatch.setattr(node_raster, "STAMP_ABOVE", 10 * n)
    slow = render(view)
    assert len(calls) == 1, "above the threshold pyqtgraph draws"
    diff = np.stack([np.abs(((fast >> k) & 255).astype(int) - ((slow >> k) & 255))
                     for k in (0, 8, 16, 24)])
    assert (fast != 0xFFFFFFFF).mean() > 0.2, "the nodes cover the view"
    assert diff.max() <= 3
