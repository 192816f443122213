"""Animated export: render the frames the animation service plans and write them as a
GIF (Pillow: Qt cannot write GIF) or an MP4 (the ffmpeg binary of the imageio-ffmpeg
wheel, when that optional extra is installed).

Frames are painted by the same renderer as still images (graph pages) and by the bar
chart race's painter, side by side when both are asked for.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from explorer.errors import UserError
from explorer.scene.picture import ExportError
from explorer.scene.race import RaceFrame
from explorer.services.animation import (
    AnimationPlan,
    animation_pages,
    animation_race,
    check_chart,
    check_output,
)
from explorer.store.atomic import check_target, write_atomic
from explorer.ui.export.renderer import ensure_gui, render_image
from explorer.ui.race.painting import paint_race

#: ``progress(done, total) -> keep going``; False cancels the export
Progress = Callable[[int, int], bool]


class Cancelled(UserError):
    """The user stopped the export; nothing was written."""


def race_image(frame: RaceFrame, width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        scale = max(width / 460.0, 0.6)
        paint_race(painter, QRectF(14 * scale, 14 * scale, width - 28 * scale,
                                   height - 28 * scale), frame, scale=scale)
    finally:
        painter.end()
    return image


def _side_by_side(left: QImage, right: QImage) -> QImage:
    out = QImage(left.width() + right.width(), max(left.height(), right.height()),
                 QImage.Format.Format_RGB32)
    out.fill(QColor("#ffffff"))
    painter = QPainter(out)
    painter.drawImage(0, 0, left)
    painter.drawImage(left.width(), 0, right)
    painter.end()
    return out


def frame_images(plan: AnimationPlan, chart: str, width: int) -> Iterator[QImage]:
    """The picture of every date, all the same size."""
    ensure_gui()
    chart = check_chart(chart)
    pages = animation_pages(plan) if chart != "race" else None
    races = animation_race(plan) if chart != "graph" else None
    size: tuple[int, int] | None = None
    for _day in plan.dates:
        if chart == "race":
            assert races is not None
            image = race_image(next(races), width, round(width * 1.2))
        else:
            assert pages is not None
            graph_w = round(width * 0.68) if chart == "both" else width
            image = render_image(next(pages), graph_w)
            if races is not None:
                image = _side_by_side(image, race_image(next(races), width - graph_w,
                                                        image.height()))
        if size is None:
            size = (image.width(), image.height())
        elif (image.width(), image.height()) != size:
            # a caption that wraps once more makes a frame taller: every frame takes the
            # first one's size, so the animation never jumps
            fixed = QImage(size[0], size[1], QImage.Format.Format_RGB32)
            fixed.fill(QColor("#ffffff"))
            painter = QPainter(fixed)
            painter.drawImage(0, 0, image)
            painter.end()
            image = fixed
        yield image


def _pil(image: QImage):
    from PIL import Image

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())
    return Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB",
                            rgb.bytesPerLine(), 1).copy()


def write_animation(plan: AnimationPlan, output: str | os.PathLike[str], *, chart: str = "graph",
                    width: int = 1200, fps: float = 1.0,
                    progress: Progress | None = None) -> Path:
    """Write every frame of ``plan`` to ``output`` (.gif or .mp4), atomically."""
    kind = check_output(str(output))
    target = check_target(output)
    if not 200 <= width <= 4000:
        raise UserError("--width must be between 200 and 4000 pixels.")
    if not 0.1 <= fps <= 60:
        raise UserError("--fps must be between 0.1 and 60.")
    total = len(plan.dates)
    if kind == "mp4":
        try:
            import imageio_ffmpeg  # noqa: F401
        except ImportError:
            raise UserError("MP4 needs an encoder: install the 'video' extra (pip install "
                            "'strategic-balance-explorer[video]', which brings ffmpeg from "
                            "PyPI's imageio-ffmpeg), or write a .gif.") from None

    def frames() -> Iterator[QImage]:
        for done, image in enumerate(frame_images(plan, chart, width), start=1):
            yield image
            if progress is not None and not progress(done, total):
                raise Cancelled("Export cancelled: nothing was written.")

    def gif(tmp: str) -> None:
        try:
            from PIL import Image
        except ImportError:
            raise UserError("GIF export needs Pillow (pip install Pillow).") from None
        images = [_pil(q).quantize(colors=255, method=Image.Quantize.FASTOCTREE)
                  for q in frames()]
        if not images:
            raise ExportError("There is no frame to write.")
        images[0].save(tmp, format="GIF", save_all=True, append_images=images[1:],
                       duration=round(1000 / fps), loop=0, disposal=1)

    def mp4(tmp: str) -> None:
        import imageio_ffmpeg

        writer = None
        try:
            for image in frames():
                rgb = image.convertToFormat(QImage.Format.Format_RGB888)
                # H.264 wants even sizes: drop a last odd row or column
                w, h = rgb.width() - rgb.width() % 2, rgb.height() - rgb.height() % 2
                rgb = rgb.copy(0, 0, w, h)
                if writer is None:
                    writer = imageio_ffmpeg.write_frames(
                        tmp, (w, h), fps=fps, codec="libx264", pix_fmt_out="yuv420p",
                        output_params=["-f", "mp4"], macro_block_size=1)
                    writer.send(None)
                packed = bytearray()
                bits = bytes(rgb.constBits())
                for row in range(h):
                    start = row * rgb.bytesPerLine()
                    packed += bits[start:start + 3 * w]
                writer.send(bytes(packed))
        finally:
            if writer is not None:
                writer.close()

    return write_atomic(target, gif if kind == "gif" else mp4)
