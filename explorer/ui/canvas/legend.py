"""The legend: an overlay fixed to the view's top-left corner, and a painter function
that image export can reuse to draw exactly the same legend into a file.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QStyleOptionGraphicsItem,
    QWidget,
)

from explorer.scene import styles
from explorer.scene.graph_model import LegendEntry
from explorer.ui.canvas.drawing import edge_pen

_PAD = 8.0
_ROW = 17.0
_SWATCH = 26.0
_GAP = 6.0
_SECTION_GAP = 5.0


def _font() -> QFont:
    font = QFont()
    font.setPointSizeF(8.5)
    return font


def legend_size(entries: list[LegendEntry], title: str = "") -> tuple[float, float]:
    """Width and height in pixels of the legend box for ``entries``."""
    if not entries:
        return 0.0, 0.0
    fm = QFontMetricsF(_font())
    text_w = max(fm.horizontalAdvance(e.label) for e in entries)
    if title:
        text_w = max(text_w, fm.horizontalAdvance(title) - _SWATCH - _GAP)
    sections = len({e.kind for e in entries})
    h = 2 * _PAD + _ROW * (len(entries) + (1 if title else 0)) + _SECTION_GAP * (sections - 1)
    return 2 * _PAD + _SWATCH + _GAP + text_w, h


def _diamond(center: QPointF, r: float) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(center.x(), center.y() - r)
    path.lineTo(center.x() + r, center.y())
    path.lineTo(center.x(), center.y() + r)
    path.lineTo(center.x() - r, center.y())
    path.closeSubpath()
    return path


def paint_legend(
    painter: QPainter, top_left: QPointF, entries: list[LegendEntry], title: str = ""
) -> QRectF:
    """Draw the legend with its top-left corner at ``top_left``; returns the box drawn."""
    w, h = legend_size(entries, title)
    box = QRectF(top_left.x(), top_left.y(), w, h)
    if not entries:
        return box
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor("#b0b0b0"), 1))
    painter.setBrush(QBrush(QColor(255, 255, 255, 225)))
    painter.drawRoundedRect(box, 4, 4)
    painter.setFont(_font())
    y = box.top() + _PAD
    x_sw = box.left() + _PAD
    x_text = x_sw + _SWATCH + _GAP
    text_pen = QPen(QColor("#202020"))
    note_pen = QPen(QColor("#606060"))
    if title:
        font = _font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text_pen)
        painter.drawText(QRectF(x_sw, y, w, _ROW), Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(_font())
        y += _ROW
    previous = None
    for entry in entries:
        if previous is not None and entry.kind != previous:
            y += _SECTION_GAP
        previous = entry.kind
        cy = y + _ROW / 2
        center = QPointF(x_sw + _SWATCH / 2, cy)
        if entry.kind == "edge":
            pen = edge_pen(styles.EDGE_STYLES[entry.style])
            pen.setCosmetic(False)
            painter.setPen(pen)
            painter.drawLine(QPointF(x_sw, cy), QPointF(x_sw + _SWATCH, cy))
        else:
            outline = styles.HUB_OUTLINE if entry.shape == "d" else styles.ACTOR_OUTLINE
            pen = QPen(QColor(outline), 0.8)
            if entry.label == styles.GHOST_NODE_LABEL:
                pen = QPen(QColor("#8a8a8a"), 1.2, Qt.PenStyle.DashLine)
            elif entry.label == styles.CHANGED_LABEL:
                pen = QPen(QColor(styles.CHANGED_OUTLINE), 2.5)
            painter.setPen(pen)
            color = QColor(entry.color)
            if entry.label == styles.CHANGED_LABEL:
                color = QColor(styles.NEUTRAL)
            painter.setBrush(QBrush(color))
            if entry.shape == "d":
                painter.drawPath(_diamond(center, 6.5))
            elif entry.shape == "s":  # a country fill on the map
                painter.setPen(QPen(QColor("#b5b2a8"), 0.8))
                painter.drawRect(QRectF(center.x() - 6, center.y() - 5, 12, 10))
            elif entry.shape:  # a row without a shape is a note on the row above
                painter.drawEllipse(center, 5.5, 5.5)
        painter.setPen(note_pen if entry.kind == "shape" and not entry.shape else text_pen)
        painter.drawText(
            QRectF(x_text, y, box.right() - x_text, _ROW),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            entry.label,
        )
        y += _ROW
    painter.restore()
    return box


COLLAPSED_TEXT = "Legend \N{BLACK RIGHT-POINTING SMALL TRIANGLE}"
EXPAND_TIP = "Click to collapse or expand the legend"


class LegendOverlay(QGraphicsObject):
    """The legend as an item parented to the view box (not its data group), so it stays
    in the top-left corner while the graph pans and zooms underneath. A click folds it
    to one line, so a small canvas can give the graph the whole area."""

    #: the legend was folded (True) or unfolded (False) by a click.
    collapsedChanged = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[LegendEntry] = []
        self.title = ""
        self._size: tuple[str, tuple[float, float]] | None = None
        self._collapsed = False
        self.setZValue(1000)
        self.setPos(10, 10)
        # drawn once and reused: the legend does not change while the layout runs
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setToolTip(EXPAND_TIP)

    @property
    def collapsed(self) -> bool:
        """True when only the "Legend ▸" line is drawn."""
        return self._collapsed

    def set_collapsed(self, collapsed: bool) -> None:
        if collapsed != self._collapsed:
            self.prepareGeometryChange()
            self._collapsed = collapsed
            self.update()
            self.collapsedChanged.emit(collapsed)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.accept()
        self.set_collapsed(not self._collapsed)

    def set_entries(self, entries: list[LegendEntry]) -> None:
        self.prepareGeometryChange()
        self._entries = list(entries)
        self._size = None
        self.update()

    def entries(self) -> list[LegendEntry]:
        return list(self._entries)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        if self._collapsed and self._entries:
            w = QFontMetricsF(_font()).horizontalAdvance(COLLAPSED_TEXT) + 2 * _PAD
            return QRectF(0, 0, w + 1, _ROW + _PAD + 1)
        # Qt asks for this many times per frame; measuring the text each time is costly
        if self._size is None or self._size[0] != self.title:
            self._size = (self.title, legend_size(self._entries, self.title))
        w, h = self._size[1]
        return QRectF(0, 0, w + 1, h + 1)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        if self._collapsed and self._entries:
            box = self.boundingRect().adjusted(0, 0, -1, -1)
            painter.setPen(QPen(QColor("#b0b0b0"), 1))
            painter.setBrush(QBrush(QColor(255, 255, 255, 225)))
            painter.drawRoundedRect(box, 4, 4)
            painter.setFont(_font())
            painter.setPen(QPen(QColor("#202020")))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, COLLAPSED_TEXT)
            return
        paint_legend(painter, QPointF(0, 0), self._entries, self.title)
