"""Animation frames rendered and written: GIF and MP4, cancel writes nothing, and the
bar chart race panel follows the window's date."""

from __future__ import annotations

import dataclasses

import pytest

from explorer.errors import UserError
from explorer.model.entities import Place
from explorer.services.animation import plan_animation
from explorer.ui.export.animation import Cancelled, frame_images, write_animation
from tests.ui.conftest import small_document


@pytest.fixture
def project(tmp_path):
    from explorer.store import Project

    doc = small_document()
    doc.actors["TUR"] = dataclasses.replace(doc.actors["TUR"], place=Place(39.9, 32.9))
    with Project.create(tmp_path / "p.sbx", doc) as p:
        yield p


def test_every_frame_has_the_same_size(qtbot, project):
    plan = plan_animation(project, None, "2020", "2023", "1y", "map")
    images = list(frame_images(plan, "both", 800))
    assert len(images) == 4
    assert len({(i.width(), i.height()) for i in images}) == 1


def test_gif_has_a_frame_per_date(qtbot, project, tmp_path):
    from PIL import Image

    plan = plan_animation(project, None, "2020-01", "2020-06", "1m", "force")
    out = write_animation(plan, tmp_path / "a.gif", width=600, fps=2)
    with Image.open(out) as gif:
        assert gif.n_frames == 6 and gif.info["duration"] == 500


def test_mp4_is_written_by_the_bundled_encoder(qtbot, project, tmp_path):
    pytest.importorskip("imageio_ffmpeg", reason="the optional 'video' extra")
    plan = plan_animation(project, None, "2020", "2022", "1y", "map")
    out = write_animation(plan, tmp_path / "a.mp4", width=600)
    head = out.read_bytes()[:64]
    assert b"ftyp" in head  # an MP4 container


def test_cancel_writes_nothing(qtbot, project, tmp_path):
    plan = plan_animation(project, None, "2000", "2010", "1y", "force")
    seen = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 3

    with pytest.raises(Cancelled):
        write_animation(plan, tmp_path / "a.gif", width=600, progress=progress)
    assert seen == [1, 2, 3]
    assert list(tmp_path.glob("a.gif*")) == [] and list(tmp_path.glob(".a.gif*")) == []


def test_bad_width_and_speed_are_refused(qtbot, project, tmp_path):
    plan = plan_animation(project, None, "2000", "2001", "1y", "force")
    with pytest.raises(UserError, match="width"):
        write_animation(plan, tmp_path / "a.gif", width=50)
    with pytest.raises(UserError, match="fps"):
        write_animation(plan, tmp_path / "a.gif", fps=0)


def test_race_panel_follows_the_view_date(qtbot, session):
    from explorer.analysis.view import ViewFilter
    from explorer.ui.race.race_dock import RacePanel

    panel = RacePanel(session)
    qtbot.addWidget(panel)
    panel.resize(400, 500)
    panel.show()
    qtbot.waitExposed(panel)
    latest = panel.frame()
    assert latest is not None and latest.date is None
    nato = latest.bar("alliance:nato")
    assert nato is not None and 0 < nato.share < 1
    session.set_view_filter(ViewFilter(as_of="1950-01-01"))
    assert panel.frame().date == "1950-01-01"
    assert panel.chart.previous is latest  # eased from the last date, not redrawn cold
    qtbot.waitUntil(lambda: panel.chart.progress() >= 1.0, timeout=2000)
    panel.grab()  # paints without error mid- and post-transition
