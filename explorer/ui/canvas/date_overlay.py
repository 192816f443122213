"""The view's date, large, in the canvas's lower right corner while the view is dated
(the as-of slider moved or history playing), so a screenshot or a playing history says
when it shows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from explorer.scene.dates import MonthScale


class DateOverlay(QLabel):
    """A label over ``host`` that follows its size; transparent to the mouse."""

    MARGIN = 14

    def __init__(self, host: QWidget, session) -> None:
        super().__init__(host)
        self.session = session
        self.setObjectName("date_overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("QLabel#date_overlay { color: rgba(40, 48, 60, 150);"
                           " font-size: 30pt; font-weight: 600; background: transparent; }")
        host.installEventFilter(self)
        session.viewChanged.connect(lambda *_: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        as_of = self.session.view_filter.as_of
        self.setText(MonthScale.label(as_of) if as_of else "")
        self.setVisible(bool(as_of))
        self.adjustSize()
        self._place()

    def _place(self) -> None:
        host = self.parentWidget()
        if host is not None:
            self.move(host.width() - self.width() - self.MARGIN,
                      host.height() - self.height() - self.MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False
