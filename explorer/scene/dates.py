"""Month steps for the "as of" slider: from the dataset's first date to today (no Qt)."""

from __future__ import annotations

import calendar
import datetime as dt

from explorer.model.entities import Document


def dataset_start(doc: Document, fallback: str = "1945-01-01") -> str:
    """The earliest membership, tie or alliance date of ``doc`` (``fallback`` if none)."""
    dates = [m.joined for m in doc.memberships.values() if m.joined]
    dates += [t.start for t in doc.ties.values() if t.start]
    dates += [a.founded for a in doc.alliances.values() if a.founded]
    dates = [d for d in dates if len(d) >= 7]
    return min(dates) if dates else fallback


class MonthScale:
    """Slider positions 0..``count``-1 are months; position ``count`` is "today (no end date)".

    A month position stands for the month's last day (capped at today), so at "April
    2023" a membership that began on 2023-04-04 is in force.
    """

    def __init__(self, start: str, today: dt.date | None = None) -> None:
        self.today = today or dt.date.today()
        year, month = int(start[:4]), int(start[5:7])
        self.first = (year, month)
        self.count = max(1, (self.today.year - year) * 12 + (self.today.month - month) + 1)

    @property
    def today_position(self) -> int:
        return self.count

    def month(self, position: int) -> tuple[int, int]:
        index = self.first[0] * 12 + (self.first[1] - 1) + position
        return index // 12, index % 12 + 1

    def date(self, position: int) -> str | None:
        """The ISO date of a position; None for "today (no end date)"."""
        if position >= self.count:
            return None
        year, month = self.month(max(0, position))
        day = dt.date(year, month, calendar.monthrange(year, month)[1])
        return min(day, self.today).isoformat()

    def position(self, date: str | None) -> int:
        """The position showing ``date`` (its month), clamped to the scale."""
        if date is None:
            return self.count
        try:
            year, month = int(date[:4]), int(date[5:7])
        except ValueError:
            return self.count
        index = (year - self.first[0]) * 12 + (month - self.first[1])
        return max(0, min(self.count - 1, index))

    @staticmethod
    def label(date: str | None) -> str:
        if date is None:
            return "Today (no end date)"
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            return date
        return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"
