"""The canvas's model: rebuilt from the session when the document, the view or the
scenario changes (in a worker for costly colourings of big projects), then laid out and
drawn, carrying the layout over from the previous model."""

from __future__ import annotations

import numpy as np

from explorer.layout import ForceLayout, backends
from explorer.layout.engine import WAIT_FOR_KERNELS_FROM
from explorer.scene.color_modes import REGISTRY as COLOR_MODES
from explorer.scene.graph_model import GraphModel, build_graph_model
from explorer.scene.layout_controller import Position


class CanvasModelBuilding:
    """Mixin of :class:`GraphCanvas`: building its model and putting it on screen."""

    def _on_document_changed(self, kind: str, key: object) -> None:
        if kind not in ("settings",):
            self._schedule_rebuild()

    def _schedule_rebuild(self) -> None:
        self._dirty = True
        if not self._closed:
            self._rebuild_timer.start()

    def _flush(self, in_background: bool = False) -> None:
        if self._dirty and not self._closed:
            self._rebuild(in_background)

    #: Above this many actors, a colouring that detects communities is built in a worker.
    BACKGROUND_ABOVE = 400

    def _rebuild(self, in_background: bool = False) -> None:
        """Rebuild the graph model from the session and carry the layout over.

        In the background (scheduled rebuilds of large projects coloured by detected
        bloc, where Louvain takes a quarter of a second and more) the old picture stays
        until the new model arrives; explicit calls build at once.
        """
        self._dirty = False
        self._rebuild_timer.stop()
        doc = self.session.project.document()
        name = self.session.scenario_name
        scenario = doc.scenarios.get(name) if name else None
        args = (doc, self.session.view_filter, self._color_by, scenario, self.session.mode,
                self._size_by, self.session.weights)
        slow = COLOR_MODES[self._color_by].costly
        if in_background and slow and len(doc.actors) > self.BACKGROUND_ABOVE:
            self._jobs.submit("model", lambda: build_graph_model(*args))
            return
        self._jobs.invalidate("model")
        model = build_graph_model(*args, check=self._check)
        self._check()
        self._apply_model(model, self.session.project.positions())

    def _on_model_built(self, _kind: str, model: GraphModel) -> None:
        if not self._closed:
            self._apply_model(model, self.session.project.positions())

    def _on_model_failed(self, message: str) -> None:
        # a failed background build is retried at once in the foreground, where the
        # error surfaces as it would have without the worker
        if not self._closed:
            self._rebuild()

    def _apply_model(self, model: GraphModel, saved: dict[str, Position]) -> None:
        self._mark_affected(model)
        old_model, old_pos = self._model, np.array(self._pos, copy=True)
        n = model.n_nodes
        self._stepper.wait()
        if self._layout.engine is None and n >= WAIT_FOR_KERNELS_FROM:
            # the first layout of a big graph waits for the compiled kernels: an
            # opening's Cancel is heard while it does
            backends.wait_for_warm_up(self._check)
        self._layout.apply_model(model, saved)
        self._check()
        self._model = model
        self._hover = None
        self.hover_highlight.show(None, model.edges, self._pos, self.nodes.scatter)
        self._last_saved = dict(saved)
        if self._transition is not None:  # a new model ends the running transition
            self._transition_timer.stop()
            self._transition = None
            self._show_base_map(self._layout_kind == "map", 1.0)
        self._pos = self._layout_positions()
        self._update_base_map()
        self.view.setAntialiasing(n < self.ANTIALIAS_BELOW)
        self._restyle_nodes()
        self.edges.set_edges(model.edges_by_style())
        self.labels.set_nodes(model.labels, model.importance, model.is_hub, model.sizes,
                              model.faded | model.ghost)
        self.legend.set_entries(self._legend_entries(model))
        self._block_legend()
        self._redraw_positions()
        self.appear.start(old_model, old_pos, model)
        self.modelApplied.emit()
        if not self._user_paused and not self._closed and n:
            self.start_layout()

    def _block_legend(self) -> None:
        # labels under the legend could not be read: keep them out of its box
        box = self.legend.mapRectToParent(self.legend.boundingRect())
        self.labels.blocked = [(box.left(), box.top(), box.right(), box.bottom())]

    def _on_legend_folded(self) -> None:
        self._block_legend()
        if self._follow:
            self.fit_to_view()
        else:
            self._update_labels()

    def _set_anchors(self) -> None:
        self._stepper.wait()
        self._layout.set_anchors()

    @property
    def _engine(self) -> ForceLayout | None:
        self._stepper.wait()  # a step in the worker must end before the engine is touched
        return self._layout.engine

    def _restyle_nodes(self) -> None:
        if self._model is None or self._engine is None:
            return
        self.nodes.set_nodes(self._model, self._pos, self._selected_indices(),
                             self._engine.pinned)

    def _selected_indices(self) -> set[int]:
        if self._model is None:
            return set()
        return {self._model.index[k] for k in self.session.selection if k in self._model.index}

    def _index(self, key: str) -> int:
        if self._model is None or key not in self._model.index:
            raise KeyError(f"'{key}' is not drawn.")
        return self._model.index[key]
