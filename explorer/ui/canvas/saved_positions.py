"""The canvas's node positions in the project: the layout's places saved as layout
state, and saved places changed by someone else (a command, its undo) followed."""

from __future__ import annotations

from explorer.scene.layout_controller import Position


class CanvasSavedPositions:
    """Mixin of :class:`GraphCanvas`: saving and following the project's positions."""

    def save_positions(self) -> None:
        """Store the layout in the project (layout state, not an undoable edit)."""
        if self._engine is None or self._model is None or not self._model.n_nodes:
            return
        # only what moved since the last save: a resting layout writes nothing
        last = self._last_saved
        moved = {k: v for k, v in self._snapshot().items() if last.get(k) != v}
        if moved:
            self._store(moved)

    def _snapshot(self) -> dict[str, Position]:
        assert self._engine is not None and self._model is not None
        pinned = self._engine.pinned
        pos = self._engine.positions  # the force layout's, also while the map shows
        return {
            key: (float(pos[i, 0]), float(pos[i, 1]), bool(pinned[i]))
            for i, key in enumerate(self._model.keys)
        }

    def _store(self, positions: dict[str, Position]) -> None:
        self._saving = True
        try:
            self.session.project.set_positions(positions)
        finally:
            self._saving = False
        self._last_saved.update(positions)

    def _on_positions_changed(self) -> None:
        """Someone else (a command, its undo) changed saved positions: follow them."""
        if self._saving or self._closed or self._model is None or self._engine is None:
            return
        self._flush()
        saved = self.session.project.positions()
        touched = False
        for key, i in self._model.index.items():
            now = saved.get(key)
            before = self._last_saved.get(key)
            if now == before:
                continue
            touched = True
            if now is None:
                self._engine.pin(i, False)
                continue
            x, y, p = now
            if (x, y) != tuple(self._engine.positions[i]):
                self._engine.set_position(i, (x, y))
            self._engine.pin(i, bool(p))
        self._last_saved = saved
        if touched:
            self._pos = self._layout_positions()
            self._restyle_nodes()
            self._redraw_positions()
            if not self._user_paused:
                self.start_layout()
