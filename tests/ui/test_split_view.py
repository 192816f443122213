"""The side-by-side comparison: baseline | scenario, one layout, pan and zoom in step."""

from __future__ import annotations

import numpy as np
from conftest import open_window, small_document  # same folder (pytest prepend import mode)
from PySide6.QtCore import QRectF

from explorer.commands import PutScenario
from explorer.model.entities import Change, Scenario
from explorer.store import Project


def test_split_view_draws_baseline_beside_scenario(qtbot, tmp_path, window_settings):
    path = tmp_path / "p.sbx"
    Project.create(path, small_document()).close()
    window = open_window(qtbot, path, window_settings)
    window.resize(1400, 900)
    window.show()
    area = window.comparison_area
    assert not area.baseline.isVisible()  # no scenario: the canvas alone
    session = window.session
    name = "Türkiye leaves NATO"
    session.push(PutScenario(Scenario(name, (Change("remove_membership", "TUR", "nato"),))))
    session.set_scenario(name, "split")
    qtbot.waitUntil(lambda: area.baseline.isVisible())
    canvas = window.canvas
    canvas.pause_layout()
    canvas.step_layout(50)
    # both halves draw the same nodes at the same places
    assert area.baseline.node_keys() == canvas.node_keys()
    assert np.allclose(area.baseline._pos, canvas.positions_array())
    # the scenario half ghosts what the scenario removes; the baseline draws it plainly
    assert "ghost" in canvas.model().edge_styles
    assert "ghost" not in area.baseline._model.edge_styles
    # pan or zoom on one side and the other follows
    canvas.vb.setRange(QRectF(-1, -1, 2, 2), padding=0)
    assert np.allclose(area.baseline.vb.viewRect().getRect(), canvas.vb.viewRect().getRect())
    area.baseline.vb.setRange(QRectF(0, 0, 1, 1), padding=0)
    area.baseline._push_range()
    assert np.allclose(canvas.vb.viewRect().getRect(), area.baseline.vb.viewRect().getRect())
    # the comparison's sentences across the top, once computed
    qtbot.waitUntil(lambda: "NATO loses Türkiye" in area.summary_text(), timeout=10_000)
    # the legend folds to one line to leave half a canvas to the graph; a click unfolds it
    assert canvas.legend.collapsed
    canvas.legend.set_collapsed(False)
    assert canvas.legend.boundingRect().height() > 60
    # compared with another scenario, the left half draws that scenario
    other = "France leaves NATO"
    session.push(PutScenario(Scenario(other, (Change("remove_actor", "FRA"),))))
    session.project.set_setting("whatif.reference", other)
    qtbot.waitUntil(lambda: area.baseline.heading.text() == f"Compared with: {other}")
    assert "actor:FRA" not in area.baseline.node_keys()
    assert "actor:FRA" in canvas.node_keys()
    # back to one canvas
    session.set_scenario(name, "both")
    assert not area.baseline.isVisible() and area.summary_text() == ""
    window.close_project()


def test_directed_ties_get_arrowheads(qtbot, tmp_path, window_settings):
    from explorer.services import import_to_new_project

    source = tmp_path / "edges.csv"
    source.write_text("Source,Target,Type\nA,B,Directed\nB,C,Directed\nC,A,Undirected\n",
                      encoding="utf-8")
    summary = import_to_new_project(source, tmp_path / "d.sbx")
    window = open_window(qtbot, summary.path, window_settings)
    arrows = window.comparison_area.arrows
    assert arrows.count == 2
    assert not arrows.boundingRect().isEmpty()
    assert any("Directed tie" in label for label in window.canvas.legend_entries())
    window.close_project()
