"""Numbers beyond sense stored straight into a project (inf, nan, 1e300 as positions,
sizes, weights, figures) never raise: the project opens, the window draws it, and PNG,
SVG and PDF exports are written."""

from __future__ import annotations

import sqlite3

import pytest

from explorer.dataset import load_dataset
from explorer.services import export_image
from explorer.store import Project


@pytest.mark.parametrize("value", [1e300, float("-inf"), float("nan")])
def test_extreme_stored_values_open_draw_and_export(qtbot, tmp_path, value):
    from explorer.ui.export.renderer import render_page
    from explorer.ui.session import ProjectSession

    path = tmp_path / "x.sbx"
    Project.create(path, load_dataset()).close()
    conn = sqlite3.connect(path)
    at = value if value == value else float("inf")  # SQLite stores NaN as NULL
    conn.execute("INSERT OR REPLACE INTO positions (node, x, y, pinned) VALUES "
                 "('actor:TUR', ?, ?, 1)", (at, at))
    conn.execute("INSERT OR REPLACE INTO node_styles (node, color, size) VALUES "
                 "('actor:FRA', '#ff0000', ?)", (at,))
    conn.execute("INSERT OR REPLACE INTO edge_props (edge, weight, directed) VALUES "
                 "('tie:1', ?, 0)", (at,))
    stored = f"[{value!r}]".replace("inf", "Infinity").replace("nan", "NaN")
    conn.execute('UPDATE figure_series SET "values" = ? WHERE actor = ? AND position = 0',
                 (stored, "TUR"))
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        assert "actor:TUR" not in project.positions()  # left out, placed again
        assert project.document().extras.styles["actor:FRA"].size is None
        for fmt in ("png", "svg", "pdf"):
            out = export_image(project, tmp_path / f"x.{fmt}", fmt, None, render_page)
            assert out.stat().st_size > 1000
    from explorer.ui.canvas import GraphCanvas

    session = ProjectSession(Project.open(path))
    canvas = GraphCanvas(session)
    qtbot.addWidget(canvas)
    canvas.resize(600, 400)
    canvas.step_layout(20)
    canvas.fit_to_view()
    assert not canvas.grab().isNull()
    canvas.shutdown()
    session.close()
