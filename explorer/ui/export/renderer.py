"""Paints a :class:`~explorer.scene.picture.Page` with a QPainter: PNG, SVG and PDF.

The graph is drawn here with a QPainter from the scene's :class:`GraphModel` and node
positions (the same styles, colours, sizes and label rules as the screen), never
through pyqtgraph's exporters: pyqtgraph 0.14's SVG exporter breaks on Qt 6.12's paths,
and its pixmap-cached symbols would be blurry and not vector. Every size is in
"reference pixels" of a 1200-px-wide canvas, multiplied by a scale that grows with the
output width, so a 2400-px PNG looks like a 2x screenshot and labels stay legible.

All paint devices run at the screen's logical DPI (96 offscreen): the legend and the
labels use point-size fonts, which a device converts with its own DPI. A PNG's DPI is
only written into the file's metadata after painting. No widget is built: the command
line renders with an application object and a QImage or file device only.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from explorer.model.progress import Progress
from explorer.scene import styles
from explorer.scene.caption import CaptionLine
from explorer.scene.picture import (
    MAX_PIXELS,
    ExportError,
    Page,
)
from explorer.store.atomic import WriteError, write_atomic
from explorer.ui.canvas.legend import paint_legend
from explorer.ui.export.graph_painting import PaintTicker, paint_graph, paint_map
from explorer.ui.export.page_layout import (
    PageLayout,
    PageMapping,
    caption_fonts,
    layout_page,
    page_font,
)


def ensure_gui() -> None:
    """An application object for fonts and painting (offscreen without a display)."""
    if QGuiApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from explorer.ui.app import ensure_app

    ensure_app()


def screen_dpi() -> float:
    """The logical DPI fonts are measured with (the primary screen's; 96 without one)."""
    screen = QGuiApplication.primaryScreen() if QGuiApplication.instance() else None
    dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
    return float(dpi) if dpi and dpi > 0 else 96.0


def _paint_caption(painter: QPainter, lines: list[CaptionLine], rect: QRectF, s: float) -> None:
    fonts = caption_fonts(s)
    painter.save()
    painter.setPen(QPen(QColor("#c8c8c8"), max(0.75 * s, 0.5)))
    painter.drawLine(QPointF(rect.left(), rect.top()), QPointF(rect.right(), rect.top()))
    y = rect.top() + 10 * s
    colors = {"title": "#111111", "body": "#2a2a2a", "note": "#555555"}
    for line in lines:
        painter.setFont(fonts[line.role])
        painter.setPen(QPen(QColor(colors[line.role])))
        fm = QFontMetricsF(fonts[line.role])
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        box = fm.boundingRect(QRectF(0, 0, rect.width(), 1e6), flags, line.text)
        painter.drawText(QRectF(rect.left(), y, rect.width(), box.height() + 2), flags, line.text)
        y += box.height() + 3 * s
    painter.restore()


def _paint_legend(painter: QPainter, page: Page, at: QPointF, s: float) -> None:
    painter.save()
    painter.translate(at)
    painter.scale(s, s)
    paint_legend(painter, QPointF(0, 0), page.legend, page.legend_title)
    painter.restore()


def _paint_page(painter: QPainter, page: Page, lay: PageLayout, transparent: bool,
                ticker: PaintTicker | None = None) -> None:
    if not transparent:
        painter.fillRect(QRectF(0, 0, lay.width, lay.height), QColor(styles.BACKGROUND))
    s = lay.scale
    for k, (panel, area) in enumerate(zip(page.panels, lay.areas, strict=True)):
        dx = area.left() - lay.areas[0].left()
        mp = PageMapping(lay.mapping.src, lay.mapping.k, lay.mapping.x0 + dx, lay.mapping.y0)
        avoid = [lay.legend_rect.adjusted(-3 * s, -3 * s, 3 * s, 3 * s)] if k == 0 else []
        if len(page.panels) == 2:
            painter.save()
            painter.setPen(QPen(QColor("#d0d0d0"), max(0.75 * s, 0.5)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(area)
            painter.setFont(page_font(11 * s, bold=True))
            painter.setPen(QPen(QColor("#111111")))
            painter.drawText(lay.heading_rects[k],
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             panel.heading)
            painter.restore()
        if page.map is not None:
            paint_map(painter, page, panel, mp, area, s)
        paint_graph(painter, panel, mp, area, s, avoid, ticker)
    _paint_legend(painter, page, lay.legend_at, s)
    _paint_caption(painter, page.caption, lay.caption_rect, s)
    stamp = page.meta.get("stamp")
    if stamp:  # an animation frame's date, large in the graph's lower right corner
        area = lay.areas[-1]
        painter.save()
        painter.setFont(page_font(34 * s, bold=True))
        painter.setPen(QPen(QColor(40, 48, 60, 150)))
        painter.drawText(area.adjusted(0, 0, -14 * s, -8 * s),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, str(stamp))
        painter.restore()


def render_image(page: Page, width: int) -> QImage:
    """``page`` painted into an image ``width`` pixels wide (frames of an animation)."""
    ensure_gui()
    lay = layout_page(page, width)
    if lay.height > MAX_PIXELS:
        raise ExportError(f"The image would be {lay.height} pixels tall; choose a smaller width.")
    image = QImage(lay.width, lay.height, QImage.Format.Format_RGB32)
    image.fill(QColor(styles.BACKGROUND))
    painter = QPainter(image)
    try:
        _paint_page(painter, page, lay, False)
    finally:
        painter.end()
    return image


def render_page(page: Page, path: Path, fmt: str, width: int, dpi: float | None = None,
                transparent: bool = False, progress: Progress | None = None) -> Path:
    """Paint ``page`` into ``path`` as PNG, SVG or PDF ``width`` pixels wide, atomically.

    ``progress`` hears (done, total) as edges and nodes are painted; an exception it
    raises (to cancel) leaves no file behind."""
    ensure_gui()
    ticker = PaintTicker(progress, sum(len(p.model.edges) + p.model.n_nodes for p in page.panels))
    lay = layout_page(page, width)
    if lay.height > MAX_PIXELS:
        raise ExportError(f"The image would be {lay.height} pixels tall; choose a smaller width.")
    device_dpi = screen_dpi()
    title = page.meta.get("title", "Strategic Balance Explorer")

    def png(tmp: str) -> None:
        image = QImage(lay.width, lay.height, QImage.Format.Format_ARGB32_Premultiplied)
        dpm = round(device_dpi / 0.0254)
        image.setDotsPerMeterX(dpm)
        image.setDotsPerMeterY(dpm)
        image.fill(QColor(0, 0, 0, 0) if transparent else QColor(styles.BACKGROUND))
        painter = QPainter(image)
        try:
            _paint_page(painter, page, lay, transparent, ticker)
        finally:
            painter.end()
        if dpi:  # metadata only, after painting (fonts are measured at the screen's DPI)
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
        image.setText("Title", title)
        image.setText("Software", "Strategic Balance Explorer")
        if not image.save(tmp, "PNG"):
            raise ExportError(f"Cannot write '{path}': saving the PNG failed.")

    def svg(tmp: str) -> None:
        from PySide6.QtSvg import QSvgGenerator

        gen = QSvgGenerator()
        gen.setFileName(tmp)
        gen.setResolution(round(device_dpi))
        gen.setSize(QSizeF(lay.width, lay.height).toSize())
        gen.setViewBox(QRectF(0, 0, lay.width, lay.height))
        gen.setTitle(title)
        gen.setDescription("Exported by Strategic Balance Explorer")
        painter = QPainter()
        if not painter.begin(gen):
            raise ExportError(f"Cannot write '{path}': the SVG could not be started.")
        try:
            _paint_page(painter, page, lay, transparent, ticker)
        finally:
            painter.end()
        _fix_svg_fonts(tmp)

    def pdf(tmp: str) -> None:
        writer = QPdfWriter(tmp)
        writer.setResolution(round(device_dpi))
        points = QSizeF(lay.width * 72.0 / device_dpi, lay.height * 72.0 / device_dpi)
        writer.setPageLayout(QPageLayout(
            QPageSize(points, QPageSize.Unit.Point, "Export", QPageSize.SizeMatchPolicy.ExactMatch),
            QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        writer.setTitle(title)
        writer.setCreator("Strategic Balance Explorer")
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportError(f"Cannot write '{path}': the PDF could not be started.")
        try:
            # the page may round to whole points: fit the drawing to the real page
            vp = painter.viewport()
            sx, sy = vp.width() / lay.width, vp.height() / lay.height
            if abs(sx - 1) > 1e-3 or abs(sy - 1) > 1e-3:
                painter.scale(min(sx, sy), min(sx, sy))
            _paint_page(painter, page, lay, transparent, ticker)
        finally:
            painter.end()

    try:
        written = write_atomic(path, {"png": png, "svg": svg, "pdf": pdf}[fmt], allow_empty=False)
    except WriteError as exc:
        raise ExportError(str(exc)) from None
    if progress is not None:
        progress(1000, 1000)
    return written


def _fix_svg_fonts(path: str) -> None:
    """Qt writes the fontconfig alias ("Sans Serif"), which browsers do not know: name
    the real family and the CSS generic fallback instead."""
    from PySide6.QtGui import QFontInfo

    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    family = QFontInfo(QFont()).family().replace('"', "")
    alias = QFont().family()
    fallback = f"{family}, sans-serif" if family and family != alias else "sans-serif"
    fixed = text.replace(f'font-family="{alias}"', f'font-family="{fallback}"')
    if fixed != text:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(fixed)


