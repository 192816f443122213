"""Hovering a node lifts its neighbourhood: a light veil dims the whole graph and the
node, its links and the nodes they reach are drawn again above the veil.

Only the neighbourhood is redrawn (a few dozen items, whatever the graph's size), so
hovering stays instant on large networks; labels stay above the veil.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from explorer.ui.canvas.drawing import SegmentsItem

VEIL_COLOR = QColor(255, 255, 255, 165)
LINK_COLOR = QColor("#303a4a")
#: Above the nodes (10) and below the labels (20).
VEIL_Z, LINKS_Z, NODES_Z = 15, 16, 17


class HoverHighlight:
    """The veil and the lifted neighbourhood of one node."""

    def __init__(self, viewbox: pg.ViewBox) -> None:
        self._vb = viewbox
        self.veil = QGraphicsRectItem()
        self.veil.setBrush(QBrush(VEIL_COLOR))
        self.veil.setPen(QPen(QColor(0, 0, 0, 0)))
        self.veil.setZValue(VEIL_Z)
        self.links = SegmentsItem()
        pen = QPen(LINK_COLOR, 1.8)
        pen.setCosmetic(True)
        self.links.setPen(pen)
        self.links.setZValue(LINKS_Z)
        self.nodes = pg.ScatterPlotItem(pxMode=True)
        self.nodes.setZValue(NODES_Z)
        for item in (self.veil, self.links, self.nodes):
            item.setVisible(False)
            viewbox.addItem(item, ignoreBounds=True)
        viewbox.sigRangeChanged.connect(lambda *_: self._cover())
        self._index: int | None = None
        self._members = np.zeros(0, dtype=np.int64)
        self._edges = np.zeros((0, 2), dtype=np.int64)

    @property
    def node(self) -> int | None:
        """The node whose neighbourhood is lifted, or None."""
        return self._index

    def neighbourhood(self) -> list[int]:
        """The lifted nodes: the hovered one first, then its neighbours."""
        return [int(i) for i in self._members]

    def show(self, index: int | None, edges: np.ndarray, pos: np.ndarray,
             scatter: pg.ScatterPlotItem) -> None:
        """Lift node ``index`` (None: clear) given the model's edges and the positions."""
        self._index = index
        if index is None or len(pos) <= index:
            for item in (self.veil, self.links, self.nodes):
                item.setVisible(False)
            return
        touching = (edges[:, 0] == index) | (edges[:, 1] == index) if len(edges) else []
        self._edges = edges[touching] if len(edges) else np.zeros((0, 2), dtype=np.int64)
        others = np.unique(self._edges.ravel())
        self._members = np.concatenate([[index], others[others != index]]).astype(np.int64)
        data = scatter.data
        if len(data) != len(pos):
            return
        picked = data[self._members]
        self.nodes.setData(
            x=pos[self._members, 0], y=pos[self._members, 1], size=picked["size"],
            symbol=list(picked["symbol"]), pen=list(picked["pen"]), brush=list(picked["brush"]),
        )
        self._place_links(pos)
        self._cover()
        for item in (self.veil, self.links, self.nodes):
            item.setVisible(True)

    def follow(self, pos: np.ndarray) -> None:
        """Move the lifted items with the layout."""
        if self._index is None or len(self._members) == 0 or len(pos) <= self._members.max():
            return
        self.nodes.setData(x=pos[self._members, 0], y=pos[self._members, 1],
                           size=self.nodes.data["size"], symbol=list(self.nodes.data["symbol"]),
                           pen=list(self.nodes.data["pen"]),
                           brush=list(self.nodes.data["brush"]))
        self._place_links(pos)

    def _place_links(self, pos: np.ndarray) -> None:
        if len(self._edges):
            self.links.set_points(pos[self._edges.ravel()])
        else:
            self.links.set_points(np.zeros((0, 2)))

    def _cover(self) -> None:
        if self._index is not None:
            self.veil.setRect(self._vb.viewRect())
