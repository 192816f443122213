"""Stepping a layout in a worker thread while the window paints the last positions.

A frame of a moving 10,000-node graph was a layout step (12 ms) then a repaint (18 ms),
one after the other on one core. Here the next step runs on the other core while the
current positions are painted; the step's heavy kernels release the GIL (numba
``nogil``) and run single-threaded so they do not compete with the painter for cores.
The caller must :meth:`~BackgroundStepper.wait` before it reads or changes the engine.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

from .engine import ForceLayout


class BackgroundStepper:
    """At most one :meth:`ForceLayout.step` in flight, in one worker thread."""

    def __init__(self) -> None:
        self._executor: ThreadPoolExecutor | None = None
        self._future: Future[float] | None = None

    @property
    def busy(self) -> bool:
        """True while a step was started and not yet waited for."""
        return self._future is not None

    def start(self, engine: ForceLayout, iterations: int) -> None:
        """Step ``engine`` by ``iterations`` in the worker (after any step in flight)."""
        self.wait()
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1,
                                                thread_name_prefix="layout-step")
        entered = threading.Event()
        self._future = self._executor.submit(_step, engine, iterations, entered)
        # Until the worker is inside the compiled step it needs the GIL, and a painting
        # thread holds it for most of a frame (Qt's C++ included): hand it over now.
        entered.wait(0.05)

    def wait(self) -> float | None:
        """Wait for the step in flight; its wall time in seconds, or None if none ran.
        An exception raised by the step is raised here."""
        future, self._future = self._future, None
        return None if future is None else future.result()

    def shutdown(self) -> None:
        """Finish the step in flight and stop the worker."""
        try:
            self.wait()
        finally:
            if self._executor is not None:
                self._executor.shutdown(wait=True)
                self._executor = None


def _step(engine: ForceLayout, iterations: int, entered: threading.Event) -> float:
    start = time.perf_counter()
    engine.parallel = False
    try:
        engine.step(iterations, entered.set)
    finally:
        entered.set()  # a step that never reached the compiled part
        engine.parallel = True
    return time.perf_counter() - start
