"""GraphCanvas: drawing follows the session, gestures become commands, the timer behaves."""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem

from explorer.analysis.view import ViewFilter
from explorer.commands import MoveNodes, PutTie
from explorer.model.entities import Change, Scenario, Tie
from explorer.ui.canvas import GraphCanvas


def viewport_point(canvas: GraphCanvas, key: str):
    x, y = canvas.node_position(key)
    scene = canvas.vb.mapViewToScene(QPointF(x, y))
    return canvas.view.mapFromScene(scene)


def test_draws_actors_and_hubs(canvas):
    keys = canvas.node_keys()
    assert "actor:TUR" in keys and "alliance:nato" in keys
    assert len(keys) == 8
    model = canvas.model()
    assert model.is_hub[model.index["alliance:csto"]]
    pos = np.array([canvas.node_position(k) for k in keys])
    assert np.isfinite(pos).all()


def test_drag_moves_pins_and_undo_restores(canvas, session):
    key = "actor:TUR"
    i = canvas.model().index[key]
    before = canvas.node_position(key)
    assert not canvas.is_pinned(key)
    start = QPointF(*before)
    target = QPointF(before[0] + 50.0, before[1] - 30.0)
    canvas.drag_started(i, start)
    canvas.drag_moved(i, QPointF(before[0] + 20.0, before[1]))
    canvas.drag_finished(i, target)

    assert canvas.node_position(key) == (target.x(), target.y())
    assert canvas.is_pinned(key)
    assert session.stack.undo_text.endswith("Move Türkiye")
    saved = session.project.positions()[key]
    assert saved == (target.x(), target.y(), True)

    session.undo()
    x, y = canvas.node_position(key)
    assert (x, y) == before
    assert not canvas.is_pinned(key)
    assert session.project.positions()[key][2] is False


def test_double_click_unpins_via_command(canvas, session):
    canvas.pin("actor:FRA", True)
    assert canvas.is_pinned("actor:FRA")
    assert session.stack.undo_text.endswith("Pin France")
    canvas.node_double_clicked(canvas.model().index["actor:FRA"])
    assert not canvas.is_pinned("actor:FRA")
    assert session.stack.undo_text.endswith("Unpin France")
    session.undo()
    assert canvas.is_pinned("actor:FRA")


def test_click_selects(canvas, session, qtbot):
    point = viewport_point(canvas, "actor:USA")
    with qtbot.waitSignal(session.selectionChanged, timeout=2000) as blocker:
        QTest.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [["actor:USA"]]
    # shift-click adds
    canvas.node_clicked(canvas.model().index["actor:FRA"], additive=True)
    assert session.selection == ["actor:USA", "actor:FRA"]
    # clicking empty space clears
    canvas.node_clicked(None, additive=False)
    assert session.selection == []


def test_band_select(canvas, session):
    canvas.band_selected(canvas.scene_bounds(), additive=False)
    assert set(session.selection) == set(canvas.node_keys())


def test_legend_follows_rivalry_ties(canvas, session, qtbot):
    assert "Rivalry" not in canvas.legend_entries()
    assert "Partnership (bilateral tie)" in canvas.legend_entries()
    assert "Defence pact membership" in canvas.legend_entries()
    assert "Observer, partner or suspended" in canvas.legend_entries()
    session.push(PutTie(Tie("RUS", "USA", -1)))
    qtbot.waitUntil(lambda: "Rivalry" in canvas.legend_entries(), timeout=2000)
    session.undo()
    qtbot.waitUntil(lambda: "Rivalry" not in canvas.legend_entries(), timeout=2000)


def test_legend_colour_modes(canvas):
    assert canvas.legend_entries()[:2] == ["Western-aligned", "No bloc"]
    canvas.set_color_by("region")
    assert canvas.color_by == "region"
    entries = canvas.legend_entries()
    assert "Europe" in entries and "Asia" in entries and "Western-aligned" not in entries
    canvas.set_color_by("kind")
    assert canvas.legend_entries()[0] == "State"


def test_view_filter_hides_actors(canvas, session, qtbot):
    session.set_view_filter(ViewFilter(regions=frozenset({"europe"})))
    qtbot.waitUntil(lambda: "actor:RUS" not in canvas.node_keys(), timeout=2000)
    keys = canvas.node_keys()
    assert "actor:TUR" in keys and "alliance:csto" not in keys
    session.set_view_filter(ViewFilter(regions=frozenset({"europe"}), keep_partners=True))
    qtbot.waitUntil(lambda: "Context actor (outside selected regions)" not in ["x"], timeout=10)
    assert "actor:CHN" not in canvas.node_keys()


def test_timer_stops_when_paused_and_closed(qtbot, session):
    widget = GraphCanvas(session)
    qtbot.addWidget(widget)
    states: list[str] = []
    widget.layoutStateChanged.connect(states.append)
    widget.start_layout()
    assert widget.is_running()
    widget.pause_layout()
    assert not widget.is_running()
    assert states[-1] == "paused"
    widget.start_layout()
    assert widget.is_running()
    widget.close()
    assert not widget.is_running()
    assert session.project.positions()  # saved on close


def test_layout_settles_and_saves(qtbot, session):
    widget = GraphCanvas(session)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.layout_state() == "settled", timeout=15000)
    assert not widget.is_running()
    assert set(session.project.positions()) == set(widget.node_keys())
    widget.shutdown()


def test_reopen_uses_saved_positions_and_pins(qtbot, session):
    session.push(MoveNodes({"actor:TUR": (5.0, 7.0, True)}, "Move Türkiye"))
    widget = GraphCanvas(session)
    qtbot.addWidget(widget)
    assert widget.node_position("actor:TUR") == (5.0, 7.0)
    assert widget.is_pinned("actor:TUR")
    widget.step_layout(20)
    assert widget.node_position("actor:TUR") == (5.0, 7.0)
    widget.shutdown()


def test_tooltip_and_context_menu(canvas, qtbot):
    assert "Türkiye (TUR)" in canvas.tooltip_for("actor:TUR")
    assert "Obligation: Defence" in canvas.tooltip_for("alliance:nato")
    assert "no figures" in canvas.tooltip_for("actor:ARM")
    canvas.hovered(canvas.model().index["alliance:nato"])
    assert canvas.current_tooltip.startswith("North Atlantic Treaty Organization")
    with qtbot.waitSignal(canvas.contextMenuRequested) as blocker:
        canvas.context_requested(canvas.model().index["actor:TUR"], QPointF(1, 2), QPointF(3, 4))
    assert blocker.args[0] == "actor:TUR"


def test_scenario_both_ghosts_removed(canvas, session, qtbot):
    from explorer.commands import PutScenario

    scenario = Scenario("turexit", (Change("remove_membership", actor="TUR", alliance="nato"),))
    session.push(PutScenario(scenario))
    session.set_scenario("turexit", "both")
    qtbot.waitUntil(lambda: "Removed in scenario" in canvas.legend_entries(), timeout=2000)
    model = canvas.model()
    assert model.changed[model.index["actor:TUR"]]
    session.set_scenario("turexit", "scenario")
    qtbot.waitUntil(lambda: "Removed in scenario" not in canvas.legend_entries(), timeout=2000)
    session.set_scenario(None)


def test_render_to_image(canvas):
    image = canvas.render_to_image(400, 300)
    assert (image.width(), image.height()) == (400, 300)
    assert not image.isNull()
    colours = {image.pixel(x, y) for x in range(0, 400, 7) for y in range(0, 300, 7)}
    assert len(colours) > 3
    transparent = canvas.render_to_image(200, 150, transparent=True)
    assert transparent.pixelColor(199, 149).alpha() == 0


def test_center_on_and_focus(canvas, session):
    session.focusRequested.emit("actor:CHN")
    rect = canvas.vb.viewRect()
    x, y = canvas.node_position("actor:CHN")
    assert abs(rect.center().x() - x) < 1e-6 * max(1.0, rect.width()) + 1e-6
    assert abs(rect.center().y() - y) < 1e-3 * rect.height()


def test_labels_do_not_overlap(canvas):
    shown = canvas.labelled_nodes()
    assert "alliance:nato" in shown
    boxes = [box for _text, box in canvas.labels.boxes()]
    assert len(boxes) == len(shown)
    for a in range(len(boxes)):
        for b in range(a + 1, len(boxes)):
            inter = boxes[a].intersected(boxes[b])
            assert inter.width() * inter.height() < 4.0


def test_no_label_is_drawn_under_the_legend(canvas):
    legend = canvas.legend.sceneBoundingRect()
    # pan so that the whole graph sits in the legend's corner of the view
    nodes = canvas.scene_bounds()
    width, height = nodes.width() * 3, nodes.height() * 3
    canvas.vb.setRange(QRectF(nodes.left() - 0.05 * width, nodes.bottom() - height, width,
                              height), padding=0)
    canvas._update_labels()
    under = [text for text, box in canvas.labels.boxes() if box.intersects(legend)]
    assert under == []
    assert canvas.labelled_nodes(), "some labels still fit beside the legend"


def test_actor_renamed_updates(canvas, session, qtbot):
    from explorer.commands import PutActor

    actor = session.project.document().actors["TUR"]
    session.push(PutActor(dataclasses.replace(actor, name="Turkey")))
    qtbot.waitUntil(lambda: "Turkey (TUR)" in canvas.tooltip_for("actor:TUR"), timeout=2000)


def test_ctrl_drag_from_actor_to_alliance_asks_for_a_membership(canvas, session, qtbot):
    from explorer.ui.editing.actions import MembershipDialog, TieDialog, combo_choice, link_dialog

    source = canvas.model().index["actor:TUR"]
    target_xy = QPointF(*canvas.node_position("alliance:csto"))
    canvas.link_moved(source, target_xy)
    with qtbot.waitSignal(canvas.linkRequested, timeout=2000) as blocker:
        canvas.link_finished(source, target_xy)
    assert blocker.args == ["actor:TUR", "alliance:csto"]

    dialog = link_dialog(session, None, *blocker.args)
    assert isinstance(dialog, MembershipDialog)
    assert combo_choice(dialog.actor_combo) == "TUR"
    assert combo_choice(dialog.alliance_combo) == "csto"
    count = len(session.project.document().memberships)
    dialog.accept()
    assert len(session.project.document().memberships) == count + 1
    session.undo()
    assert len(session.project.document().memberships) == count
    assert isinstance(link_dialog(session, None, "actor:TUR", "actor:FRA"), TieDialog)
    assert link_dialog(session, None, "alliance:nato", "alliance:csto") is None


def test_link_drag_released_on_empty_space_does_nothing(canvas, qtbot):
    source = canvas.model().index["actor:TUR"]
    with qtbot.assertNotEmitted(canvas.linkRequested):
        canvas.link_finished(source, QPointF(1e6, 1e6))


def test_zoom_is_saved_with_the_project_and_fit_resumes_following(canvas, session, qtbot):
    from PySide6.QtCore import QRectF

    from explorer.ui.canvas import GraphCanvas

    canvas.vb.setRange(QRectF(-5, -5, 10, 10), padding=0)
    canvas._on_manual_range()  # noqa: SLF001 - what a wheel zoom or a pan triggers
    kept = canvas.vb.viewRect()
    canvas.shutdown()
    saved = session.project.setting("view.range")
    assert saved == [kept.left(), kept.top(), kept.width(), kept.height()]

    again = GraphCanvas(session)
    qtbot.addWidget(again)
    again.resize(800, 600)
    again.pause_layout()
    r = again.vb.viewRect()
    assert abs(r.center().x() - kept.center().x()) < 1e-6
    again.fit_to_view()
    again.shutdown()
    assert session.project.setting("view.range") is None


def test_detected_colouring_of_a_large_project_is_built_off_the_gui_thread(qtbot, tmp_path):
    """Louvain on hundreds of actors runs in the worker: the old picture stays meanwhile."""
    from explorer.store import Project
    from explorer.synthetic import synthetic_document
    from explorer.ui.canvas import GraphCanvas
    from explorer.ui.session import ProjectSession

    doc = synthetic_document(600, 60, seed=3)
    session = ProjectSession(Project.create(tmp_path / "big.sbx", doc))
    canvas = GraphCanvas(session)
    qtbot.addWidget(canvas)
    canvas.pause_layout()
    before = canvas.legend_entries()
    canvas.set_color_by("detected")
    assert canvas.legend_entries() == before  # nothing built on the GUI thread yet
    qtbot.waitUntil(lambda: any(" · " in e for e in canvas.legend_entries()), timeout=20000)
    assert canvas.color_by == "detected"
    canvas.shutdown()
    session.close()


def test_hovering_a_node_lifts_its_neighbourhood(canvas):
    model = canvas.model()
    nato = model.index["alliance:nato"]
    canvas.hovered(nato)
    lifted = canvas.hover_highlight
    assert lifted.veil.isVisible() and lifted.node == nato
    members = {model.keys[i] for i in lifted.neighbourhood()}
    assert members == {"alliance:nato", "actor:USA", "actor:TUR", "actor:FRA"}
    assert lifted.links.count == 3  # the three memberships, redrawn above the veil
    assert lifted.veil.rect() == canvas.vb.viewRect()
    # the lifted copies move with the layout
    canvas.step_layout(5)
    x = canvas.node_position("actor:USA")[0]
    row = lifted.neighbourhood().index(model.index["actor:USA"])
    assert lifted.nodes.data["x"][row] == x
    canvas.hovered(None)
    assert not lifted.veil.isVisible() and lifted.node is None


def test_label_priority_puts_states_before_hubs_of_equal_rank():
    from explorer.scene.graph_model import label_priority

    # three actors (capability, degree), two hubs (members)
    imp = label_priority([(0.1, 3), (0.5, 1), (0.1, 9)], [4, 30])
    order = sorted(range(5), key=lambda i: -imp[i])
    # capability first, then degree; the biggest hub after two states, the other after four
    assert order == [1, 2, 4, 0, 3]


def test_edges_rest_while_a_large_view_moves(canvas, qtbot, monkeypatch):
    import explorer.ui.canvas.view_motion as motion

    # the small test graph stands in for a large one
    monkeypatch.setattr(motion, "HIDE_EDGES_ON_MOVE_ABOVE", 0)
    canvas.vb.sigRangeChangedManually.emit([True, True])
    assert canvas.edges.interacting
    assert not any(item.isVisible() for item in canvas.edges.items().values())
    assert canvas.nodes.scatter.isVisible()
    qtbot.waitUntil(lambda: not canvas.edges.interacting, timeout=2000)
    assert all(item.isVisible() for item in canvas.edges.items().values())
    # a small graph keeps its edges while it moves
    monkeypatch.setattr(motion, "HIDE_EDGES_ON_MOVE_ABOVE", 10**9)
    canvas.vb.sigRangeChangedManually.emit([True, True])
    assert not canvas.edges.interacting


def test_a_large_layer_draws_a_sample_of_its_edges_while_the_layout_runs(canvas, monkeypatch):
    import explorer.ui.canvas.drawing as drawing

    total = sum(len(p) for p in canvas.edges._pairs.values())  # noqa: SLF001
    assert total > 2
    # the small test graph stands in for a large one
    monkeypatch.setattr(drawing, "EDGES_CACHED_ABOVE", 0)
    monkeypatch.setattr(drawing, "EDGES_SAMPLED_ABOVE", 0)
    monkeypatch.setattr(drawing, "EDGES_WHILE_MOVING", 2)
    monkeypatch.setattr(drawing, "DASH_WHILE_MOVING", 0)  # plain lines: one segment an edge
    pos = canvas._pos  # noqa: SLF001
    canvas.edges.update_positions(pos, moving=True)
    drawn = sum(item.count for item in canvas.edges.items().values())
    # drawn directly while they move; a cached image only at rest
    no_cache = QGraphicsItem.CacheMode.NoCache
    assert all(item.cacheMode() == no_cache for item in canvas.edges.items().values())
    every = canvas.edges.sampled
    assert every == -(-total // 2) > 1
    assert drawn == sum(len(p[::every]) for p in canvas.edges._pairs.values())  # noqa: SLF001
    assert drawn < total
    # the layout rests: every edge again
    canvas.edges.update_positions(pos, moving=False)
    assert canvas.edges.sampled == 1
    assert all(item.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
               for item in canvas.edges.items().values())
    assert sum(item.count for item in canvas.edges.items().values()) >= total


def test_a_sampled_layer_stays_sampled_through_zooms_and_is_whole_once_the_layout_stops(
        canvas, monkeypatch):
    import explorer.ui.canvas.drawing as drawing

    total = sum(len(p) for p in canvas.edges._pairs.values())  # noqa: SLF001
    monkeypatch.setattr(drawing, "EDGES_SAMPLED_ABOVE", 0)
    monkeypatch.setattr(drawing, "EDGES_WHILE_MOVING", 2)
    monkeypatch.setattr(drawing, "HAIRLINE_ABOVE", 0)
    canvas._engine.settle_tolerance = 0.0  # noqa: SLF001
    canvas.start_layout()
    canvas._tick()  # noqa: SLF001
    assert canvas.edges.sampled > 1
    assert all(item.antialias is False for item in canvas.edges.items().values())
    # the follow-the-layout zoom re-cuts dashes, but keeps drawing the sample
    rect = canvas.vb.viewRect()
    canvas.vb.setRange(rect.adjusted(0, 0, rect.width(), rect.height()), padding=0)
    assert canvas.edges.sampled > 1
    canvas.pause_layout()
    assert canvas.edges.sampled == 1
    assert sum(item.count for item in canvas.edges.items().values()) >= total
    assert all(item.antialias is None for item in canvas.edges.items().values())
