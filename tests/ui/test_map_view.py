"""The map view in the window: switching animates, places are geography, the choice is
saved, and exports draw the map."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from explorer.commands import PutActor
from explorer.model.entities import Place
from explorer.scene.geo.placement import map_placement
from explorer.scene.view_state import KEYS
from explorer.ui.canvas.map_mode import MAP_MOVES_SETTING

PLACES = {"USA": (38.9, -77.0), "TUR": (39.9, 32.9), "FRA": (48.9, 2.3),
          "RUS": (55.8, 37.6), "CHN": (39.9, 116.4)}  # Armenia has none: the margin


def placed_document():
    from tests.ui.conftest import small_document

    doc = small_document()
    for aid, (lat, lon) in PLACES.items():
        doc.actors[aid] = dataclasses.replace(doc.actors[aid], place=Place(lat, lon))
    return doc


@pytest.fixture
def session(tmp_path):
    from explorer.store import Project
    from explorer.ui.session import ProjectSession

    project = Project.create(tmp_path / "p.sbx", placed_document())
    sess = ProjectSession(project)
    yield sess
    sess.close()


def _to_map(canvas, qtbot, animate=True):
    canvas.set_layout_kind("map", animate=animate)
    qtbot.waitUntil(lambda: not canvas.is_transitioning(), timeout=3000)


def test_switching_to_the_map_eases_nodes_to_their_places(canvas, qtbot):
    force = canvas.positions_array().copy()
    frames = []
    canvas.framePainted.connect(lambda: frames.append(canvas.positions_array().copy()))
    canvas.set_layout_kind("map")
    assert canvas.is_transitioning()
    qtbot.waitUntil(lambda: not canvas.is_transitioning(), timeout=3000)
    model = canvas.model()
    assert canvas.layout_kind == "map"
    assert np.allclose(canvas.node_position("actor:TUR"), (32.9, 39.9))
    placement = canvas.map_placement()
    assert placement.in_margin[model.index["actor:ARM"]]
    # frames in between: neither the force picture nor the map yet (eased, not a jump)
    middle = [f for f in frames if not np.allclose(f, force) and not np.allclose(f, frames[-1])]
    assert len(middle) >= 3
    assert canvas.base_map.isVisible() and canvas.base_map.opacity() == 1.0
    assert not canvas.is_running()  # the force layout rests while the map shows


def test_back_to_force_returns_every_node_where_it_was(canvas, qtbot):
    before = {k: canvas.node_position(k) for k in canvas.node_keys()}
    _to_map(canvas, qtbot, animate=False)
    canvas.set_layout_kind("force", animate=False)
    canvas.pause_layout()
    after = {k: canvas.node_position(k) for k in canvas.node_keys()}
    for key, xy in before.items():
        assert np.allclose(after[key], xy, atol=1e-6), key
    assert not canvas.base_map.isVisible()


def test_the_layout_is_saved_with_the_project_and_restored(canvas, qtbot, session):
    from explorer.ui.canvas import GraphCanvas

    _to_map(canvas, qtbot, animate=False)
    assert session.project.setting(KEYS["layout"]) == "map"
    again = GraphCanvas(session)
    qtbot.addWidget(again)
    try:
        assert again.layout_kind == "map"
        assert np.allclose(again.node_position("actor:CHN"), (116.4, 39.9))
    finally:
        again.shutdown()


def test_dragging_on_a_locked_map_moves_nothing(canvas, qtbot, session):
    _to_map(canvas, qtbot, animate=False)
    notices = []
    canvas.notice.connect(notices.append)
    i = canvas.model().index["actor:TUR"]
    saved = session.project.positions()
    canvas.drag_started(i, QPointF(32.9, 39.9))
    canvas.drag_moved(i, QPointF(60.0, 10.0))
    canvas.drag_finished(i, QPointF(60.0, 10.0))
    assert np.allclose(canvas.node_position("actor:TUR"), (32.9, 39.9))
    assert notices and "Unlock" in notices[0]
    assert session.project.positions() == saved


def test_an_unlocked_map_keeps_a_moved_place_until_reset(canvas, qtbot, session):
    _to_map(canvas, qtbot, animate=False)
    canvas.set_map_unlocked(True)
    force_before = session.project.positions()
    i = canvas.model().index["actor:TUR"]
    canvas.drag_started(i, QPointF(32.9, 39.9))
    canvas.drag_finished(i, QPointF(40.0, 30.0))
    assert np.allclose(canvas.node_position("actor:TUR"), (40.0, 30.0))
    assert session.project.setting(MAP_MOVES_SETTING) == {"actor:TUR": [40.0, 30.0]}
    # the force layout's saved place is not touched by a move on the map
    assert session.project.positions()["actor:TUR"] == force_before["actor:TUR"]
    canvas.reset_map_moves()
    assert np.allclose(canvas.node_position("actor:TUR"), (32.9, 39.9))


def test_the_map_follows_edits_and_the_colour_mode(canvas, qtbot, session):
    _to_map(canvas, qtbot, animate=False)
    doc = session.project.document()
    moved = dataclasses.replace(doc.actors["ARM"], place=Place(40.2, 44.5))
    session.push(PutActor(moved))
    assert np.allclose(canvas.node_position("actor:ARM"), (44.5, 40.2))
    assert canvas.map_placement().margin_count == 0
    canvas.set_color_by("alliance")
    fills = canvas.map_fills()
    model = canvas.model()
    assert fills["792"][0] == model.colors[model.index["actor:TUR"]]
    canvas.set_map_fill("none")
    assert canvas.map_fills() == {}


def test_window_image_export_draws_the_map(canvas, qtbot, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from explorer.ui.canvas.base_map import SEA
    from explorer.ui.export.image_export import build_page, export_image

    _to_map(canvas, qtbot, animate=False)
    page = build_page(canvas)
    assert page.map is not None and page.map.margin_rows == 1
    path = export_image(canvas, tmp_path / "map.png", width=1200)
    image = QImage(str(path))
    sea = QColor(SEA)
    # a good part of the picture is the sea's colour: the map was painted
    hits = sum(
        1 for x in range(0, image.width(), 20) for y in range(0, image.height(), 20)
        if QColor(image.pixel(x, y)).rgb() == sea.rgb())
    assert hits > 200


def test_split_view_shows_the_map_on_both_sides(qtbot, tmp_path, window_settings):
    from explorer.commands import PutScenario
    from explorer.model.entities import Change, Scenario
    from explorer.store import Project
    from tests.ui.conftest import open_window

    path = tmp_path / "split.sbx"
    Project.create(path, placed_document()).close()
    window = open_window(qtbot, path, window_settings)
    window.resize(1400, 900)
    window.show()
    try:
        window.set_layout_kind("map", animate=False)
        win_session = window.session
        win_session.push(PutScenario(Scenario("x", (Change("remove_actor", actor="TUR"),))))
        win_session.set_scenario("x", "split")
        area = window.comparison_area
        qtbot.waitUntil(lambda: area.baseline.isVisible(), timeout=3000)
        assert area.baseline.base_map.isVisible()
        keys = area.baseline.node_keys()
        # Türkiye, removed on the right, sits at Ankara on the left
        i = keys.index("actor:TUR")
        assert np.allclose(area.baseline._pos[i], (32.9, 39.9))
    finally:
        window.close()


def test_map_placement_matches_the_scene(canvas, qtbot, session):
    _to_map(canvas, qtbot, animate=False)
    expected = map_placement(canvas.model(), session.project.document()).positions
    assert np.allclose(canvas.positions_array(), expected)
