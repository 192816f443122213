"""numpy and numba backends agree (numba part skipped when numba is not installed)."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.layout import ForceLayout, backends, kernels_numpy


def random_graph(n: int, m: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, n, size=(m, 2))


def test_numpy_tree_repulsion_matches_exact() -> None:
    rng = np.random.default_rng(1)
    pos = rng.normal(size=(700, 2)) * 20
    mass = rng.integers(1, 10, 700).astype(float)
    exact = np.zeros_like(pos)
    approx = np.zeros_like(pos)
    kernels_numpy.exact_repulsion(pos, mass, 2.0, 1e-4, exact)
    kernels_numpy.tree_repulsion(pos, mass, 2.0, 1e-4, 1.0, approx)
    err = np.linalg.norm(approx - exact, axis=1).mean() / np.linalg.norm(exact, axis=1).mean()
    assert err < 0.03


def test_numba_and_numpy_backends_agree() -> None:
    pytest.importorskip("numba")
    assert backends.warm_up_blocking()
    from explorer.layout import kernels_numba

    rng = np.random.default_rng(2)
    for n in (50, 1500):  # exact path and Barnes–Hut path
        pos = rng.normal(size=(n, 2)) * 10
        mass = rng.integers(1, 8, n).astype(float)
        ref = np.zeros_like(pos)
        got = np.zeros_like(pos)
        kernels_numpy.exact_repulsion(pos, mass, 2.0, 1e-4, ref)
        kernels_numba.repulsion(pos, mass, 2.0, 1e-4, 1.0, 600, got)
        err = np.linalg.norm(got - ref, axis=1).mean() / np.linalg.norm(ref, axis=1).mean()
        assert err < (1e-9 if n < 600 else 0.03)

    edges = random_graph(60, 150, 3)
    a = ForceLayout(60, edges, seed=7, backend="numpy")
    b = ForceLayout(60, edges, seed=7, backend="numba")
    assert b.backend == "numba"
    a.step(20)
    b.step(20)
    assert np.allclose(a.positions, b.positions, rtol=0, atol=1e-6 * a.extent)
    # Same backend twice is bitwise reproducible.
    c = ForceLayout(60, edges, seed=7, backend="numba")
    c.step(20)
    assert np.array_equal(b.positions, c.positions)


def test_auto_backend_is_usable_before_and_after_warm_up() -> None:
    layout = ForceLayout(30, random_graph(30, 60, 0), seed=0, backend="auto")
    assert layout.backend in ("numba", "numpy")
    layout.step(5)
    thread = backends.warm_up_in_background()
    if thread is not None:
        thread.join()
        assert layout.backend == "numba"
    layout.step(5)  # positions carry over across a backend switch
    assert np.isfinite(layout.positions).all()


@pytest.mark.parametrize("n, strong", [(120, True), (900, False)])  # exact, Barnes–Hut
def test_fused_iterations_follow_the_engines_own(n: int, strong: bool) -> None:
    """The worker thread's one-call iterations (``parallel=False``) move every node as the
    engine's numpy-around-kernels iterations do: pins, anchors and gravity included."""
    pytest.importorskip("numba")
    assert backends.warm_up_blocking()
    edges = random_graph(n, 3 * n, 5)
    layouts = []
    for parallel in (True, False):
        layout = ForceLayout(n, edges, seed=3, backend="numba", gravity=0.2,
                             strong_gravity=strong, initial="random")
        anchors = np.full((n, 2), np.nan)
        anchors[::7] = 5.0
        layout.set_anchors(anchors, strength=0.05)
        layout.pin(4, True)
        layout.parallel = parallel
        layout.step(4)
        layout.step(1)  # the speed control's state carries over between calls
        layouts.append(layout)
    ours, fused = layouts
    assert fused.iterations == ours.iterations == 5
    assert fused.positions[4].tolist() == ours.positions[4].tolist()  # pinned: unmoved
    # (over many more iterations, sums taken in another order differ in the last bits,
    # and the layout's chaos makes that visible: 1e-5 of the extent after 15)
    assert np.allclose(fused.positions, ours.positions, rtol=0, atol=1e-9 * ours.extent)
    assert fused.energy == pytest.approx(ours.energy, rel=1e-9)
    assert fused.mean_displacement == pytest.approx(ours.mean_displacement, rel=1e-9)
    assert fused.settled == ours.settled
