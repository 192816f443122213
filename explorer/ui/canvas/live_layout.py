"""The canvas's live force layout: started, paused and stepped a tick at a time; from
1,000 nodes each tick draws the positions the worker thread's last step left and starts
the next step, so the step runs beside the painting (``explorer.layout.stepper``)."""

from __future__ import annotations

import time


class CanvasLiveLayout:
    """Mixin of :class:`GraphCanvas`: its layout timer, ticks and layout state."""

    TICK_MS = 33
    #: wall-clock budget of the layout step in one tick; iterations per tick adapt to it.
    STEP_BUDGET_S = 0.008
    MAX_ITERATIONS_PER_TICK = 12
    #: From this many nodes (with numba's kernels ready) the next layout step runs in a
    #: worker thread while the window paints the current positions; smaller graphs step
    #: in a fraction of a millisecond, less than handing the step over costs.
    STEP_BESIDE_PAINT_FROM = 1000
    #: The worker's budget a tick: it runs beside the painting, so it may use more.
    BESIDE_PAINT_BUDGET_S = 0.020

    def start_layout(self) -> None:
        """Run the live layout (until it settles or is paused)."""
        self._user_paused = False
        if self._closed or self._layout_kind == "map":
            return
        if not self._timer.isActive():
            self._timer.start()
        self._set_state("running")

    def pause_layout(self) -> None:
        """Stop the live layout and save positions."""
        self._user_paused = True
        self._timer.stop()
        if self._stepper.wait() is not None and self._model is not None:
            self._pos = self._layout_positions()  # show where the last step left them
            self._redraw_positions()
        self._set_state("paused")
        self.save_positions()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def layout_state(self) -> str:
        return self._state

    def step_layout(self, iterations: int) -> None:
        """Advance the layout synchronously (scripts, tests, export) and redraw."""
        self._flush()
        if self._engine is not None and self._model and self._model.n_nodes:
            for done in range(0, iterations, 10):
                self._engine.step(min(10, iterations - done))
                self._set_anchors()
            self._pos = self._layout_positions()
            self._redraw_positions()


    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            if state != "running":
                self.edges.rest()  # every edge and its dashes again once nothing moves
            self.layoutStateChanged.emit(state)

    def _tick(self) -> None:
        # (the engine itself, not the property: that would take the worker's step and
        # its timing away from the tick below)
        if (self._closed or self._layout.engine is None or self._model is None
                or self._layout_kind == "map"):
            self._timer.stop()
            return
        if self._dirty:
            self._rebuild()
        if not self._model.n_nodes:
            self._settle()
            return
        if self._steps_beside_painting():
            self._tick_beside_painting()
            return
        t0 = time.perf_counter()
        self._engine.step(self._iterations)
        self._last_step_s = time.perf_counter() - t0
        self._adapt_iterations(self._last_step_s, self.STEP_BUDGET_S)
        self._pos = self._engine.positions
        self._ticks += 1
        if self._ticks % 10 == 0:
            self._set_anchors()
        if self._follow and self._ticks % 8 == 0:
            self.fit_to_view()
        self._redraw_positions()
        if self._engine.settled and self._drag is None:
            self._settle()

    def _adapt_iterations(self, elapsed: float, budget: float) -> None:
        per = elapsed / self._iterations
        self._iterations = int(
            max(1, min(self.MAX_ITERATIONS_PER_TICK, budget / max(per, 1e-6))))

    def _steps_beside_painting(self) -> bool:
        return (self._model is not None and self._model.n_nodes >= self.STEP_BESIDE_PAINT_FROM
                and self._layout.engine is not None and self._layout.engine.backend == "numba")

    def _tick_beside_painting(self) -> None:
        """A tick whose layout step runs in the worker while this frame is painted: take
        the positions the last step left, start the next step, draw."""
        elapsed = self._stepper.wait()
        engine = self._layout.engine
        if elapsed is not None:
            self._adapt_iterations(elapsed, self.BESIDE_PAINT_BUDGET_S)
        self._pos = engine.positions
        self._ticks += 1
        if self._ticks % 10 == 0:
            self._set_anchors()
        if self._follow and self._ticks % 8 == 0:
            self.fit_to_view()
        settled = elapsed is not None and engine.settled and self._drag is None
        if not settled:
            self._stepper.start(engine, self._iterations)
        self._redraw_positions()
        if settled:
            self._settle()

    def _settle(self) -> None:
        self._timer.stop()
        if self._follow:
            self.fit_to_view()
        self._set_state("settled")
        self.save_positions()
