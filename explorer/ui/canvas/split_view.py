"""The side-by-side comparison: the baseline (left, read-only) beside the live canvas
(right, the scenario with its removals drawn dashed red), one layout, pan and zoom kept
in step, and the comparison's sentences across the top.

The left half draws no layout of its own: it copies the canvas's node positions every
frame, so a node sits at the same place on both sides and the eye sees only the change.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from explorer.scene import styles
from explorer.scene.geo.fills import map_fills
from explorer.scene.geo.placement import map_placement
from explorer.scene.graph_model import GraphModel, build_graph_model
from explorer.ui.canvas.arrows import install_arrows
from explorer.ui.canvas.base_map import BaseMapItem
from explorer.ui.canvas.drawing import EdgeLayer
from explorer.ui.canvas.labels import LabelLayer
from explorer.ui.canvas.node_layer import NodeLayer

SPLIT_MODE = "split"
_HEADING_STYLE = ("QLabel { background: #eef1f6; color: #1d1d1d; padding: 3px 8px;"
                  " font-weight: bold; border-bottom: 1px solid #d5dbe5; }")


class BaselinePanel(QWidget):
    """The baseline half: a read-only copy of the canvas's layout without the scenario."""

    def __init__(self, canvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.session = canvas.session
        self._model: GraphModel | None = None
        self._rows = np.zeros(0, dtype=np.int64)  # canvas row of each of our nodes
        self._syncing = False
        self.heading = QLabel("Baseline")
        self.heading.setStyleSheet(_HEADING_STYLE)
        self.view = pg.GraphicsView(background=styles.BACKGROUND)
        self.view.setAntialiasing(True)
        self.vb = pg.ViewBox()
        self.vb.setMouseEnabled(x=True, y=True)
        self.vb.disableAutoRange()
        self.view.setCentralItem(self.vb)
        self.base_map = BaseMapItem()  # shown while the canvas shows the map
        self.base_map.hide()
        self.vb.addItem(self.base_map, ignoreBounds=True)
        self._map_pos: np.ndarray | None = None
        self.edges = EdgeLayer(self.vb)
        self.nodes = NodeLayer(self.vb)
        self.labels = LabelLayer(self.vb)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self.vb.sigRangeChangedManually.connect(self._push_range)
        self.vb.sigRangeChanged.connect(lambda *_: self._refresh_marks())

    def reference(self) -> str | None:
        """The scenario drawn on this side instead of the baseline (What-if ▸ Compare with)."""
        from explorer.ui.whatif.panel import REFERENCE_SETTING

        name = self.session.project.setting(REFERENCE_SETTING)
        doc = self.session.project.document()
        return name if name in doc.scenarios and name != self.session.scenario_name else None

    def node_keys(self) -> list[str]:
        """The nodes this half draws."""
        return list(self._model.keys) if self._model else []

    def rebuild(self) -> None:
        """Build the baseline model of the session's view in the canvas's colours and sizes."""
        doc = self.session.project.document()
        reference = self.reference()
        model = build_graph_model(doc, self.session.view_filter, self.canvas.color_by,
                                  doc.scenarios.get(reference) if reference else None,
                                  "scenario" if reference else "baseline", self.canvas.size_by)
        self.heading.setText(f"Compared with: {reference}" if reference else "Baseline")
        self._model = model
        self.nodes.set_nodes(model, np.zeros((model.n_nodes, 2)), set(),
                             np.zeros(model.n_nodes, dtype=bool))
        self.edges.set_edges(model.edges_by_style())
        self.labels.set_nodes(model.labels, model.importance, model.is_hub, model.sizes,
                              model.faded | model.ghost)
        self._map_rows()
        self._follow_layout_kind()
        self.follow_positions()

    def _follow_layout_kind(self) -> None:
        """The map under this half too, with this half's own fills, when the canvas shows it."""
        on_map = self.canvas.layout_kind == "map" and self._model is not None
        self._map_pos = (map_placement(self._model, self.session.project.document()).positions
                         if on_map else None)
        fills = map_fills(self._model, self.canvas.map_fill) if on_map else {}
        self.base_map.set_fills(fills, 0)
        self.base_map.setVisible(on_map)

    def _map_rows(self) -> None:
        theirs = {k: i for i, k in enumerate(self.canvas.node_keys())}
        keys = self._model.keys if self._model else []
        self._rows = np.array([theirs.get(k, -1) for k in keys], dtype=np.int64)

    def follow_positions(self) -> None:
        """Copy the canvas's node positions (called for every frame the canvas draws)."""
        if self._model is None or not self.isVisible():
            return
        if len(self._rows) and self._rows.max(initial=-1) >= len(self.canvas.node_keys()):
            self._map_rows()
        theirs = self.canvas.positions_array()
        # a node the canvas does not draw (the scenario removed it) sits at its map place
        pos = (self._map_pos.copy() if self._map_pos is not None
               else np.zeros((self._model.n_nodes, 2)))
        known = self._rows >= 0
        if len(theirs):
            pos[known] = theirs[self._rows[known]]
        self.base_map.setOpacity(self.canvas.base_map.opacity())
        self._pos = pos
        self.nodes.update_positions(pos)
        self.edges.update_positions(pos)
        self.labels.update(pos)

    def follow_range(self, rect: QRectF) -> None:
        """Show the same part of the plane as the canvas."""
        if self._syncing:
            return
        self._syncing = True
        try:
            self.vb.setRange(rect, padding=0)
        finally:
            self._syncing = False

    def _push_range(self, *_args) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.canvas.vb.setRange(self.vb.viewRect(), padding=0)
            # the canvas keeps its aspect ratio, so it may show a little more: match it
            self.vb.setRange(self.canvas.vb.viewRect(), padding=0)
        finally:
            self._syncing = False

    def _refresh_marks(self) -> None:
        self.edges.refresh_dashes()
        if self._model is not None and hasattr(self, "_pos"):
            self.labels.update(self._pos)


class ComparisonArea(QWidget):
    """The window's central area: the canvas alone, or baseline | scenario with the
    comparison's sentences above, when the session's display mode is "split"."""

    def __init__(self, canvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.session = canvas.session
        self.summary = QLabel()
        self.summary.setObjectName("split_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setStyleSheet(
            "QLabel#split_summary { background: #f4f6fa; border-bottom: 1px solid #d5dbe5;"
            " padding: 6px 10px; }")
        self.baseline = BaselinePanel(canvas)
        self.scenario_heading = QLabel()
        self.scenario_heading.setStyleSheet(_HEADING_STYLE)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(0)
        rl.addWidget(self.scenario_heading)
        rl.addWidget(canvas, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.baseline)
        self.splitter.addWidget(right)
        self.baseline.setMinimumWidth(160)
        right.setMinimumWidth(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        canvas.framePainted.connect(self.baseline.follow_positions)
        self.arrows = install_arrows(canvas)  # direction of an imported graph's ties
        canvas.vb.sigRangeChanged.connect(lambda *_: self._follow_range())
        canvas.modelApplied.connect(self._on_canvas_model)
        canvas.layoutKindChanged.connect(lambda *_: self._on_canvas_model())
        self.session.scenarioChanged.connect(self._on_mode)
        self.session.comparisonReady.connect(self._on_comparison)
        self._sentences: list[str] = []
        self._was_split = False
        self._on_mode()

    @property
    def split(self) -> bool:
        """True while the baseline is drawn beside the scenario."""
        return self.session.mode == SPLIT_MODE

    def _on_mode(self, *_args) -> None:
        split = self.split
        if split != self._was_split:
            # half a canvas is too small for the legend over the graph: fold it to a line
            self.canvas.legend.set_collapsed(split)
            self._was_split = split
        self.baseline.setVisible(split)
        self.scenario_heading.setVisible(split)
        self.summary.setVisible(split and bool(self._sentences))
        if split:
            name = self.session.scenario_name or ""
            self.scenario_heading.setText(f"Scenario: {name}")
            self.scenario_heading.setToolTip(
                "The scenario applied: links it removes are dashed red, the actors the "
                "comparison singles out are outlined. Pan and zoom either side: both follow.")
            self.baseline.heading.setToolTip("The baseline: the project as it is.")
            self.splitter.setSizes([1, 1])
            self.baseline.rebuild()
            self._follow_range()

    def _on_canvas_model(self) -> None:
        if self.split:
            self.baseline.rebuild()

    def _follow_range(self) -> None:
        if self.split:
            self.baseline.follow_range(self.canvas.vb.viewRect())

    def _on_comparison(self, comparison) -> None:
        from explorer.analysis.narrative import comparison_summary
        from explorer.analysis.whatif import changes_outside

        if comparison is None:
            self._sentences = []
        else:
            self._sentences = comparison_summary(
                comparison, changes_outside(comparison.baseline.data, comparison.changes))
        self.summary.setText(" ".join(self._sentences))
        self.summary.setVisible(self.split and bool(self._sentences))

    def summary_text(self) -> str:
        """The sentences shown across the top (empty when not split)."""
        return self.summary.text() if self.summary.isVisible() else ""
