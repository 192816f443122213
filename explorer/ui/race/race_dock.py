"""The "Shares over time" panel: the bar chart race of the view's date, easing from one
date to the next as the as-of slider moves or history plays."""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF, QSize, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from explorer.scene.race import RaceFrame, race_frame
from explorer.ui.race.painting import paint_race
from explorer.ui.session import ProjectSession


class RaceChart(QWidget):
    """Paints the current frame; a new frame eases in over :attr:`EASE_MS`."""

    EASE_MS = 450

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame: RaceFrame | None = None
        self.previous: RaceFrame | None = None
        self._t0 = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(16)
        self._timer.timeout.connect(self._tick)
        self.setMinimumHeight(220)
        self.before_paint = lambda: None

    def show_frame(self, frame: RaceFrame, animate: bool = True) -> None:
        self.previous = self.frame if animate else None
        self.frame = frame
        self._t0 = time.perf_counter()
        if self.previous is not None:
            self._timer.start()
        self.update()

    def progress(self) -> float:
        if self.previous is None:
            return 1.0
        return min(1.0, (time.perf_counter() - self._t0) * 1000.0 / self.EASE_MS)

    def _tick(self) -> None:
        if self.progress() >= 1.0:
            self._timer.stop()
            self.previous = None
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(360, 520)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.before_paint()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self.frame is not None:
            t = self.progress()
            ease = t * t * (3 - 2 * t)
            paint_race(painter, QRectF(self.rect()).adjusted(10, 8, -10, -8), self.frame,
                       self.previous, ease)
        painter.end()


class RacePanel(QWidget):
    """The dock's widget: follows the session's view (date, regions, weights, edits)."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.chart = RaceChart(self)
        self.chart.before_paint = self.catch_up
        self.chart.setToolTip(
            "Each bloc's and each alliance's share of world capability on the view's date "
            "(capability index; full members in force). Move the as-of slider or press Play.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart)
        self._stale = True
        session.viewChanged.connect(self._changed)
        session.documentChanged.connect(
            lambda kind, *_: None if kind == "settings" else self._changed())

    def _changed(self) -> None:
        self._stale = True
        # a panel behind another tab is "visible" to Qt but shows nothing: it catches up
        # when it is painted
        if self.isVisible() and not self.visibleRegion().isEmpty():
            self.refresh()

    def catch_up(self) -> None:
        """Called as the chart paints: compute the frame if the view moved meanwhile."""
        if self._stale:
            self.refresh(animate=False)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh(animate=False)

    def refresh(self, animate: bool = True) -> None:
        """Compute the frame of the session's view now."""
        self._stale = False
        doc = self.session.project.document()
        frame = race_frame(doc, self.session.view_filter, self.session.weights)
        if frame == self.chart.frame:
            return  # the same bars: a running transition goes on undisturbed
        self.chart.show_frame(frame, animate=animate and self.chart.frame is not None)

    def frame(self) -> RaceFrame | None:
        return self.chart.frame
