"""normalised_stress and graph_distances."""

from __future__ import annotations

import numpy as np

from explorer.layout import graph_distances, normalised_stress


def test_path_on_a_line_has_zero_stress_at_any_scale() -> None:
    n = 8
    edges = np.array([(i, i + 1) for i in range(n - 1)])
    _, dist = graph_distances(n, edges)
    line = np.column_stack([np.arange(n) * 3.7, np.zeros(n)])
    assert normalised_stress(line, dist) < 1e-12


def test_collapsed_layout_scores_one_and_random_is_worse_than_good() -> None:
    n = 10
    edges = np.array([(i, (i + 1) % n) for i in range(n)])
    _, dist = graph_distances(n, edges)
    assert normalised_stress(np.zeros((n, 2)), dist) == 1.0
    angles = 2 * np.pi * np.arange(n) / n
    circle = np.column_stack([np.cos(angles), np.sin(angles)])
    shuffled = circle[np.random.default_rng(0).permutation(n)]
    assert normalised_stress(circle, dist) < normalised_stress(shuffled, dist)


def test_sampled_sources_and_unreachable_pairs() -> None:
    edges = np.array([(0, 1), (2, 3)])
    sources, dist = graph_distances(5, edges, sources=3, seed=1)
    assert dist.shape == (3, 5) and len(sources) == 3
    pos = np.arange(10, dtype=float).reshape(5, 2)
    value = normalised_stress(pos, dist, sources)
    assert np.isfinite(value)
    assert np.isnan(normalised_stress(pos[:1], np.zeros((1, 1))))
