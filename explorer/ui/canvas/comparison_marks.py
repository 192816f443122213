"""The canvas marks the actors the What-if comparison singles out (not a score of its own).

A mixin of :class:`~explorer.ui.canvas.canvas.GraphCanvas`, fed by the session's
``comparisonReady`` signal.
"""

from __future__ import annotations

from explorer.model.node_key import actor_key
from explorer.scene.graph_model import GraphModel


class ComparisonMarks:
    """Outlines "most affected by scenario" from the comparison's own results."""

    def _on_comparison(self, comparison) -> None:
        """Mark the actors the comparison itself singles out (not a score of our own)."""
        from explorer.analysis.affected import most_affected

        affected = most_affected(comparison) if comparison is not None else None
        if affected == self._affected:
            return  # the same marks: a restyle of every node would change nothing
        self._affected = affected
        if self._model is not None:
            self._mark_affected(self._model)
            self._restyle_nodes()

    def _mark_affected(self, model: GraphModel) -> None:
        if self._affected is None or self.session.mode == "baseline":
            return
        wanted = {actor_key(a) for a in self._affected}
        for i, key in enumerate(model.keys):
            model.changed[i] = key in wanted and not model.ghost[i]

    def affected_nodes(self) -> list[str]:
        """Keys of the nodes marked "most affected by scenario"."""
        self._flush()
        if self._model is None:
            return []
        return [k for i, k in enumerate(self._model.keys) if self._model.changed[i]]
