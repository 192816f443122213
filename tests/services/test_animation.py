"""Animated export: the dates asked for, stable positions, frames written as GIF/MP4."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from explorer.errors import UserError
from explorer.model.entities import Actor, Alliance, Document, Membership, Place
from explorer.services.animation import (
    animation_pages,
    animation_race,
    frame_dates,
    parse_step,
    parse_when,
    plan_animation,
)
from explorer.store import Project

ROOT = Path(__file__).resolve().parents[2]


def test_steps_and_dates_parse():
    assert parse_step("1y") == (1, "y") and parse_step(" 6m ") == (6, "m")
    for bad in ("", "y", "0y", "1w", "one year"):
        with pytest.raises(UserError):
            parse_step(bad)
    assert parse_when("1949") == "1949-12-31"  # what held at the year's end
    assert parse_when("1990-02") == "1990-02-28"
    assert parse_when("1990-02-03") == "1990-02-03"
    assert parse_when("latest") is None
    with pytest.raises(UserError, match="not a date"):
        parse_when("1990-13")


def test_yearly_frames_from_1949_to_the_latest_data_are_77():
    dates = frame_dates("1949-12-31", None, "1y", latest="2025-11")
    assert len(dates) == 77
    assert dates[:2] == ["1949-12-31", "1950-12-31"] and dates[-2] == "2024-12-31"
    assert dates[-1] is None  # the latest data closes the story


def test_monthly_frames_keep_month_ends_and_refuse_a_backwards_range():
    assert frame_dates("2000-01-31", "2000-04-30", "1m") == [
        "2000-01-31", "2000-02-29", "2000-03-31", "2000-04-30"]
    assert frame_dates("2000-01-15", "2000-03-15", "1m")[-1] == "2000-03-15"
    with pytest.raises(UserError, match="before"):
        frame_dates("2001-01-01", "2000-01-01", "1y")
    with pytest.raises(UserError, match="frames"):
        frame_dates("1000-01-01", "2000-01-01", "1d")


def _doc() -> Document:
    doc = Document(title="Pacts", vintage="2020-12")
    for aid, lat, lon in (("AAA", 10, 10), ("BBB", 20, 20), ("CCC", 30, 30)):
        doc.actors[aid] = Actor(aid, aid, place=Place(lat, lon))
    doc.alliances["early"] = Alliance("early", "Early Pact", "collective_defence", "defence",
                                      founded="1950-01-01", ended="1990-01-01")
    doc.alliances["late"] = Alliance("late", "Late Pact", "collective_defence", "defence",
                                     founded="2000-01-01")
    doc.memberships[1] = Membership("early", "AAA", joined="1950-01-01", id=1)
    doc.memberships[2] = Membership("early", "BBB", joined="1950-01-01", id=2)
    doc.memberships[3] = Membership("late", "BBB", joined="2000-01-01", id=3)
    doc.memberships[4] = Membership("late", "CCC", joined="2000-01-01", id=4)
    return doc


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "p.sbx", _doc()) as p:
        yield p


def test_force_frames_keep_every_node_in_one_place(project):
    plan = plan_animation(project, None, "1960", "2010", "10y", "force")
    pages = list(animation_pages(plan))
    assert len(pages) == len(plan.dates) == 6
    where: dict[str, tuple] = {}
    for page in pages:
        assert page.source_rect == pages[0].source_rect  # frames line up
        model = page.panels[0].model
        for i, key in enumerate(model.keys):
            xy = tuple(np.round(page.panels[0].pos[i], 9))
            assert where.setdefault(key, xy) == xy, key
    # the story: the early pact in 1960 and 1980, gone by 2000; the late one after
    hubs = [{k for k in p.panels[0].model.keys if k.startswith("alliance:")} for p in pages]
    assert hubs[0] == {"alliance:early"} and hubs[5] == {"alliance:late"}
    assert [p.meta["stamp"] for p in pages] == ["1960", "1970", "1980", "1990", "2000", "2010"]


def test_map_frames_sit_on_the_map(project):
    plan = plan_animation(project, None, "2005", "latest", "5y", "map")
    pages = list(animation_pages(plan))
    assert plan.dates[-1] is None and pages[-1].meta["stamp"] == "Dec 2020"
    page = pages[0]
    assert page.map is not None
    model = page.panels[0].model
    assert tuple(page.panels[0].pos[model.index["actor:CCC"]]) == (30.0, 30.0)


def test_race_frames_follow_the_dates(project):
    plan = plan_animation(project, None, "1960", "2010", "25y", "force")
    frames = list(animation_race(plan))
    assert [f.title for f in frames] == ["1960", "1985", "2010"]
    # no figures in this project: every frame says why its bars are empty
    assert all(f.empty_reason for f in frames)


def test_unknown_layout_and_bad_dates_are_refused(project):
    with pytest.raises(UserError, match="force or map"):
        plan_animation(project, None, "1960", "2010", "1y", "globe")
    with pytest.raises(UserError, match="not a date"):
        plan_animation(project, None, "sixties", "2010", "1y", "map")


def test_cli_animate_writes_one_gif_frame_per_step(tmp_path):
    from PIL import Image

    out = tmp_path / "history.gif"
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "explorer", "animate", "--from", "1988", "--to", "1993",
         "--step", "1y", "--layout", "map", "--chart", "both", "--width", "900",
         "-o", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "6 frames" in run.stdout
    with Image.open(out) as gif:
        assert gif.n_frames == 6
        assert gif.info["duration"] == 1000  # a year per second by default
        assert gif.size[0] == 900


def test_cli_animate_refuses_a_bad_file_type(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "explorer", "animate", "--from", "1990", "-o",
         str(tmp_path / "x.avi")], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120)
    assert run.returncode == 2 and ".gif or .mp4" in run.stderr
    assert not (tmp_path / "x.avi").exists()
