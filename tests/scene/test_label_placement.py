"""The compiled label placement decides exactly as the numpy one, and neither lets two
labels, a label and a big node, or a label and a blocked box overlap."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.scene import label_placement as lp

pytest.importorskip("numba")


@pytest.fixture(scope="module", autouse=True)
def compiled() -> None:
    thread = lp.KERNELS.warm_up_in_background()
    thread.join()
    assert lp.KERNELS.ready()


def scene(seed: int, n: int):
    rng = np.random.default_rng(seed)
    screen = rng.uniform(-20, 420, size=(n, 2))
    widths = rng.uniform(10, 90, n)
    radii = rng.choice([2.0, 4.0, 9.0, 16.0], n)
    order = rng.permutation(n)[: max(1, n // 2)]
    blocked = [(0.0, 0.0, rng.uniform(20, 150), rng.uniform(20, 120))]
    return screen, widths, radii, order, blocked


def run(greedy, screen, widths, radii, order, blocked, limit):
    fixed = lp._fixed_boxes(screen, 400.0, 300.0, blocked, radii)  # noqa: SLF001
    chosen = np.zeros(limit, np.int64)
    sides = np.zeros(limit, np.int64)
    count = greedy(screen, widths, radii + 3.0, order.astype(np.int64), 12.0, 400.0, 300.0,
                   limit, fixed, chosen, sides, lp.LEAD, lp.GAP_X, lp.GAP_Y)
    return list(zip(chosen[:count].tolist(), sides[:count].tolist(), strict=True)), fixed


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 100_000), n=st.integers(1, 120), limit=st.integers(0, 40))
def test_compiled_and_numpy_placements_agree(seed: int, n: int, limit: int) -> None:
    screen, widths, radii, order, blocked = scene(seed, n)
    compiled, fixed = run(lp.KERNELS.module().greedy, screen, widths, radii, order, blocked,
                          limit)
    plain, _ = run(lp._greedy, screen, widths, radii, order, blocked, limit)  # noqa: SLF001
    assert compiled == plain
    assert len(compiled) <= limit
    # nothing placed overlaps anything placed before it, nor leaves the view
    boxes = [tuple(b) for b in fixed]
    for i, side in compiled:
        x0, y0 = lp.label_origin(lp.SIDES[side], *screen[i], radii[i] + 3.0, widths[i], 12.0)
        x1, y1 = x0 + widths[i], y0 + 12.0
        assert 0 <= x0 and 0 <= y0 and x1 <= 400 and y1 <= 300
        for bx0, by0, bx1, by1 in boxes:
            assert not (x0 < bx1 and bx0 < x1 and y0 < by1 and by0 < y1)
        boxes.append((x0, y0, x1, y1))


def test_place_labels_uses_the_compiled_pass_once_ready(monkeypatch) -> None:
    calls = []
    module = lp.KERNELS.module()
    real = module.greedy
    monkeypatch.setattr(module, "greedy", lambda *a: calls.append(1) or real(*a))
    screen = np.array([[100.0, 50.0], [150.0, 50.0]])
    placed = lp.place_labels(screen, np.array([80.0, 80.0]), 12.0, np.array([1, 0]), 400,
                             100, 10, offsets=np.array([5.0, 5.0]))
    assert placed == [(1, "right"), (0, "left")] and calls == [1]
