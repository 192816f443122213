"""Mouse handling of the canvas: a ViewBox that knows about nodes.

Dragging a node moves it (the canvas pushes a ``MoveNodes`` command when the drag ends),
Ctrl/Alt-drag from a node to another asks to link them, dragging empty space pans,
Shift/Ctrl-drag on empty space (or the selection mode)
draws a rubber band, click selects, double-click unpins, right-click asks for a context
menu and hovering sets the tool tip. The view box only recognises gestures; what they
do is up to the :class:`NodeHandler` (the canvas).
"""

from __future__ import annotations

from typing import Protocol

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem


class NodeHandler(Protocol):
    """What the view box calls back; implemented by the canvas."""

    def node_at(self, view_pos: QPointF) -> int | None: ...
    def drag_started(self, index: int, view_pos: QPointF) -> None: ...
    def drag_moved(self, index: int, view_pos: QPointF) -> None: ...
    def drag_finished(self, index: int, view_pos: QPointF) -> None: ...
    def node_clicked(self, index: int | None, additive: bool) -> None: ...
    def node_double_clicked(self, index: int) -> None: ...
    def band_selected(self, rect: QRectF, additive: bool) -> None: ...
    def context_requested(self, index: int | None, scene_pos: QPointF, screen_pos) -> None: ...
    def hovered(self, index: int | None) -> None: ...
    def link_moved(self, index: int, view_pos: QPointF) -> None: ...
    def link_finished(self, index: int, view_pos: QPointF) -> None: ...


#: Holding one of these while dragging from a node draws a link to another node instead
#: of moving it (Alt is often taken by the window manager, so Ctrl works too).
LINK_MODIFIERS = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier


class CanvasViewBox(pg.ViewBox):
    """A locked-aspect view box whose gestures act on graph nodes."""

    def __init__(self, handler: NodeHandler) -> None:
        super().__init__(lockAspect=True, enableMenu=False, invertY=False)
        self.handler = handler
        self.selection_mode = False
        self._drag_index: int | None = None
        self._link_index: int | None = None
        self._band_start: QPointF | None = None
        self._hover: int | None = None
        self.band = QGraphicsRectItem()
        self.band.setPen(QPen(QColor("#2a6fdb"), 1, Qt.PenStyle.DashLine))
        self.band.setBrush(QBrush(QColor(42, 111, 219, 40)))
        self.band.setZValue(2000)
        self.band.hide()
        self.band.setParentItem(self)
        self.setAcceptHoverEvents(True)

    # ----- drags ----------------------------------------------------------------------

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802 - pyqtgraph override
        if ev.button() != Qt.MouseButton.LeftButton:
            super().mouseDragEvent(ev, axis)
            return
        if ev.isStart():
            start = self.mapToView(ev.buttonDownPos())
            index = self.handler.node_at(start)
            self._drag_index = None
            self._link_index = None
            self._band_start = None
            if index is not None and ev.modifiers() & LINK_MODIFIERS:
                self._link_index = index
            elif index is not None:
                self._drag_index = index
                self.handler.drag_started(index, start)
            elif self.selection_mode or ev.modifiers() & (
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
            ):
                self._band_start = ev.buttonDownPos()
        if self._link_index is not None:
            ev.accept()
            pos = self.mapToView(ev.pos())
            if ev.isFinish():
                index, self._link_index = self._link_index, None
                self.handler.link_finished(index, pos)
            else:
                self.handler.link_moved(self._link_index, pos)
            return
        if self._drag_index is not None:
            ev.accept()
            pos = self.mapToView(ev.pos())
            if ev.isFinish():
                index, self._drag_index = self._drag_index, None
                self.handler.drag_finished(index, pos)
            else:
                self.handler.drag_moved(self._drag_index, pos)
            return
        if self._band_start is not None:
            ev.accept()
            rect = QRectF(self._band_start, ev.pos()).normalized()
            self.band.setRect(rect)
            self.band.show()
            if ev.isFinish():
                self.band.hide()
                self._band_start = None
                view_rect = self.childGroup.mapRectFromParent(rect)
                additive = bool(ev.modifiers() & Qt.KeyboardModifier.ControlModifier)
                self.handler.band_selected(view_rect, additive)
            return
        super().mouseDragEvent(ev, axis)

    # ----- clicks ---------------------------------------------------------------------

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph override
        index = self.handler.node_at(self.mapToView(ev.pos()))
        if ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            self.handler.context_requested(index, ev.scenePos(), ev.screenPos())
            return
        if ev.button() != Qt.MouseButton.LeftButton:
            super().mouseClickEvent(ev)
            return
        ev.accept()
        if ev.double():
            if index is not None:
                self.handler.node_double_clicked(index)
            return
        additive = bool(
            ev.modifiers()
            & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
        )
        self.handler.node_clicked(index, additive)

    # ----- hover ----------------------------------------------------------------------

    def hoverEvent(self, ev) -> None:  # noqa: N802 - pyqtgraph override
        if ev.isExit():
            index = None
        else:
            index = self.handler.node_at(self.mapToView(ev.pos()))
        if index != self._hover:
            self._hover = index
            self.handler.hovered(index)
