"""The view's filters are saved in the project once they rest, and never lost on close."""

from __future__ import annotations

from explorer.analysis.view import ViewFilter
from explorer.dataset import load_dataset
from explorer.scene.view_state import ViewState
from explorer.store import Project
from explorer.ui.session import ProjectSession


def test_a_dragged_date_is_saved_once_it_rests(qtbot, tmp_path):
    path = tmp_path / "p.sbx"
    Project.create(path, load_dataset()).close()
    session = ProjectSession(Project.open(path))
    writes: list[str] = []
    session.project.subscribe(lambda event: writes.append(event.kind))
    for year in range(1990, 2000):  # ten steps of a drag: no write yet
        session.set_view_filter(ViewFilter(as_of=f"{year}-06-30"))
    assert "settings" not in writes
    assert ViewState.load(session.project).filter.as_of is None
    qtbot.waitUntil(lambda: "settings" in writes, timeout=2000)
    assert writes.count("settings") == 1
    assert ViewState.load(session.project).filter.as_of == "1999-06-30"
    # closing at once keeps the last step too
    session.set_view_filter(ViewFilter(as_of="2001-01-01"))
    session.close()
    with Project.open(path) as again:
        assert ViewState.load(again).filter.as_of == "2001-01-01"


def test_a_scenario_switch_is_saved_once_it_rests_and_on_close(qtbot, tmp_path):
    from explorer.commands import PutScenario
    from explorer.model.entities import Change, Scenario

    path = tmp_path / "p.sbx"
    Project.create(path, load_dataset()).close()
    session = ProjectSession(Project.open(path))
    session.push(PutScenario(Scenario("tur", (Change("remove_actor", actor="TUR"),))))
    writes: list[str] = []
    session.project.subscribe(lambda event: writes.append(event.kind))
    for _ in range(3):  # switching back and forth to compare: no write per switch
        session.set_scenario("tur", "both")
        session.set_scenario(None)
    session.set_scenario("tur", "scenario")
    assert "settings" not in writes
    assert session.mode == "scenario"  # the session answers at once
    qtbot.waitUntil(lambda: "settings" in writes, timeout=2000)
    saved = ViewState.load(session.project)
    assert (saved.scenario, saved.mode) == ("tur", "scenario")
    session.set_scenario("tur", "both")
    session.close()
    with Project.open(path) as again:
        assert (ViewState.load(again).scenario, ViewState.load(again).mode) == ("tur", "both")
