"""Pictures of big graphs: rastered edge groups still show the edges, painting reports
progress, and cancelling (from the window's dialog too) leaves no file."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from explorer.services import export_image
from explorer.store import Project
from explorer.synthetic import synthetic_document
from explorer.ui.export import edge_raster, graph_painting
from explorer.ui.export.renderer import render_page


class Stop(Exception):
    pass


@pytest.fixture
def project():
    with Project.in_memory(synthetic_document(60, 0, seed=3, n_ties=400)) as p:
        yield p


def _green_ink(path) -> int:
    """How much green the picture has beyond grey: the ties' ink (grey nodes, black
    labels and the white ground have none)."""
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGBA8888)
    a = np.frombuffer(image.constBits(), dtype=np.uint8)
    a = a.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3]
    a = a.astype(int)
    return int(np.clip(a[..., 1] - a[..., 0], 0, None).sum())


def test_a_rastered_edge_group_draws_about_what_qt_paths_draw(project, tmp_path, monkeypatch):
    drawn = tmp_path / "paths.png"
    export_image(project, drawn, "png", None, render_page, width=900)
    monkeypatch.setattr(graph_painting, "RASTER_EDGES_ABOVE", 10)
    calls = []
    real = edge_raster.raster_edges
    monkeypatch.setattr(graph_painting, "raster_edges", lambda *a, **k: (calls.append(1), real(*a, **k)))
    rastered = tmp_path / "raster.png"
    export_image(project, rastered, "png", None, render_page, width=900)
    assert calls  # the big-graph way was taken
    by_paths, by_raster = _green_ink(drawn), _green_ink(rastered)
    assert by_paths > 100_000  # the ties are there to compare
    assert 0.75 * by_paths < by_raster < 1.33 * by_paths


def test_vector_pictures_are_never_rastered(project, tmp_path, monkeypatch):
    monkeypatch.setattr(graph_painting, "RASTER_EDGES_ABOVE", 10)
    monkeypatch.setattr(graph_painting, "raster_edges", lambda *a, **k: pytest.fail("rastered"))
    export_image(project, tmp_path / "g.svg", "svg", None, render_page)


def test_painting_reports_progress_up_to_the_end(project, tmp_path, monkeypatch):
    monkeypatch.setattr(graph_painting, "EDGE_CHUNK", 50)
    calls: list[tuple[int, int]] = []
    export_image(project, tmp_path / "g.png", "png", None, render_page, width=900,
                 progress=lambda d, t: calls.append((d, t)))
    done = [d for d, _ in calls]
    assert len(calls) > 8
    assert done == sorted(done)
    assert calls[-1][0] == calls[-1][1]


@pytest.mark.parametrize("raster_above", [10, 10**9])
def test_cancel_while_painting_leaves_no_file(project, tmp_path, monkeypatch, raster_above):
    monkeypatch.setattr(graph_painting, "RASTER_EDGES_ABOVE", raster_above)
    monkeypatch.setattr(graph_painting, "EDGE_CHUNK", 50)
    monkeypatch.setattr(edge_raster, "CHUNK", 50)

    def cancel_mid_way(done: int, total: int) -> None:
        if done > 0.5 * total:
            raise Stop

    with pytest.raises(Stop):
        export_image(project, tmp_path / "g.png", "png", None, render_page, width=900,
                     progress=cancel_mid_way)
    assert list(tmp_path.iterdir()) == []


def test_window_export_cancelled_in_its_progress_dialog_writes_nothing(
        qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialog, QFileDialog

    import explorer.ui.export.file_transfer as ft
    import explorer.ui.export.image_export as ie
    from explorer.ui.canvas import GraphCanvas
    from explorer.ui.session import ProjectSession

    session = ProjectSession(Project.in_memory(synthetic_document(40, 0, seed=1, n_ties=80)))
    canvas = GraphCanvas(session)
    qtbot.addWidget(canvas)
    canvas.pause_layout()

    class Window:
        pass

    window = Window()
    window.canvas, window.session = canvas, session
    window.settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(ie.ImageExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    target = tmp_path / "out" / "picked.png"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialogs = []
    real = ft.progress_dialog

    def cancelled_at_once(*args, **kwargs):
        dialog, report = real(*args, **kwargs)
        dialogs.append(dialog)
        dialog.cancel()  # as if Cancel was pressed as soon as it showed
        return dialog, report

    monkeypatch.setattr(ft, "progress_dialog", cancelled_at_once)
    assert ie.export_image_dialog(window) is None
    assert dialogs and dialogs[0].labelText().startswith("Exporting picked.png")
    assert list(target.parent.iterdir()) == []
    canvas.shutdown()
