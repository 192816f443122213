"""Stamping node sprites with the compiled kernels gives what drawing them one by one
"source over", in index order, gives (up to Qt's rounding of a channel)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("numba")

from explorer.scene import sprite_blit  # noqa: E402

IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@pytest.fixture(scope="module", autouse=True)
def compiled() -> None:
    thread = sprite_blit.warm_up_in_background()
    assert thread is not None
    thread.join()
    assert sprite_blit.ready()


def premultiplied(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """Random premultiplied ARGB32 pixels, a third of them opaque, some transparent."""
    alpha = rng.choice([0, 0, 90, 180, 255, 255], size=(h, w))
    colour = rng.integers(0, 256, size=(h, w, 3))
    channels = (colour * alpha[..., None] + 127) // 255
    return ((alpha << 24) | (channels[..., 0] << 16) | (channels[..., 1] << 8)
            | channels[..., 2]).astype(np.uint32)


def reference(atlas, x, y, visible, sx, sy, sw, sh, clip):
    """Every sprite composited over the last, one pixel at a time, in floats."""
    x0, y0, x1, y1 = clip
    out = np.zeros((y1 - y0, x1 - x0, 4))
    for i in range(len(x)):
        if not visible[i] or not (np.isfinite(x[i]) and np.isfinite(y[i])):
            continue
        left = int(np.floor(x[i] - sw[i] / 2 + 0.5))
        top = int(np.floor(y[i] - sh[i] / 2 + 0.5))
        for r in range(sh[i]):
            for c in range(sw[i]):
                px, py = left + c - x0, top + r - y0
                if not (0 <= px < x1 - x0 and 0 <= py < y1 - y0):
                    continue
                s = int(atlas[sy[i] + r, sx[i] + c])
                src = np.array([(s >> k) & 255 for k in (24, 16, 8, 0)], float)
                out[py, px] = src + out[py, px] * (1 - src[0] / 255)
    return out


def channels(pixels: np.ndarray) -> np.ndarray:
    return np.stack([(pixels >> k) & 255 for k in (24, 16, 8, 0)], axis=-1).astype(float)


def stamp_and_reference(seed: int, n: int, clip=(0, 0, 40, 30)):
    rng = np.random.default_rng(seed)
    atlas = premultiplied(rng, 12, 24)
    sw = rng.integers(1, 9, n)
    sh = rng.integers(1, 9, n)
    sx = rng.integers(0, 24 - sw + 1)
    sy = rng.integers(0, 12 - sh + 1)
    x = rng.uniform(-5, 45, n)
    y = rng.uniform(-5, 35, n)
    x[rng.random(n) < 0.05] = np.nan
    visible = rng.random(n) > 0.1
    got = sprite_blit.stamp(atlas, x, y, visible, sx, sy, sw, sh, IDENTITY, 1.0, clip)
    want = reference(atlas, x, y, visible, sx, sy, sw, sh, clip)
    return got, want


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 60))
def test_stamping_equals_drawing_each_sprite_over_the_last(seed: int, n: int) -> None:
    got, want = stamp_and_reference(seed, n)
    if got is None:
        assert not want.any()
        return
    x0, y0 = 0, 0
    full = np.zeros(want.shape)
    h, w = got.pixels.shape
    full[got.top - y0:got.top - y0 + h, got.left - x0:got.left - x0 + w] = channels(got.pixels)
    assert np.abs(full - want).max() <= 3  # Qt rounds each blend to a whole channel value


def test_the_buffer_covers_only_the_drawn_extent_inside_the_clip() -> None:
    atlas = np.full((4, 4), 0xFF102030, dtype=np.uint32)
    ones = np.ones(2, bool)
    four = np.full(2, 4, np.int64)
    zero = np.zeros(2, np.int64)
    got = sprite_blit.stamp(atlas, np.array([10.0, 30.0]), np.array([10.0, 12.0]), ones,
                            zero, zero, four, four, IDENTITY, 1.0, (0, 0, 100, 100))
    assert (got.left, got.top, got.pixels.shape) == (8, 8, (6, 24))
    assert got.pixels[0, 0] == 0xFF102030 and got.pixels[0, 5] == 0  # a gap between them
    # a scaled, shifted view and a clip that cuts the second sprite in half
    got = sprite_blit.stamp(atlas, np.array([5.0, 15.0]), np.array([5.0, 6.0]), ones,
                            zero, zero, four, four, (2.0, 0.0, 0.0, 2.0, 0.0, 0.0), 1.0,
                            (0, 0, 30, 100))
    assert (got.left, got.pixels.shape[1]) == (8, 22)
    outside = sprite_blit.stamp(atlas, np.array([500.0]), np.array([5.0]), ones[:1],
                                zero[:1], zero[:1], four[:1], four[:1], IDENTITY, 1.0,
                                (0, 0, 100, 100))
    assert outside is None
