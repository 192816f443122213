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
    assert placed == [(1, "right"), (0, "left")]


def test_blocked_area_and_screen_edges_take_no_label() -> None:
    screen = np.array([[20.0, 20.0], [390.0, 80.0]])
    widths = np.array([60.0, 60.0])
    placed = place_labels(screen, widths, 12.0, np.array([0, 1]), 400, 100, 10,
                          offsets=np.array([4.0, 4.0]), blocked=[(0, 0, 120, 40)])
    # node 0's label would cover the blocked box on every side; node 1 flips left
    assert placed == [(1, "left")]


def test_labels_keep_off_big_nodes_but_clear_their_own() -> None:
    # node 0 is a big power (radius 18) right of node 1, whose label would cover it
    screen = np.array([[200.0, 50.0], [150.0, 50.0]])
    widths = np.array([60.0, 50.0])
    radii = np.array([18.0, 3.0])
    offsets = radii + 3.0
    without = place_labels(screen, widths, 12.0, np.array([0, 1]), 400, 100, 10, offsets)
    assert without == [(0, "right"), (1, "right")]  # node 1's label runs over node 0
    placed = place_labels(screen, widths, 12.0, np.array([0, 1]), 400, 100, 10, offsets,
                          radii=radii)
    # the big node keeps its own label on the right; node 1's label goes to the left
    assert placed == [(0, "right"), (1, "left")]


def test_a_label_boxed_in_left_and_right_goes_above_then_below() -> None:
    # node 0 sits between two big nodes: its label fits neither left nor right
    screen = np.array([[100.0, 50.0], [140.0, 50.0], [60.0, 50.0], [100.0, 80.0]])
    widths = np.array([40.0, 10.0, 10.0, 10.0])
    radii = np.array([3.0, 15.0, 15.0, 3.0])
    offsets = radii + 3.0
    placed = place_labels(screen, widths, 12.0, np.array([0]), 400, 100, 10, offsets,
                          radii=radii)
    assert placed == [(0, "above")]
    # with the band above the node off screen, it goes below
    screen[:, 1] -= 40.0
    placed = place_labels(screen, widths, 12.0, np.array([0]), 400, 100, 10, offsets,
                          radii=radii)
    assert placed == [(0, "below")]
