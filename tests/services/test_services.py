"""The shared operations: one implementation behind the CLI and the window."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.errors import UserError
from explorer.io import import_graph
from explorer.model.entities import Actor, Alliance, Document, Membership
from explorer.services import (
    ViewRequest,
    export_document_json,
    export_graph_file,
    import_to_new_project,
    make_report,
    new_project,
)
from explorer.store import Project
from explorer.store.atomic import WriteError, write_atomic

ROOT = Path(__file__).resolve().parents[2]


def _clash_document() -> Document:
    """An actor and an alliance that share the id 'X' (allowed: separate id spaces)."""
    doc = Document(title="Clash")
    doc.actors["X"] = Actor("X", "Xland")
    doc.actors["Y"] = Actor("Y", "Yland")
    doc.alliances["X"] = Alliance("X", "X Pact", "collective_defence", "defence")
    doc.memberships[1] = Membership("X", "X", id=1)
    doc.memberships[2] = Membership("X", "Y", id=2)
    return doc


def test_graph_export_keeps_actor_and_alliance_positions_apart(tmp_path):
    with Project.create(tmp_path / "p.sbx", _clash_document()) as project:
        project.set_positions(
            {"actor:X": (1.0, 2.0, False), "alliance:X": (30.0, 40.0, True),
             "actor:Y": (5.0, 6.0, False)}
        )
        out = export_graph_file(project, tmp_path / "g.gexf", "gexf")
    result = import_graph(out, "gexf")
    assert result.node_positions["actor:X"] == (1.0, 2.0)
    assert result.node_positions["alliance:X"] == (30.0, 40.0)
    assert result.node_positions["actor:Y"] == (5.0, 6.0)
    summary = import_to_new_project(out, tmp_path / "back.sbx")
    with Project.open(summary.path) as back:
        stored = back.positions()
    assert stored["actor:X"][:2] == (1.0, 2.0) and stored["alliance:X"][:2] == (30.0, 40.0)


def test_graph_export_of_a_scenario_drops_the_removed_actor(tmp_path):
    with Project.create(tmp_path / "p.sbx", _clash_document()) as project:
        export_graph_file(project, tmp_path / "g.graphml", "graphml",
                          ViewRequest(removes=("Y",)))
    assert set(import_graph(tmp_path / "g.graphml").document.actors) == {"X"}


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json", "csv"])
def test_exported_files_get_the_umask_mode(tmp_path, fmt):
    old = os.umask(0o022)
    try:
        with Project.create(tmp_path / "p.sbx", _clash_document()) as project:
            out = export_graph_file(project, tmp_path / f"g.{fmt}", fmt)
            written = [out] if fmt != "csv" else sorted(tmp_path.glob("g_*.csv"))
            doc_json = export_document_json(project, tmp_path / "doc.json")
    finally:
        os.umask(old)
    assert written
    for path in [*written, doc_json]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_atomic_writer_removes_its_temporary_file_on_failure(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("before")

    def fail(tmp: str) -> None:
        Path(tmp).write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(WriteError, match="No space left"):
        write_atomic(target, fail)
    assert target.read_text() == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_atomic_writer_refuses_a_missing_folder(tmp_path):
    with pytest.raises(WriteError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "a.txt", lambda tmp: None)


def test_new_and_import_refuse_existing_files(tmp_path):
    path = new_project(tmp_path / "n.sbx", empty=True)
    with pytest.raises(UserError, match="already exists"):
        new_project(path)
    with Project.create(tmp_path / "p.sbx", _clash_document()) as project:
        export_graph_file(project, tmp_path / "g.json", "json")
    summary = import_to_new_project(tmp_path / "g.json", tmp_path / "i.sbx")
    assert summary.counts["actors"] == 2
    with pytest.raises(UserError, match="already exists"):
        import_to_new_project(tmp_path / "g.json", tmp_path / "i.sbx")


def test_report_service_names_unknown_regions(tmp_path):
    from explorer.analysis.errors import UnknownName

    with Project.create(tmp_path / "p.sbx", _clash_document()) as project:
        assert "Xland" in make_report(project) or "X" in make_report(project)
        with pytest.raises(UnknownName):
            make_report(project, ViewRequest(regions=("atlantis",)))


PROBE = r"""
import sys
from PySide6.QtWidgets import QApplication, QWidget
built = []
original = QWidget.__init__
def spy(self, *a, **k):
    built.append(type(self).__name__)
    original(self, *a, **k)
QWidget.__init__ = spy
from explorer.cli import main
status = main(["export", "--format", "png", "-o", sys.argv[1], "--width", "600"])
print(status, len(built), ",".join(built))
"""


def test_cli_image_export_builds_no_widget(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "xdg"))
    env["PYTHONPATH"] = str(ROOT)
    out = tmp_path / "g.png"
    done = subprocess.run([sys.executable, "-c", PROBE, str(out)], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    status, widgets, _names = (done.stdout.strip().split(" ") + [""])[:3]
    assert status == "0" and widgets == "0", done.stdout
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~0o022 or out.stat().st_size > 0


def test_absurd_coordinates_are_dropped_at_import_and_the_image_still_exports(tmp_path):
    from explorer.services import export_image
    from explorer.ui.export.renderer import render_page

    gexf = tmp_path / "huge.gexf"
    gexf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">'
        '<graph defaultedgetype="undirected"><nodes>'
        '<node id="a" label="A"><viz:position x="1e160" y="2.0"/></node>'
        '<node id="b" label="B"><viz:position x="3.0" y="4.0"/></node>'
        '</nodes><edges><edge id="e" source="a" target="b"/></edges></graph></gexf>',
        encoding="utf-8",
    )
    summary = import_to_new_project(gexf, tmp_path / "p.sbx")
    assert any("beyond" in w for w in summary.warnings)
    with Project.open(summary.path) as project:
        assert set(project.positions()) == {"actor:b"}
        out = export_image(project, tmp_path / "g.png", "png", None, render_page, width=400)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _chain_gexf(path: Path, n: int) -> Path:
    nodes = "".join(f'<node id="n{i}"><viz:position x="{i}" y="0"/></node>' for i in range(n))
    edges = "".join(f'<edge source="n{i}" target="n{i + 1}"/>' for i in range(n - 1))
    path.write_text('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz">'
                    f"<graph><nodes>{nodes}</nodes><edges>{edges}</edges></graph></gexf>")
    return path


def test_import_progress_runs_once_from_reading_to_writing(tmp_path, monkeypatch):
    monkeypatch.setattr("explorer.io.common.PROGRESS_STEP", 2_000)
    monkeypatch.setattr("explorer.store.bulk_write.CHUNK", 40)
    calls: list[tuple[int, int]] = []
    import_to_new_project(_chain_gexf(tmp_path / "c.gexf", 300), tmp_path / "c.sbx",
                          progress=lambda d, t: calls.append((d, t)))
    done = [d for d, _ in calls]
    assert done == sorted(done)
    assert calls[-1][0] == calls[-1][1]
    # the writing stage (the last 30 %) reports steps of its own
    assert len([d for d, t in calls if 0.7 * t < d < t]) >= 3


def test_import_cancelled_while_writing_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr("explorer.store.bulk_write.CHUNK", 40)
    source = _chain_gexf(tmp_path / "c.gexf", 300)
    writing: list[int] = []

    class Cancelled(Exception):
        pass

    def cancel_while_writing(done: int, total: int) -> None:
        if done > 0.8 * total:
            writing.append(done)
            raise Cancelled

    with pytest.raises(Cancelled):
        import_to_new_project(source, tmp_path / "c.sbx", progress=cancel_while_writing)
    assert writing
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.gexf"]
