"""The numba kernels of :mod:`explorer.scene.sprite_blit` (imported only when numba is)."""

from __future__ import annotations

import math

import numpy as np
from numba import njit, prange


@njit(cache=True, nogil=True)
def place(x, y, visible, src_w, src_h, m11, m12, m21, m22, dx, dy, dpr,
          cx0, cy0, cx1, cy1, left, top, keep):
    """Each sprite's physical top-left corner, whether it touches the clip, and the
    clipped extent (x0, y0, x1, y1) of all that do."""
    bx0, by0, bx1, by1 = cx1, cy1, cx0, cy0
    for i in range(x.shape[0]):
        keep[i] = False
        if not visible[i]:
            continue
        px = (m11 * x[i] + m21 * y[i] + dx) * dpr
        py = (m12 * x[i] + m22 * y[i] + dy) * dpr
        if not (math.isfinite(px) and math.isfinite(py)):
            continue
        w = src_w[i]
        h = src_h[i]
        if w <= 0 or h <= 0:
            continue
        # Qt centres a fragment on its point; rounding keeps a sprite on whole pixels
        lx = int(math.floor(px - w / 2.0 + 0.5))
        ty = int(math.floor(py - h / 2.0 + 0.5))
        if lx + w <= cx0 or lx >= cx1 or ty + h <= cy0 or ty >= cy1:
            continue
        keep[i] = True
        left[i] = lx
        top[i] = ty
        bx0 = min(bx0, max(lx, cx0))
        by0 = min(by0, max(ty, cy0))
        bx1 = max(bx1, min(lx + w, cx1))
        by1 = max(by1, min(ty + h, cy1))
    return bx0, by0, bx1, by1


@njit(cache=True, nogil=True, parallel=True)
def blit(atlas, src_x, src_y, src_w, src_h, left, top, keep, out, ox, oy, bands):
    """Composite the kept sprites into ``out`` (premultiplied ARGB32, initially
    transparent), whose pixel (0, 0) is physical pixel (``ox``, ``oy``), as if drawn
    "source over" in index order.

    Drawn front to back instead ("destination over"): a pixel already opaque is final,
    so the dense core of a big graph, where sprites cover each other many times, costs a
    read per covered pixel instead of a blend. The rows are cut into ``bands`` drawn in
    parallel; each band sees every sprite in the same order.
    """
    height, width = out.shape
    n = left.shape[0]
    for b in prange(bands):
        band0 = b * height // bands
        band1 = (b + 1) * height // bands
        for k in range(n):
            i = n - 1 - k
            if not keep[i]:
                continue
            y0 = top[i] - oy
            r0 = max(0, band0 - y0)
            r1 = min(src_h[i], band1 - y0)
            if r1 <= r0:
                continue
            sx = src_x[i]
            sy = src_y[i]
            c0 = max(0, ox - left[i])
            c1 = min(src_w[i], ox + width - left[i])
            for r in range(r0, r1):
                row = y0 + r
                for c in range(c0, c1):
                    d = np.int64(out[row, left[i] + c - ox])
                    inv = 255 - (d >> 24)
                    if inv == 0:
                        continue
                    s = np.int64(atlas[sy + r, sx + c])
                    if s == 0:
                        continue
                    if inv != 255:
                        # Qt's BYTE_MUL, two channels at a time, rounded as Qt rounds
                        rb = (s & 0x00FF00FF) * inv + 0x00800080
                        rb = ((rb + ((rb >> 8) & 0x00FF00FF)) >> 8) & 0x00FF00FF
                        ag = ((s >> 8) & 0x00FF00FF) * inv + 0x00800080
                        ag = (ag + ((ag >> 8) & 0x00FF00FF)) & 0xFF00FF00
                        s = rb | ag
                    out[row, left[i] + c - ox] = (d + s) & 0xFFFFFFFF
