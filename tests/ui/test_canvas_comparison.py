"""The canvas marks the actors the What-if comparison singles out, not a score of its own."""

from __future__ import annotations

from explorer.analysis.affected import most_affected
from explorer.analysis.whatif import compare
from explorer.dataset import load_dataset
from explorer.model.entities import Change, Scenario
from explorer.store import Project
from explorer.ui.canvas import GraphCanvas
from explorer.ui.session import ProjectSession
from explorer.ui.whatif.panel import WhatIfPanel

TUR_LEAVES = Change("remove_membership", actor="TUR", alliance="nato")


def test_most_affected_leads_with_the_scenarios_subject():
    doc = load_dataset()
    c = compare(doc, Scenario("t", (TUR_LEAVES,)))
    affected = most_affected(c)
    assert affected[0] == "TUR"
    assert 1 < len(affected) <= 8
    nothing = compare(doc, Scenario("none", ()))
    assert most_affected(nothing) == []


def test_canvas_outlines_what_the_comparison_reports(qtbot, tmp_path):
    session = ProjectSession(Project.create(tmp_path / "p.sbx", load_dataset()))
    canvas = GraphCanvas(session)
    panel = WhatIfPanel(session)
    qtbot.addWidget(canvas)
    qtbot.addWidget(panel)
    canvas.pause_layout()
    panel.new_scenario("Türkiye leaves NATO")
    panel.add_change(TUR_LEAVES)
    session.set_scenario("Türkiye leaves NATO", "both")
    c = panel.compute_now()
    want = {f"actor:{a}" for a in most_affected(c)}
    assert set(canvas.affected_nodes()) == want
    panel.wait_idle()
    canvas.shutdown()
    session.close()
