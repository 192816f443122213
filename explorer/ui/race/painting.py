"""Paints a bar chart race frame, or the eased step between two frames: bars slide to
their new rank and grow or shrink to their new share; bars that appear fade in, bars
that go fade out. Used by the dock and by animated export alike."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from explorer.scene.race import RaceBar, RaceFrame

TEXT = "#1d1d1d"
MUTED = "#5f6368"
TRACK = "#f1f1ee"


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(max(points, 1.0))
    font.setBold(bold)
    return font


def _axis_max(*frames: RaceFrame | None) -> float:
    """A scale that changes seldom: the largest share rounded up to a tenth (≥ 50 %)."""
    top = max((b.share for f in frames if f is not None for b in (*f.blocs, *f.alliances)),
              default=0.0)
    return max(0.5, math.ceil(top * 10 - 1e-9) / 10)


def _section(painter: QPainter, rect: QRectF, title: str, now: tuple[RaceBar, ...],
             before: tuple[RaceBar, ...], t: float, axis: float, s: float) -> float:
    """One titled list of bars from ``rect``'s top; returns the height used."""
    painter.setFont(_font(9.5 * s, bold=True))
    painter.setPen(QPen(QColor(MUTED)))
    head = QFontMetricsF(painter.font()).height()
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), head),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    row = 20.0 * s
    top = rect.top() + head + 4 * s
    label_w = min(0.38 * rect.width(), 190 * s)
    track_w = max(rect.width() - label_w - 150 * s, 40 * s)
    rank_now = {b.key: i for i, b in enumerate(now)}
    rank_before = {b.key: i for i, b in enumerate(before)}
    old_bars = {b.key: b for b in before}
    new_bars = {b.key: b for b in now}
    bars = old_bars | new_bars
    font = _font(8.5 * s)
    painter.setFont(font)
    rows_used = max(len(now), 1)
    for key, bar in bars.items():
        old, new = old_bars.get(key), new_bars.get(key)
        share = (old.share if old else 0.0) * (1 - t) + (new.share if new else 0.0) * t
        r0 = rank_before.get(key, rank_now.get(key, len(now)))
        r1 = rank_now.get(key, rank_before.get(key, len(before)))
        y = top + (r0 * (1 - t) + r1 * t) * row
        alpha = 1.0 if (old and new) else (t if new else 1.0 - t)
        if alpha <= 0.01:
            continue
        color = QColor(bar.color)
        color.setAlphaF(alpha)
        text = QColor(TEXT)
        text.setAlphaF(alpha)
        painter.setPen(QPen(text))
        painter.drawText(QRectF(rect.left(), y, label_w - 6 * s, row - 4 * s),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetricsF(font).elidedText(bar.label, Qt.TextElideMode.ElideRight,
                                                        label_w - 6 * s))
        x0 = rect.left() + label_w
        painter.fillRect(QRectF(x0, y + 2 * s, track_w, row - 8 * s), QColor(TRACK))
        width = track_w * min(share / axis, 1.0)
        painter.fillRect(QRectF(x0, y + 2 * s, width, row - 8 * s), color)
        shown = new or old
        value = (f"{100 * share:.1f} %" if t < 1.0 and shown.members
                 else shown.value_text)
        painter.drawText(QRectF(x0 + width + 4 * s, y, 150 * s, row - 4 * s),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value)
    return head + 4 * s + rows_used * row + 6 * s


def paint_race(painter: QPainter, rect: QRectF, frame: RaceFrame,
               previous: RaceFrame | None = None, t: float = 1.0, scale: float = 1.0) -> None:
    """Paint ``frame`` in ``rect`` (``t`` < 1: on the way from ``previous``)."""
    s = scale
    previous = previous or frame
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setFont(_font(20 * s, bold=True))
    painter.setPen(QPen(QColor(TEXT)))
    title_h = QFontMetricsF(painter.font()).height()
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, frame.title)
    y = rect.top() + title_h + 6 * s
    axis = _axis_max(previous, frame)
    inner = QRectF(rect.left(), y, rect.width(), rect.bottom() - y)
    if frame.empty_reason and not frame.alliances and not any(b.share for b in frame.blocs):
        painter.setFont(_font(9 * s))
        painter.setPen(QPen(QColor(MUTED)))
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), 60 * s),
                         int(Qt.TextFlag.TextWordWrap), frame.empty_reason)
        y += 64 * s
    else:
        y += _section(painter, QRectF(inner.left(), y, inner.width(), inner.height()),
                      "Blocs", frame.blocs, previous.blocs, t, axis, s)
        y += _section(painter, QRectF(inner.left(), y, inner.width(), inner.height()),
                      f"Alliances (largest {len(frame.alliances)})", frame.alliances,
                      previous.alliances, t, axis, s)
    painter.setFont(_font(7.5 * s))
    painter.setPen(QPen(QColor(MUTED)))
    painter.drawText(QRectF(rect.left(), y, rect.width(), max(rect.bottom() - y, 30 * s)),
                     int(Qt.TextFlag.TextWordWrap), frame.note)
    painter.restore()
