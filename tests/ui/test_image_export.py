"""Image export: PNG / SVG / PDF of the canvas, side by side, the dialog, atomic writes."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from explorer.model.entities import Change, Scenario, Source
from explorer.scene.caption import caption_lines, short_publisher, sources_line
from explorer.store import Project
from explorer.ui.canvas import GraphCanvas
from explorer.ui.canvas.legend import legend_size
from explorer.ui.export.image_dialog import ExportOptions, ImageExportDialog
from explorer.ui.export.image_export import (
    ExportError,
    export_comparison,
    export_image,
    run_export,
)
from explorer.ui.session import ProjectSession
from tests.ui.conftest import small_document

SCENARIO = "Türkiye leaves NATO"


def _document():
    doc = small_document()
    doc.title = "Export Test Project"
    doc.sources = {
        "sipri": Source("sipri", "SIPRI Military Expenditure Database",
                        "Stockholm International Peace Research Institute"),
        "nato": Source("nato", "Member countries", "NATO"),
    }
    for key, actor in list(doc.actors.items()):
        doc.actors[key] = type(actor)(**{**actor.__dict__, "source": "sipri"})
    for key, m in list(doc.memberships.items()):
        if m.alliance == "nato":
            doc.memberships[key] = type(m)(**{**m.__dict__, "source": "nato"})
    doc.scenarios = {
        SCENARIO: Scenario(SCENARIO, (Change("remove_membership", actor="TUR", alliance="nato"),))
    }
    return doc


@pytest.fixture
def canvas(qtbot):
    project = Project.in_memory(_document())
    session = ProjectSession(project)
    widget = GraphCanvas(session)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.pause_layout()
    widget.step_layout(300)
    widget.fit_to_view()
    yield widget
    widget.shutdown()


def _rgba(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    buf = np.frombuffer(image.constBits(), dtype=np.uint8)
    return buf.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width()].copy()


def _non_white(a: np.ndarray) -> np.ndarray:
    return (a[..., 3] > 0) & (a[..., :3].min(axis=-1) < 235)


def test_png_size_content_and_legend(canvas, tmp_path):
    out = export_image(canvas, tmp_path / "g.png", "png", width=1600)
    assert out == tmp_path / "g.png"
    image = QImage(str(out))
    assert image.width() == 1600
    assert 600 < image.height() < 2400
    a = _rgba(image)
    # graph area (everything above the caption) has many colours and drawn pixels
    graph = a[: int(a.shape[0] * 0.7)]
    colours = {tuple(px) for px in graph[::3, ::3, :3].reshape(-1, 3)}
    assert len(colours) > 50
    assert _non_white(graph).mean() > 0.005
    # the legend box sits top-left: its region differs from the page background
    s = 1600 / 1200
    lw, lh = legend_size(canvas.model().legend)
    x0, y0 = int(14 * s + 10 * s), int(14 * s + 10 * s)
    box = a[y0 + 4 : y0 + int(lh * s) - 4, x0 + 4 : x0 + int(lw * s) - 4]
    assert box.size and _non_white(box).mean() > 0.03
    # nothing outside the page (the corner beside the legend is plain background)
    assert (a[-3:, -3:, :3] == 255).all()


def test_png_transparent_and_dpi(canvas, tmp_path):
    out = export_image(canvas, tmp_path / "t.png", "png", width=900, transparent=True)
    a = _rgba(QImage(str(out)))
    assert a[0, 0, 3] == 0 and a[-1, -1, 3] == 0 and a[0, -1, 3] == 0
    assert (a[..., 3] > 0).mean() > 0.005
    out = export_image(canvas, tmp_path / "d.png", "png", dpi=150)
    image = QImage(str(out))
    assert image.width() == round(12.5 * 150)
    assert abs(image.dotsPerMeterX() * 0.0254 - 150) < 1


def test_svg_has_legend_caption_and_paths(canvas, tmp_path):
    out = export_image(canvas, tmp_path / "g.svg", "svg", width=1200)
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert root.get("viewBox").startswith("0 0 1200 ")
    texts = " ".join("".join(t.itertext()) for t in root.iter() if t.tag.endswith("text"))
    assert "Export Test Project" in texts
    for label in canvas.legend_entries():
        assert label in texts
    assert "Data: SIPRI, NATO" in texts
    assert "Latest data (no end date): agreements in force then" in texts  # no vintage
    assert sum(1 for e in root.iter() if e.tag.endswith("path")) >= 3
    assert "Sans Serif" not in out.read_text(encoding="utf-8")


def test_pdf(canvas, tmp_path):
    out = export_image(canvas, tmp_path / "g.pdf", "pdf", width=1200)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert 3_000 < len(data) < 2_000_000
    if shutil.which("pdftoppm") is None:
        return  # the rasterising check needs poppler-utils
    subprocess.run(["pdftoppm", "-r", "48", "-png", "-singlefile", str(out),
                    str(tmp_path / "page")], check=True, timeout=30)
    image = QImage(str(tmp_path / "page.png"))
    assert image.width() == pytest.approx(600, abs=3)
    assert _non_white(_rgba(image)).mean() > 0.005


def test_view_region_uses_the_view(canvas, tmp_path):
    out = export_image(canvas, tmp_path / "v.png", "png", width=900, region="view")
    image = QImage(str(out))
    assert image.width() == 900
    # the graph area keeps the view's aspect ratio (900 x 600 widget)
    assert image.height() > 900 * canvas.vb.height() / canvas.vb.width()


def test_side_by_side(canvas, tmp_path):
    canvas.session.set_scenario(SCENARIO, "both")
    single = QImage(str(export_image(canvas, tmp_path / "one.png", "png", width=1000)))
    out = export_comparison(canvas, tmp_path / "cmp.png", "png", width=2000)
    image = QImage(str(out))
    assert image.width() == 2000
    assert image.width() == pytest.approx(2 * single.width(), rel=0.05)
    a = _rgba(image)
    graph = a[: int(a.shape[0] * 0.6)]
    half = graph.shape[1] // 2
    assert _non_white(graph[:, :half]).mean() > 0.005
    assert _non_white(graph[:, half:]).mean() > 0.005
    # the canvas is untouched
    assert canvas.session.mode == "both" and canvas.session.scenario_name == SCENARIO
    svg = export_comparison(canvas, tmp_path / "cmp.svg", "svg")
    text = svg.read_text(encoding="utf-8")
    assert "Baseline" in text and f"Scenario: {SCENARIO}" in text


def test_side_by_side_needs_a_scenario(canvas, tmp_path):
    with pytest.raises(ExportError, match="scenario"):
        export_comparison(canvas, tmp_path / "cmp.png")
    assert not list(tmp_path.iterdir())


def test_unwritable_destination_gives_a_clear_error(canvas, tmp_path):
    # a destination whose "folder" is a file cannot be written, even by root
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="Cannot write"):
        export_image(canvas, blocker / "g.png", "png", width=800)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]
    assert blocker.read_text() == "x"


def test_failed_rename_leaves_nothing_behind(canvas, tmp_path, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="Permission denied"):
        export_image(canvas, tmp_path / "g.png", "png", width=800)
    assert list(tmp_path.iterdir()) == []


def test_failure_while_painting_removes_the_temp_file(canvas, tmp_path, monkeypatch):
    import explorer.ui.export.renderer as ie

    def boom(*args, **kwargs):
        raise RuntimeError("paint failed")

    monkeypatch.setattr(ie, "_paint_page", boom)
    for fmt in ("png", "svg", "pdf"):
        with pytest.raises(RuntimeError):
            export_image(canvas, tmp_path / f"g.{fmt}", fmt, width=800)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_and_bad_options(canvas, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_image(canvas, tmp_path / "no" / "g.png")
    with pytest.raises(ExportError, match="width"):
        export_image(canvas, tmp_path / "g.png", width=10)
    with pytest.raises(ExportError, match="format"):
        export_image(canvas, tmp_path / "g.gif")


def test_caption_words(canvas):
    from explorer.analysis.view import ViewFilter

    doc = canvas.session.project.document()
    view = ViewFilter(as_of="2022-06-01", regions=frozenset({"asia"}),
                      alliance_kinds=frozenset({"collective_defence"}))
    lines = caption_lines(doc, view, SCENARIO, "scenario")
    text = "\n".join(line.text for line in lines)
    assert lines[0].text == "Export Test Project"
    assert "As of 2022-06-01" in text
    assert "Regions: Asia" in text
    assert "Alliance kinds: Collective defence" in text
    assert SCENARIO in text and "scenario applied" in text
    assert short_publisher("Stockholm International Peace Research Institute") == "SIPRI"
    assert short_publisher("Governments of China and Russia") == "national governments"
    assert sources_line(doc, ViewFilter()).startswith("Data: SIPRI, NATO")


def test_dialog_options_and_run(qtbot, canvas, tmp_path):
    dialog = ImageExportDialog(has_scenario=False)
    qtbot.addWidget(dialog)
    assert not dialog.side_by_side_check.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("svg"))
    assert not dialog.by_dpi.isEnabled()
    dialog.width_spin.setValue(1000)
    dialog.view_radio.setChecked(True)
    options = dialog.options()
    assert options == ExportOptions(format="svg", size_mode="width", width=1000, dpi=300,
                                    transparent=False, region="view", side_by_side=False)

    class Window:
        pass

    window = Window()
    window.canvas = canvas
    out = run_export(window, options, tmp_path / "x.svg")
    assert out.read_text(encoding="utf-8").startswith("<?xml")

    dialog = ImageExportDialog(has_scenario=True)
    qtbot.addWidget(dialog)
    dialog.set_options(ExportOptions(format="png", size_mode="dpi", dpi=100, side_by_side=True))
    assert dialog.options().side_by_side and dialog.options().size_mode == "dpi"
    assert not dialog.view_radio.isEnabled()
    canvas.session.set_scenario(SCENARIO, "scenario")
    out = run_export(window, dialog.options(), tmp_path / "x.png")
    assert QImage(str(out)).width() == 2 * 1250


def test_dialog_remembers_settings(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = ImageExportDialog()
    qtbot.addWidget(dialog)
    dialog.set_options(ExportOptions(format="pdf", width=1500, region="view"))
    dialog.save(settings)
    again = ImageExportDialog()
    qtbot.addWidget(again)
    again.load(settings)
    assert again.options().format == "pdf"
    assert again.options().width == 1500
    assert again.options().region == "view"


def test_export_image_dialog_wrapper(qtbot, canvas, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    import explorer.ui.export.image_export as ie

    class Window:
        pass

    window = Window()
    window.canvas = canvas
    window.session = canvas.session
    window.settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(ie.ImageExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    target = tmp_path / "picked"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    out = ie.export_image_dialog(window)
    assert out == tmp_path / "picked.png" and out.exists()
    errors = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: errors.append(a[-1]))
    target = tmp_path / "missing" / "x"
    assert ie.export_image_dialog(window) is None
    assert errors and "does not exist" in errors[0]
    assert not Path(tmp_path / "missing").exists()
