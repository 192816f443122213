"""Hot-set computation after edits."""

from __future__ import annotations

import numpy as np

from explorer.layout.graph import clean_graph
from explorer.layout.placement import hot_mask


def test_hot_mask_covers_edit_and_its_neighbours_only() -> None:
    path = np.array([(i, i + 1) for i in range(9)])
    old = clean_graph(10, path, None)
    new = clean_graph(10, np.vstack([path, [(0, 2)]]), None)
    hot = hot_mask(old, new, np.arange(10), None)
    assert np.flatnonzero(hot).tolist() == [0, 1, 2, 3]


def test_hot_mask_marks_neighbours_of_deleted_nodes() -> None:
    path = np.array([(i, i + 1) for i in range(9)])
    old = clean_graph(10, path, None)
    index_map = np.array([i for i in range(10) if i != 5])
    new = clean_graph(9, np.array([(i, i + 1) for i in range(4)] + [(5, 6), (6, 7), (7, 8)]), None)
    hot = hot_mask(old, new, index_map, None)
    assert hot[4] and hot[5]  # old nodes 4 and 6
    assert not hot[0] and not hot[8]


def test_clean_graph_merges_duplicates_and_drops_self_loops() -> None:
    g = clean_graph(3, np.array([(0, 1), (1, 0), (2, 2)]), np.array([1.0, 2.0, 5.0]))
    assert g.src.tolist() == [0] and g.dst.tolist() == [1]
    assert g.weight.tolist() == [3.0]
    assert g.mass.tolist() == [2.0, 2.0, 1.0]
