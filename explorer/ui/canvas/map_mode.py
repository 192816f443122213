"""The canvas's map layout: View ▸ Layout ▸ Force or Map, an eased transition between
them, the base map under the graph, and the lock that keeps geography from being dragged.

A mixin of :class:`~explorer.ui.canvas.canvas.GraphCanvas`. The force layout keeps its
own positions while the map shows (it rests and is saved as before), so switching back
returns every node to where the force layout had it.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QTimer

from explorer.scene.geo.fills import FILL_MODES, fill_legend, map_fills
from explorer.scene.geo.placement import MARGIN_TITLE, MapPlacement, map_placement
from explorer.scene.geo.projection import EXTENT, MARGIN_TOP, MARGIN_X
from explorer.scene.view_state import KEYS as VIEW_KEYS
from explorer.ui.canvas.base_map import MARGIN_TEXT, BaseMapItem

LAYOUTS = ("force", "map")
#: where a map position moved by hand (after View ▸ Unlock Map Positions) is kept
MAP_MOVES_SETTING = "view.map_moves"


def ease(t: float) -> float:
    """Smoothstep: starts and ends at rest, so nodes glide rather than jump."""
    t = min(max(t, 0.0), 1.0)
    return t * t * (3.0 - 2.0 * t)


class CanvasMapMode:
    """Layout switching and the map; relies on the canvas's model, positions and view box."""

    TRANSITION_MS = 650

    def _init_map_mode(self) -> None:
        project = self.session.project
        saved = project.setting(VIEW_KEYS["layout"])
        self._layout_kind = saved if saved in LAYOUTS else "force"
        fill = project.setting(VIEW_KEYS["map_fill"])
        self._fill_mode = fill if fill in FILL_MODES else "node"
        moves = project.setting(MAP_MOVES_SETTING)
        self._map_moves: dict[str, tuple[float, float]] = {
            k: (float(v[0]), float(v[1])) for k, v in (moves or {}).items()
            if isinstance(v, list) and len(v) == 2} if isinstance(moves, dict) else {}
        self._map_unlocked = False
        self._placement: MapPlacement | None = None
        self._transition: tuple[np.ndarray, np.ndarray, float, str] | None = None
        self.base_map = BaseMapItem()
        self.vb.addItem(self.base_map, ignoreBounds=True)
        self.margin_label = pg.TextItem(MARGIN_TITLE, color=MARGIN_TEXT, anchor=(0.5, 1.0))
        self.margin_label.setPos(MARGIN_X + 7.0, MARGIN_TOP + 11.0)
        self.vb.addItem(self.margin_label, ignoreBounds=True)
        self._transition_timer = QTimer(self)
        self._transition_timer.setInterval(16)
        self._transition_timer.timeout.connect(self._transition_step)
        self._show_base_map(self._layout_kind == "map", 1.0)

    # ----- public -----------------------------------------------------------------------

    @property
    def layout_kind(self) -> str:
        """"force" (the live force-directed layout) or "map" (places on a world map)."""
        return self._layout_kind

    def set_layout_kind(self, kind: str, animate: bool = True) -> None:
        """Switch between the force layout and the map, easing nodes to their new places."""
        if kind not in LAYOUTS:
            raise ValueError(f"Unknown layout '{kind}'; use one of {LAYOUTS}.")
        if kind == self._layout_kind:
            return
        self._flush()
        start = np.array(self._pos, dtype=float, copy=True)
        if kind == "map":
            self._timer.stop()  # the force layout rests while the map shows
            self.save_positions()
        self._layout_kind = kind
        if self.session.project.setting(VIEW_KEYS["layout"]) != kind:
            self.session.project.set_setting(VIEW_KEYS["layout"], kind)
        target = self._layout_positions()
        self._follow = True
        if animate and len(start) and start.shape == target.shape:
            self._transition = (start, target, time.perf_counter(), kind)
            self._transition_timer.start()
        else:
            self._finish_transition(target)
        self.layoutKindChanged.emit(kind)

    def is_transitioning(self) -> bool:
        return self._transition is not None

    @property
    def map_fill(self) -> str:
        """"node": states filled in their node's colour; "none": plain land."""
        return self._fill_mode

    def set_map_fill(self, mode: str) -> None:
        if mode not in FILL_MODES:
            raise ValueError(f"Unknown fill '{mode}'; use one of {FILL_MODES}.")
        self._fill_mode = mode
        if self.session.project.setting(VIEW_KEYS["map_fill"]) != mode:
            self.session.project.set_setting(VIEW_KEYS["map_fill"], mode)
        self._update_base_map()

    @property
    def map_unlocked(self) -> bool:
        """Whether dragging moves nodes on the map (off by default: places are geography)."""
        return self._map_unlocked

    def set_map_unlocked(self, unlocked: bool) -> None:
        self._map_unlocked = bool(unlocked)

    def reset_map_moves(self) -> None:
        """Put every node moved by hand back at its place."""
        self._map_moves.clear()
        self.session.project.set_setting(MAP_MOVES_SETTING, None)
        if self._layout_kind == "map":
            self._pos = self._layout_positions()
            self._redraw_positions()

    def map_placement(self) -> MapPlacement | None:
        """Where the map draws each node (None outside the map view)."""
        self._flush()
        return self._placement if self._layout_kind == "map" else None

    def map_fills(self) -> dict[str, tuple[str, float]]:
        """The country fills drawn now (ISO numeric -> colour, opacity)."""
        return dict(self.base_map.fills)

    # ----- internals --------------------------------------------------------------------

    def _layout_positions(self) -> np.ndarray:
        """Where the current layout puts the model's nodes."""
        if self._model is None:
            return np.zeros((0, 2))
        if self._layout_kind == "map":
            self._placement = map_placement(self._model, self.session.project.document())
            pos = self._placement.positions.copy()
            for key, xy in self._map_moves.items():
                i = self._model.index.get(key)
                if i is not None:
                    pos[i] = xy
            return pos
        self._placement = None
        return self._engine.positions if self._engine is not None else np.zeros((0, 2))

    def _legend_entries(self, model) -> list:
        """The model's legend, and the choropleth's classes while the map shows them."""
        if self._layout_kind != "map":
            return list(model.legend)
        return list(model.legend) + fill_legend(model, self._fill_mode)

    def _update_base_map(self) -> None:
        if self._model is not None:
            entries = self._legend_entries(self._model)
            if [e.label for e in self.legend.entries()] != [e.label for e in entries]:
                self.legend.set_entries(entries)
                self._block_legend()
        if self._model is None or self._layout_kind != "map":
            self.base_map.set_fills({}, 0)
            return
        fills = map_fills(self._model, self._fill_mode)
        rows = self._placement.margin_count if self._placement is not None else 0
        self.base_map.set_fills(fills, rows)
        self.margin_label.setVisible(rows > 0 and self.base_map.isVisible())

    def _show_base_map(self, visible: bool, opacity: float) -> None:
        self.base_map.setVisible(visible)
        self.base_map.setOpacity(opacity)
        rows = self._placement.margin_count if self._placement is not None else 0
        self.margin_label.setVisible(visible and rows > 0)

    def _transition_step(self) -> None:
        if self._transition is None or self._closed:
            self._transition_timer.stop()
            return
        start, target, t0, kind = self._transition
        t = (time.perf_counter() - t0) * 1000.0 / self.TRANSITION_MS
        if t >= 1.0:
            self._finish_transition(target)
            return
        k = ease(t)
        self._pos = start + (target - start) * k
        self._show_base_map(True, k if kind == "map" else 1.0 - k)
        if self._follow:
            self.fit_to_view()
        self._redraw_positions()

    def _finish_transition(self, target: np.ndarray) -> None:
        self._transition_timer.stop()
        self._transition = None
        self._pos = np.array(target, dtype=float, copy=True)
        on_map = self._layout_kind == "map"
        self._update_base_map()
        self._show_base_map(on_map, 1.0)
        if self._follow:
            self.fit_to_view()
        self._redraw_positions()
        if on_map:
            self._set_state("settled")
        elif not self._user_paused and self._model is not None and self._model.n_nodes:
            self.start_layout()

    def _map_bounds(self) -> QRectF:
        x, y, w, h = EXTENT
        rect = QRectF(x, y, w, h)
        if self._placement is not None and self._placement.margin_count:
            rect = rect.united(QRectF(MARGIN_X - 8.0, MARGIN_TOP - 8.0, 30.0, 20.0))
        return rect

    def _map_drag_allowed(self) -> bool:
        if self._layout_kind != "map" or self._map_unlocked:
            return True
        self.notice.emit(
            "Places on the map are geography: View ▸ Layout ▸ Unlock Map Positions to move them.")
        return False

    def _remember_map_move(self, index: int) -> None:
        key = self._model.keys[index]
        x, y = self._pos[index]
        self._map_moves[key] = (float(x), float(y))
        self.session.project.set_setting(
            MAP_MOVES_SETTING, {k: [x, y] for k, (x, y) in self._map_moves.items()})
