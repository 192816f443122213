"""From 1,000 nodes the live layout steps in a worker thread while the canvas paints;
whatever reads or changes the layout waits for that step first."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("numba")

from explorer.layout import backends  # noqa: E402
from explorer.store import Project  # noqa: E402
from explorer.synthetic import synthetic_document  # noqa: E402
from explorer.ui.canvas import GraphCanvas  # noqa: E402
from explorer.ui.session import ProjectSession  # noqa: E402


@pytest.fixture
def big_canvas(qtbot, tmp_path):
    assert backends.warm_up_blocking()
    session = ProjectSession(Project.create(tmp_path / "big.sbx",
                                            synthetic_document(1100, 40, seed=4)))
    canvas = GraphCanvas(session)
    qtbot.addWidget(canvas)
    canvas.pause_layout()
    canvas._engine.settle_tolerance = 0.0  # noqa: SLF001 - keep it moving for the test
    yield canvas
    canvas.shutdown()
    session.close()


def test_a_tick_takes_the_last_steps_positions_and_starts_the_next(big_canvas):
    canvas = big_canvas
    assert canvas.model().n_nodes >= canvas.STEP_BESIDE_PAINT_FROM
    assert canvas._steps_beside_painting()  # noqa: SLF001
    stepper = canvas._stepper  # noqa: SLF001
    engine = canvas._layout.engine  # noqa: SLF001
    before = engine.iterations
    canvas._tick()  # noqa: SLF001
    assert stepper.busy, "the step runs on after the tick returned"
    drawn = canvas.positions_array().copy()
    canvas._tick()  # noqa: SLF001
    # the second tick drew what the first tick's step computed, and started another
    assert stepper.busy
    assert not np.array_equal(canvas.positions_array(), drawn)
    stepper.wait()
    assert engine.iterations > before + 1
    assert canvas.layout_state() != "settled"


def test_touching_the_layout_waits_for_the_step_in_flight(big_canvas):
    canvas = big_canvas
    canvas._tick()  # noqa: SLF001
    canvas._tick()  # noqa: SLF001
    stepper = canvas._stepper  # noqa: SLF001
    assert stepper.busy
    key = canvas.node_keys()[5]
    assert not canvas.is_pinned(key)  # reads the engine: the step is over
    assert not stepper.busy
    iterations = canvas._layout.engine.iterations  # noqa: SLF001
    canvas._tick()  # noqa: SLF001
    assert stepper.busy
    canvas.pause_layout()  # pausing ends the step in flight and saves positions
    assert not stepper.busy
    assert canvas._layout.engine.iterations > iterations  # noqa: SLF001
    saved = canvas.session.project.positions()
    x, y, _pinned = saved[key]
    assert (x, y) == pytest.approx(canvas._layout.engine.positions[5].tolist())  # noqa: SLF001
    assert (x, y) == pytest.approx(canvas.node_position(key))  # and drawn there
