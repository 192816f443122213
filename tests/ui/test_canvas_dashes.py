"""Dashed edge styles are cut into solid pieces in numpy (Qt's dashed stroker is slow)."""

import numpy as np

from explorer.ui.canvas.drawing import dash_pieces


def test_dashes_follow_the_segment_with_gaps() -> None:
    pos = np.array([[0.0, 0.0], [10.0, 0.0]])
    pieces = dash_pieces(pos, np.array([[0, 1]]), on=2.0, off=3.0)
    starts, ends = pieces[0::2], pieces[1::2]
    assert np.allclose(starts[:, 0], [0, 5])
    assert np.allclose(ends[:, 0], [2, 7])
    assert np.allclose(pieces[:, 1], 0.0)


def test_a_crowded_view_keeps_two_longer_dashes_per_edge() -> None:
    rng = np.random.default_rng(1)
    pos = rng.random((400, 2)) * 1000
    pairs = rng.integers(0, 400, size=(300, 2))
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    pieces = dash_pieces(pos, pairs, on=1.0, off=1.0, budget=1000)
    assert len(pieces) // 2 <= max(1000, 2 * len(pairs))
    # every edge still starts at its first node and no dash runs past its last node
    a, b = pos[pairs[:, 0]], pos[pairs[:, 1]]
    total_on = np.hypot(*(pieces[1::2] - pieces[0::2]).T).sum()
    total_len = np.hypot(*(b - a).T).sum()
    assert 0.4 * total_len < total_on < 0.6 * total_len
