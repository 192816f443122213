"""GraphCanvas: the live, editable hub view of the project (actors and alliance hubs).

The canvas only draws and recognises gestures. It rebuilds its :class:`GraphModel` from
the session whenever the document, the view filter or the scenario changes; a timer
advances the force layout a bounded amount per tick; drags and pins become ``MoveNodes``
commands, while the layout's own movement is saved as plain layout state.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QVBoxLayout, QWidget

from explorer.commands import MoveNodes
from explorer.layout.stepper import BackgroundStepper
from explorer.scene import styles
from explorer.scene.color_modes import REGISTRY as COLOR_MODES
from explorer.scene.graph_model import GraphModel
from explorer.scene.layout_controller import LayoutController, Position
from explorer.scene.view_state import DEFAULT_COLOR_BY, DEFAULT_SIZE_BY
from explorer.scene.view_state import KEYS as VIEW_KEYS
from explorer.ui.canvas.appear import AppearEffect
from explorer.ui.canvas.comparison_marks import ComparisonMarks
from explorer.ui.canvas.date_overlay import DateOverlay
from explorer.ui.canvas.drawing import EdgeLayer
from explorer.ui.canvas.gestures import CanvasGestures
from explorer.ui.canvas.hover import HoverHighlight
from explorer.ui.canvas.interaction import CanvasViewBox
from explorer.ui.canvas.labels import LabelLayer
from explorer.ui.canvas.legend import LegendOverlay, paint_legend
from explorer.ui.canvas.live_layout import CanvasLiveLayout
from explorer.ui.canvas.map_mode import CanvasMapMode
from explorer.ui.canvas.model_building import CanvasModelBuilding
from explorer.ui.canvas.node_layer import NodeLayer
from explorer.ui.canvas.saved_positions import CanvasSavedPositions
from explorer.ui.canvas.snapshot import CanvasSnapshot
from explorer.ui.canvas.view_motion import ViewMotion
from explorer.ui.jobs import JobRunner
from explorer.ui.session import ProjectSession


class GraphCanvas(CanvasModelBuilding, CanvasSavedPositions, CanvasGestures, CanvasLiveLayout, CanvasMapMode,
                  ComparisonMarks, CanvasSnapshot, QWidget):
    """The central graph view of a :class:`ProjectSession`."""

    #: "running", "paused" or "settled".
    layoutStateChanged = Signal(str)
    #: (node key or None, scene position, global screen position) of a right click.
    contextMenuRequested = Signal(object, QPointF, QPoint)
    #: node key under the mouse, or None.
    nodeHovered = Signal(object)
    #: (from key, to key): the user dragged a link between two nodes (Ctrl/Alt-drag).
    linkRequested = Signal(str, str)
    #: nodes were redrawn at new positions / a new model was drawn (the split view follows).
    framePainted = Signal()
    modelApplied = Signal()
    #: "force" or "map": the layout shown changed
    layoutKindChanged = Signal(str)
    #: a short message for the status bar (e.g. why a drag did nothing)
    notice = Signal(str)

    #: above this many nodes the view drops antialiasing to keep a frame under 33 ms.
    ANTIALIAS_BELOW = 3000

    def __init__(self, session: ProjectSession, parent: QWidget | None = None,
                 check: Callable[[], None] | None = None) -> None:
        """``check()`` is called between the stages of the first drawing (an opening's
        Cancel); if it raises, the canvas closes itself without writing and re-raises."""
        super().__init__(parent)
        self._check = check or (lambda: None)
        self.session = session
        self._color_by = DEFAULT_COLOR_BY
        self._size_by = DEFAULT_SIZE_BY
        self._model: GraphModel | None = None
        self._layout = LayoutController()
        self._stepper = BackgroundStepper()
        self._last_step_s = 0.0
        self._pos = np.zeros((0, 2))
        self._state = "paused"
        self._user_paused = False
        self._iterations = 2
        self._ticks = 0
        self._follow = True
        self._saving = False
        self._closed = False
        self._last_saved: dict[str, Position] = {}
        self._drag: tuple[int, Position, np.ndarray] | None = None
        self._hover: int | None = None
        self.current_tooltip = ""

        self.view = pg.GraphicsView(background=styles.BACKGROUND)
        self.view.setAntialiasing(True)
        self.vb = CanvasViewBox(self)
        self.vb.setMouseEnabled(x=True, y=True)
        self.vb.disableAutoRange()
        self.view.setCentralItem(self.vb)
        self.edges = EdgeLayer(self.vb)
        self.nodes = NodeLayer(self.vb)
        self.labels = LabelLayer(self.vb)
        self.hover_highlight = HoverHighlight(self.vb)
        self.appear = AppearEffect(self.vb, self.nodes, self)
        self._link_line = QGraphicsLineItem()
        link_pen = QPen(QColor("#2a6fdb"), 2, Qt.PenStyle.DashLine)
        link_pen.setCosmetic(True)
        self._link_line.setPen(link_pen)
        self._link_line.setZValue(50)
        self._link_line.hide()
        self.vb.addItem(self._link_line, ignoreBounds=True)
        self.legend = LegendOverlay()
        self.legend.setParentItem(self.vb)
        self.legend.collapsedChanged.connect(lambda _folded: self._on_legend_folded())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.date_overlay = DateOverlay(self.view, session)

        self._timer = QTimer(self)
        self._timer.setInterval(self.TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(0)
        self._rebuild_timer.timeout.connect(lambda: self._flush(in_background=True))
        self._dirty = False
        # models whose colouring runs community detection are built off the GUI thread
        self._jobs = JobRunner(self)
        self._jobs.finished.connect(self._on_model_built)
        self._jobs.error.connect(lambda _kind, message: self._on_model_failed(message))

        session.documentChanged.connect(self._on_document_changed)
        session.viewChanged.connect(self._schedule_rebuild)
        session.scenarioChanged.connect(self._schedule_rebuild)
        session.positionsChanged.connect(self._on_positions_changed)
        session.selectionChanged.connect(self._on_selection_changed)
        session.focusRequested.connect(self.center_on)
        session.comparisonReady.connect(self._on_comparison)
        self._affected: list[str] | None = None
        self.vb.sigRangeChanged.connect(self._on_range_changed)
        self.vb.sigRangeChangedManually.connect(self._on_manual_range)
        self.motion = ViewMotion(self.vb, self.edges, lambda: len(self._model.edges)
                                 if self._model is not None else 0, self)
        self.motion.rested.connect(self._update_labels)
        self.view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._init_map_mode()

        try:
            self._rebuild()
        except BaseException:
            self.shutdown(save=False)
            self.setParent(None)
            self.deleteLater()
            raise
        self._check = lambda: None
        self.fit_to_view()
        saved_range = session.project.setting(VIEW_KEYS["range"])
        if isinstance(saved_range, list) and len(saved_range) == 4:
            # the user's own zoom and pan, as they left it
            self._follow = False
            self.vb.setRange(QRectF(*map(float, saved_range)), padding=0)
        self.start_layout()

    # ================================================================ public API

    @property
    def color_by(self) -> str:
        """Node colour mode: "bloc", "region", "alliance" or "kind"."""
        return self._color_by

    def set_color_by(self, mode: str) -> None:
        """Colour actors by user bloc, top-level region, principal alliance or actor kind."""
        if mode not in COLOR_MODES:  # the fixed modes, or "attr:NAME" of an imported graph
            raise ValueError(f"Unknown colour mode '{mode}'; use one of {styles.COLOR_MODES}.")
        if mode != self._color_by:
            self._color_by = mode
            self._rebuild(in_background=True)

    @property
    def size_by(self) -> str:
        """What an actor's size shows: one of ``styles.SIZE_MODES``."""
        return self._size_by

    def set_size_by(self, mode: str) -> None:
        """Size actors by the capability index, one published figure or their links."""
        if mode not in styles.SIZE_MODES:
            raise ValueError(f"Unknown size mode '{mode}'; use one of {styles.SIZE_MODES}.")
        if mode != self._size_by:
            self._size_by = mode
            self._rebuild()

    def model(self) -> GraphModel | None:
        """The graph currently drawn (after any pending rebuild)."""
        self._flush()
        return self._model

    def node_keys(self) -> list[str]:
        """Keys of the nodes drawn (``actor:ID`` / ``alliance:ID``)."""
        self._flush()
        return list(self._model.keys) if self._model else []

    def node_position(self, key: str) -> tuple[float, float]:
        """Where node ``key`` is drawn, in layout coordinates."""
        self._flush()
        i = self._index(key)
        return float(self._pos[i, 0]), float(self._pos[i, 1])

    def positions_array(self) -> np.ndarray:
        """(n, 2) positions of :meth:`node_keys`, in order."""
        return self._pos

    def is_pinned(self, key: str) -> bool:
        self._flush()
        return bool(self._engine is not None and self._engine.pinned[self._index(key)])

    def legend_entries(self) -> list[str]:
        """Labels of the legend rows, in drawing order (what the legend shows)."""
        self._flush()
        return [e.label for e in self.legend.entries()]

    def legend_item(self) -> LegendOverlay:
        """The legend overlay item (export may paint it elsewhere)."""
        return self.legend

    def paint_legend(self, painter: QPainter, rect: QRectF) -> QRectF:
        """Paint the legend with its top-left at ``rect``'s; returns the box drawn."""
        self._flush()
        return paint_legend(painter, rect.topLeft(), self.legend.entries(), self.legend.title)

    def labelled_nodes(self) -> list[str]:
        """Keys of the nodes whose label is currently shown."""
        self._flush()
        if self._model is None:
            return []
        return [self._model.keys[i] for i in self.labels.shown()]

    def tooltip_for(self, key: str) -> str:
        """The hover text of a node."""
        self._flush()
        return self._model.tooltips.get(key, "") if self._model else ""

    def shutdown(self, save: bool = True) -> None:
        """Stop the timers and save the layout (unless not ``save``: an opening that was
        cancelled writes nothing); the canvas draws nothing afterwards."""
        if self._closed:
            return
        self._timer.stop()
        self._rebuild_timer.stop()
        self._transition_timer.stop()
        self._stepper.shutdown()
        self._jobs.invalidate("model")
        self._jobs.wait(5000)
        if save:
            with contextlib.suppress(sqlite3.Error):
                self.save_positions()
                r = self.vb.viewRect()
                zoom = None if self._follow else [r.left(), r.top(), r.width(), r.height()]
                if self.session.project.setting(VIEW_KEYS["range"]) != zoom:
                    self.session.project.set_setting(VIEW_KEYS["range"], zoom)
        self._closed = True
        self._set_state("paused")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    # ----- view -------------------------------------------------------------------------

    def scene_bounds(self) -> QRectF:
        """Bounding box of all nodes in layout (view) coordinates, with a small margin."""
        self._flush()
        if self._layout_kind == "map":
            return self._map_bounds()
        if len(self._pos) == 0:
            return QRectF(-1, -1, 2, 2)
        lo = self._pos.min(axis=0)
        hi = self._pos.max(axis=0)
        span = max(float((hi - lo).max()), 1e-6)
        m = 0.06 * span
        return QRectF(lo[0] - m, lo[1] - m, hi[0] - lo[0] + 2 * m, hi[1] - lo[1] + 2 * m)

    def fit_to_view(self) -> None:
        """Zoom so the whole graph is visible and clear of the legend, and keep it so
        while the layout moves (until the user zooms or pans by hand).

        The graph goes either right of the legend or below it, whichever leaves it
        larger on screen.
        """
        self._follow = True
        rect = self.scene_bounds()
        width, height = max(self.vb.width(), 1.0), max(self.vb.height(), 1.0)
        box = self.legend.boundingRect()
        legend_w, legend_h = box.width() + 16, box.height() + 16
        if rect.width() <= 0 or rect.height() <= 0 or box.isEmpty():
            self.vb.setRange(rect, padding=0.02)
            self._update_labels()
            return
        rect = rect.adjusted(-0.03 * rect.width(), -0.03 * rect.height(),
                             0.03 * rect.width(), 0.03 * rect.height())
        # labels sit right of their nodes: keep room for the right-most ones
        label_room = min(130.0, 0.12 * width)
        # pixels per scene unit when the graph sits right of / below the legend
        right = min((width - legend_w - label_room) / rect.width(), height / rect.height())
        below = min((width - label_room) / rect.width(), (height - legend_h) / rect.height())
        if max(right, below) <= 0:
            self.vb.setRange(rect, padding=0.02)
        elif right >= below:
            scale = right
            spare = (width - legend_w - label_room) / scale - rect.width()
            left = rect.left() - legend_w / scale - spare / 2
            extra_h = (height / scale - rect.height()) / 2
            self.vb.setRange(QRectF(left, rect.top() - extra_h, width / scale, height / scale),
                             padding=0)
        else:
            scale = below
            view_w, view_h = width / scale, height / scale
            extra_w = (view_w - label_room / scale - rect.width()) / 2
            band = view_h - legend_h / scale
            # the y axis points up, so the legend's band is above the graph's top edge
            top = rect.bottom() + (band - rect.height()) / 2 + legend_h / scale
            self.vb.setRange(QRectF(rect.left() - extra_w, top - view_h, view_w, view_h),
                             padding=0)
        self._update_labels()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._follow:
            self.fit_to_view()

    def center_on(self, key: str) -> None:
        """Pan (keeping the zoom) so node ``key`` is in the middle of the view."""
        self._flush()
        if self._model is None or key not in self._model.index:
            return
        i = self._model.index[key]
        x, y = self._pos[i]
        r = self.vb.viewRect()
        self._follow = False
        self.vb.setRange(
            QRectF(x - r.width() / 2, y - r.height() / 2, r.width(), r.height()), padding=0
        )
        self.labels.priority = self._selected_indices() | {i}
        self._update_labels()

    def set_selection_mode(self, enabled: bool) -> None:
        """When on, dragging empty space draws a selection rectangle instead of panning."""
        self.vb.selection_mode = bool(enabled)

    # ----- pins -------------------------------------------------------------------------

    def pin(self, key: str, pinned: bool = True) -> None:
        """Pin or unpin a node where it is, as an undoable command ("Pin Türkiye")."""
        self._flush()
        if self._model is None or key not in self._model.index:
            return
        i = self._model.index[key]
        name = self._model.labels[i]
        x, y = self._engine.positions[i]  # the force layout's place, also on the map
        self.save_positions()
        self.session.push(
            MoveNodes({key: (float(x), float(y), bool(pinned))}, f"{'Pin' if pinned else 'Unpin'} {name}")
        )

    # ================================================================ live layout

    def _redraw_positions(self) -> None:
        self.nodes.update_positions(self._pos)
        self.edges.update_positions(self._pos, moving=self._state == "running")
        if self._state == "running" and self._model is not None:
            self.labels.follow(self._pos)  # placement is throttled while the layout runs
        else:
            self._update_labels()
        self.hover_highlight.follow(self._pos)
        self.framePainted.emit()

    def _update_labels(self) -> None:
        if self._model is not None:
            self.labels.update(self._pos)

    def _on_range_changed(self, *args) -> None:
        self.edges.refresh_dashes()
        if self.edges.interacting and self._model is not None:
            # a big graph in motion: labels follow their nodes, placed anew now and then
            self.labels.follow(self._pos)
        else:
            self._update_labels()

    def _on_manual_range(self, *args) -> None:
        self._follow = False

    def _on_selection_changed(self, keys: list) -> None:
        self.labels.priority = self._selected_indices()
        self.nodes.set_selection(self._selected_indices(), self._pos)
        self._update_labels()
