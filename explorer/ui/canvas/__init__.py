"""The graph canvas: the live force-directed hub view of a project.

``GraphCanvas(session)`` is the widget; ``graph_model.build_graph_model`` is its Qt-free
data side (nodes, styled edges, legend entries), usable by export and tests.
"""

from explorer.ui.canvas.canvas import GraphCanvas

__all__ = ["GraphCanvas"]
