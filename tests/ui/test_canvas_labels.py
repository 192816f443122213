"""Label placement: most important first, never overlapping, left of the node when the
right side is taken, and never over a blocked area such as the legend."""

import numpy as np

from explorer.ui.canvas.labels import place_labels


def test_second_label_goes_left_when_the_right_is_taken() -> None:
    # node 1 sits right of node 0, where node 0's label would go
    screen = np.array([[100.0, 50.0], [150.0, 50.0]])
    widths = np.array([80.0, 80.0])
    placed = place_labels(screen, widths, 12.0, np.array([1, 0]), 400, 100, 10,
                          offsets=np.array([5.0, 5.0]))
    assert placed == [(1, False), (0, True)]


def test_blocked_area_and_screen_edges_take_no_label() -> None:
    screen = np.array([[20.0, 20.0], [390.0, 80.0]])
    widths = np.array([60.0, 60.0])
    placed = place_labels(screen, widths, 12.0, np.array([0, 1]), 400, 100, 10,
                          offsets=np.array([4.0, 4.0]), blocked=[(0, 0, 120, 40)])
    # node 0's label would cover the blocked box on either side; node 1 flips left
    assert placed == [(1, True)]
