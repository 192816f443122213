"""History in motion: Play walks the as-of date to the latest data; steps and an exact
date move it by hand; the canvas shows the date large."""

from __future__ import annotations

from test_filters_panel import small_document  # same folder (pytest prepend import mode)

from explorer.store import Project
from explorer.ui.filters.panel import FiltersPanel
from explorer.ui.filters.playback import frame_plan
from explorer.ui.session import ProjectSession


def test_frame_plan_keeps_a_year_a_second_at_a_month_a_frame():
    assert frame_plan(12) == (1, 83)
    assert frame_plan(60) == (5, 83)
    assert frame_plan(1) == (1, 1000)


def test_play_steps_and_exact_date(qtbot, tmp_path):
    path = tmp_path / "p.sbx"
    Project.create(path, small_document()).close()
    session = ProjectSession(Project.open(path))
    panel = FiltersPanel(session)
    qtbot.addWidget(panel)
    bar = panel.playback
    panel.set_as_of("1990-01-31")
    bar.step(12)
    assert session.view_filter.as_of == "1991-01-31"
    bar.step(-1)
    assert session.view_filter.as_of == "1990-12-31"
    # an exact day, not a month's end
    from PySide6.QtCore import QDate

    bar.date_edit.setDate(QDate(2004, 3, 29))
    bar.date_edit.editingFinished.emit()
    assert session.view_filter.as_of == "2004-03-29"
    # play at five years a second until the latest data, where it stops by itself
    bar.speed.setCurrentIndex(bar.speed.findData(60))
    seen: list[str | None] = []
    session.viewChanged.connect(lambda *_: seen.append(session.view_filter.as_of))
    bar.play()
    assert bar.playing and bar.play_button.text().endswith("Pause")
    qtbot.waitUntil(lambda: not bar.playing, timeout=20_000)
    dated = [d for d in seen if d]
    assert dated == sorted(dated) and len(dated) > 10  # forward only, many frames
    assert session.view_filter.as_of is None  # the latest data
    # playing again from the latest data starts from the beginning
    bar.play()
    assert session.view_filter.as_of is not None and session.view_filter.as_of < "1960"
    bar.pause()
    panel.deleteLater()
    session.close()


def test_canvas_shows_the_views_date(canvas, session):
    from explorer.analysis.view import ViewFilter

    overlay = canvas.date_overlay
    assert not overlay.isVisible() or overlay.text() == ""
    session.set_view_filter(ViewFilter(as_of="1955-05-14"))
    assert overlay.text() == "14 May 1955" and overlay.isVisibleTo(canvas)
    session.set_view_filter(ViewFilter())
    assert not overlay.isVisibleTo(canvas)
