"""What the pointer does on the canvas: select, drag (an undoable move), link, hover.

A mixin of :class:`~explorer.ui.canvas.canvas.GraphCanvas`; the interaction item in
:mod:`explorer.ui.canvas.interaction` turns mouse events into these calls.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF

from explorer.commands import MoveNodes


class CanvasGestures:
    """Gesture handlers; relies on the canvas's model, positions, engine and session."""

    def node_at(self, view_pos: QPointF) -> int | None:
        if self._model is None or not self._model.n_nodes:
            return None
        return self.nodes.index_at(view_pos)

    def drag_started(self, index: int, view_pos: QPointF) -> None:
        assert self._engine is not None
        if not self._map_drag_allowed():
            self._drag = None
            return
        x, y = self._pos[index]
        origin = (float(x), float(y), bool(self._engine.pinned[index]))
        offset = self._pos[index] - np.array([view_pos.x(), view_pos.y()])
        self._drag = (index, origin, offset)
        if self._layout_kind != "map":
            self._engine.pin(index, True)

    def drag_moved(self, index: int, view_pos: QPointF) -> None:
        if self._drag is None or self._engine is None:
            return
        xy = np.array([view_pos.x(), view_pos.y()]) + self._drag[2]
        self._pos[index] = xy
        if self._layout_kind == "map":  # an unlocked map: the force layout stays put
            self._redraw_positions()
            return
        self._engine.set_position(index, xy)
        self._redraw_positions()
        if not self._user_paused and not self._timer.isActive():
            self.start_layout()

    def drag_finished(self, index: int, view_pos: QPointF) -> None:
        if self._drag is None or self._model is None:
            return
        self.drag_moved(index, view_pos)
        _, origin, _ = self._drag
        self._drag = None
        if self._layout_kind == "map":
            self._remember_map_move(index)
            return
        key = self._model.keys[index]
        snapshot = self._snapshot()
        final = snapshot[key]
        snapshot[key] = origin  # saved first, so undo returns the node to where it was
        self._store(snapshot)
        self.session.push(
            MoveNodes({key: (final[0], final[1], True)}, f"Move {self._model.labels[index]}")
        )
        self._restyle_nodes()

    def link_moved(self, index: int, view_pos: QPointF) -> None:
        x, y = self._pos[index]
        self._link_line.setLine(float(x), float(y), view_pos.x(), view_pos.y())
        self._link_line.show()

    def link_finished(self, index: int, view_pos: QPointF) -> None:
        self._link_line.hide()
        target = self.node_at(view_pos)
        if self._model is None or target is None or target == index:
            return
        self.linkRequested.emit(self._model.keys[index], self._model.keys[target])

    def node_clicked(self, index: int | None, additive: bool) -> None:
        if self._model is None:
            return
        if index is None:
            if not additive:
                self.session.select([])
            return
        key = self._model.keys[index]
        if additive:
            current = self.session.selection
            if key in current:
                current.remove(key)
            else:
                current.append(key)
            self.session.select(current)
        else:
            self.session.select([key])

    def node_double_clicked(self, index: int) -> None:
        if self._model is not None:
            self.pin(self._model.keys[index], False)

    def band_selected(self, rect: QRectF, additive: bool) -> None:
        if self._model is None:
            return
        x, y = self._pos[:, 0], self._pos[:, 1]
        inside = (x >= rect.left()) & (x <= rect.right()) & (y >= rect.top()) & (y <= rect.bottom())
        keys = [self._model.keys[i] for i in np.flatnonzero(inside)]
        if additive:
            keys = self.session.selection + [k for k in keys if k not in self.session.selection]
        self.session.select(keys)

    def context_requested(self, index: int | None, scene_pos: QPointF, screen_pos) -> None:
        key = self._model.keys[index] if (self._model is not None and index is not None) else None
        self.contextMenuRequested.emit(key, QPointF(scene_pos), QPointF(screen_pos).toPoint())

    def hovered(self, index: int | None) -> None:
        if index == self._hover:
            return
        self._hover = index
        key = self._model.keys[index] if (self._model is not None and index is not None) else None
        self.current_tooltip = self._model.tooltips.get(key, "") if key and self._model else ""
        self.nodes.scatter.setToolTip(self.current_tooltip)
        self.vb.setToolTip(self.current_tooltip)
        if self._model is not None:
            self.hover_highlight.show(index, self._model.edges, self._pos, self.nodes.scatter)
            # the neighbourhood's names come first while it is lifted
            self.labels.priority = self._selected_indices() | set(
                self.hover_highlight.neighbourhood() if index is not None else ())
            self._update_labels()
        self.nodeHovered.emit(key)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if self._drag is not None:
            return
        self.hovered(self.node_at(self.vb.mapSceneToView(scene_pos)))
