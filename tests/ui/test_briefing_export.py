"""File ▸ Export Briefing: the comparison on show becomes a PDF and an HTML file."""

from __future__ import annotations

import re

from conftest import open_window, small_document  # same folder (pytest prepend import mode)

from explorer.commands import PutScenario
from explorer.model.entities import Change, Scenario
from explorer.store import Project
from explorer.ui.export.briefing_dialog import write_session_briefing


def _window_with_scenario(qtbot, tmp_path, window_settings):
    path = tmp_path / "p.sbx"
    Project.create(path, small_document()).close()
    window = open_window(qtbot, path, window_settings)
    session = window.session
    name = "Türkiye leaves NATO"
    session.push(PutScenario(Scenario(name, (Change("remove_membership", "TUR", "nato"),))))
    session.set_scenario(name, "both")
    return window


def test_briefing_of_the_comparison_on_show(qtbot, tmp_path, window_settings):
    window = _window_with_scenario(qtbot, tmp_path, window_settings)
    assert window.act_export_briefing.isEnabled()
    html = write_session_briefing(window.session, tmp_path / "brief.html")
    text = html.read_text(encoding="utf-8")
    assert "<h1>What if: Türkiye leaves NATO</h1>" in text
    assert "Türkiye leaves North Atlantic Treaty Organization" in text  # the change, by name
    assert text.count("data:image/png;base64,") == 1
    steps: list[str] = []
    pdf = write_session_briefing(window.session, tmp_path / "brief.pdf",
                                 lambda i, n, what: steps.append(what) or True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and re.search(rb"/Type\s*/Page\b", data)
    assert steps == ["Analysing the view", "Drawing the pictures", "Writing the briefing"]
    window.close_project()


def test_cancelling_writes_nothing(qtbot, tmp_path, window_settings):
    from explorer.services.briefing import BriefingCancelled

    window = _window_with_scenario(qtbot, tmp_path, window_settings)
    target = tmp_path / "brief.pdf"
    try:
        write_session_briefing(window.session, target, lambda i, n, what: i < 1)
    except BriefingCancelled as exc:
        assert "nothing was written" in str(exc)
    else:
        raise AssertionError("the briefing went on after Cancel")
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".brief")]
    window.close_project()
