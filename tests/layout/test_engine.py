"""Behaviour of the ForceLayout engine (numpy backend unless stated)."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.layout import ForceLayout


def two_cliques(k: int = 6) -> tuple[int, np.ndarray]:
    """Two k-cliques joined by one bridge edge."""
    edges = [(i, j) for i in range(k) for j in range(i + 1, k)]
    edges += [(i + k, j + k) for i, j in edges]
    edges.append((0, k))
    return 2 * k, np.array(edges)


def ring(n: int) -> np.ndarray:
    return np.array([(i, (i + 1) % n) for i in range(n)])


def test_same_seed_gives_identical_positions() -> None:
    n, edges = two_cliques()
    a = ForceLayout(n, edges, seed=3, backend="numpy")
    b = ForceLayout(n, edges, seed=3, backend="numpy")
    a.step(40)
    b.step(15)
    b.step(25)
    assert np.array_equal(a.positions, b.positions)
    c = ForceLayout(n, edges, seed=4, backend="numpy")
    c.step(40)
    assert not np.array_equal(a.positions, c.positions)


def test_pinned_nodes_never_move_but_still_push() -> None:
    n, edges = two_cliques()
    layout = ForceLayout(n, edges, seed=1, backend="numpy")
    layout.set_position(0, (50.0, -20.0))
    layout.pin(0)
    layout.step(200)
    pos = layout.positions
    assert np.array_equal(pos[0], [50.0, -20.0])
    assert layout.pinned[0] and not layout.pinned[1:].any()
    # Its clique is dragged towards the pinned node rather than staying at the origin.
    assert np.linalg.norm(pos[1:6].mean(axis=0) - pos[0]) < np.linalg.norm(pos[0]) / 2


def test_two_cliques_separate_into_clusters() -> None:
    n, edges = two_cliques()
    layout = ForceLayout(n, edges, seed=0, backend="numpy")
    layout.step(400)
    pos = layout.positions
    d = np.linalg.norm(pos[:, None] - pos[None, :], axis=2)
    left, right = np.arange(6), np.arange(6, 12)
    within = np.concatenate([d[np.ix_(left, left)][np.triu_indices(6, 1)],
                             d[np.ix_(right, right)][np.triu_indices(6, 1)]])
    between = d[np.ix_(left, right)].ravel()
    assert within.max() < between.mean()
    assert np.median(within) < 0.6 * np.median(between)


def test_anchors_pull_nodes_towards_them() -> None:
    n = 20
    edges = ring(n)
    free = ForceLayout(n, edges, seed=2, backend="numpy")
    anchors = np.full((n, 2), np.nan)
    anchors[:5] = (40.0, 40.0)
    anchored = ForceLayout(n, edges, seed=2, backend="numpy", anchors=anchors,
                           anchor_strength=0.5)
    free.step(300)
    anchored.step(300)
    target = np.array([40.0, 40.0])
    dist_free = np.linalg.norm(free.positions[:5] - target, axis=1).mean()
    dist_anch = np.linalg.norm(anchored.positions[:5] - target, axis=1).mean()
    assert dist_anch < 0.5 * dist_free
    assert np.isnan(anchored.anchors[5:]).all()


def test_set_graph_keeps_old_nodes_and_places_new_ones_near_neighbours() -> None:
    n = 40
    edges = ring(n)
    layout = ForceLayout(n, edges, seed=5, backend="numpy")
    layout.step(500)
    before = layout.positions
    edge_len = np.median(np.linalg.norm(before[edges[:, 0]] - before[edges[:, 1]], axis=1))
    new_edges = np.vstack([edges, [(n, 0), (n, 1)]])
    layout.set_graph(n + 1, new_edges)
    placed = layout.positions
    assert np.array_equal(placed[:n], before)
    assert np.linalg.norm(placed[n] - before[:2].mean(axis=0)) < 0.5 * edge_len
    layout.step(5)
    after = layout.positions
    far = np.arange(10, 30)  # well away from nodes 0, 1 and the new node
    assert np.linalg.norm(after[far] - before[far], axis=1).max() < 0.05 * edge_len
    assert np.isfinite(after).all()


def test_set_graph_with_index_map_after_deleting_a_node() -> None:
    n = 10
    layout = ForceLayout(n, ring(n), seed=1, backend="numpy")
    layout.pin(7)
    layout.step(50)
    before = layout.positions
    index_map = np.array([i for i in range(n) if i != 3])  # delete node 3
    edges = np.array([(a, b) for a, b in ring(n - 1)])
    layout.set_graph(n - 1, edges, index_map=index_map)
    assert np.array_equal(layout.positions, before[index_map])
    assert layout.pinned.tolist() == [i == 6 for i in range(n - 1)]
    with pytest.raises(ValueError):
        layout.set_graph(3, np.zeros((0, 2)), index_map=np.array([0, 1, 99]))


def test_set_graph_positions_override_and_nan_rows_are_placed() -> None:
    layout = ForceLayout(3, np.array([(0, 1), (1, 2)]), seed=0, backend="numpy")
    positions = np.array([[1.0, 2.0], [np.nan, np.nan], [3.0, 4.0], [np.nan, np.nan]])
    layout.set_graph(4, np.array([(0, 1), (1, 2), (2, 3)]), positions=positions)
    pos = layout.positions
    assert np.array_equal(pos[[0, 2]], positions[[0, 2]])
    assert np.isfinite(pos).all()


def test_small_graph_settles() -> None:
    n, edges = two_cliques()
    layout = ForceLayout(n, edges, seed=0, backend="numpy")
    assert not layout.settled
    for _ in range(100):
        layout.step(20)
        if layout.settled:
            break
    assert layout.settled
    assert layout.mean_displacement < 2e-3 * layout.core_extent
    assert np.isfinite(layout.energy)


@pytest.mark.parametrize(
    ("n", "edges"),
    [
        (0, np.zeros((0, 2), int)),
        (1, np.zeros((0, 2), int)),
        (1, np.array([(0, 0)])),
        (5, None),
        (4, np.array([(0, 1), (0, 1), (1, 0), (2, 2), (2, 3)])),
    ],
)
def test_degenerate_graphs_do_not_crash_or_produce_nan(n: int, edges) -> None:
    layout = ForceLayout(n, edges, seed=0, backend="numpy")
    layout.step(100)
    assert layout.positions.shape == (n, 2)
    assert np.isfinite(layout.positions).all()
    assert np.isfinite(layout.mean_displacement)
    layout.set_graph(n + 1, edges)
    layout.step(10)
    assert np.isfinite(layout.positions).all()


def test_coincident_start_positions_stay_finite() -> None:
    layout = ForceLayout(4, np.array([(0, 1), (2, 3)]), positions=np.zeros((4, 2)),
                         backend="numpy")
    layout.step(50)
    assert np.isfinite(layout.positions).all()


def test_invalid_input_is_rejected() -> None:
    with pytest.raises(ValueError):
        ForceLayout(3, np.array([(0, 3)]))
    with pytest.raises(ValueError):
        ForceLayout(3, np.array([(0, 1)]), weights=np.array([-1.0]))
    with pytest.raises(ValueError):
        ForceLayout(3, np.array([(0, 1)]), backend="gpu")
    with pytest.raises(ValueError):
        ForceLayout(3, np.array([(0, 1)]), positions=np.zeros((2, 2)))


def test_weights_pull_heavier_edges_shorter() -> None:
    edges = np.array([(0, 1), (1, 2)])
    layout = ForceLayout(3, edges, weights=np.array([10.0, 1.0]), seed=0, backend="numpy")
    layout.step(300)
    p = layout.positions
    assert np.linalg.norm(p[0] - p[1]) < np.linalg.norm(p[1] - p[2])


def test_large_graph_numpy_tree_path_runs() -> None:
    rng = np.random.default_rng(0)
    n = 900  # above the exact-repulsion threshold, so the cKDTree Barnes–Hut path runs
    edges = rng.integers(0, n, size=(2000, 2))
    layout = ForceLayout(n, edges, seed=0, backend="numpy")
    layout.step(5)
    assert np.isfinite(layout.positions).all()
    assert layout.backend == "numpy"
