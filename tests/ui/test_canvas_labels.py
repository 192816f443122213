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


def test_a_crowded_label_moves_away_with_a_leader_line():
    import numpy as np

    from explorer.ui.canvas.labels import DISPLACED, label_origin, leader_line, place_labels

    # node 0 in the middle; boxes block the four places beside it
    screen = np.array([[200.0, 200.0]])
    widths, height, gap = np.array([60.0]), 14.0, 8.0
    blocked = [(208, 195, 270, 205), (130, 195, 192, 205), (185, 178, 215, 190),
               (185, 210, 215, 222)]
    placed = place_labels(screen, widths, height, np.array([0]), 400, 400, 5,
                          np.array([gap]), blocked=blocked)
    assert placed == [(0, "upper right")] and "upper right" in DISPLACED
    side = placed[0][1]
    x0, y0 = label_origin(side, 200, 200, gap, 60, height)
    seg = leader_line(side, 200, 200, 5.0, gap, height)
    # the line starts on the node's rim and ends at the label's near edge, mid-height
    assert abs(np.hypot(seg[0] - 200, seg[1] - 200) - 5.0) < 1e-9
    assert seg[2] in (x0, x0 + 60) and abs(seg[3] - (y0 + height / 2)) < 1e-9
    assert leader_line("right", 200, 200, 5.0, gap, height) is None


def test_identical_hub_labels_are_told_apart():
    from explorer.scene.naming import distinct_labels

    names = ["Mutual Defense Treaty between the United States and the Republic of Korea",
             "Mutual Defense Treaty between the United States and the Philippines",
             "North Atlantic Treaty Organization"]
    cut = ["Mutual Defense Treaty bet…", "Mutual Defense Treaty bet…", "NATO"]
    assert distinct_labels(cut, names) == ["US–ROK treaty", "US–Philippines treaty", "NATO"]
