"""The compiled label placement of :mod:`explorer.scene.label_placement` (numba)."""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def _origin(side, x, y, gap, width, height, lead):
    if side == 0:
        return x + gap, y - height / 2
    if side == 1:
        return x - gap - width, y - height / 2
    if side == 2:
        return x - width / 2, y - gap - height
    if side == 3:
        return x - width / 2, y + gap
    x0 = x + gap + lead if side == 4 or side == 5 else x - gap - lead - width
    y0 = y - gap - height if side == 4 or side == 6 else y + gap
    return x0, y0


@njit(cache=True, nogil=True)
def greedy(screen, widths, gaps, order, height, view_w, view_h, limit, fixed, chosen,
           sides, lead, gap_x, gap_y):
    """Place the labels of ``order`` in turn (see ``label_placement._greedy``); fills
    ``chosen`` and ``sides`` and returns how many were placed."""
    n_fixed = fixed.shape[0]
    boxes = np.empty((n_fixed + max(limit, 0), 4))
    boxes[:n_fixed] = fixed
    n_boxes = n_fixed
    count = 0
    for k in range(order.shape[0]):
        if count >= limit:
            break
        i = order[k]
        x = screen[i, 0]
        y = screen[i, 1]
        for side in range(8):
            x0, y0 = _origin(side, x, y, gaps[i], widths[i], height, lead)
            x1 = x0 + widths[i]
            y1 = y0 + height
            if x0 < 0 or y0 < 0 or x1 > view_w or y1 > view_h:
                continue
            free = True
            for b in range(n_boxes):
                if (x0 < boxes[b, 2] + gap_x and boxes[b, 0] < x1 + gap_x
                        and y0 < boxes[b, 3] + gap_y and boxes[b, 1] < y1 + gap_y):
                    free = False
                    break
            if free:
                boxes[n_boxes, 0] = x0
                boxes[n_boxes, 1] = y0
                boxes[n_boxes, 2] = x1
                boxes[n_boxes, 3] = y1
                n_boxes += 1
                chosen[count] = i
                sides[count] = side
                count += 1
                break
    return count
