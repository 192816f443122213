"""Filling a pyqtgraph scatter item with thousands of styled points at once.

``ScatterPlotItem.setData`` looks every point's (symbol, size, pen, brush) up in its
symbol atlas one Python tuple at a time, and sets pens and brushes point by point: at
10,000 nodes that was 60 ms of every model change. Here the caller has already grouped
the points by style (a few dozen groups), so the atlas is asked once per group and the
record array is written column by column. What ``setData`` does besides (bounds, the
cached picture, the plot-changed signal) is repeated, so the item behaves the same.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg


def fill_scatter(
    scatter: pg.ScatterPlotItem,
    x: np.ndarray,
    y: np.ndarray,
    symbols: np.ndarray,
    sizes: np.ndarray,
    pens: np.ndarray,
    brushes: np.ndarray,
    style_first: np.ndarray,
    style_of: np.ndarray,
) -> None:
    """Replace every point of ``scatter``.

    ``symbols``, ``pens`` and ``brushes`` are object arrays, one entry a point;
    ``style_of[i]`` numbers point i's style and ``style_first[k]`` is a point with style
    k, so that points of one number share symbol, size, pen and brush.
    """
    n = len(x)
    scatter.data["item"][...] = None  # spot items would point into the old array
    # zeros, not empty: numpy fills every object field of an empty record array with None
    # (8 ms at 10,000 points); zeroed object fields hold 0, so the one field no column
    # below writes, pyqtgraph's spot item cache, is set to None on its own
    rec = np.zeros(n, dtype=scatter.data.dtype)
    rec["item"] = None
    rec["x"] = x
    rec["y"] = y
    rec["size"] = sizes
    rec["symbol"] = symbols
    rec["pen"] = pens
    rec["brush"] = brushes
    rec["visible"] = True
    rec["data"] = np.arange(n)
    rec["sourceRect"] = 0
    if n and scatter.opts["pxMode"] and scatter.opts["useCache"]:
        styles = [(symbols[f], sizes[f], pens[f], brushes[f]) for f in style_first]
        coords = scatter.fragmentAtlas[styles]
        rec["sourceRect"] = np.array(coords, dtype=rec.dtype["sourceRect"])[style_of]
    scatter.data = rec
    scatter._maxSpotWidth = 0
    scatter._maxSpotPxWidth = 0
    scatter.prepareGeometryChange()
    scatter.informViewBoundsChanged()
    scatter.bounds = [None, None]
    if scatter.opts["pxMode"] and scatter.opts["useCache"]:
        scatter._maybeRebuildAtlas()
    scatter._updateMaxSpotSizes(data=rec)
    scatter.invalidate()
    scatter.sigPlotChanged.emit(scatter)
