"""Level of detail while the user pans or zooms a very large graph: the edges are left
out while the view moves and drawn again a moment after it rests (the technique of
sigma.js's ``hideEdgesOnMove``); nodes follow every frame, labels ride along with their
nodes and are placed anew at most every ``labels.PLACE_EVERY_S`` and when the view rests."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from explorer.ui.canvas.drawing import HIDE_EDGES_ON_MOVE_ABOVE, EdgeLayer

#: The view counts as at rest after this long without a pan or zoom (milliseconds).
REST_MS = 180


class ViewMotion(QObject):
    """Hides ``edges`` while the view box's range keeps moving (large graphs only)."""

    #: The view came to rest after a pan or zoom that hid the edges.
    rested = Signal()

    def __init__(self, viewbox, edges: EdgeLayer, edge_count, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self._edges = edges
        self._edge_count = edge_count  # () -> edges in the model now
        self._rest = QTimer(self)
        self._rest.setSingleShot(True)
        self._rest.setInterval(REST_MS)
        self._rest.timeout.connect(self._on_rest)
        viewbox.sigRangeChangedManually.connect(self._moved)

    def _moved(self, *_args) -> None:
        if self._edge_count() > HIDE_EDGES_ON_MOVE_ABOVE:
            self._edges.set_interacting(True)
            self._rest.start()

    def _on_rest(self) -> None:
        self._edges.set_interacting(False)
        self.rested.emit()
