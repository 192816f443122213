"""Force-directed layout engine (ForceAtlas2 family) for the alliance graph canvas.

No Qt here: the canvas drives :class:`ForceLayout` from a timer.  numba is optional; call
:func:`warm_up_in_background` at start-up so ``backend="auto"`` layouts switch from the
numpy kernels to the compiled ones once they are ready.
"""

from .backends import compile_seconds, numba_installed, numba_ready, warm_up_in_background
from .engine import ForceLayout
from .quality import graph_distances, normalised_stress

__all__ = [
    "ForceLayout",
    "compile_seconds",
    "graph_distances",
    "normalised_stress",
    "numba_installed",
    "numba_ready",
    "warm_up_in_background",
]
