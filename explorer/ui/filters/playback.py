"""History in motion: Play beside the as-of slider, from its date to the latest data at a
chosen speed, with steps by month and year and an exact date field.

Playback moves the filters panel's slider; everything else (canvas, tables, what-if)
follows the view as it does when the user drags it.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

#: (label, months of history per second of playback)
SPEEDS = (("1 month/s", 1), ("6 months/s", 6), ("1 year/s", 12), ("2 years/s", 24),
          ("5 years/s", 60))
DEFAULT_SPEED = 12
#: Frames per second at most: a month per frame up to a year a second.
MAX_FPS = 12


def frame_plan(months_per_second: int) -> tuple[int, int]:
    """(months advanced per frame, milliseconds between frames) for a speed."""
    step = max(1, round(months_per_second / MAX_FPS))
    return step, round(1000 * step / months_per_second)


class PlaybackBar(QWidget):
    """Play / pause, step back and forward by a month or a year, speed, exact date."""

    #: True while playing.
    playingChanged = Signal(bool)

    def __init__(self, panel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel  # the FiltersPanel: its slider, scale and set_as_of
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._advance)
        self._step = 1

        def button(text: str, tip: str, slot) -> QToolButton:
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.setAutoRaise(True)
            b.clicked.connect(slot)
            return b

        self.back_year = button("\u25c0\u25c0", "One year back", lambda: self.step(-12))
        self.back_month = button("\u25c0", "One month back", lambda: self.step(-1))
        self.play_button = button("\u25b6 Play", "Play history from this date to the latest "
                                  "data (Space while the slider has focus)", self.toggle)
        self.play_button.setCheckable(True)
        self.fwd_month = button("\u25b6", "One month forward", lambda: self.step(1))
        self.fwd_year = button("\u25b6\u25b6", "One year forward", lambda: self.step(12))
        self.speed = QComboBox(self)
        for text, months in SPEEDS:
            self.speed.addItem(text, months)
        self.speed.setCurrentIndex(self.speed.findData(DEFAULT_SPEED))
        self.speed.setToolTip("How fast history plays")
        self.speed.currentIndexChanged.connect(lambda *_: self._plan())
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setToolTip("Show the network on exactly this date")
        self.date_edit.editingFinished.connect(self._date_typed)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for w in (self.back_year, self.back_month, self.play_button, self.fwd_month,
                  self.fwd_year):
            buttons.addWidget(w)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.speed)
        row.addWidget(self.date_edit, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addLayout(row)
        panel.session.viewChanged.connect(lambda *_: self._show_date())
        self._show_date()

    # ----- public -----------------------------------------------------------------------

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def toggle(self) -> None:
        """Play, or pause if playing."""
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        """Play from the slider's month (from the start when it is at the latest data)."""
        slider = self.panel.date_slider
        if slider.value() >= slider.maximum():
            slider.setValue(slider.minimum())
            self.panel.set_as_of(self.panel.scale.date(slider.minimum()))
        self._plan()
        self._timer.start()
        self.play_button.setChecked(True)
        self.play_button.setText("\u2016 Pause")
        self.playingChanged.emit(True)

    def pause(self) -> None:
        self._timer.stop()
        self.play_button.setChecked(False)
        self.play_button.setText("\u25b6 Play")
        self.playingChanged.emit(False)

    def step(self, months: int) -> None:
        """Move the view ``months`` months (negative: back), within the scale."""
        slider = self.panel.date_slider
        position = max(slider.minimum(), min(slider.maximum(), slider.value() + months))
        self.panel.set_as_of(self.panel.scale.date(position))

    # ----- internals --------------------------------------------------------------------

    def _plan(self) -> None:
        self._step, interval = frame_plan(int(self.speed.currentData() or DEFAULT_SPEED))
        self._timer.setInterval(interval)

    def _advance(self) -> None:
        slider = self.panel.date_slider
        if slider.value() >= slider.maximum():
            self.pause()
            return
        self.step(self._step)
        if slider.value() >= slider.maximum():
            self.pause()

    def _show_date(self) -> None:
        date = self.panel.session.view_filter.as_of
        self.date_edit.blockSignals(True)
        shown = QDate.fromString(date, Qt.DateFormat.ISODate) if date else QDate.currentDate()
        self.date_edit.setDate(shown)
        self.date_edit.blockSignals(False)

    def _date_typed(self) -> None:
        date = self.date_edit.date().toString(Qt.DateFormat.ISODate)
        if date != self.panel.session.view_filter.as_of:
            self.panel.set_as_of(date)
