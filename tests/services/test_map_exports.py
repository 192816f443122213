"""Exports in the map layout: graph files carry longitude/latitude positions, images
draw the world map, from the command line as from the window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from explorer.errors import UserError
from explorer.io import import_graph
from explorer.model.entities import Actor, Alliance, Document, Membership, Place
from explorer.services import export_graph_file
from explorer.store import Project

ROOT = Path(__file__).resolve().parents[2]


def _placed() -> Document:
    doc = Document(title="Placed")
    doc.actors["TUR"] = Actor("TUR", "Türkiye", place=Place(39.92, 32.85, "capital", "Ankara"))
    doc.actors["AZE"] = Actor("AZE", "Azerbaijan", place=Place(40.38, 49.89))
    doc.actors["hq"] = Actor("hq", "Group with no base", "non_state")
    doc.alliances["shusha"] = Alliance("shusha", "Shusha Declaration", "bilateral_defence",
                                       "defence")
    doc.memberships[1] = Membership("shusha", "TUR", id=1)
    doc.memberships[2] = Membership("shusha", "AZE", id=2)
    return doc


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_map_layout_graph_export_writes_longitude_and_latitude(tmp_path, fmt):
    with Project.create(tmp_path / "p.sbx", _placed()) as project:
        project.set_positions({"actor:TUR": (500.0, -3.0, False), "actor:AZE": (1.0, 1.0, False),
                               "actor:hq": (2.0, 2.0, False),
                               "alliance:shusha": (3.0, 3.0, False)})
        out = export_graph_file(project, tmp_path / f"g.{fmt}", fmt, layout="map")
        force = export_graph_file(project, tmp_path / f"f.{fmt}", fmt, layout="force")
    positions = import_graph(out, fmt).node_positions
    assert positions["actor:TUR"] == pytest.approx((32.85, 39.92))
    # the hub at its members' centre; the group with no place right of 180°E
    assert positions["alliance:shusha"] == pytest.approx(((32.85 + 49.89) / 2, 40.15), abs=0.2)
    assert positions["actor:hq"][0] > 180
    assert import_graph(force, fmt).node_positions["actor:TUR"] == pytest.approx((500.0, -3.0))


def test_unknown_layout_is_refused(tmp_path):
    with Project.create(tmp_path / "p.sbx", _placed()) as project, \
            pytest.raises(UserError, match="force or map"):
        export_graph_file(project, tmp_path / "g.gexf", "gexf", layout="globe")


def test_cli_exports_a_map_png_and_svg(tmp_path):
    from PySide6.QtGui import QColor, QImage

    from explorer.ui.canvas.base_map import LAND, SEA

    project = tmp_path / "p.sbx"
    with Project.create(project, _placed()):
        pass
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    for fmt in ("png", "svg"):
        out = tmp_path / f"map.{fmt}"
        run = subprocess.run(
            [sys.executable, "-m", "explorer", "export", str(project), "--format", fmt,
             "--layout", "map", "-o", str(out), "--width", "1000"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert out.stat().st_size > 10_000
    image = QImage(str(tmp_path / "map.png"))
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert SEA in colours and LAND in colours
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "No fixed place" in svg
