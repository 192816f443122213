"""``balance-explorer export --format png|svg|pdf``: headless image export in a subprocess."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(cwd / "xdg"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli_images")
    path = folder / "p.sbx"
    result = _run("new", "-o", str(path), "--title", "CLI Image Test", cwd=folder)
    assert result.returncode == 0, result.stderr
    return path


def test_png_width_and_project_untouched(project, tmp_path):
    before = project.read_bytes()
    out = tmp_path / "out.png"
    result = _run("export", str(project), "--format", "png", "-o", str(out), "--width", "1200",
                  cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    width, height = _png_size(out)
    assert width == 1200 and 500 < height < 2500
    assert project.read_bytes() == before  # nothing written into the user's file
    assert [p.name for p in tmp_path.iterdir() if p.name != "xdg"] == ["out.png"]


def test_svg_and_pdf_with_filters(project, tmp_path):
    svg = tmp_path / "out.svg"
    result = _run("export", str(project), "--format", "svg", "-o", str(svg), "--width", "1000",
                  "--region", "south_caucasus", "--region", "Central Asia",
                  "--as-of", "2022-06-01", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    root = ET.parse(svg).getroot()
    assert root.get("viewBox").startswith("0 0 1000 ")
    text = " ".join("".join(t.itertext()) for t in root.iter() if t.tag.endswith("text"))
    assert "CLI Image Test" in text and "As of 2022-06-01" in text
    assert "South Caucasus" in text and "Central Asia" in text
    pdf = tmp_path / "out.pdf"
    result = _run("export", str(project), "--format", "pdf", "-o", str(pdf), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5_000


def test_bad_options_are_one_line_errors(project, tmp_path):
    out = tmp_path / "x.png"
    for args, words in (
        (("--scenario", "nope"), "Unknown scenario 'nope'"),
        (("--region", "south_caucasu"), "south_caucasus"),
        (("--as-of", "2022-13-01"), "2022-13-01"),
        (("--width", "5"), "width"),
    ):
        result = _run("export", str(project), "--format", "png", "-o", str(out), *args,
                      cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], result.stderr
        assert "Traceback" not in result.stderr
    assert not out.exists()


def test_side_by_side_comparison_from_the_cli(project, tmp_path):
    from explorer.model.entities import Change, Scenario
    from explorer.store import Project

    copy = tmp_path / "with-scenario.sbx"
    copy.write_bytes(project.read_bytes())
    with Project.open(copy) as p:
        p.put_scenario(Scenario("Türkiye leaves NATO", (Change("remove_membership", "TUR", "nato"),)))
    single, pair = tmp_path / "one.png", tmp_path / "two.png"
    assert _run("export", str(copy), "--format", "png", "-o", str(single), "--width", "1000",
                "--scenario", "Türkiye leaves NATO", cwd=tmp_path).returncode == 0
    result = _run("export", str(copy), "--format", "png", "-o", str(pair), "--width", "2000",
                  "--scenario", "Türkiye leaves NATO", "--side-by-side", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    width, height = _png_size(pair)
    assert width == 2000 and height > 400
    result = _run("export", str(copy), "--format", "png", "-o", str(tmp_path / "x.png"),
                  "--side-by-side", cwd=tmp_path)
    assert result.returncode == 2 and "--side-by-side needs --scenario" in result.stderr
